"""A job-centre counsellor registers a woman, records her consent, fills her profile and applies
to a course for her; the woman claims her account from the e-mailed link and sees the
application labelled "상담사 ○○○ 대리 제출". A woman invited by mobile number claims hers from
the texted link, in Korean and in English. The counsellor pages pass axe in both languages."""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from courses.models import CounsellingClient
from tests.e2e import journeys
from tests.e2e.conftest import assert_no_serious_axe_violations, login_as
from tests.factories.courses import (
    CounsellingClientFactory,
    CounsellingSessionFactory,
    CourseFactory,
    JobCentreFactory,
    counsellor,
)
from womenup.models import OutboxMessage
from womenup.notifications import outbox, sms

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "자바스크립트 프론트엔드 입문 3기"
EMAIL = "yujin@example.kr"
PASSWORD = "Strong-claim-2024-pw"


def claim_path() -> str:
    message = OutboxMessage.objects.filter(template="courses/email/client_claim").latest("pk")
    return re.sub(r"^https?://[^/]+", "", message.context["link"])


def test_a_counsellor_applies_for_her_and_she_sees_it_labelled(page, browser, live_server):
    centre = JobCentreFactory(name="중부여성새로일하기센터")
    me = counsellor(centre, last_name="김", first_name="하늘")
    CourseFactory(title=TITLE)
    login_as(page, me)
    expect(page.get_by_test_id("client-list")).to_be_visible()

    page.get_by_role("link", name="참여자 등록").click()
    form = page.get_by_test_id("client-form")
    form.get_by_label("이름").fill("최유진")
    form.get_by_label("이메일").fill(EMAIL)
    page.get_by_role("button", name="등록하고 연결 링크 보내기").click()
    expect(page.get_by_text("최유진님을 등록하고 계정 연결 링크를")).to_be_visible()
    expect(page.get_by_test_id("client-detail")).to_have_text("최유진")

    consent = page.get_by_test_id("consent-form")
    consent.get_by_label("대면").check()
    consent.get_by_label(re.compile("본인이 동의했습니다")).check()
    page.get_by_role("button", name="대리 신청 동의 기록").click()
    expect(page.get_by_test_id("proxy-consent")).to_contain_text("대면")

    page.get_by_role("link", name="프로필 입력").click()
    page.get_by_label("생년월일").fill("1984-09-03")
    page.get_by_label("휴대전화").fill("010-3456-7890")
    page.get_by_label("성별").select_option(label="여성")
    page.get_by_label("거주 도시").select_option(label="서울특별시")
    page.get_by_label("거주 자치구").select_option(label="서울특별시 마포구")
    page.get_by_label("취업 상태").select_option(label="미취업")
    page.get_by_label("근무 경험 없음").check()
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_text("프로필을 대신 저장했습니다.")).to_be_visible()

    page.get_by_role("link", name="교육과정 대리 신청").click()
    page.get_by_label("교육과정").select_option(label=TITLE)
    page.get_by_label("지원 동기").fill("상담에서 프론트엔드 개발을 배우고 싶다고 하셨습니다.")
    page.get_by_role("button", name="대신 제출하기").click()
    expect(page.get_by_text("교육과정 신청서를 대신 제출했습니다.")).to_be_visible()
    expect(page.get_by_test_id("courses-section")).to_contain_text("상담사 김하늘 대리 제출")

    her = browser.new_context(base_url=live_server.url, locale="ko-KR")
    woman = her.new_page()
    assert woman.goto(claim_path()).status == 200
    woman.get_by_role("textbox", name="새 비밀번호*", exact=True).fill(PASSWORD)
    woman.get_by_label("새 비밀번호 (확인)").fill(PASSWORD)
    assert_no_serious_axe_violations(woman)
    woman.get_by_role("button", name="비밀번호 정하고 연결하기").click()
    expect(woman.get_by_test_id("applicant-dashboard")).to_be_visible()
    section = woman.get_by_test_id("courses-section")
    expect(section).to_contain_text(TITLE)
    expect(section.get_by_test_id("on-behalf")).to_have_text("상담사 김하늘 대리 제출")
    expect(woman.get_by_test_id("her-proxy-consent")).to_contain_text("대면")
    assert_no_serious_axe_violations(woman)
    her.close()
    assert CounsellingClient.objects.get().claimed_at is not None


