"""Reads about applicants."""

from applicants.models import ApplicantProfile
from womenup.eligibility import Facts


def profile_for_user(user) -> ApplicantProfile:
    """The applicant's profile, created empty on first use."""
    profile, _created = ApplicantProfile.objects.select_related(
        "residence_city", "residence_district"
    ).get_or_create(user=user)
    return profile


def facts_for_applicants(profile_ids) -> dict[int, Facts]:
    """Eligibility facts of many applicants in a fixed number of queries (screening in bulk)."""
    profiles = ApplicantProfile.objects.filter(pk__in=profile_ids).select_related("residence_city")
    completed = _completed_course_codes(profile_ids)
    return {
        profile.pk: Facts(
            gender=profile.gender or None,
            birth_date=profile.birth_date,
            residence_city=profile.residence_city.code if profile.residence_city else None,
            employment_status=profile.employment_status or None,
            completed_courses=frozenset(completed["courses"].get(profile.pk, ())),
            completed_pre_trainings=frozenset(completed["pre_trainings"].get(profile.pk, ())),
        )
        for profile in profiles
    }


def applicant_facts(profile: ApplicantProfile) -> Facts:
    return facts_for_applicants([profile.pk])[profile.pk]


def _completed_course_codes(profile_ids) -> dict[str, dict[int, set[str]]]:
    from courses.models import Course, Enrollment

    rows = Enrollment.objects.filter(
        applicant_id__in=profile_ids, status=Enrollment.Status.COMPLETED
    ).values_list("applicant_id", "course__code", "course__track")
    found: dict[str, dict[int, set[str]]] = {"courses": {}, "pre_trainings": {}}
    for applicant_id, code, track in rows:
        kind = "pre_trainings" if track == Course.Track.PRE_TRAINING else "courses"
        found[kind].setdefault(applicant_id, set()).add(code)
    return found
