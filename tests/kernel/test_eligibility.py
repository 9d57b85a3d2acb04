"""Eligibility rules: every kind's pass, fail and needs-information cases, and the verdict.

Reasons are codes with params; the tests read them as the Korean sentence ``reasons.render``
gives, so the wording of every case is checked too.
"""

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from womenup.programs.eligibility import (
    COMPANY_RULE_KINDS,
    DAYS_PER_MONTH,
    EMPLOYMENT_STATUSES,
    GENDERS,
    CompanyFacts,
    Facts,
    Outcome,
    Reason,
    Rule,
    RuleKind,
    RuleResult,
    Verdict,
    age_on,
    combine_outcomes,
    evaluate,
    evaluate_rule,
)
from womenup.programs.eligibility import rules as rule_checks
from womenup.programs.eligibility.reasons import render

pytestmark = pytest.mark.django_db  # city names in reasons are the City rows

ON = date(2024, 6, 3)

SEOUL_RESIDENT = Rule(RuleKind.RESIDENCY, {"city": "seoul"})
WOMAN = Rule(RuleKind.GENDER, {"gender": "female"})
UNEMPLOYED = Rule(RuleKind.EMPLOYMENT_STATUS, {"allowed": ["unemployed"]})
AGED_30_TO_49 = Rule(RuleKind.AGE_RANGE, {"min": 30, "max": 49, "reference_date": "2024-06-03"})
QUALIFIED = Rule(
    RuleKind.QUALIFICATION_ANY_OF,
    {"any_of": ["vocational_training", "career_in_field", "certificate"]},
)
DIGITAL_MARKETING_GRADUATE = Rule(
    RuleKind.COURSE_COMPLETION,
    {"courses": ["digital-marketing-2024", "digital-marketing-2023"], "label": "디지털마케팅 과정"},
)
SOCIAL_IMPACT_PRETRAINED = Rule(
    RuleKind.PRE_TRAINING,
    {"code": "social-impact-pretraining", "label": "소셜임팩트 사전교육"},
)
RESUME_AND_CERTIFICATE = Rule(RuleKind.DOCUMENTS, {"kinds": ["resume", "certificate"]})
NOT_EMPLOYED_FOR_6_MONTHS = Rule(RuleKind.NOT_EMPLOYED_RECENTLY, {"months": 6})
NOT_A_PAST_YOUTH_INTERN = Rule(
    RuleKind.NOT_PAST_PARTICIPANT, {"programs": ["gm-youth-intern"], "label": "광명시 청년일자리"}
)
GWANGMYEONG_PARTICIPATION_LIMIT = Rule(
    RuleKind.PARTICIPATION_LIMIT,
    {
        "max_consecutive_stages": 2,
        "max_months_in_window": 24,
        "window_months": 36,
        "stage_months": 5,
    },
)

IN_SEOUL = Rule(RuleKind.COMPANY_LOCATION, {"city": "seoul"})
FIVE_EMPLOYEES = Rule(RuleKind.COMPANY_MIN_EMPLOYEES, {"min": 5})
SME = Rule(RuleKind.COMPANY_SME, {})


def korean(reasons: list[Reason]) -> list[str]:
    with translation.override("ko"):
        return [render(reason) for reason in reasons]


def outcome_of(rule: Rule, facts: Facts, on: date = ON) -> tuple[Outcome, str]:
    result = evaluate_rule(rule, facts, on=on)
    return result.outcome, korean([result.reason])[0] if result.reason else ""


def passes(rule: Rule, facts: Facts, on: date = ON) -> bool:
    return outcome_of(rule, facts, on) == (Outcome.PASS, "")


def fails_with(reason: str) -> tuple[Outcome, str]:
    return (Outcome.FAIL, reason)


def needs(request: str) -> tuple[Outcome, str]:
    return (Outcome.NEEDS_INFO, request)


def stages(*periods: tuple[str, str]) -> list[tuple[date, date]]:
    return [(date.fromisoformat(start), date.fromisoformat(end)) for start, end in periods]


# --- One pass, fail and needs-information case for every rule kind ---------------------------

PASS_CASES: list[tuple[Rule, Facts]] = [
    (SEOUL_RESIDENT, Facts(residence_city="seoul")),
    (WOMAN, Facts(gender="female")),
    (UNEMPLOYED, Facts(employment_status="unemployed")),
    (AGED_30_TO_49, Facts(birth_date=date(1985, 3, 1))),
    (QUALIFIED, Facts(qualifications={"career_in_field"})),
    (DIGITAL_MARKETING_GRADUATE, Facts(completed_courses={"digital-marketing-2023", "java"})),
    (SOCIAL_IMPACT_PRETRAINED, Facts(completed_pre_trainings={"social-impact-pretraining"})),
    (RESUME_AND_CERTIFICATE, Facts(documents={"resume", "certificate", "other"})),
    (
        NOT_EMPLOYED_FOR_6_MONTHS,
        Facts(employment_status="unemployed", employment_history_known=True),
    ),
    (GWANGMYEONG_PARTICIPATION_LIMIT, Facts(participations=[])),
    (IN_SEOUL, CompanyFacts(city="seoul")),
    (FIVE_EMPLOYEES, CompanyFacts(regular_employees=5)),
    (SME, CompanyFacts(is_sme=True)),
    (
        NOT_A_PAST_YOUTH_INTERN,
        Facts(participation_records=[("gm-0123-jobs", date(2023, 1, 1), date(2023, 5, 31))]),
    ),
]

