"""Company pages; every view is scoped to the logged-in user's own company.

The public company listings are readable without login and show only verified companies. The
public role list and role page are matching's (``matching/views.py``): they carry the applicant's
choose button and eligibility gate, which build on this app.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from companies import forms, hooks, selectors, services
from companies.decorators import company_member_required, company_user_required
from companies.eligibility import company_ineligibility_reasons, facts_of
from companies.filters import CompanyFilter
from companies.models import Company, Role
from companies.onboarding import company_checklist, saved_message
from womenup import branding
from womenup.cache import COMPANIES, ROLES, cached_object_or_404
from womenup.forms import add_service_errors
from womenup.models import District
from womenup.pagination import lazy_page
from womenup.privacy.downloads import private_file_response

PAGE_SIZE = 20
REVIEW_AGAIN_MESSAGE = _lazy(
    "소재지, 상시근로자 수, 중소기업 여부 또는 인증을 바꾸어 %(operator)s 담당자의 재승인이 "
    "필요합니다. "
    "재승인 전까지 게시한 직무는 그대로 남지만 공개 목록과 매칭에서 잠시 빠지고, "
    "새 직무는 게시할 수 없습니다."
)


# --- Dashboard ---------------------------------------------------------------------------------


@company_user_required
def dashboard(request):
    company = selectors.company_for_user(request.user)
    checklist = company_checklist(company)
    context = {"checklist": checklist, "next_action": checklist.current}
    if company is None:
        invitations = selectors.open_invitations().filter(email__iexact=request.user.email)
        return render(request, "companies/dashboard.html", {**context, "invitations": invitations})
    return render(
        request,
        "companies/dashboard.html",
        {**context, "company": company, "sections": hooks.dashboard_sections(company)},
    )


# --- Registration ------------------------------------------------------------------------------


@company_user_required
def company_profile(request):
    """Register the company, or edit it; eligibility reasons are shown as it is entered."""
    company = selectors.company_for_user(request.user)
    form = forms.CompanyForm(request.POST or None, instance=company)
    if request.method == "POST" and "check" not in request.POST and form.is_valid():
        was_verified = company is not None and company.is_verified
        try:
            company = _save_company(request.user, company, form)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, saved_message(company, _("기업 정보를 저장했습니다.")))
            if was_verified and not company.is_verified:
                messages.warning(request, REVIEW_AGAIN_MESSAGE % branding.brand())
            return redirect("companies:profile")
    context = {
        "form": form,
        "company": company and selectors.company_with_details(company),
        "reasons": form.eligibility_reasons(),
        "proof_form": forms.BadgeProofForm(),
    }
    return render(request, "companies/profile.html", context)


def _save_company(user, company: Company | None, form) -> Company:
    if company is None:
        return services.company_register(
            user=user, number=form.cleaned_data["business_number"], details=form.details()
        )
    return services.company_update(company=company, details=form.details())


@company_user_required
def eligibility_check(request):
    """The eligibility block for what is typed so far (fetched by the registration page)."""
    district_id = _int_or_none(request.GET.get("district"))
    district = (
        District.objects.select_related("city").filter(pk=district_id).first()
        if district_id is not None
        else None
    )
    reasons = company_ineligibility_reasons(
        facts_of(
            district=district,
            regular_employees=_int_or_none(request.GET.get("regular_employees")),
            is_sme=request.GET.get("is_sme") in ("on", "true", "1"),
        )
    )
    return render(request, "companies/_eligibility.html", {"reasons": reasons})


def _int_or_none(raw: str | None) -> int | None:
    """A whole number typed into a query string, or None for anything else (e.g. "abc")."""
    try:
        return int((raw or "").strip())
    except ValueError:
        return None


@company_member_required
@require_POST
def badge_proof_upload(request, company):
    form = forms.BadgeProofForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.badge_proof_upload(
                company=company, badge=form.cleaned_data["badge"], upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("인증서를 올렸습니다. %(operator)s 담당자가 기업을 검토할 때 함께 확인합니다.")
                % branding.brand(),
            )
    else:
        messages.error(request, _("인증 종류와 파일을 확인해 주세요."))
    return redirect("companies:profile")


def badge_proof_download(request, pk: int):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    proof = get_object_or_404(selectors.badge_proofs_for_user(request.user), pk=pk)
    return private_file_response(
        proof.file, filename=proof.original_name, content_type=proof.content_type
    )


# --- Colleagues --------------------------------------------------------------------------------


@company_member_required
def members(request, company):
    form = forms.InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                company=company,
                invited_by=request.user,
                email=form.cleaned_data["email"],
                site_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "초대 메일을 보냈습니다. 받은 사람이 기업 회원으로 로그인해 초대를 수락하면 "
                    "담당자로 추가됩니다."
                ),
            )
            return redirect("companies:members")
    context = {
        "company": company,
        "form": form,
        "members": selectors.members_of(company),
        "invitations": selectors.open_invitations_of(company),
        "is_owner": request.user.company_membership.is_owner,
    }
    return render(request, "companies/members.html", context)


@company_user_required
def invitation_accept(request, token):
    invitation = get_object_or_404(
        selectors.open_invitations().filter(email__iexact=request.user.email), token=token
    )
    error = None
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(
                request,
                _("%(name)s 담당자가 되었습니다. 기업 화면에서 직무와 지원자를 함께 관리합니다.")
                % {"name": invitation.company},
            )
            return redirect("companies:dashboard")
    return render(
        request, "companies/invitation_accept.html", {"invitation": invitation, "error": error}
    )


# --- Roles -------------------------------------------------------------------------------------


@company_member_required
def role_create(request, company):
    form = forms.RoleForm(request.POST or None, company=company)
    if request.method == "POST" and form.is_valid():
        try:
            role = services.role_create(company=company, details=form.details())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("직무를 임시 저장했습니다. 내용을 확인하고 게시해 주세요."))
            return redirect("companies:role-manage", pk=role.pk)
    return render(request, "companies/role_form.html", {"form": form, "company": company})


@company_member_required
def role_edit(request, company, pk: int):
    role = get_object_or_404(selectors.roles_for_company(company), pk=pk)
    form = forms.RoleForm(request.POST or None, instance=role, company=company)
    if request.method == "POST" and form.is_valid():
        try:
            services.role_update(role=role, details=form.details())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("직무를 저장했습니다. 게시한 직무는 바뀐 내용이 공개 목록에 바로 보입니다.")
                if role.status == Role.Status.PUBLISHED
                else _(
                    "직무를 저장했습니다. 아직 게시하지 않은 직무는 참여자에게 보이지 않습니다."
                ),
            )
            return redirect("companies:role-manage", pk=role.pk)
    context = {"form": form, "company": company, "role": role}
    return render(request, "companies/role_form.html", context)


@company_member_required
def role_manage(request, company, pk: int):
    role = get_object_or_404(selectors.roles_for_company(company), pk=pk)
    context = {
        "company": company,
        "role": role,
        "sections": hooks.role_sections(role, request.GET.get("page")),
    }
    return render(request, "companies/role_manage.html", context)


@company_member_required
@require_POST
def role_publish(request, company, pk: int):
    role = get_object_or_404(selectors.roles_for_company(company), pk=pk)
    try:
        services.role_publish(role=role)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _(
                "직무를 게시했습니다. 이제 참여자가 보고 지원할 수 있습니다. 매주 월요일 "
                "면접 제안 대상이 정해지면 이 화면에서 지원자를 볼 수 있습니다."
            ),
        )
    return redirect("companies:role-manage", pk=role.pk)


@company_member_required
def role_close(request, company, pk: int):
    """A confirmation page; the POST closes the role (its candidates are kept)."""
    role = get_object_or_404(selectors.roles_for_company(company), pk=pk)
    if request.method == "POST":
        try:
            services.role_close(role=role)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("모집을 마감했습니다. 기존 지원자와 면접 기록은 유지됩니다.")
            )
        return redirect("companies:role-manage", pk=role.pk)
    return render(request, "companies/role_close.html", {"role": role})


# --- Public listings ---------------------------------------------------------------------------


def company_list(request):
    filters = CompanyFilter(request.GET or None, queryset=selectors.public_companies())
    page = lazy_page(filters.qs, PAGE_SIZE, request.GET.get("page"))  # read on a cache miss
    return render(request, "companies/company_list.html", {"filter": filters, "page": page})


def company_detail(request, pk: int):
    company = cached_object_or_404(
        (COMPANIES, ROLES), f"company:{pk}", lambda: selectors.public_company_detail(pk)
    )
    return render(request, "companies/company_detail.html", {"company": company})
