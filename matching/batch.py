"""The weekly batch (DESIGN.md §5): screen → invite to interviews → match → notify → record.

``weekly_batch_run`` is the one entry point (Celery task, management command, admin). Its
guarantees:

* one run per week key: a finished week is not run again (it says so and does nothing);
* never two at once: a PostgreSQL session advisory lock, released when the run ends or its
  connection dies (a killed worker frees it);
* each stage is one transaction that also appends the stage to ``MatchingRun.stages_done``, so a
  killed worker leaves either the whole stage or nothing, and a re-run resumes after the last
  finished stage;
* the same inputs give the same outputs (every ordering is explicit);
* a fixed number of queries whatever the number of applicants (bulk reads and writes).
"""

from __future__ import annotations

import logging
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from companies.models import Company, CompanyMembership, Role
from matching.engine import stable_match, stable_match_with_reserves
from matching.explanations import explanation_codes_for_applications
from matching.fit import (
    ApplicantFitData,
    fit_data_for_applicants,
    fit_data_for_roles,
    fit_parts,
    fit_score,
    submission_order_key,
)
from matching.models import (
    ApplicationChoice,
    InternshipApplication,
    InterviewInvitation,
    MatchingRun,
    Placement,
    ScreeningResult,
)
from matching.screening import applications_screen, passed_applications
from matching.selectors import rankings_for_roles
from womenup.bulk import json_text, rows_insert, rows_upsert
from womenup.models import MatchingMode, OutboxMessage, User
from womenup.tasks import outbox_deliver_pending

logger = logging.getLogger(__name__)

ADVISORY_LOCK_KEY = 0x574F4D454E5550  # "WOMENUP": one weekly batch at a time per database
BULK_BATCH_SIZE = None  # one statement per table: PostgreSQL takes them whole (UNNEST arrays)
WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{2})$")
_NO_FIT_DATA = ApplicantFitData()


class Result:
    FINISHED = "finished"
    ALREADY_RAN = "already_ran"
    BUSY = "busy"
    DRY_RUN = "dry_run"


@dataclass
class BatchOutcome:
    """What a call of :func:`weekly_batch_run` did, for the command, the task and the logs."""

    week: str
    result: str
    message: str
    counts: dict = field(default_factory=dict)
    durations: dict = field(default_factory=dict)


# --- Weeks ---------------------------------------------------------------------------------------


def week_key(day: date) -> str:
    """The ISO week of a day as a run key: 2024-06-03 → "2024-W23"."""
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class WeekState:
    """Whether this week's batch has run: what an applicant editing her choices is told."""

    week: str
    ran: bool
    next_monday: date  # the Monday of next week, when the next run is due


def week_state(*, on: date) -> WeekState:
    """This week's batch (one query): finished or not yet."""
    week = week_key(on)
    ran = MatchingRun.objects.filter(week=week, status=MatchingRun.Status.FINISHED).exists()
    return WeekState(week=week, ran=ran, next_monday=on + timedelta(days=7 - on.weekday()))


def week_monday(week: str) -> date:
    """The Monday of a week key; a clear error for anything that is not one."""
    found = WEEK_PATTERN.match(week or "")
    try:
        if not found:
            raise ValueError(week)
        return date.fromisocalendar(int(found[1]), int(found[2]), 1)
    except ValueError:
        raise ValidationError(
            _("주차는 2024-W23 처럼 연도-W주차 형식으로 입력해 주세요 (입력값: %(week)s).")
            % {"week": week}
        ) from None


# --- The run -------------------------------------------------------------------------------------


def weekly_batch_run(
    *,
    week: str | None = None,
    dry_run: bool = False,
    triggered_by: str = "manual",
    created_by: User | None = None,
) -> BatchOutcome:
    """Run (or resume) the batch for ``week`` (default: this week in Seoul).

    ``created_by`` is the staff member who started it by hand (none for the schedule).

    ``dry_run`` computes every remaining stage and reports its counts, then rolls everything
    back: nothing is written, nobody is notified.
    """
    week = week or week_key(timezone.localdate())
    monday = week_monday(week)
    with _advisory_lock() as acquired:
        if not acquired:
            return BatchOutcome(
                week, Result.BUSY, _("다른 주간 매칭이 실행 중입니다. 아무것도 하지 않았습니다.")
            )
        if not dry_run:
            return _stages_run(week=week, on=monday, triggered_by=triggered_by, by=created_by)
        with transaction.atomic():
            outcome = _stages_run(week=week, on=monday, triggered_by=triggered_by, by=created_by)
            transaction.set_rollback(True)
        if outcome.result == Result.FINISHED:
            outcome.result = Result.DRY_RUN
            outcome.message = _("시험 실행: 계산만 하고 아무것도 저장하지 않았습니다.")
        return outcome


