"""Writes of the application side, and of the placement lifecycle the company pages call.

An applicant's internship application and her answers; screening, shortlisting and matching
(the weekly batch) live beside these and never change an application that is still editable:
draft or submitted without a screening result. Then the company's side of a placement:
interviews, rankings, contracts, hires and the employment incentive.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applicants.models import ApplicantProfile
from applicants.selectors import applicant_facts, missing_required_consents, profile_missing_items
from applicants.services import proxy_consent_check
from companies.models import Role
from companies.selectors import open_roles
from companies.services import company_members_notify
from matching import selectors
from matching.models import (
    ApplicationChoice,
    CandidateEvaluation,
    ContractConfirmation,
    ContractTerms,
    HireConfirmation,
    IncentiveClaim,
    InternshipApplication,
    InterviewInvitation,
    Placement,
)
from womenup import branding
from womenup.accounts.permissions import is_city_staff
from womenup.calendar import add_months
from womenup.models import IntakeWindow, LedgerEntry, PersonalDataAccess, User
from womenup.money import INTERNSHIP_MONTHS
from womenup.notifications.services import notification_queue_for_user
from womenup.payments.services import ledger_entry_record
from womenup.privacy.private_files import private_upload_attach
from womenup.privacy.services import personal_data_access_record
from womenup.programs.eligibility.reasons import render_all
from womenup.programs.selectors import internship_months


def _editable_or_refuse(application: InternshipApplication) -> None:
    if application.status == InternshipApplication.Status.WITHDRAWN:
        raise ValidationError(_("취소한 신청입니다. 다시 지원하려면 직무를 새로 담아 주세요."))
    if not selectors.is_editable(application):
        raise ValidationError(
            _(
                "주간 서류심사가 시작되어 더 이상 수정하거나 취소할 수 없습니다. "
                "문의는 %(portal)s 담당자에게 해 주세요."
            )
            % branding.brand()
        )


def _locked(application: InternshipApplication) -> InternshipApplication:
    """Its row locked until the transaction ends, read with her profile and account and the
    intake (not locked) that the checks and the notification need."""
    return (
        InternshipApplication.objects.select_related("applicant__user", "intake__program")
        .select_for_update(of=("self",))
        .get(pk=application.pk)
    )


@transaction.atomic
def application_create(
    *, applicant: ApplicantProfile, intake: IntakeWindow
) -> InternshipApplication:
    """Her one application of the intake: created as a draft, or reopened if she withdrew it."""
    if not intake.is_open_on(timezone.localdate()):
        raise ValidationError(_("%(intake)s의 접수 기간이 아닙니다.") % {"intake": intake})
    application, created = InternshipApplication.objects.select_for_update().get_or_create(
        applicant=applicant, intake=intake
    )
    if application.status == InternshipApplication.Status.WITHDRAWN:
        application.status = InternshipApplication.Status.DRAFT
        application.withdrawn_at = None
        application.submitted_at = None
        application.save(update_fields=["status", "withdrawn_at", "submitted_at", "updated_at"])
    return application


def _roles_check(application: InternshipApplication, roles: Sequence[Role]) -> None:
    limit = settings.INTERNSHIP_MAX_CHOICES
    if len(roles) > limit:
        raise ValidationError(
            _("지망 직무는 최대 %(limit)d개까지 고를 수 있습니다.") % {"limit": limit}
        )
    if len({role.pk for role in roles}) != len(roles):
        raise ValidationError(_("같은 직무를 두 번 고를 수 없습니다."))
    open_ids = set(open_roles().filter(pk__in=[r.pk for r in roles]).values_list("pk", flat=True))
    for role in roles:
        if role.pk not in open_ids:
            raise ValidationError(
                _("'%(title)s' 직무는 지금 모집 중이 아닙니다.") % {"title": role.title}
            )
        if role.intake_id != application.intake_id:
            raise ValidationError(
                _(
                    "'%(title)s' 직무는 %(intake)s 모집 직무가 아닙니다. "
                    "모집 회차별로 따로 신청해 주세요."
                )
                % {"title": role.title, "intake": application.intake}
            )
    gated = any(selectors.has_gate(role) for role in roles)  # else her facts are not needed
    gates = selectors.role_gates(roles, applicant_facts(application.applicant) if gated else None)
    for role in roles:
        if not gates[role.pk].allowed:
            raise ValidationError(
                _("'%(title)s' 직무에 지원할 수 없습니다: %(reasons)s")
                % {"title": role.title, "reasons": " ".join(render_all(gates[role.pk].reasons))}
            )


@transaction.atomic
def choices_set(
    *, application: InternshipApplication, roles: Sequence[Role]
) -> list[ApplicationChoice]:
    """Replace her ranked choices: ``roles[0]`` is her first choice."""
    application = _locked(application)
    _editable_or_refuse(application)
    roles = list(roles)
    _roles_check(application, roles)
    if application.status == InternshipApplication.Status.SUBMITTED and not roles:
        raise ValidationError(
            "제출한 신청에는 지망 직무가 하나 이상 있어야 합니다. 모두 빼려면 신청을 취소해 주세요."
        )
    application.choices.all().delete()
    choices = ApplicationChoice.objects.bulk_create(
        ApplicationChoice(application=application, role=role, rank=rank)
        for rank, role in enumerate(roles, start=1)
    )
    application.save(update_fields=["updated_at"])
    return choices


def _ranked_roles(application: InternshipApplication) -> list[Role]:
    choices = application.choices.select_related("role__intake").order_by("rank")
    return [choice.role for choice in choices]


@transaction.atomic
def choice_add(*, applicant: ApplicantProfile, role: Role) -> InternshipApplication:
    """Put a role at the end of her application for the role's own intake (created when needed).

    Accepted exactly when the role is on the public role list (``open_roles``) and its gate lets
    her through: the list and this service share one meaning of "open".
    """
    title = role.title
    role = open_roles().filter(pk=role.pk).first()
    if role is None:
        raise ValidationError(_("'%(title)s' 직무는 지금 모집 중이 아닙니다.") % {"title": title})
    application = application_create(applicant=applicant, intake=role.intake)
    roles = _ranked_roles(application)
    if role in roles:
        raise ValidationError(
            _("'%(title)s' 직무는 이미 지망 목록에 있습니다.") % {"title": role.title}
        )
    choices_set(application=application, roles=[*roles, role])
    return application


@transaction.atomic
def choice_move(*, application: InternshipApplication, role: Role, offset: int) -> None:
    """Move a choice up (-1) or down (+1) in her ranking."""
    roles = _ranked_roles(application)
    index = roles.index(role)
    target = min(max(index + offset, 0), len(roles) - 1)
    roles.insert(target, roles.pop(index))
    choices_set(application=application, roles=roles)


@transaction.atomic
def choice_remove(*, application: InternshipApplication, role: Role) -> None:
    roles = [chosen for chosen in _ranked_roles(application) if chosen != role]
    choices_set(application=application, roles=roles)


@transaction.atomic
def application_submit(
    *, application: InternshipApplication, submitted_by: User | None = None
) -> InternshipApplication:
    """Submit for the next weekly screening: needs choices, required consents and a full profile.

    ``submitted_by`` is a counsellor submitting for her (her recorded proxy consent needed);
    the application is then labelled "상담사 ○○○ 대리 제출"."""
    if submitted_by is not None:
        proxy_consent_check(profile=application.applicant)
    application = _locked(application)
    _editable_or_refuse(application)
    if application.status == InternshipApplication.Status.SUBMITTED:
        raise ValidationError(_("이미 제출한 신청입니다."))
    profile = application.applicant
    if missing := missing_required_consents(profile):
        raise ValidationError(
            _("제출하려면 다음 동의가 필요합니다: %(items)s.") % {"items": ", ".join(missing)}
        )
    if missing := profile_missing_items(profile):
        raise ValidationError(
            _("프로필에서 다음 항목을 채워 주세요: %(items)s.") % {"items": ", ".join(missing)}
        )
    roles = _ranked_roles(application)
    if not roles:
        raise ValidationError(_("지망 직무를 하나 이상 골라 주세요."))
    _roles_check(application, roles)
    application.status = InternshipApplication.Status.SUBMITTED
    application.submitted_at = timezone.now()
    application.submitted_by = submitted_by
    application.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
    notification_queue_for_user(
        user=profile.user,
        template="matching/email/application_submitted",
        context={"intake": str(application.intake), "choices": [role.title for role in roles]},
        dedupe_key=f"internship-submitted-{application.pk}-{application.submitted_at:%Y%m%d%H%M%S}",
    )
    return application


@transaction.atomic
def application_submit_for_client(
    *, applicant: ApplicantProfile, counsellor: User, roles: Sequence[Role]
) -> InternshipApplication:
    """A counsellor submits her internship application with these ranked roles (one intake),
    with her recorded proxy consent; refused, with nothing changed, without it."""
    proxy_consent_check(profile=applicant)
    roles = list(roles)
    if not roles:
        raise ValidationError(_("지망 직무를 하나 이상 골라 주세요."))
    intakes = {role.intake_id for role in roles}
    if len(intakes) != 1:
        raise ValidationError(_("지망 직무는 같은 모집 회차에서 골라 주세요."))
    application = application_create(applicant=applicant, intake=roles[0].intake)
    choices_set(application=application, roles=roles)
    return application_submit(application=application, submitted_by=counsellor)


@transaction.atomic
def application_withdraw(*, application: InternshipApplication) -> InternshipApplication:
    application = _locked(application)
    _editable_or_refuse(application)
    application.status = InternshipApplication.Status.WITHDRAWN
    application.withdrawn_at = timezone.now()
    application.save(update_fields=["status", "withdrawn_at", "updated_at"])
    return application


@transaction.atomic
def invitation_respond(*, invitation: InterviewInvitation, accept: bool) -> InterviewInvitation:
    """Accept or decline an interview invitation (once)."""
    invitation = (
        InterviewInvitation.objects.select_for_update()
        .select_related("application")
        .get(pk=invitation.pk)
    )
    if invitation.status != InterviewInvitation.Status.INVITED:
        raise ValidationError(
            _("이미 응답한 면접 제안입니다 (%(status)s).")
            % {"status": invitation.get_status_display()}
        )
    if invitation.application.status == InternshipApplication.Status.WITHDRAWN:
        raise ValidationError(_("취소한 신청의 면접 제안에는 응답할 수 없습니다."))
    invitation.status = (
        InterviewInvitation.Status.ACCEPTED if accept else InterviewInvitation.Status.DECLINED
    )
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    return invitation


# --- Interviews and rankings -------------------------------------------------------------------


def _candidate_application(role: Role, application_id: int):
    application = selectors.candidate_applications(role).filter(pk=application_id).first()
    if application is None:
        raise ValidationError(_("이 직무의 지원자나 면접 제안 대상이 아닙니다."))
    return application


@transaction.atomic
def evaluation_schedule(
    *,
    role: Role,
    application_id: int,
    interview_at: datetime,
    interview_place: str = "",
    video_link: str = "",
) -> CandidateEvaluation:
    """Set (or move) the candidate's interview and tell her through the outbox."""
    application = _candidate_application(role, application_id)
    if not (interview_place or "").strip() and not (video_link or "").strip():
        raise ValidationError(_("면접 장소 또는 화상면접 링크 중 하나는 입력해 주세요."))
    evaluation, _created = CandidateEvaluation.objects.get_or_create(
        role=role, application=application
    )
    evaluation.interview_at = interview_at
    evaluation.interview_place = interview_place.strip()
    evaluation.video_link = video_link.strip()
    evaluation.full_clean()
    evaluation.save()
    where = evaluation.interview_place or evaluation.video_link
    notification_queue_for_user(
        user=application.applicant.user,
        template="matching/email/interview_scheduled",
        context={
            "company": role.company.name,
            "title": role.title,
            "when": timezone.localtime(interview_at).strftime("%Y-%m-%d %H:%M"),
            "where": where,
        },
    )
    return evaluation


