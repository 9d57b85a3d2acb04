"""Ledger rows for tests, recorded through the ledger's service."""

from datetime import date

from tests.factories import kernel
from tests.factories.accounts import UserFactory
from womenup.models import LedgerEntry
from womenup.payments.services import ledger_entry_record


def ledger_entry(
    *,
    amount_krw: int = 300_000,
    kind: str = LedgerEntry.Kind.ALLOWANCE,
    program_code: str = "seoul-allowance",
    month: date = date(2024, 7, 1),
    source=None,
) -> LedgerEntry:
    """A pending row; its evidence is any row (a fresh user unless given)."""
    entry, _created = ledger_entry_record(
        kind=kind,
        program=kernel.program(program_code),
        month=month,
        amount_krw=amount_krw,
        source=source if source is not None else UserFactory(),
    )
    return entry
