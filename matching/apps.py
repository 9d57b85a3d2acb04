from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from applicants.dashboard import register_section
from applicants.facts import register_fact_source
from companies import hooks as company_hooks
from courses import hooks as course_hooks
from womenup.kpi import register_metric
from womenup.payments.sources import register_ledger_source
from womenup.plugins import register_demo_loader
from womenup.privacy.retention import register_activity_source, register_anonymiser


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = "인턴십 매칭"

    def ready(self) -> None:
        from matching import admin_home, dashboard, demo, kpi, models, retention, selectors

        register_section(10, dashboard.applicant_section)
        register_demo_loader(40, demo.load)
        register_fact_source(selectors.participations_from_placements)
        register_activity_source(retention.internship_activity)
        register_anonymiser(40, retention.evaluation_anonymise)
        company_hooks.register_dashboard_section("matching.dashboard.company_section")
        company_hooks.register_role_section("matching.dashboard.role_candidates_section")
        company_hooks.register_role_seat_floor("matching.selectors.active_placement_count")
        course_hooks.register_client_action(
            gettext_lazy("인턴십 대리 신청"), "matching:client-internship"
        )
        register_metric("funnel", kpi.funnel_table, order=10)
        register_metric("companies", kpi.companies_table, order=20)
        register_ledger_source(
            models.Placement,
            queryset=lambda: models.Placement.objects.select_related("role__company"),
            payee=lambda placement: placement.role.company.name,
            reference=lambda placement: placement.role.company.business_number,
        )
        register_ledger_source(
            models.IncentiveClaim,
            queryset=lambda: models.IncentiveClaim.objects.select_related("company"),
            payee=lambda claim: claim.company.name,
            reference=lambda claim: claim.company.business_number,
        )
        admin_home.register()
