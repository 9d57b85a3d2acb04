"""Admin for institutions and their staff: courses, trainees, attendance, certificates, follow-ups.

City staff see everything; institution staff (group "운영기관 담당자") see and edit only their own
institution's rows: every queryset, foreign-key choice and object permission goes through
``courses.selectors.scoped_to_staff``. Status changes are admin actions calling the services.
"""

import segno
from django import forms
from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin

from applicants.proxy import counsellor_name, submitted_by_column
from courses import selectors, services
from courses.attendance import qr_url
from courses.forms import AttendanceCorrectionForm, AttendanceForm
from courses.models import (
    Attendance,
    CounsellingClient,
    CounsellingOutcome,
    CounsellingSession,
    CounsellingSignUp,
    Course,
    CourseCertificate,
    Enrollment,
    FollowUp,
    Institution,
    Session,
)
from courses.resources import EnrollmentResource
from womenup.admin_actions import ServiceSaveMixin, apply_to_each
from womenup.admin_history import HistoryAdmin
from womenup.models import PersonalDataAccess
from womenup.privacy.admin_exports import ExportWithReasonAdmin
from womenup.privacy.admin_mixins import PersonalDataAdminMixin
from womenup.privacy.services import personal_data_access_record

SCOPED_CHOICES = {
    "institution": selectors.institutions_for_staff,
    "course": selectors.courses_for_staff,
    "enrollment": selectors.enrollments_for_staff,
    "session": selectors.sessions_for_staff,
}


