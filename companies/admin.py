"""Admin for companies: verification and roles (interviews, hires and claims: matching/admin.py).

Verification decisions are admin actions that call the services; a rejection asks
for its reason on an intermediate page.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from companies import services
from companies.forms import CompanyAdminForm, RoleAdminForm
from companies.models import (
    BadgeProof,
    Company,
    CompanyInvitation,
    CompanyMembership,
    Role,
)
from companies.resources import CompanyResource, RoleResource
from womenup.admin_actions import apply_to_each, apply_with_reason
from womenup.admin_history import HistoryAdmin
from womenup.privacy.admin_exports import ExportWithReasonAdmin
from womenup.privacy.admin_mixins import PersonalDataAdminMixin


class BadgeProofInline(admin.TabularInline):
    model = BadgeProof
    extra = 0
    fields = ["badge", "download", "content_type", "size", "uploaded_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("파일"))
    def download(self, obj):
        if obj.pk is None:  # a row the posted management form claims but the company lacks
            return "-"
        url = reverse("companies:proof-download", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.original_name)


class MembershipInline(admin.TabularInline):
    model = CompanyMembership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Company)
class CompanyAdmin(ExportWithReasonAdmin, PersonalDataAdminMixin, HistoryAdmin):
    """Holds the contact person's name, phone and e-mail (she has no account of her own here):
    every look is logged with the company named in the row."""

    admin_group = "companies"
    form = CompanyAdminForm

    personal_data_subject = staticmethod(lambda company: None)
    resource_classes = [CompanyResource]
    list_display = [
        "name",
        "business_number_shown",
        "status",
        "district",
        "regular_employees",
        "is_sme",
        "created_at",
    ]
    list_filter = [
        "status",
        "is_sme",
        "is_family_friendly",
        "is_seoul_strong_sme",
        "is_innobiz",
        "is_venture",
        "is_women_owned",
    ]
    search_fields = ["name", "business_number", "representative"]
    readonly_fields = ["status", "rejection_reason", "verified_at", "reviewed_by", "created_at"]
    list_select_related = ["district__city"]
    inlines = [MembershipInline, BadgeProofInline]
    actions = ["verify", "reject"]

    @admin.display(description=_("사업자등록번호"), ordering="business_number")
    def business_number_shown(self, company):
        return company.business_number_display

    @admin.action(description=_("선택한 기업 승인"))
    def verify(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda company: services.company_verify(company=company, staff=request.user),
            done_message=_("%(count)d개 기업을 승인했습니다."),
        )

    @admin.action(description=_("선택한 기업 반려 (사유 입력)"))
    def reject(self, request, queryset):
        return apply_with_reason(
            self,
            request,
            queryset,
            lambda company, reason: services.company_reject(
                company=company, staff=request.user, reason=reason
            ),
            title=_("기업 등록 반려"),
            done_message=_("%(count)d개 기업을 반려했습니다."),
        )


@admin.register(Role)
class RoleAdmin(ExportWithReasonAdmin, HistoryAdmin):
    admin_group = "companies"
    form = RoleAdminForm
    resource_classes = [RoleResource]
    list_display = ["title", "company", "track", "status", "job_category", "seats", "created_at"]
    list_filter = ["status", "track", "work_type", "job_category"]
    search_fields = ["title", "company__name"]
    list_select_related = ["company", "job_category"]
    raw_id_fields = ["company", "required_course", "intake"]
    readonly_fields = ["published_at", "closed_at", "created_at"]


@admin.register(CompanyInvitation)
class CompanyInvitationAdmin(PersonalDataAdminMixin, admin.ModelAdmin):
    admin_group = "companies"
    personal_data_subject = staticmethod(lambda invitation: invitation.accepted_by)
    list_display = ["company", "email", "invited_by", "created_at", "accepted_at"]
    search_fields = ["company__name", "email"]
    readonly_fields = ["company", "email", "invited_by", "created_at", "accepted_at", "accepted_by"]

    def has_add_permission(self, request) -> bool:
        return False
