"""Eligibility rules: who may apply to a program, and why not.

A program's eligibility is a list of :class:`Rule` rows (data, editable by staff). Screening
evaluates them against an applicant's :class:`Facts` on a given date and gets a :class:`Verdict`:

* each rule passes, fails, or needs information (a fact it relies on is unknown, ``None``);
* the verdict fails if any rule fails, else needs information if any rule does, else passes;
* every failed rule carries one plain-Korean reason, every rule that needs information one
  plain-Korean request for it.

This module imports nothing from Django so the weekly batch can run it over many applicants and
tests can run it without a database. Each rule kind is a parser (validates the rule's params
once, when the :class:`Rule` is built) plus a check (params, facts, date → outcome), registered
in ``_RULE_TYPES``; adding a kind means adding a :class:`RuleKind` member and one entry there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from womenup.calendar import add_months

__all__ = [
    "CITY_NAMES",
    "MAX_BREAK_DAYS_BETWEEN_STAGES",
    "DAYS_PER_MONTH",
    "DOCUMENT_LABELS",
    "EMPLOYMENT_STATUS_LABELS",
    "GENDER_LABELS",
    "QUALIFICATION_LABELS",
    "CityName",
    "Facts",
    "Outcome",
    "Period",
    "Rule",
    "RuleKind",
    "RuleResult",
    "Verdict",
    "age_on",
    "combine_outcomes",
    "evaluate",
    "evaluate_rule",
]


class Outcome(StrEnum):
    """Result of one rule, or of all of a program's rules together."""

    PASS = "pass"
    FAIL = "fail"
    NEEDS_INFO = "needs_info"


class RuleKind(StrEnum):
    """The kinds of eligibility rule; each takes its own params (see the ``_parse_*`` functions)."""

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


# --- Korean labels for the codes that appear in reasons --------------------------------------


@dataclass(frozen=True)
class CityName:
    """How a city is named in a requirement (``short``) and as someone's address (``full``)."""

    short: str
    full: str


CITY_NAMES: Mapping[str, CityName] = {
    "seoul": CityName(short="서울시", full="서울특별시"),
    "gwangmyeong": CityName(short="광명시", full="경기도 광명시"),
}
GENDER_LABELS: Mapping[str, str] = {"female": "여성", "male": "남성"}
EMPLOYMENT_STATUS_LABELS: Mapping[str, str] = {
    "employed": "재직 중",
    "unemployed": "미취업",
    "self_employed": "사업 운영 중",
}
QUALIFICATION_LABELS: Mapping[str, str] = {
    "vocational_training": "직업훈련 수료",
    "career_in_field": "해당 분야 경력",
    "certificate": "전문 자격증",
}
DOCUMENT_LABELS: Mapping[str, str] = {
    "resume": "이력서",
    "certificate": "자격증 사본",
    "training_proof": "수료증명서",
    "career_proof": "경력증명서",
    "business_registration": "사업자등록증",
    "other": "기타",
}


# --- Facts, rules, results --------------------------------------------------------------------

Period = tuple[date, date]
"""A past participation: first and last day, both inclusive."""


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

    def __post_init__(self) -> None:
        for name in ("qualifications", "completed_courses", "completed_pre_trainings", "documents"):
            object.__setattr__(self, name, _frozen_codes(name, getattr(self, name)))
        object.__setattr__(self, "participations", _sorted_periods(self.participations))


@dataclass(frozen=True)
class Rule:
    """One eligibility rule: a kind and its params (as stored in the database, JSON-like).

    The params are checked when the rule is built: an unknown kind, a missing, mistyped or
    unexpected parameter raises ``ValueError`` naming the kind and the parameter.
    """

    kind: RuleKind
    params: Mapping[str, Any]
    _settings: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kind = _rule_kind(self.kind)
        params = _params_mapping(kind, self.params)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "params", params)
        object.__setattr__(self, "_settings", _rule_type(kind).settings_from(kind, params))


@dataclass(frozen=True)
class RuleResult:
    """The outcome of one rule; ``reason`` is "" on pass, the Korean reason or request otherwise."""

    rule: Rule
    outcome: Outcome
    reason: str


@dataclass(frozen=True)
class Verdict:
    """The outcome of all of a program's rules, with every rule's result in order."""

    outcome: Outcome
    results: tuple[RuleResult, ...]

    @property
    def reasons(self) -> list[str]:
        """One plain-Korean reason per failed rule."""
        return [result.reason for result in self.results if result.outcome is Outcome.FAIL]

    @property
    def missing(self) -> list[str]:
        """One plain-Korean request per rule that needs information."""
        return [result.reason for result in self.results if result.outcome is Outcome.NEEDS_INFO]