class InstitutionScopedAdmin(admin.ModelAdmin):
    """Rows, choices and object permissions limited to the staff member's institutions."""

    admin_group = "courses"

    institution_path = ""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return selectors.scoped_to_staff(
            queryset, request.user, institution_path=self.institution_path
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in SCOPED_CHOICES:
            kwargs["queryset"] = SCOPED_CHOICES[db_field.name](request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _in_scope(self, request, obj) -> bool:
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)


def count_with_rate(count: int, rate) -> str:
    return f"{count} ({rate}%)" if rate is not None else str(count)


class OutcomeColumns:
    """List columns for rows annotated by ``selectors.with_outcomes``."""

    @admin.display(description=gettext_lazy("지원"), ordering="applicants_total")
    def applicants_column(self, obj):
        return obj.applicants_total

    @admin.display(description=gettext_lazy("선발"), ordering="enrolled_total")
    def enrolled_column(self, obj):
        return obj.enrolled_total

    @admin.display(description=gettext_lazy("수료 (수료율)"), ordering="completed_total")
    def completed_column(self, obj):
        outcome = selectors.Outcomes.of(obj)
        return count_with_rate(outcome.completed, outcome.completion_rate)

    @admin.display(description=gettext_lazy("자격 취득 (취득률)"), ordering="certified_total")
    def certified_column(self, obj):
        outcome = selectors.Outcomes.of(obj)
        return count_with_rate(outcome.certified, outcome.certification_rate)

    @admin.display(description=gettext_lazy("12개월 내 취업 (취업률)"), ordering="employed_total")
    def employed_column(self, obj):
        outcome = selectors.Outcomes.of(obj)
        return count_with_rate(outcome.employed, outcome.employment_rate)

    OUTCOME_COLUMNS = [
        "applicants_column",
        "enrolled_column",
        "completed_column",
        "certified_column",
        "employed_column",
    ]


# --- Institutions ------------------------------------------------------------------------------


@admin.register(Institution)
class InstitutionAdmin(OutcomeColumns, TranslationAdmin, InstitutionScopedAdmin):
    list_display = ["name", "kind", "city", *OutcomeColumns.OUTCOME_COLUMNS]
    list_filter = ["kind", "city"]
    list_select_related = ["city"]
    search_fields = ["name"]
    filter_horizontal = ["staff"]

    def get_queryset(self, request):
        return selectors.institution_outcomes(super().get_queryset(request))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for user in form.instance.staff.all():
            if form.instance.kind == Institution.Kind.JOB_CENTRE and not user.is_staff:
                services.counsellor_add(centre=form.instance, user=user)  # site pages only
            else:
                services.institution_staff_add(institution=form.instance, user=user)


# --- Courses -----------------------------------------------------------------------------------


class SessionInline(admin.TabularInline):
    model = Session
    extra = 1
    fields = ["held_on", "starts_at", "ends_at", "topic"]


class CourseAdminForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = [
            "institution",
            "program",
            "code",
            "title_ko",
            "title_en",
            "track",
            "subject_ko",
            "subject_en",
            "summary_ko",
            "summary_en",
            "hours",
            "starts_on",
            "ends_on",
            "schedule_ko",
            "schedule_en",
            "seats",
            "applications_open_on",
            "applications_close_on",
            "selection_mode",
            "min_attendance_rate",
            "certificate_name_ko",
            "certificate_name_en",
            "unlocks_program",
        ]

    def clean_seats(self):
        seats = self.cleaned_data["seats"]
        if self.instance.pk:
            taken = Course.objects.values_list("enrolled_count", flat=True).get(pk=self.instance.pk)
            if seats < taken:
                raise ValidationError(
                    _("이미 선발된 인원(%(count)d명)보다 정원을 줄일 수 없습니다.")
                    % {"count": taken}
                )
        return seats


@admin.register(Course)
class CourseAdmin(OutcomeColumns, TranslationAdmin, InstitutionScopedAdmin):
    form = CourseAdminForm
    institution_path = "institution"
    list_display = [
        "title",
        "institution",
        "track",
        "starts_on",
        "seats",
        "enrolled_count",
        *OutcomeColumns.OUTCOME_COLUMNS,
    ]
    list_filter = ["track", "selection_mode", ("institution", RelatedOnlyFieldListFilter)]
    list_select_related = ["institution"]
    search_fields = ["title", "code", "subject"]
    readonly_fields = ["enrolled_count"]
    inlines = [SessionInline]
    actions = ["decide_completion"]
    fieldsets = [
        (None, {"fields": ["institution", "program", "code", "title", "track", "subject"]}),
        (
            gettext_lazy("일정·정원"),
            {
                "fields": [
                    "summary",
                    "hours",
                    "starts_on",
                    "ends_on",
                    "schedule",
                    "place",
                    "what_to_bring",
                    "seats",
                    "enrolled_count",
                ]
            },
        ),
        (
            gettext_lazy("접수·선발"),
            {"fields": ["applications_open_on", "applications_close_on", "selection_mode"]},
        ),
        (
            gettext_lazy("수료·연계"),
            {"fields": ["min_attendance_rate", "certificate_name", "unlocks_program"]},
        ),
    ]

    def get_queryset(self, request):
        return selectors.course_outcomes(super().get_queryset(request))

    def save_model(self, request, obj, form, change):
        services.course_save(course=obj, changed_fields=form.changed_data if change else [])

    @admin.action(description=gettext_lazy("수료 판정 (출석률 기준으로 수료·미수료 처리)"))
    def decide_completion(self, request, queryset):
        def decide(course):
            result = services.course_completion_decide(course=course, actor=request.user)
            self.message_user(
                request,
                _("%(course)s: 수료 %(completed)d명, 미수료 %(not_completed)d명")
                % {"course": course, **result},
            )

        apply_to_each(
            self, request, queryset, decide, done_message=_("%(count)d개 과정을 판정했습니다.")
        )


# --- Enrollments -------------------------------------------------------------------------------


class AttendanceInline(admin.TabularInline):
    model = Attendance
    fields = ["session", "status", "recorded_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    fields = ["months_after", "due_on", "outcome", "employer", "contract_type", "recorded_on"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Enrollment)
class EnrollmentAdmin(
    ExportWithReasonAdmin, PersonalDataAdminMixin, HistoryAdmin, InstitutionScopedAdmin
):
    institution_path = "course__institution"
    resource_classes = [EnrollmentResource]
    list_display = [
        "applicant",
        "course",
        "status",
        "applied_at",
        "waitlisted_at",
        "attendance",
        submitted_by_column,
    ]
    list_filter = ["status", ("course", RelatedOnlyFieldListFilter)]
    list_select_related = ["course", "applicant__user", "submitted_by"]
    search_fields = ["applicant__name", "applicant__user__email", "course__title"]
    fields = [
        "course",
        "applicant",
        "status",
        "motivation",
        "applied_at",
        submitted_by_column,
        "waitlisted_at",
        "decided_at",
        "enrolled_at",
        "ended_at",
        "completed_on",
        "note",
    ]
    readonly_fields = [name for name in fields if name != "note"]
    inlines = [AttendanceInline, FollowUpInline]
    actions = ["select", "reject", "drop", "complete", "fail"]

    @staticmethod
    def personal_data_subject(obj):
        return obj.applicant.user

    def get_queryset(self, request):
        annotations = selectors.attendance_annotations(on=timezone.localdate())
        return super().get_queryset(request).annotate(**annotations)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        """Only the note is edited here; status changes go through the actions (services)."""
        obj.save(update_fields=["note"])

    @admin.display(description=gettext_lazy("출석률"))
    def attendance(self, obj):
        rate = selectors.percentage(obj.sessions_attended, obj.sessions_held)
        return f"{rate}% ({obj.sessions_attended}/{obj.sessions_held})" if rate is not None else "-"

    @admin.action(description=gettext_lazy("선발 (정원이 차면 대기 등록)"))
    def select(self, request, queryset):
        def act(enrollment):
            services.enrollment_select(enrollment=enrollment, actor=request.user)

        apply_to_each(
            self, request, queryset, act, done_message=_("%(count)d명을 선발 처리했습니다.")
        )

    @admin.action(description=gettext_lazy("미선발 처리"))
    def reject(self, request, queryset):
        def act(enrollment):
            services.enrollment_reject(enrollment=enrollment, actor=request.user)

        apply_to_each(
            self, request, queryset, act, done_message=_("%(count)d명을 미선발 처리했습니다.")
        )

    @admin.action(description=gettext_lazy("중도 탈락 처리 (대기 1번 자동 선발)"))
    def drop(self, request, queryset):
        def act(enrollment):
            services.enrollment_drop(enrollment=enrollment, actor=request.user)

        apply_to_each(
            self, request, queryset, act, done_message=_("%(count)d명을 중도 탈락 처리했습니다.")
        )

    @admin.action(description=gettext_lazy("수료 처리 (출석률 기준 확인)"))
    def complete(self, request, queryset):
        def act(enrollment):
            services.enrollment_complete(enrollment=enrollment, actor=request.user)

        apply_to_each(
            self, request, queryset, act, done_message=_("%(count)d명을 수료 처리했습니다.")
        )

    @admin.action(description=gettext_lazy("미수료 처리"))
    def fail(self, request, queryset):
        def act(enrollment):
            services.enrollment_fail(enrollment=enrollment, actor=request.user)

        apply_to_each(
            self, request, queryset, act, done_message=_("%(count)d명을 미수료 처리했습니다.")
        )


# --- Sessions and the bulk attendance page -----------------------------------------------------


@admin.register(Session)
class SessionAdmin(InstitutionScopedAdmin):
    institution_path = "course__institution"
    list_display = ["course", "held_on", "starts_at", "ends_at", "topic", "attendance_link"]
    list_filter = [("course", RelatedOnlyFieldListFilter)]
    list_select_related = ["course"]
    fields = ["course", "held_on", "starts_at", "ends_at", "topic"]
    date_hierarchy = "held_on"
    actions = ["close_attendance"]

    @admin.display(description=gettext_lazy("출결"))
    def attendance_link(self, obj):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}" id="session-qr-{}">{}</a>',
            reverse("admin:courses_session_attendance", args=[obj.pk]),
            _("출결 일괄 입력"),
            reverse("admin:courses_session_qr", args=[obj.pk]),
            obj.pk,
            _("QR 출석"),
        )

    def get_urls(self):
        view = self.admin_site.admin_view(self.attendance_view)
        qr = self.admin_site.admin_view(self.qr_view)
        extra = [
            path("<int:pk>/attendance/", view, name="courses_session_attendance"),
            path("<int:pk>/qr/", qr, name="courses_session_qr"),
        ]
        return extra + super().get_urls()

    @admin.action(description=gettext_lazy("출결 마감 (입실 없음은 결석, 퇴실 없음은 조퇴)"))
    def close_attendance(self, request, queryset):
        def act(session):
            services.session_attendance_close(session=session)

        apply_to_each(
            self, request, queryset, act, done_message=_("%(count)d개 수업의 출결을 마감했습니다.")
        )

    def qr_view(self, request, pk: int):
        """Today's signed check-in code of the session, to show on the classroom screen, and
        who has checked in and out so far."""
        session = get_object_or_404(selectors.sessions_for_staff(request.user), pk=pk)
        today = timezone.localdate()
        url = request.build_absolute_uri(qr_url(session, day=today))
        trainees = list(selectors.attendance_of_session(session))
        for trainee in trainees:
            trainee.mark_label = Attendance.Status(trainee.mark).label if trainee.mark else ""
        self._log_trainee_views(request, session, trainees, target="QR 출석")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("QR 출석: %(session)s") % {"session": session},
            "session": session,
            "today": today,
            "is_today": session.held_on == today,
            "qr_url": url,
            "qr_image": segno.make(url, error="m").svg_data_uri(scale=8, border=2),
            "trainees": trainees,
        }
        return TemplateResponse(request, "admin/courses/session/qr.html", context)

    def attendance_view(self, request, pk: int):
        """One form for every trainee of a session: 출석 / 지각 / 조퇴 / 공결 / 결석."""
        if not request.user.has_perm("courses.add_attendance"):
            raise PermissionDenied
        session = get_object_or_404(selectors.sessions_for_staff(request.user), pk=pk)
        trainees = list(selectors.trainees_of_session(session))
        form = AttendanceForm(request.POST or None, trainees=trainees)
        if request.method == "POST" and form.is_valid():
            try:
                count = services.attendance_record(
                    session=session,
                    marks=form.marks(),
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request, _("%(count)d명의 출결을 저장했습니다.") % {"count": count}
                )
                return redirect("admin:courses_session_changelist")
        if request.method == "GET":
            self._log_trainee_views(request, session, trainees)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("출결 일괄 입력: %(session)s") % {"session": session},
            "session": session,
            "form": form,
        }
        return TemplateResponse(request, "admin/courses/session/attendance.html", context)

    @staticmethod
    def _log_trainee_views(request, session, trainees, target: str = "출결 입력") -> None:
        for trainee in trainees:
            personal_data_access_record(
                actor=request.user,
                subject=trainee.applicant.user,
                action=PersonalDataAccess.Action.VIEW,
                target=f"{target}: {session}",
                request=request,
            )


