"""Writes about applicants: profile, qualifications, consents, documents, the allowance."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applicants.consents import NOTICES
from applicants.models import (
    ActivityReport,
    AllowanceApplication,
    ApplicantProfile,
    CareerEntry,
    Certificate,
    CompletedTraining,
    Consent,
    Document,
    ProxyConsent,
)
from applicants.selectors import (
    active_proxy_consent,
    allowance_eligibility,
    allowance_terms,
    missing_required_consents,
    self_check_fill_items,
)
from applicants.self_check import SelfCheckAnswers
from womenup import phones
from womenup.models import (
    City,
    District,
    IntakeWindow,
    LedgerEntry,
    PersonalDataAccess,
    Program,
    User,
)
from womenup.notifications.services import notification_queue_for_user
from womenup.payments.services import ledger_entry_record
from womenup.privacy.private_files import private_upload_attach
from womenup.privacy.services import personal_data_access_record
from womenup.programs.eligibility import Outcome
from womenup.programs.eligibility.reasons import render_all
from womenup.programs.selectors import open_intake, running_program

# Provision to companies is needed only for internship matching (DESIGN.md §7).
ALLOWANCE_REQUIRED_CONSENTS = (Consent.Item.COLLECTION,)

# --- Profile ------------------------------------------------------------------------------------


def phone_normalize(raw) -> str:
    """A Korean mobile number in E.164 (``010-1234-5678`` → ``+821012345678``)."""
    phones.mobile_number(raw)
    return phones.e164(raw)


def residence_check(*, city: City | None, district: District | None) -> None:
    if district is not None and city is None:
        raise ValidationError(_("거주 도시를 먼저 선택해 주세요."), code="residence")
    if district is not None and district.city_id != city.pk:
        raise ValidationError(
            _(
                "%(district)s은(는) %(city)s의 자치구가 아닙니다. 거주 도시에 속한 "
                "자치구를 선택해 주세요."
            )
            % {"district": district.name, "city": city.display_name},
            code="residence",
        )


def profile_ensure(*, user: User) -> ApplicantProfile:
    """Her profile, created empty on her first visit to her own pages."""
    profile, _created = ApplicantProfile.objects.select_related(
        "residence_city", "residence_district", "filled_by"
    ).get_or_create(user=user)
    profile.user = user  # already loaded: what reads her account (notifications) needs no query
    return profile


@transaction.atomic
def profile_fill_from_self_check(
    *, profile: ApplicantProfile, answers: SelfCheckAnswers
) -> list[str]:
    """Copy her kept self-check answers into the profile fields still empty (she confirmed it
    on her profile page); returns the labels of the fields filled. Nothing else changes."""
    items = self_check_fill_items(profile, answers)
    if items:
        profile_update(profile=profile, **{item.field: item.value for item in items})
    return [item.label for item in items]


@transaction.atomic
def profile_update(
    *,
    profile: ApplicantProfile,
    job_categories=None,
    preferred_districts=None,
    filled_by: User | None = None,
    **fields,
) -> ApplicantProfile:
    """Save the profile as a draft; any field may stay empty, but what is given must be valid.

    ``filled_by`` is the counsellor saving it for her (her recorded proxy consent needed); when
    she saves it herself the label "상담사 ○○○ 대리 입력" goes away."""
    if filled_by is not None:
        proxy_consent_check(profile=profile)
    if "phone" in fields:
        fields["phone"] = phone_normalize(fields["phone"])
    city = fields.get("residence_city", profile.residence_city)
    district = fields.get("residence_district", profile.residence_district)
    residence_check(city=city, district=district)
    birth_date = fields.get("birth_date")
    if birth_date and birth_date >= timezone.localdate():
        raise ValidationError(_("생년월일은 오늘 이전이어야 합니다."), code="birth_date")
    if fields.get("never_employed") and fields.get("last_employment_end"):
        raise ValidationError(
            "'근무 경험 없음'을 선택했다면 마지막 근무 종료일은 비워 주세요.", code="employment"
        )
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.filled_by = filled_by
    profile.full_clean(exclude=["user"])
    profile.save()
    if job_categories is not None:
        profile.desired_job_categories.set(job_categories)
    if preferred_districts is not None:
        profile.preferred_districts.set(preferred_districts)
    return profile


@transaction.atomic
def career_entry_add(
    *, profile: ApplicantProfile, job_category, years: int, description: str = ""
) -> CareerEntry:
    if not 1 <= years <= 50:
        raise ValidationError(_("경력 연수는 1년에서 50년 사이로 입력해 주세요."), code="years")
    return CareerEntry.objects.create(
        profile=profile, job_category=job_category, years=years, description=description
    )


@transaction.atomic
def certificate_add(
    *, profile: ApplicantProfile, name: str, issuer: str, acquired_on: date
) -> Certificate:
    if acquired_on > timezone.localdate():
        raise ValidationError(_("취득일은 오늘 이후일 수 없습니다."), code="acquired_on")
    if not name.strip() or not issuer.strip():
        raise ValidationError(_("자격증명과 발급 기관을 입력해 주세요."), code="certificate")
    return Certificate.objects.create(
        profile=profile, name=name.strip(), issuer=issuer.strip(), acquired_on=acquired_on
    )


@transaction.atomic
def completed_training_add(
    *, profile: ApplicantProfile, completed_on: date, title: str, institution: str = ""
) -> CompletedTraining:
    """Record a training completed elsewhere (courses completed here are their enrollments)."""
    if completed_on > timezone.localdate():
        raise ValidationError(_("수료일은 오늘 이후일 수 없습니다."), code="completed_on")
    if not title.strip():
        raise ValidationError(_("교육명을 입력해 주세요."), code="training")
    return CompletedTraining.objects.create(
        profile=profile,
        title=title.strip(),
        institution=institution.strip(),
        completed_on=completed_on,
    )


@transaction.atomic
def qualification_delete(*, item: CareerEntry | Certificate | CompletedTraining) -> None:
    item.delete()


# --- Consents -----------------------------------------------------------------------------------


@transaction.atomic
def consent_give(*, profile: ApplicantProfile, item: str) -> Consent:
    """Record consent to one item under the notice's current version (idempotent)."""
    notice = NOTICES.get(item)
    if notice is None:
        raise ValidationError(_("알 수 없는 동의 항목입니다."), code="consent")
    current = (
        Consent.objects.select_for_update()
        .filter(profile=profile, item=item, withdrawn_at__isnull=True)
        .first()
    )
    if current is not None and current.notice_version == notice.version:
        return current
    now = timezone.now()
    if current is not None:  # consent under an older notice: replaced by the new version
        current.withdrawn_at = now
        current.save(update_fields=["withdrawn_at"])
    return Consent.objects.create(
        profile=profile, item=item, notice_version=notice.version, given_at=now
    )


