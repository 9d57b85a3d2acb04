"""Admin for the shared kernel: users, programs and rules, wage rates, outbox, access log."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from womenup.eligibility import Rule, RuleKind
from womenup.models import (
    City,
    District,
    EligibilityRule,
    IntakeWindow,
    JobCategory,
    LivingWageRate,
    OutboxMessage,
    PersonalDataAccess,
    Program,
    User,
)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "account_type", "is_staff", "is_active", "date_joined"]
    list_filter = ["account_type", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password", "account_type"]}),
        (_("이름"), {"fields": ["first_name", "last_name"]}),
        (
            _("권한"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("기록"), {"fields": ["last_login", "date_joined"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]  # system timestamps, never typed
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "account_type", "password1", "password2"]})
    ]


class DistrictInline(admin.TabularInline):
    model = District
    extra = 0


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    inlines = [DistrictInline]


@admin.register(JobCategory)
class JobCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order"]
    list_editable = ["order"]


class IntakeWindowInline(admin.TabularInline):
    model = IntakeWindow
    extra = 0


class EligibilityRuleForm(forms.ModelForm):
    """Refuses parameters the evaluator cannot use, with the evaluator's own explanation."""

    class Meta:
        model = EligibilityRule
        fields = ["order", "kind", "params", "is_active", "note"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") and cleaned.get("params") is not None:
            try:
                Rule(kind=RuleKind(cleaned["kind"]), params=cleaned["params"])
            except (ValueError, TypeError) as problem:
                raise forms.ValidationError(
                    _("규칙 매개변수가 올바르지 않습니다: %(problem)s"),
                    params={"problem": problem},
                ) from problem
        return cleaned


class EligibilityRuleInline(admin.TabularInline):
    model = EligibilityRule
    form = EligibilityRuleForm
    extra = 0
    fields = ["order", "kind", "params", "is_active", "note"]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "kind", "is_active", "order"]
    list_filter = ["city", "kind", "is_active"]
    search_fields = ["name", "code"]
    inlines = [IntakeWindowInline, EligibilityRuleInline]


@admin.register(LivingWageRate)
class LivingWageRateAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "hourly_krw"]


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to_email", "subject", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to_email", "subject"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ["accessed_at", "actor", "action", "subject", "target", "ip_address"]
    list_filter = ["action"]
    search_fields = ["actor__email", "subject__email", "target"]
    date_hierarchy = "accessed_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class PersonalDataAdminMixin:
    """Writes an access-log row whenever staff open a person's record or a list of records.

    Set ``personal_data_subject`` to a function returning the user whose data an object holds.
    A list page writes one row per page view (no single subject) naming how many rows it showed.
    """

    @staticmethod
    def personal_data_subject(obj):
        return getattr(obj, "user", None)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None and self.has_view_or_change_permission(request, obj):
            self._access_record(
                request,
                subject=self.personal_data_subject(obj),
                target=f"{obj._meta.verbose_name}: {obj}",
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is not None:
            shown = len(changelist.result_list)
            self._access_record(
                request,
                subject=None,
                target=f"{self.model._meta.verbose_name_plural} 목록 ({shown}명)",
            )
        return response

    @staticmethod
    def _access_record(request, *, subject, target: str) -> None:
        from womenup.services import personal_data_access_record

        personal_data_access_record(
            actor=request.user,
            subject=subject,
            action=PersonalDataAccess.Action.VIEW,
            target=target,
            request=request,
        )
