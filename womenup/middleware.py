"""Staff must set up two-step verification before they can use admin."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from womenup.mfa import has_mfa


class StaffMFARequiredMiddleware:
    """Sends a logged-in staff member without TOTP from admin to the TOTP set-up page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._needs_mfa_setup(request):
            messages.warning(
                request, _("관리자 화면을 쓰려면 먼저 2단계 인증(OTP 앱)을 설정해야 합니다.")
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _needs_mfa_setup(request) -> bool:
        user = request.user
        return (
            request.path.startswith(reverse("admin:index"))
            and user.is_authenticated
            and user.is_staff
            and not has_mfa(user)
        )
