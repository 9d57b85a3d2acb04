"""QR attendance: the day's signed code, check-in and check-out, late / early leave / absence
from the session's times, corrections with a reason in the history, completion from QR marks."""

from datetime import date, datetime, time, timedelta
from urllib.parse import quote

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from courses import selectors, services
from courses.attendance import QR_SALT, qr_token, qr_url
from courses.models import Attendance, Enrollment, Session
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.courses import CourseFactory, enrolled, institution_staff

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 2)  # a Monday; sessions 09:30–15:30, grace 10 minutes


def at(hour: int, minute: int, second: int = 0, day: date = DAY) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute, second)))


@pytest.fixture
def classroom():
    course = CourseFactory(starts_on=DAY, ends_on=DAY + timedelta(days=30))
    session = Session.objects.create(course=course, held_on=DAY)
    trainee = enrolled(course)
    return session, trainee


def messages_of(raised) -> list[str]:
    return raised.value.messages


def check_in(session, trainee, when, token=None):
    token = token or qr_token(session, day=timezone.localdate(when))
    return services.attendance_check_in(token=token, applicant=trainee.applicant, now=when)


def check_out(session, trainee, when):
    token = qr_token(session, day=timezone.localdate(when))
    return services.attendance_check_out(token=token, applicant=trainee.applicant, now=when)


# --- The code: signed, of one day -----------------------------------------------------------------


def test_yesterdays_code_is_refused(classroom):
    session, trainee = classroom
    yesterday = qr_token(session, day=DAY - timedelta(days=1))
    with pytest.raises(ValidationError) as raised:
        check_in(session, trainee, at(9, 20), token=yesterday)
    assert messages_of(raised) == [
        "2026-03-01의 QR 코드라 오늘은 쓸 수 없습니다. "
        "강의실에 표시된 오늘의 QR 코드를 다시 찍어 주세요."
    ]
    assert not Attendance.objects.exists()


@pytest.mark.parametrize(
    "forged",
    [
        "tampered",
        lambda s: qr_token(s, day=DAY)[:-2] + "xx",
        lambda s: signing.Signer(salt="another").sign_object({"s": s.pk, "d": DAY.isoformat()}),
        lambda s: signing.Signer(key="x" * 50, salt=QR_SALT).sign_object(
            {"s": s.pk, "d": DAY.isoformat()}
        ),
        lambda s: signing.Signer(salt=QR_SALT).sign_object({"s": s.pk}),
    ],
)
def test_a_code_with_a_bad_signature_is_refused(classroom, forged):
    session, trainee = classroom
    token = forged(session) if callable(forged) else forged
    with pytest.raises(ValidationError) as raised:
        check_in(session, trainee, at(9, 20), token=token)
    assert messages_of(raised) == [
        "QR 코드가 올바르지 않습니다. 강의실에 표시된 오늘의 QR 코드를 "
        "휴대전화 카메라로 다시 찍어 주세요."
    ]
    assert not Attendance.objects.exists()


def test_the_code_changes_every_day_and_names_its_session(classroom):
    session, _trainee = classroom
    other = Session.objects.create(course=session.course, held_on=DAY + timedelta(days=1))
    assert qr_token(session, day=DAY) == qr_token(session, day=DAY)
    assert qr_token(session, day=DAY) != qr_token(session, day=DAY + timedelta(days=1))
    assert qr_token(session, day=DAY) != qr_token(other, day=DAY)
    assert qr_url(session, day=DAY).startswith("/attendance/")


def test_a_session_not_held_today_is_refused(classroom):
    session, trainee = classroom
    tomorrow = Session.objects.create(course=session.course, held_on=DAY + timedelta(days=1))
    with pytest.raises(ValidationError) as raised:
        check_in(tomorrow, trainee, at(9, 20))
    assert messages_of(raised) == [
        f"오늘 열리는 수업이 아닙니다 ({session.course.title} 수업일 2026-03-03)."
    ]