@admin.register(Attendance)
class AttendanceAdmin(
    ServiceSaveMixin, PersonalDataAdminMixin, HistoryAdmin, InstitutionScopedAdmin
):
    """Marks with their check-in and check-out; a correction needs a reason and is kept in the
    change history (변경 이력)."""

    form = AttendanceCorrectionForm
    institution_path = "session__course__institution"
    list_display = [
        "session",
        "enrollment",
        "status",
        "source",
        "checked_in_at",
        "checked_out_at",
        "recorded_at",
    ]
    list_filter = ["status", "source", ("session__course", RelatedOnlyFieldListFilter)]
    list_select_related = ["session__course", "enrollment__course", "enrollment__applicant__user"]
    readonly_fields = [
        "session",
        "enrollment",
        "source",
        "checked_in_at",
        "checked_out_at",
        "recorded_by",
        "recorded_at",
    ]
    fields = [*readonly_fields, "status", "correction_reason"]
    history_list_display = ["status", "correction_reason"]

    @staticmethod
    def personal_data_subject(obj):
        return obj.enrollment.applicant.user

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        self.save_by_service(
            request,
            obj,
            lambda: services.attendance_correct(
                attendance=obj,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["correction_reason"],
                actor=request.user,
            ),
        )


# --- Certificates and follow-ups ----------------------------------------------------------------


