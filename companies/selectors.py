"""Reads about companies, their users, roles, candidates, interns and incentive claims.

Everything a company user can reach starts from their own company: views look objects up in
these querysets, so another company's object is simply not found (404).
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from companies.models import (
    BadgeProof,
    CandidateEvaluation,
    Company,
    CompanyInvitation,
    CompanyMembership,
    IncentiveClaim,
    Role,
)
from matching.models import ApplicationChoice, InternshipApplication, InterviewInvitation, Placement
from womenup.permissions import is_city_staff

_NOT_SUBMITTED = (InternshipApplication.Status.DRAFT, InternshipApplication.Status.WITHDRAWN)


def company_for_user(user) -> Company | None:
    """The company the user belongs to, or None before registration."""
    membership = getattr(user, "company_membership", None)
    return membership.company if membership else None


def membership_for_user(user) -> CompanyMembership | None:
    return (
        CompanyMembership.objects.select_related("company", "company__district__city")
        .filter(user=user)
        .first()
    )


def company_with_details(company: Company) -> Company:
    return (
        Company.objects.select_related("district__city")
        .prefetch_related(
            Prefetch("badge_proofs", queryset=BadgeProof.objects.order_by("badge", "-uploaded_at"))
        )
        .get(pk=company.pk)
    )


def members_of(company: Company) -> QuerySet[CompanyMembership]:
    return company.memberships.select_related("user").order_by("-is_owner", "pk")


def open_invitations_of(company: Company) -> QuerySet[CompanyInvitation]:
    return company.invitations.filter(accepted_at__isnull=True).select_related("invited_by")


def open_invitations() -> QuerySet[CompanyInvitation]:
    return CompanyInvitation.objects.filter(accepted_at__isnull=True).select_related("company")


def badge_proofs_for_user(user) -> QuerySet[BadgeProof]:
    """Proofs the user may download: their own company's, or (city staff) every company's."""
    proofs = BadgeProof.objects.select_related("company")
    if is_city_staff(user):
        return proofs
    company_id = getattr(getattr(user, "company_membership", None), "company_id", None)
    return proofs.filter(company_id=company_id) if company_id else proofs.none()


# --- Roles -------------------------------------------------------------------------------------


def roles_for_company(company: Company | None) -> QuerySet[Role]:
    if company is None:
        return Role.objects.none()
    return Role.objects.filter(company=company).select_related(
        "company", "program", "job_category", "district", "required_course", "intake"
    )


def dashboard_roles(company: Company) -> QuerySet[Role]:
    """The company's roles with their candidate, interview and intern counts (one query)."""
    return roles_for_company(company).annotate(
        chose_count=Count(
            "choices__application",
            filter=~Q(choices__application__status__in=_NOT_SUBMITTED),
            distinct=True,
        ),
        invited_count=Count("invitations", distinct=True),
        passed_count=Count("evaluations", filter=Q(evaluations__result="pass"), distinct=True),
        intern_count=Count(
            "placements",
            filter=~Q(placements__status=Placement.Status.CANCELLED),
            distinct=True,
        ),
    )


def public_companies() -> QuerySet[Company]:
    """Verified companies with the number of roles they are recruiting for."""
    return (
        Company.objects.filter(status=Company.Status.VERIFIED)
        .select_related("district__city")
        .annotate(open_roles=Count("roles", filter=Q(roles__status=Role.Status.PUBLISHED)))
        .order_by("name", "pk")
    )


def public_roles() -> QuerySet[Role]:
    """Published roles of verified companies."""
    return (
        Role.objects.filter(status=Role.Status.PUBLISHED, company__status=Company.Status.VERIFIED)
        .select_related("company", "job_category", "district", "required_course", "intake")
        .order_by("-published_at", "-pk")
    )


def public_company_detail(pk: int) -> Company:
    """A verified company with its published roles (raises DoesNotExist otherwise)."""
    roles = Role.objects.filter(status=Role.Status.PUBLISHED).select_related(
        "job_category", "district"
    )
    return (
        public_companies()
        .prefetch_related(Prefetch("roles", queryset=roles, to_attr="published_roles"))
        .get(pk=pk)
    )


# --- Candidates --------------------------------------------------------------------------------


