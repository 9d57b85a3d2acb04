"""Reads of the application side (role gates, an applicant's applications) and of
the placement lifecycle the company pages show (candidates, rankings, interns, claims, hires).

Everything a company user can reach starts from their own company's roles: views look objects
up in these querysets, so another company's object is simply not found (404).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone

from applicants.models import Consent
from applicants.selectors import candidate_cards
from companies.models import Company, Role
from companies.selectors import roles_for_company
from matching.contracts import ContractState, contract_state
from matching.models import (
    ApplicationChoice,
    CandidateEvaluation,
    ContractTerms,
    HireConfirmation,
    IncentiveClaim,
    InternshipApplication,
    InterviewInvitation,
    Placement,
    ScreeningResult,
)
from womenup.accounts.permissions import is_city_staff
from womenup.models import IntakeWindow, LivingWageRate, Program
from womenup.money import internship_wage_total
from womenup.programs.eligibility import Facts, Outcome, Reason, Rule, RuleKind, evaluate
from womenup.programs.selectors import (
    incentive_amount_krw,
    internship_months,
    living_wage_on,
    rules_by_program,
)

GATE_RULE_KINDS = (RuleKind.COURSE_COMPLETION, RuleKind.PRE_TRAINING)
EDITABLE_STATUSES = (InternshipApplication.Status.DRAFT, InternshipApplication.Status.SUBMITTED)
_NOT_SUBMITTED = (InternshipApplication.Status.DRAFT, InternshipApplication.Status.WITHDRAWN)


def _open_intakes(on: date) -> QuerySet[IntakeWindow]:
    return IntakeWindow.objects.filter(opens_on__lte=on, closes_on__gte=on)


# Which roles are open (the role list, and what ``services.choice_add`` accepts) is
# ``companies.selectors.open_roles``: one definition, also used by the company listings.


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
    gated = [role for role in roles if has_gate(role)]
    rules = rules_by_program({role.intake.program_id for role in gated})
    gates = {role.pk: OPEN_GATE for role in roles}
    for role in gated:
        gates[role.pk] = _gate(role, rules[role.intake.program_id], facts, on)
    return gates


def has_gate(role: Role) -> bool:
    """Whether the programme's rules can keep an applicant from choosing the role (every track
    but recruitment-linked); a role without a gate is open to everyone, whatever her facts."""
    return role.track != Role.Track.RECRUIT_LINKED


def role_gate(role: Role, facts: Facts | None, *, on: date | None = None) -> RoleGate:
    return role_gates([role], facts, on=on)[role.pk]


def _gate(role: Role, program_rules: list[Rule], facts: Facts | None, on: date) -> RoleGate:
    rules = [rule for rule in program_rules if rule.kind in GATE_RULE_KINDS]
    if role.required_course_id:
        course = role.required_course
        rules.append(
            Rule(
                kind=RuleKind.COURSE_COMPLETION,
                params={
                    "courses": [course.code],
                    "label": course.title_ko,
                    "label_en": course.title_en or None,
                },
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
    placements = Placement.objects.select_related(
        "role__company", "role__intake__program"
    ).order_by("created_at", "pk")
    return (
        InternshipApplication.objects.filter(applicant=profile)
        .select_related("intake__program", "screening", "submitted_by")
        .prefetch_related(
            Prefetch("choices", queryset=choices),
            Prefetch("invitations", queryset=invitations),
            Prefetch("placements", queryset=placements),
            "evaluations",  # the company's interview schedule, for her next step
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


# --- Candidates --------------------------------------------------------------------------------


def candidate_applications(role: Role) -> QuerySet:
    """Applications a role's company may see: they chose the role or were invited to it.

    Withdrawn and unsubmitted applications are left out, and so is anyone without the consent
    to share her data with the companies she applies to.
    """
    # ``pk IN (...)`` rather than correlated EXISTS: PostgreSQL hashes the role's few ids once
    # instead of probing per application (a popular role's page at 10,000 applicants: 4× faster).
    chose = ApplicationChoice.objects.filter(role=role).values("application_id")
    invited = InterviewInvitation.objects.filter(role=role).values("application_id")
    consented = Consent.objects.filter(
        profile=OuterRef("applicant_id"), item=Consent.Item.PROVISION, withdrawn_at__isnull=True
    )
    return (
        InternshipApplication.objects.filter(Q(pk__in=chose) | Q(pk__in=invited))
        .filter(Exists(consented))
        .exclude(status__in=_NOT_SUBMITTED)
        .select_related("applicant")
        .order_by("submitted_at", "pk")
    )


@dataclass(frozen=True)
class Candidate:
    """One row of a role's candidate list: how she came, her card, the company's evaluation."""

    application_id: int
    choice_rank: int | None
    invited: bool
    card: object
    evaluation: CandidateEvaluation | None


CANDIDATES_PER_PAGE = 20


def candidates_for_role(role: Role, page_number=None) -> Page:
    """One page of the role's candidates with what she consented to share, in a fixed number
    of queries (a popular role has thousands: only the page is read)."""
    page = Paginator(candidate_applications(role), CANDIDATES_PER_PAGE).get_page(page_number)
    page.object_list = _candidates(role, page.object_list)
    return page


def _candidates(role: Role, applications: QuerySet) -> list[Candidate]:
    applications = applications.prefetch_related(
        Prefetch(
            "choices", queryset=ApplicationChoice.objects.filter(role=role), to_attr="role_choice"
        ),
        Prefetch(
            "invitations",
            queryset=InterviewInvitation.objects.filter(role=role),
            to_attr="role_invitation",
        ),
        Prefetch(
            "evaluations",
            queryset=CandidateEvaluation.objects.filter(role=role),
            to_attr="role_evaluation",
        ),
    )
    applications = list(applications)
    cards = candidate_cards([application.applicant_id for application in applications])
    return [
        Candidate(
            application_id=application.pk,
            choice_rank=application.role_choice[0].rank if application.role_choice else None,
            invited=bool(application.role_invitation),
            card=cards.get(application.applicant_id),
            evaluation=application.role_evaluation[0] if application.role_evaluation else None,
        )
        for application in applications
        if application.applicant_id in cards
    ]


def candidate_for_role(role: Role, application) -> Candidate:
    card = candidate_cards([application.applicant_id])[application.applicant_id]
    evaluation = CandidateEvaluation.objects.filter(role=role, application=application).first()
    return Candidate(
        application_id=application.pk,
        choice_rank=application.choices.filter(role=role).values_list("rank", flat=True).first(),
        invited=application.invitations.filter(role=role).exists(),
        card=card,
        evaluation=evaluation,
    )


def passed_evaluations(role: Role) -> QuerySet[CandidateEvaluation]:
    return CandidateEvaluation.objects.filter(
        role=role, result=CandidateEvaluation.Result.PASS
    ).select_related("application__applicant")


def rankings_for_roles(role_ids) -> dict[int, list[int]]:
    """Each role's ranked application ids, best first (one query; the weekly batch reads it)."""
    rankings: dict[int, list[int]] = {role_id: [] for role_id in role_ids}
    rows = (
        CandidateEvaluation.objects.filter(role_id__in_array=list(rankings), rank__isnull=False)
        .order_by("role_id", "rank")
        .values_list("role_id", "application_id")
    )
    for role_id, application_id in rows:
        rankings[role_id].append(application_id)
    return rankings