def _stages_run(*, week: str, on: date, triggered_by: str, by: User | None) -> BatchOutcome:
    run, _created = MatchingRun.objects.get_or_create(
        week=week, defaults={"triggered_by": triggered_by[:120], "created_by": by}
    )
    if run.status == MatchingRun.Status.FINISHED:
        return BatchOutcome(
            week,
            Result.ALREADY_RAN,
            _("%(week)s 주간 매칭은 이미 실행되었습니다. 아무것도 하지 않았습니다.")
            % {"week": week},
            run.counts,
            run.durations,
        )
    for name, stage in STAGES:
        if name not in run.stages_done:
            _stage_run(run=run, name=name, stage=stage, on=on)
    run.status = MatchingRun.Status.FINISHED
    run.finished_at = timezone.now()
    total = (run.finished_at - run.started_at).total_seconds()
    run.durations = {**run.durations, "total": round(total, 3)}
    run.last_error = ""
    run.save(update_fields=["status", "finished_at", "durations", "last_error"])
    return BatchOutcome(
        week,
        Result.FINISHED,
        _("%(week)s 주간 매칭을 마쳤습니다.") % {"week": week},
        run.counts,
        run.durations,
    )


def _stage_run(*, run: MatchingRun, name: str, stage: Callable, on: date) -> None:
    """One stage and its record in the run row, in one transaction."""
    started = time.perf_counter()
    try:
        with transaction.atomic():
            counts = stage(week=run.week, on=on)
            _planner_statistics_refresh(STAGE_WRITES.get(name, ()))
            run.counts = {**run.counts, name: counts}
            run.durations = {**run.durations, name: round(time.perf_counter() - started, 3)}
            run.stages_done = [*run.stages_done, name]
            run.status = MatchingRun.Status.RUNNING
            run.save(update_fields=["counts", "durations", "stages_done", "status"])
    except Exception as error:
        logger.exception("Weekly batch %s failed in stage %s", run.week, name)
        MatchingRun.objects.filter(pk=run.pk).update(
            status=MatchingRun.Status.FAILED, last_error=f"{name}: {error}"[:2000]
        )
        raise


def _planner_statistics_refresh(models) -> None:
    """Let PostgreSQL's planner see what the stage just wrote (statuses, new rows).

    A stage rewrites many rows at once; with the statistics of before, the planner would think
    e.g. that no application is screened yet and pick plans that are quadratic in the pool.
    ANALYZE samples a fixed number of rows, and inside the stage's transaction it sees its rows.
    Only the tables the stage changed in bulk and a later stage reads (``STAGE_WRITES``).
    """
    if connection.vendor != "postgresql" or not models:
        return
    tables = [model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(tables)}")


@contextmanager
def _advisory_lock() -> Iterator[bool]:
    """Try the batch's advisory lock on this connection; yields whether it was acquired."""
    if connection.vendor != "postgresql":  # the embedded SQLite fallback has one writer anyway
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])


def open_seats_by_role() -> dict[int, int]:
    """Seats still free (seats minus active placements) of the open roles that have any."""
    active = ~Q(placements__status=Placement.Status.CANCELLED)
    rows = (
        Role.objects.filter(status=Role.Status.PUBLISHED, company__status=Company.Status.VERIFIED)
        .annotate(taken=Count("placements", filter=active))
        .values_list("pk", "seats", "taken")
        .order_by()
    )
    return {pk: seats - taken for pk, seats, taken in rows if seats > taken}


# --- Stage 2: interview invitations --------------------------------------------------------------


