"""The demo companies are valid, eligible and recruiting."""

import pytest
from django.utils import timezone

from companies import demo
from companies.business_number import is_valid
from companies.eligibility import company_ineligibility_reasons, facts_of
from companies.models import Company, Role
from womenup import demo as kernel_demo

pytestmark = pytest.mark.django_db


def test_demo_companies_load_twice_and_are_valid():
    today = timezone.localdate()
    kernel_demo.load(today=today)
    demo.load(today=today)
    logins = demo.load(today=today)
    assert len(logins) == Company.objects.count() == len(demo.DEMO_COMPANIES)
    for company in Company.objects.select_related("district__city"):
        assert is_valid(company.business_number)
        facts = facts_of(
            district=company.district,
            regular_employees=company.regular_employees,
            is_sme=company.is_sme,
        )
        assert company_ineligibility_reasons(facts) == []
    assert Role.objects.filter(status=Role.Status.PUBLISHED, intake__isnull=False).count() == 3
