"""Amounts in the reader's language: "2,390,124원" in Korean, "KRW 2,390,124" in English.

The arithmetic stays in ``womenup/money.py`` (no Django); this is only how a sum is written on
pages, in admin and in e-mails (the ``krw`` template filter).
"""

from django.utils.translation import gettext as _

from womenup.money import format_krw


def krw(amount: int) -> str:
    """Whole won with thousands separators, with the unit the active language writes."""
    return _("%(amount)s원") % {"amount": format_krw(amount).removesuffix("원")}
