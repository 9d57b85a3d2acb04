"""The applicant's onboarding checklist: 프로필 → 동의 → 서류 → 지원, from her data.

The first three steps are read here (profile fields, consents in force, a résumé uploaded); the
last, "she has applied", comes from the dashboard sections' next steps (any submitted, live
application: internship, course or allowance), which the other apps build.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from applicants import selectors
from applicants.dashboard import DashboardSection, sections_for
from applicants.models import ApplicantProfile, Document
from applicants.next_steps import NextStep, most_urgent
from womenup.checklists import Checklist, ChecklistStep


@dataclass(frozen=True)
class DashboardState:
    sections: list[DashboardSection]
    checklist: Checklist
    next_action: NextStep | ChecklistStep | None


def dashboard_state(profile: ApplicantProfile) -> DashboardState:
    """Her dashboard's sections, checklist and the one thing to do now: an application waiting
    for her (an offer to answer, a report due), else the next onboarding step, else what comes
    next for her latest application."""
    sections = sections_for(profile)
    steps = [step for section in sections for step in section.next_steps]
    checklist = applicant_checklist(profile, applied=any(step.applied for step in steps))
    urgent = next((step for step in steps if step.urgent), None)
    return DashboardState(sections, checklist, urgent or checklist.current or most_urgent(steps))


def saved_message(profile: ApplicantProfile, done: str) -> str:
    """What was saved and what she does next (the dashboard's next action)."""
    action = dashboard_state(profile).next_action
    if action is None:
        return done
    return _("%(done)s 다음 할 일: %(next)s") % {"done": done, "next": action.text}


def applicant_checklist(profile: ApplicantProfile, *, applied: bool) -> Checklist:
    """Two queries (consents, documents) whatever the data."""
    missing = selectors.profile_missing_items(profile)
    consents = selectors.missing_required_consents(profile)
    has_resume = selectors.has_document(profile, kind=Document.Kind.RESUME)
    steps = (
        ChecklistStep(
            "profile",
            _("프로필 입력"),
            not missing,
            text=_("프로필에서 다음 항목을 입력해 주세요: %(items)s.")
            % {"items": ", ".join(missing)},
            url=reverse("applicants:profile"),
            action=_("프로필 채우기"),
        ),
        ChecklistStep(
            "consents",
            _("개인정보 동의"),
            not consents,
            text=_("지원하려면 필수 동의가 필요합니다: %(items)s.")
            % {"items": ", ".join(consents)},
            url=reverse("applicants:consents"),
            action=_("동의하러 가기"),
        ),
        ChecklistStep(
            "documents",
            _("서류 제출"),
            has_resume,
            text=_("이력서를 올려 주세요 (PDF, PNG, JPEG). 기업은 지원한 직무의 서류만 봅니다."),
            url=reverse("applicants:documents"),
            action=_("서류 올리기"),
        ),
        ChecklistStep(
            "apply",
            _("지원"),
            applied,
            text=_(
                "모집 중인 인턴십 직무를 골라 지원하거나, 교육과정이나 구직지원금을 신청하세요."
            ),
            url=reverse("matching:role-list"),
            action=_("인턴십 직무 둘러보기"),
        ),
    )
    return Checklist(title=_("시작하기"), steps=steps)
