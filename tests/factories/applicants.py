"""Applicant profiles."""

from datetime import date

import factory

from applicants.models import ApplicantProfile
from tests.factories import kernel
from tests.factories.accounts import ApplicantUserFactory


class ApplicantProfileFactory(factory.django.DjangoModelFactory):
    """A Seoul woman, unemployed: eligible for the internship on the basic rules."""

    class Meta:
        model = ApplicantProfile

    user = factory.SubFactory(ApplicantUserFactory)
    name = factory.Sequence(lambda n: f"참여자{n}")
    birth_date = date(1985, 5, 20)
    gender = ApplicantProfile.Gender.FEMALE
    phone = factory.Sequence(lambda n: f"+8210{10000000 + n}")
    residence_city = factory.LazyFunction(kernel.seoul)
    residence_district = factory.LazyFunction(kernel.district)
    employment_status = ApplicantProfile.EmploymentStatus.UNEMPLOYED


# --- Qualifications, consents, documents, allowance ---------------------------------------------

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def pdf_upload(name: str = "resume.pdf", content: bytes = PDF_BYTES):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/pdf")


class CareerEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applicants.CareerEntry"

    profile = factory.SubFactory(ApplicantProfileFactory)
    job_category = factory.LazyFunction(kernel.job_category)
    years = 5
    description = "웹 서비스 개발"


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applicants.Certificate"

    profile = factory.SubFactory(ApplicantProfileFactory)
    name = "정보처리기사"
    issuer = "한국산업인력공단"
    acquired_on = date(2015, 8, 21)


class CompletedTrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applicants.CompletedTraining"

    profile = factory.SubFactory(ApplicantProfileFactory)
    title = "웹 디자인 실무"
    institution = "마포여성인력개발센터"
    completed_on = date(2023, 12, 15)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applicants.Document"

    profile = factory.SubFactory(ApplicantProfileFactory)
    kind = "resume"
    file = factory.django.FileField(filename="resume.pdf", data=PDF_BYTES)
    original_name = "resume.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)


def give_consents(profile, items=("collection", "provision")) -> None:
    """Consent to the given items under the current notices (required ones by default)."""
    from applicants.services import consent_give

    for item in items:
        consent_give(profile=profile, item=item)


def ready_profile(**kwargs) -> ApplicantProfile:
    """A complete profile with the required consents and a career entry: ready to apply."""
    profile = ApplicantProfileFactory(
        desired_work_type=ApplicantProfile.WorkType.FULL_TIME, never_employed=True, **kwargs
    )
    give_consents(profile)
    CareerEntryFactory(profile=profile)
    return profile


def complete_course(profile, course) -> None:
    """Record that she completed one of our courses (as the courses app would)."""
    from django.utils import timezone

    from courses.models import Enrollment

    Enrollment.objects.create(
        course=course, applicant=profile, status=Enrollment.Status.COMPLETED,
        enrolled_at=timezone.now(), completed_on=course.ends_on,
    )  # fmt: skip