# --- Interns and incentive claims --------------------------------------------------------------


def dashboard_roles(company: Company) -> QuerySet[Role]:
    """The company's roles with their candidate, interview and intern counts (one query)."""
    return roles_for_company(company).annotate(
        chose_count=Count(
            "choices__application",
            filter=~Q(choices__application__status__in=_NOT_SUBMITTED),
            distinct=True,
        ),
        invited_count=Count("invitations", distinct=True),
        passed_count=Count("evaluations", filter=Q(evaluations__result="pass"), distinct=True),
        intern_count=Count(
            "placements",
            filter=~Q(placements__status=Placement.Status.CANCELLED),
            distinct=True,
        ),
    )


def company_progress(company: Company) -> dict:
    """How far the company is in the placement lifecycle, for its dashboard's checklist (one
    query): whether it has scheduled or recorded an interview, ranked a candidate, confirmed a
    contract and a hire, and the role or placement each next step is about."""
    evaluations = CandidateEvaluation.objects.filter(role__company=OuterRef("pk"))
    placements = Placement.objects.filter(role__company=OuterRef("pk"))
    working = [Placement.Status.CONTRACTED, Placement.Status.COMPLETED]
    accepted = InterviewInvitation.objects.filter(
        role__company=OuterRef("pk"), status=InterviewInvitation.Status.ACCEPTED
    )
    return (
        Company.objects.filter(pk=company.pk)
        .annotate(
            interviewed=Exists(
                evaluations.filter(
                    Q(interview_at__isnull=False) | ~Q(result=CandidateEvaluation.Result.PENDING)
                )
            ),
            ranked=Exists(evaluations.filter(rank__isnull=False)),
            contracted=Exists(placements.filter(status__in=working)),
            hired=Exists(HireConfirmation.objects.filter(company=OuterRef("pk"))),
            interview_role=Subquery(accepted.order_by("pk").values("role_id")[:1]),
            ranking_role=Subquery(
                evaluations.filter(result=CandidateEvaluation.Result.PASS)
                .order_by("pk")
                .values("role_id")[:1]
            ),
            contract_placement=Subquery(
                placements.filter(status=Placement.Status.AWAITING_CONTRACT)
                .order_by("pk")
                .values("pk")[:1]
            ),
            hire_placement=Subquery(
                placements.filter(status__in=working, hire_confirmation__isnull=True)
                .order_by("pk")
                .values("pk")[:1]
            ),
        )
        .values(
            "interviewed",
            "ranked",
            "contracted",
            "hired",
            "interview_role",
            "ranking_role",
            "contract_placement",
            "hire_placement",
        )
        .get()
    )


