"""The kernel's pages on the admin home (womenup/admin_queues.py): the KPI dashboard and the
access-log review."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from womenup.accounts.permissions import REVIEW_ACCESS_LOG, is_city_staff
from womenup.admin_queues import register_link


def register() -> None:
    register_link(
        order=10,
        key="kpi",
        label=_("성과 지표 (KPI)"),
        url=lambda: reverse("admin:kpi"),
        permission=is_city_staff,
        description=_("사업별 신청·매칭·채용 단계, 참여기업, 교육 성과, 지급액"),
    )
    register_link(
        order=30,
        key="access-review",
        label=_("개인정보 접근기록 월간 검토"),
        url=lambda: reverse("admin:womenup_personaldataaccess_review"),
        permission=REVIEW_ACCESS_LOG,
        description=_("하루 열람·내보내기가 많은 담당자와 내보내기 사유"),
    )
