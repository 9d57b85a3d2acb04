"""The admin home's work queue of course follow-ups due (womenup/admin_queues.py); institution
staff count only their own institution's, as their admin lists show."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses import selectors
from womenup.admin_queues import register_queue


def follow_ups_due_count(user) -> int:
    due = selectors.follow_ups_due(on=timezone.localdate())
    return selectors.scoped_to_staff(
        due, user, institution_path="enrollment__course__institution"
    ).count()


def register() -> None:
    register_queue(
        order=80,
        key="follow-ups-due",
        label=_("사후관리 조사 예정 (7일 이내·지남)"),
        count=follow_ups_due_count,
        url=lambda: reverse("admin:courses_followup_changelist") + "?due=due",
        permission="courses.change_followup",
    )
