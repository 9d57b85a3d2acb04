"""Staff accept activity reports and approve payments from admin; their views are logged."""

import pytest
from django.urls import reverse
from django.utils import timezone

from applicants import services
from applicants.models import ActivityReport
from tests.factories import kernel
from tests.factories.applicants import ready_profile
from womenup.models import LedgerEntry, PersonalDataAccess

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    kernel.open_intake("seoul-allowance")
    application = services.allowance_apply(profile=ready_profile(), job_search_plan="계획")
    from tests.factories.applicants import pdf_upload

    return services.activity_report_submit(
        application=application, month=timezone.localdate(), activities="지원", upload=pdf_upload()
    )


def test_accepting_reports_in_admin_creates_payments(client, staff, report):
    url = reverse("admin:applicants_activityreport_changelist")
    client.post(url, {"action": "accept_reports", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == ActivityReport.Status.ACCEPTED
    payment = LedgerEntry.objects.get(source_id=report.pk, kind=LedgerEntry.Kind.ALLOWANCE)
    assert payment.source == report and payment.amount_krw == 300_000


def test_approving_allowance_payments_in_admin(client, staff, report):
    payment = services.activity_report_accept(report=report, staff=staff)
    url = reverse("admin:womenup_ledgerentry_changelist")
    chosen = {"action": "approve_payments", "_selected_action": [payment.pk]}
    client.post(url, {**chosen, "confirm": "1"})
    payment.refresh_from_db()
    assert payment.status == LedgerEntry.Status.APPROVED and payment.approved_by == staff
    response = client.post(url, {**chosen, "confirm": "1"}, follow=True)
    assert "이미 승인된 지급은 바꿀 수 없습니다" in response.content.decode()


def test_opening_a_profile_in_admin_is_logged(client, staff):
    profile = ready_profile()
    response = client.get(reverse("admin:applicants_applicantprofile_change", args=[profile.pk]))
    assert response.status_code == 200
    record = PersonalDataAccess.objects.get()
    assert record.subject == profile.user and record.action == "view"


def test_writing_a_return_reason_returns_the_report(client, staff, report):
    url = reverse("admin:applicants_activityreport_change", args=[report.pk])
    client.post(url, {"return_reason": "증빙 파일이 흐립니다."})
    report.refresh_from_db()
    assert report.status == ActivityReport.Status.RETURNED
    assert report.return_reason == "증빙 파일이 흐립니다." and report.reviewed_by == staff
