"""Staff review screening in admin: overrides need a reason, go through the service, are logged;
runs and applications (with the fit parts of each invitation) are visible."""

from datetime import date

import pytest
from django.urls import reverse

from matching.batch import weekly_batch_run
from matching.models import InterviewInvitation, MatchingRun, ScreeningResult
from matching.screening import applications_screen
from tests.factories.companies import RoleFactory
from tests.matching.batch_data import WEEK, application_for, eligible_profile
from womenup.models import PersonalDataAccess

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed_result():
    application = application_for(eligible_profile(employment_status="employed"))
    applications_screen(week=WEEK, on=date(2024, 6, 3))
    return ScreeningResult.objects.get(application=application)


def change_url(result) -> str:
    return reverse("admin:matching_screeningresult_change", args=[result.pk])


def test_opening_a_result_shows_its_reasons_and_logs_the_access(staff_client, failed_result):
    response = staff_client.get(change_url(failed_result))

    assert response.status_code == 200
    assert "미취업" in response.content.decode()
    access = PersonalDataAccess.objects.get()
    assert access.actor == staff_client.staff
    assert access.subject == failed_result.application.applicant.user


def test_an_override_without_a_reason_is_refused_and_changes_nothing(staff_client, failed_result):
    response = staff_client.post(
        change_url(failed_result), {"override_outcome": "pass", "override_reason": ""}
    )

    assert response.status_code == 200
    assert "사유가 필요합니다" in response.content.decode()
    failed_result.refresh_from_db()
    assert failed_result.override_outcome == ""


def test_an_override_with_a_reason_is_saved_by_the_service(staff_client, failed_result):
    response = staff_client.post(
        change_url(failed_result),
        {"override_outcome": "pass", "override_reason": "퇴사 확인서 확인"},
    )

    assert response.status_code == 302
    failed_result.refresh_from_db()
    assert failed_result.effective_outcome == "pass"
    assert failed_result.overridden_by == staff_client.staff
    assert failed_result.overridden_at is not None


def test_runs_and_applications_with_fit_parts_are_visible(staff_client):
    role = RoleFactory(seats=1)
    application = application_for(roles=[role])
    weekly_batch_run(week=WEEK, triggered_by="test")
    run = MatchingRun.objects.get()
    invitation = InterviewInvitation.objects.get()

    runs = staff_client.get(reverse("admin:matching_matchingrun_change", args=[run.pk]))
    detail = staff_client.get(
        reverse("admin:matching_internshipapplication_change", args=[application.pk])
    )
    listing = staff_client.get(reverse("admin:matching_interviewinvitation_changelist"))

    assert runs.status_code == detail.status_code == listing.status_code == 200
    assert "면접 제안" in runs.content.decode()
    assert f"희망 직무 일치 {invitation.fit_parts['job_category']}점" in detail.content.decode()
    assert "근무 형태 일치" in listing.content.decode()
