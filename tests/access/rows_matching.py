"""Access rows of the application side of matching: the public self-check, the public role list
and role page (and their former addresses), her own application."""

from tests.access.matrix import (
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    Row,
    everyone,
    expect,
)
from tests.access.rows_applicants import company_role, document, submitted_application
from tests.access.rows_courses import counselling_client

OWN_POST = expect(anonymous=LOGIN, applicant=NOT_ALLOWED, company="403", staff="403")


def invitation(world):
    def build():
        from tests.factories.matching import InterviewInvitationFactory

        return InterviewInvitationFactory(
            application=submitted_application(world), role=company_role(world)
        )

    return world.once("invitation", build)


def own_placement(world) -> dict:
    """A placement of the ``applicant`` persona (her contract-terms page)."""

    def build():
        from tests.factories.matching import PlacementFactory

        return PlacementFactory(application=submitted_application(world), role=company_role(world))

    return {"pk": world.once("own-placement", build).pk}


def application_pk(world) -> dict:
    return {"pk": submitted_application(world).pk}


ROWS = {
    "matching:self-check": Row(everyone(OK)),
    "matching:role-list": Row(everyone(OK), query="?track=recruit_linked&q=인턴"),
    "matching:role-detail": Row(everyone(OK), kwargs=lambda w: {"pk": company_role(w).pk}),
    "matching:role-list-moved": Row(everyone(REDIRECT), query="?badges=is_innobiz"),
    "matching:role-detail-moved": Row(
        everyone(REDIRECT), kwargs=lambda w: {"pk": company_role(w).pk}
    ),
    "matching:choice-add": Row(OWN_POST, kwargs=lambda w: {"pk": company_role(w).pk}),
    "matching:application-detail": Row(
        expect(
            anonymous=LOGIN, applicant=OK, other_applicant=NOT_FOUND, company="403", staff="403"
        ),
        kwargs=application_pk,
    ),
    "matching:choice-move": Row(OWN_POST, kwargs=application_pk),
    "matching:choice-remove": Row(
        OWN_POST, kwargs=lambda w: {**application_pk(w), "role_pk": company_role(w).pk}
    ),
    "matching:application-submit": Row(OWN_POST, kwargs=application_pk),
    "matching:application-withdraw": Row(
        expect(
            anonymous=LOGIN, applicant=OK, other_applicant=NOT_FOUND, company="403", staff="403"
        ),
        kwargs=application_pk,
    ),
    "matching:placement-contract": Row(
        expect(
            anonymous=LOGIN, applicant=OK, other_applicant=NOT_FOUND, company="403", staff="403"
        ),
        kwargs=own_placement,
    ),
    "matching:invitation-respond": Row(OWN_POST, kwargs=lambda w: {"pk": invitation(w).pk}),
    "matching:candidate-document": Row(
        expect(
            anonymous=LOGIN,
            applicant="403",
            company=OK,
            other_company=NOT_FOUND,
            staff="403",
        ),
        kwargs=lambda w: {"pk": document(w).pk},
        notes="the company persona owns a role she chose in a submitted application",
    ),
}


ROWS["matching:client-internship"] = Row(
    expect(anonymous=LOGIN, applicant="403", company="403", staff="403"),
    kwargs=counselling_client,
    notes="counsellors only; scoped to her centre's clients",
)
