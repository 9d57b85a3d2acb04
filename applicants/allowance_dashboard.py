"""The job-seeking allowance section of the applicant dashboard (see applicants/dashboard.py),
and the allowance's next step (registered with ``applicants.next_steps``)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applicants.dashboard import DashboardSection
from applicants.models import ActivityReport, AllowanceApplication
from applicants.next_steps import NextStep
from applicants.selectors import allowance_applications_for, allowance_terms
from womenup.calendar import add_months
from womenup.display import krw

Status = AllowanceApplication.Status
Report = ActivityReport.Status
# Whether a report of each status still stands for its month (a returned one is filed again).
_REPORT_STANDS = {Report.SUBMITTED: True, Report.ACCEPTED: True, Report.RETURNED: False}


def applicant_section(profile) -> DashboardSection | None:
    """Her allowance applications with monthly reports and payments (3 queries)."""
    applications = list(allowance_applications_for(profile))
    if not applications:
        return None
    steps = [allowance_next_step(application) for application in applications]
    return DashboardSection(
        template="applicants/dashboard_allowance.html",
        context={"rows": list(zip(applications, steps, strict=True))},
        next_steps=steps,
    )


def allowance_next_step(
    application: AllowanceApplication, *, today: date | None = None
) -> NextStep:
    """From the application's status and its prefetched reports (no query)."""
    today = today or timezone.localdate()
    if Status(application.status) == Status.WITHDRAWN:
        return NextStep(
            _("취소한 구직지원금 신청입니다. 신청 기간 안에는 다시 신청할 수 있습니다."),
            url=reverse("applicants:allowance"),
            action=_("구직지원금 안내"),
            applied=False,
        )
    reports = list(application.reports.all())
    standing = {r.month for r in reports if _REPORT_STANDS[Report(r.status)]}
    page = reverse("applicants:allowance")
    returned = [r for r in reports if r.status == Report.RETURNED and r.month not in standing]
    if returned:
        return NextStep(
            _("%(month)s 구직활동 보고가 반려되었습니다. 반려 사유를 확인하고 다시 제출해 주세요.")
            % {"month": f"{returned[0].month:%Y-%m}"},
            url=page,
            action=_("구직활동 보고하기"),
            urgent=True,
        )
    terms = allowance_terms(application.intake.program)
    if len(standing) >= terms.months:
        if all(r.status == Report.ACCEPTED for r in reports if r.month in standing):
            return NextStep(
                _(
                    "%(months)d개월의 구직활동 보고가 모두 "
                    "승인되었습니다. 구직지원금 지원을 마쳤습니다."
                )
                % {"months": terms.months}
            )
        return NextStep(
            _("제출한 보고를 담당자가 검토하고 있습니다. 승인되면 그 달의 지원금이 지급됩니다.")
        )
    month = today.replace(day=1)
    if month in standing:
        return NextStep(
            _(
                "%(month)s 보고는 제출했습니다. 다음 보고는 "
                "%(next)s에 그 달의 활동을 적어 제출해 주세요."
            )
            % {"month": f"{month:%Y-%m}", "next": f"{add_months(month, 1):%Y-%m}"},
            url=page,
            action=_("보고 내역 보기"),
        )
    return NextStep(
        _(
            "이번 달(%(month)s) 구직활동을 증빙과 함께 보고해 주세요. "
            "보고가 승인되면 그 달의 지원금 %(amount)s이 지급됩니다."
        )
        % {"month": f"{month:%Y-%m}", "amount": krw(terms.monthly_krw)},
        url=page,
        action=_("구직활동 보고하기"),
        urgent=True,
    )
