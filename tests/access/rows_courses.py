"""Access rows of the course pages: public catalogue and course, applicant-only apply/withdraw."""

from tests.access.matrix import FORBIDDEN, LOGIN, NOT_ALLOWED, NOT_FOUND, OK, Row, everyone, expect


def course_code(world) -> dict:
    from tests.factories.courses import CourseFactory

    return {"code": world.once("courses:course", CourseFactory).code}


def enrolled_course_code(world) -> dict:
    """A course the ``applicant`` persona applied to (the other applicant did not)."""
    from applicants.services import profile_ensure
    from tests.factories.courses import CourseFactory, EnrollmentFactory

    def build():
        profile = profile_ensure(user=world.applicant)
        return EnrollmentFactory(course=CourseFactory(), applicant=profile).course

    return {"code": world.once("courses:enrolled-course", build).code}


def todays_qr_token(world) -> dict:
    """The day's QR code of a session held today in a course the ``applicant`` persona holds a
    seat in (the other applicant opens it too, and is told she is not a trainee)."""
    from django.utils import timezone

    from applicants.services import profile_ensure
    from courses.attendance import qr_token
    from courses.models import Session
    from tests.factories.courses import CourseFactory, enrolled

    def build():
        today = timezone.localdate()
        course = CourseFactory(starts_on=today, ends_on=today)
        enrolled(course, applicant=profile_ensure(user=world.applicant))
        return qr_token(Session.objects.create(course=course, held_on=today), day=today)

    return {"token": world.once("courses:qr-token", build)}


ROWS = {
    "courses:catalogue": Row(everyone(OK)),
    "courses:detail": Row(everyone(OK), kwargs=course_code),
    "courses:apply": Row(
        expect(anonymous=LOGIN, applicant=NOT_ALLOWED, company=FORBIDDEN, staff=FORBIDDEN),
        kwargs=course_code,
        notes="POST only",
    ),
    "courses:attendance-check": Row(
        expect(anonymous=LOGIN, applicant=OK, company=FORBIDDEN, staff=FORBIDDEN),
        kwargs=todays_qr_token,
        notes="another applicant is told she is not a trainee of the course",
    ),
    "courses:withdraw": Row(
        expect(
            anonymous=LOGIN,
            applicant=OK,
            other_applicant=NOT_FOUND,
            company=FORBIDDEN,
            staff=FORBIDDEN,
        ),
        kwargs=enrolled_course_code,
    ),
}
