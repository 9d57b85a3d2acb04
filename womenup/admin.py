"""Admin for the shared kernel: users, programs and rules, wage rates, outbox, access log."""

from datetime import timedelta

from allauth.account.admin import EmailAddressAdmin as AllauthEmailAddressAdmin
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.admin import SocialAccountAdmin as AllauthSocialAccountAdmin
from allauth.socialaccount.models import SocialAccount
from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from womenup.accounts.permissions import can_review_access_log
from womenup.admin_actions import apply_after_confirmation
from womenup.calendar import add_months
from womenup.models import (
    City,
    District,
    EligibilityRule,
    IntakeWindow,
    JobCategory,
    LivingWageRate,
    MFAAuthenticator,
    OutboxDelivery,
    OutboxMessage,
    PersonalDataAccess,
    Program,
    User,
)
from womenup.notifications.services import outbox_delivery_retry_now
from womenup.payments import admin as payments_admin  # noqa: F401  (registers the ledger)
from womenup.privacy import access_review
from womenup.privacy.access_review import day_start
from womenup.privacy.admin_mixins import PersonalDataAdminMixin
from womenup.privacy.forms import AccessReviewForm
from womenup.programs import figures
from womenup.programs.eligibility import Rule, RuleKind, reasons
from womenup.programs.selectors import city_names_forget

PERMISSION_ACTIONS = {
    "add": _("추가"),
    "change": _("수정"),
    "delete": _("삭제"),
    "view": _("보기"),
}


def permission_label(permission: Permission) -> str:
    """ "참여기업 · 참여기업 · 수정" instead of the stored English "Can change 참여기업" (Django
    keeps permission names in the database in the language of the day they were made)."""
    model = permission.content_type.model_class()
    if model is None:
        return permission.name
    action, _sep, model_name = permission.codename.partition("_")
    app = apps.get_app_config(model._meta.app_label).verbose_name
    if action in PERMISSION_ACTIONS and model_name == model._meta.model_name:
        return f"{app} · {model._meta.verbose_name} · {PERMISSION_ACTIONS[action]}"
    return f"{app} · {model._meta.verbose_name} · {permission.name}"


class PermissionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, permission: Permission) -> str:
        return permission_label(permission)


class KoreanPermissionLabelsMixin:
    """Permission pickers of users and groups list permissions in the reader's language."""

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name in ("permissions", "user_permissions"):
            kwargs["form_class"] = PermissionChoiceField
            kwargs["queryset"] = Permission.objects.select_related("content_type")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(KoreanPermissionLabelsMixin, DjangoGroupAdmin):
    admin_group = "settings"


@admin.register(User)
class UserAdmin(PersonalDataAdminMixin, KoreanPermissionLabelsMixin, DjangoUserAdmin):
    admin_group = "settings"
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
        (_("기록"), {"fields": ["last_login", "date_joined", "anonymised_at"]}),
    ]
    readonly_fields = ["last_login", "date_joined", "anonymised_at"]  # system times, never typed
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "account_type", "password1", "password2"]})
    ]


# allauth's own admins of addresses and social accounts, replaced by logged ones.
admin.site.unregister(EmailAddress)
admin.site.unregister(SocialAccount)


@admin.register(EmailAddress)
class EmailAddressAdmin(PersonalDataAdminMixin, AllauthEmailAddressAdmin):
    admin_group = "system"


@admin.register(SocialAccount)
class SocialAccountAdmin(PersonalDataAdminMixin, AllauthSocialAccountAdmin):
    admin_group = "system"