def active_placement_count(role: Role) -> int:
    """Seats of the role its matched interns take (every placement that is not cancelled)."""
    return role.placements.exclude(status=Placement.Status.CANCELLED).count()


def placements_for_company(company: Company | None) -> QuerySet:
    if company is None:
        return Placement.objects.none()
    latest_claim = IncentiveClaim.objects.filter(hire__placement=OuterRef("pk")).order_by(
        "-created_at", "-pk"
    )
    return (
        Placement.objects.filter(role__company=company)
        .exclude(status=Placement.Status.CANCELLED)
        .select_related(
            "role__intake__program", "role__company", "application__applicant", "hire_confirmation"
        )
        .annotate(latest_claim_status=Subquery(latest_claim.values("status")[:1]))
        .order_by("-created_at", "pk")
    )


def claims_for_company(company: Company | None) -> QuerySet[IncentiveClaim]:
    if company is None:
        return IncentiveClaim.objects.none()
    return IncentiveClaim.objects.filter(company=company).select_related(
        "hire__placement__role", "hire__placement__application__applicant"
    )


def hires_for_user(user) -> QuerySet:
    """Hire confirmations whose proof the user may download (own company, or city staff)."""
    hires = HireConfirmation.objects.select_related("company", "placement__application__applicant")
    if is_city_staff(user):
        return hires
    company_id = getattr(getattr(user, "company_membership", None), "company_id", None)
    return hires.filter(company_id=company_id) if company_id else hires.none()


def wage_support_krw(placement: Placement) -> int | None:
    """The Seoul living wage the city pays the company for the whole internship (rate in force
    on the contract start, the role's weekly hours); ``None`` before the contract is set."""
    if placement.contract_start is None:
        return None
    rate = living_wage_on(placement.contract_start)
    return internship_wage_total(
        hourly_krw=rate.hourly_krw,
        weekly_hours=placement.role.weekly_hours,
        months=internship_months(placement.role.intake.program),
    )


def company_incentive_krw(company: Company) -> int:
    """The employment incentive this company is paid for hiring its intern (its city's
    incentive programme's ``amount_krw``)."""
    return incentive_amount_krw(company.district.city if company.district_id else None)


# --- Staff work queues (the admin home) ----------------------------------------------------------


def screenings_needing_a_person() -> QuerySet[ScreeningResult]:
    """Results the batch could not decide (needs information) that no staff member has
    overridden yet."""
    return ScreeningResult.objects.filter(
        outcome=ScreeningResult.Outcome.NEEDS_INFO, override_outcome=""
    )


def invitations_unanswered(*, days: int, now=None) -> QuerySet[InterviewInvitation]:
    """Interview invitations still without an answer ``days`` days after they were sent."""
    sent_before = (now or timezone.now()) - timedelta(days=days)
    return InterviewInvitation.objects.filter(
        status=InterviewInvitation.Status.INVITED, created_at__lte=sent_before
    )


def placements_awaiting_contract() -> QuerySet[Placement]:
    return Placement.objects.filter(status=Placement.Status.AWAITING_CONTRACT)


def incentive_claims_to_decide() -> QuerySet[IncentiveClaim]:
    return IncentiveClaim.objects.filter(status=IncentiveClaim.Status.SUBMITTED)


# --- KPI figures (the admin KPI page, matching/kpi.py) -----------------------------------------


FUNNEL_STAGES = ("applied", "screened", "invited", "interviewed", "matched", "working", "hired")
_LIVE_PLACEMENT = ~Q(status=Placement.Status.CANCELLED)
_WORKING = (Placement.Status.CONTRACTED, Placement.Status.COMPLETED)


