"""Writes on accounts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from womenup.models import User
from womenup.notifications.sms import sms_channels


def user_language_set(*, user: User, language: str) -> None:
    """Remember the language she chose on the site: her e-mails are written in it."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def user_notifications_set(
    *,
    user: User,
    language: str,
    notify_by_sms: bool = False,
    notify_by_alimtalk: bool = False,
    notification_phone: str = "",
) -> User:
    """Save how she receives notifications: e-mail always, text messages on the channels she
    chose (only those the deployment offers, and only with a mobile number), in her language."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("목록에 있는 언어를 골라 주세요.")})
    offered = sms_channels()
    for channel, chosen in (("sms", notify_by_sms), ("alimtalk", notify_by_alimtalk)):
        if chosen and channel not in offered:
            raise ValidationError(
                _("이 포털에서는 문자·알림톡을 보내지 않습니다. 이메일로 받습니다.")
            )
    phone = korean_mobile_normalised(notification_phone) if notification_phone.strip() else ""
    if (notify_by_sms or notify_by_alimtalk) and not phone:
        raise ValidationError(
            {"notification_phone": _("문자·알림톡을 받을 휴대전화 번호를 입력해 주세요.")}
        )
    user.language = language
    user.notify_by_sms, user.notify_by_alimtalk = notify_by_sms, notify_by_alimtalk
    user.notification_phone = phone
    user.save(
        update_fields=["language", "notify_by_sms", "notify_by_alimtalk", "notification_phone"]
    )
    return user


MOBILE_PREFIXES = ("010", "011", "016", "017", "018", "019")


def korean_mobile_normalised(number: str) -> str:
    """010-4821-7793, 01048217793 or +82 10 4821 7793 → +821048217793; anything that is not a
    Korean mobile number is refused with a message saying what to type."""
    digits = "".join(character for character in number if character.isdigit())
    if number.strip().startswith("+82") or digits.startswith("82"):
        digits = "0" + digits[2:]
    if not (digits.startswith(MOBILE_PREFIXES) and len(digits) in (10, 11)):
        raise ValidationError(
            {
                "notification_phone": _(
                    "휴대전화 번호를 010-1234-5678처럼 입력해 주세요 (010, 011, 016~019로 시작)."
                )
            }
        )
    return "+82" + digits[1:]