def evaluate(rules: Iterable[Rule], facts: Facts, *, on: date) -> Verdict:
    """Evaluate every rule on date ``on``; no rules at all is a pass."""
    results = tuple(evaluate_rule(rule, facts, on=on) for rule in rules)
    return Verdict(outcome=combine_outcomes(r.outcome for r in results), results=results)


def evaluate_rule(rule: Rule, facts: Facts, *, on: date) -> RuleResult:
    """Evaluate one rule on date ``on``."""
    outcome, reason = _rule_type(rule.kind).check(rule._settings, facts, on)
    return RuleResult(rule=rule, outcome=outcome, reason=reason)


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


# --- Rule registry -------------------------------------------------------------------------------

SettingsT = TypeVar("SettingsT")
_Finding = tuple[Outcome, str]
_PASSED: _Finding = (Outcome.PASS, "")


def _fail(reason: str) -> _Finding:
    return (Outcome.FAIL, reason)


def _needs(request: str) -> _Finding:
    return (Outcome.NEEDS_INFO, request)


@dataclass(frozen=True)
class _RuleType(Generic[SettingsT]):
    """How one rule kind reads its params and checks facts against them."""

    parse: Callable[[_ParamReader], SettingsT]
    check: Callable[[SettingsT, Facts, date], _Finding]

    def settings_from(self, kind: RuleKind, params: Mapping[str, Any]) -> SettingsT:
        reader = _ParamReader(kind, params)
        settings = self.parse(reader)
        reader.reject_unread_keys()
        return settings


def _rule_kind(kind: object) -> RuleKind:
    try:
        return RuleKind(kind)
    except ValueError:
        known = ", ".join(member.value for member in RuleKind)
        raise ValueError(f"Unknown eligibility rule kind {kind!r}; known kinds: {known}") from None


def _rule_type(kind: RuleKind) -> _RuleType[Any]:
    try:
        return _RULE_TYPES[kind]
    except KeyError:
        raise ValueError(f"No check is registered for eligibility rule kind {kind!r}") from None


def _params_mapping(kind: RuleKind, params: object) -> Mapping[str, Any]:
    if not isinstance(params, Mapping):
        raise ValueError(f"{kind} rule: params must be a mapping, got {type(params).__name__}")
    return MappingProxyType(dict(params))


class _ParamReader:
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


# --- Residency, gender, employment status -------------------------------------------------------


def _parse_residency(read: _ParamReader) -> str:
    return read.text("city")


def _check_residency(city: str, facts: Facts, _on: date) -> _Finding:
    if facts.residence_city is None:
        return _needs("거주지 정보를 입력해 주세요.")
    if facts.residence_city == city:
        return _PASSED
    required = _city_name(city).short
    current = _city_name(facts.residence_city).full
    return _fail(f"{required} 거주자만 신청할 수 있습니다 (현재 거주지: {current}).")


def _parse_gender(read: _ParamReader) -> str:
    return read.choice("gender", GENDER_LABELS)


def _check_gender(gender: str, facts: Facts, _on: date) -> _Finding:
    if facts.gender is None:
        return _needs("성별 정보를 입력해 주세요.")
    if facts.gender == gender:
        return _PASSED
    return _fail(f"{GENDER_LABELS[gender]}만 신청할 수 있습니다.")


def _parse_employment_status(read: _ParamReader) -> tuple[str, ...]:
    return read.codes("allowed", allowed=EMPLOYMENT_STATUS_LABELS)


def _check_employment_status(allowed: tuple[str, ...], facts: Facts, _on: date) -> _Finding:
    status = facts.employment_status
    if status is None:
        choices = ", ".join(EMPLOYMENT_STATUS_LABELS.values())
        return _needs(f"현재 취업 상태({choices})를 입력해 주세요.")
    if status in allowed:
        return _PASSED
    wanted = " 또는 ".join(EMPLOYMENT_STATUS_LABELS[code] for code in allowed)
    current = EMPLOYMENT_STATUS_LABELS.get(status, status)
    return _fail(f"{wanted} 상태인 분만 신청할 수 있습니다 (현재 상태: {current}).")


