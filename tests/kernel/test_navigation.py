"""The menus per account type: each person sees her own way in, and only one link per place."""

import re

import pytest
from django.urls import reverse

from tests.factories.accounts import staff_with_mfa
from tests.factories.applicants import ready_profile
from tests.factories.companies import CompanyMembershipFactory

pytestmark = pytest.mark.django_db

APPLICANT_PAGES = [
    "applicants:dashboard",
    "applicants:profile",
    "applicants:qualifications",
    "applicants:consents",
    "applicants:documents",
    "applicants:allowance",
]
PUBLIC_PAGES = ["home", "courses:catalogue", "companies:list", "matching:role-list"]
LINK = re.compile(r'<a\b[^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.DOTALL)


def links(html: str) -> list[tuple[str, str]]:
    return [(href, re.sub(r"<[^>]+>|\s+", " ", text).strip()) for href, text in LINK.findall(html)]


def page_links(client, name: str) -> list[tuple[str, str]]:
    response = client.get(reverse(name))
    assert response.status_code == 200, name
    return links(response.content.decode())


@pytest.mark.parametrize("name", APPLICANT_PAGES + PUBLIC_PAGES)
def test_an_applicant_has_one_profile_link_at_most(client, name):
    client.force_login(ready_profile().user)
    profile = reverse("applicants:profile")
    found = [text for href, text in page_links(client, name) if href == profile]
    expected = 1 if name in APPLICANT_PAGES else 0
    assert len(found) == expected, found


def test_an_applicant_finds_the_internship_roles_in_her_menu(client):
    client.force_login(ready_profile().user)
    found = page_links(client, "applicants:dashboard")
    assert (reverse("matching:role-list"), "인턴십 지원") in found


@pytest.mark.parametrize("name", ["companies:dashboard", *PUBLIC_PAGES])
def test_a_company_user_sees_no_applicant_link(client, name):
    client.force_login(CompanyMembershipFactory().user)
    found = page_links(client, name)
    assert not [text for _href, text in found if "인턴십 지원" in text]
    applicant_urls = {reverse(page) for page in APPLICANT_PAGES}
    assert not [href for href, _text in found if href in applicant_urls]
    assert (reverse("dashboard"), "내 화면") in found


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_anonymous_visitors_and_staff_see_no_personal_menu(client, name):
    applicant_urls = {reverse(page) for page in APPLICANT_PAGES}
    for who in (None, staff_with_mfa()):
        if who:
            client.force_login(who)
        found = page_links(client, name)
        assert not [href for href, _text in found if href in applicant_urls]
        assert not [text for _href, text in found if "인턴십 지원" in text]
