"""Listing and dashboard pages run a fixed number of queries whatever the data size."""

import pytest
from django.urls import reverse

from matching import selectors as matching_selectors
from matching import services
from tests.factories import kernel
from tests.factories.applicants import CertificateFactory, DocumentFactory, ready_profile
from tests.factories.companies import (
    CompanyFactory,
    CompanyMembershipFactory,
    RoleFactory,
)
from tests.factories.matching import (
    ApplicationChoiceFactory,
    IncentiveClaimFactory,
    InternshipApplicationFactory,
    InterviewInvitationFactory,
    PlacementFactory,
)

pytestmark = pytest.mark.django_db

SIZES = [1, 6]

# Exact counts, the same for both sizes: they include session, user, membership, menu and the
# filter form's option lists, but never one query per company, role or candidate.
PUBLIC_LIST_QUERIES = 4  # menu, the district options, count, page
PUBLIC_DETAIL_QUERIES = 3
# the role; the menu is a cached fragment by then (the role list's counts:
# tests/matching/test_role_list.py)
PUBLIC_ROLE_QUERIES = 1
DASHBOARD_QUERIES = 17  # the candidate cards (interns' shared names) and the checklist (2)
ROLE_MANAGE_QUERIES = 18  # the cards include courses completed here (one query); the count
ROLE_RANKING_QUERIES = 13  # as above, and the menu is a cached fragment by then


def public_data(size: int) -> None:
    for index in range(size):
        company = CompanyFactory(is_innobiz=index % 2 == 0, is_venture=True)
        for _ in range(2):
            RoleFactory(company=company)


def candidates(role, size: int) -> None:
    for _ in range(size):
        profile = ready_profile()
        CertificateFactory(profile=profile)
        DocumentFactory(profile=profile)
        application = InternshipApplicationFactory(applicant=profile)
        ApplicationChoiceFactory(application=application, role=role)
        InterviewInvitationFactory(application=application, role=role)
        services.evaluation_record_result(role=role, application_id=application.pk, result="pass")


@pytest.mark.parametrize("size", SIZES)
def test_public_company_list(client, django_assert_num_queries, size):
    public_data(size)
    with django_assert_num_queries(PUBLIC_LIST_QUERIES):
        response = client.get(reverse("companies:list"), {"badge": "venture", "q": "테스트"})
    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_public_details(client, django_assert_num_queries, size):
    public_data(size)
    role = RoleFactory()
    for _ in range(size):
        RoleFactory(company=role.company)
    with django_assert_num_queries(PUBLIC_DETAIL_QUERIES):
        assert client.get(reverse("companies:detail", args=[role.company_id])).status_code == 200
    with django_assert_num_queries(PUBLIC_ROLE_QUERIES):
        assert client.get(reverse("matching:role-detail", args=[role.pk])).status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_dashboard(client, django_assert_num_queries, size):
    member = CompanyMembershipFactory()
    client.force_login(member.user)
    for _ in range(size):
        role = RoleFactory(company=member.company)
        candidates(role, 2)
        placement = PlacementFactory(role=role, application__applicant=ready_profile())
        IncentiveClaimFactory(hire__placement=placement)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("companies:dashboard"))
    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_role_candidates_page(client, django_assert_num_queries, size):
    member = CompanyMembershipFactory()
    client.force_login(member.user)
    role = RoleFactory(company=member.company)
    candidates(role, size)
    with django_assert_num_queries(ROLE_MANAGE_QUERIES):
        response = client.get(reverse("companies:role-manage", args=[role.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("합격") >= size
    with django_assert_num_queries(ROLE_RANKING_QUERIES):
        assert client.get(reverse("matching:role-ranking", args=[role.pk])).status_code == 200


def test_role_candidates_page_shows_one_page_of_many(
    client, django_assert_num_queries, monkeypatch
):
    """A popular role has thousands of candidates: the page shows one page and the total."""
    monkeypatch.setattr(matching_selectors, "CANDIDATES_PER_PAGE", 2)
    member = CompanyMembershipFactory()
    client.force_login(member.user)
    role = RoleFactory(company=member.company)
    candidates(role, 5)
    url = reverse("companies:role-manage", args=[role.pk])
    with django_assert_num_queries(ROLE_MANAGE_QUERIES):
        first = client.get(url).content.decode()
    assert first.count('class="card mb-2"') == 2
    assert "모두 5명입니다." in first and "1 / 3" in first
    last = client.get(url, {"page": 3}).content.decode()
    assert last.count('class="card mb-2"') == 1 and "3 / 3" in last


COMPANY_ADMIN_LIST_QUERIES = 9  # session, user, TOTP ×3, count, total count, page, access log


@pytest.mark.parametrize("size", SIZES)
def test_company_admin_list(staff_client, django_assert_num_queries, size):
    for index in range(size):
        CompanyFactory(district=kernel.district("gangnam" if index % 2 else "mapo"))
    with django_assert_num_queries(COMPANY_ADMIN_LIST_QUERIES):
        response = staff_client.get(reverse("admin:companies_company_changelist"))
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == size
