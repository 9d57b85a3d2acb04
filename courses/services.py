"""Writes about courses: applying, selection, seats and waitlist, attendance, completion, follow-up.

Every change to who holds a seat locks the course row first (``SELECT ... FOR NO KEY UPDATE``),
so concurrent requests for one course are served one at a time, in the order they arrive; the
seat counter ``Course.enrolled_count`` has a CHECK constraint that it never exceeds the seats.
"""

import hashlib
import secrets
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applicants.models import ApplicantProfile
from applicants.services import phone_normalize, profile_ensure, proxy_consent_check
from courses import selectors
from courses.attendance import derived_status, session_end
from courses.models import (
    Attendance,
    ClientRequest,
    CounsellingClient,
    CounsellingNote,
    CounsellingOutcome,
    CounsellingSession,
    CounsellingSignUp,
    Course,
    CourseCertificate,
    Enrollment,
    FollowUp,
    Institution,
    Session,
)
from womenup import phones
from womenup.accounts.permissions import COUNSELLOR_GROUP, INSTITUTION_STAFF_GROUP
from womenup.cache import COURSES, data_version_bump
from womenup.calendar import add_months
from womenup.models import User
from womenup.notifications import sms
from womenup.notifications.services import notification_queue, notification_queue_for_user
from womenup.programs.eligibility import Outcome
from womenup.programs.eligibility.reasons import render_all

MOTIVATION_MAX_LENGTH = 1000

FOLLOW_UP_LEAD_DAYS = 7

# --- Applying ------------------------------------------------------------------------------------


def enrollment_apply(
    *,
    course: Course,
    applicant,
    motivation: str,
    today: date | None = None,
    submitted_by: User | None = None,
) -> Enrollment:
    """Apply for a seat; enrolls at once while seats remain, otherwise joins the waitlist.

    For a course whose institution selects its trainees, the application waits for the
    institution's decision instead. ``submitted_by`` is a counsellor applying for her (her
    recorded proxy consent is needed; the application is labelled with the counsellor's name).
    """
    if submitted_by is not None:
        proxy_consent_check(profile=applicant)
    today = today or timezone.localdate()
    motivation = (motivation or "").strip()
    _check_motivation(motivation)
    _check_application_window(course, today)
    _check_eligibility(course, applicant, today)
    with transaction.atomic():
        course = _locked(course)
        enrollment = _fresh_application(course, applicant, motivation)
        enrollment.submitted_by = submitted_by
        if course.selection_mode == Course.SelectionMode.FIRST_COME:
            _seat_or_waitlist(course, enrollment)
        enrollment.save()
        _notify_application(enrollment)
    return enrollment


def _check_motivation(motivation: str) -> None:
    if not motivation:
        raise ValidationError(_("지원 동기를 간단히 적어 주세요."))
    if len(motivation) > MOTIVATION_MAX_LENGTH:
        raise ValidationError(
            _("지원 동기는 %(limit)d자 이내로 적어 주세요 (지금 %(length)d자).")
            % {"limit": MOTIVATION_MAX_LENGTH, "length": len(motivation)}
        )


def _check_application_window(course: Course, today: date) -> None:
    if course.applications_open_on and today < course.applications_open_on:
        raise ValidationError(
            _("접수 기간이 아닙니다. %(day)s부터 신청할 수 있습니다.")
            % {"day": course.applications_open_on}
        )
    last_day = course.last_application_day
    if last_day is None:
        raise ValidationError(
            _("이 과정의 접수 기간을 확인할 수 없습니다. 운영기관에 문의해 주세요.")
        )
    if today > last_day:
        raise ValidationError(_("접수가 마감되었습니다 (마감일 %(day)s).") % {"day": last_day})


def _check_eligibility(course: Course, applicant, today: date) -> None:
    verdict = selectors.course_eligibility(course, applicant, on=today)
    if verdict.outcome is Outcome.FAIL:
        raise ValidationError(
            [_("신청 자격이 되지 않습니다."), *render_all(verdict.reasons)], code="not_eligible"
        )
    if verdict.outcome is Outcome.NEEDS_INFO:
        raise ValidationError(
            [
                _("신청하려면 내 정보에서 다음 항목을 먼저 입력해 주세요."),
                *render_all(verdict.missing),
            ],
            code="needs_info",
        )


def _fresh_application(course: Course, applicant, motivation: str) -> Enrollment:
    """A new application row, or her withdrawn one reused (she goes to the end of the line)."""
    enrollment = Enrollment.objects.filter(course=course, applicant=applicant).first()
    if enrollment is None:
        return Enrollment(
            course=course, applicant=applicant, motivation=motivation, applied_at=timezone.now()
        )
    if enrollment.status != Enrollment.Status.WITHDRAWN:
        raise ValidationError(
            _("이미 이 과정에 신청하셨습니다 (현재 상태: %(status)s).")
            % {"status": enrollment.get_status_display()}
        )
    enrollment.status = Enrollment.Status.APPLIED
    enrollment.motivation = motivation
    enrollment.applied_at = timezone.now()
    enrollment.waitlisted_at = enrollment.decided_at = enrollment.enrolled_at = None
    enrollment.ended_at = None
    return enrollment


def _notify_application(enrollment: Enrollment) -> None:
    course = enrollment.course
    _notify(
        enrollment,
        "courses/email/application_result",
        {"course": course.title, "day": course.starts_on, "status": enrollment.status},
    )


# --- Selection by the institution ----------------------------------------------------------------


def enrollment_select(*, enrollment: Enrollment, actor: User) -> Enrollment:
    """The institution selects an applicant: enrolled while seats remain, else waitlisted."""
    with transaction.atomic():
        course = _locked(enrollment.course)
        enrollment = _reloaded(enrollment, course)
        _require_status(enrollment, [Enrollment.Status.APPLIED], _("선발"))
        _seat_or_waitlist(course, enrollment)
        enrollment.save()
        _notify_application(enrollment)
    return enrollment


