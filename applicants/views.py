"""Applicant pages; every view is scoped to the logged-in applicant's own profile."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applicants import forms, selectors, services
from applicants.consents import NOTICES
from applicants.dashboard import sections_for
from applicants.decorators import applicant_required
from applicants.models import CareerEntry, Certificate, CompletedTraining
from applicants.self_check import answers_forget, answers_kept
from womenup.forms import add_service_errors
from womenup.privacy.downloads import private_file_response


@applicant_required
def dashboard(request):
    profile = services.profile_ensure(user=request.user)
    return render(
        request,
        "applicants/dashboard.html",
        {
            "profile": profile,
            "sections": sections_for(profile),
            "missing": selectors.profile_missing_items(profile),
            "missing_consents": selectors.missing_required_consents(profile),
        },
    )


# --- Profile and qualifications ------------------------------------------------------------------


@applicant_required
def profile_edit(request):
    profile = selectors.profile_for_edit(services.profile_ensure(user=request.user))
    form = forms.ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(
                profile=profile,
                job_categories=form.cleaned_data["desired_job_categories"],
                preferred_districts=form.cleaned_data["preferred_districts"],
                **form.profile_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("프로필을 저장했습니다."))
            return redirect("applicants:profile")
    kept = answers_kept(request.session)
    return render(
        request,
        "applicants/profile.html",
        {
            "form": form,
            "missing": selectors.profile_missing_items(profile),
            "self_check_items": kept and selectors.self_check_fill_items(profile, kept),
            "self_check_kept": kept is not None,
        },
    )


@applicant_required
@require_POST
def self_check_carry(request):
    """Copy her kept self-check answers into her profile's empty fields (she confirmed)."""
    kept = answers_kept(request.session)
    if kept is None:
        messages.error(request, _("옮길 자가진단 답변이 없습니다."))
        return redirect("applicants:profile")
    profile = services.profile_ensure(user=request.user)
    try:
        filled = services.profile_fill_from_self_check(profile=profile, answers=kept)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("applicants:profile")
    answers_forget(request.session)
    messages.success(
        request,
        _("자가진단 답변을 프로필에 옮겼습니다: %(fields)s.") % {"fields": ", ".join(filled)}
        if filled
        else _("프로필에 이미 입력되어 있어 옮길 답변이 없었습니다. 보관한 답변은 지웠습니다."),
    )
    return redirect("applicants:profile")


@applicant_required
@require_POST
def self_check_forget(request):
    answers_forget(request.session)
    messages.success(request, _("보관한 자가진단 답변을 지웠습니다."))
    return redirect("applicants:profile")


QUALIFICATIONS = {
    "career": (forms.CareerEntryForm, CareerEntry, services.career_entry_add),
    "certificate": (forms.CertificateForm, Certificate, services.certificate_add),
    "training": (forms.TrainingForm, CompletedTraining, services.completed_training_add),
}


def _qualification_forms(data=None, kind=None) -> dict:
    built = {}
    for name, (form_class, _model, _add) in QUALIFICATIONS.items():
        bound = data if name == kind else None
        built[name] = form_class(bound, prefix=name)
    return built


@applicant_required
def qualifications(request, kind: str | None = None):
    profile = services.profile_ensure(user=request.user)
    if kind is not None and kind not in QUALIFICATIONS:
        raise Http404
    posted = request.method == "POST" and kind is not None
    qualification_forms = _qualification_forms(request.POST if posted else None, kind)
    if posted:
        form = qualification_forms[kind]
        if form.is_valid():
            try:
                QUALIFICATIONS[kind][2](profile=profile, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("추가했습니다."))
                return redirect("applicants:qualifications")
    return render(
        request,
        "applicants/qualifications.html",
        {"forms": qualification_forms, "items": selectors.qualifications_of(profile)},
    )


@applicant_required
@require_POST
def qualification_delete(request, kind: str, pk: int):
    if kind not in QUALIFICATIONS:
        raise Http404
    model = QUALIFICATIONS[kind][1]
    item = get_object_or_404(model.objects.filter(profile__user=request.user), pk=pk)
    services.qualification_delete(item=item)
    messages.success(request, _("삭제했습니다."))
    return redirect("applicants:qualifications")


# --- Consents -------------------------------------------------------------------------------------


