"""The admin site: staff log in through the portal's login page, which asks for the OTP code."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from womenup.accounts.mfa import has_mfa


class WomenUpAdminSite(admin.AdminSite):
    site_header = _("서울우먼업 관리자")
    site_title = _("서울우먼업 관리자")
    index_title = _("사업 운영")

    def has_permission(self, request) -> bool:
        """Staff may use admin only once two-step verification (TOTP) is set up."""
        return super().has_permission(request) and has_mfa(request.user)

    def login(self, request, extra_context=None):
        return secure_admin_login(super().login)(request, extra_context)
