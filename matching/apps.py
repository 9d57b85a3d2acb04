from django.apps import AppConfig

from companies import hooks as company_hooks


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = "인턴십 매칭"

    def ready(self):
        company_hooks.register_dashboard_section("matching.dashboard.company_section")
        company_hooks.register_role_section("matching.dashboard.role_candidates_section")
        company_hooks.register_role_seat_floor("matching.selectors.active_placement_count")
