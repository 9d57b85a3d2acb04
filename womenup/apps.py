from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps

from womenup.plugins import register_demo_loader


class WomenUpConfig(AppConfig):
    default = True
    name = "womenup"
    verbose_name = "공통(사업·알림·접근기록)"

    def ready(self) -> None:
        from womenup import checks, demo  # noqa: F401  (checks registers the deploy checks)

        register_demo_loader(0, demo.load)


class WomenUpAdminConfig(admin_apps.AdminConfig):
    """Django admin with the portal's admin site (MFA-only for staff)."""

    default = False
    default_site = "womenup.admin_site.WomenUpAdminSite"