def test_someone_not_enrolled_is_refused(classroom):
    session, _trainee = classroom
    stranger = ApplicantProfileFactory()
    waiting = enrolled(session.course)
    Enrollment.objects.filter(pk=waiting.pk).update(status=Enrollment.Status.WITHDRAWN)
    for profile in (stranger, waiting.applicant):
        with pytest.raises(ValidationError) as raised:
            services.attendance_check_in(
                token=qr_token(session, day=DAY), applicant=profile, now=at(9, 20)
            )
        assert messages_of(raised) == [
            f"{session.course.title} 과정의 수강생이 아니어서 출석할 수 없습니다. "
            "선발된 과정의 QR 코드인지 확인해 주세요."
        ]
    assert not Attendance.objects.exists()


# --- Check-in and check-out -------------------------------------------------------------------


def test_checking_in_twice_is_refused(classroom):
    session, trainee = classroom
    check_in(session, trainee, at(9, 25))
    with pytest.raises(ValidationError) as raised:
        check_in(session, trainee, at(9, 40))
    assert messages_of(raised) == [
        "이미 09:25에 입실했습니다. 수업이 끝나면 같은 QR 코드로 퇴실해 주세요."
    ]
    assert Attendance.objects.get().checked_in_at == at(9, 25)


def test_checking_out_before_checking_in_is_refused(classroom):
    session, trainee = classroom
    with pytest.raises(ValidationError) as raised:
        check_out(session, trainee, at(15, 30))
    assert messages_of(raised) == [
        "입실 기록이 없어 퇴실할 수 없습니다. 먼저 「입실」을 눌러 주세요."
    ]
    assert not Attendance.objects.exists()


def test_checking_out_twice_is_refused(classroom):
    session, trainee = classroom
    check_in(session, trainee, at(9, 25))
    check_out(session, trainee, at(15, 31))
    with pytest.raises(ValidationError) as raised:
        check_out(session, trainee, at(15, 40))
    assert messages_of(raised) == ["이미 15:31에 퇴실했습니다."]


def test_checking_in_after_the_session_ended_is_refused(classroom):
    session, trainee = classroom
    with pytest.raises(ValidationError) as raised:
        check_in(session, trainee, at(15, 30))
    assert messages_of(raised) == [
        "수업이 15:30에 끝나 입실할 수 없습니다. 운영기관 담당자에게 말씀해 주세요."
    ]


def test_a_mark_staff_recorded_is_not_overwritten_by_a_check_in(classroom):
    session, trainee = classroom
    staff = institution_staff(session.course.institution)
    services.attendance_record(
        session=session, marks={trainee.pk: "excused"}, actor=staff, today=DAY
    )
    with pytest.raises(ValidationError) as raised:
        check_in(session, trainee, at(9, 20))
    assert "담당자가 이 수업의 출결을 이미 공결(으)로 기록했습니다." in messages_of(raised)[0]


# --- Late, early leave, absence ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("arrived", "left", "status"),
    [
        (at(8, 50), at(15, 30), "present"),
        (at(9, 40), at(15, 20), "present"),  # both exactly at the 10 minutes' grace
        (at(9, 40, 1), at(15, 30), "late"),  # one second past the grace
        (at(9, 30), at(15, 19, 59), "early_leave"),
        (at(9, 41), at(15, 0), "late_early"),
        (at(9, 10), at(18, 0), "present"),
    ],
)
def test_late_and_early_leave_follow_the_session_times(classroom, arrived, left, status):
    session, trainee = classroom
    check_in(session, trainee, arrived)
    row = check_out(session, trainee, left)
    assert (row.status, row.checked_in_at, row.checked_out_at) == (status, arrived, left)
    assert row.source == Attendance.Source.QR


def test_a_check_in_shows_late_at_once(classroom):
    session, trainee = classroom
    assert check_in(session, trainee, at(9, 41)).status == "late"


@override_settings(ATTENDANCE_GRACE_MINUTES=0)
def test_the_grace_minutes_are_a_setting(classroom):
    session, trainee = classroom
    assert check_in(session, trainee, at(9, 30, 1)).status == "late"


def test_another_sessions_times_are_its_own(classroom):
    session, trainee = classroom
    evening = Session.objects.create(
        course=session.course, held_on=DAY + timedelta(days=1), starts_at=time(19), ends_at=time(22)
    )
    next_day = DAY + timedelta(days=1)
    assert check_in(evening, trainee, at(19, 5, day=next_day)).status == "present"
    assert check_out(evening, trainee, at(21, 49, day=next_day)).status == "early_leave"


