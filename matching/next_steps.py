"""The next step of an internship application, from its state (``applicants.next_steps``).

``internship_state(application)`` reads what ``selectors.applications_for_applicant`` fetched
(screening, invitations, the company's interview schedule, placements) into plain values;
``internship_step(state)`` turns them into the one sentence and action. Every status of the
application, the screening, an invitation, an interview result and a placement is named in a
table here, so a new status fails loudly (``KeyError``) until it has its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from applicants.next_steps import NextStep
from matching.models import (
    CandidateEvaluation,
    InternshipApplication,
    InterviewInvitation,
    Placement,
    ScreeningResult,
)
from matching.selectors import screening_of
from womenup.programs.selectors import internship_months

Status = InternshipApplication.Status
Invitation = InterviewInvitation.Status
Outcome = ScreeningResult.Outcome
Result = CandidateEvaluation.Result


@dataclass(frozen=True)
class InterviewState:
    status: str  # InterviewInvitation.Status
    company: str
    role: str
    at: datetime | None = None  # the company's interview schedule, once set
    place: str = ""
    result: str | None = None  # CandidateEvaluation.Result, once the company records one


@dataclass(frozen=True)
class PlacementState:
    status: str  # Placement.Status
    company: str
    role: str
    contract_start: object | None = None
    months: int = 3  # the programme's internship length (``internship_months``)


@dataclass(frozen=True)
class InternshipState:
    application_id: int
    status: str
    screening: str | None = None  # the effective outcome, None before screening
    interviews: tuple[InterviewState, ...] = ()
    placements: tuple[PlacementState, ...] = ()


# Which invitation and placement statuses mean what; every value of the enums is a key.
_INVITATION_KIND = {Invitation.INVITED: "open", Invitation.ACCEPTED: "accepted",
                    Invitation.DECLINED: "declined"}  # fmt: skip
_INTERVIEW_DONE = {Result.PENDING: False, Result.PASS: True, Result.FAIL: True}
_PLACEMENT_LIVE = {Placement.Status.AWAITING_CONTRACT: True, Placement.Status.CONTRACTED: True,
                   Placement.Status.COMPLETED: True, Placement.Status.CANCELLED: False}  # fmt: skip


def internship_state(application: InternshipApplication) -> InternshipState:
    """Plain values from the prefetched application (no query)."""
    screening = screening_of(application)
    evaluations = {e.role_id: e for e in application.evaluations.all()}
    interviews = []
    for invitation in application.invitations.all():
        evaluation = evaluations.get(invitation.role_id)
        interviews.append(
            InterviewState(
                status=invitation.status,
                company=invitation.role.company.name,
                role=invitation.role.title,
                at=evaluation.interview_at if evaluation else None,
                place=(evaluation.interview_place or evaluation.video_link) if evaluation else "",
                result=evaluation.result if evaluation else None,
            )
        )
    return InternshipState(
        application_id=application.pk,
        status=application.status,
        screening=screening.effective_outcome if screening is not None else None,
        interviews=tuple(interviews),
        placements=tuple(
            PlacementState(
                status=placement.status,
                company=placement.role.company.name,
                role=placement.role.title,
                contract_start=placement.contract_start,
                months=internship_months(placement.role.intake.program),
            )
            for placement in application.placements.all()
        ),
    )


def application_next_step(application: InternshipApplication) -> NextStep:
    """The builder registered for ``matching.InternshipApplication``."""
    return internship_step(internship_state(application), now=timezone.now())


def internship_step(state: InternshipState, *, now: datetime) -> NextStep:
    builders = {
        Status.DRAFT: _draft,
        Status.SUBMITTED: _in_progress,
        Status.SCREENED: _in_progress,
        Status.MATCHED: _in_progress,
        Status.WITHDRAWN: _withdrawn,
    }
    return builders[Status(state.status)](state, now)


def _detail(state: InternshipState) -> str:
    return reverse("matching:application-detail", args=[state.application_id])


def _draft(state: InternshipState, now: datetime) -> NextStep:
    return NextStep(
        _("지망 직무를 확인하고 신청서를 제출하세요. 제출해야 서류심사를 받습니다."),
        url=_detail(state),
        action=_("신청서 제출하기"),
        urgent=True,
        applied=False,
    )


def _withdrawn(state: InternshipState, now: datetime) -> NextStep:
    return NextStep(
        _("취소한 신청입니다. 모집 기간 안에는 직무를 다시 담아 지원할 수 있습니다."),
        url=reverse("matching:role-list"),
        action=_("모집 직무 보기"),
        applied=False,
    )


def _in_progress(state: InternshipState, now: datetime) -> NextStep:
    live = [p for p in state.placements if _PLACEMENT_LIVE[Placement.Status(p.status)]]
    if live:
        return _placement_step(live[0])
    if state.status == Status.MATCHED:
        return NextStep(
            _(
                "매칭이 취소되었습니다. 담당자가 연락드립니다. "
                "다른 직무는 모집 직무에서 찾을 수 있습니다."
            ),
            url=reverse("matching:role-list"),
            action=_("모집 직무 보기"),
        )
    if state.screening is None:
        return NextStep(
            _(
                "매주 월요일 서류심사를 합니다. 그 전까지는 지망 "
                "직무를 바꾸거나 신청을 취소할 수 있습니다."
            ),
            url=_detail(state),
            action=_("신청서 보기·수정"),
        )
    outcome = Outcome(state.screening)
    if outcome == Outcome.FAIL:
        return NextStep(
            _(
                "서류심사를 통과하지 못했습니다. 사유를 확인하고, "
                "고칠 수 있는 정보는 프로필에서 고쳐 주세요."
            ),
            url=reverse("applicants:profile"),
            action=_("프로필 확인"),
        )
    if outcome == Outcome.NEEDS_INFO:
        return NextStep(
            _("보완할 정보를 프로필에 입력하면 다음 주 서류심사에 다시 반영됩니다."),
            url=reverse("applicants:profile"),
            action=_("프로필 보완하기"),
            urgent=True,
        )
    return _interview_step(state, now)


def _interview_step(state: InternshipState, now: datetime) -> NextStep:
    kinds: dict[str, list[InterviewState]] = {"open": [], "accepted": [], "declined": []}
    for interview in state.interviews:
        kinds[_INVITATION_KIND[Invitation(interview.status)]].append(interview)
    if kinds["open"]:
        count = len(kinds["open"])
        return NextStep(
            ngettext(
                "면접 제안 %(count)d건이 왔습니다. 아래에서 수락하거나 거절해 주세요.",
                "면접 제안 %(count)d건이 왔습니다. 아래에서 수락하거나 거절해 주세요.",
                count,
            )
            % {"count": count},
            url=f"{reverse('applicants:dashboard')}#invitations-{state.application_id}",
            action=_("면접 제안에 답하기"),
            urgent=True,
        )
    accepted = kinds["accepted"]
    if accepted:
        done = [i for i in accepted if _interview_over(i, now)]
        upcoming = sorted(
            (i for i in accepted if i.at is not None and i not in done), key=lambda i: i.at
        )
        if upcoming:
            first = upcoming[0]
            return NextStep(
                _("%(company)s · %(role)s 면접: %(when)s, %(place)s. 일정에 맞춰 참석해 주세요.")
                % {
                    "company": first.company,
                    "role": first.role,
                    "when": f"{timezone.localtime(first.at):%Y-%m-%d %H:%M}",
                    "place": first.place or _("장소는 기업이 따로 알려 드립니다"),
                }
            )
        unscheduled = [i for i in accepted if i not in done]
        if unscheduled:
            return NextStep(
                _(
                    "%(company)s · %(role)s 면접 제안을 수락했습니다. 기업이 면접 일정을 정하면 "
                    "이 화면과 메일로 알려 드립니다."
                )
                % {"company": unscheduled[0].company, "role": unscheduled[0].role}
            )
        return NextStep(
            _(
                "면접을 마쳤습니다. 기업이 합격자 순위를 정하면 매주 월요일 매칭 결과를 이 화면과 "
                "메일로 알려 드립니다."
            )
        )
    if kinds["declined"]:
        return NextStep(
            _(
                "받은 면접 제안을 모두 거절했습니다. 지원은 유지되어 다음 주 면접 제안 대상에 "
                "다시 포함됩니다."
            )
        )
    return NextStep(
        _(
            "서류심사를 통과했습니다. 기업의 면접 제안을 기다립니다. 제안이 오면 이 화면에서 "
            "수락하거나 거절할 수 있습니다."
        )
    )


def _interview_over(interview: InterviewState, now: datetime) -> bool:
    if interview.result is not None and _INTERVIEW_DONE[Result(interview.result)]:
        return True
    return interview.at is not None and interview.at < now


def _placement_step(placement: PlacementState) -> NextStep:
    names = {"company": placement.company, "role": placement.role}
    status = Placement.Status(placement.status)
    if status == Placement.Status.AWAITING_CONTRACT:
        return NextStep(
            _(
                "%(company)s · %(role)s 직무에 매칭되었습니다. 기업이 근로계약 시작일을 정하면 "
                "이 화면과 메일로 알려 드립니다."
            )
            % names
        )
    if status == Placement.Status.CONTRACTED:
        if placement.contract_start is None:
            return NextStep(_("%(company)s · %(role)s 인턴으로 근무 중입니다.") % names)
        return NextStep(
            _(
                "%(company)s · %(role)s 인턴으로 근무 중입니다 (계약 시작일 %(start)s부터 "
                "%(months)s개월)."
            )
            % {
                **names,
                "start": f"{placement.contract_start:%Y-%m-%d}",
                "months": placement.months,
            }
        )
    return NextStep(_("인턴십을 마쳤습니다. 수고 많으셨습니다."))