@transaction.atomic
def evaluation_record_result(
    *, role: Role, application_id: int, result: str, note: str = ""
) -> CandidateEvaluation:
    """Record pass or fail with a note; a candidate who no longer passes loses her rank."""
    if result not in (CandidateEvaluation.Result.PASS, CandidateEvaluation.Result.FAIL):
        raise ValidationError(_("면접 결과는 합격 또는 불합격으로 입력해 주세요."))
    application = _candidate_application(role, application_id)
    evaluation, _created = CandidateEvaluation.objects.select_for_update().get_or_create(
        role=role, application=application
    )
    evaluation.result = result
    evaluation.note = note.strip()
    if result != CandidateEvaluation.Result.PASS:
        evaluation.rank = None
    evaluation.save()
    return evaluation


@transaction.atomic
def ranking_set(*, role: Role, application_ids: list[int]) -> list[CandidateEvaluation]:
    """Rank the role's passed candidates, best first, for the next weekly match."""
    if len(set(application_ids)) != len(application_ids):
        raise ValidationError(_("같은 지원자를 두 번 순위에 넣을 수 없습니다."))
    passed = {
        evaluation.application_id: evaluation
        for evaluation in selectors.passed_evaluations(role).select_for_update()
    }
    not_passed = [pk for pk in application_ids if pk not in passed]
    if not_passed:
        raise ValidationError(_("면접에 합격한 지원자만 순위를 매길 수 있습니다."))
    CandidateEvaluation.objects.filter(role=role, rank__isnull=False).update(rank=None)
    ranked = []
    for rank, application_id in enumerate(application_ids, start=1):
        evaluation = passed[application_id]
        evaluation.rank = rank
        evaluation.save(update_fields=["rank", "updated_at"])
        ranked.append(evaluation)
    return ranked


