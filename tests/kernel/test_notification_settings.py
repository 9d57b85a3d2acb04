"""알림 설정: each person chooses her channels (e-mail always; texts where the portal sends them)
and her language; bad input is refused with a Korean sentence and nothing changes."""

import pytest
from django.urls import reverse

from tests.factories.accounts import ApplicantUserFactory, CompanyUserFactory

pytestmark = pytest.mark.django_db

URL = reverse("notification-settings")


@pytest.mark.parametrize("factory", [ApplicantUserFactory, CompanyUserFactory])
def test_she_chooses_texts_and_english_and_it_is_kept(client, factory):
    user = factory()
    client.force_login(user)

    page = client.get(URL)
    assert page.status_code == 200
    assert f"언제나 <strong>{user.email}</strong>(으)로 이메일을 보냅니다" in page.text
    response = client.post(
        URL,
        {
            "language": "en",
            "notify_by_sms": "on",
            "notify_by_alimtalk": "on",
            "notification_phone": "010-4821-7793",
        },
        follow=True,
    )

    assert "알림 설정을 저장했습니다. 다음 알림부터" in response.text
    user.refresh_from_db()
    assert (user.language, user.notify_by_sms, user.notify_by_alimtalk) == ("en", True, True)
    assert user.notification_phone == "+821048217793"  # stored E.164
    assert 'value="010-4821-7793"' in client.get(URL).text  # shown as people write it


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("", "문자·알림톡을 받을 휴대전화 번호를 입력해 주세요."),
        ("02-123-4567", "휴대전화 번호를 010-1234-5678처럼 입력해 주세요"),
        ("010-12", "휴대전화 번호를 010-1234-5678처럼 입력해 주세요"),
    ],
)
def test_a_text_channel_needs_a_mobile_number(client, phone, message):
    user = ApplicantUserFactory()
    client.force_login(user)

    response = client.post(
        URL, {"language": "en", "notify_by_sms": "on", "notification_phone": phone}
    )

    assert response.status_code == 200
    assert message in response.text
    user.refresh_from_db()
    assert (user.language, user.notify_by_sms, user.notification_phone) == ("ko", False, "")


def test_without_a_text_provider_the_page_offers_e_mail_only(client, settings):
    settings.SMS_BACKEND = ""
    user = ApplicantUserFactory()
    client.force_login(user)

    page = client.get(URL)

    assert "이 포털은 지금 이메일로만 알림을 보냅니다." in page.text
    assert "notify_by_sms" not in page.text and "notification_phone" not in page.text
    client.post(URL, {"language": "en", "notify_by_sms": "on", "notification_phone": "01012345678"})
    user.refresh_from_db()
    assert (user.language, user.notify_by_sms, user.notification_phone) == ("en", False, "")


def test_a_language_that_is_not_ours_is_refused(client):
    user = ApplicantUserFactory()
    client.force_login(user)
    response = client.post(URL, {"language": "xx"})
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.language == "ko"


def test_the_header_links_to_the_settings(client):
    client.force_login(ApplicantUserFactory())
    assert f'href="{URL}"' in client.get(reverse("home")).text
