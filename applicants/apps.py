from django.apps import AppConfig

from applicants.dashboard import register_section
from womenup.plugins import register_demo_loader


class ApplicantsConfig(AppConfig):
    name = "applicants"
    verbose_name = "참여자"

    def ready(self) -> None:
        from applicants import allowance_dashboard, demo

        register_section(30, allowance_dashboard.applicant_section)
        register_demo_loader(30, demo.load)
