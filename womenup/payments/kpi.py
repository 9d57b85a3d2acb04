"""What the payment ledger puts on the admin KPI page (womenup/kpi.py): money paid per
programme and month."""

from django.utils.translation import gettext as _

from womenup.kpi import KpiTable
from womenup.payments.selectors import ledger_paid_by_programme_month


def money_table() -> KpiTable:
    """Approved ledger rows (corrections included) per programme and month. One query."""
    rows = [
        [row["program_name"], f"{row['month']:%Y-%m}", row["paid_krw"]]
        for row in ledger_paid_by_programme_month()
    ]
    return KpiTable(
        title=_("지급액 (사업·월별, 원)"),
        columns=[_("사업"), _("지급 월"), _("지급액")],
        rows=rows,
        label_columns=2,
        note=_("지급 원장에서 승인된 금액(정정 포함)을 지급 월별로 셉니다."),
    )
