"""Access rows of the applicant pages: her own pages, documents and allowance evidence."""

from tests.access.matrix import LOGIN, NOT_ALLOWED, NOT_FOUND, OK, REDIRECT, Row, expect

OWN_PAGE = expect(anonymous=LOGIN, applicant=OK, company="403", staff="403")
OWN_POST = expect(anonymous=LOGIN, applicant=NOT_ALLOWED, company="403", staff="403")


def applicant_profile(world):
    """The applicant persona's profile, complete and consenting to company provision."""

    def build():
        from applicants.services import profile_ensure
        from tests.factories import kernel
        from tests.factories.applicants import give_consents

        profile = profile_ensure(user=world.applicant)
        profile.name, profile.gender = "접근 테스트", "female"
        profile.residence_city, profile.residence_district = kernel.seoul(), kernel.district()
        profile.employment_status = "unemployed"
        profile.save()
        give_consents(profile)
        return profile

    return world.once("applicant_profile", build)


def company_role(world):
    """A published role of the company persona's company (the applicant chose it).

    The personas' companies are shared with the company rows (same ``world.once`` key).
    """

    def build():
        from tests.access.rows_companies import companies
        from tests.factories import kernel
        from tests.factories.companies import RoleFactory

        kernel.open_intake()
        return RoleFactory(company=companies(world))

    return world.once("company_role", build)


def submitted_application(world):
    def build():
        from tests.factories.matching import ApplicationChoiceFactory, InternshipApplicationFactory

        application = InternshipApplicationFactory(applicant=applicant_profile(world))
        ApplicationChoiceFactory(application=application, role=company_role(world), rank=1)
        return application

    return world.once("submitted_application", build)


def document(world):
    def build():
        from tests.factories.applicants import DocumentFactory

        submitted_application(world)
        return DocumentFactory(profile=applicant_profile(world))

    return world.once("document", build)


def career_entry(world):
    def build():
        from tests.factories.applicants import CareerEntryFactory

        return CareerEntryFactory(profile=applicant_profile(world))

    return world.once("career_entry", build)


def allowance_application(world):
    def build():
        from applicants.models import AllowanceApplication
        from tests.factories import kernel

        return AllowanceApplication.objects.create(
            profile=applicant_profile(world),
            intake=kernel.open_intake("seoul-allowance"),
            job_search_plan="계획",
        )

    return world.once("allowance_application", build)


def activity_report(world):
    def build():
        from django.utils import timezone

        from applicants.models import ActivityReport
        from tests.factories.applicants import pdf_upload

        report = ActivityReport(
            application=allowance_application(world),
            month=timezone.localdate().replace(day=1),
            activities="지원",
            original_name="evidence.pdf",
            content_type="application/pdf",
            size=1,
        )
        report.file.save("evidence.pdf", pdf_upload("evidence.pdf"), save=False)
        report.save()
        return report

    return world.once("activity_report", build)


ROWS = {
    "applicants:profile": Row(OWN_PAGE),
    "applicants:self-check-carry": Row(OWN_POST),
    "applicants:self-check-forget": Row(OWN_POST),
    "applicants:qualifications": Row(OWN_PAGE),
    "applicants:qualification-add": Row(OWN_PAGE, kwargs=lambda w: {"kind": "career"}),
    "applicants:qualification-delete": Row(
        OWN_POST, kwargs=lambda w: {"kind": "career", "pk": career_entry(w).pk}
    ),
    "applicants:consents": Row(OWN_PAGE),
    "applicants:proxy-consent-withdraw": Row(
        expect(anonymous=LOGIN, applicant=REDIRECT, company="403", staff="403"),
        notes="no consent to withdraw: back to her dashboard; with one, a confirm page",
    ),
    "applicants:documents": Row(OWN_PAGE),
    "applicants:document-delete": Row(OWN_POST, kwargs=lambda w: {"pk": document(w).pk}),
    "applicants:document-download": Row(
        expect(
            anonymous=LOGIN,
            applicant=OK,
            other_applicant=NOT_FOUND,
            company=NOT_FOUND,
            staff=OK,
            institution=NOT_FOUND,
        ),
        kwargs=lambda w: {"pk": document(w).pk},
        notes="companies download candidates' files through matching:candidate-document",
    ),
    "applicants:allowance": Row(OWN_PAGE),
    "applicants:activity-report-submit": Row(
        OWN_POST, kwargs=lambda w: {"pk": allowance_application(w).pk}
    ),
    "applicants:report-evidence": Row(
        expect(
            anonymous=LOGIN,
            applicant=OK,
            other_applicant=NOT_FOUND,
            company=NOT_FOUND,
            staff=OK,
            institution=NOT_FOUND,
        ),
        kwargs=lambda w: {"pk": activity_report(w).pk},
    ),
}
