"""The rule kinds: one check per kind, registered in ``CHECKS``, and the evaluator over them.

A program's eligibility is a list of :class:`Rule` rows (data, editable by staff). Screening
evaluates them against an applicant's :class:`Facts` on a given date and gets a :class:`Verdict`:

* each rule passes, fails, or needs information (a fact it relies on is unknown, ``None``);
* the verdict fails if any rule fails, else needs information if any rule does, else passes;
* every failed rule carries one :class:`Reason`, every rule that needs information one request,
  both as a code with parameters (``reasons.render`` words them in the reader's language).

Adding a kind means a :class:`RuleKind` member, its params dataclass in ``params.SCHEMA``, its
check here in ``CHECKS`` and its sentences in ``reasons.TEMPLATES``. No Django here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from womenup.calendar import add_months
from womenup.programs.eligibility import params as p
from womenup.programs.eligibility.core import (
    COMPANY_RULE_KINDS,
    CompanyFacts,
    Facts,
    Outcome,
    Period,
    Reason,
    RuleKind,
    age_on,
    combine_outcomes,
)

Finding = tuple[Outcome, Reason | None]
PASSED: Finding = (Outcome.PASS, None)


def _fail(reason_code: str, **params: Any) -> Finding:
    return (Outcome.FAIL, Reason(reason_code, params))


def _needs(reason_code: str, **params: Any) -> Finding:
    return (Outcome.NEEDS_INFO, Reason(reason_code, params))


# --- Residency, gender, employment status -------------------------------------------------------


def check_residency(rule: p.Residency, facts: Facts, _on: date) -> Finding:
    if facts.residence_city is None:
        return _needs("residency.needs_info")
    if facts.residence_city == rule.city:
        return PASSED
    return _fail("residency.fail", city=rule.city, current=facts.residence_city)


def check_gender(rule: p.Gender, facts: Facts, _on: date) -> Finding:
    if facts.gender is None:
        return _needs("gender.needs_info")
    if facts.gender == rule.gender:
        return PASSED
    return _fail("gender.fail", gender=rule.gender)


def check_employment_status(rule: p.EmploymentStatus, facts: Facts, _on: date) -> Finding:
    status = facts.employment_status
    if status is None:
        return _needs("employment_status.needs_info")
    if status in rule.allowed:
        return PASSED
    return _fail("employment_status.fail", allowed=list(rule.allowed), current=status)


# --- Age ----------------------------------------------------------------------------------------


def check_age_range(rule: p.AgeRange, facts: Facts, on: date) -> Finding:
    birth_date = facts.birth_date
    if birth_date is None:
        return _needs("age_range.needs_info")
    reference = rule.reference_date or on
    if birth_date > reference:
        return _needs(
            "age_range.needs_info.after_reference",
            birth_date=birth_date.isoformat(),
            reference_date=reference.isoformat(),
        )
    age = age_on(birth_date, reference)
    if rule.admits(age):
        return PASSED
    return _fail(
        "age_range.fail",
        min=rule.minimum,
        max=rule.maximum,
        reference_date=reference.isoformat(),
        age=age,
    )


# --- Qualifications, courses, pre-training, documents --------------------------------------------


def check_qualification_any_of(rule: p.QualificationAnyOf, facts: Facts, _on: date) -> Finding:
    if facts.qualifications is None:
        return _needs("qualification_any_of.needs_info", any_of=list(rule.any_of))
    if not facts.qualifications.isdisjoint(rule.any_of):
        return PASSED
    return _fail("qualification_any_of.fail", any_of=list(rule.any_of))


def check_course_completion(rule: p.CourseCompletion, facts: Facts, _on: date) -> Finding:
    named = {"courses": list(rule.courses), "label": rule.label}
    if facts.completed_courses is None:
        return _needs("course_completion.needs_info", **named)
    if not facts.completed_courses.isdisjoint(rule.courses):
        return PASSED
    return _fail("course_completion.fail", **named)


def check_pre_training(rule: p.PreTraining, facts: Facts, _on: date) -> Finding:
    named = {"code": rule.code, "label": rule.label}
    if facts.completed_pre_trainings is None:
        return _needs("pre_training.needs_info", **named)
    if rule.code in facts.completed_pre_trainings:
        return PASSED
    return _fail("pre_training.fail", **named)


def check_documents(rule: p.Documents, facts: Facts, _on: date) -> Finding:
    if facts.documents is None:
        return _needs("documents.needs_info", kinds=list(rule.kinds))
    missing = [kind for kind in rule.kinds if kind not in facts.documents]
    if not missing:
        return PASSED
    return _fail("documents.fail", missing=missing)


# --- Not employed recently ------------------------------------------------------------------------


def check_not_employed_recently(rule: p.NotEmployedRecently, facts: Facts, on: date) -> Finding:
    """Pass when nobody employs the applicant now and ``months`` have passed since the last job.

    Precisely: fail if ``employment_status`` is "employed"; otherwise pass when the history is
    known to be empty (never employed), or when the day ``months`` calendar months after
    ``last_employment_end`` is before ``on`` (6 months after 2023-12-02 is 2024-06-02, so that
    applicant may apply from 2024-06-03). An unknown current status does not block on its own;
    the status itself is the EMPLOYMENT_STATUS rule's business.
    """
    if facts.employment_status == "employed":
        return _fail("not_employed_recently.fail.employed", months=rule.months)
    last_end = facts.last_employment_end
    if last_end is None:
        if facts.employment_history_known:
            return PASSED
        return _needs("not_employed_recently.needs_info")
    waiting_ends = add_months(last_end, rule.months)
    if waiting_ends < on:
        return PASSED
    return _fail(
        "not_employed_recently.fail",
        months=rule.months,
        last_end=last_end.isoformat(),
        eligible_from=(waiting_ends + timedelta(days=1)).isoformat(),
    )


# --- Participation limit ------------------------------------------------------------------------

MAX_BREAK_DAYS_BETWEEN_STAGES = 31
"""Stages with at most this many days without participation between them are consecutive.

