"""Template filters of the portal."""

from django import template

from womenup.money import format_krw

register = template.Library()


@register.filter
def krw(amount) -> str:
    """2390124 → "2,390,124원"; empty for None."""
    if amount is None or amount == "":
        return ""
    return format_krw(int(amount))
