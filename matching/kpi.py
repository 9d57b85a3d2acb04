"""What matching puts on the admin KPI page (womenup/kpi.py): the application funnel per
programme and week, and companies and interns per programme. Each builder runs a fixed number
of queries."""

from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from matching import selectors
from womenup.kpi import KpiTable


def iso_week(day: datetime) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def funnel_table() -> KpiTable:
    stages = [_("신청"), _("서류심사 통과"), _("면접 제안"), _("면접")]
    stages += [_("매칭"), _("근무"), _("정규직 채용")]
    rows = [
        [row["intake__program__name"], iso_week(row["week"])]
        + [row[stage] for stage in selectors.FUNNEL_STAGES]
        for row in selectors.funnel_by_programme_week()
    ]
    return KpiTable(
        title=_("인턴십 단계별 인원 (사업·접수 주차별)"),
        columns=[_("사업"), _("접수 주차"), *stages],
        rows=rows,
        label_columns=2,
        note=_(
            "그 주에 제출된 신청서가 각 단계까지 간 수입니다. 서류심사 통과는 담당자 조정을 "
            "반영하고, 매칭은 취소되지 않은 배치, 근무는 근로계약이 시작된 배치입니다."
        ),
    )


def companies_table() -> KpiTable:
    per_programme, total = selectors.companies_by_programme()
    columns = ("participating", "matched", "interns")
    rows = [[row["name"], *(row[column] for column in columns)] for row in per_programme]
    rows.append([_("전체"), *(total[column] for column in columns)])
    return KpiTable(
        title=_("참여기업·매칭 기업·인턴 (사업별)"),
        columns=[_("사업"), pgettext("plural", "참여기업"), _("매칭 기업"), _("인턴")],
        rows=rows,
        note=_(
            "참여기업은 승인된 기업 중 그 사업에 직무를 게시한 기업, 매칭 기업은 인턴이 배치된 "
            "기업입니다. 전체 행에서는 여러 사업에 참여한 기업을 한 번만 셉니다."
        ),
    )
