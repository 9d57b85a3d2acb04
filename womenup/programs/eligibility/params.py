"""The parameter schema of each rule kind: one frozen dataclass per kind, checked when parsed.

A rule's params are stored as JSON (staff edit them). ``parse(kind, params)`` turns them into the
kind's dataclass, raising ``ValueError`` that names the kind and the parameter for anything
missing, mistyped or unexpected. No Django here.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from womenup.programs.eligibility.core import EMPLOYMENT_STATUSES, GENDERS, RuleKind


class _Reader:
    """Reads a rule's params, raising ``ValueError`` that names the rule kind and the key."""

    def __init__(self, kind: RuleKind, params: Mapping[str, Any]) -> None:
        self._kind = kind
        self._params = params
        self._read: set[str] = set()

    def error(self, key: str, problem: str) -> ValueError:
        return ValueError(f"{self._kind} rule: parameter {key!r} {problem}")

    def text(self, key: str) -> str:
        value = self.optional_text(key)
        if value is None:
            raise self.error(key, "is required")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self._value(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise self.error(key, f"must be a non-empty string, got {value!r}")
        return value

    def choice(self, key: str, allowed: Collection[str]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self.error(key, f"must be one of {sorted(allowed)}, got {value!r}")
        return value

    def codes(self, key: str, *, allowed: Collection[str] | None = None) -> tuple[str, ...]:
        """A required, non-empty list of string codes (optionally from ``allowed``)."""
        value = self._value(key)
        if value is None:
            raise self.error(key, "is required")
        if isinstance(value, str) or not isinstance(value, Sequence) or not value:
            raise self.error(key, f"must be a non-empty list of codes, got {value!r}")
        for code in value:
            if not isinstance(code, str) or not code:
                raise self.error(key, f"must contain only non-empty strings, got {code!r}")
            if allowed is not None and code not in allowed:
                raise self.error(key, f"has unknown code {code!r}; allowed: {sorted(allowed)}")
        return tuple(value)

    def optional_codes(self, key: str) -> tuple[str, ...] | None:
        """Like :meth:`codes`, but absent is ``None``."""
        if self._value(key) is None:
            return None
        return self.codes(key)

    def count(self, key: str, *, minimum: int) -> int:
        value = self.optional_count(key, minimum=minimum)
        if value is None:
            raise self.error(key, "is required")
        return value

    def optional_count(self, key: str, *, minimum: int) -> int | None:
        value = self._value(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"must be an integer, got {value!r}")
        if value < minimum:
            raise self.error(key, f"must be at least {minimum}, got {value}")
        return value

    def optional_date(self, key: str) -> date | None:
        """A date, given as ``date`` or as an ISO string ``YYYY-MM-DD``."""
        value = self._value(key)
        if value is None or type(value) is date:
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise self.error(key, f"must be a date in YYYY-MM-DD form, got {value!r}")

    def reject_unread_keys(self) -> None:
        for key in self._params:
            if key not in self._read:
                raise self.error(key, "is not a parameter of this rule kind")

    def _value(self, key: str) -> Any:
        self._read.add(key)
        return self._params.get(key)


@dataclass(frozen=True)
class Residency:
    city: str

    @classmethod
    def read(cls, read: _Reader) -> Residency:
        return cls(city=read.text("city"))


@dataclass(frozen=True)
class Gender:
    gender: str

    @classmethod
    def read(cls, read: _Reader) -> Gender:
        return cls(gender=read.choice("gender", GENDERS))


@dataclass(frozen=True)
class EmploymentStatus:
    allowed: tuple[str, ...]

    @classmethod
    def read(cls, read: _Reader) -> EmploymentStatus:
        return cls(allowed=read.codes("allowed", allowed=EMPLOYMENT_STATUSES))


@dataclass(frozen=True)
class AgeRange:
    minimum: int | None
    maximum: int | None
    reference_date: date | None

    @classmethod
    def read(cls, read: _Reader) -> AgeRange:
        minimum = read.optional_count("min", minimum=0)
        maximum = read.optional_count("max", minimum=0)
        if minimum is None and maximum is None:
            raise read.error("min", "or 'max' is required")
        if minimum is not None and maximum is not None and minimum > maximum:
            raise read.error("min", f"must not exceed 'max' ({maximum}), got {minimum}")
        return cls(minimum, maximum, reference_date=read.optional_date("reference_date"))

    def admits(self, age: int) -> bool:
        above_minimum = self.minimum is None or age >= self.minimum
        below_maximum = self.maximum is None or age <= self.maximum
        return above_minimum and below_maximum


@dataclass(frozen=True)
class QualificationAnyOf:
    any_of: tuple[str, ...]

    @classmethod
    def read(cls, read: _Reader) -> QualificationAnyOf:
        return cls(any_of=read.codes("any_of"))


@dataclass(frozen=True)
class CourseCompletion:
    courses: tuple[str, ...]
    label: str | None
    """The course's name as staff wrote it; without one, reasons name the course codes."""

    @classmethod
    def read(cls, read: _Reader) -> CourseCompletion:
        return cls(courses=read.codes("courses"), label=read.optional_text("label"))


@dataclass(frozen=True)
class PreTraining:
    code: str
    label: str | None

    @classmethod
    def read(cls, read: _Reader) -> PreTraining:
        return cls(code=read.text("code"), label=read.optional_text("label"))


@dataclass(frozen=True)
class Documents:
    kinds: tuple[str, ...]

    @classmethod
    def read(cls, read: _Reader) -> Documents:
        return cls(kinds=read.codes("kinds"))


@dataclass(frozen=True)
class NotEmployedRecently:
    months: int

    @classmethod
    def read(cls, read: _Reader) -> NotEmployedRecently:
        return cls(months=read.count("months", minimum=1))


@dataclass(frozen=True)
class ParticipationLimit:
    max_consecutive_stages: int
    max_months_in_window: int
    window_months: int
    stage_months: int
    programs: tuple[str, ...] | None = None
    """Only participation in these programmes counts; ``None``: every past participation."""
    reference_date: date | None = None
    """The new stage's first day; ``None``: the day of screening."""

    @classmethod
    def read(cls, read: _Reader) -> ParticipationLimit:
        return cls(
            max_consecutive_stages=read.count("max_consecutive_stages", minimum=1),
            max_months_in_window=read.count("max_months_in_window", minimum=1),
            window_months=read.count("window_months", minimum=1),
            stage_months=read.count("stage_months", minimum=1),
            programs=read.optional_codes("programs"),
            reference_date=read.optional_date("reference_date"),
        )


@dataclass(frozen=True)
class CompanyLocation:
    city: str

    @classmethod
    def read(cls, read: _Reader) -> CompanyLocation:
        return cls(city=read.text("city"))


@dataclass(frozen=True)
class CompanyMinEmployees:
    minimum: int

    @classmethod
    def read(cls, read: _Reader) -> CompanyMinEmployees:
        return cls(minimum=read.count("min", minimum=1))


@dataclass(frozen=True)
class CompanySme:
    """No parameters: the company must be a small or medium-sized enterprise."""

    @classmethod
    def read(cls, read: _Reader) -> CompanySme:
        return cls()


@dataclass(frozen=True)
class NotPastParticipant:
    programs: tuple[str, ...]
    label: str | None
    """The programmes' name as staff wrote it; without one, reasons name the codes."""

    @classmethod
    def read(cls, read: _Reader) -> NotPastParticipant:
        return cls(programs=read.codes("programs"), label=read.optional_text("label"))


SCHEMA: dict[RuleKind, Any] = {
    RuleKind.RESIDENCY: Residency,
    RuleKind.GENDER: Gender,
    RuleKind.EMPLOYMENT_STATUS: EmploymentStatus,
    RuleKind.AGE_RANGE: AgeRange,
    RuleKind.QUALIFICATION_ANY_OF: QualificationAnyOf,
    RuleKind.COURSE_COMPLETION: CourseCompletion,
    RuleKind.PRE_TRAINING: PreTraining,
    RuleKind.DOCUMENTS: Documents,
    RuleKind.NOT_EMPLOYED_RECENTLY: NotEmployedRecently,
    RuleKind.PARTICIPATION_LIMIT: ParticipationLimit,
    RuleKind.COMPANY_LOCATION: CompanyLocation,
    RuleKind.COMPANY_MIN_EMPLOYEES: CompanyMinEmployees,
    RuleKind.COMPANY_SME: CompanySme,
    RuleKind.NOT_PAST_PARTICIPANT: NotPastParticipant,
}
"""Each rule kind's params dataclass."""


def parse(kind: RuleKind, params: Mapping[str, Any]) -> Any:
    """The params of a rule of ``kind`` as its dataclass; ``ValueError`` names what is wrong."""
    try:
        schema = SCHEMA[kind]
    except KeyError:
        raise ValueError(f"No parameter schema is registered for rule kind {kind!r}") from None
    reader = _Reader(kind, params)
    parsed = schema.read(reader)
    reader.reject_unread_keys()
    return parsed
