"""Job-seeking allowance: eligibility, monthly reports (3 at most), 300,000 KRW payments."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.utils import timezone

from applicants import services
from applicants.models import ActivityReport, AllowanceApplication
from tests.factories import kernel
from tests.factories.accounts import StaffUserFactory
from tests.factories.applicants import ApplicantProfileFactory, give_consents, pdf_upload
from womenup.models import LedgerEntry, User
from womenup.payments.services import ledger_entry_approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def intake():
    return kernel.open_intake("seoul-allowance")


def applied(profile=None) -> AllowanceApplication:
    profile = profile or ApplicantProfileFactory()
    give_consents(profile)
    return services.allowance_apply(profile=profile, job_search_plan="회계 사무직에 지원합니다.")


def report(application, month: date) -> ActivityReport:
    return services.activity_report_submit(
        application=application, month=month, activities="3곳 지원", upload=pdf_upload()
    )


def backdate(application, days: int) -> None:
    AllowanceApplication.objects.filter(pk=application.pk).update(
        applied_at=timezone.now() - timedelta(days=days)
    )
    application.refresh_from_db()


def months_back(count: int) -> list[date]:
    first = timezone.localdate().replace(day=1)
    months = [first]
    for _ in range(count - 1):
        months.append((months[-1] - timedelta(days=1)).replace(day=1))
    return sorted(months)


def test_an_eligible_woman_applies(intake):
    application = applied()
    assert application.intake == intake
    assert application.status == AllowanceApplication.Status.ACTIVE


def test_a_man_is_refused_with_the_rule_reason(intake):
    with pytest.raises(ValidationError) as error:
        applied(ApplicantProfileFactory(gender="male"))
    assert "여성" in error.value.messages[0]


def test_an_employed_applicant_is_refused(intake):
    with pytest.raises(ValidationError, match="재직 중"):
        applied(ApplicantProfileFactory(employment_status="employed"))


def test_a_non_resident_is_refused(intake):
    profile = ApplicantProfileFactory(
        residence_city=kernel.gwangmyeong(),
        residence_district=kernel.district("haan-dong", city="gwangmyeong"),
    )
    with pytest.raises(ValidationError, match="서울"):
        applied(profile)


def test_unknown_facts_ask_for_the_profile(intake):
    with pytest.raises(ValidationError, match="프로필에 다음 정보를 입력해 주세요"):
        applied(ApplicantProfileFactory(gender=""))


def test_required_consents_come_first(intake):
    with pytest.raises(ValidationError, match="먼저 동의가 필요합니다"):
        services.allowance_apply(profile=ApplicantProfileFactory(), job_search_plan="계획")


def test_the_collection_consent_alone_is_enough(intake):
    """Provision to companies is needed only for internship matching, not for the allowance."""
    profile = ApplicantProfileFactory()
    give_consents(profile, items=("collection",))
    application = services.allowance_apply(profile=profile, job_search_plan="사무직에 지원합니다.")
    assert application.status == AllowanceApplication.Status.ACTIVE


def test_the_collection_consent_is_still_required(intake):
    profile = ApplicantProfileFactory()
    give_consents(profile, items=("provision",))
    with pytest.raises(ValidationError, match="개인정보 수집·이용 동의"):
        services.allowance_apply(profile=profile, job_search_plan="계획")


def test_one_application_per_intake(intake):
    application = applied()
    with pytest.raises(ValidationError, match="이미 구직지원금을 신청"):
        services.allowance_apply(profile=application.profile, job_search_plan="다시")


def test_no_open_intake_no_application():
    with pytest.raises(ValidationError, match="신청 기간이 아닙니다"):
        applied()


def test_an_empty_plan_is_refused(intake):
    profile = ApplicantProfileFactory()
    give_consents(profile)
    with pytest.raises(ValidationError, match="구직 계획"):
        services.allowance_apply(profile=profile, job_search_plan="  ")


def test_three_months_of_reports_at_most(intake):
    application = applied()
    backdate(application, 120)
    months = months_back(4)
    for month in months[:3]:
        report(application, month)
    with pytest.raises(ValidationError, match="최대 3개월"):
        report(application, months[3])


def test_one_report_per_month_unless_returned(intake):
    application = applied()
    first = report(application, timezone.localdate())
    with pytest.raises(ValidationError, match="이미 제출했습니다"):
        report(application, timezone.localdate())
    services.activity_report_return(report=first, staff=StaffUserFactory(), reason="증빙 불명확")
    again = report(application, timezone.localdate())
    assert again.status == ActivityReport.Status.SUBMITTED


def test_months_before_applying_or_in_the_future_are_refused(intake):
    application = applied()
    next_month = (timezone.localdate().replace(day=28) + timedelta(days=5)).replace(day=1)
    with pytest.raises(ValidationError, match="이번 달까지만"):
        report(application, next_month)
    with pytest.raises(ValidationError, match="이번 달까지만"):
        report(application, date(2020, 1, 1))


def test_evidence_is_checked_by_content(intake):
    from django.core.files.uploadedfile import SimpleUploadedFile

    application = applied()
    with pytest.raises(ValidationError, match="PDF, PNG, JPEG"):
        services.activity_report_submit(
            application=application,
            month=timezone.localdate(),
            activities="지원",
            upload=SimpleUploadedFile("evidence.pdf", b"MZ not a pdf at all"),
        )


def test_empty_activities_are_refused(intake):
    with pytest.raises(ValidationError, match="구직 활동을 적어"):
        services.activity_report_submit(
            application=applied(), month=timezone.localdate(), activities=" ", upload=pdf_upload()
        )


def test_accepting_a_report_releases_one_300000_krw_payment(intake, mailoutbox):
    staff = StaffUserFactory()
    submitted = report(applied(), timezone.localdate())
    payment = services.activity_report_accept(report=submitted, staff=staff)
    assert payment.amount_krw == 300_000 and isinstance(payment.amount_krw, int)
    assert payment.status == LedgerEntry.Status.PENDING
    assert payment.kind == LedgerEntry.Kind.ALLOWANCE and payment.source == submitted
    assert payment.program.code == "seoul-allowance"
    assert payment.month == timezone.localdate().replace(day=1)
    submitted.refresh_from_db()
    assert submitted.status == ActivityReport.Status.ACCEPTED
    assert submitted.reviewed_by == staff
    with pytest.raises(ValidationError, match="검토 중인 보고만 승인"):
        services.activity_report_accept(report=submitted, staff=staff)


def test_returning_needs_a_reason(intake):
    submitted = report(applied(), timezone.localdate())
    with pytest.raises(ValidationError, match="반려 사유"):
        services.activity_report_return(report=submitted, staff=StaffUserFactory(), reason="")


def test_an_approved_payment_never_changes(intake):
    staff = StaffUserFactory()
    payment = services.activity_report_accept(
        report=report(applied(), timezone.localdate()), staff=staff
    )
    approved = ledger_entry_approve(entry=payment, staff=staff)
    assert approved.approved_by == staff and approved.approved_at is not None
    with pytest.raises(ValidationError, match="이미 승인된 지급은 바꿀 수 없습니다"):
        ledger_entry_approve(entry=payment, staff=staff)


def test_only_payment_approvers_approve_payments(intake):
    payment = services.activity_report_accept(
        report=report(applied(), timezone.localdate()), staff=StaffUserFactory()
    )
    with pytest.raises(ValidationError, match="지급 승인 권한"):
        ledger_entry_approve(entry=payment, staff=payment.source.application.profile.user)


def test_institution_staff_cannot_approve_payments(intake):
    payment = services.activity_report_accept(
        report=report(applied(), timezone.localdate()), staff=StaffUserFactory()
    )
    institution_staff = StaffUserFactory(
        account_type=User.AccountType.INSTITUTION, is_superuser=False
    )
    with pytest.raises(ValidationError, match="지급 승인 권한"):
        ledger_entry_approve(entry=payment, staff=institution_staff)
    payment.refresh_from_db()
    assert payment.status == LedgerEntry.Status.PENDING


def test_city_staff_with_the_payment_permission_approve_payments(intake):
    payment = services.activity_report_accept(
        report=report(applied(), timezone.localdate()), staff=StaffUserFactory()
    )
    city_staff = StaffUserFactory(is_superuser=False)
    with pytest.raises(ValidationError, match="지급 승인 권한"):
        ledger_entry_approve(entry=payment, staff=city_staff)
    city_staff.user_permissions.add(Permission.objects.get(codename="approve_payments"))
    city_staff = User.objects.get(pk=city_staff.pk)  # a fresh permission cache
    approved = ledger_entry_approve(entry=payment, staff=city_staff)
    assert approved.status == LedgerEntry.Status.APPROVED