def enrollment_reject(*, enrollment: Enrollment, actor: User) -> Enrollment:
    """The institution does not select an applicant (or someone waiting)."""
    with transaction.atomic():
        course = _locked(enrollment.course)
        enrollment = _reloaded(enrollment, course)
        allowed = [Enrollment.Status.APPLIED, Enrollment.Status.WAITLISTED]
        _require_status(enrollment, allowed, _("미선발 처리"))
        enrollment.status = Enrollment.Status.NOT_SELECTED
        enrollment.decided_at = timezone.now()
        enrollment.save()
        data_version_bump(COURSES)  # someone waiting may have left the line
        _notify(enrollment, "courses/email/not_selected", {"course": course.title})
    return enrollment


def _seat_or_waitlist(course: Course, enrollment: Enrollment) -> None:
    """Give her a seat if one is free (course row locked by the caller), else a place in line."""
    now = timezone.now()
    enrollment.decided_at = now
    if course.enrolled_count < course.seats:
        _take_seat(course)
        enrollment.status = Enrollment.Status.ENROLLED
        enrollment.enrolled_at = now
    else:
        enrollment.status = Enrollment.Status.WAITLISTED
        enrollment.waitlisted_at = now
        data_version_bump(COURSES)  # the catalogue shows how many wait


# --- Leaving: withdrawal and drop, with automatic promotion --------------------------------------


def enrollment_withdraw(*, enrollment: Enrollment, today: date | None = None) -> Enrollment:
    """She withdraws her application; a seat she held goes to the first person waiting."""
    today = today or timezone.localdate()
    with transaction.atomic():
        course = _locked(enrollment.course)
        enrollment = _reloaded(enrollment, course)
        _require_status(enrollment, list(Enrollment.OPEN), _("신청 취소"))
        if today > course.ends_on:
            raise ValidationError(_("이미 끝난 과정은 신청을 취소할 수 없습니다."))
        _leave(course, enrollment, Enrollment.Status.WITHDRAWN, today=today)
    return enrollment


def enrollment_drop(
    *, enrollment: Enrollment, actor: User, reason: str = "", today: date | None = None
) -> Enrollment:
    """The institution records that a trainee dropped out; her seat goes to the next in line."""
    today = today or timezone.localdate()
    with transaction.atomic():
        course = _locked(enrollment.course)
        enrollment = _reloaded(enrollment, course)
        _require_status(enrollment, [Enrollment.Status.ENROLLED], _("중도 탈락 처리"))
        enrollment.note = reason.strip()[:300]
        _leave(course, enrollment, Enrollment.Status.DROPPED, today=today)
    return enrollment


def _leave(course: Course, enrollment: Enrollment, status: str, *, today: date) -> None:
    held_a_seat = enrollment.status == Enrollment.Status.ENROLLED
    enrollment.status = status
    enrollment.ended_at = timezone.now()
    enrollment.save()
    data_version_bump(COURSES)  # one fewer waiting or enrolled
    if held_a_seat:
        _free_seat(course)
        waitlist_promote(course=course, today=today)


def waitlist_promote(*, course: Course, today: date) -> list[Enrollment]:
    """Fill free seats from the waitlist, first in line first (course row locked by caller)."""
    if course.ends_on < today:
        return []
    free = course.seats - course.enrolled_count
    promoted = list(selectors.waitlist(course)[: max(free, 0)])
    for enrollment in promoted:
        _take_seat(course)
        enrollment.status = Enrollment.Status.ENROLLED
        enrollment.enrolled_at = enrollment.decided_at = timezone.now()
        enrollment.save(update_fields=["status", "enrolled_at", "decided_at"])
        _notify(
            enrollment,
            "courses/email/waitlist_promoted",
            {"course": course.title, "day": course.starts_on},
        )
    return promoted


def course_save(*, course: Course, changed_fields: list[str], today: date | None = None) -> Course:
    """Save staff edits of a course; more seats are filled from the waitlist at once.

    The seat counter is never written from the edit form, so a concurrent enrollment is not lost.
    """
    today = today or timezone.localdate()
    if course.pk is None:
        course.full_clean()
        course.save()
        data_version_bump(COURSES)
        return course
    with transaction.atomic():
        current = _locked(course)
        if course.seats < current.enrolled_count:
            raise ValidationError(
                _("이미 선발된 인원(%(count)d명)보다 정원을 줄일 수 없습니다.")
                % {"count": current.enrolled_count}
            )
        course.enrolled_count = current.enrolled_count
        fields = [name for name in changed_fields if name != "enrolled_count"]
        course.save(update_fields=fields or None)
        data_version_bump(COURSES)
        waitlist_promote(course=course, today=today)
    return course


# --- Attendance and completion -------------------------------------------------------------------


def attendance_record(
    *,
    session: Session,
    marks: Mapping[int, str],
    actor: User,
    reason: str = "",
    today: date | None = None,
) -> int:
    """Record (or correct) the attendance of many trainees at one session; returns how many.

    Changing a mark already recorded (by staff or by her QR check-in) is a correction: it
    needs ``reason``, which the row's change history keeps with who made it.
    """
    today = today or timezone.localdate()
    reason = (reason or "").strip()
    if session.held_on > today:
        raise ValidationError(_("아직 열리지 않은 수업의 출결은 기록할 수 없습니다."))
    known = set(Attendance.Status.values)
    if any(status not in known for status in marks.values()):
        raise ValidationError(_("출결은 출석·지각·조퇴·공결·결석 중에서 골라 주세요."))
    trainees = set(selectors.trainees_of_session(session).values_list("pk", flat=True))
    strangers = set(marks) - trainees
    if strangers:
        raise ValidationError(_("이 과정의 수강생이 아닌 사람이 포함되어 있습니다."))
    _check_reason_length(reason)
    with transaction.atomic():
        existing = {
            row.enrollment_id: row
            for row in Attendance.objects.select_for_update().filter(
                session=session, enrollment_id__in=list(marks)
            )
        }
        changed = [
            pk for pk, status in marks.items() if pk in existing and existing[pk].status != status
        ]
        if changed and not reason:
            raise ValidationError(
                _("이미 기록된 출결 %(count)d건을 바꾸려면 정정 사유를 적어 주세요.")
                % {"count": len(changed)}
            )
        for pk, status in marks.items():
            row = existing.get(pk)
            if row is None:
                row = Attendance(session=session, enrollment_id=pk, source=Attendance.Source.STAFF)
            elif row.status == status:
                continue
            else:
                row.correction_reason = reason
            row.status = status
            _save_attendance(row, actor=actor, reason=reason)
    return len(marks)