def funnel_by_programme_week() -> list[dict]:
    """Per programme and week of submission (Monday, Asia/Seoul): how many submitted
    applications got as far as each stage of :data:`FUNNEL_STAGES`. One query.

    screened = passed screening (a staff override counts), invited = at least one interview
    invitation, interviewed = an interview result recorded, matched = a placement not cancelled,
    working = a contracted (or completed) internship, hired = a regular hire confirmed.
    Each stage is ``id IN (the applications that reached it)``, which PostgreSQL runs as one
    hashed set per stage (an EXISTS per row made the planner's estimate, and its JIT
    compilation, grow with the table).
    """
    passed = Q(override_outcome=ScreeningResult.Outcome.PASS) | Q(
        override_outcome="", outcome=ScreeningResult.Outcome.PASS
    )
    reached = {
        "screened": ScreeningResult.objects.filter(passed).values("application"),
        "invited": InterviewInvitation.objects.values("application"),
        "interviewed": CandidateEvaluation.objects.exclude(
            result=CandidateEvaluation.Result.PENDING
        ).values("application"),
        "matched": Placement.objects.filter(_LIVE_PLACEMENT).values("application"),
        "working": Placement.objects.filter(status__in=_WORKING).values("application"),
        "hired": HireConfirmation.objects.values("placement__application"),
    }
    counts = {stage: Count("pk", filter=Q(pk__in=rows)) for stage, rows in reached.items()}
    return list(
        InternshipApplication.objects.filter(submitted_at__isnull=False)
        .annotate(week=TruncWeek("submitted_at"))
        .values("intake__program__name", "week")
        .annotate(applied=Count("pk"), **counts)
        .order_by("intake__program__order", "intake__program__name", "week")
    )


def companies_by_programme() -> tuple[list[dict], dict]:
    """Per programme: participating companies (verified, with a role posted in it), matched
    companies (at least one placement not cancelled) and interns (applicants placed); and the
    same for all programmes together, where a company counts once. Three queries."""
    posted = Role.objects.filter(company__status=Company.Status.VERIFIED).exclude(
        status=Role.Status.DRAFT
    )
    placed = Placement.objects.filter(_LIVE_PLACEMENT)

    def per_programme(rows: QuerySet, programme: str, column: str):
        rows = rows.filter(**{programme: OuterRef("pk")}).order_by().values(programme)
        rows = rows.annotate(n=Count(column, distinct=True)).values("n")
        return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))

    rows = (
        Program.objects.annotate(
            participating=per_programme(posted, "intake__program", "company"),
            matched=per_programme(placed, "role__intake__program", "role__company"),
            interns=per_programme(placed, "role__intake__program", "application__applicant"),
        )
        .filter(Q(participating__gt=0) | Q(interns__gt=0))
        .order_by("order", "name")
        .values("name", "participating", "matched", "interns")
    )
    total = {
        **posted.aggregate(participating=Count("company", distinct=True)),
        **placed.aggregate(
            matched=Count("role__company", distinct=True),
            interns=Count("application__applicant", distinct=True),
        ),
    }
    return list(rows), total


def participations_from_placements(profile_ids) -> dict[int, dict]:
    """The portal's own participation history: active placements in roles whose intake is a
    stage with dates (public jobs), as eligibility facts, in one query. A placement that ended
    early (``ended_on``) counts until that day.

    Registered as a fact source (``MatchingConfig.ready``), so the participation rules read
    these beside the history staff imported (``applicants.ParticipationRecord``).
    """
    rows = (
        Placement.objects.filter(
            application__applicant_id__in=profile_ids,
            role__intake__stage_starts_on__isnull=False,
            role__intake__stage_ends_on__isnull=False,
        )
        .exclude(status=Placement.Status.CANCELLED)
        .values_list(
            "application__applicant_id",
            "role__intake__program__code",
            "role__intake__stage_starts_on",
            "role__intake__stage_ends_on",
            "ended_on",
        )
        .order_by()
    )
    found: dict[int, dict] = {}
    for profile_id, code, start, stage_end, ended_early in rows:
        end = min(stage_end, ended_early) if ended_early and ended_early >= start else stage_end
        facts = found.setdefault(profile_id, {"participation_records": [], "participations": []})
        facts["participation_records"].append((code, start, end))
        facts["participations"].append((start, end))
    return found


# --- Contract acknowledgement ------------------------------------------------------------------


def with_contract_terms(queryset: QuerySet[Placement]) -> QuerySet[Placement]:
    """Placements with their contract-terms snapshots and confirmations (two more queries)."""
    snapshots = ContractTerms.objects.prefetch_related("confirmations__confirmed_by")
    return queryset.prefetch_related(Prefetch("contract_terms", queryset=snapshots))


def living_wage_rates() -> list[LivingWageRate]:
    """Every living-wage row, newest first (a short table staff edit once a year)."""
    return list(LivingWageRate.objects.order_by("-valid_from"))


def placement_contract_state(placement: Placement) -> ContractState:
    """Where one placement's contract confirmation stands (reloads its snapshots)."""
    placements = Placement.objects.select_related("role__intake__program")
    fresh = with_contract_terms(placements).get(pk=placement.pk)
    return contract_state(fresh, living_wage_rates())


def placements_for_intern(user) -> QuerySet[Placement]:
    """Her own live placements (404 for anyone else's)."""
    return (
        Placement.objects.filter(application__applicant__user=user)
        .exclude(status=Placement.Status.CANCELLED)
        .select_related("role__company", "role__intake__program", "application__intake__program")
    )