@transaction.atomic
def consent_withdraw(*, profile: ApplicantProfile, item: str) -> Consent | None:
    """Withdraw one item; the row stays with its withdrawal time. Nothing to do if not given."""
    current = (
        Consent.objects.select_for_update()
        .filter(profile=profile, item=item, withdrawn_at__isnull=True)
        .first()
    )
    if current is None:
        return None
    current.withdrawn_at = timezone.now()
    current.save(update_fields=["withdrawn_at"])
    return current


def consents_record(*, profile: ApplicantProfile, given: set[str]) -> None:
    """Set every item at once from the consent form: give the ticked, withdraw the others."""
    with transaction.atomic():
        for item in NOTICES:
            if item in given:
                consent_give(profile=profile, item=item)
            else:
                consent_withdraw(profile=profile, item=item)


# --- Acting for her (a counsellor) --------------------------------------------------------------


@transaction.atomic
def proxy_consent_record(
    *, profile: ApplicantProfile, counsellor: User, method: str
) -> ProxyConsent:
    """Record that she agreed, now, in person or by phone, that ``counsellor`` acts for her;
    a consent recorded before is replaced (its row keeps its withdrawal time)."""
    if method not in ProxyConsent.Method.values:
        raise ValidationError(_("동의를 받은 방법(대면·전화)을 골라 주세요."), code="method")
    now = timezone.now()
    ProxyConsent.objects.select_for_update().filter(
        profile=profile, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)
    return ProxyConsent.objects.create(
        profile=profile, collected_by=counsellor, method=method, collected_at=now
    )


