"""Institutions, courses and enrollments (extended by the courses issue)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Institution(models.Model):
    """A training institution (운영기관) that runs courses."""

    name = models.CharField(_("기관명"), max_length=120)
    city = models.ForeignKey("womenup.City", on_delete=models.PROTECT, related_name="+")
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="institutions", verbose_name=_("담당자")
    )

    class Meta:
        verbose_name = _("운영기관")
        verbose_name_plural = _("운영기관")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Course(models.Model):
    """A free training course with a fixed number of seats."""

    class Track(models.TextChoices):
        DEVELOPER_ENTRY = "developer_entry", _("개발자 입문과정")
        ADVANCED = "advanced", _("기업연계 심화과정")
        SOCIAL_50PLUS = "social_50plus", _("50+ 사회공헌")
        VOCATIONAL = "vocational", _("직업교육훈련")
        PRE_TRAINING = "pre_training", _("사전교육")

    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="courses")
    program = models.ForeignKey("womenup.Program", on_delete=models.PROTECT, related_name="courses")
    code = models.SlugField(_("과정 코드"), unique=True)
    title = models.CharField(_("과정명"), max_length=150)
    track = models.CharField(_("과정 유형"), max_length=30, choices=Track.choices)
    hours = models.PositiveSmallIntegerField(_("교육시간"))
    starts_on = models.DateField(_("개강일"))
    ends_on = models.DateField(_("종강일"))
    seats = models.PositiveSmallIntegerField(_("정원"))

    class Meta:
        verbose_name = _("교육과정")
        verbose_name_plural = _("교육과정")
        ordering = ["starts_on", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(seats__gte=1), name="course_has_a_seat"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="course_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Enrollment(models.Model):
    """An applicant's application to a course and where it stands."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("신청")
        ENROLLED = "enrolled", _("선발")
        WAITLISTED = "waitlisted", _("대기")
        WITHDRAWN = "withdrawn", _("취소")
        DROPPED = "dropped", _("중도 탈락")
        COMPLETED = "completed", _("수료")
        NOT_COMPLETED = "not_completed", _("미수료")

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="enrollments")
    applicant = models.ForeignKey(
        "applicants.ApplicantProfile", on_delete=models.CASCADE, related_name="enrollments"
    )
    status = models.CharField(
        _("상태"), max_length=20, choices=Status.choices, default=Status.APPLIED, db_index=True
    )
    applied_at = models.DateTimeField(_("신청 시각"), auto_now_add=True)

    class Meta:
        verbose_name = _("수강 신청")
        verbose_name_plural = _("수강 신청")
        ordering = ["applied_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "applicant"], name="one_enrollment_per_course_and_applicant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.course} · {self.applicant}"