FAIL_CASES: list[tuple[Rule, Facts, str]] = [
    (
        SEOUL_RESIDENT,
        Facts(residence_city="gwangmyeong"),
        "서울시 거주자만 신청할 수 있습니다 (현재 거주지: 경기도 광명시).",
    ),
    (WOMAN, Facts(gender="male"), "여성만 신청할 수 있습니다."),
    (
        UNEMPLOYED,
        Facts(employment_status="employed"),
        "미취업 상태인 분만 신청할 수 있습니다 (현재 상태: 재직 중).",
    ),
    (
        AGED_30_TO_49,
        Facts(birth_date=date(1972, 1, 15)),
        "만 30~49세만 신청할 수 있습니다 (기준일 2024-06-03, 현재 만 52세).",
    ),
    (
        QUALIFIED,
        Facts(qualifications=set()),
        "다음 중 하나 이상이 필요합니다: 직업훈련 수료, 해당 분야 경력, 전문 자격증.",
    ),
    (
        DIGITAL_MARKETING_GRADUATE,
        Facts(completed_courses={"backend-2024"}),
        "디지털마케팅 과정을 수료한 분만 지원할 수 있습니다.",
    ),
    (
        SOCIAL_IMPACT_PRETRAINED,
        Facts(completed_pre_trainings=set()),
        "소셜임팩트 사전교육을 먼저 이수해야 지원할 수 있습니다.",
    ),
    (
        RESUME_AND_CERTIFICATE,
        Facts(documents={"other"}),
        "필요 서류가 없습니다: 이력서, 자격증 사본.",
    ),
    (
        NOT_EMPLOYED_FOR_6_MONTHS,
        Facts(employment_status="unemployed", last_employment_end=date(2024, 3, 31)),
        "최근 6개월 이내에 근무한 이력이 있어 신청할 수 없습니다 "
        "(마지막 근무 종료일 2024-03-31, 2024-10-01부터 신청할 수 있습니다).",
    ),
    (
        GWANGMYEONG_PARTICIPATION_LIMIT,
        Facts(participations=stages(("2023-07-01", "2023-11-30"), ("2024-01-01", "2024-05-31"))),
        "연속 참여는 최대 2단계(10개월)까지 가능합니다 (최근 2단계 연속 참여, 마지막 참여 종료일 "
        "2024-05-31). 2024-07-03부터 다시 신청할 수 있습니다. "
        "연속 참여 기간: 2023-07-01~2023-11-30, 2024-01-01~2024-05-31.",
    ),
    (
        NOT_A_PAST_YOUTH_INTERN,
        Facts(participation_records=[("gm-youth-intern", date(2023, 2, 1), date(2023, 12, 31))]),
        "광명시 청년일자리에 참여한 적이 있는 분은 신청할 수 없습니다 "
        "(참여 기간: 2023-02-01~2023-12-31).",
    ),
    (
        IN_SEOUL,
        CompanyFacts(city="gwangmyeong"),
        "서울시에 소재한 기업만 참여할 수 있습니다 (현재 소재지: 경기도 광명시).",
    ),
    (
        FIVE_EMPLOYEES,
        CompanyFacts(regular_employees=4),
        "상시근로자가 5명 이상이어야 합니다 (입력: 4명).",
    ),
    (SME, CompanyFacts(is_sme=False), "중소기업만 참여할 수 있습니다."),
]

NEEDS_INFO_CASES: list[tuple[Rule, str]] = [
    (SEOUL_RESIDENT, "거주지 정보를 입력해 주세요."),
    (WOMAN, "성별 정보를 입력해 주세요."),
    (UNEMPLOYED, "현재 취업 상태(재직 중, 미취업, 사업 운영 중)를 입력해 주세요."),
    (AGED_30_TO_49, "생년월일을 입력해 주세요."),
    (
        QUALIFIED,
        "다음 자격 요건 중 해당하는 항목을 입력해 주세요: "
        "직업훈련 수료, 해당 분야 경력, 전문 자격증.",
    ),
    (DIGITAL_MARKETING_GRADUATE, "디지털마케팅 과정 수료 이력을 입력해 주세요."),
    (SOCIAL_IMPACT_PRETRAINED, "소셜임팩트 사전교육 이수 이력을 입력해 주세요."),
    (RESUME_AND_CERTIFICATE, "필요 서류(이력서, 자격증 사본)를 제출해 주세요."),
    (
        NOT_EMPLOYED_FOR_6_MONTHS,
        "최근 근무 이력(마지막 근무 종료일 또는 근무 경험 없음)을 입력해 주세요.",
    ),
    (
        GWANGMYEONG_PARTICIPATION_LIMIT,
        "이 사업의 과거 참여 이력을 입력해 주세요 (참여한 적이 없으면 '없음'으로 입력).",
    ),
    (IN_SEOUL, "소재지 자치구를 골라 주세요."),
    (FIVE_EMPLOYEES, "상시근로자 수를 입력해 주세요."),
    (SME, "중소기업 여부를 입력해 주세요."),
    (
        NOT_A_PAST_YOUTH_INTERN,
        "과거 사업 참여 이력을 입력해 주세요 (참여한 적이 없으면 '없음'으로 입력).",
    ),
]


def test_every_rule_kind_has_a_pass_fail_and_needs_information_case() -> None:
    for cases in (PASS_CASES, FAIL_CASES, NEEDS_INFO_CASES):
        assert {case[0].kind for case in cases} == set(RuleKind)


@pytest.mark.parametrize(("rule", "facts"), PASS_CASES, ids=lambda case: getattr(case, "kind", ""))
def test_rule_passes(rule: Rule, facts: Facts) -> None:
    assert outcome_of(rule, facts) == (Outcome.PASS, "")


@pytest.mark.parametrize(
    ("rule", "facts", "reason"), FAIL_CASES, ids=lambda case: getattr(case, "kind", "")
)
def test_rule_fails_with_a_plain_korean_reason(rule: Rule, facts: Facts, reason: str) -> None:
    assert outcome_of(rule, facts) == fails_with(reason)


