"""Retention of internship data: her part ends with the intake or with the internship.

Registered in ``MatchingConfig.ready()`` (see ``womenup/privacy/retention.py``). Applications,
screening results, invitations, placements and hires stay (the funnel and the payments are
made of them); the companies' interview notes about her go. A hire's proof stays: it is the
evidence of the incentive paid from public money.
"""

from collections.abc import Iterable
from datetime import date

from django.db.models import Max
from django.utils.translation import gettext as _

from matching.models import CandidateEvaluation, HireConfirmation, InternshipApplication, Placement
from matching.services import internship_end
from womenup.models import Program
from womenup.programs.selectors import internship_months


def internship_activity() -> Iterable[tuple[int, date]]:
    yield from InternshipApplication.objects.values_list("applicant__user_id").annotate(
        Max("intake__closes_on")
    )
    placements = Placement.objects.filter(contract_start__isnull=False).values_list(
        "application__applicant__user_id", "contract_start", "ended_on", "role__intake__program"
    )
    months = {program.pk: internship_months(program) for program in Program.objects.all()}
    for user_id, start, ended_on, program_id in placements:  # ended early, or the internship's end
        yield user_id, ended_on or internship_end(start, months=months[program_id]) or start
    yield from HireConfirmation.objects.values_list(
        "placement__application__applicant__user_id"
    ).annotate(Max("hired_on"))


def evaluation_anonymise(*, user_ids: list[int], dry_run: bool) -> dict[str, int]:
    notes = CandidateEvaluation.objects.filter(
        application__applicant__user_id__in=user_ids
    ).exclude(note="")
    erased = {_("면접 메모"): notes.count()}
    if not dry_run:
        notes.update(note="")
    return erased
