"""The job-seeking allowance section of the applicant dashboard (see applicants/dashboard.py)."""

from applicants.dashboard import DashboardSection
from applicants.selectors import allowance_applications_for


def applicant_section(profile) -> DashboardSection | None:
    """Her allowance applications with monthly reports and payments (3 queries)."""
    applications = list(allowance_applications_for(profile))
    if not applications:
        return None
    return DashboardSection(
        template="applicants/dashboard_allowance.html", context={"applications": applications}
    )
