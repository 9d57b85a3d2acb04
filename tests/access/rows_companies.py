"""Access rows of the company journey: the company's own pages and the public listings.

Objects belong to the ``company`` persona's company; ``other_company`` belongs to another
company and must get 404 for them.
"""

from tests.access.matrix import (
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    Row,
    everyone,
    expect,
)

COMPANY_PAGE = expect(anonymous=LOGIN, applicant=FORBIDDEN, company=OK, staff=FORBIDDEN)
OWN_OBJECT = expect(
    anonymous=LOGIN,
    applicant=FORBIDDEN,
    company=OK,
    other_company=NOT_FOUND,
    staff=FORBIDDEN,
)
POST_ONLY = expect(anonymous=LOGIN, applicant=FORBIDDEN, company=NOT_ALLOWED, staff=FORBIDDEN)
DOWNLOAD = expect(
    anonymous=LOGIN,
    applicant=NOT_FOUND,
    company=OK,
    other_company=NOT_FOUND,
    staff=OK,
    institution=NOT_FOUND,  # company papers are for city staff only
)


def companies(world):
    """Both company personas belong to a company of their own."""

    def build():
        from tests.factories.companies import CompanyMembershipFactory

        mine = CompanyMembershipFactory(user=world.company).company
        CompanyMembershipFactory(user=world.other_company)
        return mine

    return world.once("companies", build)


def with_companies(world) -> dict:
    companies(world)
    return {}


def role(world):
    from tests.factories.companies import RoleFactory

    return world.once("role", lambda: RoleFactory(company=companies(world)))


def role_kwargs(world) -> dict:
    return {"pk": role(world).pk}


def candidate_kwargs(world) -> dict:
    def build():
        from tests.factories.applicants import ready_profile
        from tests.factories.matching import ApplicationChoiceFactory

        profile = ready_profile()
        return ApplicationChoiceFactory(application__applicant=profile, role=role(world))

    choice = world.once("choice", build)
    return {"pk": choice.role_id, "application_id": choice.application_id}


def placement(world):
    from tests.factories.matching import PlacementFactory

    return world.once("placement", lambda: PlacementFactory(role=role(world)))


def proof_kwargs(world) -> dict:
    def build():
        from companies.services import badge_proof_upload
        from tests.factories.applicants import pdf_upload

        return badge_proof_upload(
            company=companies(world), badge="innobiz", upload=pdf_upload("innobiz.pdf")
        )

    return {"pk": world.once("proof", build).pk}


def hire_kwargs(world) -> dict:
    from tests.factories.matching import HireConfirmationFactory

    return {
        "pk": world.once("hire", lambda: HireConfirmationFactory(placement=placement(world))).pk
    }


def invitation_kwargs(world) -> dict:
    def build():
        from companies.models import CompanyInvitation
        from tests.factories.companies import CompanyFactory

        inviter = CompanyFactory()
        return CompanyInvitation.objects.create(
            company=inviter, email=world.company.email, invited_by=world.staff
        )

    return {"token": world.once("invitation", build).token}


def public_company_kwargs(world) -> dict:
    return {"pk": companies(world).pk}


ROWS = {
    "companies:dashboard": Row(COMPANY_PAGE),
    "companies:profile": Row(COMPANY_PAGE),
    "companies:eligibility-check": Row(COMPANY_PAGE, query="?regular_employees=3"),
    "companies:proof-upload": Row(POST_ONLY, kwargs=with_companies),
    "companies:proof-download": Row(DOWNLOAD, kwargs=proof_kwargs),
    "companies:members": Row(COMPANY_PAGE, kwargs=with_companies),
    "companies:invitation-accept": Row(OWN_OBJECT, kwargs=invitation_kwargs),
    "companies:role-create": Row(COMPANY_PAGE, kwargs=with_companies),
    "companies:role-manage": Row(OWN_OBJECT, kwargs=role_kwargs),
    "companies:role-edit": Row(OWN_OBJECT, kwargs=role_kwargs),
    "companies:role-publish": Row(POST_ONLY, kwargs=role_kwargs),
    "companies:role-close": Row(OWN_OBJECT, kwargs=role_kwargs),
    "matching:role-ranking": Row(OWN_OBJECT, kwargs=role_kwargs),
    "matching:candidate": Row(OWN_OBJECT, kwargs=candidate_kwargs),
    "matching:candidate-interview": Row(POST_ONLY, kwargs=candidate_kwargs),
    "matching:candidate-result": Row(POST_ONLY, kwargs=candidate_kwargs),
    "matching:intern-contract": Row(OWN_OBJECT, kwargs=lambda w: {"pk": placement(w).pk}),
    "matching:intern-contract-terms": Row(POST_ONLY, kwargs=lambda w: {"pk": placement(w).pk}),
    "matching:intern-hire": Row(OWN_OBJECT, kwargs=lambda w: {"pk": placement(w).pk}),
    "matching:hire-proof": Row(DOWNLOAD, kwargs=hire_kwargs),
    "companies:list": Row(everyone(OK)),
    "companies:detail": Row(everyone(OK), kwargs=public_company_kwargs),
}
