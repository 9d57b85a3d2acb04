"""Text messages (SMS and KakaoTalk 알림톡): one interface, backends chosen by a setting.

Like Django's ``EMAIL_BACKEND``, ``SMS_BACKEND`` is the dotted path of a class; empty means
the deployment sends no text messages, and the notification settings page then offers e-mail
only. The backends are in ``womenup/notifications/sms_backends.py``: ``ConsoleBackend``
(development: prints), ``LocmemBackend`` (tests: appends to ``outbox`` here) and
``SolapiBackend`` (Solapi's HTTP API, configured from the environment).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string

# Messages the test backend "sent", like ``django.core.mail.outbox``; tests empty it.
outbox: list["TextMessage"] = []


@dataclass(frozen=True)
class TextMessage:
    """One text message: ``channel`` is ``"sms"`` or ``"alimtalk"``; ``to`` is E.164
    (+821012345678); ``template`` is the portal's template name, which a provider may need to
    find its pre-approved 알림톡 template; ``variables`` are that template's values."""

    channel: str
    to: str
    text: str
    template: str = ""
    variables: dict = field(default_factory=dict)


class SmsError(Exception):
    """The provider refused or could not be reached; the outbox tries again later."""


class BaseSmsBackend:
    """Send text messages; raise ``SmsError`` (or any exception) when one is not accepted."""

    channels: tuple[str, ...] = ("sms", "alimtalk")

    def send(self, message: TextMessage) -> None:
        raise NotImplementedError


def sms_backend() -> BaseSmsBackend | None:
    """The configured backend, or None when the deployment sends no text messages."""
    path = getattr(settings, "SMS_BACKEND", "")
    return import_string(path)() if path else None


def sms_channels() -> tuple[str, ...]:
    """The text channels this deployment offers (none without a backend)."""
    backend = sms_backend()
    return tuple(backend.channels) if backend else ()


def korean_mobile_display(number: str) -> str:
    """+821048217793 → 010-4821-7793 (other numbers as they are)."""
    if number.startswith("+82") and len(number) in (12, 13):
        national = "0" + number[3:]
        return f"{national[:3]}-{national[3:-4]}-{national[-4:]}"
    return number
