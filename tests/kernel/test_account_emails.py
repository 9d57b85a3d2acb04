"""Account e-mails (allauth's confirmation, reset, code and change notices) and the apps'
notifications, as people receive them: the portal's name, not the host; every link on a line
of its own and working; a plain-text and an HTML part; in the recipient's language."""

import re
from pathlib import Path

import pytest
from allauth.account.adapter import get_adapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories.accounts import ApplicantUserFactory
from womenup.models import OutboxMessage
from womenup.notifications.mail import email_build
from womenup.notifications.outbox import outbox_message_render

pytestmark = pytest.mark.django_db

URL = re.compile(r"https?://\S+")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
GREETING = {"ko": "안녕하세요, 서울우먼업입니다.", "en": "Hello from Seoul WomanUp."}
PREFIX = {"ko": "[서울우먼업] ", "en": "[Seoul WomanUp] "}
PASSWORD = "Strong-passw0rd-2024"


def assert_readable(message, language: str) -> list[str]:
    """The checks every e-mail passes; returns its links."""
    assert message.subject.startswith(PREFIX[language]), message.subject
    assert message.body.startswith(GREETING[language]), message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert f'<html lang="{language}">' in html and GREETING[language] in html
    links = URL.findall(message.body)
    for link in links:
        line = next(line for line in message.body.splitlines() if link in line)
        assert line.strip() == link, f"link not on a line of its own: {line!r}"
        assert f'<a href="{link}"' in html
    text = URL.sub("", message.body)
    assert "testserver" not in text and "127.0.0.1" not in text  # the name, never the host
    return links


def in_language(client, language: str) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_sign_up_confirmation_names_the_portal_and_its_link_works(client, language):
    in_language(client, language)
    client.post(
        reverse("account_signup"),
        {
            "email": "new@example.kr",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "account_type": "applicant",
        },
    )

    [message] = mail.outbox
    [link] = assert_readable(message, language)
    assert "/accounts/confirm-email/" in link
    if language == "en":
        assert not HANGUL.search(message.body), message.body
    path = link.split("testserver", 1)[1]
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302  # confirmed


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_password_reset_mail_is_in_her_language_and_its_link_works(client, language):
    user = ApplicantUserFactory(language=language)
    in_language(client, "en" if language == "ko" else "ko")  # the visitor's page language differs

    client.post(reverse("account_reset_password"), {"email": user.email})

    [message] = mail.outbox
    [link] = assert_readable(message, language)
    assert "/accounts/password/reset/key/" in link
    response = client.get(link.split("testserver", 1)[1], follow=True)
    assert response.status_code == 200
    assert 'name="password1"' in response.text


def allauth_templates() -> list[str]:
    """Every account e-mail allauth can send (its templates and our overrides)."""
    import allauth

    roots = [Path(allauth.__file__).parent / "templates", Path(settings.BASE_DIR) / "templates"]
    found = set()
    for root in roots:
        for path in root.glob("*/email/*_message.txt"):
            found.add(str(path.relative_to(root)).removesuffix("_message.txt"))
    return sorted(found - {"account/email/base"})


SAMPLE = {
    "email": "her@example.kr",
    "activate_url": "https://portal.example.kr/accounts/confirm-email/KEY/",
    "password_reset_url": "https://portal.example.kr/accounts/password/reset/key/1-x/",
    "signup_url": "https://portal.example.kr/accounts/signup/",
    "code": "ABC-123",
    "from_email": "old@example.kr",
    "to_email": "new@example.kr",
    "deleted_email": "old@example.kr",
    "provider": "Kakao",
    "ip": "203.0.113.7",
    "user_agent": "Firefox",
}


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("template", allauth_templates())
def test_every_account_e_mail_is_readable_in_both_languages(template, language):
    user = ApplicantUserFactory(email="her@example.kr", language=language)
    request = RequestFactory().get("/", HTTP_HOST="portal.example.kr")
    request.user = user
    with allauth_context.request_context(request), translation.override(language):
        adapter = get_adapter(request)
        context = {
            **SAMPLE,
            "user": user,
            "request": request,
            "timestamp": timezone.now(),
            "current_site": None,
        }
        message = adapter.render_mail(template, user.email, context)
    assert_readable(message, language)
    if language == "en":
        assert not HANGUL.search(message.subject + message.body), message.body


def notification_templates() -> list[str]:
    """Every notification template pair of the apps (``<app>/templates/<app>/email/``)."""
    base = Path(settings.BASE_DIR)
    return sorted(
        str(path.relative_to(path.parents[2])).removesuffix("_subject.txt")
        for path in base.glob("*/templates/*/email/*_subject.txt")
    )


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("template", notification_templates())
def test_every_notification_is_readable_in_both_languages(template, language):
    """Rendered as the worker renders it, with a value for every name the template uses."""
    user = ApplicantUserFactory(language=language)
    source = "".join(
        Path(
            settings.BASE_DIR, template.split("/")[0], "templates", f"{template}{part}"
        ).read_text()
        for part in ("_subject.txt", "_body.txt")
    )
    names = set(re.findall(r"{{\s*(\w+)", source)) | set(re.findall(r"for \w+ in (\w+)", source))
    context = {name: f"sample {name}" for name in names}
    context.update({name: ["sample line"] for name in re.findall(r"for \w+ in (\w+)", source)})
    context.update({name: "https://portal.example.kr/x/" for name in names if "link" in name})
    context.update({name: 300000 for name in names if "amount" in name})
    if "explanations" in context:  # the weekly batch's stored codes
        context["explanations"] = [{"code": "slots_taken"}, {"code": "stays_in_pool"}]
    message = OutboxMessage(
        recipient=user, to_email=user.email, template=template, context=context, language=language
    )

    subject, body = outbox_message_render(message)

    with translation.override(language):
        rendered = email_build(subject=subject, text=body, to=[user.email])
    links = assert_readable(rendered, language)
    assert "http://127.0.0.1:8000/dashboard/" in links
    if language == "en":
        assert not HANGUL.search(subject + body), body
