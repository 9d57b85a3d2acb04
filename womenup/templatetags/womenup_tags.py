"""Template filters of the portal."""

from django import template
from django.utils import translation

from womenup import branding
from womenup.money import format_krw

register = template.Library()


@register.filter
def krw(amount) -> str:
    """2390124 → "2,390,124원" ("KRW 2,390,124" in English); empty for None."""
    if amount is None or amount == "":
        return ""
    if (translation.get_language() or "").startswith("en"):
        return f"KRW {int(amount):,}"
    return format_krw(int(amount))


@register.simple_tag
def portal_name() -> str:
    """The portal's name in the active language (``{% portal_name as portal_name %}``), for
    templates rendered without the page context, such as e-mails."""
    return branding.portal_name()


@register.simple_tag
def portal_operator() -> str:
    return branding.portal_operator()
