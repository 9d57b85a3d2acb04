"""The next step of a course enrollment, from its status (``applicants.next_steps``).

Reads only the enrollment, its course and institution (``selectors.enrollments_for_dashboard``
fetches them, with the place in line and attendance); every ``Enrollment.Status`` has a builder
in ``_BUILDERS``, so a new status fails loudly until it has its sentence.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applicants.next_steps import NextStep
from courses.models import Enrollment
from courses.selectors import percentage

Status = Enrollment.Status


def enrollment_next_step(enrollment: Enrollment, *, today: date | None = None) -> NextStep:
    """The builder registered for ``courses.Enrollment``."""
    today = today or timezone.localdate()
    return _BUILDERS[Status(enrollment.status)](enrollment, today)


def _course(enrollment: Enrollment) -> str:
    return reverse("courses:detail", args=[enrollment.course.code])


def _catalogue() -> str:
    return reverse("courses:catalogue")


def _applied(enrollment: Enrollment, today: date) -> NextStep:
    return NextStep(
        _(
            "신청을 받았습니다. %(institution)s이(가) 선발 결과를 "
            "정하면 메일과 이 화면으로 알려 드립니다 (개강 %(start)s)."
        )
        % {
            "institution": enrollment.course.institution.name,
            "start": f"{enrollment.course.starts_on:%Y-%m-%d}",
        },
        url=_course(enrollment),
        action=_("과정 보기"),
    )


def _waitlisted(enrollment: Enrollment, today: date) -> NextStep:
    position = getattr(enrollment, "waitlist_position", None)
    if position is None:
        text = _("대기 중입니다. 자리가 나면 순서대로 자동 선발되고 메일로 알려 드립니다.")
    else:
        text = _(
            "대기 %(position)d번입니다. 자리가 나면 순서대로 자동 선발되고 메일로 알려 드립니다."
        ) % {"position": position}
    return NextStep(text, url=_course(enrollment), action=_("과정 보기"))


def _enrolled(enrollment: Enrollment, today: date) -> NextStep:
    course = enrollment.course
    if today < course.starts_on:
        return NextStep(
            _("선발되었습니다. %(start)s에 개강합니다. 장소, 준비물을 확인해 주세요.")
            % {"start": f"{course.starts_on:%Y-%m-%d}"},
            url=_course(enrollment),
            action=_("과정 보기"),
        )
    rate = percentage(
        getattr(enrollment, "sessions_attended", 0), getattr(enrollment, "sessions_held", 0)
    )
    if rate is None:
        text = _("수강 중입니다. 출석률 %(min)d%% 이상이면 수료합니다.") % {
            "min": course.min_attendance_rate
        }
    else:
        text = _("수강 중입니다. 지금 출석률은 %(rate)s%%이고, %(min)d%% 이상이면 수료합니다.") % {
            "rate": rate,
            "min": course.min_attendance_rate,
        }
    return NextStep(text, url=_course(enrollment), action=_("과정 보기"))


def _withdrawn(enrollment: Enrollment, today: date) -> NextStep:
    return NextStep(
        _("취소한 신청입니다. 접수 기간 안에는 다시 신청할 수 있습니다."),
        url=_course(enrollment),
        action=_("과정 보기"),
        applied=False,
    )


def _dropped(enrollment: Enrollment, today: date) -> NextStep:
    return NextStep(
        _("중도 탈락으로 처리되었습니다. 궁금한 점은 %(institution)s에 문의해 주세요.")
        % {"institution": enrollment.course.institution.name},
        url=_catalogue(),
        action=_("다른 교육과정 찾기"),
    )


def _completed(enrollment: Enrollment, today: date) -> NextStep:
    if enrollment.course.unlocks_program_id:
        return NextStep(
            _("수료했습니다. 이 과정을 수료해야 지원할 수 있는 인턴십 직무에 지원할 수 있습니다."),
            url=reverse("matching:role-list"),
            action=_("인턴십 직무 둘러보기"),
        )
    return NextStep(
        _("수료했습니다. 1년 동안 취업 여부를 묻는 사후관리 안내를 메일로 보내 드립니다."),
        url=reverse("matching:role-list"),
        action=_("인턴십 직무 둘러보기"),
    )


def _not_completed(enrollment: Enrollment, today: date) -> NextStep:
    return NextStep(
        _(
            "수료 기준(출석률 %(min)d%%)에 미치지 못해 미수료로 "
            "처리되었습니다. 다른 과정에 다시 신청할 수 있습니다."
        )
        % {"min": enrollment.course.min_attendance_rate},
        url=_catalogue(),
        action=_("다른 교육과정 찾기"),
    )


def _not_selected(enrollment: Enrollment, today: date) -> NextStep:
    return NextStep(
        _("이번 과정에는 선발되지 않았습니다. 접수 중인 다른 과정을 찾아보세요."),
        url=_catalogue(),
        action=_("다른 교육과정 찾기"),
    )


_BUILDERS = {
    Status.APPLIED: _applied,
    Status.WAITLISTED: _waitlisted,
    Status.ENROLLED: _enrolled,
    Status.WITHDRAWN: _withdrawn,
    Status.DROPPED: _dropped,
    Status.COMPLETED: _completed,
    Status.NOT_COMPLETED: _not_completed,
    Status.NOT_SELECTED: _not_selected,
}
