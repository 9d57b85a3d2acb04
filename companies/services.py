"""Every write of the company journey: registration, verification, members, roles, interviews,
rankings, contracts, hires and the employment incentive."""

import calendar
from dataclasses import dataclass, fields
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from companies import business_number, selectors
from companies.models import (
    BADGE_FIELDS,
    Badge,
    BadgeProof,
    CandidateEvaluation,
    Company,
    CompanyInvitation,
    CompanyMembership,
    HireConfirmation,
    IncentiveClaim,
    Role,
)
from courses.models import Course
from matching.models import Placement
from womenup.models import (
    District,
    IntakeWindow,
    JobCategory,
    PersonalDataAccess,
    Program,
    User,
)
from womenup.money import INCENTIVE_KRW, format_krw
from womenup.permissions import is_city_staff
from womenup.services import (
    notification_queue,
    notification_queue_for_user,
    personal_data_access_record,
)
from womenup.uploads import upload_content_type

INTERNSHIP_MONTHS = 3


# --- Registration and verification -------------------------------------------------------------


@dataclass(frozen=True)
class CompanyDetails:
    """What the company enters on the registration form (everything but the business number)."""

    name: str
    representative: str
    address: str
    district: District | None
    regular_employees: int
    is_sme: bool
    contact_name: str
    contact_phone: str
    contact_email: str
    description: str = ""
    badges: frozenset[str] = frozenset()


def _values_of(details) -> dict:
    """A details dataclass as a dict, model instances kept as they are (no deep copy)."""
    return {field.name: getattr(details, field.name) for field in fields(details)}


def business_number_clean(raw: str) -> str:
    """The ten digits of a business number, or a Korean ValidationError."""
    number = business_number.normalize(raw)
    if len(number) != 10 or not number.isdigit():
        raise ValidationError(_("사업자등록번호는 숫자 10자리입니다 (예: 120-81-47521)."))
    if not business_number.is_valid(number):
        raise ValidationError(
            _("사업자등록번호가 올바르지 않습니다. 사업자등록증의 번호를 다시 확인해 주세요.")
        )
    return number


@transaction.atomic
def company_register(*, user: User, number: str, details: CompanyDetails) -> Company:
    """Register the user's company; it stays pending until city staff verify it."""
    if not user.is_company_user:
        raise ValidationError(_("기업 회원만 기업을 등록할 수 있습니다."))
    if CompanyMembership.objects.filter(user=user).exists():
        raise ValidationError(_("이미 소속된 기업이 있습니다."))
    number = business_number_clean(number)
    if Company.objects.filter(business_number=number).exists():
        raise ValidationError(
            _(
                "이미 등록된 사업자등록번호입니다. 같은 회사의 담당자라면 "
                "먼저 등록한 담당자에게 초대를 요청해 주세요."
            )
        )
    company = Company(business_number=number, status=Company.Status.PENDING)
    _apply_details(company, details)
    try:
        with transaction.atomic():
            company.save()
    except IntegrityError as duplicate:
        raise ValidationError(_("이미 등록된 사업자등록번호입니다.")) from duplicate
    CompanyMembership.objects.create(company=company, user=user, is_owner=True)
    return company


@transaction.atomic
def company_update(*, company: Company, details: CompanyDetails) -> Company:
    """Change the company's details; a rejected company goes back to review, and so does a
    verified one whose eligibility facts or badges change (its roles stay, but no new ones
    are published until staff verify it again)."""
    company = Company.objects.select_for_update().get(pk=company.pk)
    before = _review_facts(company)
    _apply_details(company, details)
    if company.status == Company.Status.REJECTED:
        company.status = Company.Status.PENDING
        company.rejection_reason = ""
    elif company.status == Company.Status.VERIFIED and _review_facts(company) != before:
        company.status = Company.Status.PENDING
        company.verified_at = None
    company.save()
    return company


REVIEWED_FIELDS = ("district_id", "regular_employees", "is_sme", *BADGE_FIELDS.values())


def _review_facts(company: Company) -> tuple:
    """What city staff checked when verifying: location, size, SME status and badges."""
    return tuple(getattr(company, field) for field in REVIEWED_FIELDS)


def _apply_details(company: Company, details: CompanyDetails) -> None:
    values = _values_of(details)
    badges = values.pop("badges")
    unknown = set(badges) - set(Badge.values)
    if unknown:
        raise ValidationError(_("알 수 없는 인증 종류입니다: %(badges)s") % {"badges": unknown})
    if details.regular_employees < 0:
        raise ValidationError(_("상시근로자 수는 0 이상이어야 합니다."))
    for field, value in values.items():
        setattr(company, field, value)
    for badge, field in BADGE_FIELDS.items():
        setattr(company, field, badge in badges)


