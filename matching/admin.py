"""Admin for staff: weekly runs, screening results with overrides, applications and their fit;
interview evaluations, hires and incentive claims (claim decisions are actions calling the
services; a rejection asks for its reason on an intermediate page)."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from applicants.proxy import submitted_by_column
from matching import selectors, services
from matching.batch import COUNT_LABELS, STAGE_LABELS
from matching.fit import fit_parts_described
from matching.models import (
    ApplicationChoice,
    CandidateEvaluation,
    ContractConfirmation,
    ContractTerms,
    HireConfirmation,
    IncentiveClaim,
    InternshipApplication,
    InterviewInvitation,
    MatchingRun,
    Placement,
    ScreeningResult,
)
from matching.resources import ApplicationResource, PlacementResource
from matching.screening import screening_override, screening_override_clear
from womenup.admin_actions import ServiceSaveMixin, apply_to_each, apply_with_reason
from womenup.admin_filters import IntakeListFilter
from womenup.admin_history import HistoryAdmin
from womenup.display import krw
from womenup.privacy.admin_exports import ExportWithReasonAdmin
from womenup.privacy.admin_mixins import PersonalDataAdminMixin
from womenup.programs.eligibility.reasons import render_all


class ReadOnlyAdminMixin:
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(MatchingRun)
class MatchingRunAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    admin_group = "matching"
    list_display = [
        "week",
        "status",
        "triggered_by",
        "created_by",
        "started_at",
        "finished_at",
        "stage_summary",
    ]
    list_filter = ["status"]
    list_select_related = ["created_by"]
    fields = [
        "week",
        "status",
        "triggered_by",
        "created_by",
        "started_at",
        "finished_at",
        "stages_done_list",
        "stage_table",
        "last_error",
    ]
    readonly_fields = fields

    @admin.display(description=_("단계별 건수·소요 시간"))
    def stage_summary(self, run: MatchingRun) -> str:
        stages = [
            f"{STAGE_LABELS.get(stage, stage)} {run.durations.get(stage, 0):.1f}s"
            for stage in run.counts
        ]
        if "total" in run.durations:
            stages.append(_("전체 %(seconds).1fs") % {"seconds": run.durations["total"]})
        return " · ".join(stages)

    @admin.display(description=_("끝난 단계"))
    def stages_done_list(self, run: MatchingRun) -> str:
        return " → ".join(str(STAGE_LABELS.get(stage, stage)) for stage in run.stages_done) or "-"

    @admin.display(description=_("단계별 기록"))
    def stage_table(self, run: MatchingRun):
        rows = [
            (
                STAGE_LABELS.get(stage, stage),
                f"{run.durations.get(stage, 0):.3f}s",
                ", ".join(
                    f"{COUNT_LABELS.get(stage, {}).get(name, name)} {value}"
                    for name, value in counts.items()
                ),
            )
            for stage, counts in run.counts.items()
        ]
        return format_html_join("", "<p><strong>{}</strong> ({}) — {}</p>", rows)


class ScreeningOverrideForm(forms.ModelForm):
    """Staff set (or clear) an override; a reason is required to set one."""

    class Meta:
        model = ScreeningResult
        fields = ["override_outcome", "override_reason"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("override_outcome") and not (cleaned.get("override_reason") or "").strip():
            self.add_error(
                "override_reason", _("담당자 조정에는 사유가 필요합니다. 조정 사유를 적어 주세요.")
            )
        return cleaned


class ScreeningAttentionFilter(admin.SimpleListFilter):
    """The admin home's queue of results a person must decide (matching/admin_home.py)."""

    title = _("담당자 확인")
    parameter_name = "attention"

    def lookups(self, request, model_admin):
        return [("needs_info", _("보완 필요, 아직 조정하지 않음"))]

    def queryset(self, request, queryset):
        if self.value() == "needs_info":
            return queryset.filter(pk__in=selectors.screenings_needing_a_person())
        return queryset