A break of one calendar month at most: a stage ending 31 May continues into one starting 1 July
(30 days off), and one ending 30 November into one starting 1 January (31 days off).
"""

DAYS_PER_MONTH = Fraction("30.4375")
"""Average month (365.25 / 12 days), used to turn participation days into months."""


def check_participation_limit(limit: p.ParticipationLimit, facts: Facts, on: date) -> Finding:
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

    When both hold, the reason gives both (``consecutive`` and ``window`` params), each with
    the dates of the past stages that block her. With ``programs``, only participation in those
    programmes counts; with ``reference_date``, that day is the new stage's start instead of
    ``on``.
    """
    periods = facts.periods_in(limit.programs)
    if periods is None:
        return _needs("participation_limit.needs_info")
    on = limit.reference_date or on
    consecutive = _consecutive_stages_excess(limit, periods, on)
    window = _window_months_excess(limit, periods, on)
    if consecutive is None and window is None:
        return PASSED
    return _fail("participation_limit.fail", consecutive=consecutive, window=window)


def _consecutive_stages_excess(
    limit: p.ParticipationLimit, periods: Sequence[Period], on: date
) -> dict[str, Any] | None:
    run = _trailing_consecutive_stages(periods, on)
    if run < limit.max_consecutive_stages:
        return None
    last_end = max(end for _, end in periods)
    return {
        "max_stages": limit.max_consecutive_stages,
        "max_months": limit.max_consecutive_stages * limit.stage_months,
        "run": run,
        "last_end": last_end.isoformat(),
        "again_from": _first_day_after_break(last_end).isoformat(),
        "periods": _iso_periods(_trailing_run(periods, on)),
    }