@pytest.mark.parametrize(("rule", "request_text"), NEEDS_INFO_CASES, ids=lambda c: str(c)[:20])
def test_rule_needs_information_when_its_facts_are_unknown(rule: Rule, request_text: str) -> None:
    unknown = CompanyFacts() if rule.kind in COMPANY_RULE_KINDS else Facts()
    assert outcome_of(rule, unknown) == needs(request_text)


# --- Residency, gender, employment status -----------------------------------------------------


def test_gwangmyeong_residency_names_the_applicants_seoul_address() -> None:
    rule = Rule(RuleKind.RESIDENCY, {"city": "gwangmyeong"})
    assert outcome_of(rule, Facts(residence_city="gwangmyeong"))[0] is Outcome.PASS
    assert outcome_of(rule, Facts(residence_city="seoul")) == fails_with(
        "광명시 거주자만 신청할 수 있습니다 (현재 거주지: 서울특별시)."
    )


def test_unknown_city_codes_are_shown_as_they_are() -> None:
    assert outcome_of(SEOUL_RESIDENT, Facts(residence_city="busan")) == fails_with(
        "서울시 거주자만 신청할 수 있습니다 (현재 거주지: busan)."
    )


def test_employment_status_lists_every_allowed_status() -> None:
    rule = Rule(RuleKind.EMPLOYMENT_STATUS, {"allowed": ["unemployed", "self_employed"]})
    assert passes(rule, Facts(employment_status="self_employed"))
    assert outcome_of(rule, Facts(employment_status="employed")) == fails_with(
        "미취업 또는 사업 운영 중 상태인 분만 신청할 수 있습니다 (현재 상태: 재직 중)."
    )


def test_running_a_business_is_not_unemployed() -> None:
    assert outcome_of(UNEMPLOYED, Facts(employment_status="self_employed")) == fails_with(
        "미취업 상태인 분만 신청할 수 있습니다 (현재 상태: 사업 운영 중)."
    )


# --- Age ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth_date", "outcome"),
    [
        # upper bound 49 on 2024-06-03: the 50th birthday is the day that excludes
        (date(1974, 6, 2), Outcome.FAIL),  # turned 50 the day before
        (date(1974, 6, 3), Outcome.FAIL),  # turns 50 on the reference date
        (date(1974, 6, 4), Outcome.PASS),  # still 49, turns 50 the day after
        # lower bound 30: the 30th birthday is the day that admits
        (date(1994, 6, 2), Outcome.PASS),  # turned 30 the day before
        (date(1994, 6, 3), Outcome.PASS),  # turns 30 on the reference date
        (date(1994, 6, 4), Outcome.FAIL),  # still 29, turns 30 the day after
    ],
)
def test_age_on_the_reference_date_boundary(birth_date: date, outcome: Outcome) -> None:
    assert outcome_of(AGED_30_TO_49, Facts(birth_date=birth_date))[0] is outcome


def test_age_reason_names_the_age_just_short_of_the_minimum() -> None:
    assert outcome_of(AGED_30_TO_49, Facts(birth_date=date(1994, 6, 4))) == fails_with(
        "만 30~49세만 신청할 수 있습니다 (기준일 2024-06-03, 현재 만 29세)."
    )


def test_age_without_reference_date_is_taken_on_the_evaluation_date() -> None:
    rule = Rule(RuleKind.AGE_RANGE, {"min": 19, "max": 34})
    facts = Facts(birth_date=date(1990, 1, 10))
    assert passes(rule, facts, on=date(2025, 1, 9))
    assert outcome_of(rule, facts, on=date(2025, 1, 10)) == fails_with(
        "만 19~34세만 신청할 수 있습니다 (기준일 2025-01-10, 현재 만 35세)."
    )


def test_reference_date_may_be_a_date_object() -> None:
    rule = Rule(RuleKind.AGE_RANGE, {"max": 34, "reference_date": date(2024, 2, 1)})
    assert passes(rule, Facts(birth_date=date(1990, 1, 10)), on=date(2030, 1, 1))


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"min": 19}, "만 19세 이상만 신청할 수 있습니다 (기준일 2024-06-03, 현재 만 14세)."),
        ({"max": 13}, "만 13세 이하만 신청할 수 있습니다 (기준일 2024-06-03, 현재 만 14세)."),
        ({"min": 15, "max": 15}, "만 15세만 신청할 수 있습니다 (기준일 2024-06-03, 현재 만 14세)."),
    ],
)
def test_age_reason_describes_open_and_single_year_ranges(params: dict, reason: str) -> None:
    facts = Facts(birth_date=date(2010, 1, 1))
    assert outcome_of(Rule(RuleKind.AGE_RANGE, params), facts) == fails_with(reason)


def test_birth_date_after_the_reference_date_needs_checking() -> None:
    assert outcome_of(AGED_30_TO_49, Facts(birth_date=date(2024, 6, 4))) == needs(
        "생년월일(2024-06-04)이 기준일(2024-06-03)보다 늦습니다. 생년월일을 확인해 주세요."
    )


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (date(2023, 2, 28), 22),
        (date(2023, 3, 1), 23),
        (date(2024, 2, 28), 23),
        (date(2024, 2, 29), 24),
    ],
)
def test_leap_day_birthdays_count_from_1_march_in_common_years(on: date, age: int) -> None:
    assert age_on(date(2000, 2, 29), on) == age


# --- Qualifications, courses, pre-training, documents --------------------------------------------


def test_any_one_qualification_is_enough() -> None:
    for qualification in ("vocational_training", "career_in_field", "certificate"):
        assert passes(QUALIFIED, Facts(qualifications={qualification}))


