"""Outbox delivery tasks: one message at once, and a periodic sweep of what is pending."""

from celery import shared_task

from womenup.notifications import outbox


@shared_task
def outbox_deliver(message_id: int) -> bool:
    """Send one message now; a failure leaves it pending for the periodic sweep."""
    return outbox.outbox_message_deliver(message_id=message_id)


@shared_task
def outbox_deliver_pending() -> int:
    return outbox.outbox_deliver_pending()
