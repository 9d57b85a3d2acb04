"""The company: registration, its users and its role postings (extended by the company journey)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("참여기업")
        verbose_name_plural = _("참여기업")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class CompanyMembership(models.Model):
    """A user of a company; the first one invites the others."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="memberships")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="company_membership"
    )
    is_owner = models.BooleanField(_("대표 담당자"), default=False)

    class Meta:
        verbose_name = _("기업 담당자")
        verbose_name_plural = _("기업 담당자")

    def __str__(self) -> str:
        return f"{self.company} · {self.user}"


class Role(models.Model):
    """An internship role posted by a company."""

    class Track(models.TextChoices):
        RECRUIT_LINKED = "recruit_linked", _("채용연계형")
        IT_TRAINING_LINKED = "it_training_linked", _("IT 직무교육 연계형")
        SOCIAL_IMPACT = "social_impact", _("소셜임팩트형")

    class Status(models.TextChoices):
        DRAFT = "draft", _("작성 중")
        PUBLISHED = "published", _("모집 중")
        CLOSED = "closed", _("마감")

    class WorkType(models.TextChoices):
        FULL_TIME = "full_time", _("전일제 (주 40시간)")
        FLEXIBLE = "flexible", _("유연근무 (주 30~35시간)")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="roles")
    program = models.ForeignKey(
        "womenup.Program", on_delete=models.PROTECT, related_name="roles", verbose_name=_("사업")
    )
    title = models.CharField(_("직무명"), max_length=120)
    track = models.CharField(
        _("유형"), max_length=30, choices=Track.choices, default=Track.RECRUIT_LINKED
    )
    job_category = models.ForeignKey(
        "womenup.JobCategory", on_delete=models.PROTECT, related_name="roles"
    )
    district = models.ForeignKey("womenup.District", on_delete=models.PROTECT, related_name="+")
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
    created_at = models.DateTimeField(auto_now_add=True)

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
