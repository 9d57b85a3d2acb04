"""Reads about companies, their users and roles."""

from companies.models import Company


def company_for_user(user) -> Company | None:
    """The company the user belongs to, or None before registration."""
    membership = getattr(user, "company_membership", None)
    return membership.company if membership else None
