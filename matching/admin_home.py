"""The admin home's work queues of the internship lifecycle (womenup/admin_queues.py): each
count is the same selector as the admin list its link opens."""

from django.conf import settings
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matching import selectors
from womenup.admin_queues import register_queue


def _overdue_label() -> str:
    days = settings.INTERVIEW_REPLY_OVERDUE_DAYS
    return _("응답 없는 면접 제안 (%(days)d일 경과)") % {"days": days}


def register() -> None:
    register_queue(
        order=20,
        key="screening-needs-person",
        label=gettext_lazy("담당자 확인이 필요한 서류심사 (보완 필요)"),
        count=lambda user: selectors.screenings_needing_a_person().count(),
        url=lambda: reverse("admin:matching_screeningresult_changelist") + "?attention=needs_info",
        permission="matching.change_screeningresult",
    )
    register_queue(
        order=30,
        key="invitations-unanswered",
        label=lazy(_overdue_label, str)(),
        count=lambda user: selectors.invitations_unanswered(
            days=settings.INTERVIEW_REPLY_OVERDUE_DAYS
        ).count(),
        url=lambda: reverse("admin:matching_interviewinvitation_changelist") + "?reply=overdue",
        permission="matching.view_interviewinvitation",
    )
    register_queue(
        order=40,
        key="contracts-to-confirm",
        label=gettext_lazy("근로계약 확인 대기"),
        count=lambda user: selectors.placements_awaiting_contract().count(),
        url=lambda: (
            reverse("admin:matching_placement_changelist") + "?status__exact=awaiting_contract"
        ),
        permission="matching.view_placement",
    )
    register_queue(
        order=50,
        key="incentive-claims",
        label=gettext_lazy("고용장려금 신청 (승인 대기)"),
        count=lambda user: selectors.incentive_claims_to_decide().count(),
        url=lambda: (
            reverse("admin:matching_incentiveclaim_changelist") + "?status__exact=submitted"
        ),
        permission="matching.change_incentiveclaim",
    )
