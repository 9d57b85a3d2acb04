"""Every figure on the public pages comes from a row for today: the living-wage table and the
programme's figures, never from text."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories.accounts import staff_with_mfa
from womenup.cache import DATA_VERSIONS, data_version_bump
from womenup.models import LivingWageRate, Program
from womenup.programs import figures

pytestmark = pytest.mark.django_db


def home(client) -> str:
    return client.get(reverse("home")).content.decode()


def test_the_wage_shown_is_the_rate_in_force_today(client):
    assert "서울시 생활임금 지급 (2024년 시급 11,436원, 전일제 월 2,390,124원)" in home(client)

    today = timezone.localdate()
    LivingWageRate.objects.create(valid_from=today - timedelta(days=1), hourly_krw=12_000)
    LivingWageRate.objects.create(valid_from=today + timedelta(days=1), hourly_krw=13_000)
    data_version_bump(*DATA_VERSIONS)  # as a rate saved in admin does (womenup/cache.py)

    page = home(client)
    year = (today - timedelta(days=1)).year
    assert f"서울시 생활임금 지급 ({year}년 시급 12,000원, 전일제 월 2,508,000원)" in page
    assert "2,390,124원" not in page and "13,000원" not in page


def test_the_programme_page_reads_its_figures_and_another_programmes(client):
    Program.objects.filter(code="seoul-incentive").update(figures={"amount_krw": 3_500_000})
    page = client.get(reverse("program-detail", args=["seoul-internship"])).content.decode()
    assert "정규직 전환 시 기업에 고용장려금 3,500,000원" in page
    assert "3개월 인턴 (근로계약일부터)" in page
    assert "전일제 주 40시간 또는 유연근무 주 30~35시간" in page


def test_staff_change_a_figure_and_every_page_shows_it(client):
    program = Program.objects.get(code="gm-0123-jobs")
    program.figures = {**program.figures, "seats": 160, "projects": 62}
    program.save()
    page = home(client)
    assert "약 62개 공공사업, 반기별 160명" in page
    assert "반기별 150명" not in page


def test_a_line_naming_a_missing_figure_is_left_out(client):
    program = Program.objects.get(code="seoul-allowance")
    program.figures = {"amount_krw": 300_000}  # months removed
    program.save()
    page = client.get(reverse("program-detail", args=["seoul-allowance"])).content.decode()
    assert "{months}" not in page and "최대" not in page
    assert "월별 구직활동 보고 승인 후 지급" in page


def test_without_a_rate_the_wage_lines_are_left_out(client):
    LivingWageRate.objects.all().delete()
    page = client.get(reverse("program-detail", args=["seoul-wage-support"])).content.decode()
    assert "생활임금 시급" not in page
    assert "주 40시간 → 월 209시간" in page


def test_the_allowance_page_reads_the_programme(client):
    from tests.factories.applicants import ready_profile
    from tests.factories.kernel import open_intake

    open_intake("seoul-allowance")
    Program.objects.filter(code="seoul-allowance").update(
        figures={"amount_krw": 350_000, "months": 4}
    )
    client.force_login(ready_profile().user)
    page = client.get(reverse("applicants:allowance")).content.decode()
    assert "월 350,000원씩 최대 4개월 지급합니다." in page


def test_fill_replaces_names_and_refuses_unknown_ones():
    own = {"seats": 1500, "wage_year": 2024}
    assert figures.fill("{seats}명 ({wage_year}년)", own, {}) == "1,500명 (2024년)"
    assert figures.fill("{other.amount_krw}원", own, {"other": {"amount_krw": 300_000}}) == (
        "300,000원"
    )
    assert figures.fill("{months}개월", own, {}) is None
    assert figures.fill("no figures", own, {}) == "no figures"


def test_admin_refuses_texts_naming_figures_the_programme_lacks(client):
    client.force_login(staff_with_mfa())
    program = Program.objects.get(code="gm-1969-jobs")
    url = reverse("admin:womenup_program_change", args=[program.pk])
    data = {
        "code": program.code,
        "city": program.city_id,
        "kind": program.kind,
        "name_ko": program.name_ko,
        "summary_ko": "만 {age_min}~{age_max}세 {participants}명",
        "description_ko": "",
        "key_facts_ko": "[]",
        "figures": '{"age_min": 19, "age_max": 69, "seats": "170"}',
        "is_active": "on",
        "order": program.order,
        "intakes-TOTAL_FORMS": "0",
        "intakes-INITIAL_FORMS": "0",
        "rules-TOTAL_FORMS": "0",
        "rules-INITIAL_FORMS": "0",
    }
    page = client.post(url, data).content.decode()
    assert "수치가 없거나 정수가 아닙니다: seats: &#x27;170&#x27;, {participants}" in page
    program.refresh_from_db()
    assert program.summary == "만 {age_min}~{age_max}세 시민 {seats}명, {projects}개 사업"
