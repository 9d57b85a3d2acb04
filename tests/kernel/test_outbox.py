"""The outbox keeps every message when the broker is down and delivers it once it is back."""

import time
from contextlib import contextmanager

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import transaction

from womenup import outbox, services
from womenup.celery import app as celery_app
from womenup.models import OutboxMessage
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


def status_of(message) -> str:
    return OutboxMessage.objects.get(pk=message.pk).status


@pytest.mark.django_db(transaction=True)
def test_a_message_queued_while_the_broker_is_down_is_kept_and_sent_later():
    with broker_at(UNREACHABLE_BROKER), transaction.atomic():
        message = services.notification_queue(
            to_email="applicant@example.kr", subject="면접 제안", body="면접 제안이 도착했습니다."
        )
    assert status_of(message) == OutboxMessage.Status.PENDING
    assert mail.outbox == []

    celery_app.control.purge()
    with start_worker(celery_app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
        outbox_deliver_pending.delay()
        delivered = wait_until(lambda: status_of(message) == OutboxMessage.Status.SENT)
    assert delivered, "the worker did not deliver the pending message"
    assert [m.subject for m in mail.outbox] == ["면접 제안"]


@pytest.mark.django_db
def test_delivering_twice_sends_once():
    message = services.notification_queue(to_email="a@example.kr", subject="제목", body="본문")
    assert outbox.outbox_message_deliver(message_id=message.pk)
    assert outbox.outbox_message_deliver(message_id=message.pk)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_dedupe_key_queues_a_message_only_once():
    first = services.notification_queue(
        to_email="a@example.kr", subject="제목", body="본문", dedupe_key="batch:2024-W23:1"
    )
    second = services.notification_queue(
        to_email="a@example.kr", subject="제목", body="본문", dedupe_key="batch:2024-W23:1"
    )
    assert first.pk == second.pk
    assert OutboxMessage.objects.count() == 1


@pytest.mark.django_db
def test_a_failed_delivery_stays_pending_with_the_error(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    message = services.notification_queue(to_email="a@example.kr", subject="제목", body="본문")
    assert outbox.outbox_message_deliver(message_id=message.pk) is False
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.PENDING
    assert message.attempts == 1
    assert message.last_error


@pytest.mark.django_db
def test_one_sweep_sends_every_pending_message_in_batches():
    for number in range(7):
        services.notification_queue(to_email=f"a{number}@example.kr", subject="제목", body="본문")
    assert outbox.outbox_deliver_pending(batch_size=3) == 7
    assert not OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).exists()
    assert len(mail.outbox) == 7


@pytest.mark.django_db
def test_a_sweep_tries_a_failing_message_once_and_leaves_it_for_the_next(settings):
    services.notification_queue(to_email="a@example.kr", subject="제목", body="본문")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    assert outbox.outbox_deliver_pending(batch_size=1) == 0
    assert OutboxMessage.objects.get().attempts == 1