def test_unknown_qualification_codes_are_shown_as_they_are() -> None:
    rule = Rule(RuleKind.QUALIFICATION_ANY_OF, {"any_of": ["certificate", "driving_licence"]})
    assert outcome_of(rule, Facts(qualifications={"career_in_field"})) == fails_with(
        "다음 중 하나 이상이 필요합니다: 전문 자격증, driving_licence."
    )


@pytest.mark.parametrize(
    ("label", "reason"),
    [
        ("백엔드 개발 코스", "백엔드 개발 코스를 수료한 분만 지원할 수 있습니다."),
        ("Python", "Python을(를) 수료한 분만 지원할 수 있습니다."),
    ],
)
def test_course_reason_uses_the_right_particle(label: str, reason: str) -> None:
    rule = Rule(RuleKind.COURSE_COMPLETION, {"courses": ["backend-2024"], "label": label})
    assert outcome_of(rule, Facts(completed_courses=set())) == fails_with(reason)


def test_course_without_label_lists_its_codes() -> None:
    rule = Rule(RuleKind.COURSE_COMPLETION, {"courses": ["backend-2024", "backend-2023"]})
    assert outcome_of(rule, Facts(completed_courses=set())) == fails_with(
        "지정 교육과정(backend-2024, backend-2023)을 수료한 분만 지원할 수 있습니다."
    )


def test_pre_training_for_another_program_does_not_count() -> None:
    facts = Facts(completed_pre_trainings={"it-pretraining"})
    assert outcome_of(SOCIAL_IMPACT_PRETRAINED, facts)[0] is Outcome.FAIL


def test_documents_reason_lists_only_the_missing_ones() -> None:
    assert outcome_of(RESUME_AND_CERTIFICATE, Facts(documents={"resume"})) == fails_with(
        "필요 서류가 없습니다: 자격증 사본."
    )


def test_all_document_kinds_have_korean_labels() -> None:
    kinds = ["resume", "certificate", "training_proof", "career_proof", "business_registration"]
    rule = Rule(RuleKind.DOCUMENTS, {"kinds": [*kinds, "other"]})
    assert outcome_of(rule, Facts(documents=set())) == fails_with(
        "필요 서류가 없습니다: 이력서, 자격증 사본, 수료증명서, 경력증명서, 사업자등록증, 기타."
    )


# --- Not employed recently ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last_employment_end", "outcome"),
    [
        (date(2023, 12, 2), Outcome.PASS),  # 6 months later is 2024-06-02, before 2024-06-03
        (date(2023, 12, 3), Outcome.FAIL),  # 6 months later is the evaluation date itself
        (date(2024, 7, 1), Outcome.FAIL),  # a job that has not ended yet
    ],
)
def test_six_months_must_have_passed_since_the_last_job(
    last_employment_end: date, outcome: Outcome
) -> None:
    facts = Facts(last_employment_end=last_employment_end)
    assert outcome_of(NOT_EMPLOYED_FOR_6_MONTHS, facts)[0] is outcome


def test_currently_employed_fails_not_employed_recently() -> None:
    facts = Facts(employment_status="employed", employment_history_known=True)
    assert outcome_of(NOT_EMPLOYED_FOR_6_MONTHS, facts) == fails_with(
        "현재 재직 중인 분은 신청할 수 없습니다 "
        "(최근 6개월 동안 근무하지 않은 분만 신청할 수 있습니다)."
    )


@pytest.mark.parametrize("history_known", [None, False])
def test_missing_last_job_end_is_unknown_unless_history_is_known(
    history_known: bool | None,
) -> None:
    facts = Facts(employment_status="unemployed", employment_history_known=history_known)
    assert outcome_of(NOT_EMPLOYED_FOR_6_MONTHS, facts)[0] is Outcome.NEEDS_INFO


def test_waiting_period_ends_at_the_end_of_a_shorter_month() -> None:
    facts = Facts(last_employment_end=date(2023, 8, 31))  # 6 months later: 2024-02-29
    assert outcome_of(NOT_EMPLOYED_FOR_6_MONTHS, facts, on=date(2024, 2, 29)) == fails_with(
        "최근 6개월 이내에 근무한 이력이 있어 신청할 수 없습니다 "
        "(마지막 근무 종료일 2023-08-31, 2024-03-01부터 신청할 수 있습니다)."
    )
    assert passes(NOT_EMPLOYED_FOR_6_MONTHS, facts, on=date(2024, 3, 1))


# --- Participation limit ------------------------------------------------------------------------


def test_two_consecutive_stages_across_the_new_year_block_a_third() -> None:
    facts = Facts(participations=stages(("2023-07-01", "2023-11-30"), ("2024-01-01", "2024-05-31")))
    assert outcome_of(GWANGMYEONG_PARTICIPATION_LIMIT, facts)[0] is Outcome.FAIL


def test_one_recent_stage_allows_a_second_consecutive_stage() -> None:
    facts = Facts(participations=stages(("2024-01-01", "2024-05-31")))
    assert passes(GWANGMYEONG_PARTICIPATION_LIMIT, facts)


def test_a_gap_of_months_breaks_the_run_of_stages() -> None:
    facts = Facts(participations=stages(("2023-01-02", "2023-05-31"), ("2023-07-01", "2023-11-30")))
    assert passes(GWANGMYEONG_PARTICIPATION_LIMIT, facts)


@pytest.mark.parametrize(
    ("on", "outcome"),
    [
        (date(2024, 7, 2), Outcome.FAIL),  # 31 days off since 2024-05-31: still consecutive
        (date(2024, 7, 3), Outcome.PASS),  # 32 days off: a new run may start
    ],
)
def test_a_break_of_more_than_31_days_ends_the_run(on: date, outcome: Outcome) -> None:
    facts = Facts(participations=stages(("2023-07-01", "2023-11-30"), ("2024-01-01", "2024-05-31")))
    assert outcome_of(GWANGMYEONG_PARTICIPATION_LIMIT, facts, on=on)[0] is outcome


