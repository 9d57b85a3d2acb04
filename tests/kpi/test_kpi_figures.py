"""The KPI page's figures: funnel, companies and interns, course outcomes, money paid (the
payment ledger)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from companies.models import Company, Role
from courses.kpi import outcomes_table
from matching.kpi import companies_table, funnel_table
from matching.models import CandidateEvaluation, InternshipApplication, Placement
from tests.factories import kernel
from tests.factories.accounts import staff_with_mfa
from tests.factories.companies import CompanyFactory, RoleFactory
from tests.factories.courses import (
    CourseCertificateFactory,
    CourseFactory,
    EnrollmentFactory,
    FollowUpFactory,
    InstitutionFactory,
)
from tests.factories.matching import (
    CandidateEvaluationFactory,
    HireConfirmationFactory,
    InternshipApplicationFactory,
    InterviewInvitationFactory,
    PlacementFactory,
    ScreeningResultFactory,
)
from tests.factories.payments import ledger_entry
from womenup.models import LedgerEntry
from womenup.payments.kpi import money_table
from womenup.payments.services import ledger_entry_approve, ledger_entry_correct

pytestmark = pytest.mark.django_db

SEOUL = ZoneInfo("Asia/Seoul")
# Monday 2024-06-03 00:30 in Seoul is still Sunday in UTC: the week is Seoul's.
WEEK_23 = datetime(2024, 6, 3, 0, 30, tzinfo=SEOUL)
WEEK_24 = datetime(2024, 6, 12, 15, 0, tzinfo=SEOUL)


def internship() -> str:
    return kernel.program("seoul-internship").name


def submitted(at: datetime, **kwargs) -> InternshipApplication:
    return InternshipApplicationFactory(submitted_at=at, **kwargs)


def test_the_funnel_counts_how_far_each_weeks_applications_got():
    submitted(WEEK_23)  # applied only
    ScreeningResultFactory(application=submitted(WEEK_23), outcome="pass")
    hired = submitted(WEEK_23)
    ScreeningResultFactory(
        application=hired, outcome="fail", override_outcome="pass", override_reason="서류 보완"
    )
    role = RoleFactory()
    InterviewInvitationFactory(application=hired, role=role)
    CandidateEvaluationFactory(application=hired, role=role, result="pass")
    placement = PlacementFactory(application=hired, role=role, status=Placement.Status.CONTRACTED)
    HireConfirmationFactory(placement=placement)
    cancelled = submitted(WEEK_23)
    ScreeningResultFactory(application=cancelled, outcome="pass")
    InterviewInvitationFactory(application=cancelled, role=role)
    CandidateEvaluationFactory(application=cancelled, role=role)  # result still pending
    PlacementFactory(application=cancelled, role=role, status=Placement.Status.CANCELLED)
    failed = submitted(WEEK_24)
    ScreeningResultFactory(
        application=failed, outcome="pass", override_outcome="fail", override_reason="자격 미달"
    )
    interviewed = submitted(WEEK_24)
    ScreeningResultFactory(application=interviewed, outcome="pass")
    InterviewInvitationFactory(application=interviewed, role=role)
    CandidateEvaluationFactory(
        application=interviewed, role=role, result=CandidateEvaluation.Result.FAIL
    )
    InternshipApplicationFactory(status="draft", submitted_at=None)  # never applied

    table = funnel_table()

    assert table.columns[2:] == [
        "신청",
        "서류심사 통과",
        "면접 제안",
        "면접",
        "매칭",
        "근무",
        "정규직 채용",
    ]
    assert table.rows == [
        [internship(), "2024-W23", 4, 3, 2, 1, 1, 1, 1],
        [internship(), "2024-W24", 2, 1, 1, 1, 0, 0, 0],
    ]


def test_companies_count_once_overall_and_interns_are_placed_applicants():
    placed_at = [RoleFactory(), RoleFactory()]
    RoleFactory(company=placed_at[0].company)  # a second role: still one company
    RoleFactory()  # participating, nobody placed
    RoleFactory(company=CompanyFactory(status=Company.Status.PENDING))  # not verified
    RoleFactory(status=Role.Status.DRAFT, published_at=None)  # nothing posted
    for _ in range(2):
        PlacementFactory(role=placed_at[0])
    PlacementFactory(role=placed_at[1], status=Placement.Status.COMPLETED)
    PlacementFactory(role=placed_at[1], status=Placement.Status.CANCELLED)
    social_intake = kernel.open_intake("seoul-project-social")
    other = RoleFactory(company=placed_at[1].company, intake=social_intake)
    PlacementFactory(role=other, application__intake=social_intake)

    table = companies_table()

    assert table.columns == ["사업", "참여기업", "매칭 기업", "인턴"]
    by_programme = {row[0]: row[1:] for row in table.rows}
    assert by_programme[internship()] == [3, 2, 3]
    assert by_programme[social_intake.program.name] == [1, 1, 1]
    assert table.rows[-1] == ["전체", 3, 2, 4]


def test_course_outcomes_and_the_employment_rate_of_completers():
    course = CourseFactory(institution=InstitutionFactory(name="마포여성인력개발센터"))
    EnrollmentFactory(course=course)  # applied, never selected
    for index in range(8):
        done = index < 7
        enrollment = EnrollmentFactory(
            course=course,
            status="completed" if done else "dropped",
            enrolled_at=timezone.now(),
            completed_on=timezone.localdate() if done else None,
            ended_at=None if done else timezone.now(),
        )
        if index < 4:
            CourseCertificateFactory(enrollment=enrollment)
        if index < 6:  # one of them found work only after 18 months: not counted
            FollowUpFactory(
                enrollment=enrollment,
                months_after=12 if index < 5 else 18,
                outcome="employed",
                recorded_on=timezone.localdate(),
            )

    table = outcomes_table()

    assert table.rows[0][:7] == ["마포여성인력개발센터", course.title, 9, 8, 7, 4, 5]
    assert str(table.rows[0][7]) == "71.4"  # 5 of 7 completers
    assert table.rows[-1][0] == "전체" and table.rows[-1][2:7] == [9, 8, 7, 4, 5]


def test_money_paid_per_programme_and_month_is_the_ledgers_approved_rows():
    staff = staff_with_mfa()
    july, august = date(2024, 7, 1), date(2024, 8, 1)
    for month in (july, july, august):
        ledger_entry_approve(entry=ledger_entry(month=month), staff=staff)
    ledger_entry(month=august)  # awaiting approval: not paid
    incentive = ledger_entry(
        kind=LedgerEntry.Kind.INCENTIVE,
        program_code="seoul-incentive",
        amount_krw=3_000_000,
        month=august,
    )
    ledger_entry_approve(entry=incentive, staff=staff)
    correction = ledger_entry_correct(
        entry=incentive, amount_krw=2_000_000, reason="중복 산정", staff=staff
    )
    ledger_entry_approve(entry=correction, staff=staff)

    table = money_table()

    allowance = kernel.program("seoul-allowance").name
    assert table.columns == ["사업", "지급 월", "지급액"]
    assert table.rows == [  # by month, then programme
        [allowance, "2024-07", 600_000],
        [kernel.program("seoul-incentive").name, "2024-08", 2_000_000],
        [allowance, "2024-08", 300_000],
    ]
    assert all(isinstance(row[2], int) for row in table.rows)