def interview_invitations_create(*, week: str, on: date) -> dict[str, int]:
    """Invite the best-fitting screened applicants, up to seats × factor per role.

    Applicant-proposing deferred acceptance: applicants' ranked choices against each role's
    fit-score order, the free interview slots as capacities. A pair already invited is never
    invited again; pending invitations keep their slots.
    """
    factor = settings.MATCHING_INTERVIEW_FACTOR
    pool = passed_applications()
    submitted, profile_of = {}, {}
    for application_id, submitted_at, profile_id in pool.values_list(
        "pk", "submitted_at", "applicant_id"
    ):
        submitted[application_id] = submitted_at
        profile_of[application_id] = profile_id
    open_seats = _interviewing(open_seats_by_role())
    pending = _pending_invitations_by_role(pool)
    capacities = {
        role: max(0, seats * factor - pending.get(role, 0)) for role, seats in open_seats.items()
    }
    invited_pairs = set(
        InterviewInvitation.objects.filter(application__in=pool).values_list(
            "application_id", "role_id"
        )
    )
    applicant_prefs, candidates = _choices_for(pool, capacities, exclude=invited_pairs)
    applicants_fit = fit_data_for_applicants(pool.values_list("applicant_id", flat=True))
    roles_fit = fit_data_for_roles(candidates.keys())
    role_prefs = _fit_order(candidates, roles_fit, applicants_fit, submitted, profile_of)
    matched = stable_match(applicant_prefs, role_prefs, capacities)
    invitations = []
    for application_id, role_id in sorted(matched.items()):
        applicant_fit = applicants_fit.get(profile_of[application_id], _NO_FIT_DATA)
        parts = fit_parts(applicant_fit, roles_fit[role_id])
        invitations.append((application_id, role_id, week, sum(parts.values()), json_text(parts)))
    if invitations:
        rows_insert(
            InterviewInvitation,
            ["application", "role", "week", "fit_score", "fit_parts"],
            invitations,
        )
    return {
        "pool": len(submitted),
        "candidates": len(applicant_prefs),
        "roles": len(role_prefs),
        "invited": len(invitations),
    }


def _fit_order(candidates, roles_fit, applicants_fit, submitted, profile_of) -> dict:
    """Each role's candidates best first: fit score, then submission time, then id
    (``role_side_order_key``; what does not depend on the role is looked up once)."""
    fit_of, ties = {}, {}
    for app, profile in profile_of.items():
        fit_of[app] = applicants_fit.get(profile, _NO_FIT_DATA)
        ties[app] = submission_order_key(submitted[app], app)
    role_prefs = {}
    for role_id, applications in candidates.items():
        role_fit = roles_fit[role_id]
        keyed = sorted((-fit_score(fit_of[app], role_fit), ties[app], app) for app in applications)
        role_prefs[role_id] = [app for _score, _tie, app in keyed]
    return role_prefs


@dataclass(frozen=True)
class _RoleProgramme:
    """What a role's programme says about filling it."""

    seats: int
    direct: bool
    reserved: int
    priority_groups: frozenset[str]


def _role_programmes(role_ids) -> dict[int, _RoleProgramme]:
    rows = (
        Role.objects.filter(pk__in_array=list(role_ids))
        .values_list(
            "pk",
            "seats",
            "intake__program__matching_mode",
            "intake__program__reserved_seat_percent",
            "intake__program__priority_groups",
        )
        .order_by()
    )
    found = {}
    for pk, seats, mode, percent, groups in rows:
        groups = frozenset(groups or ())
        reserved = (seats * percent + 50) // 100 if groups else 0
        found[pk] = _RoleProgramme(seats, mode == MatchingMode.DIRECT, reserved, groups)
    return found


def _interviewing(open_seats: dict[int, int]) -> dict[int, int]:
    """The open roles filled through interviews (not those of direct-assignment programmes)."""
    programmes = _role_programmes(open_seats)
    return {role: seats for role, seats in open_seats.items() if not programmes[role].direct}


def _pending_invitations_by_role(pool) -> dict[int, int]:
    pending: dict[int, int] = defaultdict(int)
    rows = InterviewInvitation.objects.filter(
        application__in=pool,
        status__in=[InterviewInvitation.Status.INVITED, InterviewInvitation.Status.ACCEPTED],
    ).values_list("role_id", flat=True)
    for role_id in rows:
        pending[role_id] += 1
    return pending


