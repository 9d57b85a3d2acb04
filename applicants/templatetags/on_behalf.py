"""``{{ row.submitted_by|on_behalf }}``: the "상담사 ○○○ 대리 제출" label (applicants/proxy.py)."""

from django import template

from applicants import proxy

register = template.Library()


@register.filter
def on_behalf(user) -> str:
    return proxy.on_behalf_label(user)


@register.filter
def counsellor_name(user) -> str:
    return proxy.counsellor_name(user) if user is not None else ""


@register.filter
def filled_by(user) -> str:
    return proxy.filled_by_label(user)
