"""Wage support (인턴 임금 지원): the city pays each intern's company the Seoul living wage,
month by month, as rows of the payment ledger.

A month's row is derived from the living-wage rate in force on the month's first day, the
role's weekly hours and the days of that month the contract covers: a whole month pays
``monthly_wage`` (40 h at 11,436원 → 2,390,124원), a first or last partial month pro rata by
working days (``womenup.money.wage_support_shares``), and nothing after the placement ended
early. Generating a month twice changes nothing (one row per placement and month).

Only placements whose current contract terms both the intern and the company confirmed are paid
(``matching/contracts.py``); the others are listed in the run with the reason, and get their row
when the month is generated again after both confirmed.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet

from matching.contracts import contract_state
from matching.models import Placement
from matching.selectors import living_wage_rates, with_contract_terms
from womenup.calendar import add_months
from womenup.models import LedgerEntry, User
from womenup.money import (
    monthly_wage,
    paid_monthly_hours,
    prorated_wage,
    wage_support_shares,
    working_days,
)
from womenup.payments.services import ledger_entry_record
from womenup.programs.selectors import (
    internship_months,
    living_wage_on,
    longest_internship_months,
)

PAID_STATUSES = (Placement.Status.CONTRACTED, Placement.Status.COMPLETED)


@dataclass(frozen=True)
class WaitingPlacement:
    """A placement the month would pay, held back until both sides confirm the contract."""

    placement: Placement
    reason: str


@dataclass(frozen=True)
class WageSupportRun:
    month: date
    created: int
    existing: int
    total_krw: int  # of the rows created now
    waiting: list[WaitingPlacement] = field(default_factory=list)


def placement_last_day(placement: Placement) -> date:
    """The last day the contract covers: the day before the internship's end, or the day the
    intern left when she left early."""
    months = internship_months(placement.role.intake.program)
    last = add_months(placement.contract_start, months) - timedelta(days=1)
    if placement.ended_on is not None and placement.ended_on < last:
        return placement.ended_on
    return last


def placements_with_wage_in(month: date) -> QuerySet[Placement]:
    """Contracted placements whose contract may cover a day of ``month``."""
    first, last = month, add_months(month, 1) - timedelta(days=1)
    placements = (
        Placement.objects.filter(
            status__in=PAID_STATUSES,
            contract_start__lte=last,
            contract_start__gt=add_months(first, -longest_internship_months()) - timedelta(days=1),
        )
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=first))
        .select_related("role__intake__program", "role__company", "application__applicant")
        .order_by("pk")
    )
    return with_contract_terms(placements)


@transaction.atomic
def wage_support_generate(*, month: date, created_by: User | None = None) -> WageSupportRun:
    """Write the month's wage-support rows (pending approval) for every intern it covers."""
    month = month.replace(day=1)
    rate = living_wage_on(month)
    created = existing = total = 0
    waiting = []
    rates = living_wage_rates()
    for placement in placements_with_wage_in(month):
        contract = contract_state(placement, rates)
        if not contract.both_confirmed:
            waiting.append(WaitingPlacement(placement=placement, reason=contract.waiting_reason))
            continue
        shares = dict(
            wage_support_shares(
                contract_start=placement.contract_start,
                last_day=placement_last_day(placement),
                months=internship_months(placement.role.intake.program),
            )
        )
        share = shares.get(month)
        if not share:
            continue
        hours = placement.role.weekly_hours
        amount = prorated_wage(
            monthly_krw=monthly_wage(hourly_krw=rate.hourly_krw, weekly_hours=hours), share=share
        )
        month_last = add_months(month, 1) - timedelta(days=1)
        entry, is_new = ledger_entry_record(
            kind=LedgerEntry.Kind.WAGE_SUPPORT,
            program=placement.role.intake.program,
            month=month,
            amount_krw=amount,
            source=placement,
            rate=rate,
            basis={
                "hourly_krw": rate.hourly_krw,
                "weekly_hours": hours,
                "paid_hours": paid_monthly_hours(hours),
                "share": f"{share.numerator}/{share.denominator}",
                "month_working_days": working_days(month, month_last),
                "contract_start": placement.contract_start.isoformat(),
                "last_day": placement_last_day(placement).isoformat(),
            },
            created_by=created_by,
        )
        if is_new:
            created += 1
            total += entry.amount_krw
        else:
            existing += 1
    return WageSupportRun(
        month=month, created=created, existing=existing, total_krw=total, waiting=waiting
    )
