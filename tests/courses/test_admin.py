"""Institution staff in admin: only their own institution's courses and trainees."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Attendance, Course, Enrollment
from tests.factories.accounts import staff_with_mfa
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.courses import (
    CourseFactory,
    EnrollmentFactory,
    InstitutionFactory,
    SessionFactory,
    enrolled,
    institution_staff,
)
from womenup.models import PersonalDataAccess

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_institutions():
    """Two institutions, each with a course, a trainee and a staff member."""
    worlds = []
    for name in ("가나다센터", "라마바센터"):
        institution = InstitutionFactory(name=name)
        course = CourseFactory(institution=institution, title=f"{name} 과정")
        trainee = enrolled(course, applicant=ApplicantProfileFactory(name=f"{name} 수강생"))
        worlds.append((institution, course, trainee, institution_staff(institution)))
    return worlds


def text(response) -> str:
    return response.content.decode()


def test_staff_see_only_their_own_trainees(client, two_institutions):
    (_, _, mine, staff), (_, _, theirs, _) = two_institutions
    client.force_login(staff)
    page = text(client.get(reverse("admin:courses_enrollment_changelist")))
    assert "가나다센터 수강생" in page
    assert "라마바센터 수강생" not in page


def test_staff_cannot_open_another_institutions_trainee(client, two_institutions):
    (_, _, _, staff), (_, _, theirs, _) = two_institutions
    client.force_login(staff)
    response = client.get(reverse("admin:courses_enrollment_change", args=[theirs.pk]))
    assert response.status_code == 302  # "does not exist" back to the admin index
    assert "라마바센터 수강생" not in text(client.get(response.url))
    assert not PersonalDataAccess.objects.filter(subject=theirs.applicant.user).exists()


def test_opening_a_trainee_writes_an_access_log_row(client, two_institutions):
    (_, _, mine, staff), _ = two_institutions
    client.force_login(staff)
    response = client.get(reverse("admin:courses_enrollment_change", args=[mine.pk]))
    assert response.status_code == 200
    assert PersonalDataAccess.objects.filter(
        actor=staff, subject=mine.applicant.user, action="view"
    ).exists()


def test_staff_see_and_edit_only_their_own_courses(client, two_institutions):
    (mine_inst, mine, _, staff), (other_inst, theirs, _, _) = two_institutions
    client.force_login(staff)
    page = text(client.get(reverse("admin:courses_course_changelist")))
    assert "가나다센터 과정" in page and "라마바센터 과정" not in page
    assert client.get(reverse("admin:courses_course_change", args=[theirs.pk])).status_code == 302
    form = client.get(reverse("admin:courses_course_change", args=[mine.pk])).context["adminform"]
    choices = form.form.fields["institution"].queryset
    assert list(choices) == [mine_inst]


def test_city_staff_see_every_institution(client, two_institutions):
    client.force_login(staff_with_mfa())
    page = text(client.get(reverse("admin:courses_enrollment_changelist")))
    assert "가나다센터 수강생" in page and "라마바센터 수강생" in page


def test_the_course_list_shows_outcomes(client, two_institutions):
    (_, course, _, staff), _ = two_institutions
    client.force_login(staff)
    page = text(client.get(reverse("admin:courses_course_changelist")))
    assert "12개월 내 취업 (취업률)" in page


def test_a_seat_cut_below_the_enrolled_is_refused_in_the_form(client, two_institutions):
    (_, course, _, staff), _ = two_institutions
    client.force_login(staff)
    url = reverse("admin:courses_course_change", args=[course.pk])
    data = {
        field: value
        for field, value in client.get(url).context["adminform"].form.initial.items()
        if value is not None
    }
    data.update(
        {
            "seats": 0,
            "starts_on": course.starts_on.isoformat(),
            "ends_on": course.ends_on.isoformat(),
            "applications_open_on": course.applications_open_on.isoformat(),
            "sessions-TOTAL_FORMS": 0,
            "sessions-INITIAL_FORMS": 0,
        }
    )
    data.pop("applications_close_on", None)
    data.pop("unlocks_program", None)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "이미 선발된 인원(1명)보다 정원을 줄일 수 없습니다." in text(response)
    assert Course.objects.get(pk=course.pk).seats == 20


# --- Actions ---


def test_the_drop_action_promotes_the_first_waiting_person(client, two_institutions):
    (_, course, trainee, staff), _ = two_institutions
    waiting = EnrollmentFactory(course=course, status="waitlisted", waitlisted_at=timezone.now())
    Course.objects.filter(pk=course.pk).update(seats=1)
    client.force_login(staff)
    client.post(
        reverse("admin:courses_enrollment_changelist"),
        {"action": "drop", "_selected_action": [trainee.pk]},
    )
    assert Enrollment.objects.get(pk=trainee.pk).status == "dropped"
    assert Enrollment.objects.get(pk=waiting.pk).status == "enrolled"


def test_an_action_on_another_institutions_trainee_does_nothing(client, two_institutions):
    (_, _, _, staff), (_, _, theirs, _) = two_institutions
    client.force_login(staff)
    client.post(
        reverse("admin:courses_enrollment_changelist"),
        {"action": "drop", "_selected_action": [theirs.pk]},
    )
    assert Enrollment.objects.get(pk=theirs.pk).status == "enrolled"


# --- Bulk attendance ---


def test_bulk_attendance_for_a_session(client, two_institutions):
    (_, course, trainee, staff), _ = two_institutions
    second = enrolled(course, applicant=ApplicantProfileFactory(name="두번째 수강생"))
    session = SessionFactory(course=course, held_on=timezone.localdate() - timedelta(days=1))
    client.force_login(staff)
    url = reverse("admin:courses_session_attendance", args=[session.pk])
    page = text(client.get(url))
    assert "가나다센터 수강생" in page and "두번째 수강생" in page
    assert PersonalDataAccess.objects.filter(actor=staff, subject=second.applicant.user).exists()
    response = client.post(
        url, {f"trainee_{trainee.pk}": "present", f"trainee_{second.pk}": "absent"}
    )
    assert response.status_code == 302
    marks = dict(Attendance.objects.values_list("enrollment_id", "status"))
    assert marks == {trainee.pk: "present", second.pk: "absent"}


def test_no_attendance_page_for_another_institutions_session(client, two_institutions):
    (_, _, _, staff), (_, theirs, _, _) = two_institutions
    session = SessionFactory(course=theirs)
    client.force_login(staff)
    url = reverse("admin:courses_session_attendance", args=[session.pk])
    assert client.get(url).status_code == 404


def test_follow_ups_of_other_institutions_are_hidden(client, two_institutions):
    from tests.factories.courses import FollowUpFactory

    (_, _, mine, staff), (_, _, theirs, _) = two_institutions
    FollowUpFactory(enrollment=mine)
    hidden = FollowUpFactory(enrollment=theirs)
    client.force_login(staff)
    page = text(client.get(reverse("admin:courses_followup_changelist")))
    assert "가나다센터 수강생" in page and "라마바센터 수강생" not in page
    url = reverse("admin:courses_followup_change", args=[hidden.pk])
    assert client.get(url).status_code == 302


STAFF_LIST_QUERIES = {
    "admin:courses_enrollment_changelist": 12,
    "admin:courses_course_changelist": 11,
    "admin:courses_institution_changelist": 11,
    "admin:courses_followup_changelist": 13,
}


@pytest.mark.parametrize("url_name", STAFF_LIST_QUERIES)
@pytest.mark.parametrize("size", [1, 15])
def test_staff_lists_run_a_fixed_number_of_queries(
    client, django_assert_num_queries, url_name, size
):
    from tests.factories.courses import FollowUpFactory

    institution = InstitutionFactory()
    staff = institution_staff(institution)
    course = CourseFactory(institution=institution, seats=20)
    for _ in range(size):
        FollowUpFactory(enrollment=enrolled(course))
    client.force_login(staff)
    with django_assert_num_queries(STAFF_LIST_QUERIES[url_name]):
        response = client.get(reverse(url_name))
    assert response.status_code == 200


# --- Certificates and follow-ups through admin ---


@pytest.fixture
def graduate(two_institutions):
    (_, course, trainee, staff), _ = two_institutions
    Enrollment.objects.filter(pk=trainee.pk).update(status="completed", completed_on="2024-09-01")
    trainee.refresh_from_db()
    return trainee, staff


def test_a_follow_up_is_recorded_through_the_service(client, graduate):
    from courses.models import FollowUp
    from tests.factories.courses import FollowUpFactory

    trainee, staff = graduate
    follow_up = FollowUpFactory(enrollment=trainee, months_after=3)
    client.force_login(staff)
    url = reverse("admin:courses_followup_change", args=[follow_up.pk])
    response = client.post(url, {"outcome": "employed", "employer": "", "contract_type": ""})
    assert "취업한 경우 취업처와 고용 형태를 입력해 주세요." in text(response)
    response = client.post(
        url, {"outcome": "employed", "employer": "(주)우먼업", "contract_type": "regular"}
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get(pk=follow_up.pk)
    assert (follow_up.outcome, follow_up.recorded_by) == ("employed", staff)
    assert follow_up.recorded_on == timezone.localdate()


def test_certificates_are_added_for_graduates_only(client, graduate, two_institutions):
    from courses.models import CourseCertificate

    trainee, staff = graduate
    (_, course, _, _), (_, _, theirs, _) = two_institutions
    still_enrolled = enrolled(course)
    client.force_login(staff)
    url = reverse("admin:courses_coursecertificate_add")
    choices = client.get(url).context["adminform"].form.fields["enrollment"].queryset
    assert list(choices) == [trainee]
    assert still_enrolled not in choices and theirs not in choices
    today = timezone.localdate().isoformat()
    data = {"enrollment": trainee.pk, "name": "정보처리기능사", "obtained_on": today}
    assert client.post(url, data).status_code == 302
    certificate = CourseCertificate.objects.get(enrollment=trainee)
    assert certificate.recorded_by == staff
    assert "이미 기록되어 있습니다" in text(client.post(url, data))
