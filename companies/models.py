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
        "womenup.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
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
