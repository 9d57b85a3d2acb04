"""The company: registration and badges, its users and its role postings."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from womenup.dates import programme_date_range
from womenup.privacy.private_files import PrivateUpload, private_file_field


class Company(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("검토 중")
        VERIFIED = "verified", _("승인")
        REJECTED = "rejected", _("반려")

    name = models.CharField(_("기업명"), max_length=120)
    business_number = models.CharField(_("사업자등록번호"), max_length=10, unique=True)
    status = models.CharField(
        _("상태"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    district = models.ForeignKey(
        "womenup.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("소재지 자치구"),
    )
    representative = models.CharField(_("대표자명"), max_length=60, blank=True)
    address = models.CharField(_("주소"), max_length=200, blank=True)
    regular_employees = models.PositiveIntegerField(_("상시근로자 수"), default=0)
    is_sme = models.BooleanField(_("중소기업"), default=False)
    is_family_friendly = models.BooleanField(_("가족친화인증기업"), default=False)
    is_seoul_strong_sme = models.BooleanField(_("서울형 강소기업"), default=False)
    is_innobiz = models.BooleanField(_("이노비즈"), default=False)
    is_venture = models.BooleanField(_("벤처기업"), default=False)
    is_women_owned = models.BooleanField(_("여성기업"), default=False)
    description = models.TextField(_("기업 소개"), blank=True)
    contact_name = models.CharField(_("담당자 이름"), max_length=60, blank=True)
    contact_phone = models.CharField(_("담당자 연락처"), max_length=20, blank=True)
    contact_email = models.EmailField(_("담당자 이메일"), blank=True)
    rejection_reason = models.TextField(_("반려 사유"), blank=True)
    verified_at = models.DateTimeField(_("승인 시각"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("검토 담당자"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("등록 시각"))

    history = HistoricalRecords(
        verbose_name=_("참여기업 변경 이력"), verbose_name_plural=_("참여기업 변경 이력")
    )

    class Meta:
        verbose_name = _("참여기업")
        verbose_name_plural = _("참여기업")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(business_number__regex=r"^[0-9]{10}$"),
                name="business_number_ten_digits",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="rejected") | ~models.Q(rejection_reason=""),
                name="company_rejection_needs_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def badge_labels(self) -> list[str]:
        """Labels of the badges the company holds, in display order."""
        return [str(label) for badge, label in Badge.choices if getattr(self, BADGE_FIELDS[badge])]

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED


class Badge(models.TextChoices):
    FAMILY_FRIENDLY = "family_friendly", _("가족친화인증기업")
    SEOUL_STRONG_SME = "seoul_strong_sme", _("서울형 강소기업")
    INNOBIZ = "innobiz", _("이노비즈")
    VENTURE = "venture", _("벤처기업")
    WOMEN_OWNED = "women_owned", _("여성기업")


BADGE_FIELDS = {
    Badge.FAMILY_FRIENDLY: "is_family_friendly",
    Badge.SEOUL_STRONG_SME: "is_seoul_strong_sme",
    Badge.INNOBIZ: "is_innobiz",
    Badge.VENTURE: "is_venture",
    Badge.WOMEN_OWNED: "is_women_owned",
}


class BadgeProof(PrivateUpload):
    """A certificate proving a badge (checked by content), served only through a scoped view."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="badge_proofs", verbose_name=_("참여기업")
    )
    badge = models.CharField(_("인증 종류"), max_length=20, choices=Badge.choices)
    file = private_file_field("company-proofs", owner="company_id")

    class Meta:
        verbose_name = _("인증 증빙")
        verbose_name_plural = _("인증 증빙")
        ordering = ["company_id", "badge", "-uploaded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_badge_display()}: {self.original_name}"


class CompanyMembership(models.Model):
    """A user of a company; the first one invites the others."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("참여기업")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="company_membership",
        verbose_name=_("계정"),
    )
    is_owner = models.BooleanField(_("대표 담당자"), default=False)

    class Meta:
        verbose_name = _("기업 담당자")
        verbose_name_plural = _("기업 담당자")

    def __str__(self) -> str:
        return f"{self.company} · {self.user}"


class CompanyInvitation(models.Model):
    """A colleague invited by e-mail; accepting (as a company user) makes a membership."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("참여기업")
    )
    email = models.EmailField(_("초대할 이메일"))
    token = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False, verbose_name=_("초대 토큰")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("초대한 사람"),
    )
    created_at = models.DateTimeField(_("초대 시각"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("수락 시각"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("수락한 사람"),
    )

    class Meta:
        verbose_name = _("담당자 초대")
        verbose_name_plural = _("담당자 초대")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "email"],
                condition=models.Q(accepted_at__isnull=True),
                name="one_open_invitation_per_email",
            ),
            models.CheckConstraint(
                condition=models.Q(accepted_at__isnull=True) | models.Q(accepted_by__isnull=False),
                name="accepted_invitation_has_a_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company} → {self.email}"


class Role(models.Model):
    """An internship role a company posts for one intake (its program is the intake's)."""

    class Track(models.TextChoices):
        RECRUIT_LINKED = "recruit_linked", _("채용연계형")
        IT_TRAINING_LINKED = "it_training_linked", _("IT 직무교육 연계형")
        SOCIAL_IMPACT = "social_impact", _("소셜임팩트형")
        PUBLIC_PROJECT = "public_project", _("공공일자리 사업")

    class Status(models.TextChoices):
        DRAFT = "draft", _("작성 중")
        PUBLISHED = "published", _("모집 중")
        CLOSED = "closed", _("마감")

    class WorkType(models.TextChoices):
        FULL_TIME = "full_time", _("전일제 (주 40시간)")
        FLEXIBLE = "flexible", _("유연근무 (주 30~35시간)")

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="roles", verbose_name=_("참여기업")
    )
    title = models.CharField(_("직무명"), max_length=120)
    track = models.CharField(
        _("유형"), max_length=30, choices=Track.choices, default=Track.RECRUIT_LINKED
    )
    job_category = models.ForeignKey(
        "womenup.JobCategory",
        on_delete=models.PROTECT,
        related_name="roles",
        verbose_name=_("직무 분야"),
    )
    district = models.ForeignKey(
        "womenup.District",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("근무 자치구"),
    )
    work_type = models.CharField(
        _("근무 형태"), max_length=20, choices=WorkType.choices, default=WorkType.FULL_TIME
    )
    weekly_hours = models.PositiveSmallIntegerField(_("주 근무시간"), default=40)
    seats = models.PositiveSmallIntegerField(_("채용 인원"), default=1)
    status = models.CharField(
        _("상태"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    required_course = models.ForeignKey(
        "courses.Course",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="unlocked_roles",
        verbose_name=_("필수 수료 과정"),
    )
    description = models.TextField(_("직무 소개"), blank=True)
    duties = models.TextField(_("주요 업무"), blank=True)
    required_qualifications = models.TextField(
        _("필수 자격요건"), blank=True, help_text=_("자격증, 교육 수료 등")
    )
    preferred_qualifications = models.TextField(_("우대 사항"), blank=True)
    min_career_years = models.PositiveSmallIntegerField(_("필요 경력(년)"), default=0)
    remote_allowed = models.BooleanField(_("원격근무 가능"), default=False)
    start_date = models.DateField(
        _("근무 시작 예정일"), null=True, blank=True, validators=[programme_date_range]
    )
    intake = models.ForeignKey(
        "womenup.IntakeWindow",
        on_delete=models.PROTECT,
        related_name="roles",
        verbose_name=_("모집 회차"),
        help_text=_("지원자는 이 회차의 접수 기간에만 이 직무를 지망할 수 있습니다."),
    )
    published_at = models.DateTimeField(_("게시 시각"), null=True, blank=True)
    closed_at = models.DateTimeField(_("마감 시각"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("등록 시각"))

    history = HistoricalRecords(
        verbose_name=_("인턴 직무 변경 이력"), verbose_name_plural=_("인턴 직무 변경 이력")
    )

    class Meta:
        verbose_name = _("인턴 직무")
        verbose_name_plural = _("인턴 직무")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(seats__gte=1), name="role_has_a_seat"),
            models.CheckConstraint(
                condition=models.Q(weekly_hours__gte=30, weekly_hours__lte=40),
                name="role_weekly_hours_30_to_40",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company.name} · {self.title}"

    @property
    def program(self):
        """The program of the role's intake (a role has no program of its own)."""
        return self.intake.program