class DistrictInline(admin.TabularInline):
    model = District
    extra = 0


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    admin_group = "settings"
    list_display = ["name", "short_name", "name_en", "code"]
    inlines = [DistrictInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        city_names_forget()


@admin.register(JobCategory)
class JobCategoryAdmin(admin.ModelAdmin):
    admin_group = "settings"
    list_display = ["name", "code", "order"]
    list_editable = ["order"]

    def get_changelist_form(self, request, **kwargs):
        """The order inputs of the list are named (a column header is no label)."""
        kwargs.setdefault("widgets", {"order": forms.NumberInput(attrs={"aria-label": _("순서")})})
        return super().get_changelist_form(request, **kwargs)


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


class ProgramForm(forms.ModelForm):
    """Figures are whole numbers and the texts name only figures the programme has; priority
    groups are codes the applicant profile knows, and a reserve needs some."""

    class Meta:
        model = Program
        fields = [
            "code", "city", "kind", "name", "summary", "description", "key_facts", "figures",
            "is_active", "order", "matching_mode", "reserved_seat_percent", "priority_groups",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in (
            "key_facts",
            "figures",
            "priority_groups",
        ):  # no hidden "initial" copy to post back
            self.fields[name].show_hidden_initial = False

    def clean_priority_groups(self):
        groups = self.cleaned_data.get("priority_groups") or []
        if not isinstance(groups, list) or not all(isinstance(code, str) for code in groups):
            raise forms.ValidationError(
                _('우선 선발 대상은 코드 목록으로 입력해 주세요. 예: ["basic_livelihood"]')
            )
        known = reasons.known_codes("priority_group")
        unknown = [code for code in groups if code not in known]
        if unknown:
            raise forms.ValidationError(
                _("알 수 없는 우선 선발 대상 코드: %(unknown)s (사용 가능: %(known)s)"),
                params={"unknown": ", ".join(unknown), "known": ", ".join(sorted(known))},
            )
        return groups

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reserved_seat_percent") and not cleaned.get("priority_groups"):
            self.add_error(
                "priority_groups", _("우선 선발 비율을 정하려면 우선 선발 대상을 지정해 주세요.")
            )
        values = cleaned.get("figures")
        if values is None:
            return cleaned
        if not isinstance(values, dict):
            raise forms.ValidationError({"figures": _('수치는 {"이름": 정수} 형식이어야 합니다.')})
        facts = cleaned.get("key_facts") or []
        if not isinstance(facts, list) or not all(isinstance(fact, str) for fact in facts):
            raise forms.ValidationError({"key_facts": _("핵심 정보는 문장 목록이어야 합니다.")})
        problems = figures.placeholder_problems([cleaned.get("summary") or "", *facts], values)
        if problems:
            raise forms.ValidationError(
                _("수치가 없거나 정수가 아닙니다: %(names)s"),
                params={"names": ", ".join(problems)},
            )
        return cleaned


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    admin_group = "settings"
    form = ProgramForm
    list_display = ["name", "city", "kind", "is_active", "order"]
    list_filter = ["city", "kind", "is_active"]
    search_fields = ["name", "code"]
    inlines = [IntakeWindowInline, EligibilityRuleInline]


@admin.register(LivingWageRate)
class LivingWageRateAdmin(admin.ModelAdmin):
    admin_group = "payments"
    list_display = ["valid_from", "hourly_krw"]


class OutboxDeliveryInline(admin.TabularInline):
    model = OutboxDelivery
    extra = 0
    can_delete = False
    fields = readonly_fields = [
        "channel",
        "address",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(PersonalDataAdminMixin, admin.ModelAdmin):
    """Message bodies hold personal data: every look is logged, the recipient as subject."""

    admin_group = "system"

    personal_data_subject = staticmethod(lambda message: message.recipient)
    list_display = [
        "created_at",
        "to_email",
        "subject",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
    ]
    list_filter = ["status", "deliveries__channel", "deliveries__status"]
    search_fields = ["to_email", "subject"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]
    inlines = [OutboxDeliveryInline]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(OutboxDelivery)
class OutboxDeliveryAdmin(PersonalDataAdminMixin, admin.ModelAdmin):
    """Each channel of each message: its status, attempts, next attempt and last error; a
    failed or given-up one can be sent again ("지금 다시 보내기", after a confirmation)."""

    admin_group = "system"

    personal_data_subject = staticmethod(lambda delivery: delivery.message.recipient)
    list_display = [
        "message",
        "channel",
        "address",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error_short",
    ]
    list_filter = ["channel", "status"]
    list_select_related = ["message"]
    search_fields = ["address", "message__subject"]
    readonly_fields = [f.name for f in OutboxDelivery._meta.fields]
    actions = ["retry_now"]

    @admin.display(description=_("마지막 오류"))
    def last_error_short(self, delivery) -> str:
        return delivery.last_error[:80]

    @admin.action(description=_("지금 다시 보내기"), permissions=["change"])
    def retry_now(self, request, queryset):
        return apply_after_confirmation(
            self,
            request,
            queryset.select_related("message"),
            lambda delivery: outbox_delivery_retry_now(delivery=delivery),
            title=_("알림 다시 보내기"),
            question=_(
                "고른 알림을 지금 다시 보냅니다. 시도 횟수는 0부터 다시 셉니다. 이미 보낸 알림은 "
                "다시 보내지 않습니다. 진행할까요?"
            ),
            done_message=_("알림 %(count)d건을 다시 보내도록 했습니다."),
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class SubjectEmailFilter(admin.SimpleListFilter):
    """Whose data: one person's e-mail address typed in (there are too many to list)."""

    title = _("정보 주체 (이메일)")
    parameter_name = "subject_email"
    template = "admin/womenup/personaldataaccess/email_filter.html"

    def lookups(self, request, model_admin):
        return ()

    def has_output(self) -> bool:
        return True

    def queryset(self, request, queryset):
        email = (self.value() or "").strip()
        return queryset.filter(subject__email__iexact=email) if email else queryset

    def choices(self, changelist):
        kept = changelist.get_filters_params()
        kept.pop(self.parameter_name, None)
        yield {
            "value": self.value() or "",
            "parameter_name": self.parameter_name,
            "kept": [(key, value) for key, values in kept.items() for value in values],
            "clear_url": changelist.get_query_string(remove=[self.parameter_name]),
        }


class PeriodFilter(admin.SimpleListFilter):
    """When: today, the last 7 days, this month or last month (Asia/Seoul)."""

    title = _("기간")
    parameter_name = "period"

    def lookups(self, request, model_admin):
        return [
            ("today", _("오늘")),
            ("7d", _("최근 7일")),
            ("month", _("이번 달")),
            ("last_month", _("지난 달")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        starts = {
            "today": today,
            "7d": today - timedelta(days=6),
            "month": today.replace(day=1),
            "last_month": add_months(today.replace(day=1), -1),
        }
        if self.value() not in starts:
            return queryset
        queryset = queryset.filter(accessed_at__gte=day_start(starts[self.value()]))
        if self.value() == "last_month":
            queryset = queryset.filter(accessed_at__lt=day_start(today.replace(day=1)))
        return queryset


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    """The auditor reads the log here (who, whose, what, when) and the monthly review."""

    list_display = [
        "accessed_at",
        "actor",
        "action",
        "subject",
        "target",
        "reason",
        "records",
        "ip_address",
    ]
    list_filter = [
        ("actor", admin.RelatedOnlyFieldListFilter),
        SubjectEmailFilter,
        "action",
        PeriodFilter,
    ]
    list_select_related = ["actor", "subject"]
    admin_group = "system"
    search_fields = ["actor__email", "subject__email", "target"]
    date_hierarchy = "accessed_at"

    def has_module_permission(self, request) -> bool:
        return can_review_access_log(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return can_review_access_log(request.user)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_urls(self):
        review = self.admin_site.admin_view(self.review_view)
        return [
            path("review/", review, name="womenup_personaldataaccess_review")
        ] + super().get_urls()

    def review_view(self, request):
        """The monthly review: days a person looked at unusually many records, the month's
        totals per person and every export with its reason."""
        if not can_review_access_log(request.user):
            raise PermissionDenied
        form = AccessReviewForm(request.GET or None)
        month = form.cleaned_data["month"] if form.is_valid() else timezone.localdate()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("개인정보 접근 월간 검토"),
            "form": form,
            "month": month.replace(day=1),
            "threshold": settings.ACCESS_REVIEW_DAILY_RECORDS,
            "unusual_days": access_review.unusual_days(month=month),
            "totals": list(access_review.month_totals_by_actor(month)),
            "exports": list(access_review.exports_in_month(month)),
        }
        return TemplateResponse(request, "admin/womenup/personaldataaccess/review.html", context)


# allauth registers an Authenticator admin that shows and edits the stored secrets; ours lets
# only superusers see which authenticators exist, read-only, without the data column, under a
# Korean name (the proxy model MFAAuthenticator).
admin.site.unregister(Authenticator)
AUTHENTICATOR_KINDS = {
    Authenticator.Type.TOTP: _("OTP 앱"),
    Authenticator.Type.RECOVERY_CODES: _("복구 코드"),
}


class AuthenticatorKindFilter(admin.SimpleListFilter):
    title = _("종류")
    parameter_name = "type"

    def lookups(self, request, model_admin):
        return list(AUTHENTICATOR_KINDS.items())

    def queryset(self, request, queryset):
        return queryset.filter(type=self.value()) if self.value() else queryset


@admin.register(MFAAuthenticator)
class AuthenticatorAdmin(admin.ModelAdmin):
    admin_group = "system"
    list_display = ["owner", "kind", "added_at", "last_used"]
    list_filter = [AuthenticatorKindFilter]
    search_fields = ["user__email"]
    list_select_related = ["user"]
    fields = ["owner", "kind", "added_at", "last_used"]
    readonly_fields = fields

    @admin.display(description=_("사용자"), ordering="user__email")
    def owner(self, authenticator: Authenticator) -> str:
        return authenticator.user.email

    @admin.display(description=_("종류"), ordering="type")
    def kind(self, authenticator: Authenticator) -> str:
        return AUTHENTICATOR_KINDS.get(authenticator.type, authenticator.type)

    @admin.display(description=_("등록 시각"), ordering="created_at")
    def added_at(self, authenticator: Authenticator):
        return authenticator.created_at

    @admin.display(description=_("마지막 사용 시각"), ordering="last_used_at")
    def last_used(self, authenticator: Authenticator):
        return authenticator.last_used_at

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
