"""Companies with their users and roles."""

import factory
from django.utils import timezone

from companies.business_number import with_check_digit
from companies.models import Company, CompanyMembership, Role
from tests.factories import kernel
from tests.factories.accounts import CompanyUserFactory


class CompanyFactory(factory.django.DjangoModelFactory):
    """A verified Seoul SME with 12 regular employees: eligible."""

    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"테스트기업{n}")
    business_number = factory.Sequence(lambda n: with_check_digit(f"{100000000 + n:09d}"))
    status = Company.Status.VERIFIED
    district = factory.LazyFunction(kernel.district)
    representative = "김대표"
    address = "월드컵북로 1"
    regular_employees = 12
    is_sme = True
    contact_name = "이담당"
    contact_phone = "02-123-4567"
    contact_email = factory.Sequence(lambda n: f"hr{n}@company.example.kr")


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
    title = factory.Sequence(lambda n: f"인턴 직무 {n}")
    job_category = factory.LazyFunction(kernel.job_category)
    district = factory.LazyFunction(kernel.district)
    seats = 2
    status = Role.Status.PUBLISHED
    intake = factory.LazyFunction(kernel.open_intake)
    published_at = factory.LazyAttribute(
        lambda role: timezone.now() if role.status == Role.Status.PUBLISHED else None
    )