# --- Interns, hires and the employment incentive -----------------------------------------------


@transaction.atomic
def placement_contract_confirm(*, placement: Placement, contract_start: date) -> Placement:
    """The company confirms the contract start date; the internship begins."""
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if placement.status not in (Placement.Status.AWAITING_CONTRACT, Placement.Status.CONTRACTED):
        raise ValidationError(
            _("계약 대기 중인 인턴만 계약 시작일을 확정할 수 있습니다 (현재: %(status)s).")
            % {"status": placement.get_status_display()}
        )
    if HireConfirmation.objects.filter(placement=placement).exists():
        raise ValidationError(
            _("정규직 채용을 이미 확인한 인턴은 계약 시작일을 바꿀 수 없습니다 (현재: %(start)s).")
            % {"start": placement.contract_start}
        )
    matched_on = timezone.localdate(placement.created_at)
    if contract_start < matched_on:
        raise ValidationError(
            _(
                "계약 시작일은 매칭일(%(matched)s) 이후여야 합니다. "
                "실제 근로계약서의 시작일을 입력해 주세요."
            )
            % {"matched": matched_on}
        )
    placement.contract_start = contract_start
    placement.status = Placement.Status.CONTRACTED
    placement.save(update_fields=["contract_start", "status"])
    return placement


