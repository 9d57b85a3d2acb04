from django.apps import AppConfig
from django.utils.translation import pgettext_lazy

from womenup.plugins import register_demo_loader


class CompaniesConfig(AppConfig):
    name = "companies"
    verbose_name = pgettext_lazy("admin app", "참여기업")

    def ready(self) -> None:
        from companies import admin_home, demo

        register_demo_loader(20, demo.load)
        admin_home.register()
