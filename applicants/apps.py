from django.apps import AppConfig

from applicants.dashboard import register_section
from womenup.payments.sources import register_ledger_source
from womenup.plugins import register_demo_loader
from womenup.privacy.retention import register_activity_source, register_anonymiser
from womenup.programs.eligibility.reasons import register_labels


class ApplicantsConfig(AppConfig):
    name = "applicants"
    verbose_name = "참여자"

    def ready(self) -> None:
        from applicants import admin_home, allowance_dashboard, demo, models, retention

        register_section(30, allowance_dashboard.applicant_section)
        register_demo_loader(30, demo.load)
        register_labels("gender", models.ApplicantProfile.Gender.choices)
        register_labels("employment_status", models.ApplicantProfile.EmploymentStatus.choices)
        register_labels("document", models.Document.Kind.choices)
        register_labels("priority_group", models.PriorityGroup.choices)
        register_ledger_source(
            models.ActivityReport,
            queryset=lambda: models.ActivityReport.objects.select_related(
                "application__profile__user"
            ),
            payee=lambda report: str(report.application.profile),
            reference=lambda report: f"P{report.application.profile_id}",
            subject=lambda report: report.application.profile.user,
            payee_kind="person",
        )
        register_activity_source(retention.allowance_activity)
        register_anonymiser(30, retention.applicant_anonymise)
        admin_home.register()
