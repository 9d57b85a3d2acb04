"""Why an applicant was not invited or not matched in a week's batch, in plain Korean.

Derived from what the batch stored (screening results, invitations, placements) and the
companies' current interview rankings, in a fixed number of queries whatever the number of
applications. The same sentences go to the dashboard and into the weekly notification.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy

from companies.models import Company, Role
from matching.models import (
    ApplicationChoice,
    InternshipApplication,
    InterviewInvitation,
    MatchingRun,
    Placement,
    ScreeningResult,
)
from matching.selectors import rankings_for_roles
from womenup.programs.eligibility.reasons import render_all


def latest_batch_week() -> str | None:
    """The week of the most recent finished weekly batch (what "this week" means to her)."""
    finished = MatchingRun.objects.filter(status=MatchingRun.Status.FINISHED).order_by("-week")
    return finished.values_list("week", flat=True).first()


def explanations_for_applications(
    application_ids, week: str, *, with_screening: bool = True
) -> dict[int, list[str]]:
    """``explanation_codes_for_applications`` worded now, in the active language."""
    found = explanation_codes_for_applications(application_ids, week, with_screening=with_screening)
    return {pk: explanation_lines(codes) for pk, codes in found.items()}


def explanation_lines(codes: list[dict]) -> list[str]:
    """The sentences of stored explanation codes (``{"code": ..., "params": {...}}``), in the
    active language: the weekly e-mail is worded when it is sent, in its reader's language."""
    lines = []
    for line in codes:
        code, params = line["code"], line.get("params", {})
        sentence = str(SENTENCES[code])
        if code == "needs_info":
            sentence %= {"items": " ".join(render_all(params.get("missing", [])))}
        elif code == "failed":
            sentence %= {"reasons": " ".join(render_all(params.get("reasons", [])))}
        elif "role" in params:
            sentence %= {"role": params["role"]}
        lines.append(sentence)
    return lines


def explanation_codes_for_applications(
    application_ids, week: str, *, with_screening: bool = True
) -> dict[int, list[dict]]:
    """For each application still in the pool after ``week``'s batch, why it got no further,
    as codes and values (``explanation_lines`` words them).

    Applications that were invited this week and are waiting, matched, withdrawn or not yet
    screened get no entry. ``application_ids`` may be a list or a queryset of ids. Without
    ``with_screening``, applications that did not pass screening get no entry either (a page that
    already shows the screening reasons does not need them twice).
    """
    in_pool = InternshipApplication.objects.filter(
        pk__in=application_ids, status=InternshipApplication.Status.SCREENED
    ).order_by()
    applications = list(
        in_pool.values_list(
            "pk",
            "screening__outcome",
            "screening__override_outcome",
            "screening__reasons",
            "screening__missing",
        )
    )
    if not applications:
        return {}
    in_pool_ids = in_pool.values("pk")  # a subquery: no list of ids goes over the wire
    chosen = _roles_by_application(
        ApplicationChoice.objects.filter(application_id__in=in_pool_ids).order_by(
            "application_id", "rank"
        )
    )
    invitations = list(
        InterviewInvitation.objects.filter(application_id__in=in_pool_ids)
        .exclude(status=InterviewInvitation.Status.DECLINED)
        .order_by("application_id", "role_id")
        .values_list("application_id", "role_id", "week")
    )
    invited_roles = {role_id for _app, role_id, _week in invitations}
    all_roles = invited_roles | {role for roles in chosen.values() for role in roles}
    open_seats, titles = _open_seats_and_titles(all_roles)
    rankings = rankings_for_roles(sorted(invited_roles)) if invited_roles else {}
    ranked_sets = {role_id: set(ranked) for role_id, ranked in rankings.items()}
    invitations_of: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for application_id, role_id, invited_week in invitations:
        invitations_of[application_id].append((role_id, invited_week))
    text = {key: key for key in SENTENCES}  # codes; explanation_lines words them
    found: dict[int, list[dict]] = {}
    for pk, outcome, override, reasons, missing in applications:
        lines = _screening_lines(text, override or outcome, reasons or [], missing or [])
        if lines is not None and not with_screening:
            continue
        if lines is None:
            invited = invitations_of.get(pk, [])
            lines = _invitation_lines(text, chosen.get(pk, []), invited, open_seats, week)
            earlier = [
                (role, invited_week) for role, invited_week in invited if invited_week != week
            ]
            lines += _match_lines(text, pk, earlier, ranked_sets, titles)
        if lines:
            found[pk] = [
                line if isinstance(line, dict) else {"code": line}
                for line in [*lines, text["stays_in_pool"]]
            ]
    return found


