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
    companies = Company.objects.exclude(roles__track=Role.Track.PUBLIC_PROJECT).distinct()
    assert len(logins) == companies.count() == len(demo.DEMO_COMPANIES)
    for company in companies.select_related("district__city"):
        assert is_valid(company.business_number)
        facts = facts_of(
            district=company.district,
            regular_employees=company.regular_employees,
            is_sme=company.is_sme,
        )
        assert company_ineligibility_reasons(facts) == []
    internships = Role.objects.exclude(track=Role.Track.PUBLIC_PROJECT)
    assert internships.filter(status=Role.Status.PUBLISHED).count() == 3


def test_demo_has_the_citys_own_public_projects():
    today = timezone.localdate()
    kernel_demo.load(today=today)
    demo.load(today=today)
    demo.load(today=today)
    projects = Role.objects.filter(track=Role.Track.PUBLIC_PROJECT, status=Role.Status.PUBLISHED)
    assert sorted(projects.values_list("title", "seats", "intake__program__code")) == [
        ("공원·하천 환경 정비", 30, "gm-0123-jobs"),
        ("작은도서관 운영 지원", 20, "gm-0123-jobs"),
    ]
    assert is_valid(projects.first().company.business_number)
