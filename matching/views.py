"""Application-side pages: the public role list and role pages (with the choose button and
eligibility gate for applicants), ranking choices, submitting, withdrawing, answering
invitations; and the company's placement pages: candidates, interviews, ranking, contracts, hires.

The role list and role pages are public; an applicant's pages are her own, and every company
page is scoped to the logged-in user's own company.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from applicants.decorators import applicant_required
from applicants.selectors import (
    applicant_facts,
    candidate_cards,
    missing_required_consents,
    profile_for_user,
    profile_missing_items,
)
from applicants.self_check import answers_keep
from applicants.services import profile_ensure
from companies import selectors as company_selectors
from companies.decorators import company_member_required
from companies.filters import RoleFilter
from companies.models import BADGE_FIELDS
from courses.decorators import counsellor_required
from courses.selectors import clients_for_counsellor
from matching import batch, forms, selectors, services
from matching.models import ContractConfirmation, InternshipApplication
from matching.self_check import self_check, self_check_questions
from matching.visibility import documents_visible_to_company
from womenup import branding
from womenup.cache import ROLES, cached_object_or_404
from womenup.forms import add_service_errors
from womenup.models import PersonalDataAccess
from womenup.pagination import cached_page, lazy_page
from womenup.privacy.downloads import private_file_response
from womenup.privacy.services import personal_data_access_record
from womenup.programs.selectors import internship_months

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


@never_cache
def self_check_page(request):
    """The public self-check: her answers → every open programme's verdict (no sign-up).

    Nothing is stored unless she asks to keep her answers for her profile (in her session).
    """
    if request.method != "POST":  # the empty form is a cached fragment: built only to render it
        form = SimpleLazyObject(
            lambda: forms.SelfCheckForm(questions=self_check_questions(on=timezone.localdate()))
        )
        return render(request, "matching/self_check.html", {"form": form, "answered": False})
    questions = self_check_questions(on=timezone.localdate())
    form = forms.SelfCheckForm(request.POST, questions=questions)
    checks = kept = None
    if form.is_valid():
        answers = form.answers()
        checks = self_check(answers, questions)
        if form.cleaned_data["keep"]:
            answers_keep(request.session, answers)
            kept = True
    context = {"form": form, "checks": checks, "kept": kept, "answered": True}
    return render(request, "matching/self_check.html", context)


def role_list(request):
    """The one public role list: the roles an applicant can choose today (``open_roles``).

    A logged-in applicant also sees, on each role, whether its gate lets her choose it and
    whether it is already in her application.
    """
    filters = RoleFilter(request.GET or None, queryset=company_selectors.open_roles())
    profile, facts = _viewer_facts(request)
    chosen = set()
    # For everyone but an applicant the cards are a cached fragment: the page of roles is
    # read only when it is rendered afresh.
    page = lazy_page(filters.qs, ROLES_PER_PAGE, request.GET.get("page"))
    if profile is not None:
        path = f"role-list:{request.get_full_path()}"
        page = cached_page((ROLES,), path, filters.qs, ROLES_PER_PAGE, request.GET.get("page"))
        gates = selectors.role_gates(page.object_list, facts)
        for role in page.object_list:
            role.gate = gates[role.pk]
        chosen = selectors.chosen_role_ids(profile)
    context = {
        "filter": filters,
        "page": page,
        "applicant": profile is not None,
        "chosen": chosen,
        "max_choices": settings.INTERNSHIP_MAX_CHOICES,
    }
    return render(request, "matching/role_list.html", context)


def role_detail(request, pk: int):
    """A published role's public page; an applicant gets its gate and the choose button."""
    role = cached_object_or_404(
        (ROLES,), f"role:{pk}", lambda: company_selectors.public_roles().filter(pk=pk)
    )
    profile, facts = _viewer_facts(request)
    context = {"role": role, "applicant": profile is not None}
    if profile is not None:
        context["gate"] = selectors.role_gate(role, facts)
        context["chosen"] = role.pk in selectors.chosen_role_ids(profile)
        context["max_choices"] = settings.INTERNSHIP_MAX_CHOICES
    return render(request, "matching/role_detail.html", context)


_BADGE_OF_FIELD = {field: badge for badge, field in BADGE_FIELDS.items()}


def role_list_moved(request):
    """The former application-side list: a permanent redirect to the role list, with the
    filters that still exist (``badges=is_innobiz`` is now ``badge=innobiz``, one badge)."""
    query = request.GET.copy()
    badges = [
        _BADGE_OF_FIELD[field] for field in query.pop("badges", []) if field in _BADGE_OF_FIELD
    ]
    if badges:
        query.setdefault("badge", badges[0])
    url = reverse("matching:role-list")
    return HttpResponsePermanentRedirect(f"{url}?{query.urlencode()}" if query else url)