def test_a_break_of_32_days_between_stages_ends_the_run() -> None:
    facts = Facts(participations=stages(("2023-07-01", "2023-11-29"), ("2024-01-01", "2024-05-31")))
    assert passes(GWANGMYEONG_PARTICIPATION_LIMIT, facts)


def test_a_record_nested_inside_a_stage_does_not_hide_the_run() -> None:
    two_stages = (("2023-07-01", "2023-11-30"), ("2024-01-01", "2024-05-31"))
    facts = Facts(participations=stages(*two_stages, ("2024-02-01", "2024-02-10")))
    outcome, reason = outcome_of(GWANGMYEONG_PARTICIPATION_LIMIT, facts)
    assert outcome is Outcome.FAIL
    assert "마지막 참여 종료일 2024-05-31" in reason


def test_24_months_within_36_blocks_another_stage() -> None:
    facts = Facts(participations=stages(("2021-07-01", "2022-06-30"), ("2022-09-01", "2023-08-31")))
    assert outcome_of(GWANGMYEONG_PARTICIPATION_LIMIT, facts) == fails_with(
        "최근 36개월 동안 참여할 수 있는 기간은 최대 24개월입니다 "
        "(기존 참여 약 24.0개월 + 이번 단계 5개월). "
        "2021-06-03 이후 참여 기간: 2021-07-01~2022-06-30, 2022-09-01~2023-08-31."
    )


@pytest.mark.parametrize(
    ("days", "outcome"),
    [
        (578, Outcome.PASS),  # 578 / 30.4375 = 18.99 months + 5 = 23.99 <= 24
        (579, Outcome.FAIL),  # 579 / 30.4375 = 19.02 months + 5 = 24.02 > 24
    ],
)
def test_window_months_are_days_over_30_4375(days: int, outcome: Outcome) -> None:
    start = date(2022, 1, 1)
    facts = Facts(participations=[(start, start + timedelta(days=days - 1))])
    assert outcome_of(GWANGMYEONG_PARTICIPATION_LIMIT, facts)[0] is outcome


@pytest.mark.parametrize(
    ("last_day", "outcome"),
    [
        (date(2021, 6, 2), Outcome.PASS),  # ends the day before the window opens
        (date(2021, 6, 3), Outcome.FAIL),  # one day inside the window is one day too many
    ],
)
def test_only_days_inside_the_window_count(last_day: date, outcome: Outcome) -> None:
    limit = {"max_consecutive_stages": 2, "window_months": 36, "stage_months": 5}
    rule = Rule(RuleKind.PARTICIPATION_LIMIT, {**limit, "max_months_in_window": 5})
    facts = Facts(participations=[(date(2019, 1, 1), last_day)])
    assert outcome_of(rule, facts)[0] is outcome


def test_overlapping_records_count_each_day_once() -> None:
    period = ("2022-01-01", "2023-02-04")  # 400 days: 13.1 months + 5 <= 24
    facts = Facts(participations=stages(period, period, ("2022-06-01", "2022-07-01")))
    assert passes(GWANGMYEONG_PARTICIPATION_LIMIT, facts)


def test_both_participation_limits_are_reported_together() -> None:
    facts = Facts(participations=stages(("2022-06-01", "2023-11-30"), ("2024-01-01", "2024-05-31")))
    outcome, reason = outcome_of(GWANGMYEONG_PARTICIPATION_LIMIT, facts)
    assert outcome is Outcome.FAIL
    assert reason.startswith("연속 참여는 최대 2단계(10개월)까지 가능합니다")
    assert "최근 36개월 동안 참여할 수 있는 기간은 최대 24개월입니다" in reason


# --- The verdict ---------------------------------------------------------------------------------

SEOUL_INTERNSHIP = [SEOUL_RESIDENT, WOMAN, UNEMPLOYED, QUALIFIED]


def test_no_rules_pass() -> None:
    assert evaluate([], Facts(), on=ON) == Verdict(outcome=Outcome.PASS, results=())


def test_all_rules_passing_pass() -> None:
    facts = Facts(
        gender="female",
        residence_city="seoul",
        employment_status="unemployed",
        qualifications={"certificate"},
    )
    verdict = evaluate(SEOUL_INTERNSHIP, facts, on=ON)
    assert verdict.outcome is Outcome.PASS
    assert (verdict.reasons, verdict.missing) == ([], [])
    assert [result.rule for result in verdict.results] == SEOUL_INTERNSHIP


def test_a_failure_outranks_missing_information() -> None:
    facts = Facts(gender="male", residence_city=None, employment_status="unemployed")
    verdict = evaluate(SEOUL_INTERNSHIP, facts, on=ON)
    assert verdict.outcome is Outcome.FAIL
    assert korean(verdict.reasons) == ["여성만 신청할 수 있습니다."]
    assert korean(verdict.missing) == [
        "거주지 정보를 입력해 주세요.",
        "다음 자격 요건 중 해당하는 항목을 입력해 주세요: "
        "직업훈련 수료, 해당 분야 경력, 전문 자격증.",
    ]


def test_missing_information_without_failures_needs_information() -> None:
    facts = Facts(gender="female", residence_city="seoul", qualifications={"certificate"})
    verdict = evaluate(SEOUL_INTERNSHIP, facts, on=ON)
    assert verdict.outcome is Outcome.NEEDS_INFO
    assert korean(verdict.reasons) == []
    assert korean(verdict.missing) == [
        "현재 취업 상태(재직 중, 미취업, 사업 운영 중)를 입력해 주세요."
    ]


