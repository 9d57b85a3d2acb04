"""allauth hooks: store the account type chosen at sign-up, land each kind on its dashboard,
give a locked-out owner a way in, and make sign-up take as long for a taken address."""

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal.ratelimit import parse_rates
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from womenup.privacy.client_ip import client_ip


def login_lockout_minutes() -> int:
    """How long failed logins for one address block password login (the per-address limit)."""
    rates = parse_rates(account_settings.RATE_LIMITS.get("login_failed"))
    seconds = max((rate.duration for rate in rates if rate.per == "key"), default=300)
    return max(1, round(seconds / 60))


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user.account_type = form.cleaned_data.get("account_type") or user.account_type
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        return reverse("dashboard")

    def get_client_ip(self, request):
        """Per-IP rate limits count the address the access log records (privacy/client_ip.py)."""
        address = client_ip(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def validation_error(self, code, *args) -> ValidationError:
        """The lockout message says how long to wait and that a code by e-mail still works:
        someone guessing her password must not be able to keep the owner out."""
        if code == "too_many_login_attempts":
            message = _(
                "로그인에 여러 번 실패해 비밀번호 로그인을 잠시 막았습니다. "
                "%(minutes)s분 뒤에 다시 시도하거나, '로그인 코드 받기'로 이메일로 받은 "
                "코드를 입력해 로그인하세요."
            ) % {"minutes": login_lockout_minutes()}
            return ValidationError(message, code=code)
        return super().validation_error(code, *args)

    def send_account_already_exists_mail(self, email: str) -> None:
        """A sign-up with a taken address creates nothing, but it hashes a password as a new
        sign-up does, so the time the answer takes does not tell whether the address is known."""
        make_password(get_random_string(20))
        super().send_account_already_exists_mail(email)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def get_app(self, request, provider, client_id=None):
        """A provider whose keys staff have not added in admin is simply not there (404)."""
        try:
            return super().get_app(request, provider, client_id=client_id)
        except SocialApp.DoesNotExist as missing:
            raise Http404("이 소셜 로그인은 아직 설정되지 않았습니다.") from missing