@transaction.atomic
def proxy_consent_withdraw(*, profile: ApplicantProfile) -> int:
    """She withdraws her consent: no counsellor may act for her until she gives it again."""
    return ProxyConsent.objects.filter(profile=profile, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )


def proxy_consent_check(*, profile: ApplicantProfile) -> ProxyConsent:
    """Her consent in force, or a refusal a counsellor can act on."""
    consent = active_proxy_consent(profile)
    if consent is None:
        raise ValidationError(
            _(
                "본인의 대리 신청 동의가 기록되어 있지 않습니다. 먼저 대면 또는 전화로 동의를 "
                "받고 「대리 신청 동의 기록」에 남겨 주세요."
            ),
            code="proxy_consent",
        )
    return consent


# --- Documents ----------------------------------------------------------------------------------


@transaction.atomic
def document_upload(
    *,
    profile: ApplicantProfile,
    kind: str,
    upload: UploadedFile,
    submitted_by: User | None = None,
) -> Document:
    """Keep one uploaded document; ``submitted_by`` is a counsellor uploading it for her."""
    if kind not in Document.Kind.values:
        raise ValidationError(_("서류 종류를 선택해 주세요."), code="kind")
    if submitted_by is not None:
        proxy_consent_check(profile=profile)
    document = Document(profile=profile, kind=kind, submitted_by=submitted_by)
    private_upload_attach(row=document, upload=upload)
    document.save()
    return document


@transaction.atomic
def document_delete(*, document: Document) -> None:
    storage, name = document.file.storage, document.file.name
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))


def download_record(*, user: User, owner: User, target: str, request=None) -> None:
    """A staff download of someone else's file leaves an access-log row."""
    if user.is_staff and owner.pk != user.pk:
        personal_data_access_record(
            actor=user,
            subject=owner,
            action=PersonalDataAccess.Action.DOWNLOAD,
            target=target,
            request=request,
        )


# --- Job-seeking allowance ----------------------------------------------------------------------


def allowance_intake(*, on: date) -> IntakeWindow | None:
    program = running_program(Program.Kind.ALLOWANCE)
    return open_intake(program, on=on) if program is not None else None


@transaction.atomic
def allowance_apply(
    *, profile: ApplicantProfile, job_search_plan: str, submitted_by: User | None = None
) -> AllowanceApplication:
    """Apply for the allowance in the open intake when the program's rules pass;
    ``submitted_by`` is a counsellor applying for her with her recorded consent."""
    if submitted_by is not None:
        proxy_consent_check(profile=profile)
    today = timezone.localdate()
    intake = allowance_intake(on=today)
    if intake is None:
        raise ValidationError(_("지금은 구직지원금 신청 기간이 아닙니다."), code="closed")
    if missing := missing_required_consents(profile, items=ALLOWANCE_REQUIRED_CONSENTS):
        raise ValidationError(
            _("먼저 동의가 필요합니다: %(items)s.") % {"items": ", ".join(missing)}, code="consent"
        )
    if AllowanceApplication.objects.filter(profile=profile, intake=intake).exists():
        raise ValidationError(_("이번 회차에 이미 구직지원금을 신청하셨습니다."), code="duplicate")
    if not job_search_plan.strip():
        raise ValidationError(_("구직 계획을 적어 주세요."), code="plan")
    verdict = allowance_eligibility(profile, intake.program, on=today)
    if verdict.outcome is Outcome.FAIL:
        raise ValidationError(" ".join(render_all(verdict.reasons)), code="ineligible")
    if verdict.outcome is Outcome.NEEDS_INFO:
        raise ValidationError(
            _("프로필에 다음 정보를 입력해 주세요: %(missing)s")
            % {"missing": " ".join(render_all(verdict.missing))},
            code="needs_info",
        )
    return AllowanceApplication.objects.create(
        profile=profile,
        intake=intake,
        job_search_plan=job_search_plan.strip(),
        submitted_by=submitted_by,
    )


