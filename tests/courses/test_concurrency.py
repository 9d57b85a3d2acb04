"""Seats under concurrency on PostgreSQL: real threads, each with its own database connection."""

import threading

import pytest
from django.db import connection

from courses import selectors, services
from courses.models import Course, Enrollment
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.courses import CourseFactory

pytestmark = pytest.mark.django_db(transaction=True)

APPLICANTS = 30
SEATS = 5


def run_at_once(jobs) -> list[BaseException]:
    """Start every job in its own thread at the same instant; the errors any of them raised."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job):
        try:
            barrier.wait()
            job()
        except BaseException as error:  # collected and asserted on below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_parallel_applications_fill_exactly_the_seats_and_the_rest_wait_in_arrival_order():
    course = CourseFactory(seats=SEATS)
    profiles = ApplicantProfileFactory.create_batch(APPLICANTS)
    jobs = [
        lambda profile=profile: services.enrollment_apply(
            course=course, applicant=profile, motivation="꼭 듣고 싶습니다."
        )
        for profile in profiles
    ]

    errors = run_at_once(jobs)

    assert errors == []
    course.refresh_from_db()
    assert course.enrolled_count == SEATS == seats_held(course)
    arrivals = list(Enrollment.objects.filter(course=course).order_by("applied_at", "pk"))
    assert len(arrivals) == APPLICANTS
    assert [e.status for e in arrivals] == ["enrolled"] * SEATS + ["waitlisted"] * (
        APPLICANTS - SEATS
    )
    waiting = list(selectors.waitlist(course))
    assert waiting == arrivals[SEATS:]
    assert [e.pk for e in arrivals] == sorted(e.pk for e in arrivals)


def test_parallel_withdrawals_promote_each_waiting_person_once():
    course = CourseFactory(seats=SEATS)
    profiles = ApplicantProfileFactory.create_batch(SEATS * 3)
    applied = [
        services.enrollment_apply(course=course, applicant=profile, motivation="꼭 듣고 싶습니다.")
        for profile in profiles
    ]
    holders = applied[:SEATS]

    errors = run_at_once(
        [lambda e=enrollment: services.enrollment_withdraw(enrollment=e) for enrollment in holders]
    )

    assert errors == []
    course = Course.objects.get(pk=course.pk)
    assert course.enrolled_count == SEATS == seats_held(course)
    statuses = dict(Enrollment.objects.filter(course=course).values_list("pk", "status"))
    assert [statuses[e.pk] for e in applied[SEATS : SEATS * 2]] == ["enrolled"] * SEATS
    assert [statuses[e.pk] for e in applied[SEATS * 2 :]] == ["waitlisted"] * SEATS


def seats_held(course) -> int:
    """Seat-holding enrollments counted from the rows (checks ``enrolled_count``)."""
    return Enrollment.objects.filter(course=course, status__in=Enrollment.SEAT_HOLDING).count()