def _window_months_excess(
    limit: p.ParticipationLimit, periods: Sequence[Period], on: date
) -> dict[str, Any] | None:
    window_start = add_months(on, -limit.window_months)
    used = _participation_days(periods, window_start, on - timedelta(days=1)) / DAYS_PER_MONTH
    if used + limit.stage_months <= limit.max_months_in_window:
        return None
    counted = [period for period in periods if period[1] >= window_start and period[0] < on]
    return {
        "window_months": limit.window_months,
        "max_months": limit.max_months_in_window,
        "used_months": round(float(used), 1),
        "stage_months": limit.stage_months,
        "window_start": window_start.isoformat(),
        "periods": _iso_periods(counted),
    }


def _iso_periods(periods: Iterable[Period]) -> list[list[str]]:
    return [[start.isoformat(), end.isoformat()] for start, end in sorted(periods)]


def _trailing_consecutive_stages(periods: Sequence[Period], on: date) -> int:
    """Number of past stages in the unbroken run leading up to a new stage starting on ``on``."""
    return len(_trailing_run(periods, on))


def _trailing_run(periods: Sequence[Period], on: date) -> list[Period]:
    """The past stages in the unbroken run leading up to a new stage starting on ``on``."""
    run = []
    run_start = on
    for start, end in sorted(periods, key=lambda period: period[1], reverse=True):
        if _days_off_between(end, run_start) > MAX_BREAK_DAYS_BETWEEN_STAGES:
            break  # every remaining stage ended even earlier
        run.append((start, end))
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


# --- Company rules -------------------------------------------------------------------------------


def check_company_location(rule: p.CompanyLocation, facts: CompanyFacts, _on: date) -> Finding:
    if facts.city is None:
        return _needs("company_location.needs_info", city=rule.city)
    if facts.city == rule.city:
        return PASSED
    return _fail("company_location.fail", city=rule.city, current=facts.city)


def check_company_min_employees(
    rule: p.CompanyMinEmployees, facts: CompanyFacts, _on: date
) -> Finding:
    if facts.regular_employees is None:
        return _needs("company_min_employees.needs_info", min=rule.minimum)
    if facts.regular_employees >= rule.minimum:
        return PASSED
    return _fail("company_min_employees.fail", min=rule.minimum, count=facts.regular_employees)


def check_company_sme(_rule: p.CompanySme, facts: CompanyFacts, _on: date) -> Finding:
    if facts.is_sme is None:
        return _needs("company_sme.needs_info")
    if facts.is_sme:
        return PASSED
    return _fail("company_sme.fail")


# --- Not a past participant -----------------------------------------------------------------


def check_not_past_participant(rule: p.NotPastParticipant, facts: Facts, _on: date) -> Finding:
    """Fail when she took part in any of ``programs`` before; the reason gives those periods."""
    if facts.participation_records is None:
        return _needs("not_past_participant.needs_info")
    wanted = set(rule.programs)
    found = [
        [code, start.isoformat(), end.isoformat()]
        for code, start, end in facts.participation_records
        if code in wanted
    ]
    if not found:
        return PASSED
    return _fail(
        "not_past_participant.fail", programs=list(rule.programs), label=rule.label, periods=found
    )


CHECKS: dict[RuleKind, Callable[[Any, Any, date], Finding]] = {
    RuleKind.RESIDENCY: check_residency,
    RuleKind.GENDER: check_gender,
    RuleKind.EMPLOYMENT_STATUS: check_employment_status,
    RuleKind.AGE_RANGE: check_age_range,
    RuleKind.QUALIFICATION_ANY_OF: check_qualification_any_of,
    RuleKind.COURSE_COMPLETION: check_course_completion,
    RuleKind.PRE_TRAINING: check_pre_training,
    RuleKind.DOCUMENTS: check_documents,
    RuleKind.NOT_EMPLOYED_RECENTLY: check_not_employed_recently,
    RuleKind.PARTICIPATION_LIMIT: check_participation_limit,
    RuleKind.COMPANY_LOCATION: check_company_location,
    RuleKind.COMPANY_MIN_EMPLOYEES: check_company_min_employees,
    RuleKind.COMPANY_SME: check_company_sme,
    RuleKind.NOT_PAST_PARTICIPANT: check_not_past_participant,
}
"""Every rule kind's check: (params dataclass, facts, date) → (outcome, reason or None).

Applicant kinds read :class:`Facts`, the kinds in ``COMPANY_RULE_KINDS`` :class:`CompanyFacts`."""