# --- Age ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _AgeRange:
    minimum: int | None
    maximum: int | None
    reference_date: date | None

    def admits(self, age: int) -> bool:
        above_minimum = self.minimum is None or age >= self.minimum
        below_maximum = self.maximum is None or age <= self.maximum
        return above_minimum and below_maximum

    def describe(self) -> str:
        """The range as Korean text: 만 30~49세, 만 19세 이상, 만 34세 이하, 만 30세."""
        if self.minimum == self.maximum:
            return f"만 {self.minimum}세"
        if self.maximum is None:
            return f"만 {self.minimum}세 이상"
        if self.minimum is None:
            return f"만 {self.maximum}세 이하"
        return f"만 {self.minimum}~{self.maximum}세"


def _parse_age_range(read: _ParamReader) -> _AgeRange:
    minimum = read.optional_count("min", minimum=0)
    maximum = read.optional_count("max", minimum=0)
    if minimum is None and maximum is None:
        raise read.error("min", "or 'max' is required")
    if minimum is not None and maximum is not None and minimum > maximum:
        raise read.error("min", f"must not exceed 'max' ({maximum}), got {minimum}")
    return _AgeRange(minimum, maximum, reference_date=read.optional_date("reference_date"))


def _check_age_range(age_range: _AgeRange, facts: Facts, on: date) -> _Finding:
    birth_date = facts.birth_date
    if birth_date is None:
        return _needs("생년월일을 입력해 주세요.")
    reference = age_range.reference_date or on
    if birth_date > reference:
        return _needs(
            f"생년월일({birth_date})이 기준일({reference})보다 늦습니다. 생년월일을 확인해 주세요."
        )
    age = age_on(birth_date, reference)
    if age_range.admits(age):
        return _PASSED
    return _fail(
        f"{age_range.describe()}만 신청할 수 있습니다 (기준일 {reference}, 현재 만 {age}세)."
    )


# --- Qualifications, courses, pre-training, documents --------------------------------------------


def _parse_qualification_any_of(read: _ParamReader) -> tuple[str, ...]:
    return read.codes("any_of")


def _check_qualification_any_of(any_of: tuple[str, ...], facts: Facts, _on: date) -> _Finding:
    labels = _labels(any_of, QUALIFICATION_LABELS)
    if facts.qualifications is None:
        return _needs(f"다음 자격 요건 중 해당하는 항목을 입력해 주세요: {labels}.")
    if not facts.qualifications.isdisjoint(any_of):
        return _PASSED
    return _fail(f"다음 중 하나 이상이 필요합니다: {labels}.")


@dataclass(frozen=True)
class _CourseCompletion:
    courses: tuple[str, ...]
    label: str


def _parse_course_completion(read: _ParamReader) -> _CourseCompletion:
    courses = read.codes("courses")
    label = read.optional_text("label") or f"지정 교육과정({', '.join(courses)})"
    return _CourseCompletion(courses=courses, label=label)


def _check_course_completion(required: _CourseCompletion, facts: Facts, _on: date) -> _Finding:
    if facts.completed_courses is None:
        return _needs(f"{required.label} 수료 이력을 입력해 주세요.")
    if not facts.completed_courses.isdisjoint(required.courses):
        return _PASSED
    return _fail(f"{_with_object_particle(required.label)} 수료한 분만 지원할 수 있습니다.")


@dataclass(frozen=True)
class _PreTraining:
    code: str
    label: str


def _parse_pre_training(read: _ParamReader) -> _PreTraining:
    code = read.text("code")
    label = read.optional_text("label") or f"사전교육({code})"
    return _PreTraining(code=code, label=label)


def _check_pre_training(required: _PreTraining, facts: Facts, _on: date) -> _Finding:
    if facts.completed_pre_trainings is None:
        return _needs(f"{required.label} 이수 이력을 입력해 주세요.")
    if required.code in facts.completed_pre_trainings:
        return _PASSED
    return _fail(f"{_with_object_particle(required.label)} 먼저 이수해야 지원할 수 있습니다.")


def _parse_documents(read: _ParamReader) -> tuple[str, ...]:
    return read.codes("kinds")


def _check_documents(kinds: tuple[str, ...], facts: Facts, _on: date) -> _Finding:
    if facts.documents is None:
        return _needs(f"필요 서류({_labels(kinds, DOCUMENT_LABELS)})를 제출해 주세요.")
    missing = [kind for kind in kinds if kind not in facts.documents]
    if not missing:
        return _PASSED
    return _fail(f"필요 서류가 없습니다: {_labels(missing, DOCUMENT_LABELS)}.")


# --- Not employed recently ------------------------------------------------------------------------


def _parse_not_employed_recently(read: _ParamReader) -> int:
    return read.count("months", minimum=1)


