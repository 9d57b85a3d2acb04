"""Export of the payment ledger from admin (womenup/privacy/exports.py: neutralisation)."""

from django.utils.translation import gettext_lazy as _
from import_export import fields

from womenup.models import LedgerEntry
from womenup.payments.sources import payee_of
from womenup.privacy.exports import PersonalDataResource, column, when


class PaymentResource(PersonalDataResource):
    id = column("id", _("지급번호"))
    kind = column("get_kind_display", _("지급 구분"))
    program = column("program__name", _("사업"))
    month = fields.Field(column_name=_("지급 월"), readonly=True)
    payee = fields.Field(column_name=_("받는 분"), readonly=True)
    amount_krw = column("amount_krw", _("금액(원)"))
    corrects = column("corrects_id", _("정정 대상"))
    reason = column("reason", _("정정 사유"))
    status = column("get_status_display", _("상태"))
    approved_by = column("approved_by__email", _("승인한 담당자"))
    approved_at = when("approved_at", _("승인 시각"))

    class Meta:
        model = LedgerEntry
        fields = (
            "id",
            "kind",
            "program",
            "month",
            "payee",
            "amount_krw",
            "corrects",
            "reason",
            "status",
            "approved_by",
            "approved_at",
        )

    def dehydrate_month(self, entry: LedgerEntry) -> str:
        return f"{entry.month:%Y-%m}"

    def dehydrate_payee(self, entry: LedgerEntry) -> str:
        return payee_of(entry)
