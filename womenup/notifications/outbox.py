"""Delivery of the notifications outbox: one message, or a sweep of what is due.

A message goes out on its channels (``OutboxDelivery``): e-mail (unless the address is an
undeliverable ``.invalid`` one), and a text message (SMS or 알림톡) when the recipient chose it on
her notification settings and the deployment has a text-message backend. The channels are
decided at the first attempt, from her settings then; a message queued ``to_phone`` has them
from the start. A message with no channel at all is given up.

A row with a ``template`` is rendered at send time in the recipient's language (her
``User.language`` at that moment, not the one at queuing); a row without one (queued before
templates) is sent with the subject and body it stores. A templated e-mail greets with the portal's
name (``templates/email/notification.txt``) and, to an account, ends with the links to her
dashboard and notification settings, each on a line of its own. Every e-mail has a plain-text and an
HTML part (``womenup.notifications.mail``).

A failed channel is tried again after ``OUTBOX_RETRY_BASE_SECONDS`` × 2^(attempts − 1) (at most
``OUTBOX_RETRY_MAX_SECONDS``) and given up after ``OUTBOX_MAX_ATTEMPTS`` attempts; a channel
already sent is never sent again. ``services.notification_queue`` stores the rows; the tasks in
``womenup/tasks.py`` call these.
"""

import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from womenup.branding import portal_name
from womenup.models import OutboxDelivery, OutboxMessage
from womenup.notifications import sms
from womenup.notifications.mail import email_build, email_subject

Channel, DeliveryStatus = OutboxDelivery.Channel, OutboxDelivery.Status
OPEN = (DeliveryStatus.PENDING, DeliveryStatus.FAILED)


def outbox_message_deliver(*, message_id: int, now: datetime | None = None) -> bool:
    """Send the channels of one message that are due; True when every channel is (or already
    was) sent. A message another worker holds, or whose next attempt is later, is left alone."""
    now = now or timezone.now()
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update(skip_locked=True, of=("self",))
        message = message.filter(pk=message_id)
        message = message.select_related("recipient").first()
        if message is None or message.status != OutboxMessage.Status.PENDING:
            return message is not None and message.status == OutboxMessage.Status.SENT
        if message.next_attempt_at and message.next_attempt_at > now:
            return False
        deliveries = _deliveries_planned(message)
        message.language = _recipient_language(message)
        message.attempts += 1
        for delivery in deliveries:
            if delivery.status in OPEN and (
                delivery.next_attempt_at is None or delivery.next_attempt_at <= now
            ):
                _attempt(message, delivery, now=now)
        _message_status_update(message, deliveries, now=now)
        return message.status == OutboxMessage.Status.SENT


def outbox_message_render(message: OutboxMessage) -> tuple[str, str]:
    """Subject and plain-text body of a templated message, in ``message.language``.

    Every subject starts with the portal's name in that language ("[서울우먼업] …",
    "[Seoul WomanUp] …") and is one line; ``portal_name`` is in every template's context.
    """
    with translation.override(message.language):
        context = {**message.context, "portal_name": portal_name()}
        subject = render_to_string(f"{message.template}_subject.txt", context)
        content = render_to_string(f"{message.template}_body.txt", context).strip()
        body = render_to_string(
            "email/notification.txt", {**context, **_links(message), "content": content}
        )
        subject = email_subject(subject)
    return subject[: OutboxMessage._meta.get_field("subject").max_length], body.strip() + "\n"


def _links(message: OutboxMessage) -> dict[str, str]:
    """Her dashboard and her notification settings, for a message to an account (``PORTAL_URL``
    is the site's address: a worker sends without a request)."""
    if message.recipient_id is None:
        return {}
    site = settings.PORTAL_URL.rstrip("/")
    return {
        "dashboard_url": site + reverse("dashboard"),
        "settings_url": site + reverse("notification-settings"),
    }


def outbox_text_render(message: OutboxMessage) -> str:
    """The text message of a message: its ``<template>_sms.txt`` when the app wrote one,
    else the e-mail's subject and a pointer to the e-mail."""
    with translation.override(message.language):
        if message.template:
            context = {**message.context, "portal_name": portal_name()}
            try:
                return render_to_string(f"{message.template}_sms.txt", context).strip()
            except TemplateDoesNotExist:
                pass
        return "{subject}\n{more}".format(
            subject=message.subject,
            more=gettext("자세한 내용은 이메일로 보내 드렸습니다."),
        )