def attendance_correct(
    *, attendance: Attendance, status: str, reason: str, actor: User
) -> Attendance:
    """Staff correct one trainee's mark; the reason is required and kept in the history."""
    reason = (reason or "").strip()
    if status not in Attendance.Status.values:
        raise ValidationError(_("출결은 출석·지각·조퇴·공결·결석 중에서 골라 주세요."))
    if not reason:
        raise ValidationError(_("출결을 정정하려면 정정 사유를 적어 주세요."))
    _check_reason_length(reason)
    with transaction.atomic():
        row = Attendance.objects.select_for_update().get(pk=attendance.pk)
        if row.status == status:
            raise ValidationError(
                _("출결이 이미 %(status)s입니다. 바꿀 출결을 골라 주세요.")
                % {"status": row.get_status_display()}
            )
        row.status = status
        row.correction_reason = reason
        _save_attendance(row, actor=actor, reason=reason)
    return row


def _check_reason_length(reason: str) -> None:
    if len(reason) > 300:
        raise ValidationError(_("정정 사유는 300자 이내로 적어 주세요."))


def _save_attendance(row: Attendance, *, actor: User | None, reason: str = "") -> None:
    """Save one mark with who made it and why, for its change history."""
    row.recorded_by = actor
    row._history_user = actor
    row._change_reason = reason
    row.save()


# --- QR check-in and check-out -------------------------------------------------------------------


def attendance_check_in(*, token: str, applicant, now: datetime | None = None) -> Attendance:
    """She scanned the day's code of her session: her check-in, on time or late."""
    now = now or timezone.now()
    session, enrollment = _scanned(token, applicant, now)
    with transaction.atomic():
        Enrollment.objects.select_for_update().filter(pk=enrollment.pk).get()
        row = Attendance.objects.filter(session=session, enrollment=enrollment).first()
        if row is not None and row.checked_in_at is not None:
            raise ValidationError(
                _("이미 %(time)s에 입실했습니다. 수업이 끝나면 같은 QR 코드로 퇴실해 주세요.")
                % {"time": _clock(row.checked_in_at)}
            )
        if row is not None:
            raise ValidationError(
                _(
                    "담당자가 이 수업의 출결을 이미 %(status)s(으)로 기록했습니다. "
                    "바꿔야 하면 운영기관 담당자에게 말씀해 주세요."
                )
                % {"status": row.get_status_display()}
            )
        if now >= session_end(session):
            raise ValidationError(
                _("수업이 %(time)s에 끝나 입실할 수 없습니다. 운영기관 담당자에게 말씀해 주세요.")
                % {"time": session.ends_at.strftime("%H:%M")}
            )
        row = Attendance(
            session=session,
            enrollment=enrollment,
            source=Attendance.Source.QR,
            checked_in_at=now,
            status=derived_status(session, checked_in_at=now, checked_out_at=None, closed=False),
        )
        _save_attendance(row, actor=applicant.user)
    return row


def attendance_check_out(*, token: str, applicant, now: datetime | None = None) -> Attendance:
    """She scanned the code again when leaving: her check-out, at the end or early."""
    now = now or timezone.now()
    session, enrollment = _scanned(token, applicant, now)
    with transaction.atomic():
        row = (
            Attendance.objects.select_for_update()
            .filter(session=session, enrollment=enrollment)
            .first()
        )
        if row is None or row.checked_in_at is None:
            raise ValidationError(
                _("입실 기록이 없어 퇴실할 수 없습니다. 먼저 「입실」을 눌러 주세요.")
            )
        if row.checked_out_at is not None:
            raise ValidationError(
                _("이미 %(time)s에 퇴실했습니다.") % {"time": _clock(row.checked_out_at)}
            )
        row.checked_out_at = now
        row.status = derived_status(
            session, checked_in_at=row.checked_in_at, checked_out_at=now, closed=False
        )
        _save_attendance(row, actor=applicant.user)
    return row


def _scanned(token: str, applicant, now: datetime) -> tuple[Session, Enrollment]:
    """The session of a genuine code of today and her seat in its course, or why not."""
    scan = selectors.attendance_scan(token, applicant, now=now)
    if scan.errors:
        raise ValidationError(scan.errors, code="qr_refused")
    return scan.session, scan.enrollment


