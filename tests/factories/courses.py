"""Institutions with their staff, courses, enrollments, sessions and follow-ups."""

from datetime import timedelta

import factory
from django.utils import timezone

from courses.models import (
    Attendance,
    CounsellingClient,
    CounsellingSession,
    Course,
    CourseCertificate,
    Enrollment,
    FollowUp,
    Institution,
    Session,
)
from tests.factories import kernel
from tests.factories.accounts import UserFactory, give_totp
from tests.factories.applicants import ApplicantProfileFactory
from womenup.models import User


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    name = factory.Sequence(lambda n: f"여성인력개발센터{n}")
    city = factory.LazyFunction(kernel.seoul)


class CourseFactory(factory.django.DjangoModelFactory):
    """A first-come developer-entry course open for applications today."""

    class Meta:
        model = Course

    institution = factory.SubFactory(InstitutionFactory)
    program = factory.LazyFunction(lambda: kernel.program("seoul-digital-entry"))
    code = factory.Sequence(lambda n: f"course-{n}")
    title = factory.Sequence(lambda n: f"파이썬 개발자 입문 {n}기")
    track = Course.Track.DEVELOPER_ENTRY
    subject = "Python"
    hours = 450
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=150))
    schedule = "월~금 09:30~15:30"
    seats = 20
    applications_open_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))


class EnrollmentFactory(factory.django.DjangoModelFactory):
    """An application as it stands right after applying (no seat taken: see ``enrolled``)."""

    class Meta:
        model = Enrollment

    course = factory.SubFactory(CourseFactory)
    applicant = factory.SubFactory(ApplicantProfileFactory)
    motivation = "개발자로 다시 일하고 싶습니다."


def enrolled(course: Course, **kwargs) -> Enrollment:
    """An enrollment holding a seat, with the course's seat counter kept in step."""
    enrollment = EnrollmentFactory(
        course=course,
        status=Enrollment.Status.ENROLLED,
        enrolled_at=timezone.now(),
        decided_at=timezone.now(),
        **kwargs,
    )
    Course.objects.filter(pk=course.pk).update(enrolled_count=course.enrolled_count + 1)
    course.enrolled_count += 1
    return enrollment


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    course = factory.SubFactory(CourseFactory)
    held_on = factory.Sequence(lambda n: timezone.localdate() - timedelta(days=200 - n))
    topic = factory.Sequence(lambda n: f"{n}회차 수업")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    session = factory.SubFactory(SessionFactory)
    enrollment = factory.SubFactory(EnrollmentFactory)
    status = Attendance.Status.PRESENT


class CourseCertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseCertificate

    enrollment = factory.SubFactory(EnrollmentFactory)
    name = "정보처리기능사"
    obtained_on = factory.LazyFunction(timezone.localdate)


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    enrollment = factory.SubFactory(EnrollmentFactory)
    months_after = 1
    due_on = factory.LazyFunction(timezone.localdate)


def institution_staff(institution: Institution, *, mfa: bool = True) -> User:
    """A staff member of the institution, in the "운영기관 담당자" group, with TOTP set up."""
    from courses.services import institution_staff_add

    user = UserFactory(account_type=User.AccountType.INSTITUTION)
    institution_staff_add(institution=institution, user=user)
    if mfa:
        give_totp(user)
    return user


# --- Counselling ----------------------------------------------------------------------------------


class JobCentreFactory(InstitutionFactory):
    name = factory.Sequence(lambda n: f"여성새로일하기센터{n}")
    kind = Institution.Kind.JOB_CENTRE


def counsellor(centre: Institution, **kwargs) -> User:
    """A counsellor of the job centre (site pages only, no admin), with a name."""
    from courses.services import counsellor_add

    kwargs.setdefault("last_name", "김")
    kwargs.setdefault("first_name", "상담")
    user = UserFactory(account_type=User.AccountType.INSTITUTION, **kwargs)
    return counsellor_add(centre=centre, user=user)


class CounsellingClientFactory(factory.django.DjangoModelFactory):
    """A client of a job centre whose account she has already claimed."""

    class Meta:
        model = CounsellingClient

    centre = factory.SubFactory(JobCentreFactory)
    profile = factory.SubFactory(ApplicantProfileFactory)
    claim_email = factory.LazyAttribute(lambda client: client.profile.user.email)
    claimed_at = factory.LazyFunction(timezone.now)


class CounsellingSessionFactory(factory.django.DjangoModelFactory):
    """A group programme next week, two hours, 10 seats."""

    class Meta:
        model = CounsellingSession

    centre = factory.SubFactory(JobCentreFactory)
    kind = CounsellingSession.Kind.GROUP
    title = factory.Sequence(lambda n: f"집단상담 {n}기")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + timedelta(hours=2))
    place = "센터 3층 교육실"
    capacity = 10
