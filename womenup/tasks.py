"""Kernel tasks: outbox delivery (one message, and a sweep of what is pending) and retention."""

from celery import shared_task

from womenup.notifications import outbox
from womenup.privacy import services as privacy_services


@shared_task
def outbox_deliver(message_id: int) -> bool:
    """Send one message now; a failure leaves it pending for the periodic sweep."""
    return outbox.outbox_message_deliver(message_id=message_id)


@shared_task
def outbox_deliver_pending() -> int:
    return outbox.outbox_deliver_pending()


@shared_task
def personal_data_purge() -> int:
    """The daily retention run: returns how many applicants it anonymised."""
    return len(privacy_services.personal_data_purge().applicants)
