"""Applicant profiles."""

from datetime import date

import factory

from applicants.models import ApplicantProfile
from tests.factories import kernel
from tests.factories.accounts import ApplicantUserFactory


class ApplicantProfileFactory(factory.django.DjangoModelFactory):
    """A Seoul woman, unemployed: eligible for the internship on the basic rules."""

    class Meta:
        model = ApplicantProfile

    user = factory.SubFactory(ApplicantUserFactory)
    name = factory.Sequence(lambda n: f"참여자{n}")
    birth_date = date(1985, 5, 20)
    gender = ApplicantProfile.Gender.FEMALE
    phone = factory.Sequence(lambda n: f"+8210{10000000 + n}")
    residence_city = factory.LazyFunction(kernel.seoul)
    residence_district = factory.LazyFunction(kernel.district)
    employment_status = ApplicantProfile.EmploymentStatus.UNEMPLOYED