def test_every_failed_rule_gives_its_own_reason_in_rule_order() -> None:
    facts = Facts(gender="male", residence_city="gwangmyeong", employment_status="employed")
    verdict = evaluate(SEOUL_INTERNSHIP, facts, on=ON)
    assert korean(verdict.reasons) == [
        "서울시 거주자만 신청할 수 있습니다 (현재 거주지: 경기도 광명시).",
        "여성만 신청할 수 있습니다.",
        "미취업 상태인 분만 신청할 수 있습니다 (현재 상태: 재직 중).",
    ]


def test_evaluate_accepts_any_iterable_of_rules() -> None:
    verdict = evaluate((rule for rule in [WOMAN]), Facts(gender="female"), on=ON)
    assert verdict.results == (RuleResult(rule=WOMAN, outcome=Outcome.PASS, reason=None),)


# --- Rules and facts as data ---------------------------------------------------------------------


def test_rule_kind_may_be_given_as_its_stored_string() -> None:
    rule = Rule("residency", {"city": "seoul"})  # type: ignore[arg-type]
    assert rule.kind is RuleKind.RESIDENCY
    assert rule == SEOUL_RESIDENT


def test_rule_params_are_copied_when_the_rule_is_built() -> None:
    params = {"city": "seoul"}
    rule = Rule(RuleKind.RESIDENCY, params)
    params["city"] = "gwangmyeong"
    assert passes(rule, Facts(residence_city="seoul"))
    with pytest.raises(TypeError):
        rule.params["city"] = "busan"  # type: ignore[index]


def test_unknown_rule_kind_is_refused() -> None:
    with pytest.raises(ValueError, match=r"Unknown eligibility rule kind 'home_ownership'"):
        Rule("home_ownership", {})  # type: ignore[arg-type]


def test_rule_kind_without_a_registered_check_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(rule_checks.CHECKS, RuleKind.GENDER)
    with pytest.raises(ValueError, match="No check is registered for eligibility rule kind"):
        evaluate_rule(WOMAN, Facts(gender="female"), on=ON)


def test_params_must_be_a_mapping() -> None:
    with pytest.raises(ValueError, match="residency rule: params must be a mapping"):
        Rule(RuleKind.RESIDENCY, ["seoul"])  # type: ignore[arg-type]


MALFORMED_PARAMS: list[tuple[RuleKind, Mapping[str, Any], str]] = [
    (RuleKind.RESIDENCY, {}, "city"),
    (RuleKind.RESIDENCY, {"city": ""}, "city"),
    (RuleKind.RESIDENCY, {"city": "seoul", "cty": "seoul"}, "cty"),
    (RuleKind.GENDER, {"gender": "woman"}, "gender"),
    (RuleKind.EMPLOYMENT_STATUS, {"allowed": "unemployed"}, "allowed"),
    (RuleKind.EMPLOYMENT_STATUS, {"allowed": ["retired"]}, "allowed"),
    (RuleKind.AGE_RANGE, {}, "min"),
    (RuleKind.AGE_RANGE, {"min": "30"}, "min"),
    (RuleKind.AGE_RANGE, {"min": True}, "min"),
    (RuleKind.AGE_RANGE, {"max": -1}, "max"),
    (RuleKind.AGE_RANGE, {"min": 50, "max": 40}, "min"),
    (RuleKind.AGE_RANGE, {"min": 30, "reference_date": "2024/06/03"}, "reference_date"),
    (RuleKind.QUALIFICATION_ANY_OF, {"any_of": []}, "any_of"),
    (RuleKind.COURSE_COMPLETION, {"courses": ["dm-2024"], "label": ""}, "label"),
    (RuleKind.COURSE_COMPLETION, {"course": ["dm-2024"]}, "courses"),
    (RuleKind.PRE_TRAINING, {"label": "사전교육"}, "code"),
    (RuleKind.DOCUMENTS, {"kinds": [1]}, "kinds"),
    (RuleKind.NOT_EMPLOYED_RECENTLY, {"months": 0}, "months"),
    (RuleKind.NOT_EMPLOYED_RECENTLY, {"months": 6.0}, "months"),
    (
        RuleKind.PARTICIPATION_LIMIT,
        {"max_consecutive_stages": 2, "max_months_in_window": 24, "window_months": 36},
        "stage_months",
    ),
]


@pytest.mark.parametrize(("kind", "params", "key"), MALFORMED_PARAMS)
def test_malformed_params_name_the_rule_kind_and_key(
    kind: RuleKind, params: Mapping[str, Any], key: str
) -> None:
    with pytest.raises(ValueError, match=rf"^{kind.value} rule: parameter '{key}' "):
        Rule(kind, params)


def test_facts_store_collections_as_frozen_sets_and_sorted_periods() -> None:
    later, earlier = stages(("2024-01-01", "2024-05-31"), ("2023-07-01", "2023-11-30"))
    facts = Facts(documents=["resume", "resume"], participations=[later, earlier])
    assert facts.documents == frozenset({"resume"})
    assert facts.participations == (earlier, later)


def test_facts_refuse_a_single_string_for_a_set_of_codes() -> None:
    with pytest.raises(TypeError, match="Facts.documents must be a set of codes"):
        Facts(documents="resume")  # type: ignore[arg-type]


def test_facts_refuse_a_period_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="starts after it ends"):
        Facts(participations=stages(("2024-05-31", "2024-01-01")))


# --- Properties --------------------------------------------------------------------------------

days = st.dates(min_value=date(1930, 1, 1), max_value=date(2100, 12, 31))
ages = st.integers(min_value=0, max_value=120)