def _choices_for(pool, roles, *, exclude=frozenset(), acceptable=None):
    """Applicants' ranked choices among ``roles``, and each role's applicants (by application id).

    ``exclude`` drops (application, role) pairs; ``acceptable`` (role → set of applications),
    when given, keeps only pairs the role listed.
    """
    applicant_prefs: dict[int, list[int]] = defaultdict(list)
    candidates: dict[int, list[int]] = defaultdict(list)
    rows = (
        ApplicationChoice.objects.filter(application__in=pool, role_id__in_array=list(roles))
        .order_by("application_id", "rank")
        .values_list("application_id", "role_id")
    )
    for application_id, role_id in rows:
        if (application_id, role_id) in exclude:
            continue
        if acceptable is not None and application_id not in acceptable[role_id]:
            continue
        applicant_prefs[application_id].append(role_id)
        candidates[role_id].append(application_id)
    return dict(applicant_prefs), dict(candidates)


# --- Stage 3: matches ----------------------------------------------------------------------------


def placements_create(*, week: str, on: date) -> dict[str, int]:
    """Match applicants to the roles whose company ranked its interviewed candidates, and to
    the roles of direct-assignment programmes (public jobs) in fit order.

    Applicant-proposing deferred acceptance, applicants' choices against the companies'
    rankings (or the fit order), capacity = open seats. A programme that reserves a share of
    its roles' seats for priority groups gets them filled with priority applicants first, and
    what they leave is released to everyone (``stable_match_with_reserves``). The roles are
    locked first, so nothing else can add a placement to them meanwhile: a role never gets
    more placements than its seats.
    """
    list(
        Role.objects.select_for_update()
        .filter(status=Role.Status.PUBLISHED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    open_seats = open_seats_by_role()
    programmes = _role_programmes(open_seats)
    pool = passed_applications()
    rows = list(
        pool.values_list("pk", "submitted_at", "applicant_id", "applicant__priority_groups")
    )
    in_pool = {row[0] for row in rows}
    rankings = rankings_for_roles(sorted(r for r in open_seats if not programmes[r].direct))
    role_prefs = {
        role_id: [app for app in ranked if app in in_pool]
        for role_id, ranked in sorted(rankings.items())
        if role_id in open_seats
    }
    role_prefs.update(_direct_role_prefs(pool, rows, open_seats, programmes))
    role_prefs = {role_id: ranked for role_id, ranked in sorted(role_prefs.items()) if ranked}
    acceptable = {role_id: set(ranked) for role_id, ranked in role_prefs.items()}
    applicant_prefs, _candidates = _choices_for(pool, role_prefs, acceptable=acceptable)
    reserves = _open_reserves(role_prefs, open_seats, programmes)
    priority = _priority_applications(rows, applicant_prefs, programmes)
    matched = stable_match_with_reserves(
        applicant_prefs,
        role_prefs,
        {role: open_seats[role] for role in role_prefs},
        reserves,
        priority,
    )
    placements = [
        Placement(application_id=application_id, role_id=role_id, week=week)
        for application_id, role_id in sorted(matched.items())
    ]
    reason = f"주간 매칭 {week}"  # the change history's reason for the batch's rows
    bulk_create_with_history(
        placements, Placement, batch_size=BULK_BATCH_SIZE, default_change_reason=reason
    )
    now_matched = InternshipApplication.objects.filter(pk__in_array=sorted(matched))
    now_matched.update(status=InternshipApplication.Status.MATCHED, updated_at=timezone.now())
    if matched:
        InternshipApplication.history.bulk_history_create(
            list(now_matched), update=True, batch_size=BULK_BATCH_SIZE, default_change_reason=reason
        )
    return {
        "ranked_roles": len(role_prefs),
        "candidates": len(applicant_prefs),
        "matched": len(placements),
        "reserved_to_priority": sum(1 for app in matched if app in priority),
    }


def _direct_role_prefs(pool, rows, open_seats, programmes) -> dict[int, list[int]]:
    """Direct-assignment roles: every screened applicant who chose one, in fit order."""
    direct = {role: seats for role, seats in open_seats.items() if programmes[role].direct}
    if not direct:
        return {}
    submitted = {pk: at for pk, at, _profile, _groups in rows}
    profile_of = {pk: profile for pk, _at, profile, _groups in rows}
    _prefs, candidates = _choices_for(pool, direct)
    applicants_fit = fit_data_for_applicants(pool.values_list("applicant_id", flat=True))
    roles_fit = fit_data_for_roles(candidates.keys())
    return _fit_order(candidates, roles_fit, applicants_fit, submitted, profile_of)


def _open_reserves(role_prefs, open_seats, programmes) -> dict[int, int]:
    """Reserved seats still to fill: the programme's share of the role's seats, less the
    priority applicants already placed there."""
    reserving = [role for role in role_prefs if programmes[role].reserved]
    if not reserving:
        return {}
    placed: dict[int, int] = defaultdict(int)
    rows = (
        Placement.objects.filter(role_id__in_array=reserving)
        .exclude(status=Placement.Status.CANCELLED)
        .values_list("role_id", "application__applicant__priority_groups")
        .order_by()
    )
    for role_id, groups in rows:
        if programmes[role_id].priority_groups & set(groups or ()):
            placed[role_id] += 1
    return {
        role: min(open_seats[role], max(0, programmes[role].reserved - placed[role]))
        for role in reserving
    }


def _priority_applications(rows, applicant_prefs, programmes) -> frozenset[int]:
    """Applications whose applicant belongs to a priority group of the programme she applies
    to (every role of an application is of its intake's programme)."""
    found = set()
    for pk, _at, _profile, groups in rows:
        wanted = applicant_prefs.get(pk)
        if wanted and groups and programmes[wanted[0]].priority_groups & set(groups):
            found.add(pk)
    return frozenset(found)


# --- Stage 4: notifications ----------------------------------------------------------------------


def batch_notifications_queue(*, week: str, on: date) -> dict[str, int]:
    """Tell everyone affected: invited and matched applicants, their companies, and every
    screened applicant who got no further this week (why, and that she stays in the pool).

    Messages are outbox rows with a per-week dedupe key, written in bulk; a re-run adds none.
    """
    messages = [
        *_invited_messages(week),
        *_matched_messages(week),
        *_company_messages(week),
        *_explanation_messages(week),
    ]
    _outbox_rows_insert(messages)
    transaction.on_commit(_outbox_sweep_request)
    kinds: dict[str, int] = defaultdict(int)
    for message in messages:
        kinds[message.dedupe_key.split(":")[2]] += 1
    return {"messages": len(messages), **kinds}


class _Message(NamedTuple):
    """An outbox row's values, in the order ``_outbox_rows_insert`` writes them."""

    recipient_id: int
    to_email: str
    template: str
    context: str  # JSON text, as the outbox row stores it
    language: str
    dedupe_key: str


def _message(*, user: tuple[int, str, str], key: str, template: str, **context) -> _Message:
    """``user`` is (id, e-mail, language): the template is rendered at send time in hers."""
    user_id, email, language = user
    return _Message(
        recipient_id=user_id,
        to_email=email,
        template=template,
        context=json_text(context),
        language=language,
        dedupe_key=key,
    )


def _outbox_rows_insert(messages: list[_Message]) -> None:
    """Write pending outbox rows, in a fixed number of statements; a dedupe key already there is
    skipped. The same rows ``womenup.notifications.services.notification_queue`` writes one at a
    time (pending, no attempts yet)."""
    if messages:
        rows_upsert(OutboxMessage, _Message._fields, messages, unique=["dedupe_key"])


def _invited_messages(week: str) -> list[_Message]:
    rows = (
        InterviewInvitation.objects.filter(week=week)
        .order_by("application_id", "role_id")
        .values_list(
            "application_id",
            "role_id",
            "application__applicant__user_id",
            "application__applicant__user__email",
            "application__applicant__user__language",
            "role__title",
            "role__company__name",
        )
    )
    return [
        _message(
            user=(user_id, email, language),
            key=f"batch:{week}:invited:{application_id}:{role_id}",
            template="matching/email/interview_invitation",
            company=company,
            role=title,
        )
        for application_id, role_id, user_id, email, language, title, company in rows
    ]


def _matched_messages(week: str) -> list[_Message]:
    rows = (
        Placement.objects.filter(week=week)
        .order_by("application_id")
        .values_list(
            "application_id",
            "application__applicant__user_id",
            "application__applicant__user__email",
            "application__applicant__user__language",
            "role__title",
            "role__company__name",
        )
    )
    return [
        _message(
            user=(user_id, email, language),
            key=f"batch:{week}:matched:{application_id}",
            template="matching/email/matched",
            company=company,
            role=title,
        )
        for application_id, user_id, email, language, title, company in rows
    ]


def _company_messages(week: str) -> list[_Message]:
    invited: dict[int, int] = defaultdict(int)
    matched: dict[int, int] = defaultdict(int)
    for company_id in InterviewInvitation.objects.filter(week=week).values_list(
        "role__company_id", flat=True
    ):
        invited[company_id] += 1
    for company_id in Placement.objects.filter(week=week).values_list(
        "role__company_id", flat=True
    ):
        matched[company_id] += 1
    companies = sorted(invited.keys() | matched.keys())
    members = (
        CompanyMembership.objects.filter(company_id__in_array=companies)
        .order_by("company_id", "user_id")
        .values_list("company_id", "user_id", "user__email", "user__language")
    )
    return [
        _message(
            user=(user_id, email, language),
            key=f"batch:{week}:company:{company_id}:{user_id}",
            template="matching/email/company_weekly",
            invited=invited.get(company_id, 0),
            matched=matched.get(company_id, 0),
        )
        for company_id, user_id, email, language in members
    ]


def _explanation_messages(week: str) -> list[_Message]:
    """The explanations are stored as codes and values; the e-mail words them when it is sent,
    in the recipient's language then (``matching.explanations.explanation_lines``)."""
    screened = InternshipApplication.objects.filter(status=InternshipApplication.Status.SCREENED)
    explanations = explanation_codes_for_applications(screened.values_list("pk", flat=True), week)
    recipients = [
        row
        for row in screened.values_list(
            "pk", "applicant__user_id", "applicant__user__email", "applicant__user__language"
        )
        .order_by("pk")
        .iterator(chunk_size=10_000)
        if row[0] in explanations
    ]
    return [
        _message(
            user=(user_id, email, language),
            key=f"batch:{week}:pool:{application_id}",
            template="matching/email/weekly_explanation",
            explanations=explanations[application_id],
        )
        for application_id, user_id, email, language in recipients
    ]


def _outbox_sweep_request() -> None:
    """Ask a worker to send the new messages now; if the broker is down, the periodic sweep will."""
    try:
        outbox_deliver_pending.apply_async(retry=False)
    except Exception:
        logger.warning("Broker unreachable; weekly batch messages wait for the outbox sweep.")


STAGES: tuple[tuple[str, Callable[..., dict[str, int]]], ...] = (
    ("screen", applications_screen),
    ("invite", interview_invitations_create),
    ("match", placements_create),
    ("notify", batch_notifications_queue),
)
# The tables each stage rewrites in bulk and a later stage reads: analysed as the stage ends.
# (The matches change a few applications' status only; the messages are the last stage.)
STAGE_WRITES = {
    "screen": (InternshipApplication, ScreeningResult),
    "invite": (InterviewInvitation,),
    "match": (Placement,),
}
STAGE_LABELS = {
    "screen": gettext_lazy("서류심사"),
    "invite": gettext_lazy("면접 제안"),
    "match": gettext_lazy("매칭"),
    "notify": gettext_lazy("알림"),
}
# What each stage counted (MatchingRun.counts), as staff read it in admin.
COUNT_LABELS = {
    "screen": {
        "screened": gettext_lazy("심사"),
        "pass": gettext_lazy("통과"),
        "fail": gettext_lazy("탈락"),
        "needs_info": gettext_lazy("보완 필요"),
    },
    "invite": {
        "pool": gettext_lazy("대상 신청"),
        "candidates": gettext_lazy("후보 참여자"),
        "roles": gettext_lazy("직무"),
        "invited": gettext_lazy("면접 제안"),
    },
    "match": {
        "ranked_roles": gettext_lazy("순위를 정한 직무"),
        "candidates": gettext_lazy("후보 참여자"),
        "matched": gettext_lazy("매칭"),
    },
    "notify": {
        "messages": gettext_lazy("알림 전체"),
        "invited": gettext_lazy("면접 제안 알림"),
        "matched": gettext_lazy("매칭 알림"),
        "company": gettext_lazy("기업 알림"),
        "pool": gettext_lazy("미선정 안내"),
    },
}
