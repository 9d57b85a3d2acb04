"""The next step of a course enrollment, for every status; a selected trainee sees when, where
and what to bring."""

from datetime import date

import pytest
from django.urls import reverse

from applicants.next_steps import next_step
from courses.models import Course, Enrollment, Institution
from courses.next_steps import enrollment_next_step
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.courses import CourseFactory, EnrollmentFactory, enrolled

TODAY = date(2024, 7, 1)
EXPECTED = {
    "applied": "선발 결과를 정하면",
    "enrolled": "선발되었습니다. 2024-08-01에 개강합니다",
    "waitlisted": "대기 2번입니다",
    "withdrawn": "취소한 신청입니다",
    "dropped": "중도 탈락으로 처리되었습니다",
    "completed": "수료했습니다",
    "not_completed": "출석률 80%",
    "not_selected": "선발되지 않았습니다",
}


def enrollment(status: str) -> Enrollment:
    course = Course(
        code="py-101",
        starts_on=date(2024, 8, 1),
        ends_on=date(2024, 10, 1),
        min_attendance_rate=80,
        institution=Institution(name="서울여성능력개발원"),
    )
    row = Enrollment(course=course, status=status)
    row.waitlist_position = 2
    return row


@pytest.mark.parametrize("status", Enrollment.Status.values)
def test_every_status_has_its_next_step(status):
    step = enrollment_next_step(enrollment(status), today=TODAY)
    assert EXPECTED[status] in step.text
    assert step.url and step.action
    assert step.applied == (status != "withdrawn")


def test_once_the_course_has_started_she_sees_her_attendance():
    row = enrollment("enrolled")
    row.sessions_attended, row.sessions_held = 3, 4
    step = enrollment_next_step(row, today=date(2024, 8, 20))
    assert "지금 출석률은 75.0%이고, 80% 이상이면 수료합니다." in step.text


@pytest.mark.django_db
def test_selected_shows_start_place_and_what_to_bring_on_her_dashboard(client):
    profile = ApplicantProfileFactory()
    client.force_login(profile.user)
    course = CourseFactory(place="중구 세종대로 110, 5층", what_to_bring="신분증\n노트북")
    enrolled(course, applicant=profile)
    page = client.get(reverse("applicants:dashboard")).content.decode()
    assert f"{course.starts_on:%Y-%m-%d}에 개강합니다" in page
    assert "중구 세종대로 110, 5층" in page and "신분증<br>노트북" in page
    detail = client.get(reverse("courses:detail", args=[course.code])).content.decode()
    assert "중구 세종대로 110, 5층" in detail and 'data-testid="selected-facts"' in detail


@pytest.mark.django_db
def test_a_waiting_applicant_is_not_shown_the_place(client):
    profile = ApplicantProfileFactory()
    client.force_login(profile.user)
    course = CourseFactory(place="중구 세종대로 110", seats=1)
    enrolled(course)
    EnrollmentFactory(course=course, applicant=profile, status="applied")
    page = client.get(reverse("applicants:dashboard")).content.decode()
    assert "중구 세종대로 110" not in page
    assert next_step(Enrollment.objects.get(applicant=profile)).text in page
