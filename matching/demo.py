"""Demo internship data: the first demo applicant has submitted an application; the second is
matched, and her company has confirmed the contract terms that wait for hers."""

from datetime import date

from django.utils import timezone

from applicants.demo import DEMO_APPLICANTS
from applicants.models import ApplicantProfile
from companies.models import Role
from matching import selectors, services
from matching.batch import week_key
from matching.models import (
    ApplicationChoice,
    ContractConfirmation,
    InternshipApplication,
    Placement,
)
from womenup.programs.selectors import open_intake, program_by_code

DEMO_CHOICES = ["회계 사무 인턴", "디지털 마케팅 인턴", "백엔드 개발 인턴"]
PLACED_ROLE = "디지털 마케팅 인턴"


def load(*, today: date | None = None, **_kwargs) -> list[tuple[str, str]]:
    """One submitted application with three ranked demo roles (no new logins)."""
    today = today or timezone.localdate()
    email = DEMO_APPLICANTS[0][0]
    profile = ApplicantProfile.objects.filter(user__email=email).first()
    intake = open_intake(program_by_code("seoul-internship"), on=today)
    roles = {role.title: role for role in Role.objects.filter(title__in=DEMO_CHOICES)}
    if profile is None or intake is None or not roles:
        return []
    application, created = InternshipApplication.objects.get_or_create(
        applicant=profile,
        intake=intake,
        defaults={"status": InternshipApplication.Status.SUBMITTED, "submitted_at": timezone.now()},
    )
    if created:
        ranked = [roles[title] for title in DEMO_CHOICES if title in roles]
        ApplicationChoice.objects.bulk_create(
            ApplicationChoice(application=application, role=role, rank=rank)
            for rank, role in enumerate(ranked, start=1)
        )
    _placement_awaiting_intern(intake, roles.get(PLACED_ROLE), today)
    return []


def _placement_awaiting_intern(intake, role, today: date) -> None:
    """The second demo applicant matched to a role: the company confirmed the start date and
    the contract terms; her confirmation (on her dashboard) is what wage support waits for."""
    email = DEMO_APPLICANTS[1][0]
    profile = ApplicantProfile.objects.filter(user__email=email).first()
    if profile is None or role is None:
        return
    application, _created = InternshipApplication.objects.get_or_create(
        applicant=profile,
        intake=intake,
        defaults={"status": InternshipApplication.Status.MATCHED, "submitted_at": timezone.now()},
    )
    if application.placements.exists():
        return
    placement = Placement.objects.create(application=application, role=role, week=week_key(today))
    placement = services.placement_contract_confirm(placement=placement, contract_start=today)
    state = selectors.placement_contract_state(placement)
    member = role.company.memberships.select_related("user").first()
    if state.terms is None or member is None:
        return  # no living wage for today: the terms appear once one is registered
    services.contract_terms_confirm(
        placement=placement,
        party=ContractConfirmation.Party.COMPANY,
        user=member.user,
        terms_key=state.terms.key,
    )
