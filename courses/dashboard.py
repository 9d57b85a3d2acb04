"""This app's section of the applicant dashboard (see applicants/dashboard.py)."""

from django.utils import timezone

from applicants.dashboard import DashboardSection
from applicants.selectors import active_proxy_consent
from courses import selectors
from courses.models import Enrollment
from courses.next_steps import enrollment_next_step


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
            "next_step": enrollment_next_step(enrollment, today=today),
            # selected and not started yet: when, where and what to bring
            "before_start": enrollment.status == Enrollment.Status.ENROLLED
            and today < enrollment.course.starts_on,
        }
        for enrollment in enrollments
    ]
    return DashboardSection(
        template="courses/dashboard_section.html",
        context={"rows": rows},
        next_steps=[row["next_step"] for row in rows],
    )


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


def centre_requests_section(profile) -> DashboardSection | None:
    """A job centre's request to look after her, which she accepts or declines (one query)."""
    waiting = list(selectors.centre_requests_for_applicant(profile.user_id))
    if not waiting:
        return None
    return DashboardSection(
        template="courses/dashboard_centre_requests.html", context={"requests": waiting}
    )
