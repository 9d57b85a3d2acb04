"""allauth hooks: store the account type (and language) chosen at sign-up, land each kind on its
dashboard, give a locked-out owner a way in, make sign-up take as long for a taken address, and
write every account e-mail in its recipient's language with the portal's name, as a plain-text
and an HTML part (``womenup.notifications.mail``)."""

import time
from datetime import UTC, datetime

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.core.internal.ratelimit import parse_rates
from allauth.mfa.models import Authenticator
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy, ngettext

from womenup.accounts.ratelimits import wait_minutes, wait_seconds
from womenup.models import User
from womenup.notifications.mail import email_html, email_subject_prefix
from womenup.privacy.client_ip import client_ip


def login_lockout_minutes() -> int:
    """How long failed logins for one address block password login (the per-address limit)."""
    rates = parse_rates(account_settings.RATE_LIMITS.get("login_failed"))
    seconds = max((rate.duration for rate in rates if rate.per == "key"), default=300)
    return max(1, round(seconds / 60))


# The steps of setting up two-step verification for the first time (allauth's URL names).
MFA_SET_UP_STEPS = {"mfa_activate_totp", "mfa_view_recovery_codes", "mfa_download_recovery_codes"}


def recent_authentication(request) -> dict | None:
    """The session's last sign-in step (allauth's record: method, Unix time ``at``) while it
    is within the re-authentication window (``ACCOUNT_REAUTHENTICATION_TIMEOUT``)."""
    records = get_authentication_records(request, request.user)
    if not records or time.time() - records[-1]["at"] >= account_settings.REAUTHENTICATION_TIMEOUT:
        return None
    return records[-1]


def password_login_time(request) -> float | None:
    """When the session's last sign-in step, her password, was given (Unix seconds), while it
    is within the re-authentication window."""
    record = recent_authentication(request)
    return record["at"] if record and record.get("method") == "password" else None


def is_first_mfa_set_up_after_password_login(request) -> bool:
    """Staff are sent from the login page straight to set up the authenticator app: in that
    session, a moment after her password, setting it up and seeing the recovery codes do not
    ask for the password again. The app must not exist yet, or have been added since."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name not in MFA_SET_UP_STEPS:
        return False
    logged_in_at = password_login_time(request)
    if logged_in_at is None:
        return False
    earlier_app = Authenticator.objects.filter(
        user=request.user,
        type=Authenticator.Type.TOTP,
        created_at__lt=datetime.fromtimestamp(logged_in_at, tz=UTC),
    )
    return not earlier_app.exists()


def recipient_language(*, email: str, user=None) -> str:
    """The language of the account ``email`` belongs to, else the active language."""
    if user is None or not getattr(user, "pk", None):
        user = User.objects.filter(email__iexact=email).only("language").first()
    if user is None:
        user = User.objects.filter(emailaddress__email__iexact=email).only("language").first()
    if user is not None and user.language in dict(settings.LANGUAGES):
        return user.language
    return translation.get_language() or settings.LANGUAGE_CODE


class AccountAdapter(DefaultAccountAdapter):
    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Every sensitive step asks for the password again, except the first set-up of
        two-step verification right after a password login (is_first_mfa_set_up_after_...).
        A session opened by a login code or a social login still asks."""
        request = context.request
        if (
            app == "allauth.mfa"
            and request is not None
            and request.user.is_authenticated
            and is_first_mfa_set_up_after_password_login(request)
        ):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def save_user(self, request, user, form, commit=True):
        """The account type she chose, and the language she signed up in (her e-mails')."""
        user.account_type = form.cleaned_data.get("account_type") or user.account_type
        language = translation.get_language() or ""
        if language in dict(settings.LANGUAGES):
            user.language = language
        return super().save_user(request, user, form, commit=commit)

    def format_email_subject(self, subject: str) -> str:
        """``[portal name] subject`` in the language the mail is written in."""
        return email_subject_prefix() + " ".join(str(subject).split())

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Written in the recipient's language: her account's, or for an address without an
        account (a sign-up attempt, a reset for an unknown address) the visitor's."""
        with translation.override(recipient_language(email=email, user=context.get("user"))):
            super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's text templates, with an HTML part made from the same text."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if not getattr(message, "alternatives", None):
            message.attach_alternative(
                email_html(subject=message.subject, text=message.body), "text/html"
            )
        return message

    def get_login_redirect_url(self, request):
        return reverse("dashboard")

    def get_client_ip(self, request):
        """Per-IP rate limits count the address the access log records (privacy/client_ip.py)."""
        address = client_ip(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    # Shown when a one-time code was mistyped too often: that code is spent, a new one works now.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": gettext_lazy(
            "잘못된 코드를 여러 번 입력해 이 코드는 더 쓸 수 없습니다. 새 코드를 받아 바로 다시 "
            "시도해 주세요."
        ),
    }

    def pre_authenticate(self, request, **credentials) -> None:
        """A lockout names the minutes left on the limit that is full (this address's or this
        network's), counted from the failed attempts themselves."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if getattr(error, "code", None) != "too_many_login_attempts":
                raise
            key = self._get_login_attempts_cache_key(request, **credentials)
            seconds = wait_seconds(request, action="login_failed", key=key)
            raise self.lockout_error(wait_minutes(seconds) if seconds else None) from error

    def lockout_error(self, minutes: int | None = None) -> ValidationError:
        """The lockout message says how long to wait and that a code by e-mail still works:
        someone guessing her password must not be able to keep the owner out."""
        minutes = minutes or login_lockout_minutes()
        message = ngettext(
            "로그인에 여러 번 실패해 비밀번호 로그인을 잠시 막았습니다. "
            "%(minutes)d분 뒤에 다시 시도하거나, '로그인 코드 받기'로 이메일로 받은 "
            "코드를 입력해 로그인하세요.",
            "로그인에 여러 번 실패해 비밀번호 로그인을 잠시 막았습니다. "
            "%(minutes)d분 뒤에 다시 시도하거나, '로그인 코드 받기'로 이메일로 받은 "
            "코드를 입력해 로그인하세요.",
            minutes,
        ) % {"minutes": minutes}
        return ValidationError(message, code="too_many_login_attempts")

    def validation_error(self, code, *args) -> ValidationError:
        if code == "too_many_login_attempts":
            return self.lockout_error()
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
