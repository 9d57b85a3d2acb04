"""The auditor's forms: which month of the access log to review."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from womenup.dates import DateRangeValidator


class AccessReviewForm(forms.Form):
    """Which month the auditor reviews (this month when none is given)."""

    month = forms.DateField(
        label=_("검토할 달"),
        input_formats=["%Y-%m"],
        widget=forms.DateInput(format="%Y-%m", attrs={"type": "month"}),
        validators=[DateRangeValidator(date(2000, 1, 1), 0)],
        error_messages={"invalid": _("달을 2024-07 처럼 연도와 월로 입력해 주세요.")},
    )
