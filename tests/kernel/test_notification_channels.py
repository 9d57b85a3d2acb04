"""Notifications through the outbox on every channel: e-mail (plain text and HTML) and text
messages, each in the recipient's language at send time, retried with backoff, given up after
the limit, and sent again from admin after a confirmation."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tests.factories.accounts import ApplicantUserFactory, CompanyUserFactory
from womenup.models import OutboxDelivery, OutboxMessage
from womenup.notifications import outbox, services, sms

pytestmark = pytest.mark.django_db

TEMPLATE = "companies/email/company_verified"
UNREACHABLE = "http://127.0.0.1:1"  # nothing listens: every text message fails for real
QUERIES_OF_THE_DELIVERY_LIST = 9  # session, user, counts, rows, filters, access-log row


def queue_for(user, **context) -> OutboxMessage:
    return services.notification_queue_for_user(
        user=user, template=TEMPLATE, context={"company": "우먼업 주식회사", **context}
    )


def delivery(message, channel) -> OutboxDelivery:
    return OutboxDelivery.objects.get(message=message, channel=channel)


def html_part(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


@pytest.fixture
def texting_user():
    """An applicant who also takes text messages (SMS), with her mobile number."""
    return ApplicantUserFactory(notify_by_sms=True, notification_phone="+821048217793")


@pytest.fixture
def sms_unreachable(settings):
    """The real provider adapter, pointed at a port where nothing answers."""
    settings.SMS_BACKEND = "womenup.notifications.sms_backends.SolapiBackend"
    settings.SOLAPI = {
        **settings.SOLAPI,
        "api_url": UNREACHABLE,
        "api_key": "key",
        "api_secret": "secret",
        "sender": "0212345678",
        "timeout_seconds": 1,
    }


@pytest.mark.parametrize(
    ("language", "greeting", "subject"),
    [
        ("ko", "안녕하세요, 서울우먼업입니다.", "[서울우먼업] 참여기업 승인 안내"),
        ("en", "Hello from Seoul WomanUp.", "[Seoul WomanUp] Your company has been approved"),
    ],
)
def test_an_e_mail_has_a_text_and_an_html_part_in_her_language_with_links_on_their_own_lines(
    client, language, greeting, subject
):
    user = CompanyUserFactory(language=language)
    queue_for(user)

    assert outbox.outbox_deliver_pending() == 1

    [sent] = mail.outbox
    assert sent.subject == subject
    assert sent.body.startswith(greeting + "\n")
    html = html_part(sent)
    assert f'<html lang="{language}">' in html
    assert "<h1>" + subject[1:].split("]")[0] + "</h1>" in html  # the portal's name
    links = re.findall(r"https?://\S+", sent.body)
    assert links == [
        "http://127.0.0.1:8000/dashboard/",
        "http://127.0.0.1:8000/accounts/notifications/",
    ]
    for link in links:
        assert f"\n{link}\n" in sent.body  # a line of its own: no particle glued to it
        assert f'<a href="{link}"' in html
        client.force_login(user)
        assert (
            client.get(link.removeprefix("http://127.0.0.1:8000"), follow=True).status_code == 200
        )


def test_the_language_is_hers_when_it_is_sent_not_when_it_was_queued():
    user = CompanyUserFactory(language="ko")
    message = queue_for(user)
    user.language = "en"  # she changed it before the worker came round
    user.save()

    assert outbox.outbox_message_deliver(message_id=message.pk)

    [sent] = mail.outbox
    assert sent.subject == "[Seoul WomanUp] Your company has been approved"
    message.refresh_from_db()
    assert message.language == "en"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ko", "[서울우먼업] 참여기업 승인 안내\n자세한 내용은 이메일로 보내 드렸습니다."),
        ("en", "[Seoul WomanUp] Your company has been approved\nThe details are in an e-mail."),
    ],
)
def test_she_chose_sms_too_so_she_gets_an_e_mail_and_a_text_in_her_language(
    texting_user, language, text
):
    texting_user.language = language
    texting_user.save()
    message = queue_for(texting_user)

    assert outbox.outbox_deliver_pending() == 1

    assert [m.to for m in mail.outbox] == [[texting_user.email]]
    assert [(m.channel, m.to, m.text) for m in sms.outbox] == [("sms", "+821048217793", text)]
    assert {d.channel: d.status for d in message.deliveries.all()} == {
        "email": OutboxDelivery.Status.SENT,
        "sms": OutboxDelivery.Status.SENT,
    }
    assert delivery(message, "sms").text == text  # kept for the admin


def test_without_a_text_provider_she_gets_e_mail_only(settings, texting_user):
    settings.SMS_BACKEND = ""
    message = queue_for(texting_user)

    assert outbox.outbox_deliver_pending() == 1

    assert len(mail.outbox) == 1 and sms.outbox == []
    assert list(message.deliveries.values_list("channel", flat=True)) == ["email"]


def test_who_did_not_choose_texts_gets_e_mail_only():
    message = queue_for(ApplicantUserFactory(notification_phone="+821048217793"))

    assert outbox.outbox_deliver_pending() == 1

    assert sms.outbox == []
    assert list(message.deliveries.values_list("channel", flat=True)) == ["email"]


def test_a_failing_channel_is_retried_with_exponential_backoff_and_given_up_after_the_limit(
    settings, sms_unreachable, texting_user
):
    settings.OUTBOX_MAX_ATTEMPTS = 4
    settings.OUTBOX_RETRY_BASE_SECONDS = 60
    message = queue_for(texting_user)
    start = timezone.now()

    assert outbox.outbox_deliver_pending(now=start) == 0
    text = delivery(message, "sms")
    assert (text.status, text.attempts) == (OutboxDelivery.Status.FAILED, 1)
    assert text.next_attempt_at == start + timedelta(seconds=60)
    assert "Solapi unreachable" in text.last_error
    assert delivery(message, "email").status == OutboxDelivery.Status.SENT
    message.refresh_from_db()
    assert (message.status, message.next_attempt_at) == ("pending", text.next_attempt_at)

    # Not due yet: nothing is tried.
    outbox.outbox_deliver_pending(now=start + timedelta(seconds=59))
    assert delivery(message, "sms").attempts == 1

    waits, at = [], start
    for _attempt in range(3):
        at = delivery(message, "sms").next_attempt_at
        outbox.outbox_deliver_pending(now=at)
        text = delivery(message, "sms")
        if text.next_attempt_at:
            waits.append((text.next_attempt_at - at).total_seconds())
    assert waits == [120, 240]  # 60 s, then doubling
    assert (text.status, text.attempts, text.next_attempt_at) == ("gave_up", 4, None)
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.GAVE_UP
    assert len(mail.outbox) == 1  # the e-mail went once, never again on the text's retries

    outbox.outbox_deliver_pending(now=at + timedelta(days=1))  # given up: left alone
    assert delivery(message, "sms").attempts == 4


def test_the_backoff_never_waits_longer_than_the_maximum(settings):
    settings.OUTBOX_RETRY_BASE_SECONDS, settings.OUTBOX_RETRY_MAX_SECONDS = 60, 600
    delays = [outbox.outbox_retry_delay(n).total_seconds() for n in range(1, 7)]
    assert delays == [60, 120, 240, 480, 600, 600]


def test_an_e_mail_that_fails_is_retried_and_sent_when_the_server_is_back(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    message = queue_for(CompanyUserFactory())
    start = timezone.now()
    assert not outbox.outbox_message_deliver(message_id=message.pk, now=start)
    assert delivery(message, "email").status == OutboxDelivery.Status.FAILED

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.outbox_deliver_pending(now=start + timedelta(minutes=1)) == 1

    assert len(mail.outbox) == 1
    email = delivery(message, "email")
    assert (email.status, email.attempts, email.last_error) == ("sent", 2, "")


def test_staff_retry_a_given_up_text_after_confirming_and_it_is_sent(
    settings, staff_client, sms_unreachable, texting_user
):
    settings.OUTBOX_MAX_ATTEMPTS = 1
    message = queue_for(texting_user)
    outbox.outbox_deliver_pending()
    text = delivery(message, "sms")
    assert text.status == OutboxDelivery.Status.GAVE_UP

    url = "/admin/womenup/outboxdelivery/"
    listing = staff_client.get(url, {"channel__exact": "sms", "status__exact": "gave_up"})
    assert listing.status_code == 200
    assert list(listing.context["cl"].result_list) == [text]
    action = {"action": "retry_now", "_selected_action": [text.pk]}

    asked = staff_client.post(url, action)

    assert asked.status_code == 200  # the confirmation page; nothing changed yet
    assert "고른 알림을 지금 다시 보냅니다." in asked.text
    assert delivery(message, "sms").status == OutboxDelivery.Status.GAVE_UP

    settings.SMS_BACKEND = "womenup.notifications.sms_backends.LocmemBackend"  # provider is back
    done = staff_client.post(url, {**action, "apply": "1"}, follow=True)

    assert "알림 1건을 다시 보내도록 했습니다." in done.text
    text = delivery(message, "sms")
    assert (text.status, text.attempts) == (OutboxDelivery.Status.PENDING, 0)
    assert outbox.outbox_deliver_pending() == 1
    assert [m.to for m in sms.outbox] == ["+821048217793"]
    assert len(mail.outbox) == 1  # the e-mail had gone: not again
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT


def test_a_sent_channel_is_not_sent_again_from_admin(staff_client):
    message = queue_for(CompanyUserFactory())
    outbox.outbox_deliver_pending()
    email = delivery(message, "email")

    staff_client.post(
        "/admin/womenup/outboxdelivery/",
        {"action": "retry_now", "_selected_action": [email.pk], "apply": "1"},
    )

    assert delivery(message, "email").status == OutboxDelivery.Status.SENT
    assert outbox.outbox_deliver_pending() == 0
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("query", [{}, {"status__exact": "failed"}, {"deliveries__channel": "sms"}])
def test_the_outbox_lists_filter_by_channel_and_status(staff_client, texting_user, query):
    queue_for(texting_user)
    outbox.outbox_deliver_pending()
    assert staff_client.get("/admin/womenup/outboxmessage/", query).status_code == 200
    assert staff_client.get("/admin/womenup/outboxdelivery/", query and {}).status_code == 200


@pytest.mark.parametrize("size", [2, 6])
def test_the_delivery_list_makes_a_fixed_number_of_queries(
    staff_client, texting_user, size, django_assert_num_queries
):
    for _number in range(size):
        queue_for(texting_user)
    outbox.outbox_deliver_pending()
    assert OutboxDelivery.objects.count() == 2 * size

    with django_assert_num_queries(QUERIES_OF_THE_DELIVERY_LIST):
        response = staff_client.get("/admin/womenup/outboxdelivery/")
    assert len(response.context["cl"].result_list) == 2 * size


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ko",
            "[서울우먼업] 우먼업 데이터분석 직무의 면접 제안이 도착했습니다. "
            "내 화면에서 응답해 주세요.",
        ),
        (
            "en",
            "[Seoul WomanUp] Interview offer from 우먼업 for 데이터분석. "
            "Please answer it on your dashboard.",
        ),
    ],
)
def test_a_notification_with_its_own_short_text_sends_that_text(texting_user, language, text):
    texting_user.language = language
    texting_user.save()
    services.notification_queue_for_user(
        user=texting_user,
        template="matching/email/interview_invitation",
        context={"company": "우먼업", "role": "데이터분석"},
    )

    outbox.outbox_deliver_pending()

    assert [m.text for m in sms.outbox] == [text]


def test_a_message_to_a_given_number_goes_by_sms_whatever_her_settings():
    user = ApplicantUserFactory(notify_by_sms=False)
    message = services.notification_queue(
        to_email="", to_phone="+821034567890", template=TEMPLATE, recipient=user
    )

    assert outbox.outbox_deliver_pending() == 1

    assert mail.outbox == [] and [m.to for m in sms.outbox] == ["+821034567890"]
    assert list(message.deliveries.values_list("channel", flat=True)) == ["sms"]


def test_an_invalid_address_is_never_mailed_and_a_message_without_a_channel_is_given_up():
    message = services.notification_queue(
        to_email="unclaimed-1@unclaimed.invalid", template=TEMPLATE
    )

    assert outbox.outbox_deliver_pending() == 0

    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.GAVE_UP and mail.outbox == []
