"""Outcomes per course and per institution: applied, enrolled, completed, certified, employed."""

from decimal import Decimal

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from courses import selectors
from courses.models import Course, CourseCertificate, Enrollment, FollowUp
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.courses import CourseFactory, InstitutionFactory
from tests.factories.kernel import gwangmyeong, program

pytestmark = pytest.mark.django_db


def trainees(course, count: int, **fields) -> list[Enrollment]:
    fields = {"enrolled_at": timezone.now(), **fields}
    profiles = ApplicantProfileFactory.create_batch(count)
    return Enrollment.objects.bulk_create(
        [Enrollment(course=course, applicant=profile, **fields) for profile in profiles]
    )


def completed(course, count: int) -> list[Enrollment]:
    return trainees(course, count, status="completed", completed_on=timezone.localdate())


def employed(enrollments, *, months_after: int = 3, outcome: str = "employed") -> None:
    FollowUp.objects.bulk_create(
        FollowUp(
            enrollment=enrollment,
            months_after=months_after,
            due_on=timezone.localdate(),
            outcome=outcome,
            employer="광명시 소재 기업",
            contract_type="regular",
            recorded_on=timezone.localdate(),
        )
        for enrollment in enrollments
    )


def outcome_of(course) -> selectors.Outcomes:
    return selectors.Outcomes.of(selectors.course_outcomes().get(pk=course.pk))


def test_the_gwangmyeong_figure_127_completed_100_employed_is_78_7_percent():
    course = CourseFactory(
        institution=InstitutionFactory(city=gwangmyeong()),
        program=program("gm-women-vocational"),
        track=Course.Track.VOCATIONAL,
        seats=200,
    )
    graduates = completed(course, 127)
    employed(graduates[:90])
    employed(graduates[90:100], outcome="self_employed", months_after=12)
    employed(graduates[100:110], outcome="job_seeking")
    outcome = outcome_of(course)
    assert (outcome.completed, outcome.employed) == (127, 100)
    assert outcome.employment_rate == Decimal("78.7")


def test_the_chain_counts_each_person_once_per_stage():
    course = CourseFactory(seats=10)
    trainees(course, 2, status="waitlisted", waitlisted_at=timezone.now(), enrolled_at=None)
    trainees(course, 1, status="dropped")
    graduates = completed(course, 4)
    trainees(course, 1, status="not_completed")
    for graduate in graduates[:2]:
        CourseCertificate.objects.create(enrollment=graduate, name="A", obtained_on="2024-01-01")
        CourseCertificate.objects.create(enrollment=graduate, name="B", obtained_on="2024-01-01")
    employed(graduates[:3])
    employed(graduates[:3], months_after=6)  # still employed later: counted once
    outcome = outcome_of(course)
    assert outcome == selectors.Outcomes(
        applicants=8, enrolled=6, completed=4, certified=2, employed=3
    )
    assert (outcome.completion_rate, outcome.certification_rate, outcome.employment_rate) == (
        Decimal("66.7"),
        Decimal("50.0"),
        Decimal("75.0"),
    )


def test_institution_outcomes_add_up_its_courses_only():
    institution = InstitutionFactory()
    first, second = CourseFactory(institution=institution), CourseFactory(institution=institution)
    employed(completed(first, 3)[:1])
    employed(completed(second, 2))
    employed(completed(CourseFactory(), 5))  # another institution
    row = selectors.institution_outcomes().get(pk=institution.pk)
    outcome = selectors.Outcomes.of(row)
    assert (outcome.completed, outcome.employed, outcome.employment_rate) == (5, 3, Decimal("60.0"))


def test_no_trainees_means_no_rate_rather_than_a_division_error():
    outcome = outcome_of(CourseFactory())
    assert outcome == selectors.Outcomes(0, 0, 0, 0, 0)
    assert outcome.employment_rate is None


@given(part=st.integers(min_value=0, max_value=10_000), extra=st.integers(0, 10_000))
def test_percentage_is_exact_to_one_decimal_half_up(part, extra):
    whole = part + extra
    if whole == 0:
        assert selectors.percentage(part, whole) is None
        return
    rate = selectors.percentage(part, whole)
    tenths_times_whole = part * 1000  # 10 × percent × whole
    assert abs(rate * 10 * whole - tenths_times_whole) <= Decimal(whole) / 2
    assert Decimal(0) <= rate <= Decimal(100)


@given(
    held=st.integers(min_value=0, max_value=500),
    attended=st.integers(min_value=0, max_value=500),
    minimum=st.integers(min_value=0, max_value=100),
)
def test_meeting_the_attendance_rule_is_exact_integer_arithmetic(held, attended, minimum):
    attended = min(attended, held)
    met = selectors.meets_attendance(attended, held, minimum)
    assert met == (held > 0 and Decimal(attended) / Decimal(held) * 100 >= minimum)