class ReplyOverdueFilter(admin.SimpleListFilter):
    """The admin home's queue of invitations still unanswered (matching/admin_home.py)."""

    title = _("응답")
    parameter_name = "reply"

    def lookups(self, request, model_admin):
        days = settings.INTERVIEW_REPLY_OVERDUE_DAYS
        return [("overdue", _("%(days)d일 넘게 응답 없음") % {"days": days})]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            days = settings.INTERVIEW_REPLY_OVERDUE_DAYS
            return queryset.filter(pk__in=selectors.invitations_unanswered(days=days))
        return queryset


@admin.register(ScreeningResult)
class ScreeningResultAdmin(ServiceSaveMixin, PersonalDataAdminMixin, HistoryAdmin):
    admin_group = "matching"
    form = ScreeningOverrideForm
    history_value_renderers = {
        "reasons": lambda codes: " / ".join(render_all(codes)) or "-",
        "missing": lambda codes: " / ".join(render_all(codes)) or "-",
    }
    list_display = [
        "application",
        "outcome",
        "override_outcome",
        "effective",
        "week",
        "screened_at",
    ]
    list_filter = [ScreeningAttentionFilter, "outcome", "override_outcome", "week"]
    list_select_related = ["application__applicant__user", "application__intake__program"]
    search_fields = ["application__applicant__name", "application__applicant__user__email"]
    readonly_fields = [
        "application",
        "outcome",
        "reasons_list",
        "missing_list",
        "week",
        "screened_at",
        "overridden_by",
        "overridden_at",
    ]
    fieldsets = [
        (
            _("배치 심사 결과"),
            {"fields": ["application", "outcome", "reasons_list", "missing_list", "week"]},
        ),
        (
            _("담당자 조정 (재실행해도 유지됩니다)"),
            {"fields": ["override_outcome", "override_reason", "overridden_by", "overridden_at"]},
        ),
    ]

    @staticmethod
    def personal_data_subject(result: ScreeningResult):
        return result.application.applicant.user

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description=_("최종 결과"))
    def effective(self, result: ScreeningResult) -> str:
        return ScreeningResult.Outcome(result.effective_outcome).label

    @admin.display(description=_("사유"))
    def reasons_list(self, result: ScreeningResult):
        return (
            format_html_join("", "<p>{}</p>", ((reason,) for reason in render_all(result.reasons)))
            or "-"
        )

    @admin.display(description=_("보완할 정보"))
    def missing_list(self, result: ScreeningResult):
        return (
            format_html_join("", "<p>{}</p>", ((item,) for item in render_all(result.missing)))
            or "-"
        )

    def save_model(self, request, obj, form, change) -> None:
        if form.cleaned_data["override_outcome"]:
            self.save_by_service(
                request,
                obj,
                lambda: screening_override(
                    result=obj,
                    outcome=form.cleaned_data["override_outcome"],
                    reason=form.cleaned_data["override_reason"],
                    staff=request.user,
                ),
            )
        elif "override_outcome" in form.changed_data:
            self.save_by_service(
                request, obj, lambda: screening_override_clear(result=obj, staff=request.user)
            )


