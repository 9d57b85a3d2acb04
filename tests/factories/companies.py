"""Companies with their users and roles."""

import factory

from companies.models import Company, CompanyMembership, Role
from tests.factories import kernel
from tests.factories.accounts import CompanyUserFactory


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"테스트기업{n}")
    business_number = factory.Sequence(lambda n: f"{1000000000 + n}")
    status = Company.Status.VERIFIED
    district = factory.LazyFunction(kernel.district)


class CompanyMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompanyMembership

    company = factory.SubFactory(CompanyFactory)
    user = factory.SubFactory(CompanyUserFactory)
    is_owner = True


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    company = factory.SubFactory(CompanyFactory)
    program = factory.LazyFunction(kernel.program)
    title = factory.Sequence(lambda n: f"인턴 직무 {n}")
    job_category = factory.LazyFunction(kernel.job_category)
    district = factory.LazyFunction(kernel.district)
    seats = 2
    status = Role.Status.PUBLISHED
