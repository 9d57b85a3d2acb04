"""Public course pages and the dashboard section: wiring, messages, query counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Course, Enrollment
from tests.factories import kernel
from tests.factories.accounts import ApplicantUserFactory
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.courses import (
    AttendanceFactory,
    CourseCertificateFactory,
    CourseFactory,
    EnrollmentFactory,
    InstitutionFactory,
    SessionFactory,
    enrolled,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant_client(client):
    profile = ApplicantProfileFactory()
    client.force_login(profile.user)
    client.profile = profile
    return client


def page_text(response) -> str:
    return response.content.decode()


# --- Catalogue ---------------------------------------------------------------------------------


def test_the_catalogue_shows_courses_with_seats_left(client):
    course = CourseFactory(title="자바 웹 개발자 입문", seats=15)
    enrolled(course)
    text = page_text(client.get(reverse("courses:catalogue")))
    assert "자바 웹 개발자 입문" in text
    assert "정원 15명 · 남은 자리 14석 · 대기 0명" in text
    assert "접수 중" in text


def test_the_catalogue_filters_by_track_subject_city_and_open_applications(client):
    today = timezone.localdate()
    CourseFactory(title="파이썬 입문", subject="Python")
    CourseFactory(title="iOS 심화", subject="Swift", track=Course.Track.ADVANCED)
    CourseFactory(
        title="유튜브 크리에이터",
        subject="영상",
        program=kernel.program("gm-5060"),
        track=Course.Track.SOCIAL_50PLUS,
        institution=InstitutionFactory(city=kernel.gwangmyeong()),
    )
    CourseFactory(
        title="마감된 과정", subject="회계", applications_close_on=today - timedelta(days=1)
    )
    url = reverse("courses:catalogue")

    def titles(query) -> set[str]:
        text = page_text(client.get(url, query))
        candidates = ["파이썬 입문", "iOS 심화", "유튜브 크리에이터", "마감된 과정"]
        return {title for title in candidates if title in text}

    assert titles({"track": "advanced"}) == {"iOS 심화"}
    assert titles({"subject": "python"}) == {"파이썬 입문"}
    assert titles({"city": "gwangmyeong"}) == {"유튜브 크리에이터"}
    assert titles({"program": "seoul-digital-entry"}) == {"파이썬 입문", "iOS 심화", "마감된 과정"}
    assert "마감된 과정" not in titles({"open_only": "on"})
    assert len(titles({})) == 4


def test_finished_courses_leave_the_catalogue(client):
    today = timezone.localdate()
    CourseFactory(title="지난 과정", starts_on=today - timedelta(100), ends_on=today - timedelta(1))
    assert "지난 과정" not in page_text(client.get(reverse("courses:catalogue")))


@pytest.mark.parametrize("size", [2, 25])
def test_the_catalogue_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    for course in CourseFactory.create_batch(size):
        EnrollmentFactory(course=course, status="waitlisted", waitlisted_at=timezone.now())
    with django_assert_num_queries(5):
        response = client.get(reverse("courses:catalogue"))
    assert response.status_code == 200


# --- Course page and applying ------------------------------------------------------------------


def test_the_course_page_tells_an_eligible_applicant_she_may_apply(applicant_client):
    course = CourseFactory()
    text = page_text(applicant_client.get(reverse("courses:detail", args=[course.code])))
    assert "신청 자격 요건을 모두 충족합니다." in text
    assert 'name="motivation"' in text


def test_the_course_page_shows_the_reasons_before_she_applies(client):
    profile = ApplicantProfileFactory(residence_city=kernel.gwangmyeong(), residence_district=None)
    client.force_login(profile.user)
    course = CourseFactory()
    text = page_text(client.get(reverse("courses:detail", args=[course.code])))
    assert "서울시 거주자만 신청할 수 있습니다 (현재 거주지: 경기도 광명시)." in text
    assert 'name="motivation"' not in text


def test_anonymous_visitors_are_asked_to_log_in_to_apply(client):
    course = CourseFactory()
    text = page_text(client.get(reverse("courses:detail", args=[course.code])))
    assert "신청하려면 참여자 계정으로 로그인해 주세요." in text


def test_applying_enrolls_her_and_says_so(applicant_client):
    course = CourseFactory(place="중구 세종대로 110, 5층", what_to_bring="신분증, 노트북")
    url = reverse("courses:apply", args=[course.code])
    response = applicant_client.post(url, {"motivation": "개발자가 되고 싶습니다."}, follow=True)
    text = page_text(response)
    assert "선발되었습니다. 개강일, 교육 장소와 준비물을 아래에서 확인하세요." in text
    assert f"{course.starts_on:%Y-%m-%d}에 개강합니다" in text
    assert "중구 세종대로 110, 5층" in text and "신분증, 노트북" in text
    enrollment = Enrollment.objects.get(course=course, applicant=applicant_client.profile)
    assert (enrollment.status, enrollment.motivation) == ("enrolled", "개발자가 되고 싶습니다.")


def test_applying_to_a_full_course_puts_her_on_the_waitlist_with_her_place(applicant_client):
    course = CourseFactory(seats=1)
    enrolled(course)
    EnrollmentFactory(course=course, status="waitlisted", waitlisted_at=timezone.now())
    url = reverse("courses:apply", args=[course.code])
    response = applicant_client.post(url, {"motivation": "기다리겠습니다."}, follow=True)
    assert "정원이 차서 대기자로 등록되었습니다 (대기 2번)." in page_text(response)


# Announcement day: thousands apply within the hour (bench/load.py's mixed writes), so applying
# takes a fixed number of queries however many have applied; her place in line is read only
# when she joins the waitlist (only that message says it).
APPLY_QUERIES = 18


@pytest.mark.parametrize("others", [1, 4])
def test_applying_takes_a_fixed_number_of_queries(
    applicant_client, django_assert_num_queries, others
):
    course = CourseFactory(seats=10)
    for _ in range(others):
        enrolled(course)
    url = reverse("courses:apply", args=[course.code])
    with django_assert_num_queries(APPLY_QUERIES):
        response = applicant_client.post(url, {"motivation": "개발자가 되고 싶습니다."})
    assert response.url == reverse("courses:detail", args=[course.code])
    enrollment = Enrollment.objects.get(course=course, applicant=applicant_client.profile)
    assert enrollment.status == "enrolled"


def test_an_ineligible_applicant_sees_why_and_nothing_is_saved(client):
    profile = ApplicantProfileFactory(employment_status="employed")
    client.force_login(profile.user)
    course = CourseFactory()
    url = reverse("courses:apply", args=[course.code])
    response = client.post(url, {"motivation": "듣고 싶어요"})
    assert response.status_code == 400
    assert "신청 자격이 되지 않습니다." in page_text(response)
    assert not Enrollment.objects.exists()


def test_an_empty_motivation_is_sent_back(applicant_client):
    course = CourseFactory()
    response = applicant_client.post(reverse("courses:apply", args=[course.code]), {})
    assert response.status_code == 400
    assert not Enrollment.objects.exists()


def test_withdrawing_asks_first_then_frees_the_seat(applicant_client):
    course = CourseFactory(seats=1)
    mine = enrolled(course, applicant=applicant_client.profile)
    waiting = EnrollmentFactory(course=course, status="waitlisted", waitlisted_at=timezone.now())
    url = reverse("courses:withdraw", args=[course.code])
    assert "과정 신청(현재 상태: 선발)을 취소할까요?" in page_text(applicant_client.get(url))
    assert Enrollment.objects.get(pk=mine.pk).status == "enrolled"
    response = applicant_client.post(url)
    assert response.status_code == 302
    assert Enrollment.objects.get(pk=mine.pk).status == "withdrawn"
    assert Enrollment.objects.get(pk=waiting.pk).status == "enrolled"


def test_she_cannot_withdraw_someone_elses_application(applicant_client):
    other = EnrollmentFactory(status="applied")
    response = applicant_client.post(reverse("courses:withdraw", args=[other.course.code]))
    assert response.status_code == 404
    assert Enrollment.objects.get(pk=other.pk).status == "applied"


# --- Dashboard section -------------------------------------------------------------------------


def test_the_dashboard_lists_her_courses_with_place_attendance_and_certificate(applicant_client):
    profile = applicant_client.profile
    waiting_course = CourseFactory(title="대기 과정", seats=1)
    enrolled(waiting_course)
    EnrollmentFactory(course=waiting_course, status="waitlisted", waitlisted_at=timezone.now())
    EnrollmentFactory(
        course=waiting_course,
        applicant=profile,
        status="waitlisted",
        waitlisted_at=timezone.now(),
    )
    done = CourseFactory(title="수료 과정")
    mine = enrolled(done, applicant=profile)
    for index in range(4):
        session = SessionFactory(course=done)
        AttendanceFactory(session=session, enrollment=mine, status="absent" if index else "present")
    Enrollment.objects.filter(pk=mine.pk).update(status="completed", completed_on="2024-09-01")
    CourseCertificateFactory(enrollment=mine, name="정보처리기능사", obtained_on="2024-10-01")

    text = page_text(applicant_client.get(reverse("applicants:dashboard")))

    assert "대기 과정" in text and "대기 (대기 2번)" in text
    assert "수료 과정" in text and "2024-09-01 수료" in text
    assert "25.0%" in text
    assert "정보처리기능사 (2024-10-01)" in text


def test_no_applications_no_section(applicant_client):
    from courses.dashboard import applicant_section

    assert applicant_section(applicant_client.profile) is None


@pytest.mark.parametrize("size", [1, 12])
def test_the_dashboard_section_runs_a_fixed_number_of_queries(django_assert_num_queries, size):
    from courses.dashboard import applicant_section

    profile = ApplicantProfileFactory(user=ApplicantUserFactory())
    for course in CourseFactory.create_batch(size):
        enrollment = enrolled(course, applicant=profile)
        AttendanceFactory(session=SessionFactory(course=course), enrollment=enrollment)
        CourseCertificateFactory(enrollment=enrollment)
    with django_assert_num_queries(2):
        section = applicant_section(profile)
    assert len(section.context["rows"]) == size
