"""Staff opening personal data in admin leaves access-log rows: list pages and detail pages."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from applicants import services
from applicants.models import ApplicantProfile
from tests.factories import kernel
from tests.factories.applicants import ApplicantProfileFactory, pdf_upload, ready_profile
from womenup.admin import PersonalDataAdminMixin
from womenup.models import LedgerEntry, PersonalDataAccess

pytestmark = pytest.mark.django_db


def test_opening_the_profile_list_writes_one_row(client, staff):
    ApplicantProfileFactory.create_batch(3)
    response = client.get(reverse("admin:applicants_applicantprofile_changelist"))
    assert response.status_code == 200
    record = PersonalDataAccess.objects.get()
    assert record.actor == staff and record.subject is None
    assert record.action == PersonalDataAccess.Action.VIEW
    plural = ApplicantProfile._meta.verbose_name_plural
    assert record.target == f"{plural} 목록 (3명)"


def test_every_list_page_view_is_a_row(client, staff):
    url = reverse("admin:applicants_applicantprofile_changelist")
    client.get(url)
    client.get(url)
    assert PersonalDataAccess.objects.count() == 2


def test_opening_a_profile_writes_a_row_with_its_subject(client, staff):
    profile = ApplicantProfileFactory()
    response = client.get(reverse("admin:applicants_applicantprofile_change", args=[profile.pk]))
    assert response.status_code == 200
    record = PersonalDataAccess.objects.get()
    assert record.actor == staff and record.subject == profile.user
    assert record.action == PersonalDataAccess.Action.VIEW


def test_the_payment_list_and_detail_are_logged(client, staff):
    kernel.open_intake("seoul-allowance")
    application = services.allowance_apply(profile=ready_profile(), job_search_plan="계획")
    report = services.activity_report_submit(
        application=application, month=timezone.localdate(), activities="지원", upload=pdf_upload()
    )
    payment = services.activity_report_accept(report=report, staff=staff)
    client.get(reverse("admin:womenup_ledgerentry_changelist"))
    client.get(reverse("admin:womenup_ledgerentry_change", args=[payment.pk]))
    listed, opened = PersonalDataAccess.objects.order_by("pk")
    assert listed.subject is None and "(1명)" in listed.target
    assert opened.subject == application.profile.user
    assert str(LedgerEntry._meta.verbose_name) in opened.target


APPLICANT_DATA_MODELS = [
    "applicants.ApplicantProfile",
    "applicants.AllowanceApplication",
    "applicants.ActivityReport",
    "womenup.LedgerEntry",
    "courses.Enrollment",
    "courses.Attendance",
    "courses.CourseCertificate",
    "courses.FollowUp",
    "matching.CandidateEvaluation",
    "matching.HireConfirmation",
    "matching.InternshipApplication",
    "matching.ScreeningResult",
    "matching.InterviewInvitation",
]


@pytest.mark.parametrize("label", APPLICANT_DATA_MODELS)
def test_every_admin_of_applicant_data_logs_access(label):
    from django.apps import apps

    model_admin = admin.site._registry[apps.get_model(label)]
    assert isinstance(model_admin, PersonalDataAdminMixin)
