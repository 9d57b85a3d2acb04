"""The applicant: profile with eligibility facts (extended by the applicant journey)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicantProfile(models.Model):
    """One applicant's profile; the facts the eligibility rules read come from here."""

    class Gender(models.TextChoices):
        FEMALE = "female", _("여성")
        MALE = "male", _("남성")

    class EmploymentStatus(models.TextChoices):
        UNEMPLOYED = "unemployed", _("미취업")
        EMPLOYED = "employed", _("재직 중")
        SELF_EMPLOYED = "self_employed", _("사업 운영 중")

    class WorkType(models.TextChoices):
        FULL_TIME = "full_time", _("전일제 (주 40시간)")
        FLEXIBLE = "flexible", _("유연근무 (주 30~35시간)")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applicant_profile"
    )
    name = models.CharField(_("이름"), max_length=50, blank=True)
    birth_date = models.DateField(_("생년월일"), null=True, blank=True)
    gender = models.CharField(_("성별"), max_length=10, choices=Gender.choices, blank=True)
    phone = models.CharField(_("휴대전화"), max_length=20, blank=True, help_text=_("E.164 형식"))
    residence_city = models.ForeignKey(
        "womenup.City", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    residence_district = models.ForeignKey(
        "womenup.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    employment_status = models.CharField(
        _("취업 상태"), max_length=20, choices=EmploymentStatus.choices, blank=True
    )
    desired_job_categories = models.ManyToManyField(
        "womenup.JobCategory", blank=True, related_name="+", verbose_name=_("희망 직무")
    )
    desired_work_type = models.CharField(
        _("희망 근무 형태"), max_length=20, choices=WorkType.choices, blank=True
    )
    preferred_districts = models.ManyToManyField(
        "womenup.District", blank=True, related_name="+", verbose_name=_("희망 근무 지역")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("참여자 프로필")
        verbose_name_plural = _("참여자 프로필")

    def __str__(self) -> str:
        return self.name or self.user.email
