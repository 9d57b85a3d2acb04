"""The admin site: staff log in through the portal's login page, which asks for the OTP code."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from womenup import views
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

    def get_urls(self):
        return [*self._kernel_urls(), *super().get_urls()]

    def _kernel_urls(self) -> list:
        """Admin pages of the kernel's own: the KPI page and its CSV files."""
        return [
            path("kpi/", self.admin_view(self._kpi_dashboard), name="kpi"),
            path("kpi/<slug:slug>.csv", self.admin_view(views.kpi_csv), name="kpi-csv"),
        ]

    def _kpi_dashboard(self, request):
        return views.kpi_dashboard(request, admin_context=self.each_context(request))