class ApplicationChoiceInline(admin.TabularInline):
    model = ApplicationChoice
    extra = 0
    fields = ["rank", "role"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class InterviewInvitationInline(admin.TabularInline):
    model = InterviewInvitation
    extra = 0
    fields = ["week", "role", "status", "fit_score", "fit_explained"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("적합도 내역"))
    def fit_explained(self, invitation: InterviewInvitation):
        return format_html_join(", ", "{} {}점", fit_parts_described(invitation.fit_parts or {}))


class PlacementInline(admin.TabularInline):
    model = Placement
    extra = 0
    fields = ["week", "role", "status", "contract_start", "wage_support"]
    readonly_fields = fields
    can_delete = False

    @admin.display(description=_("인턴 임금 지원액 (생활임금, 인턴 기간 전체)"))
    def wage_support(self, placement: Placement) -> str:
        try:
            amount = selectors.wage_support_krw(placement)
        except ValidationError as error:
            return " ".join(error.messages)
        return "-" if amount is None else krw(amount)

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(InternshipApplication)
class InternshipApplicationAdmin(ExportWithReasonAdmin, PersonalDataAdminMixin, HistoryAdmin):
    admin_group = "matching"
    resource_classes = [ApplicationResource]
    list_display = ["applicant", "intake", "status", "submitted_at", submitted_by_column]
    list_filter = ["status", ("intake", IntakeListFilter)]
    list_select_related = ["applicant__user", "intake__program", "submitted_by"]
    search_fields = ["applicant__name", "applicant__user__email"]
    readonly_fields = [
        "applicant",
        "intake",
        "status",
        "submitted_at",
        submitted_by_column,
        "withdrawn_at",
    ]
    fields = readonly_fields
    inlines = [ApplicationChoiceInline, InterviewInvitationInline, PlacementInline]

    @staticmethod
    def personal_data_subject(application: InternshipApplication):
        return application.applicant.user

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Placement)
class PlacementAdmin(
    ExportWithReasonAdmin, PersonalDataAdminMixin, ReadOnlyAdminMixin, HistoryAdmin
):
    """Placements change through the lifecycle's services (contract, end, hire): read here,
    with their change history; the admin home counts those awaiting a contract."""

    admin_group = "matching"
    list_display = ["role", "application", "week", "status", "contract_start", "created_at"]
    list_filter = ["status", "week"]
    list_select_related = ["role__company", "application__applicant__user", "application__intake"]
    search_fields = ["role__title", "role__company__name", "application__applicant__name"]
    fields = [
        "application",
        "role",
        "week",
        "status",
        "contract_start",
        "contract_acknowledgement",
        "wage_support",
    ]
    readonly_fields = fields
    wage_support = PlacementInline.wage_support
    resource_classes = [PlacementResource]

    @staticmethod
    def personal_data_subject(placement: Placement):
        return placement.application.applicant.user

    @admin.display(description=_("전자 근로계약 확인"))
    def contract_acknowledgement(self, placement: Placement) -> str:
        """Who confirmed the current terms and when; why wage support waits, if it does."""
        state = selectors.placement_contract_state(placement)
        lines = [
            format_html(
                "{}: {}",
                ContractConfirmation.Party(party).label,
                _confirmation_text(state.confirmed_by(party)),
            )
            for party in ContractConfirmation.Party.values
        ]
        reason = state.waiting_reason or _("양쪽이 확인했습니다. 임금 지원 대상입니다.")
        return format_html(
            '<span data-testid="contract-acknowledgement">{} · {}</span>',
            format_html_join(" · ", "{}", ((line,) for line in lines)),
            reason,
        )


def _confirmation_text(confirmation: ContractConfirmation | None) -> str:
    if confirmation is None:
        return str(_("확인 전"))
    when = timezone.localtime(confirmation.confirmed_at).strftime("%Y-%m-%d %H:%M")
    return f"{when} ({confirmation.confirmed_by.email})"


