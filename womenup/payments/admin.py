"""The payments admin: the ledger list with bulk approval, corrections, the month view and the
bank-transfer file."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from womenup.admin_actions import apply_to_each
from womenup.admin_history import HistoryAdmin
from womenup.display import krw
from womenup.forms import add_service_errors
from womenup.models import LedgerEntry, PersonalDataAccess, Program
from womenup.payments import selectors, services
from womenup.payments.forms import CorrectionForm, parse_month
from womenup.payments.resources import PaymentResource
from womenup.payments.sources import payee_of, subject_of
from womenup.payments.transfer import transfer_csv
from womenup.privacy.admin_exports import ExportWithReasonAdmin
from womenup.privacy.admin_mixins import PersonalDataAdminMixin
from womenup.privacy.services import personal_data_access_record

BASIS_LABELS = {
    "hourly_krw": gettext_lazy("시간당 생활임금"),
    "weekly_hours": gettext_lazy("주 근무시간"),
    "paid_hours": gettext_lazy("월 유급 시간"),
    "share": gettext_lazy("이달 지급 비율 (근무일)"),
    "month_working_days": gettext_lazy("이달 근무일 수"),
    "contract_start": gettext_lazy("근로계약 시작일"),
    "last_day": gettext_lazy("마지막 근무일"),
    "monthly_krw": gettext_lazy("월 지급액"),
    "report_month": gettext_lazy("활동 월"),
    "incentive_krw": gettext_lazy("고용장려금"),
    "hired_on": gettext_lazy("정규직 채용일"),
    "corrected_to_krw": gettext_lazy("정정 후 금액"),
    "migrated_from": gettext_lazy("옮겨 온 기록"),
    "released_at": gettext_lazy("원래 생성 시각"),
}


def _basis_value(key: str, value) -> str:
    return krw(value) if key.endswith("_krw") and isinstance(value, int) else str(value)


class ProgramListFilter(admin.RelatedFieldListFilter):
    """The programmes with their city in one query."""

    def field_choices(self, field, request, model_admin):
        programs = Program.objects.select_related("city").order_by("order", "pk")
        return [(program.pk, str(program)) for program in programs]


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ExportWithReasonAdmin, PersonalDataAdminMixin, HistoryAdmin):
    """Every row is derived by a service: nothing is added, edited or deleted here."""

    admin_group = "payments"
    resource_classes = [PaymentResource]
    import_export_change_list_template = "admin/womenup/ledgerentry/change_list.html"

    personal_data_subject = staticmethod(subject_of)
    list_display = [
        "id",
        "kind",
        "program",
        "month_label",
        "payee",
        "amount",
        "corrects",
        "status",
        "approved_by",
        "approved_at",
    ]
    list_display_links = ["id"]
    list_filter = ["status", "kind", ("program", ProgramListFilter)]
    date_hierarchy = "month"
    actions = ["approve_payments"]
    fields = [
        "kind",
        "program",
        "month",
        "payee",
        "amount",
        "source_label",
        "rate",
        "basis_described",
        "corrects",
        "reason",
        "corrections_list",
        "status",
        "created_at",
        "created_by",
        "approved_by",
        "approved_at",
    ]
    readonly_fields = fields
    list_per_page = 50

    def get_queryset(self, request):
        return selectors.ledger_entries().select_related(
            "program__city", "corrects", "rate", "created_by"
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_approve_payments_permission(self, request) -> bool:
        return services.can_approve_payments(request.user)

    @admin.display(description=gettext_lazy("지급 월"), ordering="month")
    def month_label(self, entry: LedgerEntry) -> str:
        return f"{entry.month:%Y-%m}"

    @admin.display(description=gettext_lazy("받는 분"))
    def payee(self, entry: LedgerEntry) -> str:
        return payee_of(entry)

    @admin.display(description=gettext_lazy("금액"), ordering="amount_krw")
    def amount(self, entry: LedgerEntry) -> str:
        return krw(entry.amount_krw)

    @admin.display(description=gettext_lazy("근거"))
    def source_label(self, entry: LedgerEntry) -> str:
        return f"{entry.source_type.name} #{entry.source_id}: {entry.source}"

    @admin.display(description=gettext_lazy("산정 내역"))
    def basis_described(self, entry: LedgerEntry):
        lines = [
            (str(BASIS_LABELS.get(key, key)), _basis_value(key, value))
            for key, value in entry.basis.items()
        ]
        return format_html_join(mark_safe("<br>"), "{}: {}", lines) or "—"

    @admin.display(description=gettext_lazy("정정 내역"))
    def corrections_list(self, entry: LedgerEntry):
        if entry.corrects_id:
            return "—"
        link = reverse("admin:womenup_ledgerentry_correct", args=[entry.pk])
        rows = [f"#{c.pk} {krw(c.amount_krw)} ({c.reason})" for c in entry.corrections.all()]
        net = krw(services.ledger_entry_net(entry))
        return format_html(
            '{}<br>{}: {} · <a href="{}" id="ledger-correct">{}</a>',
            "; ".join(rows) or _("정정 없음"),
            _("정정 반영 금액"),
            net,
            link,
            _("정정 지급 만들기"),
        )

    @admin.action(description=gettext_lazy("선택한 지급 승인"), permissions=["approve_payments"])
    def approve_payments(self, request, queryset):
        """Asks for confirmation (rows and total), then approves each row through the service."""
        entries = list(queryset.order_by("pk"))
        if "confirm" not in request.POST:
            context = {
                **self.admin_site.each_context(request),
                "title": _("지급 승인 확인"),
                "entries": entries,
                "total_krw": sum(entry.amount_krw for entry in entries),
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "opts": self.model._meta,
            }
            return TemplateResponse(request, "admin/womenup/ledgerentry/approve.html", context)
        apply_to_each(
            self,
            request,
            entries,
            lambda entry: services.ledger_entry_approve(entry=entry, staff=request.user),
            done_message=_("%(count)d건의 지급을 승인했습니다."),
        )
        return None

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("months/", view(self.months_view), name="womenup_ledgerentry_months"),
            path(
                "transfer/<str:month>/",
                view(self.transfer_view),
                name="womenup_ledgerentry_transfer",
            ),
            path("<int:pk>/correct/", view(self.correct_view), name="womenup_ledgerentry_correct"),
            *super().get_urls(),
        ]

    def months_view(self, request):
        """Totals per month, programme and kind (pending and approved), with each month's
        bank-transfer file."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = selectors.ledger_month_summary()
        months: dict = {}
        for row in rows:
            month = months.setdefault(
                row["month"], {"month": row["month"], "rows": [], "pending": 0, "approved": 0}
            )
            row["kind_label"] = LedgerEntry.Kind(row["kind"]).label
            month["rows"].append(row)
            month["pending"] += row["pending_krw"]
            month["approved"] += row["approved_krw"]
        context = {
            **self.admin_site.each_context(request),
            "title": _("월별 지급 현황"),
            "months": list(months.values()),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/womenup/ledgerentry/months.html", context)

    def transfer_view(self, request, month: str):
        """The month's approved rows as a bank-transfer CSV; an access-log row records it."""
        if not services.can_approve_payments(request.user):
            raise PermissionDenied
        try:
            first = parse_month(month)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:womenup_ledgerentry_months"))
        text, count = transfer_csv(month=first)
        personal_data_access_record(
            actor=request.user,
            subject=None,
            action=PersonalDataAccess.Action.EXPORT,
            target=f"지급 이체 파일 {first:%Y-%m} ({count}건)",
            request=request,
        )
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="transfer-{first:%Y-%m}.csv"'
        response["Cache-Control"] = "no-store"
        return response

    def correct_view(self, request, pk: int):
        """A correction: a new row carrying the difference to the amount that is right."""
        if not services.can_approve_payments(request.user):
            raise PermissionDenied
        entry = get_object_or_404(selectors.ledger_entries(), pk=pk, corrects__isnull=True)
        form = CorrectionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                correction = services.ledger_entry_correct(
                    entry=entry,
                    amount_krw=form.cleaned_data["amount_krw"],
                    reason=form.cleaned_data["reason"],
                    staff=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                self.message_user(
                    request,
                    _("정정 지급 #%(pk)d (%(amount)s)을 만들었습니다. 승인 후 반영됩니다.")
                    % {"pk": correction.pk, "amount": krw(correction.amount_krw)},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:womenup_ledgerentry_change", args=[entry.pk])
                )
        self._record_for(request, entry, PersonalDataAccess.Action.VIEW, note="정정")
        context = {
            **self.admin_site.each_context(request),
            "title": _("정정 지급 만들기"),
            "entry": entry,
            "net_krw": services.ledger_entry_net(entry),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/womenup/ledgerentry/correct.html", context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "months_url": reverse("admin:womenup_ledgerentry_months"),
        }
        return super().changelist_view(request, extra_context)
