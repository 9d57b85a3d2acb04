"""Whom a company may see (matching/visibility.py) and its candidates' document downloads."""

import pytest
from django.urls import reverse

from applicants.models import Consent
from matching import services
from matching.models import InternshipApplication
from matching.visibility import applications_visible_to_company, profiles_visible_to_company
from tests.factories.accounts import CompanyUserFactory
from tests.factories.applicants import DocumentFactory, ready_profile
from tests.factories.companies import CompanyMembershipFactory, RoleFactory
from tests.factories.matching import (
    ApplicationChoiceFactory,
    InternshipApplicationFactory,
    InterviewInvitationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    return CompanyMembershipFactory()


def _applied(company, *, status="submitted", invited=False):
    """An applicant with a document who chose (or, ``invited``, was invited to) a role of the
    company; returns (application, download url)."""
    profile = ready_profile()
    document = DocumentFactory(profile=profile)
    application = InternshipApplicationFactory(applicant=profile, status=status)
    role = RoleFactory(company=company.company)
    if invited:
        InterviewInvitationFactory(application=application, role=role)
    else:
        ApplicationChoiceFactory(application=application, role=role)
    return application, reverse("matching:candidate-document", args=[document.pk])


def test_a_company_downloads_the_files_of_an_applicant_who_chose_its_role(client, company):
    _application, url = _applied(company)
    client.force_login(company.user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_a_company_loses_the_files_of_an_applicant_who_withdrew(client, company):
    application, url = _applied(company)
    client.force_login(company.user)
    assert client.get(url).status_code == 200
    services.application_withdraw(application=application)
    assert client.get(url).status_code == 404


def test_an_invitation_to_a_withdrawn_application_shows_nothing(client, company):
    application, url = _applied(company, status="screened", invited=True)
    client.force_login(company.user)
    assert client.get(url).status_code == 200
    InternshipApplication.objects.filter(pk=application.pk).update(status="withdrawn")
    assert client.get(url).status_code == 404
    assert not profiles_visible_to_company(company.company).exists()


def test_a_draft_application_shares_nothing(client, company):
    _application, url = _applied(company, status="draft")
    client.force_login(company.user)
    assert client.get(url).status_code == 404


def test_withdrawing_the_provision_consent_hides_her_files(client, company):
    application, url = _applied(company)
    client.force_login(company.user)
    Consent.objects.filter(profile=application.applicant, item="provision").update(
        withdrawn_at="2024-01-01T00:00Z"
    )
    assert client.get(url).status_code == 404


def test_other_companies_get_404_and_other_accounts_403(client, company):
    _application, url = _applied(company)
    client.force_login(CompanyMembershipFactory().user)
    assert client.get(url).status_code == 404
    client.force_login(CompanyUserFactory())  # no company registered yet
    assert client.get(url).status_code == 302
    client.force_login(ready_profile().user)
    assert client.get(url).status_code == 403


def test_one_rule_for_applications_and_profiles(company):
    chose, _ = _applied(company)
    invited, _ = _applied(company, status="screened", invited=True)
    _applied(company, status="withdrawn")
    _applied(company, status="draft")
    _applied(CompanyMembershipFactory())
    assert set(applications_visible_to_company(company.company)) == {chose, invited}
    visible = profiles_visible_to_company(company.company)
    assert set(visible.values_list("applicant_id", flat=True)) == {
        chose.applicant_id,
        invited.applicant_id,
    }
    role = invited.invitations.get().role
    assert list(applications_visible_to_company(company.company, role=role)) == [invited]
