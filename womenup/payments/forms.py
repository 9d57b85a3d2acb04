"""Forms of the payments admin: the month to show, a correction."""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> date:
    """``"2024-07"`` → 1 July 2024; a clear error otherwise."""
    match = MONTH.match((text or "").strip())
    if not match or not 1 <= int(match[2]) <= 12 or not 2000 <= int(match[1]) <= 2100:
        raise ValidationError(_("지급 월은 2024-07 처럼 연-월로 적어 주세요."), code="month")
    return date(int(match[1]), int(match[2]), 1)


class CorrectionForm(forms.Form):
    amount_krw = forms.IntegerField(
        label=_("정정 후 금액(원)"),
        min_value=0,
        max_value=1_000_000_000,
        help_text=_("이 지급이 원래 맞았어야 할 금액. 0원이면 지급을 취소합니다."),
    )
    reason = forms.CharField(
        label=_("정정 사유"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
