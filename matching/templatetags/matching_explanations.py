"""`explanation_lines`: the weekly batch's explanation codes, worded in the active language."""

from django import template

from matching.explanations import explanation_lines as _explanation_lines

register = template.Library()


@register.filter
def explanation_lines(codes) -> list[str]:
    return _explanation_lines(codes or [])
