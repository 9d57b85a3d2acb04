"""The admin home's queue of ledger rows to approve and the link to the monthly ledger
(womenup/admin_queues.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from womenup.admin_queues import register_link, register_queue
from womenup.payments import selectors


def register() -> None:
    register_queue(
        order=70,
        key="payments-to-approve",
        label=_("지급 승인 대기"),
        count=lambda user: selectors.ledger_entries_to_approve().count(),
        url=lambda: reverse("admin:womenup_ledgerentry_changelist") + "?status__exact=pending",
        permission="womenup.approve_payments",
    )
    register_link(
        order=20,
        key="ledger-months",
        label=_("월별 지급 원장"),
        url=lambda: reverse("admin:womenup_ledgerentry_months"),
        permission="womenup.view_ledgerentry",
        description=_("사업·월별 지급 합계와 계좌이체 파일"),
    )
