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


ROWS = {
    "courses:catalogue": Row(everyone(OK)),
    "courses:detail": Row(everyone(OK), kwargs=course_code),
    "courses:apply": Row(
        expect(anonymous=LOGIN, applicant=NOT_ALLOWED, company=FORBIDDEN, staff=FORBIDDEN),
        kwargs=course_code,
        notes="POST only",
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