def reference_age(birth_date: date, on: date) -> int:
    """Count the birthdays reached, a 29 February birthday falling on 1 March in common years."""

    def birthday(year: int) -> date:
        try:
            return birth_date.replace(year=year)
        except ValueError:
            return date(year, 3, 1)

    return sum(1 for year in range(birth_date.year + 1, on.year + 1) if birthday(year) <= on)


@given(days, days)
def test_age_counts_the_birthdays_reached(first: date, second: date) -> None:
    birth_date, on = sorted((first, second))
    assert age_on(birth_date, on) == reference_age(birth_date, on)


@given(days, days, days)
def test_age_never_decreases_with_time_or_earlier_birth(a: date, b: date, c: date) -> None:
    birth_date, earlier, later = sorted((a, b, c))
    assert age_on(birth_date, earlier) <= age_on(birth_date, later)
    assert age_on(earlier, later) <= age_on(birth_date, later)


@given(days, days, ages, ages, st.integers(0, 10), st.integers(0, 10))
def test_widening_the_age_range_never_turns_a_pass_into_a_fail(
    first: date, second: date, low: int, high: int, widen_low: int, widen_high: int
) -> None:
    birth_date, on = sorted((first, second))
    low, high = sorted((low, high))
    narrow = Rule(RuleKind.AGE_RANGE, {"min": low, "max": high})
    wide = Rule(RuleKind.AGE_RANGE, {"min": max(low - widen_low, 0), "max": high + widen_high})
    facts = Facts(birth_date=birth_date)
    age = age_on(birth_date, on)
    assert passes(narrow, facts, on) == (low <= age <= high)
    if passes(narrow, facts, on):
        assert passes(wide, facts, on)


RULE_WITH_OUTCOME = {
    Outcome.PASS: WOMAN,
    Outcome.FAIL: Rule(RuleKind.GENDER, {"gender": "male"}),
    Outcome.NEEDS_INFO: SEOUL_RESIDENT,
}
FACTS_FOR_OUTCOME_RULES = Facts(gender="female", residence_city=None)


@given(st.lists(st.sampled_from(list(Outcome)), max_size=12))
def test_verdict_fails_on_any_failure_then_needs_information_then_passes(
    outcomes: list[Outcome],
) -> None:
    rules = [RULE_WITH_OUTCOME[outcome] for outcome in outcomes]
    verdict = evaluate(rules, FACTS_FOR_OUTCOME_RULES, on=ON)
    assert [result.outcome for result in verdict.results] == outcomes
    if Outcome.FAIL in outcomes:
        assert verdict.outcome is Outcome.FAIL
    elif Outcome.NEEDS_INFO in outcomes:
        assert verdict.outcome is Outcome.NEEDS_INFO
    else:
        assert verdict.outcome is Outcome.PASS
    assert len(verdict.reasons) == outcomes.count(Outcome.FAIL)
    assert len(verdict.missing) == outcomes.count(Outcome.NEEDS_INFO)
    assert all(korean(verdict.reasons + verdict.missing))


@given(st.lists(st.sampled_from(list(Outcome))), st.sampled_from(list(Outcome)))
def test_adding_a_rule_never_improves_the_verdict(outcomes: list[Outcome], extra: Outcome) -> None:
    severity = [Outcome.PASS, Outcome.NEEDS_INFO, Outcome.FAIL]
    before = combine_outcomes(outcomes)
    after = combine_outcomes([*outcomes, extra])
    assert severity.index(after) == max(severity.index(before), severity.index(extra))


@st.composite
def participation_histories(draw: st.DrawFn) -> list[tuple[date, date]]:
    starts = draw(st.lists(st.dates(date(2019, 1, 1), date(2024, 6, 1)), max_size=6))
    return [(start, start + timedelta(days=draw(st.integers(0, 400)))) for start in starts]


@given(participation_histories(), participation_histories())
def test_more_participation_history_is_never_more_eligible(
    history: list[tuple[date, date]], more: list[tuple[date, date]]
) -> None:
    shorter = Facts(participations=history)
    longer = replace(shorter, participations=[*history, *more])
    if not passes(GWANGMYEONG_PARTICIPATION_LIMIT, longer):
        return
    assert passes(GWANGMYEONG_PARTICIPATION_LIMIT, shorter)


@given(days, days, st.integers(1, 24))
def test_once_the_waiting_period_is_over_it_stays_over(
    last_end: date, on: date, months: int
) -> None:
    rule = Rule(RuleKind.NOT_EMPLOYED_RECENTLY, {"months": months})
    facts = Facts(last_employment_end=last_end)
    if passes(rule, facts, on):
        assert passes(rule, facts, on + timedelta(days=1))
        assert on - last_end > timedelta(days=28 * months)


def test_reasons_are_json_codes_named_after_their_rule_kind_and_outcome() -> None:
    import json

    for rule, facts, _text in FAIL_CASES:
        reason = evaluate_rule(rule, facts, on=ON).reason
        assert reason.code.startswith(f"{rule.kind}.fail")
        assert json.loads(json.dumps(reason.as_json())) == reason.as_json()
    for rule, _text in NEEDS_INFO_CASES:
        unknown = CompanyFacts() if rule.kind in COMPANY_RULE_KINDS else Facts()
        reason = evaluate_rule(rule, unknown, on=ON).reason
        assert reason.code == f"{rule.kind}.needs_info"
        assert json.loads(json.dumps(reason.as_json())) == reason.as_json()


def test_the_evaluators_codes_are_the_applicant_profiles_choices() -> None:
    from applicants.models import ApplicantProfile

    assert set(ApplicantProfile.Gender.values) == GENDERS
    assert set(ApplicantProfile.EmploymentStatus.values) == set(EMPLOYMENT_STATUSES)


