"""The role-side fit score: its parts, their bounds, the tie-break, and the bulk reader."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from courses.models import Enrollment
from matching.fit import (
    FIT_PARTS,
    ApplicantFitData,
    RoleFitData,
    fit_data_for_applicants,
    fit_data_for_roles,
    fit_parts,
    fit_parts_described,
    fit_score,
    role_side_order_key,
)
from tests.factories.companies import RoleFactory
from tests.factories.courses import CourseFactory, EnrollmentFactory
from tests.factories.kernel import district, job_category
from tests.matching.batch_data import eligible_profile

ROLE = RoleFitData(job_category=1, district=10, work_type="full_time", required_course=7)

ids = st.integers(min_value=1, max_value=12)
applicants = st.builds(
    ApplicantFitData,
    desired_job_categories=st.frozensets(ids, max_size=4),
    preferred_districts=st.frozensets(ids, max_size=4),
    residence_district=st.none() | ids,
    desired_work_type=st.sampled_from(["", "full_time", "flexible"]),
    certificate_count=st.integers(min_value=0, max_value=10),
    career_years_by_category=st.dictionaries(ids, st.integers(min_value=1, max_value=50)),
    completed_courses=st.frozensets(ids, max_size=4),
)
roles = st.builds(
    RoleFitData,
    job_category=ids,
    district=ids,
    work_type=st.sampled_from(["full_time", "flexible"]),
    required_course=st.none() | ids,
)


def test_a_perfect_fit_scores_every_part_in_full():
    applicant = ApplicantFitData(
        desired_job_categories=frozenset({1}),
        preferred_districts=frozenset({10}),
        desired_work_type="full_time",
        certificate_count=3,
        career_years_by_category={1: 8},
        completed_courses=frozenset({7}),
    )

    assert fit_parts(applicant, ROLE) == {
        "job_category": 30,
        "required_course": 20,
        "career_years": 20,
        "certificates": 10,
        "district": 10,
        "work_type": 10,
    }
    assert fit_score(applicant, ROLE) == 100


def test_an_unknown_applicant_scores_zero():
    assert fit_score(ApplicantFitData(), ROLE) == 0


def test_career_counts_only_in_the_roles_job_category_and_home_district_counts():
    applicant = ApplicantFitData(career_years_by_category={2: 5, 1: 2}, residence_district=10)

    parts = fit_parts(applicant, ROLE)

    assert parts["career_years"] == 8
    assert parts["district"] == 10


def test_parts_are_described_in_korean_in_a_fixed_order():
    described = fit_parts_described({"job_category": 30, "district": 10})
    assert [label for label, _points in described][0] == "희망 직무 일치"
    assert [points for _label, points in described] == [30, 0, 0, 0, 10, 0]


@given(applicants, roles)
def test_every_score_is_the_sum_of_its_bounded_parts_and_deterministic(applicant, role):
    parts = fit_parts(applicant, role)
    assert list(parts) == list(FIT_PARTS)
    assert all(points >= 0 for points in parts.values())
    assert 0 <= fit_score(applicant, role) == sum(parts.values()) <= 100
    assert fit_parts(applicant, role) == parts


@given(applicants, roles)
def test_wanting_the_roles_job_category_never_lowers_the_score(applicant, role):
    wanting = ApplicantFitData(
        **{
            **applicant.__dict__,
            "desired_job_categories": applicant.desired_job_categories | {role.job_category},
        }
    )
    assert fit_score(wanting, role) >= fit_score(applicant, role)


def test_ties_are_broken_by_submission_time_then_id():
    early = datetime(2024, 5, 1, 9, 0)
    later = early + timedelta(minutes=1)
    keys = [
        role_side_order_key(50, later, 1),
        role_side_order_key(50, early, 9),
        role_side_order_key(60, later, 5),
        role_side_order_key(50, early, 3),
    ]
    assert sorted(keys) == [keys[2], keys[3], keys[1], keys[0]]


@pytest.mark.django_db
def test_the_bulk_reader_collects_every_part_from_the_database():
    category = job_category()
    profile = eligible_profile(certificates=2, careers=[(category, 3), (category, 1)])
    profile.desired_job_categories.add(category)
    profile.preferred_districts.add(district("gangnam"))
    profile.desired_work_type = "flexible"
    profile.save()
    course = CourseFactory()
    EnrollmentFactory(
        course=course,
        applicant=profile,
        status=Enrollment.Status.COMPLETED,
        enrolled_at=timezone.now(),
        completed_on=date(2024, 3, 1),
    )

    data = fit_data_for_applicants([profile.pk])[profile.pk]

    assert data.desired_job_categories == {category.pk}
    assert data.preferred_districts == {district("gangnam").pk}
    assert data.certificate_count == 2
    assert data.career_years_by_category == {category.pk: 4}
    assert data.completed_courses == {course.pk}
    assert data.desired_work_type == "flexible"
    role = RoleFactory(required_course=course, district=district("gangnam"))
    assert fit_parts(data, fit_data_for_roles([role.pk])[role.pk])["required_course"] == 20


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 20])
def test_the_bulk_reader_runs_a_fixed_number_of_queries(size, django_assert_num_queries):
    profiles = [eligible_profile(careers=[(job_category(), 2)]) for _ in range(size)]
    with django_assert_num_queries(6):
        data = fit_data_for_applicants([profile.pk for profile in profiles])
    assert len(data) == size
    assert date.today()  # the reader takes no date: scores do not drift with time
