"""QR attendance: the day's signed check-in code of a session, and what a check-in and a
check-out mean against the session's times.

The code is a ``django.core.signing.Signer`` signature (no timestamp: the same code all day)
of ``{"s": session id, "d": ISO date}`` with its own salt, so it cannot be made without the
secret key, and it names the day it was made for: a photo of yesterday's code is refused today.
The institution's QR page shows the code of today's date; a trainee's phone opens its URL
(``courses:attendance-check``).

Late, early leave and absence are derived, never typed: a check-in later than the start plus
``ATTENDANCE_GRACE_MINUTES`` is late, a check-out earlier than the end minus the same minutes is
an early leave, no check-in is an absence, and a check-in without a check-out is an early leave
once the session is closed (``courses.services.session_attendance_close``).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Attendance, Session

QR_SALT = "courses.attendance.qr"


class QrCodeRefused(Exception):
    """The scanned code cannot be used (forged, damaged or of another day); ``message`` says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class QrPayload:
    session_id: int
    day: date


def qr_token(session: Session, *, day: date) -> str:
    """The signed code of ``session`` for ``day`` (the same all day, another one the next)."""
    signer = signing.Signer(salt=QR_SALT)
    return signer.sign_object({"s": session.pk, "d": day.isoformat()}, compress=True)


def qr_url(session: Session, *, day: date) -> str:
    return reverse("courses:attendance-check", args=[qr_token(session, day=day)])


def qr_read(token: str, *, today: date) -> QrPayload:
    """The session a scanned code names, when it is genuine and made for ``today``."""
    try:
        data = signing.Signer(salt=QR_SALT).unsign_object(token)
        payload = QrPayload(session_id=int(data["s"]), day=date.fromisoformat(data["d"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise QrCodeRefused(
            _(
                "QR 코드가 올바르지 않습니다. 강의실에 표시된 오늘의 QR 코드를 "
                "휴대전화 카메라로 다시 찍어 주세요."
            )
        ) from None
    if payload.day != today:
        raise QrCodeRefused(
            _(
                "%(day)s의 QR 코드라 오늘은 쓸 수 없습니다. 강의실에 표시된 오늘의 QR 코드를 "
                "다시 찍어 주세요."
            )
            % {"day": payload.day.isoformat()}
        )
    return payload


def grace() -> timedelta:
    return timedelta(minutes=settings.ATTENDANCE_GRACE_MINUTES)


def session_start(session: Session) -> datetime:
    return timezone.make_aware(datetime.combine(session.held_on, session.starts_at))


def session_end(session: Session) -> datetime:
    return timezone.make_aware(datetime.combine(session.held_on, session.ends_at))


def derived_status(
    session: Session,
    *,
    checked_in_at: datetime | None,
    checked_out_at: datetime | None,
    closed: bool,
) -> str:
    """The mark her check-in and check-out give. Until the session is closed a missing
    check-out is not held against her; after, it counts as leaving early."""
    if checked_in_at is None:
        return Attendance.Status.ABSENT
    late = checked_in_at > session_start(session) + grace()
    left_early = checked_out_at is not None and checked_out_at < session_end(session) - grace()
    early = closed if checked_out_at is None else left_early
    if late and early:
        return Attendance.Status.LATE_EARLY_LEAVE
    if late:
        return Attendance.Status.LATE
    if early:
        return Attendance.Status.EARLY_LEAVE
    return Attendance.Status.PRESENT