@transaction.atomic
def company_verify(*, company: Company, staff: User) -> Company:
    """City staff approve the company: it may now publish roles."""
    company = Company.objects.select_for_update().get(pk=company.pk)
    if company.status == Company.Status.VERIFIED:
        raise ValidationError(_("이미 승인된 기업입니다: %(name)s") % {"name": company.name})
    company.status = Company.Status.VERIFIED
    company.rejection_reason = ""
    company.verified_at = timezone.now()
    company.reviewed_by = staff
    company.save(update_fields=["status", "rejection_reason", "verified_at", "reviewed_by"])
    _notify_members(
        company,
        subject=_("참여기업 승인 안내"),
        body=_("%(name)s 의 참여기업 등록이 승인되었습니다. 이제 인턴 직무를 게시할 수 있습니다.")
        % {"name": company.name},
    )
    return company


@transaction.atomic
def company_reject(*, company: Company, staff: User, reason: str) -> Company:
    """City staff refuse the company, saying why; the company can correct and resubmit."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            _("반려 사유를 입력해 주세요. 기업이 무엇을 고쳐야 하는지 적어 주세요.")
        )
    company = Company.objects.select_for_update().get(pk=company.pk)
    company.status = Company.Status.REJECTED
    company.rejection_reason = reason
    company.verified_at = None
    company.reviewed_by = staff
    company.save(update_fields=["status", "rejection_reason", "verified_at", "reviewed_by"])
    Role.objects.filter(company=company, status=Role.Status.PUBLISHED).update(
        status=Role.Status.CLOSED, closed_at=timezone.now()
    )
    _notify_members(
        company,
        subject=_("참여기업 등록 반려 안내"),
        body=_("%(name)s 의 참여기업 등록이 반려되었습니다.\n사유: %(reason)s")
        % {"name": company.name, "reason": reason},
    )
    return company


def _notify_members(company: Company, *, subject: str, body: str) -> None:
    for membership in company.memberships.select_related("user"):
        notification_queue_for_user(user=membership.user, subject=subject, body=body)


@transaction.atomic
def badge_proof_upload(*, company: Company, badge: str, upload: UploadedFile) -> BadgeProof:
    """Store a certificate proving one of the company's badges (PDF/PNG/JPEG, size-limited)."""
    if badge not in Badge.values:
        raise ValidationError(_("인증 종류를 선택해 주세요."))
    content_type = upload_content_type(upload)
    proof = BadgeProof(
        company=company,
        badge=badge,
        original_name=upload.name[:200],
        content_type=content_type,
        size=upload.size,
    )
    proof.file.save(upload.name, upload, save=False)
    proof.save()
    return proof


# --- Colleagues --------------------------------------------------------------------------------


@transaction.atomic
def invitation_create(
    *, company: Company, invited_by: User, email: str, site_url: str
) -> CompanyInvitation:
    """The company's owner invites a colleague by e-mail (sent through the outbox)."""
    email = User.objects.normalize_email((email or "").strip()).lower()
    owner = CompanyMembership.objects.filter(company=company, user=invited_by, is_owner=True)
    if not owner.exists():
        raise ValidationError(_("대표 담당자만 다른 담당자를 초대할 수 있습니다."))
    if CompanyMembership.objects.filter(company=company, user__email__iexact=email).exists():
        raise ValidationError(_("%(email)s 은(는) 이미 이 기업의 담당자입니다.") % {"email": email})
    if selectors.open_invitations_of(company).filter(email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s 에게 보낸 초대가 아직 수락되지 않았습니다.") % {"email": email}
        )
    invitation = CompanyInvitation.objects.create(
        company=company, email=email, invited_by=invited_by
    )
    link = site_url.rstrip("/") + reverse("companies:invitation-accept", args=[invitation.token])
    notification_queue(
        to_email=email,
        subject=_("%(name)s 담당자로 초대되었습니다") % {"name": company.name},
        body=_(
            "%(inviter)s 님이 서울우먼업 포털의 %(name)s 담당자로 초대했습니다.\n"
            "기업 회원으로 가입하거나 로그인한 뒤 아래 주소에서 초대를 수락해 주세요.\n%(link)s"
        )
        % {"inviter": invited_by.email, "name": company.name, "link": link},
        dedupe_key=f"company-invitation-{invitation.token}",
    )
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: CompanyInvitation, user: User) -> CompanyMembership:
    """The invited person (logged in as a company user) joins the company."""
    invitation = CompanyInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("이미 수락된 초대입니다."))
    if not user.is_company_user:
        raise ValidationError(_("기업 회원 계정으로 로그인해야 초대를 수락할 수 있습니다."))
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _("이 초대는 %(email)s 로 보낸 것입니다. 그 주소로 로그인해 주세요.")
            % {"email": invitation.email}
        )
    if CompanyMembership.objects.filter(user=user).exists():
        raise ValidationError(_("이미 다른 기업의 담당자입니다. 한 계정은 한 기업에만 속합니다."))
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return CompanyMembership.objects.create(company=invitation.company, user=user, is_owner=False)


