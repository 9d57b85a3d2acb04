"""Reads about companies, their users and their roles.

Everything a company user can reach starts from their own company: views look objects up in
these querysets, so another company's object is simply not found (404).
"""

from datetime import date

from django.db.models import BooleanField, Count, ExpressionWrapper, Min, Prefetch, Q, QuerySet
from django.utils import timezone

from companies.models import (
    BadgeProof,
    Company,
    CompanyInvitation,
    CompanyMembership,
    Role,
)
from womenup.accounts.permissions import is_city_staff


def company_for_user(user) -> Company | None:
    """The company the user belongs to, or None before registration."""
    membership = getattr(user, "company_membership", None)
    return membership.company if membership else None


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
        "company", "job_category", "district", "required_course", "intake__program"
    )


def role_progress(company: Company) -> dict:
    """How far the company is with its roles: how many, how many ever published (published or
    closed) and its first draft's id (one query)."""
    return Role.objects.filter(company=company).aggregate(
        roles=Count("pk"),
        published=Count("pk", filter=~Q(status=Role.Status.DRAFT)),
        first_draft=Min("pk", filter=Q(status=Role.Status.DRAFT)),
    )


def open_role_condition(*, on: date | None = None, prefix: str = "") -> Q:
    """When a role is open: the one definition the role list, its detail page, the company
    listings and ``matching.services.choice_add`` share.

    A role is open on a day when it is published (not a draft, not closed), its company is
    verified, its program is running and the day falls within *its own* intake's window. An
    application is per intake (one per applicant and intake), so a role can only be chosen
    while its own intake takes applications, never through another intake of its program.
    ``prefix`` is the lookup path to the role (``"roles__"`` from a company).
    """
    on = on or timezone.localdate()
    return Q(
        **{
            f"{prefix}status": Role.Status.PUBLISHED,
            f"{prefix}company__status": Company.Status.VERIFIED,
            f"{prefix}intake__program__is_active": True,
            f"{prefix}intake__opens_on__lte": on,
            f"{prefix}intake__closes_on__gte": on,
        }
    )


def public_roles(*, on: date | None = None) -> QuerySet[Role]:
    """Published roles of verified companies (a role's public page), each with ``is_open``."""
    return (
        Role.objects.filter(status=Role.Status.PUBLISHED, company__status=Company.Status.VERIFIED)
        .annotate(
            is_open=ExpressionWrapper(open_role_condition(on=on), output_field=BooleanField())
        )
        .select_related("company", "job_category", "district", "required_course", "intake")
        .order_by("-published_at", "-pk")
    )


def open_roles(*, on: date | None = None) -> QuerySet[Role]:
    """Roles an applicant can choose on that day (today by default): the public role list."""
    return public_roles(on=on).filter(is_open=True)


def public_companies(*, on: date | None = None) -> QuerySet[Company]:
    """Verified companies with the number of their open roles."""
    return (
        Company.objects.filter(status=Company.Status.VERIFIED)
        .select_related("district__city")
        .annotate(
            open_role_count=Count("roles", filter=open_role_condition(on=on, prefix="roles__"))
        )
        .order_by("name", "pk")
    )


def public_company_detail(pk: int) -> QuerySet[Company]:
    """The verified company ``pk`` (none otherwise) with its open roles."""
    roles = open_roles().select_related(None).select_related("job_category")
    return (
        public_companies()
        .prefetch_related(Prefetch("roles", queryset=roles, to_attr="open_roles"))
        .filter(pk=pk)
    )


def companies_awaiting_verification() -> QuerySet[Company]:
    """Registered companies city staff have not yet verified or rejected (the admin home's
    queue and its list)."""
    return Company.objects.filter(status=Company.Status.PENDING)
