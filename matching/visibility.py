"""Whom a company may see: the one rule for candidate pages, document downloads and the batch's
messages to companies.

A company sees an applicant while (1) her application is submitted and not withdrawn (drafts and
withdrawn applications are left out), (2) that application chose one of the company's roles or
was invited to one, and (3) she keeps her consent to share her data with the companies she
applies to (DESIGN.md §7).
"""

from django.db.models import Exists, OuterRef, QuerySet

from applicants.models import Consent, Document
from matching.models import ApplicationChoice, InternshipApplication, InterviewInvitation

NOT_VISIBLE_STATUSES = (InternshipApplication.Status.DRAFT, InternshipApplication.Status.WITHDRAWN)


def applications_visible_to_company(company, *, role=None) -> QuerySet[InternshipApplication]:
    """Applications the company may see, to one of its roles or (``role``) to that role."""
    roles = {"role": role} if role is not None else {"role__company": company}
    chose = ApplicationChoice.objects.filter(application=OuterRef("pk"), **roles)
    invited = InterviewInvitation.objects.filter(application=OuterRef("pk"), **roles)
    consented = Consent.objects.filter(
        profile=OuterRef("applicant_id"), item=Consent.Item.PROVISION, withdrawn_at__isnull=True
    )
    return (
        InternshipApplication.objects.filter(Exists(chose) | Exists(invited))
        .filter(Exists(consented))
        .exclude(status__in=NOT_VISIBLE_STATUSES)
    )


def profiles_visible_to_company(company) -> QuerySet:
    """Ids of the applicants (``ApplicantProfile``) the company may see, as a subquery."""
    return applications_visible_to_company(company).order_by().values("applicant_id")


def documents_visible_to_company(company) -> QuerySet[Document]:
    return Document.objects.filter(profile_id__in=profiles_visible_to_company(company))