def candidate_applications(role: Role) -> QuerySet:
    """Applications a role's company may see: they chose the role or were invited to it.

    Withdrawn and unsubmitted applications are left out, and so is anyone without the consent
    to share her data with the companies she applies to.
    """
    from applicants.models import Consent

    chose = ApplicationChoice.objects.filter(application=OuterRef("pk"), role=role)
    invited = InterviewInvitation.objects.filter(application=OuterRef("pk"), role=role)
    consented = Consent.objects.filter(
        profile=OuterRef("applicant_id"), item=Consent.Item.PROVISION, withdrawn_at__isnull=True
    )
    return (
        InternshipApplication.objects.filter(Exists(chose) | Exists(invited))
        .filter(Exists(consented))
        .exclude(status__in=_NOT_SUBMITTED)
        .select_related("applicant")
        .order_by("submitted_at", "pk")
    )


@dataclass(frozen=True)
class Candidate:
    """One row of a role's candidate list: how she came, her card, the company's evaluation."""

    application_id: int
    choice_rank: int | None
    invited: bool
    card: object
    evaluation: CandidateEvaluation | None


def candidates_for_role(role: Role) -> list[Candidate]:
    """The role's candidates with what she consented to share, in a fixed number of queries."""
    from applicants.selectors import candidate_cards

    applications = candidate_applications(role).prefetch_related(
        Prefetch(
            "choices", queryset=ApplicationChoice.objects.filter(role=role), to_attr="role_choice"
        ),
        Prefetch(
            "invitations",
            queryset=InterviewInvitation.objects.filter(role=role),
            to_attr="role_invitation",
        ),
        Prefetch(
            "evaluations",
            queryset=CandidateEvaluation.objects.filter(role=role),
            to_attr="role_evaluation",
        ),
    )
    applications = list(applications)
    cards = candidate_cards([application.applicant_id for application in applications])
    return [
        Candidate(
            application_id=application.pk,
            choice_rank=application.role_choice[0].rank if application.role_choice else None,
            invited=bool(application.role_invitation),
            card=cards.get(application.applicant_id),
            evaluation=application.role_evaluation[0] if application.role_evaluation else None,
        )
        for application in applications
        if application.applicant_id in cards
    ]


def candidate_for_role(role: Role, application) -> Candidate:
    from applicants.selectors import candidate_cards

    card = candidate_cards([application.applicant_id])[application.applicant_id]
    evaluation = CandidateEvaluation.objects.filter(role=role, application=application).first()
    return Candidate(
        application_id=application.pk,
        choice_rank=application.choices.filter(role=role).values_list("rank", flat=True).first(),
        invited=application.invitations.filter(role=role).exists(),
        card=card,
        evaluation=evaluation,
    )


def passed_evaluations(role: Role) -> QuerySet[CandidateEvaluation]:
    return CandidateEvaluation.objects.filter(
        role=role, result=CandidateEvaluation.Result.PASS
    ).select_related("application__applicant")


def rankings_for_roles(role_ids) -> dict[int, list[int]]:
    """Each role's ranked application ids, best first (one query; the weekly batch reads it)."""
    rankings: dict[int, list[int]] = {role_id: [] for role_id in role_ids}
    rows = (
        CandidateEvaluation.objects.filter(role_id__in=list(rankings), rank__isnull=False)
        .order_by("role_id", "rank")
        .values_list("role_id", "application_id")
    )
    for role_id, application_id in rows:
        rankings[role_id].append(application_id)
    return rankings


# --- Interns and incentive claims --------------------------------------------------------------


def placements_for_company(company: Company | None) -> QuerySet:
    if company is None:
        return Placement.objects.none()
    latest_claim = IncentiveClaim.objects.filter(hire__placement=OuterRef("pk")).order_by(
        "-created_at", "-pk"
    )
    return (
        Placement.objects.filter(role__company=company)
        .exclude(status=Placement.Status.CANCELLED)
        .select_related("role", "application__applicant", "hire_confirmation")
        .annotate(latest_claim_status=Subquery(latest_claim.values("status")[:1]))
        .order_by("-created_at", "pk")
    )


def claims_for_company(company: Company | None) -> QuerySet[IncentiveClaim]:
    if company is None:
        return IncentiveClaim.objects.none()
    return IncentiveClaim.objects.filter(company=company).select_related(
        "hire__placement__role", "hire__placement__application__applicant"
    )


def hires_for_user(user) -> QuerySet:
    """Hire confirmations whose proof the user may download (own company, or city staff)."""
    from companies.models import HireConfirmation

    hires = HireConfirmation.objects.select_related("company", "placement__application__applicant")
    if is_city_staff(user):
        return hires
    company_id = getattr(getattr(user, "company_membership", None), "company_id", None)
    return hires.filter(company_id=company_id) if company_id else hires.none()