# --- Roles -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleDetails:
    title: str
    track: str
    job_category: JobCategory
    description: str
    duties: str
    required_qualifications: str
    preferred_qualifications: str
    min_career_years: int
    work_type: str
    weekly_hours: int
    remote_allowed: bool
    district: District
    seats: int
    start_date: date | None
    intake: IntakeWindow
    required_course: Course | None = None


TRACK_PROGRAM_KINDS = {
    Role.Track.RECRUIT_LINKED: Program.Kind.INTERNSHIP,
    Role.Track.IT_TRAINING_LINKED: Program.Kind.PROJECT_INTERNSHIP,
    Role.Track.SOCIAL_IMPACT: Program.Kind.PROJECT_INTERNSHIP,
}


def weekly_hours_problem(*, work_type: str, weekly_hours: int) -> str | None:
    """Full-time is 40 hours a week; flexible work is 30 to 35."""
    if work_type == Role.WorkType.FULL_TIME and weekly_hours != 40:
        return _("전일제 직무는 주 40시간이어야 합니다.")
    if work_type == Role.WorkType.FLEXIBLE and not 30 <= weekly_hours <= 35:
        return _("유연근무 직무는 주 30~35시간이어야 합니다.")
    return None


@transaction.atomic
def role_create(*, company: Company, details: RoleDetails) -> Role:
    """A new role starts as a draft; pending companies may prepare drafts."""
    role = Role(company=company, status=Role.Status.DRAFT)
    _apply_role_details(role, details)
    role.save()
    return role


@transaction.atomic
def role_update(*, role: Role, details: RoleDetails) -> Role:
    role = Role.objects.select_for_update().get(pk=role.pk)
    if role.status == Role.Status.CLOSED:
        raise ValidationError(_("마감된 직무는 수정할 수 없습니다."))
    problems = _role_change_problems(role, details)
    if problems:
        raise ValidationError(problems)
    _apply_role_details(role, details)
    if role.status == Role.Status.PUBLISHED:
        problems = _posting_problems(role)
        if problems:
            raise ValidationError(problems)
    role.save()
    return role


def _role_change_problems(role: Role, details: RoleDetails) -> list[str]:
    """Seats cover the matched interns; the track and intake stay once candidates can see it."""
    problems = []
    interns = role.placements.exclude(status=Placement.Status.CANCELLED).count()
    if details.seats < interns:
        problems.append(
            _("이미 매칭된 인턴이 %(count)d명이므로 채용 인원을 %(count)d명보다 줄일 수 없습니다.")
            % {"count": interns}
        )
    changes_posting = details.track != role.track or details.intake.pk != role.intake_id
    if changes_posting and (role.status == Role.Status.PUBLISHED or role.choices.exists()):
        problems.append(
            _(
                "게시했거나 지원자가 선택한 직무는 유형과 모집 회차(사업)를 바꿀 수 없습니다. "
                "다른 유형이나 회차로 모집하려면 새 직무를 작성해 주세요."
            )
        )
    return problems


def _apply_role_details(role: Role, details: RoleDetails) -> None:
    problem = weekly_hours_problem(work_type=details.work_type, weekly_hours=details.weekly_hours)
    if problem:
        raise ValidationError(problem)
    if details.seats < 1:
        raise ValidationError(_("채용 인원은 1명 이상이어야 합니다."))
    if details.intake.program.kind != TRACK_PROGRAM_KINDS[details.track]:
        raise ValidationError(
            _(
                "선택한 모집 회차(%(program)s)는 이 유형의 직무를 받지 않습니다. "
                "유형에 맞는 회차를 골라 주세요."
            )
            % {"program": details.intake.program.name}
        )
    for field, value in _values_of(details).items():
        setattr(role, field, value)
    role.program = details.intake.program