def _check_not_employed_recently(months: int, facts: Facts, on: date) -> _Finding:
    """Pass when nobody employs the applicant now and ``months`` have passed since the last job.

    Precisely: fail if ``employment_status`` is "employed"; otherwise pass when the history is
    known to be empty (never employed), or when the day ``months`` calendar months after
    ``last_employment_end`` is before ``on`` (6 months after 2023-12-02 is 2024-06-02, so that
    applicant may apply from 2024-06-03). An unknown current status does not block on its own;
    the status itself is the EMPLOYMENT_STATUS rule's business.
    """
    if facts.employment_status == "employed":
        return _fail(
            f"현재 재직 중인 분은 신청할 수 없습니다 "
            f"(최근 {months}개월 동안 근무하지 않은 분만 신청할 수 있습니다)."
        )
    last_end = facts.last_employment_end
    if last_end is None:
        if facts.employment_history_known:
            return _PASSED
        return _needs("최근 근무 이력(마지막 근무 종료일 또는 근무 경험 없음)을 입력해 주세요.")
    waiting_ends = add_months(last_end, months)
    if waiting_ends < on:
        return _PASSED
    first_eligible_day = waiting_ends + timedelta(days=1)
    return _fail(
        f"최근 {months}개월 이내에 근무한 이력이 있어 신청할 수 없습니다 "
        f"(마지막 근무 종료일 {last_end}, {first_eligible_day}부터 신청할 수 있습니다)."
    )


# --- Participation limit ------------------------------------------------------------------------

MAX_BREAK_DAYS_BETWEEN_STAGES = 31
"""Stages with at most this many days without participation between them are consecutive.

A break of one calendar month at most: a stage ending 31 May continues into one starting 1 July
(30 days off), and one ending 30 November into one starting 1 January (31 days off).
"""

DAYS_PER_MONTH = Fraction("30.4375")
"""Average month (365.25 / 12 days), used to turn participation days into months."""


@dataclass(frozen=True)
class _ParticipationLimit:
    max_consecutive_stages: int
    max_months_in_window: int
    window_months: int
    stage_months: int


def _parse_participation_limit(read: _ParamReader) -> _ParticipationLimit:
    return _ParticipationLimit(
        max_consecutive_stages=read.count("max_consecutive_stages", minimum=1),
        max_months_in_window=read.count("max_months_in_window", minimum=1),
        window_months=read.count("window_months", minimum=1),
        stage_months=read.count("stage_months", minimum=1),
    )


def _check_participation_limit(limit: _ParticipationLimit, facts: Facts, on: date) -> _Finding:
    """Limit consecutive stages and the share of a rolling window spent participating.

    Applying on ``on`` for a new stage of ``stage_months`` months fails when either holds:

    1. Consecutive stages: treat ``on`` as the start of the new stage and count back the run of
       stages each separated from the next (the last one from ``on``) by a break of at most
       ``MAX_BREAK_DAYS_BETWEEN_STAGES`` days, taking stages latest end first (so an overlapping
       or nested record joins the run instead of hiding it); if that run already has
       ``max_consecutive_stages`` stages, another one would exceed the limit.
    2. Rolling window: the distinct days of past participation in the ``window_months`` months
       before ``on`` (from the same day ``window_months`` months earlier up to the day before
       ``on``), converted to months at 30.4375 days a month, plus ``stage_months`` for the new
       stage, exceed ``max_months_in_window``. Counting the whole window before ``on`` as well as
       the whole new stage makes this the stricter reading of "within any window".

    When both hold, the reason gives both.
    """
    periods = facts.participations
    if periods is None:
        return _needs(
            "이 사업의 과거 참여 이력을 입력해 주세요 (참여한 적이 없으면 '없음'으로 입력)."
        )
    reasons = [
        reason
        for reason in (
            _consecutive_stages_reason(limit, periods, on),
            _window_months_reason(limit, periods, on),
        )
        if reason
    ]
    return _fail(" ".join(reasons)) if reasons else _PASSED


def _consecutive_stages_reason(
    limit: _ParticipationLimit, periods: Sequence[Period], on: date
) -> str:
    run = _trailing_consecutive_stages(periods, on)
    if run < limit.max_consecutive_stages:
        return ""
    last_end = max(end for _, end in periods)
    allowed_months = limit.max_consecutive_stages * limit.stage_months
    return (
        f"연속 참여는 최대 {limit.max_consecutive_stages}단계({allowed_months}개월)까지 "
        f"가능합니다 (최근 {run}단계 연속 참여, 마지막 참여 종료일 {last_end}). "
        f"{_first_day_after_break(last_end)}부터 다시 신청할 수 있습니다."
    )


