"""Writes of the shared kernel: the notifications outbox and the personal-data access log."""

import logging
import time

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from womenup.cache import CircuitBreaker
from womenup.client_ip import client_ip
from womenup.models import OutboxMessage, PersonalDataAccess, User

logger = logging.getLogger(__name__)
broker_breaker = CircuitBreaker(seconds=5)  # after a failed publish, leave the broker alone


def notification_queue(
    *,
    to_email: str,
    subject: str,
    body: str,
    recipient: User | None = None,
    dedupe_key: str | None = None,
) -> OutboxMessage:
    """Store a message in the outbox and ask a worker to send it once the transaction commits.

    The row is the message: if the broker cannot be reached now, the periodic
    ``outbox_deliver_pending`` task sends it later. A ``dedupe_key`` makes queuing idempotent.
    """
    if dedupe_key:
        message, _created = OutboxMessage.objects.get_or_create(
            dedupe_key=dedupe_key,
            defaults={
                "to_email": to_email,
                "subject": subject,
                "body": body,
                "recipient": recipient,
            },
        )
    else:
        message = OutboxMessage.objects.create(
            to_email=to_email, subject=subject, body=body, recipient=recipient
        )
    transaction.on_commit(lambda: _dispatch_delivery(message.pk))
    return message


def notification_queue_for_user(*, user: User, subject: str, body: str, dedupe_key=None):
    return notification_queue(
        to_email=user.email, subject=subject, body=body, recipient=user, dedupe_key=dedupe_key
    )


def _dispatch_delivery(message_id: int) -> None:
    from womenup.tasks import outbox_deliver

    if broker_breaker.is_open():  # it failed a moment ago: do not wait for it again
        logger.info("Broker skipped; outbox message %s stays pending.", message_id)
        return
    try:
        outbox_deliver.apply_async(args=[message_id], retry=False)
    except Exception:  # the broker is down: the row waits for the periodic sweep
        broker_breaker.trip()
        logger.warning("Broker unreachable; outbox message %s stays pending.", message_id)


def outbox_message_deliver(*, message_id: int) -> bool:
    """Send one pending message; True when it is (or already was) sent."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update(skip_locked=True).filter(pk=message_id)
        message = message.first()
        if message is None or message.status == OutboxMessage.Status.SENT:
            return message is not None
        message.attempts += 1
        try:
            send_mail(message.subject, message.body, None, [message.to_email])
        except Exception as error:  # delivery failed: keep it pending and say why
            message.last_error = str(error)[:2000]
            message.save(update_fields=["attempts", "last_error"])
            return False
        message.status = OutboxMessage.Status.SENT
        message.sent_at = timezone.now()
        message.last_error = ""
        message.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        return True


def outbox_deliver_pending(*, batch_size: int = 500, time_budget_seconds: float = 50.0) -> int:
    """Send pending messages oldest first until none is left or the time budget is spent.

    Each message is tried at most once per sweep; what is left (or failed) waits for the next
    sweep, one minute later. Returns how many were sent.
    """
    deadline = time.monotonic() + time_budget_seconds
    sent, last_pk = 0, 0
    while time.monotonic() < deadline:
        batch = list(
            OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING, pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not batch:
            break
        sent += sum(outbox_message_deliver(message_id=pk) for pk in batch)
        last_pk = batch[-1]
    return sent


def personal_data_access_record(
    *, actor: User, subject: User | None, action: str, target: str, request=None
) -> PersonalDataAccess:
    """Write one access-log row (who, when, whose data, what, from which IP)."""
    return PersonalDataAccess.objects.create(
        actor=actor,
        subject=subject,
        action=action,
        target=target[:200],
        ip_address=client_ip(request) if request is not None else None,
    )
