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
