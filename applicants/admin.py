"""Admin for applicants: staff views are logged; reports and payments change through services."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportMixin

from applicants import services
from applicants.models import (
    ActivityReport,
    AllowanceApplication,
    ApplicantProfile,
    CareerEntry,
    Certificate,
    CompletedTraining,
    Consent,
    Document,
    ParticipationRecord,
    ProxyConsent,
)
from applicants.proxy import submitted_by_column
from applicants.resources import ApplicantResource, ParticipationRecordResource
from womenup.admin_actions import ServiceSaveMixin, apply_to_each
from womenup.admin_filters import IntakeListFilter
from womenup.privacy.admin_exports import ExportWithReasonAdmin
from womenup.privacy.admin_mixins import PersonalDataAdminMixin


def _profile_user(obj):
    return obj.profile.user


class CareerEntryInline(admin.TabularInline):
    model = CareerEntry
    extra = 0


class CertificateInline(admin.TabularInline):
    model = Certificate
    extra = 0


class CompletedTrainingInline(admin.TabularInline):
    model = CompletedTraining
    extra = 0


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    readonly_fields = ["item", "notice_version", "given_at", "withdrawn_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class ProxyConsentInline(admin.TabularInline):
    model = ProxyConsent
    extra = 0
    fields = ["collected_by", "method", "collected_at", "withdrawn_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0
    fields = ["kind", "original_name", "content_type", "size", "uploaded_at", submitted_by_column]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class ParticipationRecordInline(admin.TabularInline):
    model = ParticipationRecord
    extra = 0
    fields = ["program", "started_on", "ended_on", "note"]


@admin.register(ParticipationRecord)
class ParticipationRecordAdmin(PersonalDataAdminMixin, ImportMixin, admin.ModelAdmin):
    """Past participations; 「가져오기」 imports a spreadsheet with a dry-run preview first."""

    personal_data_subject = staticmethod(lambda record: record.profile.user)
    resource_classes = [ParticipationRecordResource]
    list_display = ["profile", "program", "started_on", "ended_on", "note", "imported_at"]
    list_filter = ["program"]
    search_fields = ["profile__name", "profile__user__email"]
    raw_id_fields = ["profile"]
    list_select_related = ["profile__user", "program__city"]


class ApplicantProfileForm(forms.ModelForm):
    class Meta:
        model = ApplicantProfile
        fields = "__all__"  # noqa: DJ007 (the admin's own field list decides)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "priority_groups" in self.fields:  # no hidden "initial" copy to post back
            self.fields["priority_groups"].show_hidden_initial = False


@admin.register(ApplicantProfile)
class ApplicantProfileAdmin(ExportWithReasonAdmin, PersonalDataAdminMixin, admin.ModelAdmin):
    admin_group = "applicants"
    resource_classes = [ApplicantResource]
    form = ApplicantProfileForm
    list_display = ["name", "user", "residence_district", "employment_status", "updated_at"]
    list_filter = ["employment_status", "residence_city", "desired_work_type"]
    search_fields = ["name", "user__email"]
    raw_id_fields = ["user"]
    list_select_related = ["user", "residence_district__city"]
    inlines = [
        CareerEntryInline,
        CertificateInline,
        CompletedTrainingInline,
        ConsentInline,
        ProxyConsentInline,
        DocumentInline,
        ParticipationRecordInline,
    ]


class ActivityReportInline(admin.TabularInline):
    model = ActivityReport
    extra = 0
    fields = ["month", "status", "submitted_at", "reviewed_at", "return_reason"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AllowanceApplication)
class AllowanceApplicationAdmin(PersonalDataAdminMixin, admin.ModelAdmin):
    admin_group = "applicants"
    personal_data_subject = staticmethod(_profile_user)
    list_display = ["profile", "intake", "status", "applied_at", submitted_by_column]
    list_filter = ["status", ("intake", IntakeListFilter)]
    search_fields = ["profile__name", "profile__user__email"]
    list_select_related = ["profile__user", "intake__program", "submitted_by"]
    readonly_fields = ["profile", "intake", "applied_at", submitted_by_column]
    inlines = [ActivityReportInline]


@admin.register(ActivityReport)
class ActivityReportAdmin(ServiceSaveMixin, PersonalDataAdminMixin, admin.ModelAdmin):
    admin_group = "applicants"
    personal_data_subject = staticmethod(lambda obj: obj.application.profile.user)
    list_display = ["application", "month", "status", "submitted_at", "reviewed_by"]
    list_filter = ["status", "month"]
    search_fields = ["application__profile__name", "application__profile__user__email"]
    list_select_related = ["application__profile__user", "application__intake__program"]
    readonly_fields = [
        "application",
        "month",
        "activities",
        "original_name",
        "status",
        "submitted_at",
        "reviewed_at",
        "reviewed_by",
    ]
    fields = [*readonly_fields, "return_reason"]
    actions = ["accept_reports"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status != ActivityReport.Status.SUBMITTED:
            return [*self.readonly_fields, "return_reason"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        """Writing a return reason on a report under review returns it (through the service)."""
        if "return_reason" in form.changed_data and obj.return_reason.strip():
            self.save_by_service(
                request,
                obj,
                lambda: services.activity_report_return(
                    report=obj, staff=request.user, reason=obj.return_reason
                ),
            )

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("선택한 보고 승인 (월 300,000원 지급 대기 생성)"))
    def accept_reports(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda report: services.activity_report_accept(report=report, staff=request.user),
            done_message=_("%(count)d건을 승인했습니다."),
        )
