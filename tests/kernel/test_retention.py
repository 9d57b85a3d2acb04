"""Retention: applicants whose last programme ended long ago are anonymised, old access-log rows
are deleted, the dry run only tells; the counts KPIs are made of do not move."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db.models import Count, Sum
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from applicants.models import (
    ActivityReport,
    AllowanceApplication,
    ApplicantProfile,
    Document,
)
from courses.models import Enrollment
from matching.models import CandidateEvaluation, InternshipApplication, Placement
from tests.factories import kernel
from tests.factories.accounts import staff_with_mfa
from tests.factories.applicants import PDF_BYTES, ApplicantProfileFactory, DocumentFactory
from tests.factories.courses import CourseFactory, EnrollmentFactory, FollowUpFactory
from tests.factories.matching import (
    CandidateEvaluationFactory,
    InternshipApplicationFactory,
    PlacementFactory,
)
from womenup import tasks
from womenup.models import IntakeWindow, LedgerEntry, OutboxMessage, PersonalDataAccess, User
from womenup.notifications.services import notification_queue_for_user
from womenup.payments.services import ledger_entry_record
from womenup.privacy.services import personal_data_purge

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEARS_AGO = TODAY - timedelta(days=3 * 365)


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    settings.ACCESS_LOG_RETENTION_DAYS = 730


def intake(program: str, closes_on) -> IntakeWindow:
    return IntakeWindow.objects.create(
        program=kernel.program(program),
        label=f"{closes_on:%Y-%m} 회차",
        opens_on=closes_on - timedelta(days=30),
        closes_on=closes_on,
    )


def participant(*, ended_on, email: str) -> ApplicantProfile:
    """A woman who applied for an internship, a course and the allowance, all ending then."""
    profile = ApplicantProfileFactory(user__email=email)
    DocumentFactory(profile=profile)
    application = InternshipApplicationFactory(
        applicant=profile, intake=intake("seoul-internship", ended_on)
    )
    CandidateEvaluationFactory(application=application, note="면접 때 자녀 이야기를 함")
    PlacementFactory(application=application, contract_start=ended_on - timedelta(days=92))
    course = CourseFactory(
        starts_on=ended_on - timedelta(days=120), ends_on=ended_on, applications_open_on=ended_on
    )
    EnrollmentFactory(course=course, applicant=profile, motivation="다시 일하고 싶습니다")
    allowance = AllowanceApplication.objects.create(
        profile=profile, intake=intake("seoul-allowance", ended_on), job_search_plan="사무직"
    )
    report = ActivityReport.objects.create(
        application=allowance,
        month=ended_on.replace(day=1),
        activities="3곳 지원",
        status=ActivityReport.Status.ACCEPTED,
        file=ContentFile(PDF_BYTES, name="evidence.pdf"),
        original_name="evidence.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
    )
    ledger_entry_record(
        kind=LedgerEntry.Kind.ALLOWANCE,
        program=allowance.intake.program,
        month=report.month,
        amount_krw=300_000,
        source=report,
    )
    notification_queue_for_user(user=profile.user, template="", context={"name": profile.name})
    return profile


def kpi_counts() -> dict:
    """The kind of figures the KPI page and the ledger show."""
    return {
        "applications per intake": list(
            InternshipApplication.objects.values("intake_id")
            .annotate(n=Count("pk"))
            .order_by("intake_id")
        ),
        "placements": Placement.objects.count(),
        "enrollments per course": list(
            Enrollment.objects.values("course_id", "status")
            .annotate(n=Count("pk"))
            .order_by("course_id")
        ),
        "profiles per district and gender": list(
            ApplicantProfile.objects.values("residence_district_id", "gender")
            .annotate(n=Count("pk"))
            .order_by("residence_district_id", "gender")
        ),
        "documents": Document.objects.count(),
        "ledger": list(
            LedgerEntry.objects.values("program_id", "month").annotate(total=Sum("amount_krw"))
        ),
        "reports": ActivityReport.objects.count(),
        "evaluations": CandidateEvaluation.objects.count(),
    }


@pytest.fixture
def world():
    old = participant(ended_on=YEARS_AGO, email="old@example.kr")
    recent = participant(ended_on=TODAY - timedelta(days=30), email="recent@example.kr")
    # Her internship ended long ago, but a course follow-up is due next month: she stays.
    following = participant(ended_on=YEARS_AGO, email="following@example.kr")
    FollowUpFactory(
        enrollment=Enrollment.objects.get(applicant=following), due_on=TODAY + timedelta(days=30)
    )
    staff = staff_with_mfa()
    old_row = PersonalDataAccess.objects.create(
        actor=staff, subject=old.user, action="view", target="x"
    )
    PersonalDataAccess.objects.filter(pk=old_row.pk).update(
        accessed_at=timezone.now() - timedelta(days=731)
    )
    new_row = PersonalDataAccess.objects.create(
        actor=staff, subject=old.user, action="view", target="y"
    )
    return old, recent, following, old_row, new_row


def test_anonymising_erases_the_person_and_keeps_the_counts(world):
    old, recent, following, old_row, new_row = world
    files = [Path(row.file.path) for row in Document.objects.filter(profile=old)]
    files += [
        Path(row.file.path) for row in ActivityReport.objects.filter(application__profile=old)
    ]
    assert files and all(path.exists() for path in files)
    before = kpi_counts()

    report = personal_data_purge(today=TODAY)

    assert [user_id for user_id, _day in report.applicants] == [old.user_id]
    assert kpi_counts() == before
    old.refresh_from_db()
    assert (old.name, old.phone, old.birth_date) == ("", "", None)
    assert old.gender and old.residence_district_id  # eligibility facts stay for the counts
    user = User.objects.get(pk=old.user_id)
    assert user.email == f"deleted-{user.pk}@anonymised.invalid" and not user.is_active
    assert user.anonymised_at is not None and not user.has_usable_password()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not any(path.exists() for path in files)
    assert set(Document.objects.filter(profile=old).values_list("file", "original_name")) == {
        ("", "")
    }
    assert set(
        ActivityReport.objects.filter(application__profile=old).values_list("file", "activities")
    ) == {("", "")}
    assert AllowanceApplication.objects.get(profile=old).job_search_plan == ""
    assert Enrollment.objects.get(applicant=old).motivation == ""
    assert CandidateEvaluation.objects.get(application__applicant=old).note == ""
    message = OutboxMessage.objects.get(recipient=user)
    assert "old@example.kr" not in message.to_email and message.context == {}
    assert LedgerEntry.objects.filter(amount_krw=300_000).count() == 3  # every ledger row stays
    for kept in [recent, following]:
        kept.refresh_from_db()
        assert kept.name and kept.phone and kept.user.is_active
        assert Enrollment.objects.get(applicant=kept).motivation
    assert not PersonalDataAccess.objects.filter(pk=old_row.pk).exists()
    assert PersonalDataAccess.objects.filter(pk=new_row.pk).exists()
    assert report.access_log_rows == 1

    again = personal_data_purge(today=TODAY)  # idempotent
    assert again.applicants == [] and again.access_log_rows == 0


def test_the_dry_run_prints_what_would_go_and_changes_nothing(world):
    old, _recent, _following, old_row, _new_row = world
    out = StringIO()
    call_command("personal_data_purge", "--dry-run", stdout=out)
    printed = out.getvalue()
    assert "미리 보기" in printed
    assert f"참여자 #{old.user_id} (마지막 사업 종료일 {YEARS_AGO})" in printed
    assert "서류 파일: 1건" in printed and "오래된 접근 기록 1건 (지울 예정)" in printed
    old.refresh_from_db()
    assert old.name and old.user.is_active
    assert Document.objects.get(profile=old).file
    assert PersonalDataAccess.objects.filter(pk=old_row.pk).exists()

    out = StringIO()
    call_command("personal_data_purge", stdout=out)
    assert "참여자 1명 (지움)" in out.getvalue()


def test_a_daily_beat_row_runs_the_purge(world):
    task = PeriodicTask.objects.get(task="womenup.tasks.personal_data_purge")
    assert task.enabled and task.crontab.hour == "3"
    assert tasks.personal_data_purge() == 1
