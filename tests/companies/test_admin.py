"""City staff verify companies and decide incentive claims in admin, through the services."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from companies.models import Company
from matching.models import IncentiveClaim
from tests.factories.companies import CompanyFactory
from tests.factories.matching import (
    CandidateEvaluationFactory,
    HireConfirmationFactory,
    IncentiveClaimFactory,
)
from womenup.models import PersonalDataAccess

pytestmark = pytest.mark.django_db


def run_action(client, model: str, action: str, pk: int, *, app="companies", **extra):
    url = reverse(f"admin:{app}_{model}_changelist")
    return client.post(url, {"action": action, ACTION_CHECKBOX_NAME: [pk], **extra}, follow=True)


def test_staff_verify_a_pending_company(client, staff):
    company = CompanyFactory(status=Company.Status.PENDING)
    run_action(client, "company", "verify", company.pk)
    company.refresh_from_db()
    assert company.status == Company.Status.VERIFIED


def test_rejection_asks_for_a_reason_first(client, staff):
    company = CompanyFactory(status=Company.Status.PENDING)
    page = run_action(client, "company", "reject", company.pk)
    assert "사유" in page.content.decode()
    company.refresh_from_db()
    assert company.status == Company.Status.PENDING
    run_action(client, "company", "reject", company.pk, apply="1", reason="서울 외 소재")
    company.refresh_from_db()
    assert (company.status, company.rejection_reason) == ("rejected", "서울 외 소재")


def test_staff_approve_an_incentive_claim_once(client, staff):
    claim = IncentiveClaimFactory()
    run_action(client, "incentiveclaim", "approve", claim.pk, app="matching")
    claim.refresh_from_db()
    assert (claim.status, claim.decided_by) == (IncentiveClaim.Status.APPROVED, staff)
    page = run_action(
        client, "incentiveclaim", "reject", claim.pk, app="matching", apply="1", reason="다시"
    )
    assert "처리된 신청은 바꿀 수 없습니다" in page.content.decode()
    claim.refresh_from_db()
    assert claim.status == IncentiveClaim.Status.APPROVED


def test_opening_an_interview_record_is_logged(client, staff):
    evaluation = CandidateEvaluationFactory()
    url = reverse("admin:matching_candidateevaluation_change", args=[evaluation.pk])
    assert client.get(url).status_code == 200
    access = PersonalDataAccess.objects.get(actor=staff)
    assert access.subject == evaluation.application.applicant.user


def test_downloading_a_hire_proof_is_logged(client, staff):
    hire = HireConfirmationFactory()
    response = client.get(reverse("matching:hire-proof", args=[hire.pk]))
    assert response.status_code == 200
    access = PersonalDataAccess.objects.get(actor=staff, action="download")
    assert access.subject == hire.placement.application.applicant.user
