"""Core types of the eligibility evaluator: outcomes, rule kinds, facts, reasons.

Imports nothing from Django (the import contract in pyproject.toml guards it), so the weekly
batch can run the evaluator over many applicants and tests can run it without a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any


class Outcome(StrEnum):
    """Result of one rule, or of all of a program's rules together."""

    PASS = "pass"
    FAIL = "fail"
    NEEDS_INFO = "needs_info"


class RuleKind(StrEnum):
    """The kinds of eligibility rule; each takes its own params (see ``params.py``)."""

    RESIDENCY = "residency"
    GENDER = "gender"
    EMPLOYMENT_STATUS = "employment_status"
    AGE_RANGE = "age_range"
    QUALIFICATION_ANY_OF = "qualification_any_of"
    COURSE_COMPLETION = "course_completion"
    PRE_TRAINING = "pre_training"
    DOCUMENTS = "documents"
    NOT_EMPLOYED_RECENTLY = "not_employed_recently"
    PARTICIPATION_LIMIT = "participation_limit"
    COMPANY_LOCATION = "company_location"
    COMPANY_MIN_EMPLOYEES = "company_min_employees"
    COMPANY_SME = "company_sme"
    NOT_PAST_PARTICIPANT = "not_past_participant"


COMPANY_RULE_KINDS = frozenset(
    {RuleKind.COMPANY_LOCATION, RuleKind.COMPANY_MIN_EMPLOYEES, RuleKind.COMPANY_SME}
)
"""Kinds judged on a company's facts (:class:`CompanyFacts`) rather than an applicant's: a
programme's company rules say which companies may post roles in it."""


GENDERS = frozenset({"female", "male"})
"""Gender codes a rule may require (labels: the applicant profile's choices)."""

EMPLOYMENT_STATUSES = ("employed", "unemployed", "self_employed")
"""Employment status codes, in the order a request for the status lists them."""


@dataclass(frozen=True)
class Reason:
    """Why a rule failed or what it needs, as data: ``code`` is ``"<kind>.<outcome>"``.

    ``params`` are JSON values only (codes, ints, ISO dates, staff-given labels), so a reason can
    be stored and rendered later, in the reader's language, by ``reasons.render``.
    """

    code: str
    params: Mapping[str, Any]

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params)}


Period = tuple[date, date]
"""A past participation: first and last day, both inclusive."""

Participation = tuple[str, date, date]
"""A past participation in a programme: its code, first and last day (inclusive)."""


@dataclass(frozen=True)
class Facts:
    """What is known about an applicant. ``None`` always means *unknown*.

    A rule whose facts are unknown gives ``NEEDS_INFO``; an empty set is known to be empty (no
    qualifications, no documents, no past participations) and is judged as such.

    Employment history: ``last_employment_end`` is the last day of the most recent job. Its
    ``None`` is ambiguous, so ``employment_history_known`` settles it: ``True`` says the history
    is complete, so ``last_employment_end=None`` means *never employed*; ``None`` or ``False``
    says it is unknown. A given ``last_employment_end`` is known whatever the flag says.

    Collections may be passed as any set (or iterable) of codes and are stored as ``frozenset``;
    ``participations`` is stored as a tuple of ``(start, end)`` sorted by start.

    ``participation_records`` are the same history with the programme of each period
    (``(programme code, start, end)``, sorted); rules limited to some programmes read it. Who
    builds facts from a history gives both (``participations`` = every record's period).
    """

    gender: str | None = None
    birth_date: date | None = None
    residence_city: str | None = None
    employment_status: str | None = None
    last_employment_end: date | None = None
    employment_history_known: bool | None = None
    qualifications: AbstractSet[str] | None = None
    completed_courses: AbstractSet[str] | None = None
    completed_pre_trainings: AbstractSet[str] | None = None
    documents: AbstractSet[str] | None = None
    participations: Sequence[Period] | None = None
    participation_records: Sequence[Participation] | None = None

    def __post_init__(self) -> None:
        for name in ("qualifications", "completed_courses", "completed_pre_trainings", "documents"):
            object.__setattr__(self, name, _frozen_codes(name, getattr(self, name)))
        object.__setattr__(self, "participations", _sorted_periods(self.participations))
        object.__setattr__(
            self, "participation_records", _sorted_records(self.participation_records)
        )

    def periods_in(self, programs: Iterable[str] | None) -> tuple[Period, ...] | None:
        """Past periods in ``programs`` (from the records), or every period when ``None``."""
        if programs is None:
            return self.participations
        if self.participation_records is None:
            return None
        wanted = set(programs)
        periods = (
            (start, end) for code, start, end in self.participation_records if code in wanted
        )
        return _sorted_periods(periods)


@dataclass(frozen=True)
class CompanyFacts:
    """What is known about a company that wants to take part. ``None`` means *unknown*."""

    city: str | None = None
    regular_employees: int | None = None
    is_sme: bool | None = None


def combine_outcomes(outcomes: Iterable[Outcome]) -> Outcome:
    """FAIL if any outcome fails, else NEEDS_INFO if any needs information, else PASS."""
    seen = set(outcomes)
    if Outcome.FAIL in seen:
        return Outcome.FAIL
    if Outcome.NEEDS_INFO in seen:
        return Outcome.NEEDS_INFO
    return Outcome.PASS


def age_on(birth_date: date, on: date) -> int:
    """Age in full years (만 나이) on date ``on``.

    One year is added on each birthday. Someone born on 29 February has their birthday on
    1 March in common years (their age has not yet changed on 28 February).
    """
    birthday_reached = (on.month, on.day) >= (birth_date.month, birth_date.day)
    return on.year - birth_date.year - (0 if birthday_reached else 1)


def _frozen_codes(name: str, codes: Iterable[str] | None) -> frozenset[str] | None:
    if codes is None:
        return None
    if isinstance(codes, str):
        raise TypeError(f"Facts.{name} must be a set of codes, not a single string {codes!r}")
    return frozenset(codes)


def _sorted_periods(periods: Iterable[Period] | None) -> tuple[Period, ...] | None:
    if periods is None:
        return None
    normalized = tuple(sorted((start, end) for start, end in periods))
    for start, end in normalized:
        if start > end:
            raise ValueError(
                f"Facts.participations: a period starts after it ends ({start} > {end})"
            )
    return normalized


def _sorted_records(records: Iterable[Participation] | None) -> tuple[Participation, ...] | None:
    if records is None:
        return None
    normalized = tuple(sorted((code, start, end) for code, start, end in records))
    _sorted_periods((start, end) for _code, start, end in normalized)  # checks start <= end
    return normalized