# --- Rules, results, verdicts -------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One eligibility rule: a kind and its params (as stored in the database, JSON-like).

    The params are checked when the rule is built: an unknown kind, a missing, mistyped or
    unexpected parameter raises ``ValueError`` naming the kind and the parameter.
    """

    kind: RuleKind
    params: Mapping[str, Any]
    settings: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kind = _rule_kind(self.kind)
        if not isinstance(self.params, Mapping):
            kind_name = type(self.params).__name__
            raise ValueError(f"{kind} rule: params must be a mapping, got {kind_name}")
        params = MappingProxyType(dict(self.params))
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "params", params)
        object.__setattr__(self, "settings", p.parse(kind, params))


@dataclass(frozen=True)
class RuleResult:
    """The outcome of one rule; ``reason`` is None on pass, the reason or request otherwise."""

    rule: Rule
    outcome: Outcome
    reason: Reason | None


@dataclass(frozen=True)
class Verdict:
    """The outcome of all of a program's rules, with every rule's result in order."""

    outcome: Outcome
    results: tuple[RuleResult, ...]

    @property
    def reasons(self) -> list[Reason]:
        """One reason per failed rule."""
        return [r.reason for r in self.results if r.outcome is Outcome.FAIL and r.reason]

    @property
    def missing(self) -> list[Reason]:
        """One request per rule that needs information."""
        return [r.reason for r in self.results if r.outcome is Outcome.NEEDS_INFO and r.reason]


def for_stage(rules: Iterable[Rule], starts_on: date | None) -> list[Rule]:
    """The rules for an intake whose stage starts on ``starts_on``: a participation limit with
    no reference date of its own counts back from the stage's first day (when she would start),
    not from the day of screening. Without a stage the rules are as they are."""
    if starts_on is None:
        return list(rules)
    return [
        Rule(rule.kind, {**rule.params, "reference_date": starts_on.isoformat()})
        if rule.kind is RuleKind.PARTICIPATION_LIMIT and not rule.params.get("reference_date")
        else rule
        for rule in rules
    ]


def evaluate(rules: Iterable[Rule], facts: Facts | CompanyFacts, *, on: date) -> Verdict:
    """Evaluate every rule on date ``on``; no rules at all is a pass."""
    results = tuple(evaluate_rule(rule, facts, on=on) for rule in rules)
    return Verdict(outcome=combine_outcomes(r.outcome for r in results), results=results)


def evaluate_rule(rule: Rule, facts: Facts | CompanyFacts, *, on: date) -> RuleResult:
    """Evaluate one rule on date ``on``."""
    try:
        check = CHECKS[rule.kind]
    except KeyError:
        raise ValueError(
            f"No check is registered for eligibility rule kind {rule.kind!r}"
        ) from None
    expected = CompanyFacts if rule.kind in COMPANY_RULE_KINDS else Facts
    if not isinstance(facts, expected):
        raise TypeError(
            f"A {rule.kind} rule judges {expected.__name__}, not {type(facts).__name__}"
        )
    outcome, reason = check(rule.settings, facts, on)
    return RuleResult(rule=rule, outcome=outcome, reason=reason)


def _rule_kind(kind: object) -> RuleKind:
    try:
        return RuleKind(kind)
    except ValueError:
        known = ", ".join(member.value for member in RuleKind)
        raise ValueError(f"Unknown eligibility rule kind {kind!r}; known kinds: {known}") from None