@transaction.atomic
def placement_end_early(*, placement: Placement, last_day: date) -> Placement:
    """The intern left before the internship's end: ``last_day`` was her last working day.
    Wage support stops after it (months already generated are corrected in the ledger)."""
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if placement.status != Placement.Status.CONTRACTED or placement.contract_start is None:
        raise ValidationError(
            _("근무 중인 인턴만 중도 종료할 수 있습니다 (현재: %(status)s).")
            % {"status": placement.get_status_display()}
        )
    end = internship_end(
        placement.contract_start, months=internship_months(placement.role.intake.program)
    )
    if not placement.contract_start <= last_day < (end or last_day):
        raise ValidationError(
            _("마지막 근무일은 계약 시작일(%(start)s)부터 인턴 종료일(%(end)s) 전까지여야 합니다.")
            % {"start": placement.contract_start, "end": end}
        )
    placement.ended_on = last_day
    placement.status = Placement.Status.COMPLETED
    placement.save(update_fields=["ended_on", "status"])
    return placement


def internship_end(contract_start: date, *, months: int = INTERNSHIP_MONTHS) -> date | None:
    """The day the internship of ``months`` months ends (same day number, ``months`` later);
    None when the start is so late in the calendar that the end cannot be a date."""
    try:
        return add_months(contract_start, months)
    except ValueError:
        return None


