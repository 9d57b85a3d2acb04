"""The admin home's work queue of companies awaiting verification (womenup/admin_queues.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from companies import selectors
from womenup.admin_queues import register_queue


def register() -> None:
    register_queue(
        order=10,
        key="companies-pending",
        label=_("승인 대기 참여기업"),
        count=lambda user: selectors.companies_awaiting_verification().count(),
        url=lambda: reverse("admin:companies_company_changelist") + "?status__exact=pending",
        permission="companies.change_company",
    )
