"""``{% load eligibility %}{{ reason|reason_text }}``: a stored reason in the reader's language."""

from django import template

from womenup.programs.eligibility.reasons import render

register = template.Library()


@register.filter
def reason_text(reason) -> str:
    """The sentence of a reason (a ``Reason`` or its stored ``{"code", "params"}``)."""
    return render(reason)