def test_closing_a_session_marks_absences_and_missing_check_outs(classroom):
    session, trainee = classroom
    absent = enrolled(session.course)
    stayed = enrolled(session.course)
    check_in(session, trainee, at(9, 20))  # never checks out
    check_in(session, stayed, at(9, 20))
    check_out(session, stayed, at(15, 30))
    with pytest.raises(ValidationError):
        services.session_attendance_close(session=session, now=at(15, 29))
    assert services.session_attendance_close(session=session, now=at(15, 30)) == {
        "absent": 1,
        "early_leave": 1,
    }
    marks = dict(Attendance.objects.values_list("enrollment_id", "status"))
    assert marks == {trainee.pk: "early_leave", absent.pk: "absent", stayed.pk: "present"}
    again = services.session_attendance_close(session=session, now=at(23, 50))
    assert again == {"absent": 0, "early_leave": 0}


def test_the_nightly_task_closes_only_ended_sessions_of_the_day(classroom):
    session, trainee = classroom
    evening = Session.objects.create(course=CourseFactory(), held_on=DAY, ends_at=time(22))
    enrolled(evening.course)
    assert services.sessions_attendance_close(day=DAY, now=at(18, 0)) == 1
    assert Attendance.objects.get(enrollment=trainee).status == "absent"
    assert not Attendance.objects.filter(session=evening).exists()


# --- Corrections keep their reason and history --------------------------------------------------


def test_correcting_a_qr_mark_needs_a_reason_and_is_kept_in_history(classroom):
    session, trainee = classroom
    staff = institution_staff(session.course.institution)
    row = check_in(session, trainee, at(9, 50))
    assert row.status == "late"
    with pytest.raises(ValidationError) as raised:
        services.attendance_correct(attendance=row, status="present", reason=" ", actor=staff)
    assert messages_of(raised) == ["출결을 정정하려면 정정 사유를 적어 주세요."]
    services.attendance_correct(
        attendance=row, status="present", reason="지하철 지연 증명서 확인", actor=staff
    )
    row.refresh_from_db()
    assert (row.status, row.correction_reason) == ("present", "지하철 지연 증명서 확인")
    history = [
        (v.status, v.history_change_reason, v.history_user)
        for v in row.history.order_by("history_date", "history_id")
    ]
    assert history == [
        ("late", "", trainee.applicant.user),
        ("present", "지하철 지연 증명서 확인", staff),
    ]


def test_a_bulk_correction_of_a_qr_mark_needs_a_reason(classroom):
    session, trainee = classroom
    staff = institution_staff(session.course.institution)
    check_in(session, trainee, at(9, 50))
    with pytest.raises(ValidationError):
        services.attendance_record(
            session=session, marks={trainee.pk: "present"}, actor=staff, today=DAY
        )
    unchanged = services.attendance_record(
        session=session, marks={trainee.pk: "late"}, actor=staff, today=DAY
    )
    assert unchanged == 1 and Attendance.objects.get().history.count() == 1


# --- Completion from QR records ----------------------------------------------------------------


def test_completion_at_80_percent_counts_qr_marks():
    start = date(2026, 3, 2)
    course = CourseFactory(starts_on=start, ends_on=start + timedelta(days=9))
    sessions = [
        Session.objects.create(course=course, held_on=start + timedelta(days=i)) for i in range(10)
    ]
    good, poor = enrolled(course), enrolled(course)
    for index, session in enumerate(sessions):
        day = session.held_on
        for trainee, attends in ((good, index < 8), (poor, index < 7)):
            if attends:  # on time, late or leaving early: attended
                arrive = at(9, 50, day=day) if index == 0 else at(9, 20, day=day)
                check_in(session, trainee, arrive)
                check_out(session, trainee, at(15, 0 if index == 1 else 35, day=day))
        services.session_attendance_close(session=session, now=at(23, 50, day=day))
    on = course.ends_on
    rates = {
        e.pk: (e.sessions_attended, e.sessions_held)
        for e in Enrollment.objects.annotate(**selectors.attendance_annotations(on=on))
    }
    assert rates == {good.pk: (8, 10), poor.pk: (7, 10)}
    staff = institution_staff(course.institution)
    result = services.course_completion_decide(course=course, actor=staff, on=on)
    assert result == {"completed": 1, "not_completed": 1}
    assert Enrollment.objects.get(pk=good.pk).status == Enrollment.Status.COMPLETED