@applicant_required
def consents(request):
    profile = services.profile_ensure(user=request.user)
    active = selectors.active_consents(profile)
    form = forms.ConsentForm(request.POST or None, active=active)
    if request.method == "POST" and form.is_valid():
        services.consents_record(profile=profile, given=form.given_items())
        messages.success(request, _("동의 내용을 저장했습니다."))
        return redirect("applicants:consents")
    items = [
        {"notice": notice, "field": form[item], "consent": active.get(item)}
        for item, notice in NOTICES.items()
    ]
    return render(request, "applicants/consents.html", {"form": form, "items": items})


# --- Documents ------------------------------------------------------------------------------------


@applicant_required
def proxy_consent_withdraw(request):
    """She withdraws her consent that a counsellor acts for her (confirmed first)."""
    profile = services.profile_ensure(user=request.user)
    consent = selectors.active_proxy_consent(profile)
    if consent is None:
        messages.info(request, _("철회할 대리 신청 동의가 없습니다."))
        return redirect("applicants:dashboard")
    if request.method == "POST":
        services.proxy_consent_withdraw(profile=profile)
        messages.success(
            request, _("대리 신청 동의를 철회했습니다. 상담사는 더 이상 대신 제출할 수 없습니다.")
        )
        return redirect("applicants:dashboard")
    return render(request, "applicants/proxy_consent_withdraw.html", {"consent": consent})


def _max_mb() -> int:
    return settings.UPLOAD_MAX_BYTES // (1024 * 1024)


@applicant_required
def documents(request):
    profile = services.profile_ensure(user=request.user)
    form = forms.DocumentForm(request.POST or None, request.FILES or None, max_mb=_max_mb())
    if request.method == "POST" and form.is_valid():
        try:
            services.document_upload(
                profile=profile, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("서류를 올렸습니다."))
            return redirect("applicants:documents")
    return render(
        request,
        "applicants/documents.html",
        {"form": form, "documents": selectors.documents_for_profile(profile)},
    )


@applicant_required
@require_POST
def document_delete(request, pk: int):
    profile = selectors.profile_for_user(request.user)
    document = get_object_or_404(selectors.documents_for_profile(profile), pk=pk)
    services.document_delete(document=document)
    messages.success(request, _("서류를 삭제했습니다."))
    return redirect("applicants:documents")


@login_required
def document_download(request, pk: int):
    """The owner and city staff download here; companies through ``matching`` (candidate files)."""
    document = get_object_or_404(selectors.documents_for_user(request.user), pk=pk)
    services.download_record(
        user=request.user,
        owner=document.profile.user,
        target=f"서류 {document.get_kind_display()} #{document.pk}",
        request=request,
    )
    return private_file_response(
        document.file, filename=document.original_name, content_type=document.content_type
    )


# --- Job-seeking allowance ------------------------------------------------------------------------


@applicant_required
def allowance(request):
    profile = services.profile_ensure(user=request.user)
    applications = list(selectors.allowance_applications_for(profile))
    intake = services.allowance_intake(on=timezone.localdate())
    current = next((a for a in applications if intake and a.intake_id == intake.pk), None)
    apply_form = forms.AllowanceApplyForm(request.POST or None)
    if request.method == "POST" and apply_form.is_valid():
        try:
            services.allowance_apply(
                profile=profile, job_search_plan=apply_form.cleaned_data["job_search_plan"]
            )
        except ValidationError as error:
            add_service_errors(apply_form, error)
        else:
            messages.success(request, _("구직지원금을 신청했습니다."))
            return redirect("applicants:allowance")
    return render(
        request,
        "applicants/allowance.html",
        {
            "applications": applications,
            "intake": intake,
            "terms": selectors.allowance_terms(intake.program if intake else None),
            "current": current,
            "apply_form": apply_form,
            "report_form": forms.ActivityReportForm(),
        },
    )


@applicant_required
@require_POST
def activity_report_submit(request, pk: int):
    application = get_object_or_404(
        selectors.allowance_applications_for(selectors.profile_for_user(request.user)), pk=pk
    )
    form = forms.ActivityReportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.activity_report_submit(
                application=application,
                month=form.cleaned_data["month"],
                activities=form.cleaned_data["activities"],
                upload=form.cleaned_data["evidence"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("구직활동 보고를 제출했습니다."))
            return redirect("applicants:allowance")
    for errors in form.errors.values():
        for message in errors:
            messages.error(request, message)
    return redirect("applicants:allowance")


@login_required
def report_evidence(request, pk: int):
    report = get_object_or_404(selectors.reports_for_user(request.user), pk=pk)
    services.download_record(
        user=request.user,
        owner=report.application.profile.user,
        target=f"구직활동 증빙 #{report.pk}",
        request=request,
    )
    return private_file_response(
        report.file, filename=report.original_name, content_type=report.content_type
    )
