"""This app's section of the applicant dashboard (see applicants/dashboard.py)."""

from django.utils import timezone

from applicants.dashboard import DashboardSection
from applicants.selectors import active_proxy_consent
from courses import selectors


def applicant_section(profile) -> DashboardSection | None:
    """Her course applications: status, place in line, attendance, completion, certificates."""
    today = timezone.localdate()
    enrollments = selectors.enrollments_for_dashboard(profile, on=today)
    if not enrollments:
        return None
    rows = [
        {
            "enrollment": enrollment,
            "attendance_rate": selectors.percentage(
                enrollment.sessions_attended, enrollment.sessions_held
            ),
        }
        for enrollment in enrollments
    ]
    return DashboardSection(template="courses/dashboard_section.html", context={"rows": rows})


def counselling_section(profile) -> DashboardSection | None:
    """Her job centre: what a counsellor did for her and her consent to it (she can withdraw
    it), and her coming counselling sessions. Nothing when no centre looks after her; the
    counsellors' notes are never shown here."""
    counselling = selectors.counselling_for_applicant(profile)
    if not counselling["clients"]:
        return None
    return DashboardSection(
        template="courses/dashboard_counselling.html",
        context={
            **counselling,
            "consent": active_proxy_consent(profile),
            "profile": profile,
        },
    )
