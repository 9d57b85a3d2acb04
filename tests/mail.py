"""The e-mails a person receives: deliver what the outbox holds, then read what was sent."""

from django.core import mail

from womenup.notifications.outbox import outbox_deliver_pending


def sent_to(address: str) -> list[mail.EmailMessage]:
    """Deliver every pending outbox message, then the e-mails sent to ``address``, in order."""
    outbox_deliver_pending()
    return [message for message in mail.outbox if address in message.to]
