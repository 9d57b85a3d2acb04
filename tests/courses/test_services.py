"""Course services: eligibility, applying, selection, waitlist promotion, completion, follow-ups."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from applicants.models import ApplicantProfile, CareerEntry
from applicants.selectors import applicant_facts
from courses import selectors, services
from courses.models import Attendance, Course, Enrollment, FollowUp
from tests.factories import kernel
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.courses import (
    CourseFactory,
    EnrollmentFactory,
    SessionFactory,
    enrolled,
    institution_staff,
)
from tests.mail import sent_to
from womenup.models import OutboxMessage

pytestmark = pytest.mark.django_db


def apply(course, applicant=None, motivation="다시 일하고 싶습니다.", **kwargs):
    applicant = applicant or ApplicantProfileFactory()
    return services.enrollment_apply(
        course=course, applicant=applicant, motivation=motivation, **kwargs
    )


def messages_of(raised) -> list[str]:
    return raised.value.messages


# --- Eligibility -------------------------------------------------------------------------------


def test_an_eligible_applicant_passes_the_course_programs_rules():
    verdict = selectors.course_eligibility(
        CourseFactory(), ApplicantProfileFactory(), on=timezone.localdate()
    )
    assert verdict.outcome == "pass"


def test_a_gwangmyeong_resident_is_refused_a_seoul_course_with_the_reason():
    applicant = ApplicantProfileFactory(
        residence_city=kernel.gwangmyeong(), residence_district=None
    )
    with pytest.raises(ValidationError) as raised:
        apply(CourseFactory(), applicant)
    assert messages_of(raised)[0] == "신청 자격이 되지 않습니다."
    assert "서울시 거주자만 신청할 수 있습니다 (현재 거주지: 경기도 광명시)." in messages_of(raised)
    assert not Enrollment.objects.exists()


def test_an_employed_applicant_is_refused_a_course_for_unemployed_women():
    applicant = ApplicantProfileFactory(
        employment_status=ApplicantProfile.EmploymentStatus.EMPLOYED
    )
    with pytest.raises(ValidationError) as raised:
        apply(CourseFactory(), applicant)
    assert any("미취업 상태인 분만" in message for message in messages_of(raised))


def test_the_advanced_course_needs_experience_in_the_field():
    course = CourseFactory(program=kernel.program("seoul-digital-advanced"), track="advanced")
    applicant = ApplicantProfileFactory()
    with pytest.raises(ValidationError) as raised:
        apply(course, applicant)
    assert "다음 중 하나 이상이 필요합니다: 해당 분야 경력." in messages_of(raised)
    CareerEntry.objects.create(profile=applicant, job_category=kernel.job_category(), years=3)
    assert apply(course, applicant).status == Enrollment.Status.ENROLLED


def test_the_50plus_course_checks_age_and_gwangmyeong_residency():
    course = CourseFactory(program=kernel.program("gm-5060"), track="social_50plus")
    young = ApplicantProfileFactory(
        residence_city=kernel.gwangmyeong(), residence_district=None, birth_date=date(1990, 1, 1)
    )
    with pytest.raises(ValidationError) as raised:
        apply(course, young)
    assert any("만 50~69세만 신청할 수 있습니다" in message for message in messages_of(raised))
    older = ApplicantProfileFactory(
        residence_city=kernel.gwangmyeong(), residence_district=None, birth_date=date(1965, 1, 1)
    )
    assert apply(course, older).status == Enrollment.Status.ENROLLED


def test_missing_facts_ask_her_to_fill_her_profile():
    applicant = ApplicantProfileFactory(employment_status="", gender="")
    with pytest.raises(ValidationError) as raised:
        apply(CourseFactory(), applicant)
    assert messages_of(raised)[0] == "신청하려면 내 정보에서 다음 항목을 먼저 입력해 주세요."
    assert "성별 정보를 입력해 주세요." in messages_of(raised)


# --- Applying ----------------------------------------------------------------------------------


def test_first_come_enrolls_while_seats_remain_then_waitlists_in_order():
    course = CourseFactory(seats=2)
    results = [apply(course) for _ in range(4)]
    assert [e.status for e in results] == ["enrolled", "enrolled", "waitlisted", "waitlisted"]
    course.refresh_from_db()
    assert course.enrolled_count == 2 == seats_held(course)
    assert list(selectors.waitlist(course)) == results[2:]
    positions = [selectors.enrollment_for_course(e.applicant, course) for e in results[2:]]
    assert [e.waitlist_position for e in positions] == [1, 2]


def test_applying_notifies_her_through_the_outbox():
    enrollment = apply(CourseFactory(seats=1))
    [message] = sent_to(enrollment.applicant.user.email)
    assert "선발되었습니다" in message.body


def test_an_empty_motivation_is_refused():
    with pytest.raises(ValidationError) as raised:
        apply(CourseFactory(), motivation="   ")
    assert messages_of(raised) == ["지원 동기를 간단히 적어 주세요."]


def test_a_too_long_motivation_is_refused():
    with pytest.raises(ValidationError) as raised:
        apply(CourseFactory(), motivation="가" * 1001)
    assert messages_of(raised) == ["지원 동기는 1000자 이내로 적어 주세요 (지금 1001자)."]


def test_applying_outside_the_window_is_refused():
    today = timezone.localdate()
    not_yet = CourseFactory(applications_open_on=today + timedelta(days=3))
    with pytest.raises(ValidationError) as raised:
        apply(not_yet)
    assert messages_of(raised) == [
        f"접수 기간이 아닙니다. {today + timedelta(days=3)}부터 신청할 수 있습니다."
    ]
    closed = CourseFactory(applications_close_on=today - timedelta(days=1))
    with pytest.raises(ValidationError) as raised:
        apply(closed)
    assert messages_of(raised) == [f"접수가 마감되었습니다 (마감일 {today - timedelta(days=1)})."]


def test_applying_twice_is_refused():
    course = CourseFactory()
    enrollment = apply(course)
    with pytest.raises(ValidationError) as raised:
        apply(course, enrollment.applicant)
    assert messages_of(raised) == ["이미 이 과정에 신청하셨습니다 (현재 상태: 선발)."]


def test_after_withdrawing_she_may_apply_again_at_the_end_of_the_line():
    course = CourseFactory(seats=1)
    first = apply(course)
    second = apply(course)
    services.enrollment_withdraw(enrollment=second)
    third = apply(course)
    again = apply(course, second.applicant)
    assert again.pk == second.pk and again.status == Enrollment.Status.WAITLISTED
    assert list(selectors.waitlist(course)) == [third, again]
    assert first.status == Enrollment.Status.ENROLLED


def test_the_database_refuses_more_seats_than_the_course_has():
    course = CourseFactory(seats=1)
    with pytest.raises(IntegrityError):
        Course.objects.filter(pk=course.pk).update(enrolled_count=2)


# --- Institution selection -----------------------------------------------------------------------


def test_institution_selects_the_applicants_it_wants_and_the_rest_wait():
    course = CourseFactory(seats=1, selection_mode=Course.SelectionMode.INSTITUTION_SELECTS)
    staff = institution_staff(course.institution)
    first, second, third = apply(course), apply(course), apply(course)
    assert {first.status, second.status, third.status} == {Enrollment.Status.APPLIED}
    assert services.enrollment_select(enrollment=second, actor=staff).status == "enrolled"
    assert services.enrollment_select(enrollment=first, actor=staff).status == "waitlisted"
    assert services.enrollment_reject(enrollment=third, actor=staff).status == "not_selected"
    with pytest.raises(ValidationError) as raised:
        services.enrollment_select(enrollment=third, actor=staff)
    assert messages_of(raised) == ["현재 상태(미선발)에서는 선발을(를) 할 수 없습니다."]


# --- Leaving and promotion -----------------------------------------------------------------------


def test_a_withdrawal_frees_the_seat_for_the_first_in_line_who_is_notified():
    course = CourseFactory(seats=1)
    holder, first_waiting, second_waiting = apply(course), apply(course), apply(course)
    services.enrollment_withdraw(enrollment=holder)
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == Enrollment.Status.ENROLLED
    assert second_waiting.status == Enrollment.Status.WAITLISTED
    course.refresh_from_db()
    assert course.enrolled_count == 1 == seats_held(course)
    promoted = sent_to(first_waiting.applicant.user.email)
    assert any("자리가 나서 선발되었습니다" in message.body for message in promoted)


def test_a_drop_frees_the_seat_too():
    course = CourseFactory(seats=1)
    staff = institution_staff(course.institution)
    holder, waiting = apply(course), apply(course)
    services.enrollment_drop(enrollment=holder, actor=staff, reason="취업으로 중도 포기")
    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert (holder.status, holder.note) == ("dropped", "취업으로 중도 포기")
    assert waiting.status == Enrollment.Status.ENROLLED


def test_withdrawing_from_the_waitlist_moves_the_others_up():
    course = CourseFactory(seats=1)
    apply(course)
    first, second = apply(course), apply(course)
    services.enrollment_withdraw(enrollment=first)
    assert selectors.enrollment_for_course(second.applicant, course).waitlist_position == 1
    assert Course.objects.get(pk=course.pk).enrolled_count == 1


def test_more_seats_are_filled_from_the_waitlist_at_once():
    course = CourseFactory(seats=1)
    apply(course)
    waiting = apply(course)
    course.seats = 2
    services.course_save(course=course, changed_fields=["seats"])
    waiting.refresh_from_db()
    assert waiting.status == Enrollment.Status.ENROLLED


def test_seats_cannot_be_cut_below_the_people_already_enrolled():
    course = CourseFactory(seats=2)
    apply(course), apply(course)
    course.seats = 1
    with pytest.raises(ValidationError) as raised:
        services.course_save(course=course, changed_fields=["seats"])
    assert messages_of(raised) == ["이미 선발된 인원(2명)보다 정원을 줄일 수 없습니다."]


def test_a_finished_course_cannot_be_withdrawn_from():
    course = CourseFactory()
    enrollment = apply(course)
    with pytest.raises(ValidationError) as raised:
        services.enrollment_withdraw(enrollment=enrollment, today=course.ends_on + timedelta(1))
    assert messages_of(raised) == ["이미 끝난 과정은 신청을 취소할 수 없습니다."]


# --- Attendance and completion -------------------------------------------------------------------


@pytest.fixture
def finished_course():
    """A course that ended yesterday with 10 sessions and one staff member."""
    today = timezone.localdate()
    course = CourseFactory(
        starts_on=today - timedelta(days=60),
        ends_on=today - timedelta(days=1),
        applications_open_on=today - timedelta(days=90),
        applications_close_on=today - timedelta(days=61),
    )
    sessions = [
        SessionFactory(course=course, held_on=today - timedelta(days=50 - i)) for i in range(10)
    ]
    return course, sessions, institution_staff(course.institution)


def attend(sessions, enrollment, staff, *, present: int):
    for index, session in enumerate(sessions):
        status = Attendance.Status.PRESENT if index < present else Attendance.Status.ABSENT
        services.attendance_record(session=session, marks={enrollment.pk: status}, actor=staff)


def test_completion_needs_the_minimum_attendance_rate(finished_course):
    course, sessions, staff = finished_course
    trainee = enrolled(course)
    attend(sessions, trainee, staff, present=7)
    with pytest.raises(ValidationError) as raised:
        services.enrollment_complete(enrollment=trainee, actor=staff)
    assert messages_of(raised) == [
        "출석률 70.0%(7/10회)로 수료 기준 80%에 미달하여 수료 처리할 수 없습니다."
    ]


def test_exactly_the_minimum_rate_completes_and_unlocks_the_linked_track(finished_course):
    course, sessions, staff = finished_course
    trainee = enrolled(course)
    attend(sessions, trainee, staff, present=8)
    assert course.code not in applicant_facts(trainee.applicant).completed_courses
    services.enrollment_complete(enrollment=trainee, actor=staff)
    trainee.refresh_from_db()
    assert trainee.status == Enrollment.Status.COMPLETED
    assert course.code in applicant_facts(trainee.applicant).completed_courses


def test_the_minimum_rate_is_configurable_per_course(finished_course):
    course, sessions, staff = finished_course
    Course.objects.filter(pk=course.pk).update(min_attendance_rate=60)
    trainee = enrolled(course)
    attend(sessions, trainee, staff, present=6)
    services.enrollment_complete(enrollment=trainee, actor=staff)
    assert Enrollment.objects.get(pk=trainee.pk).status == "completed"


def test_late_and_excused_count_as_attended(finished_course):
    course, sessions, staff = finished_course
    trainee = enrolled(course)
    marks = ["present"] * 6 + ["late", "excused", "absent", "absent"]
    for session, status in zip(sessions, marks, strict=True):
        services.attendance_record(session=session, marks={trainee.pk: status}, actor=staff)
    on = timezone.localdate()
    services.enrollment_complete(enrollment=trainee, actor=staff, on=on)
    trainee.refresh_from_db()
    assert trainee.status == Enrollment.Status.COMPLETED
    assert trainee.completed_on == on
    follow_ups = FollowUp.objects.filter(enrollment=trainee)
    assert sorted(follow_ups.values_list("months_after", flat=True)) == [1, 3, 6, 12]
    assert not follow_ups.exclude(outcome="").exists()
    (notice,) = [m for m in sent_to(trainee.applicant.user.email) if "수료 안내" in m.subject]
    assert course.title in notice.body


def test_completion_waits_for_the_end_of_the_course():
    course = CourseFactory()
    trainee = enrolled(course)
    staff = institution_staff(course.institution)
    with pytest.raises(ValidationError) as raised:
        services.enrollment_complete(enrollment=trainee, actor=staff)
    assert messages_of(raised) == [
        f"수료 여부는 종강일({course.ends_on}) 이후에 판정할 수 있습니다."
    ]


def test_completion_schedules_follow_ups_at_1_3_6_12_months(finished_course):
    course, sessions, staff = finished_course
    trainee = enrolled(course)
    attend(sessions, trainee, staff, present=10)
    services.enrollment_complete(enrollment=trainee, actor=staff, on=date(2027, 8, 31))
    due = dict(FollowUp.objects.filter(enrollment=trainee).values_list("months_after", "due_on"))
    assert due == {
        1: date(2027, 9, 30),
        3: date(2027, 11, 30),
        6: date(2028, 2, 29),
        12: date(2028, 8, 31),
    }


def test_deciding_a_course_completes_and_fails_by_attendance(finished_course):
    course, sessions, staff = finished_course
    good, poor = enrolled(course), enrolled(course)
    attend(sessions, good, staff, present=9)
    attend(sessions, poor, staff, present=3)
    result = services.course_completion_decide(course=course, actor=staff)
    assert result == {"completed": 1, "not_completed": 1}
    assert Enrollment.objects.get(pk=poor.pk).status == Enrollment.Status.NOT_COMPLETED


def test_attendance_of_someone_not_in_the_course_is_refused(finished_course):
    course, sessions, staff = finished_course
    stranger = EnrollmentFactory()
    with pytest.raises(ValidationError) as raised:
        services.attendance_record(session=sessions[0], marks={stranger.pk: "present"}, actor=staff)
    assert messages_of(raised) == ["이 과정의 수강생이 아닌 사람이 포함되어 있습니다."]


def test_attendance_of_a_future_session_is_refused():
    course = CourseFactory()
    session = SessionFactory(course=course, held_on=course.starts_on)
    trainee = enrolled(course)
    with pytest.raises(ValidationError) as raised:
        services.attendance_record(
            session=session,
            marks={trainee.pk: "present"},
            actor=institution_staff(course.institution),
        )
    assert messages_of(raised) == ["아직 열리지 않은 수업의 출결은 기록할 수 없습니다."]


def test_attendance_can_be_corrected_with_a_reason(finished_course):
    course, sessions, staff = finished_course
    trainee = enrolled(course)
    services.attendance_record(session=sessions[0], marks={trainee.pk: "absent"}, actor=staff)
    with pytest.raises(ValidationError) as raised:
        services.attendance_record(session=sessions[0], marks={trainee.pk: "present"}, actor=staff)
    assert messages_of(raised) == ["이미 기록된 출결 1건을 바꾸려면 정정 사유를 적어 주세요."]
    assert Attendance.objects.get(enrollment=trainee).status == "absent"
    services.attendance_record(
        session=sessions[0], marks={trainee.pk: "present"}, actor=staff, reason="출석부 확인"
    )
    row = Attendance.objects.get(enrollment=trainee)
    assert (row.status, row.correction_reason) == ("present", "출석부 확인")
    versions = row.history.order_by("history_date", "history_id")
    assert [(v.status, v.history_change_reason, v.history_user) for v in versions] == [
        ("absent", "", staff),
        ("present", "출석부 확인", staff),
    ]


# --- Certificates and follow-ups -----------------------------------------------------------------


@pytest.fixture
def graduate(finished_course):
    course, sessions, staff = finished_course
    trainee = enrolled(course)
    attend(sessions, trainee, staff, present=10)
    services.enrollment_complete(enrollment=trainee, actor=staff)
    trainee.refresh_from_db()
    return trainee, staff


def test_a_certificate_is_recorded_for_a_graduate_once(graduate):
    trainee, staff = graduate
    today = timezone.localdate()
    services.certificate_record(
        enrollment=trainee, name="정보처리기능사", obtained_on=today, actor=staff
    )
    with pytest.raises(ValidationError) as raised:
        services.certificate_record(
            enrollment=trainee, name="정보처리기능사", obtained_on=today, actor=staff
        )
    assert messages_of(raised) == ["이 수강생의 같은 자격증이 이미 기록되어 있습니다."]


def test_a_certificate_needs_completion():
    trainee = enrolled(CourseFactory())
    with pytest.raises(ValidationError) as raised:
        services.certificate_record(
            enrollment=trainee, name="정보처리기능사", obtained_on=timezone.localdate(), actor=None
        )
    assert messages_of(raised) == ["수료한 수강생의 자격증만 기록할 수 있습니다."]


def test_an_employed_follow_up_needs_the_employer_and_contract(graduate):
    trainee, staff = graduate
    follow_up = FollowUp.objects.get(enrollment=trainee, months_after=1)
    with pytest.raises(ValidationError) as raised:
        services.follow_up_record(follow_up=follow_up, outcome="employed", actor=staff)
    assert messages_of(raised) == ["취업한 경우 취업처와 고용 형태를 입력해 주세요."]
    services.follow_up_record(
        follow_up=follow_up,
        outcome="employed",
        employer="(주)우먼업",
        contract_type="regular",
        actor=staff,
    )
    follow_up.refresh_from_db()
    assert (follow_up.outcome, follow_up.recorded_by) == ("employed", staff)


def test_reminders_go_to_the_institutions_staff_once(graduate):
    trainee, staff = graduate
    other_staff = institution_staff(trainee.course.institution)
    soon = timezone.localdate() + timedelta(days=40)
    queued = services.follow_up_reminders_queue(today=soon)
    assert queued == 2  # the 1-month follow-up, to both staff members
    reminders = OutboxMessage.objects.filter(template="courses/email/follow_up_reminder")
    assert {m.recipient for m in reminders} == {staff, other_staff}
    services.follow_up_reminders_queue(today=soon)
    assert reminders.count() == 2


def test_recorded_follow_ups_are_not_reminded(graduate):
    trainee, staff = graduate
    follow_up = FollowUp.objects.get(enrollment=trainee, months_after=1)
    services.follow_up_record(follow_up=follow_up, outcome="job_seeking", actor=staff)
    assert services.follow_up_reminders_queue(today=timezone.localdate() + timedelta(40)) == 0


def test_the_reminder_task_runs_the_service(graduate):
    from courses.tasks import follow_up_reminders_queue

    assert follow_up_reminders_queue() == 0  # nothing due within a week of today


def test_the_reminders_are_scheduled_daily_in_beat():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="courses.tasks.follow_up_reminders_queue")
    assert (task.crontab.hour, task.crontab.minute) == ("9", "0")


def seats_held(course) -> int:
    """Seat-holding enrollments counted from the rows (checks ``enrolled_count``)."""
    return Enrollment.objects.filter(course=course, status__in=Enrollment.SEAT_HOLDING).count()