def _clock(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%H:%M")


def session_attendance_close(*, session: Session, now: datetime | None = None) -> dict:
    """After a session: trainees who never checked in are absent, and a check-in without a
    check-out counts as leaving early. Running it again changes nothing."""
    now = now or timezone.now()
    if now < session_end(session):
        raise ValidationError(
            _("수업이 끝난 뒤(%(day)s %(time)s 이후)에 출결을 마감할 수 있습니다.")
            % {"day": session.held_on.isoformat(), "time": session.ends_at.strftime("%H:%M")}
        )
    closed = {"absent": 0, "early_leave": 0}
    with transaction.atomic():
        rows = {
            row.enrollment_id: row
            for row in Attendance.objects.select_for_update().filter(session=session)
        }
        for trainee in selectors.trainees_of_session(session).filter(
            status=Enrollment.Status.ENROLLED
        ):
            row = rows.get(trainee.pk)
            if row is None:
                row = Attendance(
                    session=session,
                    enrollment=trainee,
                    source=Attendance.Source.SYSTEM,
                    status=Attendance.Status.ABSENT,
                )
                _save_attendance(row, actor=None, reason=_("수업 종료: 입실 기록 없음"))
                closed["absent"] += 1
            elif row.source == Attendance.Source.QR and row.checked_out_at is None:
                status = derived_status(
                    session, checked_in_at=row.checked_in_at, checked_out_at=None, closed=True
                )
                if status != row.status:
                    row.status = status
                    _save_attendance(row, actor=None, reason=_("수업 종료: 퇴실 기록 없음"))
                    closed["early_leave"] += 1
    return closed


def sessions_attendance_close(*, day: date, now: datetime | None = None) -> int:
    """Close every session of ``day`` that has ended (the nightly task)."""
    now = now or timezone.now()
    count = 0
    for session in Session.objects.filter(held_on=day).order_by("pk"):
        if now >= session_end(session):
            session_attendance_close(session=session, now=now)
            count += 1
    return count


def enrollment_complete(
    *, enrollment: Enrollment, actor: User, on: date | None = None
) -> Enrollment:
    """Record completion when her attendance meets the course's minimum rate.

    Completion unlocks the internship track linked to the course (the screening reads completed
    enrollments) and schedules the follow-ups at 1, 3, 6 and 12 months.
    """
    on = on or timezone.localdate()
    with transaction.atomic():
        course = _locked(enrollment.course)
        enrollment = _reloaded(enrollment, course)
        _require_status(enrollment, [Enrollment.Status.ENROLLED], _("수료 처리"))
        _require_course_ended(course, on)
        attended, held = _attendance_of(enrollment, on)
        if not selectors.meets_attendance(attended, held, course.min_attendance_rate):
            raise ValidationError(
                _("출석률 %(rate)s%%(%(attended)d/%(held)d회)로 수료 기준 %(minimum)d%%에 "
                  "미달하여 수료 처리할 수 없습니다.")
                % {
                    "rate": selectors.percentage(attended, held) or 0,
                    "attended": attended,
                    "held": held,
                    "minimum": course.min_attendance_rate,
                }
            )  # fmt: skip
        enrollment.status = Enrollment.Status.COMPLETED
        enrollment.completed_on = on
        enrollment.save(update_fields=["status", "completed_on"])
        _schedule_follow_ups(enrollment, on)
        _notify_completion(enrollment)
    return enrollment


def enrollment_fail(*, enrollment: Enrollment, actor: User, on: date | None = None) -> Enrollment:
    """Record that a trainee did not complete the course (미수료)."""
    on = on or timezone.localdate()
    with transaction.atomic():
        course = _locked(enrollment.course)
        enrollment = _reloaded(enrollment, course)
        _require_status(enrollment, [Enrollment.Status.ENROLLED], _("미수료 처리"))
        _require_course_ended(course, on)
        enrollment.status = Enrollment.Status.NOT_COMPLETED
        enrollment.save(update_fields=["status"])
    return enrollment


def course_completion_decide(*, course: Course, actor: User, on: date | None = None) -> dict:
    """Decide every trainee still enrolled: completed if attendance meets the minimum, else not."""
    on = on or timezone.localdate()
    _require_course_ended(course, on)
    decided = {"completed": 0, "not_completed": 0}
    enrolled = Enrollment.objects.filter(course=course, status=Enrollment.Status.ENROLLED)
    for enrollment in enrolled.annotate(**selectors.attendance_annotations(on=on)):
        passes = selectors.meets_attendance(
            enrollment.sessions_attended, enrollment.sessions_held, course.min_attendance_rate
        )
        if passes:
            enrollment_complete(enrollment=enrollment, actor=actor, on=on)
            decided["completed"] += 1
        else:
            enrollment_fail(enrollment=enrollment, actor=actor, on=on)
            decided["not_completed"] += 1
    return decided


def _require_course_ended(course: Course, on: date) -> None:
    if on < course.ends_on:
        raise ValidationError(
            _("수료 여부는 종강일(%(day)s) 이후에 판정할 수 있습니다.") % {"day": course.ends_on}
        )


def _attendance_of(enrollment: Enrollment, on: date) -> tuple[int, int]:
    row = (
        Enrollment.objects.filter(pk=enrollment.pk)
        .annotate(**selectors.attendance_annotations(on=on))
        .values_list("sessions_attended", "sessions_held")
        .get()
    )
    return row[0], row[1]


def _schedule_follow_ups(enrollment: Enrollment, completed_on: date) -> None:
    FollowUp.objects.bulk_create(
        [
            FollowUp(
                enrollment=enrollment,
                months_after=months,
                due_on=add_months(completed_on, months),
            )
            for months in FollowUp.MONTHS
        ],
        ignore_conflicts=True,
    )


def _notify_completion(enrollment: Enrollment) -> None:
    course = enrollment.course
    program = course.unlocks_program.name if course.unlocks_program_id else ""
    _notify(enrollment, "courses/email/completed", {"course": course.title, "program": program})


# --- Certificates and follow-ups -----------------------------------------------------------------


def certificate_record(
    *, enrollment: Enrollment, name: str, obtained_on: date, actor: User
) -> CourseCertificate:
    """Record a certificate a trainee obtained after completing the course."""
    name = (name or "").strip()
    certificate_validate(enrollment=enrollment, name=name, obtained_on=obtained_on)
    return CourseCertificate.objects.create(
        enrollment=enrollment, name=name, obtained_on=obtained_on, recorded_by=actor
    )


def certificate_validate(*, enrollment: Enrollment, name: str, obtained_on: date) -> None:
    """The checks of :func:`certificate_record`, also run by the admin form."""
    if not name.strip():
        raise ValidationError(_("자격증 이름을 입력해 주세요."))
    if enrollment.status != Enrollment.Status.COMPLETED:
        raise ValidationError(_("수료한 수강생의 자격증만 기록할 수 있습니다."))
    if obtained_on > timezone.localdate():
        raise ValidationError(_("취득일은 오늘이나 그 이전이어야 합니다."))
    if CourseCertificate.objects.filter(enrollment=enrollment, name=name.strip()).exists():
        raise ValidationError(_("이 수강생의 같은 자격증이 이미 기록되어 있습니다."))


def follow_up_record(
    *,
    follow_up: FollowUp,
    outcome: str,
    employer: str = "",
    contract_type: str = "",
    actor: User,
    on: date | None = None,
) -> FollowUp:
    """Record where a trainee stands at a follow-up milestone."""
    on = on or timezone.localdate()
    employer = (employer or "").strip()
    follow_up_validate(outcome=outcome, employer=employer, contract_type=contract_type)
    if outcome == FollowUp.Outcome.JOB_SEEKING:
        employer, contract_type = "", ""
    follow_up.outcome = outcome
    follow_up.employer = employer
    follow_up.contract_type = contract_type
    follow_up.recorded_on = on
    follow_up.recorded_by = actor
    follow_up.save(
        update_fields=["outcome", "employer", "contract_type", "recorded_on", "recorded_by"]
    )
    return follow_up


def follow_up_validate(*, outcome: str, employer: str, contract_type: str) -> None:
    """The checks of :func:`follow_up_record`, also run by the admin form."""
    if outcome not in FollowUp.Outcome.values:
        raise ValidationError(_("취업·창업·구직 중 가운데 하나를 골라 주세요."))
    if outcome == FollowUp.Outcome.EMPLOYED and not (employer.strip() and contract_type):
        raise ValidationError(_("취업한 경우 취업처와 고용 형태를 입력해 주세요."))
    if contract_type and contract_type not in FollowUp.ContractType.values:
        raise ValidationError(_("고용 형태를 목록에서 골라 주세요."))


def follow_up_reminders_queue(*, today: date | None = None) -> int:
    """Queue one reminder per due follow-up to each staff member of its institution.

    Idempotent: each (follow-up, staff member) reminder has its own dedupe key.
    """
    today = today or timezone.localdate()
    due = selectors.follow_ups_due(on=today, lead_days=FOLLOW_UP_LEAD_DAYS)
    due = due.prefetch_related("enrollment__course__institution__staff")
    queued = 0
    for follow_up in due:
        for staff in follow_up.enrollment.course.institution.staff.all():
            _remind(follow_up, staff)
            queued += 1
    return queued


def _remind(follow_up: FollowUp, staff: User) -> None:
    enrollment = follow_up.enrollment
    notification_queue_for_user(
        user=staff,
        template="courses/email/follow_up_reminder",
        context={
            "course": enrollment.course.title,
            "name": str(enrollment.applicant),
            "months": follow_up.months_after,
            "day": follow_up.due_on,
        },
        dedupe_key=f"courses:follow-up:{follow_up.pk}:staff:{staff.pk}",
    )


# --- Institution staff ---------------------------------------------------------------------------


def institution_staff_add(*, institution: Institution, user: User) -> User:
    """Make a user staff of an institution: admin access, the staff group, scoped to it."""
    with transaction.atomic():
        if user.account_type != User.AccountType.CITY_STAFF:
            user.account_type = User.AccountType.INSTITUTION
        user.is_staff = True
        user.save(update_fields=["account_type", "is_staff"])
        group, _created = Group.objects.get_or_create(name=INSTITUTION_STAFF_GROUP)
        user.groups.add(group)
        institution.staff.add(user)
    return user


# --- Counselling: counsellors and their clients ---------------------------------------------------

CLAIM_LINK_DAYS = 14


def counsellor_add(*, centre: Institution, user: User) -> User:
    """Make a user a counsellor of a job centre: site pages for her centre's clients only
    (no admin access), in the counsellor group."""
    if centre.kind != Institution.Kind.JOB_CENTRE:
        raise ValidationError(_("상담사는 여성새로일하기센터에만 둘 수 있습니다."))
    if user.account_type not in (User.AccountType.INSTITUTION, User.AccountType.APPLICANT):
        raise ValidationError(_("참여기업·시 담당자 계정은 상담사가 될 수 없습니다."))
    with transaction.atomic():
        user.account_type = User.AccountType.INSTITUTION
        user.save(update_fields=["account_type"])
        group, _created = Group.objects.get_or_create(name=COUNSELLOR_GROUP)
        user.groups.add(group)
        centre.staff.add(user)
    return user


def _counsellor_check(centre: Institution, counsellor: User) -> None:
    if not selectors.centres_for_counsellor(counsellor).filter(pk=centre.pk).exists():
        raise ValidationError(_("이 센터의 상담사만 할 수 있습니다."))


UNCLAIMED_EMAIL_DOMAIN = "unclaimed.invalid"  # RFC 2606: an account invited by phone only


def client_invite(
    *,
    centre: Institution,
    counsellor: User,
    name: str,
    email: str = "",
    phone: str = "",
    site_url: str,
) -> CounsellingClient | ClientRequest:
    """Register a woman by e-mail and/or mobile number. When the address or the number already
    belongs to her account, no second account is made: she gets the centre's request instead
    (``client_request_send``); otherwise her account is created for her to claim
    (``client_create``)."""
    _counsellor_check(centre, counsellor)
    email, phone = _contact_normalized(email, phone)
    existing = _existing_account(email, phone)
    if existing is None:
        return client_create(
            centre=centre,
            counsellor=counsellor,
            name=name,
            email=email,
            phone=phone,
            site_url=site_url,
        )
    return client_request_send(
        centre=centre,
        counsellor=counsellor,
        user=existing,
        name=name,
        contact=email or phones.national(phone),
    )


def _contact_normalized(email: str, phone: str) -> tuple[str, str]:
    email = User.objects.normalize_email((email or "").strip()).lower()
    phone = phone_normalize(phone) if (phone or "").strip() else ""
    if not email and not phone:
        raise ValidationError(
            _("본인의 이메일 주소나 휴대전화 번호 중 하나는 입력해 주세요."), code="email"
        )
    return email, phone


def _existing_account(email: str, phone: str) -> User | None:
    """The account the e-mail (else the number) belongs to; a number on several accounts, or
    one on another account than the e-mail's, is refused."""
    if email:
        by_email = User.objects.filter(email__iexact=email).first()
        if by_email is not None:
            return by_email
    if not phone:
        return None
    by_phone = list(
        User.objects.filter(
            Q(applicant_profile__phone=phone) | Q(notification_phone=phone), is_active=True
        ).distinct()[:2]
    )
    if len(by_phone) > 1:
        raise ValidationError(
            _(
                "이 휴대전화 번호로 가입된 계정이 여러 개입니다. 본인의 이메일 주소를 입력해 "
                "주세요."
            ),
            code="phone",
        )
    if by_phone and email:
        raise ValidationError(
            _(
                "휴대전화 %(phone)s 은(는) 다른 이메일로 가입된 계정의 번호입니다. 이메일 칸을 "
                "비우면 그 계정에 상담 참여 요청을 보냅니다."
            )
            % {"phone": phones.national(phone)},
            code="phone",
        )
    return by_phone[0] if by_phone else None


def client_create(
    *,
    centre: Institution,
    counsellor: User,
    name: str,
    email: str = "",
    phone: str = "",
    site_url: str,
) -> CounsellingClient:
    """Create a woman's account (without a password) and profile for her to claim: the claim
    link goes by SMS to her mobile number when one is given and the portal sends text messages,
    else to her e-mail. An account invited by phone only has a placeholder ``.invalid``
    address until she gives hers when she claims it."""
    _counsellor_check(centre, counsellor)
    email, phone = _contact_normalized(email, phone)
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("이름을 입력해 주세요."), code="name")
    by_sms = bool(phone) and "sms" in sms.sms_channels()
    if not email and not by_sms:
        raise ValidationError(
            _(
                "이 포털은 문자를 보내지 않아 휴대전화로는 초대할 수 없습니다. 본인의 이메일 "
                "주소를 입력해 주세요."
            ),
            code="email",
        )
    if _existing_account(email, phone) is not None:
        raise ValidationError(
            _("이미 가입된 계정입니다. 새 계정을 만들지 않고 상담 참여 요청을 보내 주세요."),
            code="email_taken",
        )
    with transaction.atomic():
        login_email = email or f"unclaimed-{secrets.token_hex(8)}@{UNCLAIMED_EMAIL_DOMAIN}"
        user = User(email=login_email, account_type=User.AccountType.APPLICANT)
        user.set_unusable_password()
        user.save()
        if email:
            EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)
        profile = ApplicantProfile.objects.create(user=user, name=name, phone=phone)
        client = CounsellingClient.objects.create(
            centre=centre,
            profile=profile,
            created_by=counsellor,
            claim_email=email,
            claim_phone=phone if by_sms else "",
        )
        _claim_link_send(client, counsellor, site_url)
    return client


