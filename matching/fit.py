"""How well an applicant fits a role: the role side's order in the weekly shortlist.

The score is a sum of parts, each a whole number of points, so staff can see why one candidate
ranks above another. Same data, same score: nothing here depends on time or on query order.

=================  ===================================================================  ======
part               points                                                               max
=================  ===================================================================  ======
job_category       the role's job category is one she wants                             30
required_course    she completed the course the role requires                           20
career_years       4 per year of career in the role's job category (up to 5 years)      20
certificates       5 per professional certificate (up to 2)                             10
district           the role is in a district she prefers, or where she lives            10
work_type          the role's work type (full-time / flexible) is the one she wants     10
=================  ===================================================================  ======

Ties are broken by submission time, then application id (see :func:`role_side_order_key`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from applicants.models import ApplicantProfile, CareerEntry, Certificate
from companies.models import Role
from courses.models import Enrollment

FIT_PARTS = (
    "job_category",
    "required_course",
    "career_years",
    "certificates",
    "district",
    "work_type",
)
FIT_PART_LABELS = {
    "job_category": _("희망 직무 일치"),
    "required_course": _("필수 교육과정 수료"),
    "career_years": _("해당 분야 경력"),
    "certificates": _("자격증"),
    "district": _("희망 근무 지역"),
    "work_type": _("근무 형태 일치"),
}
JOB_CATEGORY_POINTS = 30
REQUIRED_COURSE_POINTS = 20
POINTS_PER_CAREER_YEAR = 4
MAX_CAREER_YEARS = 5
POINTS_PER_CERTIFICATE = 5
MAX_CERTIFICATES = 2
DISTRICT_POINTS = 10
WORK_TYPE_POINTS = 10


@dataclass(frozen=True)
class ApplicantFitData:
    """What the fit score reads about an applicant."""

    desired_job_categories: frozenset[int] = frozenset()
    preferred_districts: frozenset[int] = frozenset()
    residence_district: int | None = None
    desired_work_type: str = ""
    certificate_count: int = 0
    career_years_by_category: dict[int, int] = field(default_factory=dict)
    completed_courses: frozenset[int] = frozenset()


@dataclass(frozen=True)
class RoleFitData:
    """What the fit score reads about a role."""

    job_category: int
    district: int
    work_type: str
    required_course: int | None = None


def fit_points(applicant: ApplicantFitData, role: RoleFitData) -> tuple[int, ...]:
    """The points of each part, in the order of ``FIT_PARTS``; their sum is the fit score."""
    career_years = applicant.career_years_by_category.get(role.job_category, 0)
    in_district = role.district in applicant.preferred_districts or (
        role.district == applicant.residence_district
    )
    completed_required = (
        role.required_course is not None and role.required_course in applicant.completed_courses
    )
    same_work_type = (
        bool(applicant.desired_work_type) and applicant.desired_work_type == role.work_type
    )
    return (
        JOB_CATEGORY_POINTS * (role.job_category in applicant.desired_job_categories),
        REQUIRED_COURSE_POINTS * completed_required,
        POINTS_PER_CAREER_YEAR * min(career_years, MAX_CAREER_YEARS),
        POINTS_PER_CERTIFICATE * min(applicant.certificate_count, MAX_CERTIFICATES),
        DISTRICT_POINTS * in_district,
        WORK_TYPE_POINTS * same_work_type,
    )


def fit_parts(applicant: ApplicantFitData, role: RoleFitData) -> dict[str, int]:
    """The points of each part by name (see the module's table), as staff see them."""
    return dict(zip(FIT_PARTS, fit_points(applicant, role), strict=True))


def fit_score(applicant: ApplicantFitData, role: RoleFitData) -> int:
    return sum(fit_points(applicant, role))


def role_side_order_key(score: int, submitted_at: datetime | None, application_id: int) -> tuple:
    """Sort key for a role's candidates: best score first, then earliest submission, then id."""
    return (-score, submission_order_key(submitted_at, application_id))


def submission_order_key(submitted_at: datetime | None, application_id: int) -> tuple:
    """How candidates of the same score are ordered: earliest submission, then id. The same for
    every role, so the batch computes it once per application."""
    return (submitted_at.timestamp() if submitted_at else float("inf"), application_id)


def fit_parts_described(parts: dict[str, int]) -> list[tuple[str, int]]:
    """The parts as (Korean label, points) in the fixed order, for admin and explanations."""
    return [(str(FIT_PART_LABELS[name]), parts.get(name, 0)) for name in FIT_PARTS]


# --- Bulk reads ----------------------------------------------------------------------------------


def fit_data_for_applicants(profile_ids: Iterable[int]) -> dict[int, ApplicantFitData]:
    """Fit data of many applicants in a fixed number of queries (seven, whatever their number).

    ``profile_ids`` may be a list or a queryset of ids (a subquery keeps the SQL small).
    """
    profiles = ApplicantProfile.objects.filter(pk__in=profile_ids)
    basics = profiles.values_list("pk", "residence_district_id", "desired_work_type")
    categories = _pairs(
        ApplicantProfile.desired_job_categories.through.objects.filter(
            applicantprofile_id__in=profile_ids
        ).values_list("applicantprofile_id", "jobcategory_id")
    )
    districts = _pairs(
        ApplicantProfile.preferred_districts.through.objects.filter(
            applicantprofile_id__in=profile_ids
        ).values_list("applicantprofile_id", "district_id")
    )
    certificates: dict[int, int] = defaultdict(int)
    for profile_id in Certificate.objects.filter(profile_id__in=profile_ids).values_list(
        "profile_id", flat=True
    ):
        certificates[profile_id] += 1
    careers: dict[int, dict[int, int]] = defaultdict(dict)
    for profile_id, category_id, years in CareerEntry.objects.filter(
        profile_id__in=profile_ids
    ).values_list("profile_id", "job_category_id", "years"):
        by_category = careers[profile_id]
        by_category[category_id] = by_category.get(category_id, 0) + years
    courses = _pairs(
        Enrollment.objects.filter(applicant_id__in=profile_ids, status=Enrollment.Status.COMPLETED)
        .order_by()
        .values_list("applicant_id", "course_id")
    )
    return {
        pk: ApplicantFitData(
            desired_job_categories=frozenset(categories.get(pk, ())),
            preferred_districts=frozenset(districts.get(pk, ())),
            residence_district=district_id,
            desired_work_type=work_type or "",
            certificate_count=certificates.get(pk, 0),
            career_years_by_category=careers.get(pk, {}),
            completed_courses=frozenset(courses.get(pk, ())),
        )
        for pk, district_id, work_type in basics
    }


def fit_data_for_roles(role_ids: Iterable[int]) -> dict[int, RoleFitData]:
    """Fit data of many roles in one query."""
    rows = Role.objects.filter(pk__in_array=list(role_ids)).values_list(
        "pk", "job_category_id", "district_id", "work_type", "required_course_id"
    )
    return {
        pk: RoleFitData(
            job_category=category, district=district, work_type=work_type, required_course=course
        )
        for pk, category, district, work_type, course in rows
    }


def _pairs(rows: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for owner, value in rows:
        found[owner].add(value)
    return found