def test_company_rules_judge_company_facts_only() -> None:
    with pytest.raises(TypeError, match="company_sme rule judges CompanyFacts"):
        evaluate_rule(SME, Facts(), on=ON)
    with pytest.raises(TypeError, match="residency rule judges Facts"):
        evaluate_rule(SEOUL_RESIDENT, CompanyFacts(city="seoul"), on=ON)


def test_company_rules_refuse_unexpected_parameters() -> None:
    with pytest.raises(ValueError, match="company_min_employees rule: parameter 'min'"):
        Rule(RuleKind.COMPANY_MIN_EMPLOYEES, {"min": 0})
    with pytest.raises(ValueError, match="'minimum' is not a parameter"):
        Rule(RuleKind.COMPANY_SME, {"minimum": 5})


# --- Participation limits per programme, not a past participant (Gwangmyeong 0123, youth) -----

LIMIT_0123 = Rule(
    RuleKind.PARTICIPATION_LIMIT,
    {
        "max_consecutive_stages": 2,
        "max_months_in_window": 24,
        "window_months": 36,
        "stage_months": 5,
        "programs": ["gm-0123-jobs"],
        "reference_date": "2025-01-01",
    },
)


def records(*periods: tuple[str, str, str]) -> list[tuple[str, date, date]]:
    return [(code, date.fromisoformat(a), date.fromisoformat(b)) for code, a, b in periods]


def test_limit_counts_only_the_programmes_it_names() -> None:
    other = records(
        ("gm-1969-jobs", "2024-01-01", "2024-05-31"), ("gm-1969-jobs", "2024-07-01", "2024-11-30")
    )
    assert outcome_of(LIMIT_0123, Facts(participation_records=other)) == (Outcome.PASS, "")


def test_one_stage_before_is_within_the_consecutive_limit() -> None:
    one = records(("gm-0123-jobs", "2024-07-01", "2024-11-30"))
    assert outcome_of(LIMIT_0123, Facts(participation_records=one)) == (Outcome.PASS, "")


def test_two_consecutive_stages_exactly_at_the_limit_block_a_third_and_name_their_dates() -> None:
    two = records(
        ("gm-0123-jobs", "2024-01-01", "2024-05-31"), ("gm-0123-jobs", "2024-07-01", "2024-11-30")
    )
    outcome, text = outcome_of(LIMIT_0123, Facts(participation_records=two))
    assert outcome is Outcome.FAIL
    assert "2024-01-01~2024-05-31, 2024-07-01~2024-11-30" in text
    assert "2025-01-02부터 다시 신청할 수 있습니다" in text


def test_a_break_one_month_longer_than_allowed_ends_the_run() -> None:
    # The second stage ends on 2024-10-31: 61 days off before 2025-01-01, not consecutive.
    two = records(
        ("gm-0123-jobs", "2024-01-01", "2024-05-31"), ("gm-0123-jobs", "2024-06-01", "2024-10-31")
    )
    assert outcome_of(LIMIT_0123, Facts(participation_records=two)) == (Outcome.PASS, "")


def test_nineteen_months_in_the_window_plus_a_stage_is_exactly_24_and_passes() -> None:
    # 2022-01-01..2023-07-31 is 19 months by the calendar but 576 days = 18.9 average months;
    # the stages here fill exactly 19 × 30.4375 days, the most that still fits a 5-month stage.
    start = date(2022, 1, 3)
    end = start + timedelta(days=int(19 * DAYS_PER_MONTH) - 1)
    facts = Facts(participation_records=[("gm-0123-jobs", start, end)])
    assert outcome_of(LIMIT_0123, facts) == (Outcome.PASS, "")


def test_one_month_over_the_window_limit_fails_and_names_the_window() -> None:
    start = date(2022, 1, 3)
    end = start + timedelta(days=int(20 * DAYS_PER_MONTH) - 1)
    outcome, text = outcome_of(
        LIMIT_0123, Facts(participation_records=[("gm-0123-jobs", start, end)])
    )
    assert outcome is Outcome.FAIL
    assert f"2022-01-01 이후 참여 기간: {start}~{end}." in text


def test_limit_reads_the_reference_date_not_the_day_of_screening() -> None:
    two = records(
        ("gm-0123-jobs", "2024-01-01", "2024-05-31"), ("gm-0123-jobs", "2024-07-01", "2024-11-30")
    )
    unbound = Rule(RuleKind.PARTICIPATION_LIMIT, {**LIMIT_0123.params, "reference_date": None})
    facts = Facts(participation_records=two)
    assert evaluate_rule(unbound, facts, on=date(2025, 6, 2)).outcome is Outcome.PASS
    assert evaluate_rule(LIMIT_0123, facts, on=date(2025, 6, 2)).outcome is Outcome.FAIL


def test_unknown_history_of_named_programmes_needs_information() -> None:
    assert outcome_of(LIMIT_0123, Facts(participations=[]))[0] is Outcome.NEEDS_INFO


def test_a_past_youth_intern_is_refused_and_a_newcomer_passes() -> None:
    past = Facts(participation_records=records(("gm-youth-intern", "2023-02-01", "2023-12-31")))
    assert outcome_of(NOT_A_PAST_YOUTH_INTERN, past)[0] is Outcome.FAIL
    assert outcome_of(NOT_A_PAST_YOUTH_INTERN, Facts(participation_records=[]))[0] is Outcome.PASS


def test_not_past_participant_refuses_bad_params() -> None:
    with pytest.raises(ValueError, match="programs"):
        Rule(RuleKind.NOT_PAST_PARTICIPANT, {"programs": []})
    with pytest.raises(ValueError, match="programs"):
        Rule(RuleKind.PARTICIPATION_LIMIT, {**LIMIT_0123.params, "programs": "gm-0123-jobs"})
