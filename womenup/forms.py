"""Form helpers shared by the apps; sign-up asks which kind of account the person needs."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from womenup.dates import DateRangeValidator
from womenup.models import User


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form, above its fields."""
    for message in error.messages:
        form.add_error(None, message)


SIGNUP_ACCOUNT_TYPES = [
    (User.AccountType.APPLICANT, _("참여자 (인턴십·교육·구직지원금 신청)")),
    (User.AccountType.COMPANY, _("참여기업 (인턴 채용)")),
]


class SignupForm(forms.Form):
    """Extra field of allauth's sign-up form; allauth adds e-mail and passwords."""

    account_type = forms.ChoiceField(
        label=_("계정 종류"),
        choices=SIGNUP_ACCOUNT_TYPES,
        widget=forms.RadioSelect,
        initial=User.AccountType.APPLICANT,
    )

    def signup(self, request, user) -> None:
        """allauth calls this after saving the user; the adapter already set the type."""


class AccessReviewForm(forms.Form):
    """Which month the auditor reviews (this month when none is given)."""

    month = forms.DateField(
        label=_("검토할 달"),
        input_formats=["%Y-%m"],
        widget=forms.DateInput(format="%Y-%m", attrs={"type": "month"}),
        validators=[DateRangeValidator(date(2000, 1, 1), 0)],
        error_messages={"invalid": _("달을 2024-07 처럼 연도와 월로 입력해 주세요.")},
    )
