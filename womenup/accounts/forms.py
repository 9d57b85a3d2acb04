"""Sign-up asks which kind of account the person needs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from womenup.models import User

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