@applicant_required
@require_POST
def choice_add(request, pk: int):
    role = get_object_or_404(company_selectors.public_roles(), pk=pk)
    try:
        application = services.choice_add(applicant=profile_ensure(user=request.user), role=role)
    except ValidationError as error:
        _report(request, error)
        return redirect("matching:role-detail", pk=role.pk)
    messages.success(
        request,
        (
            _(
                "'%(title)s' 직무를 지망 목록에 담았습니다. 순위를 확인하고 신청서를 "
                "제출해야 서류심사를 받습니다."
            )
            if application.status == InternshipApplication.Status.DRAFT
            else _(
                "'%(title)s' 직무를 제출한 신청서의 지망 목록에 담았습니다. 다음 주간 "
                "서류심사에 반영됩니다."
            )
        )
        % {"title": role.title},
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
            "week": batch.week_state(on=timezone.localdate()),
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
        else:
            messages.success(request, _moved_message(application))
    return redirect("matching:application-detail", pk=application.pk)


def _removed_message(application) -> str:
    if application.status == InternshipApplication.Status.DRAFT:
        return _("지망 목록에서 뺐습니다. 신청서를 제출해야 서류심사를 받습니다.")
    return _(
        "제출한 신청서의 지망 목록에서 뺐습니다. 남은 지망 직무로 다음 주간 서류심사를 받습니다."
    )


def _moved_message(application) -> str:
    """Reordering says whether the new order counts, and from which batch."""
    if application.status == InternshipApplication.Status.DRAFT:
        return _("지망 순위를 바꾸었습니다. 신청서를 제출해야 서류심사를 받습니다.")
    week = batch.week_state(on=timezone.localdate())
    if week.ran:
        return _(
            "제출한 신청서의 지망 순위를 바꾸었습니다. 이번 주 서류심사·매칭(%(week)s)은 이미 "
            "실행되어, 바뀐 순위는 %(monday)s(월) 서류심사부터 반영됩니다."
        ) % {"week": week.week, "monday": f"{week.next_monday:%Y-%m-%d}"}
    return _(
        "제출한 신청서의 지망 순위를 바꾸었습니다. 이번 주 서류심사·매칭(%(week)s)은 아직 "
        "실행되지 않아, 바뀐 순위로 심사를 받습니다."
    ) % {"week": week.week}


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
        messages.success(request, _removed_message(application))
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
        messages.success(
            request,
            _("인턴십 신청을 취소했습니다. 모집 기간 안에는 직무를 다시 담아 지원할 수 있습니다."),
        )
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
            request,
            _(
                "면접 제안을 수락했습니다. 기업이 면접 일정을 정하면 메일과 신청 현황으로 "
                "알려 드립니다."
            )
            if accept
            else _(
                "면접 제안을 거절했습니다. 다른 지망 직무의 지원과 면접 제안은 그대로 유지됩니다."
            ),
        )
    return redirect("applicants:dashboard")


# --- Candidates --------------------------------------------------------------------------------


def _role_and_application(company, pk: int, application_id: int):
    role = get_object_or_404(company_selectors.roles_for_company(company), pk=pk)
    application = get_object_or_404(selectors.candidate_applications(role), pk=application_id)
    return role, application


@company_member_required
def candidate_detail(request, company, pk: int, application_id: int):
    role, application = _role_and_application(company, pk, application_id)
    return _render_candidate(request, role, application)


def _render_candidate(request, role, application, *, interview_form=None, result_form=None):
    candidate = selectors.candidate_for_role(role, application)
    evaluation = candidate.evaluation
    if interview_form is None:
        initial = {}
        if evaluation:
            initial = {
                "interview_at": evaluation.interview_at,
                "interview_place": evaluation.interview_place,
                "video_link": evaluation.video_link,
            }
        interview_form = forms.InterviewForm(initial=initial)
    if result_form is None:
        initial = {"result": evaluation.result, "note": evaluation.note} if evaluation else {}
        result_form = forms.ResultForm(initial=initial)
    context = {
        "role": role,
        "candidate": candidate,
        "interview_form": interview_form,
        "result_form": result_form,
    }
    return render(request, "matching/candidate.html", context)


