"""What the ledger's rows point at, registered by the apps that own the evidence.

The kernel names no app: the payments admin, the month view and the bank-transfer file learn
from this registry how to load a row's evidence in one query per kind of evidence and who is
paid. This module imports no model, so an ``apps.py`` may import it at the top.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class LedgerSource:
    """How to show one kind of evidence (a model) behind ledger rows."""

    model: type
    queryset: Callable[[], object]  # the model's rows with what ``payee`` reads joined
    payee: Callable[[object], str]  # who receives the money, as the bank transfer names it
    reference: Callable[[object], str]  # the payee's number (business number, applicant no.)
    subject: Callable[[object], object]  # the person whose data the row shows, or None
    payee_kind: str  # "company" or "person"


_SOURCES: dict[str, LedgerSource] = {}


def register_ledger_source(
    model: type,
    *,
    queryset: Callable[[], object],
    payee: Callable[[object], str],
    reference: Callable[[object], str],
    subject: Callable[[object], object] = lambda obj: None,
    payee_kind: str = "company",
) -> None:
    """Declare ``model`` as evidence of ledger rows (called from ``AppConfig.ready()``)."""
    _SOURCES[model._meta.label_lower] = LedgerSource(
        model=model,
        queryset=queryset,
        payee=payee,
        reference=reference,
        subject=subject,
        payee_kind=payee_kind,
    )


def ledger_sources() -> list[LedgerSource]:
    return list(_SOURCES.values())


def ledger_source_for(obj) -> LedgerSource | None:
    return _SOURCES.get(obj._meta.label_lower) if obj is not None else None


def payee_of(entry) -> str:
    """Who the row pays, read from its (prefetched) evidence."""
    source = ledger_source_for(entry.source)
    return source.payee(entry.source) if source else "—"


def reference_of(entry) -> str:
    source = ledger_source_for(entry.source)
    return source.reference(entry.source) if source else ""


def payee_kind_of(entry) -> str:
    source = ledger_source_for(entry.source)
    return source.payee_kind if source else ""


def subject_of(entry):
    source = ledger_source_for(entry.source)
    return source.subject(entry.source) if source else None
