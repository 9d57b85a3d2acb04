"""The bank-transfer file: approved ledger rows of a month as CSV (UTF-8 with BOM, for Excel)."""

import csv
import io
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from womenup.payments.selectors import ledger_transfer_entries
from womenup.payments.sources import payee_kind_of, payee_of, reference_of
from womenup.privacy.exports import formula_neutralised


def transfer_csv(*, month: date) -> tuple[str, int]:
    """The month's approved rows, one line each (a correction is its own line, negative when it
    takes money back). Returns ``(csv text, number of rows)``."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(
        [
            _("지급번호"),
            _("지급 구분"),
            _("사업"),
            _("지급 월"),
            _("받는 분"),
            _("받는 분 구분"),
            _("사업자등록번호/참여자번호"),
            _("금액(원)"),
            _("정정 대상"),
            _("승인 시각"),
        ]
    )
    rows = 0
    for entry in ledger_transfer_entries(month=month):
        writer.writerow(
            [
                entry.pk,
                entry.get_kind_display(),
                formula_neutralised(entry.program.name),
                f"{entry.month:%Y-%m}",
                formula_neutralised(payee_of(entry)),
                _("기업") if payee_kind_of(entry) == "company" else _("개인"),
                formula_neutralised(reference_of(entry)),
                entry.amount_krw,
                entry.corrects_id or "",
                f"{timezone.localtime(entry.approved_at):%Y-%m-%d %H:%M}",
            ]
        )
        rows += 1
    return out.getvalue(), rows
