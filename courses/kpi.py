"""What courses put on the admin KPI page (womenup/kpi.py): each course's outcome chain."""

from django.utils.translation import gettext as _

from courses import selectors
from courses.models import Course
from womenup.kpi import KpiTable


def outcomes_table() -> KpiTable:
    """Applied → selected → completed → certified → employed within 12 months, per course, and
    the employment rate of those who completed (127 completed, 100 employed → 78.7 %). One
    query; the last row sums every course."""
    courses = selectors.course_outcomes(Course.objects.select_related("institution"))
    courses = courses.order_by("institution__name", "starts_on", "pk")
    rows, totals = [], [0] * 5
    for course in courses:
        outcome = selectors.Outcomes.of(course)
        figures = _figures(outcome)
        totals = [total + figure for total, figure in zip(totals, figures, strict=True)]
        rows.append([course.institution.name, course.title, *figures, outcome.employment_rate])
    if rows:
        overall = selectors.Outcomes(*totals)
        rows.append([_("전체"), "", *totals, overall.employment_rate])
    return KpiTable(
        title=_("교육과정 성과 (과정별)"),
        columns=[
            _("운영기관"),
            _("과정"),
            _("지원"),
            _("선발"),
            _("수료"),
            _("자격 취득"),
            _("12개월 내 취업"),
            _("취업률(%)"),
        ],
        rows=rows,
        label_columns=2,
        series=[2, 3, 4, 5, 6],
        note=_("취업률은 수료한 사람 중 수료 후 12개월 안에 취업·창업한 사람의 비율입니다."),
    )


def _figures(outcome: selectors.Outcomes) -> list[int]:
    return [
        outcome.applicants,
        outcome.enrolled,
        outcome.completed,
        outcome.certified,
        outcome.employed,
    ]


def counselling_table() -> KpiTable:
    """Per job centre: clients, seats taken in counselling sessions, and where counselling led
    them (referred to a course, to an internship, employed). One query; the last row sums."""
    rows, totals = [], [0] * 5
    for centre in selectors.counselling_outcomes_by_centre():
        figures = [
            centre.client_count,
            centre.seat_count,
            centre.outcome_course,
            centre.outcome_internship,
            centre.outcome_employed,
        ]
        totals = [total + figure for total, figure in zip(totals, figures, strict=True)]
        rows.append([centre.name, *figures])
    if rows:
        rows.append([_("전체"), *totals])
    return KpiTable(
        title=_("상담 성과 (여성새로일하기센터별)"),
        columns=[
            _("센터"),
            _("상담 참여자"),
            _("상담 신청"),
            _("교육과정 연계"),
            _("인턴십 연계"),
            _("취업"),
        ],
        rows=rows,
        note=_("상담사가 기록한 성과입니다. 한 사람은 성과 종류마다 한 번 셉니다."),
    )
