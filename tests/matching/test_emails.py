"""The matching app's e-mails, queued by its services and the weekly batch, read as received.

The application and interview-schedule e-mails are read in ``test_applications.py`` and
``test_interviews_and_hires.py``, next to the services that send them.
"""

import pytest

from matching import services
from matching.models import InterviewInvitation, Placement
from tests.factories.accounts import StaffUserFactory
from tests.factories.companies import CompanyMembershipFactory
from tests.factories.matching import IncentiveClaimFactory
from tests.mail import sent_to
from tests.matching.test_batch import _factor, run, world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_an_approved_incentive_claim_tells_the_company_the_amount():
    claim = IncentiveClaimFactory()
    member = CompanyMembershipFactory(company=claim.company)

    services.incentive_claim_approve(claim=claim, staff=StaffUserFactory())

    [message] = sent_to(member.user.email)
    assert message.subject == "[서울우먼업] 고용장려금 승인 안내"
    assert "고용장려금 3,000,000원 신청이 승인되었습니다." in message.body


def test_a_rejected_incentive_claim_gives_the_reason_in_english_to_an_english_reader():
    claim = IncentiveClaimFactory()
    member = CompanyMembershipFactory(company=claim.company, user__language="en")

    services.incentive_claim_reject(claim=claim, staff=StaffUserFactory(), reason="증빙 누락")

    [message] = sent_to(member.user.email)
    assert message.subject == "[Seoul WomanUp] Your employment incentive claim was not approved"
    assert message.body.startswith("Hello from Seoul WomanUp.\n\n")
    assert (
        "\nYour employment incentive claim was not approved.\nReason: 증빙 누락\n" in message.body
    )


def test_the_weekly_batch_writes_each_message_in_its_readers_language():
    first, second, applications = world(size=6)
    english_company = CompanyMembershipFactory(
        company=first.company, user__language="en", is_owner=False
    )

    run()

    invitation = InterviewInvitation.objects.select_related("role__company").first()
    invited = [
        m
        for m in sent_to(invitation.application.applicant.user.email)
        if m.subject == "[서울우먼업] 면접 제안이 도착했습니다"
    ]
    role = invitation.role
    assert any(
        f"{role.company.name}의 {role.title} 직무에서 면접을 제안했습니다." in m.body
        for m in invited
    )
    placement = Placement.objects.select_related("role__company").first()
    [matched] = [
        m
        for m in sent_to(placement.application.applicant.user.email)
        if m.subject == "[서울우먼업] 인턴십 매칭이 확정되었습니다"
    ]
    assert f"{placement.role.company.name}의 {placement.role.title} 직무와 매칭되었습니다." in (
        matched.body
    )
    invited_count = InterviewInvitation.objects.filter(role__company=first.company).count()
    matched_count = Placement.objects.filter(role__company=first.company).count()
    [summary] = sent_to(english_company.user.email)
    assert summary.subject == (
        "[Seoul WomanUp] This week's interview candidates and matching results"
    )
    assert (
        f"This week you have {invited_count} new interview candidate(s) and {matched_count} "
        "confirmed match(es)."
    ) in summary.body
    [korean_summary] = sent_to(first.company.memberships.get(is_owner=True).user.email)
    assert korean_summary.subject == "[서울우먼업] 이번 주 면접 후보와 매칭 결과"
    assert (
        f"이번 주 새 면접 후보 {invited_count}명, 매칭 확정 {matched_count}명입니다."
        in korean_summary.body
    )
