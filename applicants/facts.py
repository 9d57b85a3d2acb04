"""What other apps know about an applicant: eligibility facts and trainings for candidate cards.

The applicant's own records (profile, qualifications, documents) give most facts; an app that
knows more (courses: completed courses and pre-trainings) adds a source in its
``AppConfig.ready()`` with :func:`register_fact_source`, so this app imports none of them.
Likewise :func:`register_training_source` adds trainings completed elsewhere in the portal to
the candidate cards companies see (``selectors.candidate_cards``).

A source takes the profile ids (a list, or a queryset of ids kept as a subquery) and returns
``{profile_id: {fact name: value}}`` in a fixed number of queries whatever the count. A profile
the source returns nothing for gets ``absent`` (for example "known: no completed course").
Set-valued facts such as ``qualifications`` are united with what is already known, history
(``participations``, ``participation_records``) is appended to; other facts are replaced.

:func:`record_facts` is the one place where what she states (a :class:`FactRecord`, from her
profile rows or from a visitor's self-check answers) and what the sources contribute become
:class:`Facts`: the batch, the application forms and the self-check all build facts with it.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from womenup.programs.eligibility import Facts

FactSource = Callable[[Iterable[int]], dict[int, dict]]
SET_FACTS = frozenset(
    {"qualifications", "completed_courses", "completed_pre_trainings", "documents"}
)
HISTORY_FACTS = frozenset({"participations", "participation_records"})


@dataclass(frozen=True)
class _Registered:
    source: FactSource
    absent: dict = field(default_factory=dict)


_SOURCES: list[_Registered] = []


def register_fact_source(source: FactSource, *, absent: dict | None = None) -> None:
    entry = _Registered(source, dict(absent or {}))
    if entry not in _SOURCES:
        _SOURCES.append(entry)


def contributed_facts(profile_ids, pks: Iterable[int]) -> dict[int, list[Mapping]]:
    """Every registered source's contribution for each of ``pks``, in registration order."""
    contributions: dict[int, list[Mapping]] = {pk: [] for pk in pks}
    for entry in _SOURCES:
        found = entry.source(profile_ids)
        for pk, found_for_pk in contributions.items():
            found_for_pk.append(found.get(pk, entry.absent))
    return contributions


@dataclass(frozen=True)
class FactRecord:
    """What she states about herself, as her profile keeps it; ``None`` / ``""`` is unknown.

    ``has_training`` / ``has_career`` / ``has_certificate``: she recorded a training completed
    elsewhere, a career in the field, a professional certificate. ``documents``: the kinds she
    has (uploaded on the portal, or ready, in the self-check). ``participations``: her past
    participations as ``(programme code, first day, last day)``; ``None`` is unknown.
    """

    gender: str = ""
    birth_date: date | None = None
    residence_city: str | None = None
    employment_status: str = ""
    last_employment_end: date | None = None
    never_employed: bool = False
    has_training: bool = False
    has_career: bool = False
    has_certificate: bool = False
    documents: Iterable[str] = ()
    participations: Iterable[tuple[str, date, date]] | None = None


def record_facts(record: FactRecord, contributions: Iterable[Mapping] = ()) -> Facts:
    """Her facts: what she states, then each contribution (set facts united, others replaced)."""
    values = {
        "gender": record.gender or None,
        "birth_date": record.birth_date,
        "residence_city": record.residence_city,
        "employment_status": record.employment_status or None,
        "last_employment_end": record.last_employment_end,
        "employment_history_known": (
            True if (record.last_employment_end or record.never_employed) else None
        ),
        "qualifications": _qualifications(record),
        "documents": set(record.documents),
        "participations": _periods(record.participations),
        "participation_records": _records(record.participations),
    }
    for contribution in contributions:
        for name, value in contribution.items():
            if name in SET_FACTS and values.get(name) is not None and value is not None:
                values[name] = set(values[name]) | set(value)
            elif name in HISTORY_FACTS and values.get(name) is not None and value is not None:
                values[name] = [*values[name], *value]
            else:
                values[name] = value
    return Facts(**values)


def _periods(participations) -> list[tuple[date, date]] | None:
    if participations is None:
        return None
    return [(start, end) for _programme, start, end in participations]


def _records(participations) -> list[tuple[str, date, date]] | None:
    return None if participations is None else list(participations)


def _qualifications(record: FactRecord) -> set[str]:
    found = set()
    if record.has_training:
        found.add("vocational_training")
    if record.has_career:
        found.add("career_in_field")
    if record.has_certificate:
        found.add("certificate")
    return found


TrainingSource = Callable[[Iterable[int]], dict[int, list]]
_TRAINING_SOURCES: list[TrainingSource] = []


def register_training_source(source: TrainingSource) -> None:
    """Add ``source(profile_ids) -> {profile_id: [TrainingLine, ...]}`` (one query)."""
    if source not in _TRAINING_SOURCES:
        _TRAINING_SOURCES.append(source)


def contributed_trainings(profile_ids) -> dict[int, list]:
    found: dict[int, list] = {}
    for source in _TRAINING_SOURCES:
        for pk, lines in source(profile_ids).items():
            found.setdefault(pk, []).extend(lines)
    return found
