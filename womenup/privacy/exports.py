"""What an export of personal data writes into a file (django-import-export resources).

Every app's ``resources.py`` builds on ``PersonalDataResource``: columns with Korean headers
(``column``, ``when``, ``day``, ``yes_no``), phone numbers and birth dates masked unless the
exporter holds ``womenup.export_unmasked`` (``phone_shown``, ``birth_date_shown``), and every
text cell neutralised against spreadsheet formula injection. The admin side (reason form, access-log
row) is ``womenup/privacy/admin_exports.py``.
"""

import re
from datetime import date

from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from womenup import phones

#: A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def formula_neutralised(value):
    """Prefix ``'`` to text a spreadsheet would run as a formula (OWASP CSV injection); a plain
    number such as ``-300000`` (a correction's amount) stays a number."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def phone_national(phone) -> str:
    """``+821012345678`` → ``010-1234-5678``; anything unparsable stays as stored."""
    return phones.national(phone)


def phone_masked(phone: str) -> str:
    """``010-****-5678``: the middle group hidden, or every digit but the last four."""
    if not phone:
        return ""
    groups = phone_national(phone).split("-")
    if len(groups) == 3:
        return "-".join([groups[0], "*" * len(groups[1]), groups[2]])
    digits = re.sub(r"\D", "", str(phone))
    return "*" * max(len(digits) - 4, 0) + digits[-4:]


def birth_date_masked(day: date | None) -> str:
    """Only the year (``1985-**-**``): enough for age statistics."""
    return f"{day.year}-**-**" if day else ""


class YesNoWidget(widgets.Widget):
    def render(self, value, obj=None, **kwargs):
        return _("예") if value else _("아니오")


def column(attribute: str, label) -> fields.Field:
    """A text or number column; ``attribute`` may follow relations (``applicant__name``) and end
    in a method (``get_status_display``)."""
    return fields.Field(attribute=attribute, column_name=label, readonly=True)


def when(attribute: str, label) -> fields.Field:
    """A moment, in local time."""
    widget = widgets.DateTimeWidget(format="%Y-%m-%d %H:%M")
    return fields.Field(attribute=attribute, column_name=label, widget=widget, readonly=True)


def day(attribute: str, label) -> fields.Field:
    widget = widgets.DateWidget(format="%Y-%m-%d")
    return fields.Field(attribute=attribute, column_name=label, widget=widget, readonly=True)


class MaskedField(fields.Field):
    """A phone or birth-date column: masked unless the exporter holds the unmasked permission
    (``PersonalDataResource.export_field`` applies ``phone_shown`` / ``birth_date_shown``)."""

    def __init__(self, *, masking: str, **kwargs):
        super().__init__(readonly=True, **kwargs)
        self.masking = masking


def phone_column(attribute: str, label) -> MaskedField:
    return MaskedField(attribute=attribute, column_name=label, masking="phone")


def birth_date_column(attribute: str, label) -> MaskedField:
    return MaskedField(attribute=attribute, column_name=label, masking="birth_date")


def yes_no(attribute: str, label) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=label, widget=YesNoWidget(), readonly=True)


class PersonalDataResource(resources.ModelResource):
    """Export-only resource of one admin list. Subclasses declare their columns, list in
    ``Meta.fields`` their order, put the relations they follow in ``export_select_related``
    (a fixed number of queries whatever the number of rows) and declare phones and birth dates
    with ``phone_column`` and ``birth_date_column``, which ``phone_shown`` / ``birth_date_shown``
    mask."""

    export_select_related: tuple[str, ...] = ()

    def __init__(self, *, unmasked: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.unmasked = unmasked

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related(*self.export_select_related)

    def export_field(self, field, instance, **kwargs):
        if isinstance(field, MaskedField):
            shown = self.phone_shown if field.masking == "phone" else self.birth_date_shown
            return formula_neutralised(shown(field.get_value(instance)))
        return formula_neutralised(super().export_field(field, instance, **kwargs))

    def get_export_headers(self, selected_fields=None):
        headers = super().get_export_headers(selected_fields)
        return [formula_neutralised(header) for header in headers]

    def phone_shown(self, phone: str) -> str:
        if not phone:
            return ""
        return phone_national(phone) if self.unmasked else phone_masked(phone)

    def birth_date_shown(self, birth_date: date | None) -> str:
        if birth_date is None:
            return ""
        return birth_date.isoformat() if self.unmasked else birth_date_masked(birth_date)
