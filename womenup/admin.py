"""Admin for the shared kernel: users, programs and rules, wage rates, outbox, access log."""

from allauth.account.admin import EmailAddressAdmin as AllauthEmailAddressAdmin
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.admin import SocialAccountAdmin as AllauthSocialAccountAdmin
from allauth.socialaccount.models import SocialAccount
from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

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
from womenup.payments import admin as payments_admin  # noqa: F401  (registers the ledger)
from womenup.privacy.admin_mixins import PersonalDataAdminMixin
from womenup.programs.eligibility import Rule, RuleKind


@admin.register(User)
class UserAdmin(PersonalDataAdminMixin, DjangoUserAdmin):
    personal_data_subject = staticmethod(lambda user: user)
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


# allauth's own admins of addresses and social accounts, replaced by logged ones.
admin.site.unregister(EmailAddress)
admin.site.unregister(SocialAccount)


@admin.register(EmailAddress)
class EmailAddressAdmin(PersonalDataAdminMixin, AllauthEmailAddressAdmin):
    pass


@admin.register(SocialAccount)
class SocialAccountAdmin(PersonalDataAdminMixin, AllauthSocialAccountAdmin):
    pass


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
class OutboxMessageAdmin(PersonalDataAdminMixin, admin.ModelAdmin):
    """Message bodies hold personal data: every look is logged, the recipient as subject."""

    personal_data_subject = staticmethod(lambda message: message.recipient)
    list_display = ["created_at", "to_email", "subject", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to_email", "subject"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ["accessed_at", "actor", "action", "subject", "target", "reason", "ip_address"]
    list_filter = ["action"]
    search_fields = ["actor__email", "subject__email", "target"]
    date_hierarchy = "accessed_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


# allauth registers an Authenticator admin that shows and edits the stored secrets; ours lets
# only superusers see which authenticators exist, read-only, without the data column.
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(admin.ModelAdmin):
    list_display = ["user", "type", "created_at", "last_used_at"]
    list_filter = ["type"]
    search_fields = ["user__email"]
    fields = ["user", "type", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
