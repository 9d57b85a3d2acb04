"""Reads of the application side: open roles, role gates, an applicant's applications."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from companies.models import Company, Role
from matching.models import (
    ApplicationChoice,
    InternshipApplication,
    InterviewInvitation,
    Placement,
    ScreeningResult,
)
from womenup.models import IntakeWindow
from womenup.programs.eligibility import Facts, Outcome, Reason, Rule, RuleKind, evaluate
from womenup.selectors import rules_by_program

BADGE_FIELDS = (
    "is_family_friendly",
    "is_seoul_strong_sme",
    "is_innobiz",
    "is_venture",
    "is_women_owned",
)
GATE_RULE_KINDS = (RuleKind.COURSE_COMPLETION, RuleKind.PRE_TRAINING)
EDITABLE_STATUSES = (InternshipApplication.Status.DRAFT, InternshipApplication.Status.SUBMITTED)


def company_badges() -> list[tuple[str, str]]:
    """(field, label) of the badge fields the Company model has."""
    fields = {field.name: field for field in Company._meta.get_fields()}
    return [(name, str(fields[name].verbose_name)) for name in BADGE_FIELDS if name in fields]


def _open_intakes(on: date) -> QuerySet[IntakeWindow]:
    return IntakeWindow.objects.filter(opens_on__lte=on, closes_on__gte=on)


def open_roles(*, on: date | None = None) -> QuerySet[Role]:
    """Published roles of verified companies whose program takes applications today."""
    on = on or timezone.localdate()
    intake_open = _open_intakes(on).filter(program=OuterRef("program"))
    return (
        Role.objects.filter(status=Role.Status.PUBLISHED, company__status=Company.Status.VERIFIED)
        .filter(Exists(intake_open))
        .select_related(
            "company", "company__district", "job_category", "district", "program",
            "required_course",
        )
        .order_by("-created_at", "pk")
    )  # fmt: skip


def open_roles_filtered(
    *,
    track: str = "",
    job_category=None,
    district=None,
    work_type: str = "",
    badges=(),
    on: date | None = None,
) -> QuerySet[Role]:
    roles = open_roles(on=on)
    if track:
        roles = roles.filter(track=track)
    if job_category is not None:
        roles = roles.filter(job_category=job_category)
    if district is not None:
        roles = roles.filter(district=district)
    if work_type:
        roles = roles.filter(work_type=work_type)
    known = dict(company_badges())
    badge_filter = Q(**{f"company__{badge}": True for badge in badges if badge in known})
    return roles.filter(badge_filter)


def intake_for_role(role: Role, *, on: date | None = None) -> IntakeWindow | None:
    on = on or timezone.localdate()
    return _open_intakes(on).filter(program_id=role.program_id).order_by("opens_on").first()


# --- Role gates (training-linked and social-impact roles) --------------------------------------


@dataclass(frozen=True)
class RoleGate:
    """Whether an applicant may choose a role, and why not."""

    allowed: bool
    reasons: tuple[Reason, ...] = ()
    """Codes with params; ``reasons.render`` (or the ``reason_text`` filter) words them."""


OPEN_GATE = RoleGate(allowed=True)


def role_gates(roles, facts: Facts | None, *, on: date | None = None) -> dict[int, RoleGate]:
    """Gate of each role for one applicant, in one query for the programs' rules.

    IT-training-linked roles need the role's required course (and the program's course rule);
    social-impact roles need the program's pre-training (and the required course, if any).
    With ``facts`` None (anonymous visitor) the reasons are shown as requirements.
    """
    on = on or timezone.localdate()
    roles = list(roles)
    gated = [role for role in roles if role.track != Role.Track.RECRUIT_LINKED]
    rules = rules_by_program({role.program_id for role in gated})
    gates = {role.pk: OPEN_GATE for role in roles}
    for role in gated:
        gates[role.pk] = _gate(role, rules[role.program_id], facts, on)
    return gates


def role_gate(role: Role, facts: Facts | None, *, on: date | None = None) -> RoleGate:
    return role_gates([role], facts, on=on)[role.pk]


def _gate(role: Role, program_rules: list[Rule], facts: Facts | None, on: date) -> RoleGate:
    rules = [rule for rule in program_rules if rule.kind in GATE_RULE_KINDS]
    if role.required_course_id:
        course = role.required_course
        rules.append(
            Rule(
                kind=RuleKind.COURSE_COMPLETION,
                params={"courses": [course.code], "label": course.title},
            )
        )
    if not rules:
        return OPEN_GATE
    verdict = evaluate(
        rules, facts or Facts(completed_courses=(), completed_pre_trainings=()), on=on
    )
    if verdict.outcome is Outcome.PASS:
        return OPEN_GATE
    return RoleGate(allowed=False, reasons=tuple(verdict.reasons + verdict.missing))


# --- Applications ------------------------------------------------------------------------------


def applications_for_applicant(profile) -> QuerySet[InternshipApplication]:
    """Her applications with everything the dashboard shows, in a fixed number of queries."""
    choices = ApplicationChoice.objects.select_related(
        "role__company", "role__job_category", "role__district"
    ).order_by("rank")
    invitations = InterviewInvitation.objects.select_related("role__company").order_by(
        "created_at", "pk"
    )
    placements = Placement.objects.select_related("role__company").order_by("created_at", "pk")
    return (
        InternshipApplication.objects.filter(applicant=profile)
        .select_related("intake__program", "screening")
        .prefetch_related(
            Prefetch("choices", queryset=choices),
            Prefetch("invitations", queryset=invitations),
            Prefetch("placements", queryset=placements),
        )
        .order_by("-created_at", "-pk")
    )


def applications_for_user(user) -> QuerySet[InternshipApplication]:
    """Applications the user owns (404 for anyone else's)."""
    return InternshipApplication.objects.filter(applicant__user=user).select_related(
        "intake__program", "applicant", "screening"
    )


def invitations_for_user(user) -> QuerySet[InterviewInvitation]:
    return InterviewInvitation.objects.filter(application__applicant__user=user).select_related(
        "role__company", "application"
    )


def is_editable(application: InternshipApplication) -> bool:
    """Editable until the weekly screening picks it up (draft or submitted, not screened)."""
    if application.status not in EDITABLE_STATUSES:
        return False
    return screening_of(application) is None


def screening_of(application: InternshipApplication) -> ScreeningResult | None:
    """Its screening result, or None before the weekly screening picked it up."""
    try:
        return application.screening
    except ScreeningResult.DoesNotExist:
        return None


def chosen_role_ids(profile, *, on: date | None = None) -> set[int]:
    """Roles she has already put in one of her current applications (for the role list)."""
    on = on or timezone.localdate()
    return set(
        ApplicationChoice.objects.filter(
            application__applicant=profile,
            application__intake__in=_open_intakes(on),
        )
        .exclude(application__status=InternshipApplication.Status.WITHDRAWN)
        .values_list("role_id", flat=True)
    )
