"""Document screening of internship applications, in bulk, with the catalogue's evaluator.

The rules are the program's rule rows (``womenup.programs.selectors.rules_by_program``; for an
intake run as a stage, participation limits count back from the stage's first day), the
facts are the applicant's (those of ``applicants.selectors.facts_for_applicants``) and the judge is
``womenup.programs.eligibility.Judge`` over ``evaluate`` — the same evaluator the application form
and course enrollment use, and the same judge the public self-check asks (``self_check.py``), so
an applicant is never told one thing before sign-up or on the form and another by the batch.

The computed ``reasons`` and ``missing`` are stored as reason codes with their params and worded
when shown, in the reader's language (``womenup.programs.eligibility.reasons``). A staff override
(with its reason, a person's own words) is stored beside the computed result and is never touched
by a re-run: the batch rewrites ``outcome``/``reasons``/``missing`` only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from applicants.models import Consent
from applicants.selectors import facts_for_applicants
from matching.models import InternshipApplication, ScreeningResult
from womenup.bulk import json_text, rows_upsert
from womenup.models import User
from womenup.programs.eligibility import Facts, Judge, Outcome, Reason, Verdict, for_stage
from womenup.programs.selectors import rules_by_program


def applications_to_screen() -> QuerySet[InternshipApplication]:
    """Every application in the pool: submitted, or screened and neither matched nor withdrawn."""
    return InternshipApplication.objects.filter(
        status__in=[InternshipApplication.Status.SUBMITTED, InternshipApplication.Status.SCREENED]
    )


def _provision_consent_in_force() -> Exists:
    """The applicant lets the portal give her data to the companies she applies to."""
    return Exists(
        Consent.objects.filter(
            profile=OuterRef("applicant_id"),
            item=Consent.Item.PROVISION,
            withdrawn_at__isnull=True,
        )
    )


def passed_applications() -> QuerySet[InternshipApplication]:
    """Applications in the pool whose effective screening outcome (override first) is a pass.

    Without the provision consent no company may see her, so not even a staff override puts
    her before one.
    """
    passed = ScreeningResult.Outcome.PASS
    return (
        InternshipApplication.objects.filter(status=InternshipApplication.Status.SCREENED)
        .filter(
            Q(screening__override_outcome=passed)
            | Q(screening__override_outcome="", screening__outcome=passed)
        )
        .filter(_provision_consent_in_force())
    )


@dataclass(frozen=True)
class _Screened:
    """What is stored of a screening: the rules' verdict, or a failure the rules do not see."""

    outcome: Outcome
    reasons: list[Reason]
    missing: list[Reason]


def _without_provision_consent(verdict: Verdict) -> _Screened:
    reason = Reason("consent.fail", {"item": "provision"})
    return _Screened(Outcome.FAIL, [reason, *verdict.reasons], verdict.missing)


def applications_screen(*, week: str, on: date) -> dict[str, int]:
    """Screen every application in the pool as of date ``on``; returns counts per outcome.

    A fixed number of queries whatever the number of applications. Runs in the caller's
    transaction (the weekly batch makes it one atomic stage).
    """
    pool = applications_to_screen()
    rows = list(
        pool.values_list("pk", "applicant_id", "intake__program_id", "intake__stage_starts_on")
    )
    rules = rules_by_program({row[2] for row in rows})
    judges = {
        (program_id, starts_on): Judge(for_stage(rules[program_id], starts_on), on=on)
        for program_id, starts_on in {(row[2], row[3]) for row in rows}
    }
    facts = facts_for_applicants(pool.values_list("applicant_id", flat=True))
    consenting = set(
        pool.filter(_provision_consent_in_force()).values_list("applicant_id", flat=True)
    )
    unconsented: dict[int, tuple[Verdict, _Screened]] = {}  # by the rules' verdict, kept alive
    counts = {outcome.value: 0 for outcome in ScreeningResult.Outcome}
    verdicts = []
    unknown = Facts()
    for pk, applicant_id, program_id, starts_on in rows:
        verdict = judges[program_id, starts_on].verdict(facts.get(applicant_id, unknown))
        if applicant_id not in consenting:
            if id(verdict) not in unconsented:
                unconsented[id(verdict)] = (verdict, _without_provision_consent(verdict))
            verdict = unconsented[id(verdict)][1]
        counts[verdict.outcome.value] += 1
        verdicts.append((pk, verdict))
    screened_at = timezone.now()
    _screening_results_write(verdicts, week=week, screened_at=screened_at)
    pool.filter(status=InternshipApplication.Status.SUBMITTED).update(
        status=InternshipApplication.Status.SCREENED, updated_at=screened_at
    )
    return {"screened": len(verdicts), **counts}


def _screening_results_write(
    verdicts: list[tuple[int, Verdict | _Screened]], *, week: str, screened_at
):
    """Insert or update the computed part of every result, in a fixed number of statements.

    ``ON CONFLICT DO UPDATE`` of the computed columns only: a staff override (its own columns)
    is never touched. A verdict many applicants share is encoded once.
    """
    if not verdicts:
        return
    encoded: dict[int, tuple[str, str, str]] = {}  # per verdict object: shared by many applicants
    rows = []
    for pk, verdict in verdicts:
        found = encoded.get(id(verdict))
        if found is None:
            found = encoded[id(verdict)] = (
                verdict.outcome.value,
                json_text(_stored(verdict.reasons)),
                json_text(_stored(verdict.missing)),
            )
        rows.append((pk, *found, week, screened_at))
    computed = ["outcome", "reasons", "missing", "week", "screened_at"]
    rows_upsert(
        ScreeningResult, ["application", *computed], rows, unique=["application"], update=computed
    )


def _stored(reasons: list[Reason]) -> list[dict]:
    """Reasons as stored: ``{"code", "params"}`` each, worded only when shown (reasons.render)."""
    return [reason.as_json() for reason in reasons]


@transaction.atomic
def screening_override(
    *, result: ScreeningResult, outcome: str, reason: str, staff: User
) -> ScreeningResult:
    """Set a staff decision over the computed result; kept across every later re-run."""
    reason = (reason or "").strip()
    if outcome not in ScreeningResult.Outcome.values:
        raise ValidationError(_("조정 결과를 통과, 탈락, 보완 필요 중에서 골라 주세요."))
    if not reason:
        raise ValidationError(_("담당자 조정에는 사유가 필요합니다. 조정 사유를 적어 주세요."))
    result = (
        ScreeningResult.objects.select_for_update().select_related("application").get(pk=result.pk)
    )
    closed = {InternshipApplication.Status.MATCHED, InternshipApplication.Status.WITHDRAWN}
    if result.application.status in closed:
        raise ValidationError(
            _("이미 매칭되었거나 취소된 신청(%(status)s)의 심사 결과는 조정할 수 없습니다.")
            % {"status": result.application.get_status_display()}
        )
    result.override_outcome = outcome
    result.override_reason = reason
    result.overridden_by = staff
    result.overridden_at = timezone.now()
    result.full_clean()
    result.save(
        update_fields=["override_outcome", "override_reason", "overridden_by", "overridden_at"]
    )
    return result


@transaction.atomic
def screening_override_clear(*, result: ScreeningResult, staff: User) -> ScreeningResult:
    """Remove a staff decision: the computed result applies again."""
    result = ScreeningResult.objects.select_for_update().get(pk=result.pk)
    result.override_outcome = ""
    result.override_reason = ""
    result.overridden_by = staff
    result.overridden_at = timezone.now()
    result.save(
        update_fields=["override_outcome", "override_reason", "overridden_by", "overridden_at"]
    )
    return result
