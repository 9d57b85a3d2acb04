"""알림 설정 in a real browser, in Korean and English: she adds text messages, a wrong number
is refused at the field, the right one is kept; axe finds nothing serious on either page."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_serious_axe_violations, login_as
from tests.factories.accounts import ApplicantUserFactory, CompanyUserFactory

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {
    "ko": {
        "title": "알림 설정",
        "sms": "문자(SMS)로도 받기",
        "phone": "알림 받을 휴대전화",
        "english": "English",
        "save": "알림 설정 저장",
        "wrong": "휴대전화 번호를 010-1234-5678처럼 입력해 주세요",
        "saved": "알림 설정을 저장했습니다.",
    },
    "en": {
        "title": "Notification settings",
        "sms": "Also by text message (SMS)",
        "phone": "Mobile number for notifications",
        "english": "English",
        "save": "Save notification settings",
        "wrong": "Enter a mobile number such as 010-1234-5678",
        "saved": "Notification settings saved.",
    },
}


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("factory", [ApplicantUserFactory, CompanyUserFactory])
def test_she_adds_text_messages_on_the_settings_page(page, live_server, language, factory):
    user = factory()
    login_as(page, user)
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    words = WORDS[language]

    page.goto("/")
    page.get_by_role("link", name=words["title"]).click()
    expect(page.get_by_role("heading", name=words["title"])).to_be_visible()
    assert_no_serious_axe_violations(page)

    page.get_by_label(words["sms"]).check()
    page.get_by_label(words["phone"]).fill("02-123-4567")
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_text(words["wrong"])).to_be_visible()
    assert_no_serious_axe_violations(page)

    page.get_by_label(words["english"], exact=True).check()
    page.get_by_label(words["phone"]).fill("010-4821-7793")
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_text(words["saved"])).to_be_visible()
    expect(page.get_by_label(words["phone"])).to_have_value("010-4821-7793")
    assert_no_serious_axe_violations(page)
    user.refresh_from_db()
    assert (user.language, user.notify_by_sms, user.notification_phone) == (
        "en",
        True,
        "+821048217793",
    )
