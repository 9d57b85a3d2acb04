"""Data for the screening, fit and weekly-batch tests: eligible applicants, choices, rankings."""

from datetime import date, datetime, timedelta

from django.utils import timezone

from applicants.models import CareerEntry, Certificate, Document
from matching.models import ApplicationChoice, CandidateEvaluation, InternshipApplication
from tests.factories.applicants import ApplicantProfileFactory, give_consents
from tests.factories.matching import InternshipApplicationFactory

WEEK = "2024-W23"
NEXT_WEEK = "2024-W24"
BASE_TIME = timezone.make_aware(datetime(2024, 5, 1, 9, 0))


def eligible_profile(*, certificates: int = 1, careers=(), **fields):
    """A Seoul woman, unemployed, with a résumé, a certificate and the required consents:
    passes the seeded rules."""
    profile = ApplicantProfileFactory(**fields)
    give_consents(profile)
    Document.objects.create(
        profile=profile,
        kind=Document.Kind.RESUME,
        file=f"applicant-documents/{profile.pk}/resume.pdf",
        original_name="이력서.pdf",
        content_type="application/pdf",
        size=1000,
    )
    for number in range(certificates):
        Certificate.objects.create(
            profile=profile,
            name=f"자격증 {number}",
            issuer="한국산업인력공단",
            acquired_on=date(2020, 1, 1),
        )
    for category, years in careers:
        CareerEntry.objects.create(profile=profile, job_category=category, years=years)
    return profile


def application_for(profile=None, roles=(), *, minutes: int = 0) -> InternshipApplication:
    """A submitted application choosing ``roles`` in order; ``minutes`` after the base time."""
    application = InternshipApplicationFactory(
        applicant=profile or eligible_profile(),
        submitted_at=BASE_TIME + timedelta(minutes=minutes),
    )
    ApplicationChoice.objects.bulk_create(
        ApplicationChoice(application=application, role=role, rank=rank)
        for rank, role in enumerate(roles, start=1)
    )
    return application


def company_ranks(role, applications) -> None:
    """The company interviewed these candidates, passed them and ranked them in this order."""
    CandidateEvaluation.objects.bulk_create(
        CandidateEvaluation(
            role=role,
            application=application,
            result=CandidateEvaluation.Result.PASS,
            rank=rank,
        )
        for rank, application in enumerate(applications, start=1)
    )