class CourseCertificateForm(forms.ModelForm):
    class Meta:
        model = CourseCertificate
        fields = ["enrollment", "name", "obtained_on"]

    def clean(self):
        data = super().clean()
        if data.get("enrollment") and data.get("name") and data.get("obtained_on"):
            services.certificate_validate(
                enrollment=data["enrollment"], name=data["name"], obtained_on=data["obtained_on"]
            )
        return data


@admin.register(CourseCertificate)
class CourseCertificateAdmin(PersonalDataAdminMixin, InstitutionScopedAdmin):
    form = CourseCertificateForm
    institution_path = "enrollment__course__institution"
    list_display = ["enrollment", "name", "obtained_on"]
    list_select_related = ["enrollment__course", "enrollment__applicant__user"]
    search_fields = ["name", "enrollment__applicant__name"]

    @staticmethod
    def personal_data_subject(obj):
        return obj.enrollment.applicant.user

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "enrollment":
            completed = selectors.enrollments_for_staff(request.user)
            kwargs["queryset"] = completed.filter(status=Enrollment.Status.COMPLETED)
            return super(InstitutionScopedAdmin, self).formfield_for_foreignkey(
                db_field, request, **kwargs
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        saved = services.certificate_record(
            enrollment=obj.enrollment,
            name=obj.name,
            obtained_on=obj.obtained_on,
            actor=request.user,
        )
        obj.pk = saved.pk


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["outcome", "employer", "contract_type"]

    def clean(self):
        data = super().clean()
        services.follow_up_validate(
            outcome=data.get("outcome", ""),
            employer=data.get("employer", ""),
            contract_type=data.get("contract_type", ""),
        )
        return data


class DueFilter(admin.SimpleListFilter):
    title = gettext_lazy("조사 시기")
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return [("due", _("조사 예정 (7일 이내·지남)")), ("recorded", _("기록 완료"))]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.filter(pk__in=selectors.follow_ups_due(on=timezone.localdate()))
        if self.value() == "recorded":
            return queryset.exclude(outcome="")
        return queryset


@admin.register(FollowUp)
class FollowUpAdmin(PersonalDataAdminMixin, InstitutionScopedAdmin):
    form = FollowUpForm
    institution_path = "enrollment__course__institution"
    list_display = [
        "enrollment",
        "months_after",
        "due_on",
        "outcome",
        "employer",
        "recorded_on",
        "from_counselling",
    ]
    list_filter = [DueFilter, "months_after", "outcome"]
    list_select_related = [
        "enrollment__course",
        "enrollment__applicant__user",
        "counselling_outcome__recorded_by",
    ]
    readonly_fields = [
        "enrollment",
        "months_after",
        "due_on",
        "recorded_on",
        "recorded_by",
        "from_counselling",
    ]
    fields = [*readonly_fields, "outcome", "employer", "contract_type"]
    date_hierarchy = "due_on"

    @staticmethod
    def personal_data_subject(obj):
        return obj.enrollment.applicant.user

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        services.follow_up_record(
            follow_up=obj,
            outcome=form.cleaned_data["outcome"],
            employer=form.cleaned_data["employer"],
            contract_type=form.cleaned_data["contract_type"],
            actor=request.user,
        )

    @admin.display(description=gettext_lazy("상담 성과"))
    def from_counselling(self, obj) -> str:
        """The counsellor's employment outcome this follow-up was recorded from, or "-"."""
        outcome = obj.counselling_outcome
        if outcome is None:
            return "-"
        return _("%(kind)s %(day)s (상담사 %(name)s)") % {
            "kind": outcome.get_kind_display(),
            "day": outcome.happened_on.isoformat(),
            "name": counsellor_name(outcome.recorded_by) if outcome.recorded_by else "-",
        }


# --- Counselling (read only: counsellors work on the site's pages; notes never shown here) ------


class CounsellingReadOnlyAdmin(PersonalDataAdminMixin, InstitutionScopedAdmin):
    institution_path = "centre"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CounsellingClient)