def _open_seats_and_titles(role_ids: set[int]) -> tuple[dict[int, int], dict[int, str]]:
    """Free seats of the open roles among ``role_ids`` and the titles of all of them (one query)."""
    active = ~Q(placements__status=Placement.Status.CANCELLED)
    rows = (
        Role.objects.filter(pk__in_array=list(role_ids))
        .annotate(taken=Count("placements", filter=active))
        .values_list("pk", "title", "seats", "taken", "status", "company__status")
        .order_by()
    )
    open_seats, titles = {}, {}
    for pk, title, seats, taken, status, company_status in rows:
        titles[pk] = title
        is_open = status == Role.Status.PUBLISHED and company_status == Company.Status.VERIFIED
        if is_open and seats > taken:
            open_seats[pk] = seats - taken
    return open_seats, titles


def _roles_by_application(choices) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for application_id, role_id in choices.values_list("application_id", "role_id"):
        found[application_id].append(role_id)
    return found


SENTENCES = {
    "needs_info": gettext_lazy(
        "서류심사에 필요한 정보가 부족해 이번 주 면접 제안 대상이 아니었습니다: %(items)s"
    ),
    "needs_info_next": gettext_lazy("정보를 보완하면 다음 주 서류심사에 반영됩니다."),
    "failed": gettext_lazy(
        "서류심사를 통과하지 못해 이번 주 면접 제안 대상이 아니었습니다: %(reasons)s"
    ),
    "slots_taken": gettext_lazy(
        "이번 주에는 지망한 직무의 면접 자리가 모두 적합도가 더 높은 지원자에게 돌아가 "
        "면접 제안을 받지 못했습니다."
    ),
    "no_open_role": gettext_lazy(
        "지망한 직무가 모두 마감되었거나 채용 인원이 다 찼습니다. "
        "다른 직무를 지망에 추가하면 다음 주 매칭에 반영됩니다."
    ),
    "not_ranked_yet": gettext_lazy("%(role)s: 기업이 아직 면접 결과를 입력하지 않았습니다."),
    "ranked_higher": gettext_lazy(
        "%(role)s: 이 직무의 자리는 모두 기업이 더 높은 순위로 평가한 지원자에게 돌아갔습니다."
    ),
    "not_passed": gettext_lazy("%(role)s: 기업의 면접 결과에서 합격자로 선정되지 않았습니다."),
    "stays_in_pool": gettext_lazy(
        "지원은 그대로 유지되며, 다음 주 매칭에 자동으로 다시 참여합니다."
    ),
}


def _screening_lines(
    text: dict[str, str], outcome: str | None, reasons: list, missing: list
) -> list | None:
    """Lines for an application that did not pass screening; None when it passed."""
    if outcome == ScreeningResult.Outcome.PASS:
        return None
    if outcome == ScreeningResult.Outcome.NEEDS_INFO:
        return [
            {"code": text["needs_info"], "params": {"missing": list(missing)}},
            text["needs_info_next"],
        ]
    return [{"code": text["failed"], "params": {"reasons": list(reasons)}}]


def _invitation_lines(
    text: dict[str, str],
    chosen: list[int],
    invitations: list[tuple[int, str]],
    open_seats: dict[int, int],
    week: str,
) -> list[str]:
    if any(invited_week == week for _role, invited_week in invitations):
        return []
    already_invited = {role for role, _week in invitations}
    if any(role in open_seats and role not in already_invited for role in chosen):
        return [text["slots_taken"]]
    if not already_invited:
        return [text["no_open_role"]]
    return []


def _match_lines(
    text: dict[str, str],
    application_id: int,
    invitations: list[tuple[int, str]],
    rankings: dict[int, set[int]],
    titles: dict[int, str],
) -> list[str]:
    lines = []
    for role_id, _week in invitations:
        ranked = rankings.get(role_id)
        if not ranked:
            key = "not_ranked_yet"
        elif application_id in ranked:
            key = "ranked_higher"
        else:
            key = "not_passed"
        lines.append({"code": text[key], "params": {"role": titles.get(role_id, "")}})
    return lines
