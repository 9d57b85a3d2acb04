"""Writes to the payment ledger: record a derived row, approve, correct."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from womenup.models import LedgerEntry, LivingWageRate, Program, User

APPROVE_PERMISSION = "womenup.approve_payments"


def ledger_entry_record(
    *,
    kind: str,
    program: Program,
    month: date,
    amount_krw: int,
    source,
    basis: dict | None = None,
    rate: LivingWageRate | None = None,
    created_by: User | None = None,
) -> tuple[LedgerEntry, bool]:
    """The one original row for this evidence, kind and month: created when missing, else the
    existing row unchanged (so generating twice does no harm). Returns ``(entry, created)``."""
    if isinstance(amount_krw, bool) or not isinstance(amount_krw, int):
        raise TypeError(f"amount_krw must be an int, got {type(amount_krw).__name__}")
    if amount_krw <= 0:
        raise ValidationError(_("지급 금액은 1원 이상이어야 합니다."), code="amount")
    return LedgerEntry.objects.get_or_create(
        kind=kind,
        source_type=ContentType.objects.get_for_model(source),
        source_id=source.pk,
        month=month.replace(day=1),
        corrects=None,
        defaults={
            "program": program,
            "amount_krw": amount_krw,
            "basis": basis or {},
            "rate": rate,
            "created_by": created_by,
        },
    )


def can_approve_payments(user: User) -> bool:
    return bool(user.is_authenticated and user.is_staff and user.has_perm(APPROVE_PERMISSION))


@transaction.atomic
def ledger_entry_approve(*, entry: LedgerEntry, staff: User) -> LedgerEntry:
    """Approve a pending row; from then on it never changes (PostgreSQL refuses it too)."""
    if not can_approve_payments(staff):
        raise ValidationError(_("지급 승인 권한이 있는 담당자만 지급을 승인할 수 있습니다."))
    entry = LedgerEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.status == LedgerEntry.Status.APPROVED:
        raise ValidationError(
            _("이미 승인된 지급은 바꿀 수 없습니다. 정정이 필요하면 정정 지급을 만들어 주세요."),
            code="approved",
        )
    entry.status = LedgerEntry.Status.APPROVED
    entry.approved_by = staff
    entry.approved_at = timezone.now()
    entry.save(update_fields=["status", "approved_by", "approved_at"])
    return entry


@transaction.atomic
def ledger_entry_correct(
    *, entry: LedgerEntry, amount_krw: int, reason: str, staff: User
) -> LedgerEntry:
    """Put right what a row pays: a new pending row that references the original and carries
    the difference, so the original and all its corrections add up to ``amount_krw`` (0 cancels
    the payment). A correction of a correction corrects the original."""
    if isinstance(amount_krw, bool) or not isinstance(amount_krw, int):
        raise TypeError(f"amount_krw must be an int, got {type(amount_krw).__name__}")
    if amount_krw < 0:
        raise ValidationError(_("정정 후 금액은 0원 이상이어야 합니다."), code="amount")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("정정 사유를 적어 주세요."), code="reason")
    original = LedgerEntry.objects.select_for_update().get(pk=entry.corrects_id or entry.pk)
    difference = amount_krw - ledger_entry_net(original)
    if difference == 0:
        raise ValidationError(
            _("정정 후 금액이 지금 금액(%(amount)s원)과 같습니다.") % {"amount": f"{amount_krw:,}"},
            code="same",
        )
    return LedgerEntry.objects.create(
        kind=original.kind,
        program=original.program,
        month=original.month,
        amount_krw=difference,
        source_type=original.source_type,
        source_id=original.source_id,
        rate=original.rate,
        basis={"corrected_to_krw": amount_krw},
        corrects=original,
        reason=reason,
        created_by=staff,
    )


def ledger_entry_net(original: LedgerEntry) -> int:
    """What an original row pays once its corrections are added (approved or not)."""
    corrections = original.corrections.aggregate(total=Sum("amount_krw"))["total"] or 0
    return original.amount_krw + corrections
