"""The admin site: staff log in through the portal's login page, which asks for the OTP code."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from womenup import branding
from womenup.accounts.mfa import has_mfa


class WomenUpAdminSite(admin.AdminSite):
    index_title = gettext_lazy("사업 운영")

    @property
    def site_header(self) -> str:
        return _("%(portal)s 관리자") % branding.brand()

    @property
    def site_title(self) -> str:
        return self.site_header

    def has_permission(self, request) -> bool:
        """Staff may use admin only once two-step verification (TOTP) is set up."""
        return super().has_permission(request) and has_mfa(request.user)

    def login(self, request, extra_context=None):
        return secure_admin_login(super().login)(request, extra_context)
