"""How what a counsellor did for her is labelled: "상담사 ○○○ 대리 제출", rendered when shown."""

from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def counsellor_name(user) -> str:
    """The counsellor's name as people write it (family name first), else her e-mail."""
    name = f"{user.last_name}{user.first_name}".strip()
    return name or user.email


def on_behalf_label(user) -> str:
    """The label of a row a counsellor filed for her; empty when she filed it herself."""
    if user is None:
        return ""
    return _("상담사 %(name)s 대리 제출") % {"name": counsellor_name(user)}


def filled_by_label(user) -> str:
    """The label of her profile when a counsellor last saved it for her."""
    if user is None:
        return ""
    return _("상담사 %(name)s 대리 입력") % {"name": counsellor_name(user)}


@admin.display(description=gettext_lazy("대리 제출"))
def submitted_by_column(obj) -> str:
    """The admin column and read-only field of every application model: the label, or "-"."""
    return on_behalf_label(obj.submitted_by) or "-"