@company_member_required
@require_POST
def candidate_interview(request, company, pk: int, application_id: int):
    role, application = _role_and_application(company, pk, application_id)
    form = forms.InterviewForm(request.POST)
    if form.is_valid():
        try:
            services.evaluation_schedule(
                role=role, application_id=application.pk, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "면접 일정을 저장하고 지원자에게 알렸습니다. "
                    "면접을 마치면 결과를 기록해 주세요."
                ),
            )
            return redirect("matching:candidate", pk=role.pk, application_id=application.pk)
    return _render_candidate(request, role, application, interview_form=form)


@company_member_required
@require_POST
def candidate_result(request, company, pk: int, application_id: int):
    role, application = _role_and_application(company, pk, application_id)
    form = forms.ResultForm(request.POST)
    if form.is_valid():
        try:
            services.evaluation_record_result(
                role=role, application_id=application.pk, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("면접 결과를 저장했습니다. 합격자의 순위를 정하면 다음 주간 매칭에 반영됩니다."),
            )
            return redirect("companies:role-manage", pk=role.pk)
    return _render_candidate(request, role, application, result_form=form)


@company_member_required
def role_ranking(request, company, pk: int):
    role = get_object_or_404(company_selectors.roles_for_company(company), pk=pk)
    evaluations = list(selectors.passed_evaluations(role).order_by("rank", "pk"))
    labels = _candidate_labels(evaluations)
    form = forms.RankingForm(request.POST or None, evaluations=evaluations, labels=labels)
    if request.method == "POST" and form.is_valid():
        try:
            services.ranking_set(role=role, application_ids=form.cleaned_data["ordered"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("순위를 저장했습니다. 다음 주간 매칭에 반영됩니다."))
            return redirect("companies:role-manage", pk=role.pk)
    context = {"role": role, "form": form, "has_candidates": bool(evaluations)}
    return render(request, "matching/ranking.html", context)


def _candidate_labels(evaluations) -> dict[int, str]:
    cards = candidate_cards([evaluation.application.applicant_id for evaluation in evaluations])
    labels = {}
    for evaluation in evaluations:
        card = cards.get(evaluation.application.applicant_id)
        labels[evaluation.application_id] = (card and card.name) or _("지원자 %(id)s") % {
            "id": evaluation.application_id
        }
    return labels


# --- Interns, hires, incentive -----------------------------------------------------------------


@company_member_required
def placement_contract(request, company, pk: int):
    placement = get_object_or_404(selectors.placements_for_company(company), pk=pk)
    form = forms.ContractForm(
        request.POST or None, initial={"contract_start": placement.contract_start}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.placement_contract_confirm(placement=placement, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "근로계약 시작일을 확정했습니다. 아래 계약 조건을 확인해 주세요. "
                    "기업과 인턴이 모두 확인하면 임금 지원이 시작됩니다."
                ),
            )
            return redirect("matching:intern-contract", pk=placement.pk)
    return _contract_page(request, placement, form=form, party=ContractConfirmation.Party.COMPANY)


@company_member_required
@require_POST
def placement_contract_terms(request, company, pk: int):
    """The company confirms the contract's key terms (on its contract page)."""
    placement = get_object_or_404(selectors.placements_for_company(company), pk=pk)
    return _confirm_terms(
        request,
        placement,
        party=ContractConfirmation.Party.COMPANY,
        page=lambda terms_form: _contract_page(
            request,
            placement,
            form=forms.ContractForm(initial={"contract_start": placement.contract_start}),
            party=ContractConfirmation.Party.COMPANY,
            terms_form=terms_form,
        ),
        done=reverse("matching:intern-contract", args=[placement.pk]),
    )


@applicant_required
def intern_contract_terms(request, pk: int):
    """Her contract's key terms, reached from her dashboard; she confirms them here."""
    placement = get_object_or_404(selectors.placements_for_intern(request.user), pk=pk)
    party = ContractConfirmation.Party.INTERN
    if request.method == "POST":
        return _confirm_terms(
            request,
            placement,
            party=party,
            page=lambda terms_form: _contract_page(
                request, placement, party=party, terms_form=terms_form
            ),
            done=reverse("matching:placement-contract", args=[placement.pk]),
        )
    return _contract_page(request, placement, party=party)


def _confirm_terms(request, placement, *, party, page, done):
    terms_form = forms.ContractTermsConfirmForm(request.POST)
    if terms_form.is_valid():
        try:
            services.contract_terms_confirm(
                placement=placement,
                party=party,
                user=request.user,
                terms_key=terms_form.cleaned_data["terms"],
            )
        except ValidationError as error:
            add_service_errors(terms_form, error)
        else:
            messages.success(request, _("근로계약 조건을 확인했습니다."))
            return redirect(done)
    response = page(terms_form)
    response.status_code = 400
    return response


def _contract_page(request, placement, *, party, form=None, terms_form=None):
    state = selectors.placement_contract_state(placement)
    if terms_form is None and state.terms is not None:
        terms_form = forms.ContractTermsConfirmForm(initial={"terms": state.terms.key})
    elif terms_form is not None and state.terms is not None:
        terms_form.data = terms_form.data.copy()
        terms_form.data["terms"] = state.terms.key
    context = {
        "placement": placement,
        "form": form,
        "months": internship_months(placement.role.intake.program),
        "contract": state,
        "party": party,
        "mine": state.confirmed_by(party),
        "terms_form": terms_form,
        "terms_action": (
            reverse("matching:intern-contract-terms", args=[placement.pk])
            if party == ContractConfirmation.Party.COMPANY
            else reverse("matching:placement-contract", args=[placement.pk])
        ),
    }
    template = "matching/contract.html" if form is not None else "matching/intern_contract.html"
    return render(request, template, context)


@company_member_required
def placement_hire(request, company, pk: int):
    placement = get_object_or_404(selectors.placements_for_company(company), pk=pk)
    hire = getattr(placement, "hire_confirmation", None)
    if hire is not None:
        return _incentive_refile(request, placement, hire)
    form = forms.HireForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.hire_confirm(
                placement=placement,
                user=request.user,
                hired_on=form.cleaned_data["hired_on"],
                proof=form.cleaned_data["proof"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "정규직 채용을 확인하고 고용장려금을 신청했습니다. %(operator)s 담당자가 "
                    "증빙을 검토해 승인하면 지급되며, 결과는 기업 화면에서 볼 수 있습니다."
                )
                % branding.brand(),
            )
            return redirect("companies:dashboard")
    context = {
        "placement": placement,
        "form": form,
        "incentive_krw": selectors.company_incentive_krw(placement.role.company),
    }
    return render(request, "matching/hire.html", context)


def _incentive_refile(request, placement, hire):
    """The hire is confirmed already: after a rejection, file the incentive again."""
    form = forms.ClaimRefileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.incentive_claim_refile(hire=hire, proof=form.cleaned_data["proof"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "새 증빙으로 고용장려금을 다시 신청했습니다. %(operator)s 담당자가 검토해 "
                    "승인하면 지급되며, 결과는 기업 화면에서 볼 수 있습니다."
                )
                % branding.brand(),
            )
            return redirect("companies:dashboard")
    context = {
        "placement": placement,
        "hire": hire,
        "form": form,
        "incentive_krw": selectors.company_incentive_krw(placement.role.company),
        "refiling": True,
    }
    return render(request, "matching/hire.html", context)


def hire_proof_download(request, pk: int):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    hire = get_object_or_404(selectors.hires_for_user(request.user), pk=pk)
    services.hire_proof_download_record(hire=hire, user=request.user, request=request)
    return private_file_response(
        hire.file, filename=hire.original_name, content_type=hire.content_type
    )


# --- Company side: candidates' documents -------------------------------------------------------


@company_member_required
def candidate_document_download(request, company, pk: int):
    """A candidate's document, while the company may see her (``matching/visibility.py``)."""
    document = get_object_or_404(documents_visible_to_company(company), pk=pk)
    return private_file_response(
        document.file, filename=document.original_name, content_type=document.content_type
    )


# --- A counsellor submitting for her client --------------------------------------------------


@counsellor_required
def client_internship_apply(request, pk: int):
    """A job-centre counsellor submits her client's internship application (her consent needed);
    the client is looked up through the counsellor's own centres, so another centre's is a 404."""
    client = get_object_or_404(clients_for_counsellor(request.user), pk=pk)
    roles = (
        company_selectors.open_roles()
        .select_related("company", "intake")
        .order_by("company__name", "title", "pk")
    )
    form = forms.ClientInternshipForm(request.POST or None, roles=roles)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_submit_for_client(
                applicant=client.profile, counsellor=request.user, roles=form.roles()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            personal_data_access_record(
                actor=request.user,
                subject=client.profile.user,
                action=PersonalDataAccess.Action.CHANGE,
                target=f"상담 참여자 #{client.pk}: 인턴십 대리 신청",
                request=request,
            )
            messages.success(request, _("인턴십 신청서를 대신 제출했습니다."))
            return redirect("courses:client-detail", pk=client.pk)
    return render(
        request,
        "courses/counsel/client_apply.html",
        {"client": client, "form": form, "title": _("인턴십 대리 신청")},
    )
