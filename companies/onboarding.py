"""The company's onboarding checklist on its dashboard, from its data:
등록 → 승인 대기 → 직무 작성 → 게시 → 면접 → 순위 → 계약 → 채용 확인.

The first four steps are the company's and its roles' (read here); the placement lifecycle's
(interviews, ranking, contracts, hires) are matching's, which registers them through
``hooks.register_checklist_steps`` (this app may not import it).
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from companies import hooks, selectors
from companies.models import Company
from womenup import branding
from womenup.checklists import Checklist, ChecklistStep


def company_checklist(company: Company | None) -> Checklist:
    """One query for the roles, plus what the registered steps run (one query for matching's)."""
    if company is None:
        progress = {"roles": 0, "published": 0, "first_draft": None}
    else:
        progress = selectors.role_progress(company)
    registered = company is not None
    verified = registered and company.is_verified
    rejected = registered and company.status == Company.Status.REJECTED
    brand = branding.brand()
    steps = [
        ChecklistStep(
            "register",
            _("기업 등록"),
            registered,
            text=_(
                "사업자등록번호와 참여 요건(소재지, 상시근로자 수, "
                "중소기업 여부)을 입력해 기업을 등록해 주세요."
            ),
            url=reverse("companies:profile"),
            action=_("기업 등록하기"),
        ),
        ChecklistStep(
            "verification",
            _("승인 대기"),
            verified,
            text=(
                _(
                    "기업 등록이 반려되었습니다. 사유를 확인하고 "
                    "기업 정보를 고쳐 저장하면 다시 검토합니다."
                )
                if rejected
                else _(
                    "%(operator)s 담당자가 기업 정보를 검토하고 있습니다. 승인 전에도 "
                    "직무를 작성해 둘 수 있지만, 게시는 승인 후에 할 수 있습니다."
                )
                % brand
            ),
            url=reverse("companies:profile") if rejected else reverse("companies:role-create"),
            action=_("기업 정보 고치기") if rejected else _("새 직무 작성"),
        ),
        ChecklistStep(
            "role",
            _("직무 작성"),
            progress["roles"] > 0,
            text=_("인턴 직무(업무 내용, 근무 형태, 채용 인원, 모집 회차)를 작성해 주세요."),
            url=reverse("companies:role-create"),
            action=_("새 직무 작성"),
        ),
        ChecklistStep(
            "publish",
            _("직무 게시"),
            progress["published"] > 0,
            text=_("작성한 직무를 게시하면 참여자가 보고 지원할 수 있습니다."),
            url=(
                reverse("companies:role-manage", args=[progress["first_draft"]])
                if progress["first_draft"]
                else reverse("companies:role-create")
            ),
            action=_("직무 게시하기"),
        ),
    ]
    if company is not None:
        steps.extend(hooks.checklist_steps(company))
    return Checklist(title=_("참여 절차"), steps=tuple(steps))


def saved_message(company: Company, done: str) -> str:
    """What was saved and what the company does next (its checklist's current step)."""
    current = company_checklist(company).current
    if current is None:
        return done
    return _("%(done)s 다음 할 일: %(next)s") % {"done": done, "next": current.text}
