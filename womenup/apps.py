from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import pgettext_lazy

from womenup.kpi import register_metric
from womenup.plugins import register_demo_loader
from womenup.privacy.retention import register_anonymiser


class WomenUpConfig(AppConfig):
    default = True
    name = "womenup"
    verbose_name = pgettext_lazy("admin app", "공통(사업·알림·접근기록)")

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_save

        from womenup import admin_home, bulk, checks, demo  # noqa: F401  (checks: deploy checks)
        from womenup.cache import admin_change_bump
        from womenup.middleware import start_session_clocks
        from womenup.payments import admin_home as payments_admin_home
        from womenup.payments import kpi as payments_kpi
        from womenup.privacy import services as privacy_services
        from womenup.programs.eligibility.reasons import register_label_source
        from womenup.programs.selectors import city_label

        register_label_source("city", lambda code: city_label(code, short=True))
        register_label_source("city_address", lambda code: city_label(code, short=False))

        register_demo_loader(0, demo.load)
        register_anonymiser(100, privacy_services.user_anonymise)  # the account itself, last
        user_logged_in.connect(start_session_clocks, dispatch_uid="womenup-session-clocks")
        post_save.connect(admin_change_bump, sender=LogEntry, dispatch_uid="womenup-admin-bump")
        admin_home.register()
        payments_admin_home.register()
        register_metric("payments", payments_kpi.money_table, order=40)


class WomenUpAdminConfig(admin_apps.AdminConfig):
    """Django admin with the portal's admin site (MFA-only for staff)."""

    default = False
    default_site = "womenup.admin_site.WomenUpAdminSite"
