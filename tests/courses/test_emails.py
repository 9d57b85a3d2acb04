"""The courses app's e-mails, queued by its services and read as their recipients receive them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses import services
from courses.models import Course, FollowUp
from tests.courses.test_services import apply, attend, finished_course  # noqa: F401 (a fixture)
from tests.factories import kernel
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.courses import CourseFactory, enrolled, institution_staff
from tests.mail import sent_to

pytestmark = pytest.mark.django_db


def test_each_application_outcome_has_its_own_sentence():
    course = CourseFactory(seats=1, title="회계 실무 1기")
    first, second = apply(course), apply(course)
    selects = CourseFactory(selection_mode=Course.SelectionMode.INSTITUTION_SELECTS, title="세무")
    third = apply(selects)  # the institution decides later: only "received" for now

    [seated] = sent_to(first.applicant.user.email)
    assert seated.subject == "[서울우먼업] [교육과정] 회계 실무 1기 신청 결과"
    assert f"회계 실무 1기 과정에 선발되었습니다. 개강일은 {course.starts_on:%Y-%m-%d}입니다." in (
        seated.body
    )
    [waiting] = sent_to(second.applicant.user.email)
    assert "회계 실무 1기 과정의 정원이 찼습니다. 대기자로 등록되었고" in waiting.body
    [received] = sent_to(third.applicant.user.email)
    assert "세무 과정 신청이 접수되었습니다. 운영기관이 선발 결과를 알려 드립니다." in received.body


def test_not_being_selected_and_being_promoted_from_the_waitlist():
    course = CourseFactory(seats=1, title="회계 실무 1기")
    staff = institution_staff(course.institution)
    holder, waiting, refused = apply(course), apply(course), apply(course)

    services.enrollment_reject(enrollment=refused, actor=staff)
    services.enrollment_withdraw(enrollment=holder)

    [_waitlisted, not_selected] = sent_to(refused.applicant.user.email)
    assert not_selected.subject == "[서울우먼업] [교육과정] 선발 결과 안내"
    assert "아쉽지만 회계 실무 1기 과정에 선발되지 않았습니다." in not_selected.body
    [_waitlisted, promoted] = sent_to(waiting.applicant.user.email)
    assert promoted.subject == "[서울우먼업] [교육과정] 회계 실무 1기 대기 → 선발"
    assert "대기 중이던 회계 실무 1기 과정에 자리가 나서 선발되었습니다." in promoted.body


def test_completion_names_the_programme_it_unlocks(finished_course):  # noqa: F811
    course, sessions, staff = finished_course
    course.unlocks_program = kernel.program("seoul-internship")
    course.save(update_fields=["unlocks_program"])
    trainee = enrolled(course)
    attend(sessions, trainee, staff, present=10)

    services.enrollment_complete(enrollment=trainee, actor=staff)

    [message] = sent_to(trainee.applicant.user.email)
    assert message.subject == "[서울우먼업] [교육과정] 수료 안내"
    assert f"{course.title} 과정을 수료하셨습니다. 축하합니다!\n" in message.body
    assert f"이제 '{course.unlocks_program.name}'에 지원할 수 있습니다." in message.body


def test_a_follow_up_reminder_names_the_graduate_and_the_day(finished_course):  # noqa: F811
    course, sessions, staff = finished_course
    trainee = enrolled(course, applicant=ApplicantProfileFactory())
    attend(sessions, trainee, staff, present=10)
    services.enrollment_complete(enrollment=trainee, actor=staff)
    follow_up = FollowUp.objects.get(enrollment=trainee, months_after=1)

    services.follow_up_reminders_queue(today=timezone.localdate() + timedelta(days=40))

    [message] = sent_to(staff.email)
    assert message.subject == f"[서울우먼업] [사후관리] {follow_up.due_on:%Y-%m-%d} 조사 예정"
    assert (
        f"{course.title} 수료생 {trainee.applicant}님의 수료 후 1개월 사후관리 조사 예정일은 "
        f"{follow_up.due_on:%Y-%m-%d}입니다."
    ) in message.body
