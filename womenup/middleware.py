"""Request middleware of the portal: the staff MFA gate and the chosen language."""

from django.conf import settings
from django.contrib import messages
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _

from womenup.mfa import has_mfa


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
