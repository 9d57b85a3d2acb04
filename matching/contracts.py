"""Electronic contract acknowledgement: the key terms of an intern's contract and where their
confirmation stands.

The terms are derived, never typed: the start the company confirmed (근로계약 시작일), the end
the programme's internship months later (the day before; three unless its figures say), the
role's weekly hours and the living wage in force on the start day (per hour and per month).
Both the intern and the company confirm them in the portal; each confirmation belongs to a
snapshot of the terms (``ContractTerms``), so when the terms change (another start date, other
weekly hours, a corrected rate) the old confirmations no longer count and both confirm again.
Wage support is paid only for placements whose current terms both sides confirmed
(``matching.wages.wage_support_generate``).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext as _

from matching.models import ContractConfirmation, ContractTerms, Placement
from womenup.calendar import add_months
from womenup.models import LivingWageRate
from womenup.money import monthly_wage
from womenup.programs.selectors import internship_months

Party = ContractConfirmation.Party


@dataclass(frozen=True)
class Terms:
    contract_start: date
    contract_end: date
    weekly_hours: int
    hourly_wage_krw: int
    monthly_wage_krw: int

    @property
    def key(self) -> str:
        """What the confirming page posts back, so she confirms exactly what she read."""
        return (
            f"{self.contract_start.isoformat()}|{self.contract_end.isoformat()}|"
            f"{self.weekly_hours}|{self.hourly_wage_krw}|{self.monthly_wage_krw}"
        )

    @classmethod
    def of_snapshot(cls, snapshot: ContractTerms) -> "Terms":
        return cls(
            contract_start=snapshot.contract_start,
            contract_end=snapshot.contract_end,
            weekly_hours=snapshot.weekly_hours,
            hourly_wage_krw=snapshot.hourly_wage_krw,
            monthly_wage_krw=snapshot.monthly_wage_krw,
        )


def rate_on(rates: Sequence[LivingWageRate], day: date) -> LivingWageRate | None:
    """The rate in force on ``day`` from rows ordered newest first."""
    return next((rate for rate in rates if rate.valid_from <= day), None)


def terms_of(placement: Placement, rates: Sequence[LivingWageRate]) -> Terms | None:
    """The placement's terms now; None until the company set the start (or when no living
    wage is entered for the start day, or the end falls outside the calendar)."""
    start = placement.contract_start
    if start is None:
        return None
    rate = rate_on(rates, start)
    try:
        end = add_months(start, internship_months(placement.role.intake.program)) - timedelta(
            days=1
        )
    except (ValueError, OverflowError):
        return None
    if rate is None:
        return None
    hours = placement.role.weekly_hours
    return Terms(
        contract_start=start,
        contract_end=end,
        weekly_hours=hours,
        hourly_wage_krw=rate.hourly_krw,
        monthly_wage_krw=monthly_wage(hourly_krw=rate.hourly_krw, weekly_hours=hours),
    )


@dataclass
class ContractState:
    terms: Terms | None
    snapshot: ContractTerms | None = None  # the latest snapshot, when it holds today's terms
    confirmations: dict[str, ContractConfirmation] = field(default_factory=dict)
    changed: bool = False  # confirmed terms existed, but the terms are no longer those

    @property
    def both_confirmed(self) -> bool:
        return set(self.confirmations) == {Party.INTERN, Party.COMPANY}

    def confirmed_by(self, party: str) -> ContractConfirmation | None:
        return self.confirmations.get(party)

    @property
    def intern(self) -> ContractConfirmation | None:
        return self.confirmations.get(Party.INTERN)

    @property
    def company(self) -> ContractConfirmation | None:
        return self.confirmations.get(Party.COMPANY)

    @property
    def waiting_reason(self) -> str:
        """Why wage support waits, in words ("" when both sides confirmed)."""
        if self.both_confirmed:
            return ""
        if self.terms is None:
            return _("근로계약 시작일(과 그날의 생활임금)이 정해지지 않아 계약 조건이 없습니다.")
        missing = [
            str(Party(party).label) for party in Party.values if party not in self.confirmations
        ]
        reason = _("근로계약 조건 확인 대기: %(parties)s") % {"parties": ", ".join(missing)}
        if self.changed:
            reason += " " + _("(조건이 바뀌어 다시 확인해야 합니다)")
        return reason


def contract_state(placement: Placement, rates: Sequence[LivingWageRate]) -> ContractState:
    """Where the confirmation stands; reads ``placement.contract_terms`` with their
    confirmations (prefetched by ``selectors.with_contract_terms``)."""
    terms = terms_of(placement, rates)
    snapshots = sorted(
        placement.contract_terms.all(), key=lambda row: (row.created_at, row.pk), reverse=True
    )
    latest = snapshots[0] if snapshots else None
    if terms is None or latest is None:
        return ContractState(terms=terms, changed=latest is not None)
    if Terms.of_snapshot(latest) != terms:
        return ContractState(terms=terms, changed=True)
    confirmations = {row.party: row for row in latest.confirmations.all()}
    return ContractState(terms=terms, snapshot=latest, confirmations=confirmations)
