"""Queuing notifications: a row in the outbox, then a worker asked to send it after commit.

Delivery of queued messages is in ``womenup/notifications/outbox.py``, which the tasks call.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from womenup.cache import CircuitBreaker
from womenup.models import OutboxDelivery, OutboxMessage, User
from womenup.tasks import outbox_deliver

logger = logging.getLogger(__name__)
broker_breaker = CircuitBreaker(seconds=5)  # after a failed publish, leave the broker alone


def notification_queue(
    *,
    to_email: str,
    template: str,
    context: dict | None = None,
    recipient: User | None = None,
    dedupe_key: str | None = None,
    to_phone: str = "",
) -> OutboxMessage:
    """Store a message in the outbox and ask a worker to send it once the transaction commits.

    ``template`` names a pair in an app, ``<template>_subject.txt`` and ``<template>_body.txt``
    (e.g. ``"courses/email/completed"``); ``context`` holds plain JSON values (names, ids,
    amounts, ISO dates), never model instances. Both are rendered when the message is sent, in
    the recipient's language (``User.language``; the default language for an address without
    an account). The row is the message: if the broker cannot be reached now, the periodic
    ``outbox_deliver_pending`` task sends it later. A ``dedupe_key`` makes queuing idempotent.

    A ``to_phone`` (E.164) sends the message as a text message to that number, whatever her
    notification settings, and by e-mail only when ``to_email`` is given: for a message that
    must reach this number (a claim link), not for ordinary notifications.
    """
    fields = {
        "to_email": to_email,
        "template": template,
        "context": context or {},
        "language": recipient.language if recipient else settings.LANGUAGE_CODE,
        "recipient": recipient,
    }
    if dedupe_key:
        message, _created = OutboxMessage.objects.get_or_create(
            dedupe_key=dedupe_key, defaults=fields
        )
    else:
        message, _created = OutboxMessage.objects.create(**fields), True
    if to_phone and _created:
        _deliveries_fixed(message, to_phone)
    transaction.on_commit(lambda: _dispatch_delivery(message.pk))
    return message


def _deliveries_fixed(message: OutboxMessage, to_phone: str) -> None:
    """The channels of a message to a given number, decided now (not from her settings)."""
    Channel = OutboxDelivery.Channel
    deliveries = [OutboxDelivery(message=message, channel=Channel.SMS, address=to_phone)]
    if message.to_email:
        deliveries.append(
            OutboxDelivery(message=message, channel=Channel.EMAIL, address=message.to_email)
        )
    OutboxDelivery.objects.bulk_create(deliveries)


def notification_queue_for_user(
    *, user: User, template: str, context: dict | None = None, dedupe_key: str | None = None
) -> OutboxMessage:
    return notification_queue(
        to_email=user.email,
        template=template,
        context=context,
        recipient=user,
        dedupe_key=dedupe_key,
    )


def outbox_delivery_retry_now(*, delivery: OutboxDelivery) -> None:
    """Staff's "retry now": a failed or given-up channel is due again with a fresh count of
    attempts, and a worker is asked to send it (else the next sweep does). A channel already
    sent is refused: it is never sent twice."""
    with transaction.atomic():
        delivery = OutboxDelivery.objects.select_for_update().get(pk=delivery.pk)
        if delivery.status == OutboxDelivery.Status.SENT:
            raise ValidationError(_("이미 보낸 알림입니다. 다시 보내지 않습니다."))
        delivery.status = OutboxDelivery.Status.PENDING
        delivery.attempts, delivery.next_attempt_at = 0, None
        delivery.save(update_fields=["status", "attempts", "next_attempt_at"])
        OutboxMessage.objects.filter(pk=delivery.message_id).update(
            status=OutboxMessage.Status.PENDING, next_attempt_at=None
        )
        transaction.on_commit(lambda: _dispatch_delivery(delivery.message_id))


def _dispatch_delivery(message_id: int) -> None:
    if broker_breaker.is_open():  # it failed a moment ago: do not wait for it again
        logger.info("Broker skipped; outbox message %s stays pending.", message_id)
        return
    try:
        outbox_deliver.apply_async(args=[message_id], retry=False)
    except Exception:  # the broker is down: the row waits for the periodic sweep
        broker_breaker.trip()
        logger.warning("Broker unreachable; outbox message %s stays pending.", message_id)