def client_claim_resend(
    *, client: CounsellingClient, counsellor: User, site_url: str
) -> CounsellingClient:
    """A new claim link (the old one stops working); by SMS it goes to her number on her
    profile now, so a number the counsellor corrected gets it."""
    _counsellor_check(client.centre, counsellor)
    with transaction.atomic():
        client = CounsellingClient.objects.select_for_update().get(pk=client.pk)
        if client.claimed_at is not None:
            raise ValidationError(_("본인이 이미 계정을 연결했습니다."))
        if client.claim_phone:
            current = phones.e164(client.profile.phone)
            if not current:
                raise ValidationError(
                    _(
                        "프로필에 휴대전화 번호가 없어 문자를 보낼 수 없습니다. 번호를 "
                        "입력해 주세요."
                    )
                )
            client.claim_phone = current
            client.save(update_fields=["claim_phone"])
        _claim_link_send(client, counsellor, site_url)
    return client


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _claim_link_send(client: CounsellingClient, counsellor: User, site_url: str) -> None:
    token = secrets.token_urlsafe(32)
    client.claim_token_hash = _token_hash(token)
    client.claim_expires_at = timezone.now() + timedelta(days=CLAIM_LINK_DAYS)
    client.save(update_fields=["claim_token_hash", "claim_expires_at"])
    link = site_url.rstrip("/") + reverse("courses:client-claim", args=[token])
    notification_queue(
        to_email="" if client.claim_phone else client.claim_email,
        to_phone=client.claim_phone,
        template="courses/email/client_claim",
        context={
            "centre": client.centre.name,
            "link": link,
            "expires": timezone.localdate(client.claim_expires_at).isoformat(),
        },
        recipient=client.profile.user,
        dedupe_key=f"courses:client-claim:{client.claim_token_hash}",
    )


