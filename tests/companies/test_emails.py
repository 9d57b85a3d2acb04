"""The companies app's e-mails, queued by its services and read as their members receive them."""

import pytest

from companies import services
from tests.factories.accounts import StaffUserFactory
from tests.factories.companies import CompanyMembershipFactory
from tests.mail import sent_to

pytestmark = pytest.mark.django_db


def test_a_verified_company_is_told_in_each_members_own_language():
    korean = CompanyMembershipFactory(company__status="pending", company__name="우먼업 & 파트너스")
    english = CompanyMembershipFactory(company=korean.company, user__language="en", is_owner=False)

    services.company_verify(company=korean.company, staff=StaffUserFactory())

    [in_korean] = sent_to(korean.user.email)
    assert in_korean.subject == "[서울우먼업] 참여기업 승인 안내"
    assert "우먼업 & 파트너스 의 참여기업 등록이 승인되었습니다." in in_korean.body  # not &amp;
    [in_english] = sent_to(english.user.email)
    assert in_english.subject == "[Seoul WomanUp] Your company has been approved"
    assert "우먼업 & 파트너스 has been approved as a participating company." in in_english.body


def test_a_rejected_company_reads_the_reason():
    member = CompanyMembershipFactory(company__status="pending")

    services.company_reject(
        company=member.company, staff=StaffUserFactory(), reason="사업자등록증이 흐립니다."
    )

    [message] = sent_to(member.user.email)
    assert message.subject == "[서울우먼업] 참여기업 등록 반려 안내"
    assert f"{member.company.name} 의 참여기업 등록이 반려되었습니다.\n" in message.body
    assert "사유: 사업자등록증이 흐립니다." in message.body


def test_an_invited_colleague_gets_the_link_on_its_own_line():
    owner = CompanyMembershipFactory()

    invitation = services.invitation_create(
        company=owner.company,
        invited_by=owner.user,
        email="colleague@company.example.kr",
        site_url="https://portal.example.kr",
    )

    [message] = sent_to("colleague@company.example.kr")
    assert message.subject == f"[서울우먼업] {owner.company.name} 담당자로 초대되었습니다"
    assert (
        f"{owner.user.email} 님이 서울우먼업 포털의 {owner.company.name} 담당자로" in message.body
    )
    link = f"https://portal.example.kr/company/invitations/{invitation.token}/"
    assert f"\n\n{link}\n" in message.body  # on a line of its own