class ContractConfirmationInline(admin.TabularInline):
    model = ContractConfirmation
    fields = ["party", "confirmed_by", "confirmed_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ContractTerms)
class ContractTermsAdmin(PersonalDataAdminMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    """The confirmed contract terms: written once by the confirmations, read only here."""

    admin_group = "matching"
    list_display = [
        "placement",
        "contract_start",
        "contract_end",
        "weekly_hours",
        "hourly_wage",
        "monthly_wage",
        "created_at",
    ]
    list_select_related = ["placement__role__company", "placement__application__applicant__user"]
    search_fields = ["placement__role__title", "placement__application__applicant__name"]
    fields = [*list_display]
    readonly_fields = fields
    inlines = [ContractConfirmationInline]

    @staticmethod
    def personal_data_subject(terms: ContractTerms):
        return terms.placement.application.applicant.user

    @admin.display(description=_("시간당 임금(원)"), ordering="hourly_wage_krw")
    def hourly_wage(self, terms: ContractTerms) -> str:
        return krw(terms.hourly_wage_krw)

    @admin.display(description=_("월 임금(원)"), ordering="monthly_wage_krw")
    def monthly_wage(self, terms: ContractTerms) -> str:
        return krw(terms.monthly_wage_krw)


@admin.register(InterviewInvitation)
class InterviewInvitationAdmin(PersonalDataAdminMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    """Every invitation with its fit score and parts, so a role's ranking can be explained."""

    admin_group = "matching"

    list_display = ["week", "role", "application", "status", "fit_score", "fit_explained"]
    list_filter = [ReplyOverdueFilter, "week", "status"]
    list_select_related = [
        "role__company",
        "application__applicant__user",
        "application__intake__program",
    ]
    search_fields = ["role__title", "application__applicant__name"]
    ordering = ["role_id", "-fit_score", "application__submitted_at", "application_id"]
    fit_explained = InterviewInvitationInline.fit_explained

    @staticmethod
    def personal_data_subject(invitation: InterviewInvitation):
        return invitation.application.applicant.user


@admin.register(CandidateEvaluation)
class CandidateEvaluationAdmin(PersonalDataAdminMixin, admin.ModelAdmin):
    admin_group = "matching"
    list_display = ["role", "application", "interview_at", "result", "rank"]
    list_filter = ["result"]
    search_fields = ["role__title", "role__company__name"]
    list_select_related = [
        "role__company",
        "application__applicant__user",
        "application__intake__program",
    ]
    readonly_fields = [
        "role",
        "application",
        "interview_at",
        "interview_place",
        "video_link",
        "result",
        "note",
        "rank",
        "updated_at",
    ]

    @staticmethod
    def personal_data_subject(obj):
        return obj.application.applicant.user

    def has_add_permission(self, request) -> bool:
        return False


class IncentiveClaimInline(admin.StackedInline):
    model = IncentiveClaim
    extra = 0
    can_delete = False
    readonly_fields = ["amount_krw", "status", "decided_by", "decided_at", "rejection_reason"]
    fields = readonly_fields


@admin.register(HireConfirmation)
class HireConfirmationAdmin(PersonalDataAdminMixin, admin.ModelAdmin):
    admin_group = "matching"
    list_display = ["company", "placement", "hired_on", "created_at"]
    search_fields = ["company__name"]
    list_select_related = ["company", "placement__role__company"]
    readonly_fields = [
        "company",
        "placement",
        "hired_on",
        "proof_link",
        "content_type",
        "size",
        "confirmed_by",
        "created_at",
    ]
    # The proof is replaced only by refiling (the service checks the file's content).
    fields = readonly_fields
    inlines = [IncentiveClaimInline]

    @staticmethod
    def personal_data_subject(obj):
        return obj.placement.application.applicant.user

    @admin.display(description=_("채용 증빙"))
    def proof_link(self, obj):
        url = reverse("matching:hire-proof", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.original_name)

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(IncentiveClaim)
class IncentiveClaimAdmin(PersonalDataAdminMixin, admin.ModelAdmin):
    admin_group = "payments"
    personal_data_subject = staticmethod(
        lambda claim: claim.hire.placement.application.applicant.user
    )
    list_display = ["company", "amount_krw", "status", "created_at", "decided_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["company__name"]
    list_select_related = ["company", "decided_by"]
    readonly_fields = [
        "hire",
        "company",
        "amount_krw",
        "status",
        "decided_by",
        "decided_at",
        "rejection_reason",
        "created_at",
    ]
    actions = ["approve", "reject"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("선택한 고용장려금 승인"))
    def approve(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda claim: services.incentive_claim_approve(claim=claim, staff=request.user),
            done_message=_("%(count)d건을 승인했습니다."),
        )

    @admin.action(description=_("선택한 고용장려금 반려 (사유 입력)"))
    def reject(self, request, queryset):
        return apply_with_reason(
            self,
            request,
            queryset,
            lambda claim, reason: services.incentive_claim_reject(
                claim=claim, staff=request.user, reason=reason
            ),
            title=_("고용장려금 반려"),
            done_message=_("%(count)d건을 반려했습니다."),
        )
