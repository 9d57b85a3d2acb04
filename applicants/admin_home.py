"""The admin home's work queues of the job-seeking allowance (womenup/admin_queues.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from applicants import selectors
from womenup.admin_queues import register_queue


def register() -> None:
    register_queue(
        order=60,
        key="activity-reports",
        label=_("구직활동 보고 검토"),
        count=lambda user: selectors.activity_reports_to_review().count(),
        url=lambda: (
            reverse("admin:applicants_activityreport_changelist") + "?status__exact=submitted"
        ),
        permission="applicants.change_activityreport",
    )
