"""Internship applications and their ranked choices."""

import factory
from django.utils import timezone

from matching.models import ApplicationChoice, InternshipApplication
from tests.factories import kernel
from tests.factories.applicants import ApplicantProfileFactory


class InternshipApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InternshipApplication

    applicant = factory.SubFactory(ApplicantProfileFactory)
    intake = factory.LazyFunction(kernel.open_intake)
    status = InternshipApplication.Status.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)


class ApplicationChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationChoice

    application = factory.SubFactory(InternshipApplicationFactory)
    role = factory.SubFactory("tests.factories.companies.RoleFactory")
    rank = 1


class InterviewInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matching.InterviewInvitation"

    application = factory.SubFactory(InternshipApplicationFactory)
    role = factory.SubFactory("tests.factories.companies.RoleFactory")
    week = "2024-W23"


class ScreeningResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matching.ScreeningResult"

    application = factory.SubFactory(InternshipApplicationFactory)
    outcome = "pass"
    week = "2024-W23"
    screened_at = factory.LazyFunction(timezone.now)


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matching.Placement"

    application = factory.SubFactory(InternshipApplicationFactory)
    role = factory.SubFactory("tests.factories.companies.RoleFactory")
    week = "2024-W23"
