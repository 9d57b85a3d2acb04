"""The internship section of the applicant dashboard (see applicants/dashboard.py).

Each application shows its status, a timeline of what happened and what comes next, her ranked
choices, the screening result with its plain-Korean reasons, interview invitations to answer and
placements. The weekly batch adds, per application, plain-Korean explanations of why she was not
invited or matched this week: ``explanations_for`` is the place for them.

The company pages get their sections from here too (registered in ``MatchingConfig.ready()``
through companies/hooks.py): the dashboard's roles with their candidate counts, interns and
incentive claims, and a role's candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

from applicants.dashboard import DashboardSection
from applicants.proxy import on_behalf_label
from applicants.selectors import candidate_cards
from matching.explanations import explanations_for_applications, latest_batch_week
from matching.models import InternshipApplication, InterviewInvitation, Placement
from matching.selectors import (
    applications_for_applicant,
    candidates_for_role,
    claims_for_company,
    dashboard_roles,
    is_editable,
    placements_for_company,
    screening_of,
)
from womenup.programs.selectors import internship_months


@dataclass(frozen=True)
class TimelineEvent:
    when: datetime | None
    text: str
    upcoming: bool = False


@dataclass
class ApplicationCard:
    application: InternshipApplication
    editable: bool
    screening: object | None
    timeline: list[TimelineEvent] = field(default_factory=list)
    open_invitations: list[InterviewInvitation] = field(default_factory=list)
    explanations: list[str] = field(default_factory=list)


def applicant_section(profile) -> DashboardSection | None:
    """Her internship applications, in a fixed number of queries (5 whatever the data)."""
    applications = list(applications_for_applicant(profile))
    if not applications:
        return None
    cards = [_card(application) for application in applications]
    return DashboardSection(
        template="matching/dashboard_section.html",
        context={"cards": cards, "explanations": explanations_for(profile, applications)},
    )


def explanations_for(profile, applications) -> list[str]:
    """Why she was not invited or matched this week, and that she stays in the pool.

    From ``matching.explanations`` (the weekly batch's own reading of what it stored): no query
    without a screened application, at most six otherwise, whatever the data size.
    """
    screened = [a.pk for a in applications if a.status == InternshipApplication.Status.SCREENED]
    week = latest_batch_week() if screened else None
    if week is None:
        return []
    found = explanations_for_applications(screened, week, with_screening=False)
    return [line for pk in screened for line in found.get(pk, [])]


def _card(application: InternshipApplication) -> ApplicationCard:
    screening = screening_of(application)
    invitations = list(application.invitations.all())
    return ApplicationCard(
        application=application,
        editable=is_editable(application),
        screening=screening,
        timeline=_timeline(application, screening, invitations),
        open_invitations=[i for i in invitations if i.status == InterviewInvitation.Status.INVITED],
    )


def _timeline(application, screening, invitations) -> list[TimelineEvent]:
    events = [TimelineEvent(application.created_at, _("신청서 작성 시작"))]
    if application.submitted_at:
        submitted = _("신청서 제출")
        if application.submitted_by_id:
            submitted = f"{submitted} ({on_behalf_label(application.submitted_by)})"
        events.append(TimelineEvent(application.submitted_at, submitted))
    if screening is not None:
        events.append(
            TimelineEvent(
                screening.screened_at,
                _("서류심사 결과: %(outcome)s")
                % {"outcome": screening.Outcome(screening.effective_outcome).label},
            )
        )
    for invitation in invitations:
        events.append(
            TimelineEvent(
                invitation.created_at,
                _("%(company)s · %(role)s 면접 제안")
                % {"company": invitation.role.company.name, "role": invitation.role.title},
            )
        )
        if invitation.responded_at:
            events.append(
                TimelineEvent(
                    invitation.responded_at,
                    _("면접 제안 %(answer)s") % {"answer": invitation.get_status_display()},
                )
            )
    for placement in application.placements.all():
        events.append(
            TimelineEvent(
                placement.created_at,
                _("%(company)s · %(role)s 매칭 (%(status)s)")
                % {
                    "company": placement.role.company.name,
                    "role": placement.role.title,
                    "status": placement.get_status_display(),
                },
            )
        )
    if application.withdrawn_at:
        events.append(TimelineEvent(application.withdrawn_at, _("신청 취소")))
    events.sort(key=lambda event: event.when)
    events.append(TimelineEvent(None, _next_step(application, screening), upcoming=True))
    return events


def _next_step(application, screening) -> str:
    status = application.status
    if status == InternshipApplication.Status.DRAFT:
        return _("다음 단계: 지망 직무를 확인하고 신청서를 제출하세요.")
    if status == InternshipApplication.Status.WITHDRAWN:
        return _("취소한 신청입니다. 모집 기간 안에는 직무를 다시 담아 지원할 수 있습니다.")
    live = [p for p in application.placements.all() if p.status != Placement.Status.CANCELLED]
    if live:
        return _placement_step(live[0])
    if screening is None:
        return _(
            "다음 단계: 매주 월요일 서류심사를 합니다. 그 전까지는 수정하거나 취소할 수 있습니다."
        )
    if screening.effective_outcome == screening.Outcome.FAIL:
        return _("서류심사를 통과하지 못했습니다. 아래 사유를 확인해 주세요.")
    if screening.effective_outcome == screening.Outcome.NEEDS_INFO:
        return _("다음 단계: 보완할 정보를 입력하면 다음 주 심사에 다시 반영됩니다.")
    return _(
        "다음 단계: 기업의 면접 제안을 기다립니다. 제안이 오면 이 화면에서 수락하거나 거절하세요."
    )


def _placement_step(placement: Placement) -> str:
    """What her (only) live placement means for her now: contract, internship, or done."""
    if placement.status == Placement.Status.CONTRACTED:
        if placement.contract_start is None:
            return _("인턴 근무 중입니다.")
        return _("인턴 근무 중입니다 (계약 시작일 %(start)s부터 %(months)s개월).") % {
            "start": f"{placement.contract_start:%Y-%m-%d}",
            "months": internship_months(placement.role.intake.program),
        }
    if placement.status == Placement.Status.COMPLETED:
        return _("인턴십을 마쳤습니다. 수고 많으셨습니다.")
    return _("다음 단계: 기업과 근로계약을 맺습니다. 담당자가 연락드립니다.")


# --- Company pages -----------------------------------------------------------------------------


def company_section(company) -> DashboardSection:
    """The company's roles with their candidate counts, its interns and its incentive claims."""
    placements = list(placements_for_company(company))
    return DashboardSection(
        template="matching/company_dashboard_section.html",
        context={
            "roles": dashboard_roles(company),
            "interns": _with_names(placements),
            "claims": claims_for_company(company),
        },
    )


def _with_names(placements) -> list[tuple]:
    """(placement, the intern's name as she shares it) pairs, in one extra query."""
    cards = candidate_cards([placement.application.applicant_id for placement in placements])
    return [
        (placement, getattr(cards.get(placement.application.applicant_id), "name", None))
        for placement in placements
    ]


def role_candidates_section(role) -> DashboardSection:
    """The role's candidates (chose it or were invited), with the company's evaluations."""
    return DashboardSection(
        template="matching/role_candidates_section.html",
        context={"role": role, "candidates": candidates_for_role(role)},
    )
