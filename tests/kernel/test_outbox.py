"""The outbox keeps every message when the broker is down and delivers it once it is back."""

import time
from contextlib import contextmanager

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import transaction

from womenup.celery import app as celery_app
from womenup.models import OutboxMessage, User
from womenup.notifications import outbox, services
from womenup.tasks import outbox_deliver_pending

UNREACHABLE_BROKER = "redis://127.0.0.1:1/0"


@contextmanager
def broker_at(url: str):
    """Send Celery's messages to ``url`` for a while (a port where nothing listens = down)."""
    saved = celery_app.conf.broker_url, celery_app.conf.broker_write_url
    celery_app.conf.broker_url = celery_app.conf.broker_write_url = url
    forget_connections()
    try:
        yield
    finally:
        celery_app.conf.broker_url, celery_app.conf.broker_write_url = saved
        forget_connections()


def forget_connections() -> None:
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def wait_until(condition, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def queue(to_email: str = "a@example.kr", **extra) -> OutboxMessage:
    """A message through the real queue; the template is an app's, found by name."""
    return services.notification_queue(
        to_email=to_email,
        template="companies/email/company_verified",
        context={"company": "우먼업 주식회사"},
        **extra,
    )


def status_of(message) -> str:
    return OutboxMessage.objects.get(pk=message.pk).status


@pytest.mark.django_db(transaction=True)
def test_a_message_queued_while_the_broker_is_down_is_kept_and_sent_later():
    with broker_at(UNREACHABLE_BROKER), transaction.atomic():
        message = queue("applicant@example.kr")
    assert status_of(message) == OutboxMessage.Status.PENDING
    assert mail.outbox == []

    celery_app.control.purge()
    with start_worker(celery_app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
        outbox_deliver_pending.delay()
        delivered = wait_until(lambda: status_of(message) == OutboxMessage.Status.SENT)
    assert delivered, "the worker did not deliver the pending message"
    assert [m.subject for m in mail.outbox] == ["[서울우먼업] 참여기업 승인 안내"]


@pytest.mark.django_db
def test_delivering_twice_sends_once():
    message = queue()
    assert outbox.outbox_message_deliver(message_id=message.pk)
    assert outbox.outbox_message_deliver(message_id=message.pk)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_dedupe_key_queues_a_message_only_once():
    first = queue(dedupe_key="batch:2024-W23:1")
    second = queue(dedupe_key="batch:2024-W23:1")
    assert first.pk == second.pk
    assert OutboxMessage.objects.count() == 1


@pytest.mark.django_db
def test_a_failed_delivery_stays_pending_with_the_error(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    message = queue()
    assert outbox.outbox_message_deliver(message_id=message.pk) is False
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.PENDING
    assert message.attempts == 1
    assert message.last_error


@pytest.mark.django_db
def test_one_sweep_sends_every_pending_message_in_batches():
    for number in range(7):
        queue(f"a{number}@example.kr")
    assert outbox.outbox_deliver_pending(batch_size=3) == 7
    assert not OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).exists()
    assert len(mail.outbox) == 7


@pytest.mark.django_db
def test_a_sweep_tries_a_failing_message_once_and_leaves_it_for_the_next(settings):
    queue()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    assert outbox.outbox_deliver_pending(batch_size=1) == 0
    assert OutboxMessage.objects.get().attempts == 1


@pytest.mark.django_db
def test_a_templated_message_is_rendered_at_send_time_and_kept_on_the_row():
    message = queue()
    assert (message.subject, message.body) == ("", "")  # nothing written in any language yet

    assert outbox.outbox_message_deliver(message_id=message.pk)

    [sent] = mail.outbox
    assert sent.subject == "[서울우먼업] 참여기업 승인 안내"
    assert "우먼업 주식회사 의 참여기업 등록이 승인되었습니다." in sent.body
    message.refresh_from_db()
    assert (message.subject, message.body) == (sent.subject, sent.body)  # for admin and audit


@pytest.mark.django_db
def test_a_row_queued_before_templates_is_delivered_with_its_stored_text():
    stored = ("[서울우먼업] 면접 제안", "면접 제안이 도착했습니다.")
    message = OutboxMessage.objects.create(
        to_email="a@example.kr", subject=stored[0], body=stored[1]
    )

    assert outbox.outbox_message_deliver(message_id=message.pk)

    assert [(m.subject, m.body) for m in mail.outbox] == [stored]
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert (message.subject, message.body) == stored


@pytest.mark.django_db
def test_a_message_is_written_in_the_recipients_language():
    english = User.objects.create_user(email="en@example.kr", password="x", language="en")
    korean = User.objects.create_user(email="ko@example.kr", password="x")
    for user in (english, korean):
        services.notification_queue_for_user(
            user=user,
            template="companies/email/company_verified",
            context={"company": "WomanUp Co."},
        )
    assert outbox.outbox_deliver_pending() == 2

    subjects = {m.to[0]: (m.subject, m.body) for m in mail.outbox}
    assert subjects["en@example.kr"][0] == "[Seoul WomanUp] Your company has been approved"
    assert "WomanUp Co." in subjects["en@example.kr"][1]
    assert subjects["ko@example.kr"][0] == "[서울우먼업] 참여기업 승인 안내"
    assert "WomanUp Co. 의 참여기업 등록이 승인되었습니다." in subjects["ko@example.kr"][1]


@pytest.mark.django_db
def test_switching_the_site_language_sets_hers_for_e_mails(client):
    user = User.objects.create_user(email="me@example.kr", password="x")
    client.force_login(user)

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "en"
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})  # not a language of ours
    user.refresh_from_db()
    assert user.language == "en"