@transaction.atomic
def hire_confirm(
    *, placement, user: User, hired_on: date, proof: UploadedFile, today: date | None = None
) -> IncentiveClaim:
    """After the internship the company hires its intern: the incentive claim goes to staff."""
    placement = (
        Placement.objects.select_for_update().select_related("role__company").get(pk=placement.pk)
    )
    if HireConfirmation.objects.filter(placement=placement).exists():
        raise ValidationError(_("이 인턴의 정규직 채용은 이미 확인되었습니다."))
    if placement.status not in (Placement.Status.CONTRACTED, Placement.Status.COMPLETED):
        raise ValidationError(_("근로계약을 확정한 인턴만 정규직 채용을 확인할 수 있습니다."))
    _check_hire_dates(placement, hired_on=hired_on, today=today or timezone.localdate())
    hire = HireConfirmation(
        company=placement.role.company, placement=placement, hired_on=hired_on, confirmed_by=user
    )
    private_upload_attach(row=hire, upload=proof)
    hire.save()
    return IncentiveClaim.objects.create(
        hire=hire, company=hire.company, amount_krw=selectors.company_incentive_krw(hire.company)
    )


@transaction.atomic
def incentive_claim_refile(*, hire: HireConfirmation, proof: UploadedFile) -> IncentiveClaim:
    """File the incentive again, with a new proof, after the last claim was rejected.

    The rejected claim is left as it was decided; the hire keeps the newest proof.
    """
    hire = HireConfirmation.objects.select_for_update().select_related("company").get(pk=hire.pk)
    latest = hire.incentive_claims.order_by("-created_at", "-pk").first()
    if latest is not None and latest.status != IncentiveClaim.Status.REJECTED:
        raise ValidationError(
            _(
                "이 채용의 고용장려금 신청이 이미 %(status)s 상태입니다. "
                "반려된 신청만 새로 신청할 수 있습니다."
            )
            % {"status": latest.get_status_display()}
        )
    private_upload_attach(row=hire, upload=proof)
    hire.save(update_fields=["file", "original_name", "content_type", "size", "uploaded_at"])
    return IncentiveClaim.objects.create(
        hire=hire, company=hire.company, amount_krw=selectors.company_incentive_krw(hire.company)
    )


def _check_hire_dates(placement: Placement, *, hired_on: date, today: date) -> None:
    """The internship has ended, and the hire date is after it and not in the future."""
    end = internship_end(
        placement.contract_start, months=internship_months(placement.role.intake.program)
    )
    if end is None:
        raise ValidationError(
            _(
                "근로계약 시작일(%(start)s)이 올바르지 않아 인턴 종료일을 알 수 없습니다. "
                "담당자에게 문의해 주세요."
            )
            % {"start": placement.contract_start}
        )
    if end > today:
        raise ValidationError(
            _("인턴 기간이 끝난 뒤(%(end)s 이후)에 정규직 채용을 확인할 수 있습니다.")
            % {"end": end}
        )
    if hired_on > today:
        raise ValidationError(
            _("정규직 채용일(%(hired)s)이 아직 오지 않았습니다. 채용한 뒤에 등록해 주세요.")
            % {"hired": hired_on}
        )
    if hired_on < end:
        raise ValidationError(
            _("정규직 채용일은 인턴 종료일(%(end)s) 이후여야 합니다.") % {"end": end}
        )


def hire_proof_download_record(*, hire: HireConfirmation, user: User, request=None) -> None:
    """Staff opening a hire proof (an intern's employment record) leave an access-log row."""
    if is_city_staff(user):
        personal_data_access_record(
            actor=user,
            subject=hire.placement.application.applicant.user,
            action=PersonalDataAccess.Action.DOWNLOAD,
            target=f"정규직 채용 증빙 #{hire.pk}",
            request=request,
        )