class CounsellingClientAdmin(CounsellingReadOnlyAdmin):
    list_display = ["profile", "centre", "created_by", "created_at", "claimed_at"]
    list_filter = [("centre", RelatedOnlyFieldListFilter)]
    list_select_related = ["profile__user", "centre", "created_by"]
    search_fields = ["profile__name"]
    fields = ["profile", "centre", "created_by", "created_at", "claim_email", "claimed_at"]
    readonly_fields = fields

    @staticmethod
    def personal_data_subject(obj):
        return obj.profile.user


class CounsellingSignUpInline(admin.TabularInline):
    model = CounsellingSignUp
    fields = ["client", "signed_up_at", "submitted_by_label", "cancelled_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    @admin.display(description=gettext_lazy("대리 제출"))
    def submitted_by_label(self, obj) -> str:
        return submitted_by_column(obj)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("client__profile", "submitted_by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CounsellingSession)
class CounsellingSessionAdmin(CounsellingReadOnlyAdmin):
    list_display = ["title", "kind", "centre", "starts_at", "place", "capacity", "signed_up_count"]
    list_filter = ["kind", ("centre", RelatedOnlyFieldListFilter)]
    list_select_related = ["centre"]
    search_fields = ["title", "place"]
    fields = [
        "centre",
        "kind",
        "title",
        "starts_at",
        "ends_at",
        "place",
        "capacity",
        "signed_up_count",
        "counsellor",
    ]
    readonly_fields = fields
    inlines = [CounsellingSignUpInline]
    date_hierarchy = "starts_at"

    @staticmethod
    def personal_data_subject(obj):
        return None  # a session's sign-ups name several women; the log names the session


@admin.register(CounsellingOutcome)
class CounsellingOutcomeAdmin(CounsellingReadOnlyAdmin):
    institution_path = "client__centre"
    list_display = ["client", "kind", "happened_on", "detail", "recorded_by", "recorded_at"]
    list_filter = ["kind", ("client__centre", RelatedOnlyFieldListFilter)]
    list_select_related = ["client__profile__user", "client__centre", "recorded_by"]
    search_fields = ["client__profile__name", "detail"]
    fields = list_display
    readonly_fields = fields
    date_hierarchy = "happened_on"

    @staticmethod
    def personal_data_subject(obj):
        return obj.client.profile.user
