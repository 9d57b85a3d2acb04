"""Public pages, language switch, KRW formatting and the catalogue's rules as evaluator input."""

import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse

from tests.factories.accounts import staff_with_mfa
from womenup.admin import EligibilityRuleForm
from womenup.models import EligibilityRule, IntakeWindow, LivingWageRate, Program
from womenup.programs import selectors
from womenup.programs.eligibility import Facts, Outcome, evaluate

pytestmark = pytest.mark.django_db

HOME_QUERIES = 4  # the menu, programmes with their city, their intakes, the living wage


@pytest.mark.parametrize("intakes", [1, 8])
def test_home_lists_the_seoul_programs_with_their_key_facts(
    client, django_assert_num_queries, intakes
):
    for program in Program.objects.filter(is_active=True):
        for index in range(intakes):
            IntakeWindow.objects.create(
                program=program,
                label=f"{index + 1}차",
                opens_on=date(2024, 1, 1 + index),
                closes_on=date(2024, 2, 1 + index),
            )
    with django_assert_num_queries(HOME_QUERIES):
        page = client.get(reverse("home")).content.decode()
    assert "서울우먼업 채용연계형 인턴십" in page
    assert "2,390,124원" in page
    assert "구직지원금" in page
    assert "디지털 특화교육" in page
    assert "광명 0123 행복일자리" in page


def test_every_page_offers_english_and_switching_changes_the_language(client):
    page = client.get(reverse("home")).content.decode()
    assert 'lang="ko"' in page
    assert '<option value="en"' in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("home")).content.decode()
    assert 'lang="en"' in page
    assert "Programs" in page


def test_a_browser_asking_for_english_still_gets_korean_until_the_visitor_switches(client):
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="ko"' in page
    assert '<option value="ko" selected>' in page


def test_unknown_program_is_a_404(client):
    assert client.get(reverse("program-detail", args=["no-such-program"])).status_code == 404


def test_krw_filter_puts_thousands_separators():
    rendered = Template("{% load womenup_tags %}{{ amount|krw }}").render(
        Context({"amount": 2390124})
    )
    assert rendered == "2,390,124원"


def test_the_living_wage_in_force_is_the_latest_row_before_the_day():
    LivingWageRate.objects.create(valid_from=date(2025, 1, 1), hourly_krw=11_779)
    assert selectors.living_wage_on(date(2024, 7, 1)).hourly_krw == 11_436
    assert selectors.living_wage_on(date(2025, 3, 1)).hourly_krw == 11_779
    with pytest.raises(ValidationError, match="생활임금"):
        selectors.living_wage_on(date(2023, 12, 31))


def test_seeded_internship_rules_feed_the_evaluator():
    rules = selectors.program_rules(Program.objects.get(code="seoul-internship"))
    assert [rule.kind for rule in rules] == [
        "residency",
        "gender",
        "employment_status",
        "qualification_any_of",
        "documents",
    ], "earlier-cohort rules (age, recent employment) are configured but off"
    eligible = Facts(
        gender="female",
        birth_date=date(1985, 1, 1),
        residence_city="seoul",
        employment_status="unemployed",
        qualifications=frozenset({"certificate"}),
        documents=frozenset({"resume"}),
    )
    assert evaluate(rules, eligible, on=date(2024, 6, 3)).outcome == Outcome.PASS
    gwangmyeong = Facts(**{**eligible.__dict__, "residence_city": "gwangmyeong"})
    verdict = evaluate(rules, gwangmyeong, on=date(2024, 6, 3))
    assert verdict.outcome == Outcome.FAIL
    assert [reason.as_json() for reason in verdict.reasons] == [
        {"code": "residency.fail", "params": {"city": "seoul", "current": "gwangmyeong"}}
    ]


def test_every_seeded_rule_row_is_valid_for_the_evaluator():
    rows = EligibilityRule.objects.all()
    assert rows.count() > 20
    for row in rows:
        data = {"order": row.order, "kind": row.kind, "params": json.dumps(row.params)}
        form = EligibilityRuleForm(data={**data, "is_active": row.is_active})
        assert form.is_valid(), (row, form.errors)


def test_staff_cannot_save_rule_parameters_the_evaluator_rejects():
    form = EligibilityRuleForm(
        data={"order": 0, "kind": "age_range", "params": '{"min": "서른"}', "is_active": True}
    )
    assert not form.is_valid()
    assert "규칙 매개변수가 올바르지 않습니다" in str(form.errors)


def test_staff_see_the_program_rules_in_admin(client):
    client.force_login(staff_with_mfa())
    program = Program.objects.get(code="gm-0123-jobs")
    page = client.get(reverse("admin:womenup_program_change", args=[program.pk]))
    assert page.status_code == 200
    assert "participation_limit" in page.content.decode()
