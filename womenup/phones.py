"""Phone numbers: stored in E.164 (``+821048217793``), shown in the national format
(``010-4821-7793``).

Model fields are ``phonenumber_field``'s ``PhoneNumberField`` with ``PHONENUMBER_DEFAULT_REGION
= "KR"``, ``PHONENUMBER_DB_FORMAT = "E164"`` and ``PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"``, so
``{{ profile.phone }}``, admin lists and exports show the national format. A field labelled
휴대전화 takes mobile numbers only (``mobile_number``); a contact number may also be a landline
(``korean_number``).
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumber_field import formfields, modelfields

INVALID = _("전화번호 형식이 올바르지 않습니다. 예: 010-1234-5678, 02-2133-7000")
NOT_KOREAN = _("대한민국 전화번호를 입력해 주세요. 예: 010-1234-5678")
NOT_MOBILE = _(
    "휴대전화 번호를 입력해 주세요 (유선·인터넷 전화는 받지 않습니다). 예: 010-1234-5678"
)
_MOBILE_TYPES = {phonenumbers.PhoneNumberType.MOBILE}


def _empty(value) -> bool:
    if value is None:
        return True
    if isinstance(value, phonenumbers.PhoneNumber):
        return not value.national_number and not (getattr(value, "raw_input", "") or "").strip()
    return not str(value).strip()


def _parsed(value) -> phonenumbers.PhoneNumber | None:
    if isinstance(value, phonenumbers.PhoneNumber):
        if value.country_code and value.national_number:
            return value
        value = getattr(value, "raw_input", "") or ""  # what was typed, unreadable
    try:
        return phonenumbers.parse(str(value), "KR")
    except phonenumbers.NumberParseException:
        return None


def _is_010_mobile(number: phonenumbers.PhoneNumber) -> bool:
    """Any 010 number: new mobile ranges may be missing from the library's data."""
    national = str(number.national_number)
    return number.country_code == 82 and national.startswith("10") and len(national) == 10


def korean_number(value) -> None:
    """A valid Korean number, mobile or landline."""
    if _empty(value):
        return
    number = _parsed(value)
    if number is None:
        raise ValidationError(INVALID, code="invalid_phone_number")
    if number.country_code != 82:
        raise ValidationError(NOT_KOREAN, code="invalid_phone_number")
    if not (phonenumbers.is_valid_number(number) or _is_010_mobile(number)):
        raise ValidationError(INVALID, code="invalid_phone_number")


def mobile_number(value) -> None:
    """A Korean mobile number (010, 011, 016–019), for fields labelled 휴대전화."""
    korean_number(value)
    if _empty(value):
        return
    number = _parsed(value)
    if not (_is_010_mobile(number) or phonenumbers.number_type(number) in _MOBILE_TYPES):
        raise ValidationError(NOT_MOBILE, code="not_mobile")


def national(value) -> str:
    """``+821012345678`` → ``010-1234-5678``; anything unparsable stays as stored."""
    if _empty(value):
        return ""
    number = _parsed(value)
    if number is None:
        return str(value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def e164(value) -> str:
    """The stored form of a typed number, or the text unchanged when it cannot be read."""
    if _empty(value):
        return ""
    number = _parsed(value)
    if number is None:
        return str(value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class PhoneFormField(formfields.PhoneNumberField):
    """The form side: only the validators of the model field, with their Korean sentences."""

    default_validators = []

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"] = {"invalid": INVALID, **kwargs["error_messages"]}
        super().__init__(*args, **kwargs)


class PhoneField(modelfields.PhoneNumberField):
    """A Korean phone number stored in E.164; give ``validators=[mobile_number]`` (휴대전화) or
    ``[korean_number]`` (연락처)."""

    default_validators = []

    def formfield(self, **kwargs):
        kwargs.setdefault("form_class", PhoneFormField)
        return super().formfield(**kwargs)