# --- Her page ----------------------------------------------------------------------------------


@pytest.fixture
def today_classroom():
    today = timezone.localdate()
    course = CourseFactory(starts_on=today, ends_on=today)
    session = Session.objects.create(
        course=course, held_on=today, starts_at=time(0, 0), ends_at=time(23, 59, 59)
    )
    return session, enrolled(course)


def test_her_phone_checks_in_and_out_on_the_page(client, today_classroom):
    session, trainee = today_classroom
    client.force_login(trainee.applicant.user)
    url = qr_url(session, day=timezone.localdate())
    page = client.get(url).content.decode()
    assert "입실" in page and 'value="check_in"' in page
    response = client.post(url, {"action": "check_in"}, follow=True)
    body = response.content.decode()
    assert "에 입실했습니다" in body and 'value="check_out"' in body
    client.post(url, {"action": "check_out"})
    row = Attendance.objects.get(enrollment=trainee)
    assert row.checked_in_at and row.checked_out_at


def test_a_refused_check_in_says_why_and_changes_nothing(client, today_classroom):
    session, trainee = today_classroom
    client.force_login(trainee.applicant.user)
    url = qr_url(session, day=timezone.localdate())
    response = client.post(url, {"action": "check_out"})
    assert response.status_code == 400
    assert "입실 기록이 없어 퇴실할 수 없습니다." in response.content.decode()
    yesterday = qr_url(session, day=timezone.localdate() - timedelta(days=1))
    response = client.get(yesterday)
    assert "오늘은 쓸 수 없습니다" in response.content.decode()
    assert 'value="check_in"' not in response.content.decode()
    assert not Attendance.objects.exists()


def test_logged_out_she_is_sent_to_log_in_and_back(client, today_classroom):
    session, _trainee = today_classroom
    url = qr_url(session, day=timezone.localdate())
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={quote(url, safe='/')}"


def test_the_staff_qr_page_shows_todays_code_for_their_own_sessions_only(client, today_classroom):
    session, trainee = today_classroom
    staff = institution_staff(session.course.institution)
    client.force_login(staff)
    check_in(session, trainee, timezone.now())
    page = client.get(reverse("admin:courses_session_qr", args=[session.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert qr_url(session, day=timezone.localdate()) in body
    assert 'src="data:image/svg+xml' in body and str(trainee.applicant) in body
    other = Session.objects.create(course=CourseFactory(), held_on=timezone.localdate())
    assert client.get(reverse("admin:courses_session_qr", args=[other.pk])).status_code == 404


def test_a_correction_in_admin_needs_a_reason(client, today_classroom):
    session, trainee = today_classroom
    staff = institution_staff(session.course.institution)
    row = check_in(session, trainee, timezone.now())
    client.force_login(staff)
    url = reverse("admin:courses_attendance_change", args=[row.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": "excused", "correction_reason": ""})
    assert response.status_code == 200 and "필수 항목입니다" in response.content.decode()
    client.post(url, {"status": "excused", "correction_reason": "병원 진료 확인서"})
    row.refresh_from_db()
    assert (row.status, row.correction_reason) == ("excused", "병원 진료 확인서")
    assert row.history.latest().history_user == staff
    history = client.get(reverse("admin:courses_attendance_history", args=[row.pk]))
    assert "병원 진료 확인서" in history.content.decode()


QR_PAGE_QUERIES = 9  # session, trainees with their marks, admin and session context


@pytest.mark.parametrize("trainees", [2, 6])
def test_the_staff_qr_page_runs_a_fixed_number_of_queries(
    client, today_classroom, trainees, django_assert_num_queries
):
    session, first = today_classroom
    for _ in range(trainees - 1):
        check_in(session, enrolled(session.course), timezone.now())
    staff = institution_staff(session.course.institution)
    client.force_login(staff)
    url = reverse("admin:courses_session_qr", args=[session.pk])
    client.get(url)  # warm the content-type and permission caches
    with django_assert_num_queries(QR_PAGE_QUERIES + trainees):  # one access-log row each
        response = client.get(url)
    assert response.content.decode().count('data-testid="qr-trainee"') == trainees