def client_for_claim(token: str) -> CounsellingClient | None:
    """The client whose live claim link this is (unused, not expired), else None."""
    if not token:
        return None
    return (
        CounsellingClient.objects.select_related("centre", "profile__user")
        .filter(
            claim_token_hash=_token_hash(token),
            claimed_at__isnull=True,
            claim_expires_at__gt=timezone.now(),
        )
        .first()
    )


def client_claim(*, token: str, password: str, email: str = "") -> User:
    """She claims the account a counsellor made for her and sets her password; the link is then
    used up. A link sent by e-mail is bound to that address, which it proves. A link sent by SMS
    is bound to that number (her profile's number must still be it) and proves only the
    number: she gives the e-mail she logs in with, which allauth then confirms."""
    with transaction.atomic():
        client = client_for_claim(token)
        if client is None:
            raise ValidationError(
                _(
                    "연결 링크가 만료되었거나 이미 사용되었습니다. "
                    "상담사에게 새 링크를 요청해 주세요."
                )
            )
        client = CounsellingClient.objects.select_for_update().get(pk=client.pk)
        user = client.profile.user
        if client.claimed_at is not None or not _claim_still_bound(client, user):
            raise ValidationError(
                _("이 링크로는 계정을 연결할 수 없습니다. 상담사에게 문의해 주세요.")
            )
        validate_password(password, user)
        if client.claim_phone:
            _login_email_set(user, email)
        else:
            EmailAddress.objects.filter(user=user, email__iexact=client.claim_email).update(
                verified=True
            )
        user.set_password(password)
        user.save(update_fields=["password", "email"])
        client.claimed_at = timezone.now()
        client.claim_token_hash = ""
        client.save(update_fields=["claimed_at", "claim_token_hash"])
    return user


