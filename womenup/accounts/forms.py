"""Sign-up asks which kind of account the person needs."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
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


class NotificationSettingsForm(forms.Form):
    """알림 설정: her language, and text messages besides e-mail where the portal sends them."""

    language = forms.ChoiceField(
        label=_("알림 언어"),
        choices=[(code, get_language_info(code)["name_local"]) for code, _n in settings.LANGUAGES],
        widget=forms.RadioSelect,
        help_text=_("이메일과 문자는 보낼 때 이 언어로 씁니다."),
    )
    notify_by_sms = forms.BooleanField(label=_("문자(SMS)로도 받기"), required=False)
    notify_by_alimtalk = forms.BooleanField(label=_("카카오 알림톡으로도 받기"), required=False)
    notification_phone = forms.CharField(
        label=_("알림 받을 휴대전화"),
        required=False,
        max_length=20,
        help_text=_("예: 010-1234-5678. 문자·알림톡을 고르면 꼭 입력해 주세요."),
        widget=forms.TextInput(attrs={"autocomplete": "tel-national", "inputmode": "tel"}),
    )

    def __init__(self, *args, channels: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        for channel in ("sms", "alimtalk"):
            if channel not in channels:
                del self.fields[f"notify_by_{channel}"]
        if not channels:
            del self.fields["notification_phone"]
