"""What each app keeps about an applicant, registered from its ``AppConfig.ready()``.

``python manage.py personal_data_purge`` (``womenup.privacy.services.personal_data_purge``)
asks every registered activity source for the last day of each applicant's part in its
programmes, and hands the applicants whose last day is more than
``PERSONAL_DATA_RETENTION_DAYS`` ago to every registered anonymiser. The kernel names no app;
this module imports no model, so an ``apps.py`` may import it at the top.

- an activity source is ``source() -> Iterable[tuple[user_id, date]]``: one pair per applicant
  (or several; the latest counts), e.g. the close of an intake she applied to, a course's last
  day, an internship's end;
- an anonymiser is ``anonymiser(*, user_ids: list[int], dry_run: bool) -> dict[str, int]``:
  it erases the personal fields the app holds about these users (names, contacts, birth dates,
  free text they wrote, uploaded files) and keeps the rows, so counts and amounts stay; it
  returns how many of each thing it erased, or in a dry run would erase, by a Korean label.
"""

from collections.abc import Callable, Iterable
from datetime import date

ActivitySource = Callable[[], Iterable[tuple[int, date]]]
Anonymiser = Callable[..., dict[str, int]]

_SOURCES: list[ActivitySource] = []
_ANONYMISERS: list[tuple[int, Anonymiser]] = []


def register_activity_source(source: ActivitySource) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def register_anonymiser(order: int, anonymiser: Anonymiser) -> None:
    """Anonymisers run by ``order``, lowest first; the kernel's own (the account) runs last."""
    if (order, anonymiser) not in _ANONYMISERS:
        _ANONYMISERS.append((order, anonymiser))


def activity_sources() -> list[ActivitySource]:
    return list(_SOURCES)


def anonymisers() -> list[Anonymiser]:
    return [anonymiser for _order, anonymiser in sorted(_ANONYMISERS, key=lambda pair: pair[0])]