def _claim_still_bound(client: CounsellingClient, user: User) -> bool:
    if client.claim_phone:
        return phones.e164(client.profile.phone) == client.claim_phone
    return user.email.lower() == client.claim_email.lower()


def _login_email_set(user: User, email: str) -> None:
    """The e-mail she gives when claiming by phone: hers to log in with, not yet confirmed."""
    email = User.objects.normalize_email((email or "").strip()).lower()
    if not email:
        raise ValidationError(_("로그인에 쓸 이메일 주소를 입력해 주세요."), code="email")
    validate_email(email)
    taken = User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists()
    taken = taken or EmailAddress.objects.filter(email__iexact=email).exclude(user=user).exists()
    if taken:
        raise ValidationError(
            _(
                "이미 다른 계정에서 쓰는 이메일입니다. 다른 이메일을 입력하거나, 그 계정으로 "
                "로그인한 뒤 상담사에게 그 계정으로 상담 참여 요청을 보내 달라고 해 주세요."
            ),
            code="email",
        )
    user.email = email
    EmailAddress.objects.filter(user=user).delete()
    EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)


# --- Counselling: a woman who already has an account ---------------------------------------------


def client_request_send(
    *, centre: Institution, counsellor: User, user: User, name: str, contact: str
) -> ClientRequest:
    """Ask a woman with an account to become a client of the centre. Nothing of her data is
    shown to the centre until she accepts; she is told by e-mail (and SMS if she chose it)."""
    _counsellor_check(centre, counsellor)
    if user.account_type != User.AccountType.APPLICANT or not user.is_active:
        raise ValidationError(
            _("%(contact)s 은(는) 참여자 계정이 아니어서 상담 참여자로 등록할 수 없습니다.")
            % {"contact": contact},
            code="email",
        )
    if CounsellingClient.objects.filter(centre=centre, profile__user=user).exists():
        raise ValidationError(
            _("%(contact)s 은(는) 이미 이 센터의 상담 참여자입니다.") % {"contact": contact},
            code="email",
        )
    centre_request = ClientRequest(
        centre=centre,
        user=user,
        contact=contact,
        name=(name or "").strip()[: ClientRequest._meta.get_field("name").max_length],
        requested_by=counsellor,
    )
    centre_request.full_clean()
    with transaction.atomic():
        centre_request.save()
        notification_queue_for_user(
            user=user,
            template="courses/email/client_request",
            context={"centre": centre.name},
            dedupe_key=f"courses:client-centre_request:{centre_request.pk}",
        )
    return centre_request


def client_request_accept(*, centre_request: ClientRequest, user: User) -> CounsellingClient:
    """She accepts: she becomes a client of the centre (her account is already hers)."""
    with transaction.atomic():
        centre_request = _pending_request(centre_request, user)
        profile = profile_ensure(user=user)
        client, _created = CounsellingClient.objects.get_or_create(
            centre=centre_request.centre,
            profile=profile,
            defaults={"created_by": centre_request.requested_by, "claimed_at": timezone.now()},
        )
        _request_answer(centre_request, ClientRequest.Status.ACCEPTED)
    return client


def client_request_decline(*, centre_request: ClientRequest, user: User) -> ClientRequest:
    """She declines: the centre gets no access; its counsellors see that she declined."""
    with transaction.atomic():
        centre_request = _pending_request(centre_request, user)
        _request_answer(centre_request, ClientRequest.Status.DECLINED)
    return centre_request


def _pending_request(centre_request: ClientRequest, user: User) -> ClientRequest:
    centre_request = (
        ClientRequest.objects.select_for_update(of=("self",))
        .select_related("centre")
        .get(pk=centre_request.pk, user=user)
    )
    if centre_request.status != ClientRequest.Status.PENDING:
        raise ValidationError(_("이미 답한 요청입니다."))
    return centre_request


def _request_answer(centre_request: ClientRequest, status: str) -> None:
    centre_request.status, centre_request.answered_at = status, timezone.now()
    centre_request.save(update_fields=["status", "answered_at"])


# --- Counselling: sessions, sign-ups, notes, outcomes ---------------------------------------------


def counselling_session_create(
    *,
    centre: Institution,
    counsellor: User,
    kind: str,
    title: str,
    starts_at,
    ends_at,
    place: str,
    capacity: int,
) -> CounsellingSession:
    """A 1:1 session (one seat) or a group programme of the centre."""
    _counsellor_check(centre, counsellor)
    if kind == CounsellingSession.Kind.INDIVIDUAL:
        capacity = 1
    session = CounsellingSession(
        centre=centre,
        counsellor=counsellor,
        kind=kind,
        title=(title or "").strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        place=(place or "").strip(),
        capacity=capacity,
    )
    session.full_clean()
    session.save()
    return session


