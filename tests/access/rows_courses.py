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


def counselling_client(world) -> dict:
    """A client of a job centre (none of the personas is its counsellor: they get 403 before
    any lookup; centre scoping is tested in tests/courses/test_counselling_access.py)."""
    from tests.factories.courses import CounsellingClientFactory

    return {"pk": world.once("courses:client", CounsellingClientFactory).pk}


def counselling_document(world) -> dict:
    return {**counselling_client(world), "document_pk": 1}


def counselling_session(world) -> dict:
    from tests.factories.courses import CounsellingSessionFactory

    return {"pk": world.once("courses:session", CounsellingSessionFactory).pk}


def counselling_sign_up(world) -> dict:
    return {**counselling_session(world), "sign_up_pk": 1}


def her_sign_up(world) -> dict:
    """A seat of the applicant persona in a group programme of her centre."""
    from applicants.services import profile_ensure
    from courses.services import counselling_sign_up
    from tests.factories.courses import CounsellingClientFactory, CounsellingSessionFactory

    def build():
        client = CounsellingClientFactory(profile=profile_ensure(user=world.applicant))
        session = CounsellingSessionFactory(centre=client.centre)
        return counselling_sign_up(session=session, client=client, actor=world.applicant)

    return {"pk": world.once("courses:her-sign-up", build).pk}


def her_centre_request(world) -> dict:
    """A job centre's request waiting for the applicant persona's answer."""
    from courses.services import client_request_send
    from tests.factories.courses import JobCentreFactory, counsellor

    def build():
        centre = JobCentreFactory()
        return client_request_send(
            centre=centre,
            counsellor=counsellor(centre),
            user=world.applicant,
            name="",
            contact=world.applicant.email,
        )

    return {"pk": world.once("courses:her-centre-request", build).pk}


COUNSELLOR_PAGE = expect(anonymous=LOGIN, applicant=FORBIDDEN, company=FORBIDDEN, staff=FORBIDDEN)
COUNSELLOR_NOTE = "counsellors only (institution account in the 상담사 group)"

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

ROWS |= {
    "courses:client-list": Row(COUNSELLOR_PAGE, notes=COUNSELLOR_NOTE),
    "courses:client-create": Row(COUNSELLOR_PAGE, notes=COUNSELLOR_NOTE),
    "courses:client-detail": Row(COUNSELLOR_PAGE, kwargs=counselling_client),
    "courses:client-consent": Row(COUNSELLOR_PAGE, kwargs=counselling_client, notes="POST"),
    "courses:client-claim-resend": Row(COUNSELLOR_PAGE, kwargs=counselling_client, notes="POST"),
    "courses:client-profile": Row(COUNSELLOR_PAGE, kwargs=counselling_client),
    "courses:client-documents": Row(COUNSELLOR_PAGE, kwargs=counselling_client),
    "courses:client-document-download": Row(COUNSELLOR_PAGE, kwargs=counselling_document),
    "courses:client-course": Row(COUNSELLOR_PAGE, kwargs=counselling_client),
    "courses:client-allowance": Row(COUNSELLOR_PAGE, kwargs=counselling_client),
    "courses:client-note": Row(COUNSELLOR_PAGE, kwargs=counselling_client, notes="POST"),
    "courses:client-outcome": Row(COUNSELLOR_PAGE, kwargs=counselling_client, notes="POST"),
    "courses:session-list": Row(COUNSELLOR_PAGE, notes=COUNSELLOR_NOTE),
    "courses:session-detail": Row(COUNSELLOR_PAGE, kwargs=counselling_session),
    "courses:sign-up-cancel": Row(COUNSELLOR_PAGE, kwargs=counselling_sign_up, notes="POST"),
    "courses:my-session-sign-up": Row(
        expect(anonymous=LOGIN, applicant=NOT_ALLOWED, company=FORBIDDEN, staff=FORBIDDEN),
        kwargs=counselling_session,
        notes="POST only",
    ),
    "courses:my-centre-request-answer": Row(
        expect(anonymous=LOGIN, applicant=NOT_ALLOWED, company=FORBIDDEN, staff=FORBIDDEN),
        kwargs=her_centre_request,
        notes="POST only (accept or decline); another applicant's request is a 404",
    ),
    "courses:my-sign-up-cancel": Row(
        expect(
            anonymous=LOGIN,
            applicant=OK,
            other_applicant=NOT_FOUND,
            company=FORBIDDEN,
            staff=FORBIDDEN,
        ),
        kwargs=her_sign_up,
    ),
    "courses:client-claim": Row(
        everyone(NOT_FOUND),
        kwargs=lambda world: {"token": "not-a-live-token"},
        notes="a live, unused, unexpired link opens it (tests/courses/test_counselling.py)",
    ),
}
