"""The company dashboard's checklist: 등록 → 승인 대기 → 직무 작성 → 게시 → 면접 → 순위 → 계약 →
채용 확인, each step read from the company's data, and what a save says comes next."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from companies.models import Company, Role
from tests.factories.accounts import CompanyUserFactory
from tests.factories.companies import CompanyMembershipFactory, RoleFactory
from tests.factories.matching import (
    CandidateEvaluationFactory,
    HireConfirmationFactory,
    InterviewInvitationFactory,
    PlacementFactory,
)

pytestmark = pytest.mark.django_db

KEYS = ["register", "verification", "role", "publish", "interview", "ranking", "contract", "hire"]


def dashboard(client):
    response = client.get(reverse("companies:dashboard"))
    assert response.status_code == 200
    return response


def current(client) -> str | None:
    step = dashboard(client).context["checklist"].current
    return step and step.key


def test_a_user_without_a_company_starts_with_registration(client):
    client.force_login(CompanyUserFactory())
    response = dashboard(client)
    checklist = response.context["checklist"]
    assert [step.key for step in checklist.steps][:4] == KEYS[:4]
    assert checklist.current.key == "register"
    page = response.content.decode()
    assert 'data-testid="checklist-step-register" data-done="false" aria-current="step"' in page
    assert "8단계" not in page and "4단계 중 0단계 완료" in page


def test_each_step_follows_the_data(client):
    member = CompanyMembershipFactory(company__status=Company.Status.PENDING)
    company = member.company
    client.force_login(member.user)
    response = dashboard(client)
    assert [step.key for step in response.context["checklist"].steps] == KEYS
    assert current(client) == "verification"
    assert "게시는 승인 후에 할 수 있습니다" in response.content.decode()

    Company.objects.filter(pk=company.pk).update(status=Company.Status.VERIFIED)
    assert current(client) == "role"
    draft = RoleFactory(company=company, status=Role.Status.DRAFT)
    step = dashboard(client).context["checklist"].current
    assert step.key == "publish" and step.url == reverse("companies:role-manage", args=[draft.pk])
    Role.objects.filter(pk=draft.pk).update(status=Role.Status.PUBLISHED)
    assert current(client) == "interview"

    invitation = InterviewInvitationFactory(role=draft, status="accepted")
    step = dashboard(client).context["checklist"].current
    assert step.url == reverse("companies:role-manage", args=[draft.pk])
    evaluation = CandidateEvaluationFactory(
        role=draft, application=invitation.application, interview_at=timezone.now()
    )
    assert current(client) == "ranking"
    evaluation.result, evaluation.rank = "pass", 1
    evaluation.save()
    assert current(client) == "contract"
    placement = PlacementFactory(role=draft, application=invitation.application)
    step = dashboard(client).context["checklist"].current
    assert step.url == reverse("matching:intern-contract", args=[placement.pk])
    placement.status, placement.contract_start = "contracted", date(2024, 7, 1)
    placement.save()
    step = dashboard(client).context["checklist"].current
    assert step.key == "hire"
    assert step.url == reverse("matching:intern-hire", args=[placement.pk])
    HireConfirmationFactory(placement=placement)
    response = dashboard(client)
    assert response.context["checklist"].complete
    assert "8단계 중 8단계 완료" in response.content.decode()


def test_a_rejected_company_is_sent_back_to_its_details(client):
    member = CompanyMembershipFactory(
        company__status=Company.Status.REJECTED, company__rejection_reason="서류 불일치"
    )
    client.force_login(member.user)
    step = dashboard(client).context["checklist"].current
    assert step.key == "verification" and step.url == reverse("companies:profile")


def test_saving_a_role_says_whether_people_see_it(client):
    member = CompanyMembershipFactory()
    client.force_login(member.user)
    draft = RoleFactory(company=member.company, status=Role.Status.DRAFT)
    response = client.post(reverse("companies:role-publish", args=[draft.pk]), follow=True)
    assert (
        "직무를 게시했습니다. 이제 참여자가 보고 지원할 수 있습니다." in response.content.decode()
    )
