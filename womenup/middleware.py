"""Request middleware of the portal: the staff MFA gate, the chosen language, session lifetimes,
a fresh log-in before login changes on accounts without a password, and the security headers
(Permissions-Policy, no-store on private responses)."""

import time

from allauth.account.internal.flows.reauthentication import get_reauthentication_flows
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from womenup.accounts.adapters import recent_authentication
from womenup.accounts.mfa import has_mfa


class StaffMFARequiredMiddleware:
    """Staff without an authenticator app (TOTP) can only reach the account pages.

    Staff may open people's documents and records (admin, and downloads outside admin); none of
    that is reachable until two-step verification is set up.
    """

    OPEN_PREFIXES = ("/accounts/", "/i18n/", "/static/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._needs_mfa_setup(request):
            messages.warning(
                request, _("관리자 기능을 쓰려면 먼저 2단계 인증(OTP 앱)을 설정해야 합니다.")
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _needs_mfa_setup(self, request) -> bool:
        user = request.user
        return (
            user.is_authenticated
            and user.is_staff
            and not request.path.startswith(self.OPEN_PREFIXES)
            and not has_mfa(user)
        )


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Korean unless the visitor chose another language with the switch (the language cookie).

    The browser's Accept-Language is ignored on purpose: the portal speaks Korean first.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        translation.activate(chosen if chosen in supported else settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()


class PermissionsPolicyMiddleware:
    """No page of the portal may use the camera, microphone, location, payment or USB."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class NoStoreForPrivateResponsesMiddleware:
    """Nothing shown to a logged-in person, and no admin page, is kept by a browser or proxy.

    Anonymous public pages stay cacheable. Private-file downloads set no-store themselves
    (womenup.privacy.downloads.private_file_response).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated or request.path.startswith("/admin/"):
            add_never_cache_headers(response)
        return response


SESSION_STARTED_KEY = "womenup_session_started_at"
LAST_ACTIVITY_KEY = "womenup_last_activity_at"
# The idle clock is written back at most this often, so a staff session is not saved on
# every request (the idle limit is then exact to within this many seconds).
ACTIVITY_RESOLUTION_SECONDS = 60


def start_session_clocks(sender, request, user, **kwargs) -> None:
    """At log-in (the user_logged_in signal, as Django's last_login): both clocks start now."""
    now = int(time.time())
    request.session[SESSION_STARTED_KEY] = now
    request.session[LAST_ACTIVITY_KEY] = now


class SessionLifetimeMiddleware:
    """A session ends SESSION_ABSOLUTE_LIFETIME_SECONDS after log-in, whatever the activity,
    and a staff session after STAFF_SESSION_IDLE_SECONDS without a request.

    The clocks (Unix seconds) live in the session and start at log-in
    (start_session_clocks); every staff request refreshes the idle clock.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            started = session.setdefault(SESSION_STARTED_KEY, now)
            if now - started > settings.SESSION_ABSOLUTE_LIFETIME_SECONDS:
                return self._log_out(
                    request,
                    _("로그인한 지 오래되어 안전을 위해 로그아웃했습니다. 다시 로그인해 주세요."),
                )
            if request.user.is_staff:
                last_activity = session.get(LAST_ACTIVITY_KEY, 0)
                if now - last_activity > settings.STAFF_SESSION_IDLE_SECONDS:
                    minutes = settings.STAFF_SESSION_IDLE_SECONDS // 60
                    return self._log_out(
                        request,
                        _(
                            "%(minutes)d분 동안 사용하지 않아 안전을 위해 로그아웃했습니다. "
                            "다시 로그인해 주세요."
                        )
                        % {"minutes": minutes},
                    )
                if now - last_activity >= ACTIVITY_RESOLUTION_SECONDS:
                    session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)

    @staticmethod
    def _log_out(request, message: str):
        logout(request)
        messages.info(request, message)
        return redirect_to_login(request.get_full_path())


# allauth's pages that change how someone logs in: her addresses, her password, her linked
# Kakao/Naver accounts and two-step verification (every mfa_ page but these).
LOGIN_CHANGE_PAGES = {"account_email", "account_set_password", "socialaccount_connections"}
MFA_PAGES_WITHOUT_CHANGES = {"mfa_index", "mfa_authenticate", "mfa_reauthenticate"}


class RecentLoginRequiredMiddleware:
    """An account with neither a password nor an authenticator app (Kakao or Naver log-in only)
    changes how it logs in only within ACCOUNT_REAUTHENTICATION_TIMEOUT of logging in.

    allauth asks for the password or the authenticator's code again before these changes, but
    lets an account that has neither through; a stolen session could then add an address,
    make it primary and set a password. Such a session is logged out and sent to log in
    afresh (Kakao, Naver or a code by e-mail), then comes back to the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not (self._changes_login(request) and request.user.is_authenticated):
            return None
        if get_reauthentication_flows(request.user) or recent_authentication(request):
            return None  # allauth asks for the password or code itself, or she just logged in
        logout(request)
        messages.info(
            request,
            _(
                "로그인 방법을 바꾸려면 안전을 위해 다시 로그인해 주세요. 카카오·네이버로 "
                "로그인하거나 이메일로 받은 로그인 코드를 쓰면 됩니다."
            ),
        )
        return redirect_to_login(request.get_full_path())

    @staticmethod
    def _changes_login(request) -> bool:
        name = request.resolver_match.url_name or ""
        if name.startswith("mfa_"):
            return name not in MFA_PAGES_WITHOUT_CHANGES
        process = request.POST.get("process", request.GET.get("process"))
        connects = name.endswith("_login") and process == "connect"
        return request.method == "POST" and (name in LOGIN_CHANGE_PAGES or connects)