@transaction.atomic
def incentive_claim_approve(*, claim: IncentiveClaim, staff: User) -> IncentiveClaim:
    """Staff approve the claim; an approved claim never changes again. The incentive goes to
    the payment ledger as a pending row, for a payment approver to approve."""
    claim = _claim_to_decide(claim)
    claim.status = IncentiveClaim.Status.APPROVED
    claim.decided_by = staff
    claim.decided_at = timezone.now()
    claim.save(update_fields=["status", "decided_by", "decided_at"])
    hire = HireConfirmation.objects.select_related("placement__role__intake__program").get(
        pk=claim.hire_id
    )
    ledger_entry_record(
        kind=LedgerEntry.Kind.INCENTIVE,
        program=hire.placement.role.intake.program,
        month=timezone.localdate(claim.decided_at),
        amount_krw=claim.amount_krw,
        source=claim,
        basis={"incentive_krw": claim.amount_krw, "hired_on": hire.hired_on.isoformat()},
        created_by=staff,
    )
    company_members_notify(
        claim.company,
        template="matching/email/incentive_approved",
        context={"amount": claim.amount_krw},
    )
    return claim


@transaction.atomic
def incentive_claim_reject(*, claim: IncentiveClaim, staff: User, reason: str) -> IncentiveClaim:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("반려 사유를 입력해 주세요."))
    claim = _claim_to_decide(claim)
    claim.status = IncentiveClaim.Status.REJECTED
    claim.rejection_reason = reason
    claim.decided_by = staff
    claim.decided_at = timezone.now()
    claim.save(update_fields=["status", "rejection_reason", "decided_by", "decided_at"])
    company_members_notify(
        claim.company, template="matching/email/incentive_rejected", context={"reason": reason}
    )
    return claim


def _claim_to_decide(claim: IncentiveClaim) -> IncentiveClaim:
    claim = IncentiveClaim.objects.select_for_update().select_related("company").get(pk=claim.pk)
    if claim.status != IncentiveClaim.Status.SUBMITTED:
        raise ValidationError(
            _("이미 처리된 신청입니다 (%(status)s). 처리된 신청은 바꿀 수 없습니다.")
            % {"status": claim.get_status_display()}
        )
    return claim


# --- Contract acknowledgement ------------------------------------------------------------------


@transaction.atomic
def contract_terms_confirm(
    *, placement: Placement, party: str, user: User, terms_key: str
) -> ContractConfirmation:
    """The intern or the company confirms the contract's key terms as shown to them.

    The confirmation belongs to a snapshot of today's terms (taken at the first confirmation of
    these terms); a snapshot of other terms no longer counts, so both sides confirm again.
    """
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if party not in ContractConfirmation.Party.values:
        raise ValidationError(_("인턴 또는 기업만 근로계약 조건을 확인할 수 있습니다."))
    if placement.status not in (Placement.Status.AWAITING_CONTRACT, Placement.Status.CONTRACTED):
        raise ValidationError(
            _(
                "계약 대기 중이거나 근무 중인 인턴의 계약 조건만 확인할 수 있습니다 "
                "(현재: %(status)s)."
            )
            % {"status": placement.get_status_display()}
        )
    state = selectors.placement_contract_state(placement)
    if state.terms is None:
        raise ValidationError(
            _(
                "아직 확인할 계약 조건이 없습니다. 기업이 근로계약 시작일을 확정하고, "
                "그날의 생활임금이 등록되어 있어야 합니다."
            )
        )
    if terms_key != state.terms.key:
        raise ValidationError(
            _("그사이 계약 조건이 바뀌었습니다. 바뀐 조건을 다시 읽고 확인해 주세요.")
        )
    done = state.confirmed_by(party)
    if done is not None:
        raise ValidationError(
            _("이미 %(when)s에 이 계약 조건을 확인했습니다.")
            % {"when": timezone.localtime(done.confirmed_at).strftime("%Y-%m-%d %H:%M")}
        )
    snapshot = state.snapshot
    if snapshot is None:
        terms = state.terms
        snapshot = ContractTerms.objects.create(
            placement=placement,
            contract_start=terms.contract_start,
            contract_end=terms.contract_end,
            weekly_hours=terms.weekly_hours,
            hourly_wage_krw=terms.hourly_wage_krw,
            monthly_wage_krw=terms.monthly_wage_krw,
        )
    return ContractConfirmation.objects.create(terms=snapshot, party=party, confirmed_by=user)
