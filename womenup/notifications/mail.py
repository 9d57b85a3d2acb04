"""E-mails as people receive them: one builder for allauth's account mails and the outbox's.

Every e-mail has a plain-text part (the template's text, links on lines of their own) and an
HTML part made from that same text (``templates/email/message.html``: the portal's name as a
heading, paragraphs, links as links), in the language active when it is built. Subjects start
with the portal's name in that language ("[서울우먼업] …", "[Seoul WomanUp] …").
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from womenup import branding


def email_subject_prefix() -> str:
    """``[portal name] `` in the active language (allauth's ``ACCOUNT_EMAIL_SUBJECT_PREFIX``
    is the Korean one, for the default language)."""
    return f"[{branding.portal_name()}] "


def email_subject(subject: str) -> str:
    """One line, prefixed with the portal's name."""
    return email_subject_prefix() + " ".join(subject.split())


def email_html(*, subject: str, text: str) -> str:
    """The HTML part of an e-mail whose plain text is ``text``."""
    context = {
        "subject": subject,
        "text": text,
        "portal_name": branding.portal_name(),
        "language": translation.get_language() or settings.LANGUAGE_CODE,
    }
    return render_to_string("email/message.html", context)


def email_build(
    *, subject: str, text: str, to: list[str], from_email: str | None = None, headers=None
) -> EmailMultiAlternatives:
    """A two-part e-mail (plain text and HTML) from its subject line and plain text."""
    message = EmailMultiAlternatives(
        subject, text, from_email or settings.DEFAULT_FROM_EMAIL, to, headers=headers
    )
    message.attach_alternative(email_html(subject=subject, text=text), "text/html")
    return message