def texted_claim_path() -> str:
    """The claim link in the text message the locmem SMS backend received."""
    outbox.outbox_deliver_pending()
    assert sms.outbox, "no text message was sent"
    return re.search(r"https?://\S+?(/claim/\S+/)", sms.outbox[-1].text).group(1)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_invited_by_phone_she_claims_her_account_from_the_texted_link(
    page, browser, live_server, language
):
    centre = JobCentreFactory(name="중부여성새로일하기센터", name_en="Jung-gu Women's Job Centre")
    me = counsellor(centre, last_name="김", first_name="하늘")
    use(page, live_server, me, language)
    page.goto("/centre/clients/new/")
    form = page.get_by_test_id("client-form")
    form.locator("#id_name").fill("최유진")
    form.locator("#id_phone").fill("010-3456-7890")
    form.locator("button[type=submit]").click()
    expect(page.get_by_test_id("client-detail")).to_have_text("최유진")
    expect(page.get_by_test_id("claim-by-sms")).to_contain_text("010-3456-7890")
    assert_no_serious_axe_violations(page)

    her = browser.new_context(base_url=live_server.url, locale="ko-KR")
    her.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    woman = her.new_page()
    assert woman.goto(texted_claim_path()).status == 200
    assert sms.outbox[-1].to == "+821034567890"
    assert woman.locator("html").get_attribute("lang") == language
    claim = woman.get_by_test_id("claim-form")
    claim.locator("#id_email").fill(EMAIL)
    claim.locator("#id_new_password1").fill(journeys.PASSWORD)
    claim.locator("#id_new_password2").fill(journeys.PASSWORD)
    assert_no_serious_axe_violations(woman)
    claim.locator("button[type=submit]").click()
    expect(woman).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    journeys.confirm_and_log_in(woman, EMAIL, lang=language)
    expect(woman.get_by_test_id("applicant-dashboard")).to_be_visible()
    expect(woman.get_by_test_id("counselling-section")).to_be_visible()
    assert_no_serious_axe_violations(woman)
    her.close()
    client = CounsellingClient.objects.get()
    assert client.claimed_at is not None and client.profile.user.email == EMAIL


def use(page, live_server, user, language: str) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            },
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url},
        ]
    )


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_counsellor_pages_pass_axe(page, live_server, language):
    from applicants.models import ProxyConsent
    from applicants.services import proxy_consent_record
    from courses import services
    from tests.factories.applicants import ApplicantProfileFactory, ready_profile

    centre = JobCentreFactory()
    me = counsellor(centre)
    target = CounsellingClientFactory(centre=centre, profile=ready_profile())
    proxy_consent_record(profile=target.profile, counsellor=me, method=ProxyConsent.Method.PHONE)
    services.counselling_note_add(client=target, author=me, body="첫 상담")
    session = CounsellingSessionFactory(centre=centre)
    sign_up = services.counselling_sign_up(session=session, client=target, actor=me)
    CounsellingSessionFactory(centre=centre, title="열린 집단상담")  # she can still join it
    elsewhere = JobCentreFactory()
    services.client_request_send(  # a request waiting on her dashboard
        centre=elsewhere,
        counsellor=counsellor(elsewhere),
        user=target.profile.user,
        name="",
        contact=target.profile.user.email,
    )
    waiting = ApplicantProfileFactory().user  # a request waiting on the counsellor's list
    services.client_request_send(
        centre=centre, counsellor=me, user=waiting, name="박지은", contact=waiting.email
    )
    use(page, live_server, me, language)
    pages = [
        "/centre/clients/",
        "/centre/clients/new/",
        f"/centre/clients/{target.pk}/",
        f"/centre/clients/{target.pk}/profile/",
        f"/centre/clients/{target.pk}/documents/",
        f"/centre/clients/{target.pk}/course/",
        f"/centre/clients/{target.pk}/allowance/",
        f"/centre/clients/{target.pk}/internship/",
        "/centre/sessions/",
        f"/centre/sessions/{session.pk}/",
    ]
    for path in pages:
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_no_serious_axe_violations(page)
    page.context.clear_cookies()
    use(page, live_server, target.profile.user, language)
    for path in [
        "/me/",
        "/me/proxy-consent/withdraw/",
        f"/me/counselling/sign-ups/{sign_up.pk}/cancel/",
    ]:
        assert page.goto(path).status == 200, path
        assert_no_serious_axe_violations(page)
