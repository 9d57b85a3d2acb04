"""Delivery of the notifications outbox: one message, or a sweep of what is pending.

A row with a ``template`` is rendered at send time in the recipient's language; a row without
one (queued before templates) is sent with the subject and body it stores.

``services.notification_queue`` stores the rows; the tasks in ``womenup/tasks.py`` call these.
"""

import time

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from womenup.models import OutboxMessage


def outbox_message_deliver(*, message_id: int) -> bool:
    """Send one pending message; True when it is (or already was) sent."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update(skip_locked=True).filter(pk=message_id)
        message = message.first()
        if message is None or message.status == OutboxMessage.Status.SENT:
            return message is not None
        message.attempts += 1
        try:
            if message.template:  # rendered now, kept on the row for the admin and audit
                message.subject, message.body = outbox_message_render(message)
            send_mail(message.subject, message.body, None, [message.to_email])
        except Exception as error:  # delivery failed: keep it pending and say why
            message.last_error = str(error)[:2000]
            message.save(update_fields=["attempts", "last_error"])
            return False
        message.status = OutboxMessage.Status.SENT
        message.sent_at = timezone.now()
        message.last_error = ""
        message.save(
            update_fields=["attempts", "status", "sent_at", "last_error", "subject", "body"]
        )
        return True


def outbox_message_render(message: OutboxMessage) -> tuple[str, str]:
    """Subject and body of a templated message, in the recipient's language.

    Every subject starts with the portal's prefix (``ACCOUNT_EMAIL_SUBJECT_PREFIX``, as allauth's
    e-mails do) and is one line; ``portal_name`` is in every template's context.
    """
    context = {**message.context, "portal_name": settings.PORTAL_NAME}
    with translation.override(message.language):
        subject = render_to_string(f"{message.template}_subject.txt", context)
        body = render_to_string(f"{message.template}_body.txt", context)
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
    return subject[: OutboxMessage._meta.get_field("subject").max_length], body.strip() + "\n"


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
