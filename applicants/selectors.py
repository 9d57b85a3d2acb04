"""Reads about applicants."""

from applicants.models import ApplicantProfile


def profile_for_user(user) -> ApplicantProfile:
    """The applicant's profile, created empty on first use."""
    profile, _created = ApplicantProfile.objects.select_related(
        "residence_city", "residence_district"
    ).get_or_create(user=user)
    return profile
