"""Internship applications and their ranked choices; interviews, hires and incentive claims."""

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from matching.models import (
    ApplicationChoice,
    CandidateEvaluation,
    HireConfirmation,
    IncentiveClaim,
    InternshipApplication,
)
from tests.factories import kernel
from tests.factories.accounts import CompanyUserFactory
from tests.factories.applicants import ApplicantProfileFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


class InternshipApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InternshipApplication

    applicant = factory.SubFactory(ApplicantProfileFactory)
    intake = factory.LazyFunction(kernel.open_intake)
    status = InternshipApplication.Status.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)


class ApplicationChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationChoice

    application = factory.SubFactory(InternshipApplicationFactory)
    role = factory.SubFactory("tests.factories.companies.RoleFactory")
    rank = 1


class InterviewInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matching.InterviewInvitation"

    application = factory.SubFactory(InternshipApplicationFactory)
    role = factory.SubFactory("tests.factories.companies.RoleFactory")
    week = "2024-W23"


class ScreeningResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matching.ScreeningResult"

    application = factory.SubFactory(InternshipApplicationFactory)
    outcome = "pass"
    week = "2024-W23"
    screened_at = factory.LazyFunction(timezone.now)


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matching.Placement"

    application = factory.SubFactory(InternshipApplicationFactory)
    role = factory.SubFactory("tests.factories.companies.RoleFactory")
    week = "2024-W23"


class CandidateEvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CandidateEvaluation

    role = factory.SubFactory("tests.factories.companies.RoleFactory")
    application = factory.SubFactory(InternshipApplicationFactory)
    result = CandidateEvaluation.Result.PENDING


class HireConfirmationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HireConfirmation

    placement = factory.SubFactory(PlacementFactory)
    company = factory.LazyAttribute(lambda hire: hire.placement.role.company)
    hired_on = factory.LazyFunction(timezone.localdate)
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="contract.pdf"))
    original_name = "contract.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)
    confirmed_by = factory.SubFactory(CompanyUserFactory)


class IncentiveClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IncentiveClaim

    hire = factory.SubFactory(HireConfirmationFactory)
    company = factory.LazyAttribute(lambda claim: claim.hire.company)


def contract_confirmed(placement, *, company_user=None):
    """The intern and the company both confirm the placement's current contract terms (so
    wage support is paid for it); returns the placement."""
    from matching import selectors, services
    from matching.models import ContractConfirmation

    terms = selectors.placement_contract_state(placement).terms
    assert terms is not None, "the placement has no contract terms (start date, living wage)"
    sides = [
        (ContractConfirmation.Party.INTERN, placement.application.applicant.user),
        (ContractConfirmation.Party.COMPANY, company_user or CompanyUserFactory()),
    ]
    for party, user in sides:
        services.contract_terms_confirm(
            placement=placement, party=party, user=user, terms_key=terms.key
        )
    return placement
