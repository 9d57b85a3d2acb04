"""The internship section of the applicant dashboard (see applicants/dashboard.py).

Each application shows its status, its next step (``applicants.next_steps.next_step``, built by
``matching/next_steps.py``), a timeline of what happened, her ranked choices, the screening
result with its plain-Korean reasons, interview invitations to answer and placements. The
weekly batch adds, per application, plain-Korean explanations of why she was not invited or
matched this week: ``explanations_for`` is the place for them.

The company pages get their sections from here too (registered in ``MatchingConfig.ready()``
through companies/hooks.py): the dashboard's roles with their candidate counts, interns and
incentive claims, and a role's candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from applicants.dashboard import DashboardSection
from applicants.next_steps import NextStep, next_step
from applicants.proxy import on_behalf_label
from applicants.selectors import candidate_cards
from matching.explanations import explanations_for_applications, latest_batch_week
from matching.models import InternshipApplication, InterviewInvitation
from matching.selectors import (
    applications_for_applicant,
    candidates_for_role,
    claims_for_company,
    company_progress,
    dashboard_roles,
    is_editable,
    placements_for_company,
    screening_of,
)
from womenup.checklists import ChecklistStep


@dataclass(frozen=True)
class TimelineEvent:
    when: datetime
    text: str


@dataclass
class ApplicationCard:
    application: InternshipApplication
    editable: bool
    screening: object | None
    timeline: list[TimelineEvent] = field(default_factory=list)
    open_invitations: list[InterviewInvitation] = field(default_factory=list)
    explanations: list[str] = field(default_factory=list)
    next_step: NextStep | None = None


def applicant_section(profile) -> DashboardSection | None:
    """Her internship applications, in a fixed number of queries (5 whatever the data)."""
    applications = list(applications_for_applicant(profile))
    if not applications:
        return None
    cards = [_card(application) for application in applications]
    return DashboardSection(
        template="matching/dashboard_section.html",
        context={"cards": cards, "explanations": explanations_for(profile, applications)},
        next_steps=[card.next_step for card in cards],
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
        next_step=next_step(application),
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
    return events


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


def company_checklist_steps(company) -> list[ChecklistStep]:
    """면접 → 순위 → 계약 → 채용 확인: the checklist's later steps (one query)."""
    progress = company_progress(company)
    dashboard = reverse("companies:dashboard")

    def url(name: str, key: str, fallback: str) -> str:
        return reverse(name, args=[progress[key]]) if progress[key] else fallback

    return [
        ChecklistStep(
            "interview",
            _("면접"),
            progress["interviewed"],
            text=_(
                "매주 월요일 지원자에게 면접 제안이 갑니다. 지원자가 수락하면 직무 화면에서 면접 "
                "일정을 정하고 결과를 기록해 주세요."
            ),
            url=url("companies:role-manage", "interview_role", f"{dashboard}#roles-heading"),
            action=_("지원자 보기"),
        ),
        ChecklistStep(
            "ranking",
            _("합격자 순위"),
            progress["ranked"],
            text=_("면접 합격자의 순위를 정하면 다음 주간 매칭에 반영됩니다."),
            url=url("matching:role-ranking", "ranking_role", f"{dashboard}#roles-heading"),
            action=_("순위 정하기"),
        ),
        ChecklistStep(
            "contract",
            _("근로계약"),
            progress["contracted"],
            text=_("매칭된 인턴과 근로계약을 맺고 계약 시작일을 확정해 주세요."),
            url=url(
                "matching:intern-contract", "contract_placement", f"{dashboard}#interns-heading"
            ),
            action=_("계약 시작일 확정"),
        ),
        ChecklistStep(
            "hire",
            _("채용 확인"),
            progress["hired"],
            text=_(
                "인턴 기간이 끝난 뒤 정규직으로 채용하면 "
                "채용을 확인하고 고용장려금을 신청해 주세요."
            ),
            url=url("matching:intern-hire", "hire_placement", f"{dashboard}#interns-heading"),
            action=_("정규직 채용 확인"),
        ),
    ]


def _with_names(placements) -> list[tuple]:
    """(placement, the intern's name as she shares it) pairs, in one extra query."""
    cards = candidate_cards([placement.application.applicant_id for placement in placements])
    return [
        (placement, getattr(cards.get(placement.application.applicant_id), "name", None))
        for placement in placements
    ]


def role_candidates_section(role, page_number=None) -> DashboardSection:
    """A page of the role's candidates (chose it or were invited), with the company's
    evaluations."""
    return DashboardSection(
        template="matching/role_candidates_section.html",
        context={"role": role, "candidates": candidates_for_role(role, page_number)},
    )
