"""A third city comes in as data only: a fixture with the city, its districts, one programme,
its intake and its rules (applicant and company) runs through the public pages, company
registration, role posting, application and two weekly batches, with no code change."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from companies.models import Company, Role
from companies.services import company_verify, role_publish
from matching.batch import week_key, weekly_batch_run
from matching.models import InterviewInvitation, Placement, ScreeningResult
from matching.services import application_submit, choice_add
from tests.companies.test_views import registration_data, role_data
from tests.factories import kernel
from tests.factories.accounts import CompanyUserFactory, staff_with_mfa
from tests.matching.batch_data import company_ranks, eligible_profile
from womenup.models import City, District, Program
from womenup.programs.eligibility.reasons import render

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "third_city.json"


@pytest.fixture
def suwon():
    call_command("loaddata", str(FIXTURE), verbosity=0)
    city = City.objects.get(code="suwon")
    program = Program.objects.get(code="suwon-return-internship")
    return city, program, program.intakes.get(), District.objects.get(city=city, code="paldal")


def test_the_home_page_shows_the_new_programme_with_its_figures(client, suwon):
    page = client.get(reverse("home")).content.decode()
    assert "경기도 수원시" in page
    assert "수원시 경력보유여성 40명에게 3개월 인턴십" in page
    assert "3개월 인턴, 월 2,390,124원 (2024년 생활임금)" in page
    assert "참여기업 상시근로자 3명 이상" in page


def test_a_company_in_the_new_city_is_judged_by_that_citys_company_rules(client, suwon):
    _city, _program, _intake, paldal = suwon
    client.force_login(CompanyUserFactory())
    check = reverse("companies:eligibility-check")
    four = client.get(check, {"district": paldal.pk, "regular_employees": 4, "is_sme": "on"})
    assert "참여 요건을 충족합니다." in four.content.decode()  # Seoul's rule would want 5
    two = client.get(check, {"district": paldal.pk, "regular_employees": 2, "is_sme": "on"})
    assert "상시근로자가 3명 이상이어야 합니다 (입력: 2명)." in two.content.decode()
    form = client.get(reverse("companies:profile")).content.decode()
    assert f'value="{paldal.pk}"' in form


def test_application_and_the_weekly_batch_run_for_the_new_city(client, suwon):
    city, _program, intake, paldal = suwon
    owner = CompanyUserFactory()
    client.force_login(owner)
    client.post(
        reverse("companies:profile"), registration_data(district=paldal.pk, regular_employees="4")
    )
    company = Company.objects.get()
    company_verify(company=company, staff=staff_with_mfa())

    seoul_district = client.post(
        reverse("companies:role-create"),
        role_data(intake=intake.pk, district=kernel.district("mapo").pk),
    )
    assert "근무 자치구는 사업 지역(경기도 수원시)에서 골라 주세요." in (
        seoul_district.content.decode()
    )
    client.post(
        reverse("companies:role-create"),
        role_data(title="수원 사무 인턴", intake=intake.pk, district=paldal.pk, seats="1"),
    )
    role = role_publish(role=Role.objects.get(company=company))
    listed = client.get(reverse("matching:role-list"), {"district": paldal.pk}).content.decode()
    assert "수원 사무 인턴" in listed

    complete = {"desired_work_type": "full_time", "never_employed": True}
    resident = eligible_profile(residence_city=city, residence_district=paldal, **complete)
    outsider = eligible_profile(**complete)  # lives in Seoul
    applications = {
        profile.pk: application_submit(application=choice_add(applicant=profile, role=role))
        for profile in (resident, outsider)
    }

    today = timezone.localdate()
    weekly_batch_run(week=week_key(today), triggered_by="test")

    results = {r.application.applicant_id: r for r in ScreeningResult.objects.all()}
    assert results[resident.pk].outcome == "pass"
    assert results[outsider.pk].outcome == "fail"
    assert results[outsider.pk].reasons == [
        {"code": "residency.fail", "params": {"city": "suwon", "current": "seoul"}}
    ]
    assert render(results[outsider.pk].reasons[0]) == (
        "수원시 거주자만 신청할 수 있습니다 (현재 거주지: 서울특별시)."
    )
    invited = InterviewInvitation.objects.values_list("application_id", "role_id")
    assert list(invited) == [(applications[resident.pk].pk, role.pk)]

    company_ranks(role, [applications[resident.pk]])
    weekly_batch_run(week=week_key(today + timedelta(days=7)), triggered_by="test")

    placement = Placement.objects.get()
    assert (placement.application_id, placement.role_id) == (applications[resident.pk].pk, role.pk)