@transaction.atomic
def role_publish(*, role: Role, on: date | None = None) -> Role:
    """Draft → published: the company is verified, the intake open, the posting complete."""
    role = (
        Role.objects.select_for_update(of=("self",))
        .select_related("company", "intake")
        .get(pk=role.pk)
    )
    if role.status != Role.Status.DRAFT:
        raise ValidationError(_("작성 중인 직무만 게시할 수 있습니다."))
    problems = _publish_problems(role, on=on or timezone.localdate()) + _posting_problems(role)
    if problems:
        raise ValidationError(problems)
    role.status = Role.Status.PUBLISHED
    role.published_at = timezone.now()
    role.save(update_fields=["status", "published_at"])
    return role


def _publish_problems(role: Role, *, on: date) -> list[str]:
    """What publishing needs at that moment: a verified company and an open intake."""
    problems = []
    if role.company.status != Company.Status.VERIFIED:
        problems.append(
            _("서울시의 기업 승인 후에 게시할 수 있습니다. 지금은 직무를 작성해 둘 수 있습니다.")
        )
    if role.intake is None:
        problems.append(_("모집 회차를 선택해 주세요."))
    elif not role.intake.is_open_on(on):
        intake = role.intake
        problems.append(
            _("선택한 모집 회차(%(intake)s)의 접수 기간이 아닙니다 (%(opens)s ~ %(closes)s).")
            % {"intake": intake.label, "opens": intake.opens_on, "closes": intake.closes_on}
        )
    return problems


def _posting_problems(role: Role) -> list[str]:
    """What a published posting must always hold (checked on publishing and on every edit)."""
    problems = []
    if role.track == Role.Track.IT_TRAINING_LINKED and role.required_course_id is None:
        problems.append(_("IT 직무교육 연계형 직무는 필수 수료 과정을 지정해야 합니다."))
    hours = weekly_hours_problem(work_type=role.work_type, weekly_hours=role.weekly_hours)
    if hours:
        problems.append(hours)
    return problems


@transaction.atomic
def role_close(*, role: Role) -> Role:
    """Published → closed (early closing too); candidates and interviews are kept."""
    role = Role.objects.select_for_update().get(pk=role.pk)
    if role.status != Role.Status.PUBLISHED:
        raise ValidationError(_("모집 중인 직무만 마감할 수 있습니다."))
    role.status = Role.Status.CLOSED
    role.closed_at = timezone.now()
    role.save(update_fields=["status", "closed_at"])
    return role


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
        subject=_("면접 일정 안내: %(company)s") % {"company": role.company.name},
        body=_("%(company)s · %(title)s 면접 일정입니다.\n일시: %(when)s\n장소: %(where)s")
        % {
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


def internship_end(contract_start: date) -> date | None:
    """The day the three-month internship ends (same day number, three months later);
    None when the start is so late in the calendar that the end cannot be a date."""
    month_index = contract_start.month - 1 + INTERNSHIP_MONTHS
    year, month = contract_start.year + month_index // 12, month_index % 12 + 1
    try:
        day = min(contract_start.day, calendar.monthrange(year, month)[1])
        return date(year, month, day)
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
    content_type = upload_content_type(proof)
    hire = HireConfirmation(
        company=placement.role.company,
        placement=placement,
        hired_on=hired_on,
        proof_name=proof.name[:200],
        proof_content_type=content_type,
        confirmed_by=user,
    )
    hire.proof.save(proof.name, proof, save=False)
    hire.save()
    return IncentiveClaim.objects.create(hire=hire, company=hire.company, amount_krw=INCENTIVE_KRW)


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
    content_type = upload_content_type(proof)
    hire.proof_name = proof.name[:200]
    hire.proof_content_type = content_type
    hire.proof.save(proof.name, proof, save=False)
    hire.save(update_fields=["proof", "proof_name", "proof_content_type"])
    return IncentiveClaim.objects.create(hire=hire, company=hire.company, amount_krw=INCENTIVE_KRW)


def _check_hire_dates(placement: Placement, *, hired_on: date, today: date) -> None:
    """The internship has ended, and the hire date is after it and not in the future."""
    end = internship_end(placement.contract_start)
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
    """Staff approve the claim; an approved claim never changes again."""
    claim = _claim_to_decide(claim)
    claim.status = IncentiveClaim.Status.APPROVED
    claim.decided_by = staff
    claim.decided_at = timezone.now()
    claim.save(update_fields=["status", "decided_by", "decided_at"])
    _notify_members(
        claim.company,
        subject=_("고용장려금 승인 안내"),
        body=_("고용장려금 %(amount)s 신청이 승인되었습니다.")
        % {"amount": format_krw(claim.amount_krw)},
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
    _notify_members(
        claim.company,
        subject=_("고용장려금 반려 안내"),
        body=_("고용장려금 신청이 반려되었습니다.\n사유: %(reason)s") % {"reason": reason},
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
