"""Application-side pages: browse open roles, rank choices, submit, withdraw, answer invitations.

The role list and role pages are public; everything else is the logged-in applicant's own.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applicants.decorators import applicant_required
from applicants.selectors import (
    applicant_facts,
    missing_required_consents,
    profile_for_user,
    profile_missing_items,
)
from companies.decorators import company_member_required
from matching import forms, selectors, services
from matching.visibility import documents_visible_to_company
from womenup.downloads import private_file_response

ROLES_PER_PAGE = 20


def _viewer_facts(request):
    """(profile, facts) of a logged-in applicant; (None, None) for anyone else."""
    if request.user.is_authenticated and request.user.is_applicant:
        profile = profile_for_user(request.user)
        return profile, applicant_facts(profile)
    return None, None


def _report(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def roles(request):
    form = forms.RoleFilterForm(request.GET or None)
    page = Paginator(selectors.open_roles_filtered(**form.filters()), ROLES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    page.object_list = list(page.object_list)
    profile, facts = _viewer_facts(request)
    gates = selectors.role_gates(page.object_list, facts)
    for role in page.object_list:
        role.gate = gates[role.pk]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "matching/roles.html",
        {
            "form": form,
            "page": page,
            "max_choices": settings.INTERNSHIP_MAX_CHOICES,
            "chosen": selectors.chosen_role_ids(profile) if profile else set(),
            "query": query.urlencode(),
            "badges": selectors.company_badges(),
        },
    )


def role_detail(request, pk: int):
    role = get_object_or_404(selectors.open_roles(), pk=pk)
    profile, facts = _viewer_facts(request)
    return render(
        request,
        "matching/role_detail.html",
        {
            "role": role,
            "gate": selectors.role_gate(role, facts),
            "chosen": profile is not None and role.pk in selectors.chosen_role_ids(profile),
            "badges": selectors.company_badges(),
            "max_choices": settings.INTERNSHIP_MAX_CHOICES,
        },
    )


@applicant_required
@require_POST
def choice_add(request, pk: int):
    role = get_object_or_404(selectors.open_roles(), pk=pk)
    try:
        application = services.choice_add(applicant=profile_for_user(request.user), role=role)
    except ValidationError as error:
        _report(request, error)
        return redirect("matching:role-detail", pk=role.pk)
    messages.success(
        request, _("'%(title)s' 직무를 지망 목록에 담았습니다.") % {"title": role.title}
    )
    return redirect("matching:application-detail", pk=application.pk)


@applicant_required
def application_detail(request, pk: int):
    application = get_object_or_404(
        selectors.applications_for_applicant(profile_for_user(request.user)), pk=pk
    )
    profile = application.applicant
    return render(
        request,
        "matching/application_detail.html",
        {
            "application": application,
            "editable": selectors.is_editable(application),
            "missing": profile_missing_items(profile),
            "missing_consents": missing_required_consents(profile),
        },
    )


def _own_application(request, pk: int):
    return get_object_or_404(selectors.applications_for_user(request.user), pk=pk)


@applicant_required
@require_POST
def choice_move(request, pk: int):
    application = _own_application(request, pk)
    form = forms.ChoiceMoveForm(request.POST)
    if form.is_valid():
        choice = get_object_or_404(
            application.choices.select_related("role"), role_id=form.cleaned_data["role"]
        )
        offset = -1 if form.cleaned_data["direction"] == "up" else 1
        try:
            services.choice_move(application=application, role=choice.role, offset=offset)
        except ValidationError as error:
            _report(request, error)
    return redirect("matching:application-detail", pk=application.pk)


@applicant_required
@require_POST
def choice_remove(request, pk: int, role_pk: int):
    application = _own_application(request, pk)
    choice = get_object_or_404(application.choices.select_related("role"), role_id=role_pk)
    try:
        services.choice_remove(application=application, role=choice.role)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("지망 목록에서 뺐습니다."))
    return redirect("matching:application-detail", pk=application.pk)


@applicant_required
@require_POST
def application_submit(request, pk: int):
    application = _own_application(request, pk)
    try:
        services.application_submit(application=application)
    except ValidationError as error:
        _report(request, error)
        return redirect("matching:application-detail", pk=application.pk)
    messages.success(
        request, _("신청을 제출했습니다. 매주 서류심사 결과를 이 화면에서 알려 드립니다.")
    )
    return redirect("applicants:dashboard")


@applicant_required
def application_withdraw(request, pk: int):
    """A confirmation page (GET), then the withdrawal (POST)."""
    application = _own_application(request, pk)
    if request.method == "POST":
        try:
            services.application_withdraw(application=application)
        except ValidationError as error:
            _report(request, error)
            return redirect("matching:application-detail", pk=application.pk)
        messages.success(request, _("인턴십 신청을 취소했습니다."))
        return redirect("applicants:dashboard")
    return render(request, "matching/application_withdraw.html", {"application": application})


@applicant_required
@require_POST
def invitation_respond(request, pk: int):
    invitation = get_object_or_404(selectors.invitations_for_user(request.user), pk=pk)
    form = forms.InvitationAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("수락 또는 거절을 골라 주세요."))
        return redirect("applicants:dashboard")
    accept = form.cleaned_data["answer"] == "accept"
    try:
        services.invitation_respond(invitation=invitation, accept=accept)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(
            request, _("면접 제안을 수락했습니다.") if accept else _("면접 제안을 거절했습니다.")
        )
    return redirect("applicants:dashboard")


# --- Company side: candidates' documents -------------------------------------------------------


@company_member_required
def candidate_document_download(request, company, pk: int):
    """A candidate's document, while the company may see her (``matching/visibility.py``)."""
    document = get_object_or_404(documents_visible_to_company(company), pk=pk)
    return private_file_response(
        document.file, filename=document.original_name, content_type=document.content_type
    )
