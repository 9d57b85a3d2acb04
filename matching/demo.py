"""Demo internship data: the first demo applicant has submitted an application."""

from datetime import date

from django.utils import timezone

from applicants.demo import DEMO_APPLICANTS
from applicants.models import ApplicantProfile
from companies.models import Role
from matching.models import ApplicationChoice, InternshipApplication
from womenup.programs.selectors import open_intake, program_by_code

DEMO_CHOICES = ["회계 사무 인턴", "디지털 마케팅 인턴", "백엔드 개발 인턴"]


def load(*, today: date | None = None, **_kwargs) -> list[tuple[str, str]]:
    """One submitted application with three ranked demo roles (no new logins)."""
    today = today or timezone.localdate()
    email = DEMO_APPLICANTS[0][0]
    profile = ApplicantProfile.objects.filter(user__email=email).first()
    intake = open_intake(program_by_code("seoul-internship"), on=today)
    roles = {role.title: role for role in Role.objects.filter(title__in=DEMO_CHOICES)}
    if profile is None or intake is None or not roles:
        return []
    application, created = InternshipApplication.objects.get_or_create(
        applicant=profile,
        intake=intake,
        defaults={"status": InternshipApplication.Status.SUBMITTED, "submitted_at": timezone.now()},
    )
    if created:
        ranked = [roles[title] for title in DEMO_CHOICES if title in roles]
        ApplicationChoice.objects.bulk_create(
            ApplicationChoice(application=application, role=role, rank=rank)
            for rank, role in enumerate(ranked, start=1)
        )
    return []
