"""Every write of the company journey: registration, verification, members and roles.

Interviews, rankings, contracts, hires and the employment incentive are in matching/services.py."""

from dataclasses import dataclass, fields
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from companies import business_number, hooks, selectors
from companies.models import (
    BADGE_FIELDS,
    Badge,
    BadgeProof,
    Company,
    CompanyInvitation,
    CompanyMembership,
    Role,
)
from courses.models import Course
from womenup import branding, phones
from womenup.cache import COMPANIES, ROLES, data_version_bump
from womenup.calendar import add_months
from womenup.models import District, IntakeWindow, JobCategory, Program, User
from womenup.notifications.services import notification_queue, notification_queue_for_user
from womenup.privacy.private_files import private_upload_attach

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
    data_version_bump(COMPANIES, ROLES)
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
    _contact_check(details)
    values["contact_phone"] = phones.e164(details.contact_phone)
    for field, value in values.items():
        setattr(company, field, value)
    for badge, field in BADGE_FIELDS.items():
        setattr(company, field, badge in badges)


def _contact_check(details: CompanyDetails) -> None:
    """The contact person is checked as an applicant's own details are: a name, a Korean phone
    number (landlines too: the label is 연락처, not 휴대전화) and an e-mail address."""
    if not (details.contact_name or "").strip():
        raise ValidationError(_("담당자 이름을 입력해 주세요."), code="contact_name")
    phones.korean_number(details.contact_phone)
    try:
        validate_email(details.contact_email or "")
    except ValidationError as error:
        raise ValidationError(
            _("담당자 이메일 주소를 확인해 주세요. 예: hr@company.co.kr"), code="contact_email"
        ) from error


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
    data_version_bump(COMPANIES, ROLES)
    company_members_notify(
        company, template="companies/email/company_verified", context={"company": company.name}
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
    closing = list(Role.objects.filter(company=company, status=Role.Status.PUBLISHED))
    for role in closing:
        role.status, role.closed_at = Role.Status.CLOSED, timezone.now()
    bulk_update_with_history(closing, Role, ["status", "closed_at"], default_user=staff)
    data_version_bump(COMPANIES, ROLES)
    company_members_notify(
        company,
        template="companies/email/company_rejected",
        context={"company": company.name, "reason": reason},
    )
    return company


def company_members_notify(company: Company, *, template: str, context: dict) -> None:
    for membership in company.memberships.select_related("user"):
        notification_queue_for_user(user=membership.user, template=template, context=context)


@transaction.atomic
def badge_proof_upload(*, company: Company, badge: str, upload: UploadedFile) -> BadgeProof:
    """Store a certificate proving one of the company's badges (PDF/PNG/JPEG, size-limited)."""
    if badge not in Badge.values:
        raise ValidationError(_("인증 종류를 선택해 주세요."))
    proof = BadgeProof(company=company, badge=badge)
    private_upload_attach(row=proof, upload=upload)
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
        template="companies/email/invitation",
        context={"inviter": invited_by.email, "company": company.name, "link": link},
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


# A role starts while its intake runs or within this many months after it closes.
ROLE_START_MONTHS_AFTER_INTAKE = 6


def role_track_problem(*, track: str, intake: IntakeWindow) -> str | None:
    """Recruit-linked roles belong to an internship intake, project tracks to a project one."""
    if intake.program.kind != TRACK_PROGRAM_KINDS.get(track):
        return _(
            "선택한 모집 회차(%(program)s)는 %(track)s 직무를 받지 않습니다. "
            "유형에 맞는 회차를 골라 주세요."
        ) % {"program": intake.program.name, "track": Role.Track(track).label}
    return None


def role_start_date_problem(
    *, start_date: date | None, intake: IntakeWindow, previous: date | None = None
) -> str | None:
    """The start date lies ahead (unless it is the one already saved) and near the intake:
    from the day the intake opens to six months after it closes."""
    if start_date is None:
        return None
    if start_date != previous and start_date < timezone.localdate():
        return _("근무 시작 예정일은 오늘(%(today)s) 이후로 입력해 주세요.") % {
            "today": timezone.localdate().isoformat()
        }
    latest = add_months(intake.closes_on, ROLE_START_MONTHS_AFTER_INTAKE)
    if not intake.opens_on <= start_date <= latest:
        return _(
            "근무 시작 예정일은 모집 회차(%(intake)s)의 접수 시작일 %(opens)s부터 마감 후 "
            "%(months)d개월인 %(latest)s 사이로 입력해 주세요."
        ) % {
            "intake": intake.label,
            "opens": intake.opens_on.isoformat(),
            "months": ROLE_START_MONTHS_AFTER_INTAKE,
            "latest": latest.isoformat(),
        }
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
    data_version_bump(COMPANIES, ROLES)
    return role


def _role_change_problems(role: Role, details: RoleDetails) -> list[str]:
    """Seats cover the matched interns; the track and intake stay once candidates can see it."""
    problems = []
    interns = hooks.role_seats_in_use(role)
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
    for problem in (
        role_track_problem(track=details.track, intake=details.intake),
        role_start_date_problem(
            start_date=details.start_date, intake=details.intake, previous=role.start_date
        ),
    ):
        if problem:
            raise ValidationError(problem)
    for field, value in _values_of(details).items():
        setattr(role, field, value)


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
    data_version_bump(COMPANIES, ROLES)
    return role


def _publish_problems(role: Role, *, on: date) -> list[str]:
    """What publishing needs at that moment: a verified company and an open intake."""
    problems = []
    if role.company.status != Company.Status.VERIFIED:
        problems.append(
            _(
                "%(operator)s 담당자의 기업 승인 후에 게시할 수 있습니다. "
                "지금은 직무를 작성해 둘 수 있습니다."
            )
            % branding.brand()
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
    data_version_bump(COMPANIES, ROLES)
    return role
