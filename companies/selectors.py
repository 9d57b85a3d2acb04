"""Reads about companies, their users and their roles.

Everything a company user can reach starts from their own company: views look objects up in
these querysets, so another company's object is simply not found (404).
"""

from django.db.models import Count, Prefetch, Q, QuerySet

from companies.models import (
    BadgeProof,
    Company,
    CompanyInvitation,
    CompanyMembership,
    Role,
)
from womenup.permissions import is_city_staff


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
        "company", "program", "job_category", "district", "required_course", "intake"
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