@transaction.atomic
def activity_report_submit(
    *, application: AllowanceApplication, month: date, activities: str, upload: UploadedFile
) -> ActivityReport:
    """File one month's job-search report with evidence (at most 3 months per application)."""
    application = AllowanceApplication.objects.select_for_update().get(pk=application.pk)
    month = month.replace(day=1)
    if application.status != AllowanceApplication.Status.ACTIVE:
        raise ValidationError(_("취소된 신청에는 활동 보고를 할 수 없습니다."), code="inactive")
    earliest = timezone.localtime(application.applied_at).date().replace(day=1)
    if month < earliest or month > timezone.localdate().replace(day=1):
        raise ValidationError(
            _("활동 월은 신청한 달(%(earliest)s)부터 이번 달까지만 고를 수 있습니다.")
            % {"earliest": f"{earliest:%Y-%m}"},
            code="month",
        )
    live = application.reports.exclude(status=ActivityReport.Status.RETURNED)
    if live.filter(month=month).exists():
        raise ValidationError(
            _("%(month)s 활동 보고는 이미 제출했습니다.") % {"month": f"{month:%Y-%m}"},
            code="month",
        )
    max_months = allowance_terms(application.intake.program).months
    if live.count() >= max_months:
        raise ValidationError(
            _("구직지원금은 최대 %(months)d개월까지 지원됩니다. 더 이상 보고를 제출할 수 없습니다.")
            % {"months": max_months},
            code="max_months",
        )
    if not activities.strip():
        raise ValidationError(_("이번 달에 한 구직 활동을 적어 주세요."), code="activities")
    report = ActivityReport(application=application, month=month, activities=activities.strip())
    private_upload_attach(row=report, upload=upload)
    report.save()
    return report


@transaction.atomic
def activity_report_accept(*, report: ActivityReport, staff: User) -> LedgerEntry:
    """Accept a report: releases that month's allowance as a pending row of the ledger."""
    report = (
        ActivityReport.objects.select_for_update()
        .select_related("application__intake__program")
        .get(pk=report.pk)
    )
    if report.status != ActivityReport.Status.SUBMITTED:
        raise ValidationError(
            _("검토 중인 보고만 승인할 수 있습니다 (현재: %(status)s).")
            % {"status": report.get_status_display()},
            code="status",
        )
    report.status = ActivityReport.Status.ACCEPTED
    report.reviewed_at = timezone.now()
    report.reviewed_by = staff
    report.save(update_fields=["status", "reviewed_at", "reviewed_by"])
    amount = allowance_terms(report.application.intake.program).monthly_krw
    payment, _created = ledger_entry_record(
        kind=LedgerEntry.Kind.ALLOWANCE,
        program=report.application.intake.program,
        month=report.month,
        amount_krw=amount,
        source=report,
        basis={"monthly_krw": amount, "report_month": f"{report.month:%Y-%m}"},
        created_by=staff,
    )
    notification_queue_for_user(
        user=report.application.profile.user,
        template="applicants/email/activity_report_accepted",
        context={"month": f"{report.month:%Y-%m}", "amount": amount},
        dedupe_key=f"activity-report-accepted-{report.pk}",
    )
    return payment


@transaction.atomic
def activity_report_return(*, report: ActivityReport, staff: User, reason: str) -> ActivityReport:
    """Return a report for correction; she may file that month again."""
    report = ActivityReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ActivityReport.Status.SUBMITTED:
        raise ValidationError(_("검토 중인 보고만 반려할 수 있습니다."), code="status")
    if not reason.strip():
        raise ValidationError(_("반려 사유를 적어 주세요."), code="reason")
    report.status = ActivityReport.Status.RETURNED
    report.reviewed_at = timezone.now()
    report.reviewed_by = staff
    report.return_reason = reason.strip()
    report.save(update_fields=["status", "reviewed_at", "reviewed_by", "return_reason"])
    return report
