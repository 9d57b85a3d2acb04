"""Reads of the payment ledger: the admin list, month totals, the KPI figure, transfers."""

from datetime import date

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Count, F, Q, QuerySet, Sum

from womenup.models import LedgerEntry
from womenup.payments.sources import ledger_sources

APPROVED = LedgerEntry.Status.APPROVED
PENDING = LedgerEntry.Status.PENDING


def ledger_entries() -> QuerySet[LedgerEntry]:
    """Rows with their programme, approver and evidence (one query per kind of evidence)."""
    return LedgerEntry.objects.select_related("program", "approved_by").prefetch_related(
        GenericPrefetch("source", [source.queryset() for source in ledger_sources()])
    )


def ledger_paid_by_programme_month(
    *, since: date | None = None, until: date | None = None
) -> list[dict]:
    """Money paid (approved rows, corrections included) per programme and month, in one query:
    ``[{"program_id", "program_code", "program_name", "month", "paid_krw"}, ...]`` ordered by
    month, then programme."""
    rows = LedgerEntry.objects.filter(status=APPROVED)
    if since is not None:
        rows = rows.filter(month__gte=since.replace(day=1))
    if until is not None:
        rows = rows.filter(month__lte=until)
    return list(
        rows.values(
            "month", "program_id", program_code=F("program__code"), program_name=F("program__name")
        )
        .annotate(paid_krw=Sum("amount_krw"))
        .order_by("month", "program__order", "program_id")
    )


def ledger_month_summary(*, year: int | None = None) -> list[dict]:
    """Totals per month, programme and kind, pending and approved apart, in one query."""
    rows = LedgerEntry.objects.all()
    if year is not None:
        rows = rows.filter(month__year=year)
    return list(
        rows.values("month", "program_id", "kind", program_name=F("program__name"))
        .annotate(
            entries=Count("pk"),
            pending_krw=Sum("amount_krw", filter=Q(status=PENDING), default=0),
            approved_krw=Sum("amount_krw", filter=Q(status=APPROVED), default=0),
        )
        .order_by("-month", "program__order", "program_id", "kind")
    )


def ledger_transfer_entries(*, month: date) -> QuerySet[LedgerEntry]:
    """The approved rows of a month, for the bank-transfer file."""
    return ledger_entries().filter(status=APPROVED, month=month.replace(day=1)).order_by("pk")


def ledger_entries_to_approve() -> QuerySet[LedgerEntry]:
    """Rows waiting for a payment approver (the admin home's queue)."""
    return LedgerEntry.objects.filter(status=LedgerEntry.Status.PENDING)