def outbox_deliver_pending(
    *, batch_size: int = 500, time_budget_seconds: float = 50.0, now: datetime | None = None
) -> int:
    """Send due messages oldest first until none is left or the time budget is spent.

    Each message is tried at most once per sweep; what is left (or failed) waits for its next
    attempt time, checked every minute. Returns how many were sent.
    """
    deadline = time.monotonic() + time_budget_seconds
    now = now or timezone.now()
    sent, last_pk = 0, 0
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    while time.monotonic() < deadline:
        batch = list(
            OutboxMessage.objects.filter(due, status=OutboxMessage.Status.PENDING, pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not batch:
            break
        sent += sum(outbox_message_deliver(message_id=pk, now=now) for pk in batch)
        last_pk = batch[-1]
    return sent


def outbox_retry_delay(attempts: int) -> timedelta:
    """How long after its ``attempts``-th failed attempt a channel is tried again."""
    seconds = settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, settings.OUTBOX_RETRY_MAX_SECONDS))


def _recipient_language(message: OutboxMessage) -> str:
    """Her language now; the stored one for an address without an account."""
    user = message.recipient
    if user is not None and user.language in dict(settings.LANGUAGES):
        return user.language
    return message.language or settings.LANGUAGE_CODE


def _deliveries_planned(message: OutboxMessage) -> list[OutboxDelivery]:
    """The message's channels, decided at its first attempt from her settings then."""
    deliveries = list(message.deliveries.order_by("pk"))
    if deliveries:
        return deliveries
    deliveries = []
    if is_deliverable_email(message.to_email):
        deliveries.append(
            OutboxDelivery(message=message, channel=Channel.EMAIL, address=message.to_email)
        )
    user = message.recipient
    if user is not None and user.notification_phone:
        offered = sms.sms_channels()
        for channel, chosen in (
            (Channel.SMS, user.notify_by_sms),
            (Channel.ALIMTALK, user.notify_by_alimtalk),
        ):
            if chosen and channel in offered:
                deliveries.append(
                    OutboxDelivery(
                        message=message, channel=channel, address=user.notification_phone
                    )
                )
    return OutboxDelivery.objects.bulk_create(deliveries)


def is_deliverable_email(address: str) -> bool:
    """False for no address and for RFC 2606 ``.invalid`` ones (an account not claimed yet,
    an anonymised one): those are never sent to."""
    return bool(address) and not address.lower().endswith(".invalid")


def _attempt(message: OutboxMessage, delivery: OutboxDelivery, *, now: datetime) -> None:
    delivery.attempts += 1
    try:
        if delivery.channel == Channel.EMAIL:
            if message.template:  # rendered now, kept on the row for the admin and audit
                message.subject, message.body = outbox_message_render(message)
            with translation.override(message.language):
                email_build(
                    subject=message.subject, text=message.body, to=[delivery.address]
                ).send()
        else:
            if message.template and not message.subject:
                message.subject, message.body = outbox_message_render(message)
            delivery.text = outbox_text_render(message)
            backend = sms.sms_backend()
            if backend is None:
                raise sms.SmsError("SMS_BACKEND is not configured")
            backend.send(
                sms.TextMessage(
                    channel=delivery.channel,
                    to=delivery.address,
                    text=delivery.text,
                    template=message.template,
                    variables=message.context,
                )
            )
    except Exception as error:  # delivery failed: try again later, or give up
        delivery.last_error = str(error)[:2000] or error.__class__.__name__
        if delivery.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
            delivery.status, delivery.next_attempt_at = DeliveryStatus.GAVE_UP, None
        else:
            delivery.status = DeliveryStatus.FAILED
            delivery.next_attempt_at = now + outbox_retry_delay(delivery.attempts)
    else:
        delivery.status, delivery.sent_at = DeliveryStatus.SENT, now
        delivery.last_error, delivery.next_attempt_at = "", None
    delivery.save(
        update_fields=["attempts", "status", "sent_at", "last_error", "next_attempt_at", "text"]
    )


def _message_status_update(
    message: OutboxMessage, deliveries: list[OutboxDelivery], *, now: datetime
) -> None:
    """Pending while a channel is open (next attempt: the earliest), sent when all were, given
    up when a channel ran out of attempts and none is open."""
    still_open = [delivery for delivery in deliveries if delivery.status in OPEN]
    errors = [delivery.last_error for delivery in deliveries if delivery.last_error]
    message.last_error = errors[-1] if errors else ""
    if still_open:
        message.status = OutboxMessage.Status.PENDING
        waits = [delivery.next_attempt_at for delivery in still_open]
        message.next_attempt_at = None if None in waits else min(waits)
    elif not deliveries or any(
        delivery.status == DeliveryStatus.GAVE_UP for delivery in deliveries
    ):
        message.status, message.next_attempt_at = OutboxMessage.Status.GAVE_UP, None
        message.last_error = message.last_error or "no deliverable address or number"
    else:
        message.status, message.next_attempt_at = OutboxMessage.Status.SENT, None
        message.sent_at = now
    message.save(
        update_fields=[
            "attempts",
            "status",
            "sent_at",
            "last_error",
            "next_attempt_at",
            "subject",
            "body",
            "language",
        ]
    )