def _window_months_reason(limit: _ParticipationLimit, periods: Sequence[Period], on: date) -> str:
    window_start = add_months(on, -limit.window_months)
    used = _participation_days(periods, window_start, on - timedelta(days=1)) / DAYS_PER_MONTH
    if used + limit.stage_months <= limit.max_months_in_window:
        return ""
    return (
        f"최근 {limit.window_months}개월 동안 참여할 수 있는 기간은 최대 "
        f"{limit.max_months_in_window}개월입니다 (기존 참여 약 {float(used):.1f}개월 + "
        f"이번 단계 {limit.stage_months}개월)."
    )


def _trailing_consecutive_stages(periods: Sequence[Period], on: date) -> int:
    """Number of past stages in the unbroken run leading up to a new stage starting on ``on``."""
    run = 0
    run_start = on
    for start, end in sorted(periods, key=lambda period: period[1], reverse=True):
        if _days_off_between(end, run_start) > MAX_BREAK_DAYS_BETWEEN_STAGES:
            break  # every remaining stage ended even earlier
        run += 1
        run_start = min(run_start, start)
    return run


def _days_off_between(end: date, next_start: date) -> int:
    """Days strictly between a stage's last day and the next stage's first day."""
    return (next_start - end).days - 1


def _first_day_after_break(end: date) -> date:
    """The first day a new stage no longer continues a stage that ended on ``end``."""
    return end + timedelta(days=MAX_BREAK_DAYS_BETWEEN_STAGES + 2)


def _participation_days(periods: Sequence[Period], first_day: date, last_day: date) -> int:
    """Distinct days from ``first_day`` to ``last_day`` (inclusive) covered by any period."""
    days = 0
    counted_until = date.min
    for start, end in periods:  # sorted by start, so an overlap can only be with earlier days
        uncounted_start = max(start, first_day, counted_until + timedelta(days=1))
        uncounted_end = min(end, last_day)
        if uncounted_start <= uncounted_end:
            days += (uncounted_end - uncounted_start).days + 1
            counted_until = uncounted_end
    return days


# --- Helpers ------------------------------------------------------------------------------------


def _city_name(code: str) -> CityName:
    return CITY_NAMES.get(code, CityName(short=code, full=code))


def _labels(codes: Iterable[str], labels: Mapping[str, str]) -> str:
    """Korean labels of ``codes`` joined by commas; an unknown code is shown as it is."""
    return ", ".join(labels.get(code, code) for code in codes)


_TRAILING_PARENTHESES = re.compile(r"\s*\([^()]*\)$")
_HANGUL_FIRST, _HANGUL_LAST = ord("가"), ord("힣")
_FINAL_CONSONANTS_PER_SYLLABLE = 28


def _with_object_particle(word: str) -> str:
    """``word`` followed by 을 (after a final consonant) or 를 (after a vowel).

    A trailing parenthetical is skipped when deciding ("교육과정(A, B)" → "교육과정(A, B)을");
    a word not ending in Hangul gets "을(를)".
    """
    last = _TRAILING_PARENTHESES.sub("", word)[-1:]
    if last and _HANGUL_FIRST <= ord(last) <= _HANGUL_LAST:
        has_final = (ord(last) - _HANGUL_FIRST) % _FINAL_CONSONANTS_PER_SYLLABLE != 0
        return f"{word}{'을' if has_final else '를'}"
    return f"{word}을(를)"


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


_RULE_TYPES: dict[RuleKind, _RuleType[Any]] = {
    RuleKind.RESIDENCY: _RuleType(_parse_residency, _check_residency),
    RuleKind.GENDER: _RuleType(_parse_gender, _check_gender),
    RuleKind.EMPLOYMENT_STATUS: _RuleType(_parse_employment_status, _check_employment_status),
    RuleKind.AGE_RANGE: _RuleType(_parse_age_range, _check_age_range),
    RuleKind.QUALIFICATION_ANY_OF: _RuleType(
        _parse_qualification_any_of, _check_qualification_any_of
    ),
    RuleKind.COURSE_COMPLETION: _RuleType(_parse_course_completion, _check_course_completion),
    RuleKind.PRE_TRAINING: _RuleType(_parse_pre_training, _check_pre_training),
    RuleKind.DOCUMENTS: _RuleType(_parse_documents, _check_documents),
    RuleKind.NOT_EMPLOYED_RECENTLY: _RuleType(
        _parse_not_employed_recently, _check_not_employed_recently
    ),
    RuleKind.PARTICIPATION_LIMIT: _RuleType(_parse_participation_limit, _check_participation_limit),
}
"""Every rule kind's parser and check. Add a RuleKind member and an entry here for a new kind."""
