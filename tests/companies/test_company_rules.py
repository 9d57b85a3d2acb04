"""Which companies may take part is rule rows of the programmes (company kinds), not code."""

import pytest
from django.utils import translation

from companies.eligibility import company_ineligibility_reasons
from womenup.models import EligibilityRule, Program
from womenup.programs.eligibility import CompanyFacts
from womenup.programs.selectors import company_rules_by_program, program_rules

pytestmark = pytest.mark.django_db

SEOUL_INTERNSHIPS = ["seoul-internship", "seoul-project-it", "seoul-project-social"]


def company_rules(code: str):
    return EligibilityRule.objects.filter(program__code=code, kind__startswith="company_")


def test_the_seoul_internships_carry_the_seoul_company_rules():
    programmes = {p.code: rules for p, rules in company_rules_by_program().items()}
    assert sorted(programmes) == sorted(SEOUL_INTERNSHIPS)
    for rules in programmes.values():
        assert [(rule.kind, dict(rule.params)) for rule in rules] == [
            ("company_location", {"city": "seoul"}),
            ("company_min_employees", {"min": 5}),
            ("company_sme", {}),
        ]


def test_applicant_screening_never_sees_company_rules():
    for code in SEOUL_INTERNSHIPS:
        kinds = {rule.kind for rule in program_rules(Program.objects.get(code=code))}
        assert not {kind for kind in kinds if kind.startswith("company_")}


def test_staff_raise_the_minimum_and_the_reason_follows():
    for code in SEOUL_INTERNSHIPS:
        company_rules(code).filter(kind="company_min_employees").update(params={"min": 10})
    assert company_ineligibility_reasons(CompanyFacts("seoul", 9, True)) == [
        "상시근로자가 10명 이상이어야 합니다 (입력: 9명)."
    ]
    assert company_ineligibility_reasons(CompanyFacts("seoul", 10, True)) == []


def test_one_programme_that_admits_the_company_is_enough():
    company_rules("seoul-project-social").filter(kind="company_location").update(is_active=False)
    company_rules("seoul-project-social").filter(kind="company_min_employees").update(
        is_active=False
    )
    assert company_ineligibility_reasons(CompanyFacts("gwangmyeong", 2, True)) == []
    assert company_ineligibility_reasons(CompanyFacts("gwangmyeong", 2, False)) == [
        "서울시에 소재한 기업만 참여할 수 있습니다 (현재 소재지: 경기도 광명시).",
        "상시근로자가 5명 이상이어야 합니다 (입력: 2명).",
        "중소기업만 참여할 수 있습니다.",
    ]


def test_a_stopped_programme_asks_nothing_of_companies():
    Program.objects.filter(code__in=SEOUL_INTERNSHIPS).update(is_active=False)
    assert company_ineligibility_reasons(CompanyFacts("gwangmyeong", 1, False)) == []


def test_the_reasons_read_in_english():
    with translation.override("en"):
        reasons = company_ineligibility_reasons(CompanyFacts("gwangmyeong", 3, False))
    assert reasons == [
        "Only companies located in Seoul can take part (located in: Gwangmyeong, Gyeonggi-do).",
        "At least 5 regular employees are required (entered: 3).",
        "Only small and medium-sized enterprises can take part.",
    ]
