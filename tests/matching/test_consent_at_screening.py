"""An applicant who withdrew the provision consent is failed by the weekly batch's screening:
no company is told of her, and her dashboard says why and what to do."""

import pytest
from django.urls import reverse

from applicants.services import consent_give, consent_withdraw
from matching.batch import weekly_batch_run
from matching.models import InterviewInvitation, ScreeningResult
from tests.factories.companies import CompanyMembershipFactory, RoleFactory
from tests.mail import sent_to
from tests.matching.batch_data import NEXT_WEEK, WEEK, application_for
from womenup.models import OutboxMessage

pytestmark = pytest.mark.django_db

REASON = "기업에 개인정보 제공 동의(매칭 필수)가 철회되어 있어 기업에 추천할 수 없습니다."


@pytest.fixture(autouse=True)
def _factor(settings):
    settings.MATCHING_INTERVIEW_FACTOR = 2


def test_a_withdrawn_provision_consent_fails_screening_and_reaches_no_company(client):
    role = RoleFactory(seats=1)
    member = CompanyMembershipFactory(company=role.company)
    consenting = application_for(roles=[role], minutes=0)
    withdrawn = application_for(roles=[role], minutes=1)
    consent_withdraw(profile=withdrawn.applicant, item="provision")

    weekly_batch_run(week=WEEK, triggered_by="test")

    result = ScreeningResult.objects.get(application=withdrawn)
    assert result.outcome == ScreeningResult.Outcome.FAIL
    assert result.reasons[0] == {"code": "consent.fail", "params": {"item": "provision"}}
    assert ScreeningResult.objects.get(application=consenting).outcome == "pass"
    assert list(InterviewInvitation.objects.values_list("application_id", flat=True)) == [
        consenting.pk
    ]
    [to_company] = sent_to(member.user.email)
    assert "새 면접 후보 1명" in to_company.body
    assert not OutboxMessage.objects.filter(
        recipient=withdrawn.applicant.user, dedupe_key__contains=":invited:"
    ).exists()

    client.force_login(withdrawn.applicant.user)
    page = client.get(reverse("applicants:dashboard")).content.decode()
    assert REASON in page
    assert "화면에서 다시 동의하면 다음 주 매칭부터" in page
    assert reverse("applicants:consents") in page

    consent_give(profile=withdrawn.applicant, item="provision")
    weekly_batch_run(week=NEXT_WEEK, triggered_by="test")
    assert ScreeningResult.objects.get(application=withdrawn).outcome == "pass"


def test_a_staff_pass_does_not_put_her_before_a_company_without_the_consent():
    from matching.screening import passed_applications

    role = RoleFactory(seats=1)
    application = application_for(roles=[role])
    weekly_batch_run(week=WEEK, triggered_by="test")
    consent_withdraw(profile=application.applicant, item="provision")
    ScreeningResult.objects.filter(application=application).update(
        override_outcome="pass", override_reason="담당자 확인"
    )
    assert not passed_applications().filter(pk=application.pk).exists()