def counselling_sign_up(
    *, session: CounsellingSession, client: CounsellingClient, actor: User
) -> CounsellingSignUp:
    """Give her a seat in the session while seats remain. The session row is locked first, so
    concurrent sign-ups are served one at a time and never exceed the capacity."""
    if session.centre_id != client.centre_id:
        raise ValidationError(_("다른 센터의 상담 일정에는 신청할 수 없습니다."))
    on_behalf = actor if actor.pk != client.profile.user_id else None
    with transaction.atomic():
        session = CounsellingSession.objects.select_for_update(no_key=True).get(pk=session.pk)
        if session.ends_at <= timezone.now():
            raise ValidationError(_("이미 끝난 상담 일정입니다."))
        if session.sign_ups.filter(client=client, cancelled_at__isnull=True).exists():
            raise ValidationError(_("이미 이 상담 일정에 신청되어 있습니다."))
        if session.signed_up_count >= session.capacity:
            raise ValidationError(
                _("정원(%(capacity)d명)이 찼습니다. 다른 일정을 골라 주세요.")
                % {"capacity": session.capacity}
            )
        CounsellingSession.objects.filter(pk=session.pk).update(
            signed_up_count=F("signed_up_count") + 1
        )
        return CounsellingSignUp.objects.create(
            session=session, client=client, submitted_by=on_behalf
        )


def counselling_sign_up_cancel(*, sign_up: CounsellingSignUp) -> CounsellingSignUp:
    """Cancel a seat; it is free again at once."""
    with transaction.atomic():
        CounsellingSession.objects.select_for_update(no_key=True).get(pk=sign_up.session_id)
        sign_up = CounsellingSignUp.objects.select_for_update().get(pk=sign_up.pk)
        if sign_up.cancelled_at is not None:
            return sign_up
        sign_up.cancelled_at = timezone.now()
        sign_up.save(update_fields=["cancelled_at"])
        CounsellingSession.objects.filter(pk=sign_up.session_id).update(
            signed_up_count=F("signed_up_count") - 1
        )
    return sign_up


NOTE_MAX_LENGTH = 5000


def counselling_note_add(*, client: CounsellingClient, author: User, body: str) -> CounsellingNote:
    _counsellor_check(client.centre, author)
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("상담 기록 내용을 적어 주세요."))
    if len(body) > NOTE_MAX_LENGTH:
        raise ValidationError(
            _("상담 기록은 %(limit)d자 이내로 적어 주세요.") % {"limit": NOTE_MAX_LENGTH}
        )
    return CounsellingNote.objects.create(client=client, author=author, body=body)


@transaction.atomic
def counselling_outcome_record(
    *, client: CounsellingClient, counsellor: User, kind: str, happened_on: date, detail: str = ""
) -> CounsellingOutcome:
    """Record where counselling led her (one row per kind; recording again updates it)."""
    _counsellor_check(client.centre, counsellor)
    if kind not in CounsellingOutcome.Kind.values:
        raise ValidationError(_("성과 종류를 골라 주세요."))
    outcome = CounsellingOutcome.objects.filter(client=client, kind=kind).first()
    outcome = outcome or CounsellingOutcome(client=client, kind=kind)
    outcome.happened_on = happened_on
    outcome.detail = (detail or "").strip()
    outcome.recorded_by = counsellor
    outcome.full_clean(validate_unique=False)
    outcome.save()
    if kind == CounsellingOutcome.Kind.EMPLOYED:
        _follow_ups_employed(outcome)
    return outcome


def _follow_ups_employed(outcome: CounsellingOutcome) -> int:
    """Her open follow-ups that have come due since she found work, recorded as employed from
    the counsellor's outcome (the employer from its detail); later milestones stay for staff."""
    today = timezone.localdate()
    return FollowUp.objects.filter(
        enrollment__applicant=outcome.client.profile,
        enrollment__status=Enrollment.Status.COMPLETED,
        outcome="",
        due_on__gte=outcome.happened_on,
        due_on__lte=today,
    ).update(
        outcome=FollowUp.Outcome.EMPLOYED,
        employer=outcome.detail[: FollowUp._meta.get_field("employer").max_length],
        recorded_on=today,
        recorded_by=outcome.recorded_by,
        counselling_outcome=outcome,
    )


# --- Helpers -------------------------------------------------------------------------------------


def _locked(course: Course) -> Course:
    """The course row, locked until the transaction ends (a no-op on SQLite)."""
    return Course.objects.select_for_update(no_key=True).get(pk=course.pk)


def _reloaded(enrollment: Enrollment, course: Course) -> Enrollment:
    fresh = Enrollment.objects.select_related("applicant__user").get(pk=enrollment.pk)
    fresh.course = course
    return fresh


def _require_status(enrollment: Enrollment, allowed: list[str], action: str) -> None:
    if enrollment.status not in allowed:
        raise ValidationError(
            _("현재 상태(%(status)s)에서는 %(action)s을(를) 할 수 없습니다.")
            % {"status": enrollment.get_status_display(), "action": action}
        )


def _take_seat(course: Course) -> None:
    Course.objects.filter(pk=course.pk).update(enrolled_count=F("enrolled_count") + 1)
    data_version_bump(COURSES)
    course.enrolled_count += 1


def _free_seat(course: Course) -> None:
    Course.objects.filter(pk=course.pk).update(enrolled_count=F("enrolled_count") - 1)
    data_version_bump(COURSES)
    course.enrolled_count -= 1


def _notify(enrollment: Enrollment, template: str, context: dict) -> None:
    notification_queue_for_user(user=enrollment.applicant.user, template=template, context=context)
