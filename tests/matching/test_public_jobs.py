"""Gwangmyeong's public jobs and youth interns through the weekly batch, end to end.

The city's own department is an organisation row (a verified ``Company``) posting its projects
as roles with seats for a stage intake; applicants rank them; the same screening and matching
assign them. Direct-assignment programmes need no interviews; placements become participation
history (the intake's stage dates) beside the history staff imported, and the participation
limits read both. Reserved seats go to priority applicants first and are released otherwise.
"""

from datetime import date

import pytest

from applicants.models import ApplicantProfile, ParticipationRecord
from applicants.selectors import applicant_facts
from companies.models import Role
from matching.batch import weekly_batch_run
from matching.models import InternshipApplication, InterviewInvitation, Placement, ScreeningResult
from tests.factories.applicants import ApplicantProfileFactory, give_consents
from tests.factories.companies import CompanyFactory, CompanyMembershipFactory, RoleFactory
from tests.factories.kernel import district, gwangmyeong, program
from tests.mail import sent_to
from tests.matching.batch_data import application_for, company_ranks
from womenup.models import IntakeWindow
from womenup.programs.eligibility.reasons import render_all

pytestmark = pytest.mark.django_db

WEEK = "2026-W49"  # Monday 2026-11-30, while the seeded 2027 stage 1 intake takes applications
STAGE_2_WEEK = "2027-W19"  # Monday 2027-05-10, stage 2's intake


def city_hall():
    """The city's public-jobs department, registered as a verified organisation by staff."""
    organisation = CompanyFactory(
        name="광명시청 일자리정책과", district=district("cheolsan-dong", "gwangmyeong")
    )
    CompanyMembershipFactory(company=organisation)
    return organisation


def stage(label: str, code: str = "gm-0123-jobs") -> IntakeWindow:
    return IntakeWindow.objects.get(program__code=code, label=label)


def project(organisation, intake, seats: int, title: str) -> Role:
    return RoleFactory(
        company=organisation,
        intake=intake,
        seats=seats,
        title=title,
        track=Role.Track.PUBLIC_PROJECT,
        district=district("haan-dong", "gwangmyeong"),
    )


def citizen(**fields) -> ApplicantProfile:
    profile = ApplicantProfileFactory(
        residence_city=gwangmyeong(), residence_district=district("soha-dong", "gwangmyeong"),
        **fields,
    )  # fmt: skip
    give_consents(profile)
    return profile


def imported(profile, *periods, code="gm-0123-jobs"):
    for start, end in periods:
        ParticipationRecord.objects.create(
            profile=profile,
            program=program(code),
            started_on=date.fromisoformat(start),
            ended_on=date.fromisoformat(end),
        )


def screening_of(application) -> ScreeningResult:
    return ScreeningResult.objects.get(application=application)


def test_a_public_job_stage_runs_through_the_weekly_batch_without_interviews():
    organisation = city_hall()
    intake = stage("2027년 1단계")
    library = project(organisation, intake, seats=1, title="작은도서관 운영 지원")
    parks = project(organisation, intake, seats=2, title="공원 환경 정비")
    first = application_for(citizen(), [library, parks], minutes=0)
    second = application_for(citizen(), [library, parks], minutes=5)
    third = application_for(citizen(), [parks], minutes=10)
    twice_before = citizen()  # two stages, the second ending a month before this one starts
    imported(twice_before, ("2026-02-01", "2026-06-30"), ("2026-08-01", "2026-12-31"))
    a_break = citizen()  # ... and a month and a day before: no longer consecutive
    imported(a_break, ("2026-02-01", "2026-06-30"), ("2026-07-31", "2026-11-29"))
    after_a_break = application_for(a_break, [parks], minutes=20)
    blocked = application_for(twice_before, [library], minutes=1)
    from_seoul = application_for(
        ApplicantProfileFactory(), [library], minutes=2
    )  # a Seoul resident
    for application in (first, second, third, blocked, from_seoul, after_a_break):
        application.intake = intake
        application.save(update_fields=["intake"])

    outcome = weekly_batch_run(week=WEEK, triggered_by="test")

    assert outcome.result == "finished"
    assert not InterviewInvitation.objects.exists()  # the city assigns, no interviews
    assert sorted(Placement.objects.values_list("application_id", "role_id")) == sorted(
        [(first.pk, library.pk), (second.pk, parks.pk), (third.pk, parks.pk)]
    )
    assert screening_of(after_a_break).outcome == "pass"  # passed, but parks was full
    assert screening_of(blocked).outcome == "fail"
    assert render_all(screening_of(blocked).reasons) == [
        "연속 참여는 최대 2단계(10개월)까지 가능합니다 (최근 2단계 연속 참여, 마지막 참여 종료일 "
        "2026-12-31). 2027-02-02부터 다시 신청할 수 있습니다. "
        "연속 참여 기간: 2026-02-01~2026-06-30, 2026-08-01~2026-12-31."
    ]
    assert screening_of(from_seoul).outcome == "fail"
    assert InternshipApplication.objects.get(pk=first.pk).status == "matched"
    assert sent_to(first.applicant.user.email)  # told through the outbox
    # The placement is now her participation history: the stage's dates.
    assert applicant_facts(first.applicant).participation_records == (
        ("gm-0123-jobs", date(2027, 1, 1), date(2027, 5, 31)),
    )


def test_placements_and_imported_history_together_block_a_third_consecutive_stage():
    organisation = city_hall()
    stage_one, stage_two = stage("2027년 1단계"), stage("2027년 2단계")
    library = project(organisation, stage_one, seats=2, title="작은도서관 운영 지원")
    later = project(organisation, stage_two, seats=2, title="작은도서관 운영 지원 (2단계)")
    veteran, newcomer = citizen(), citizen()
    imported(veteran, ("2026-07-01", "2026-11-30"))  # one stage before, a month's break
    for profile in (veteran, newcomer):
        application = application_for(profile, [library])
        application.intake = stage_one
        application.save(update_fields=["intake"])
    weekly_batch_run(week=WEEK, triggered_by="test")
    assert Placement.objects.filter(role=library).count() == 2  # one stage each: allowed

    again = {}
    for profile in (veteran, newcomer):
        application = application_for(profile, [later])
        application.intake = stage_two
        application.save(update_fields=["intake"])
        again[profile.pk] = application
    weekly_batch_run(week=STAGE_2_WEEK, triggered_by="test")

    blocked = screening_of(again[veteran.pk])
    assert blocked.outcome == "fail"
    assert "연속 참여 기간: 2026-07-01~2026-11-30, 2027-01-01~2027-05-31." in " ".join(
        render_all(blocked.reasons)
    )
    assert screening_of(again[newcomer.pk]).outcome == "pass"
    assert list(Placement.objects.filter(role=later).values_list("application_id", flat=True)) == [
        again[newcomer.pk].pk
    ]


def test_a_placement_ended_early_counts_until_its_last_day():
    organisation = city_hall()
    intake = stage("2027년 1단계")
    library = project(organisation, intake, seats=1, title="작은도서관 운영 지원")
    application = application_for(citizen(), [library])
    application.intake = intake
    application.save(update_fields=["intake"])
    weekly_batch_run(week=WEEK, triggered_by="test")
    Placement.objects.filter(application=application).update(ended_on=date(2027, 3, 15))

    assert applicant_facts(application.applicant).participation_records == (
        ("gm-0123-jobs", date(2027, 1, 1), date(2027, 3, 15)),
    )


# --- Youth interns: age on the reference date, past participants, reserved places -------------

YOUTH_WEEK = "2026-W49"
MONDAY = date(2026, 11, 30)


@pytest.fixture
def youth_intake():
    return IntakeWindow.objects.create(
        program=program("gm-youth-intern"),
        label="2027년 청년인턴",
        opens_on=date(2026, 11, 1),
        closes_on=date(2026, 12, 31),
    )


def youth(intake, role, *, minutes=0, born=date(2000, 3, 1), **fields):
    application = application_for(
        citizen(birth_date=born, **fields), [role] if role else [], minutes=minutes
    )
    application.intake = intake
    application.save(update_fields=["intake"])
    return application


@pytest.mark.parametrize(
    ("born", "outcome"),
    [
        (date(2007, 11, 30), "pass"),  # 19 on the reference day
        (date(2007, 12, 1), "fail"),  # 18 until tomorrow
        (date(1991, 12, 1), "pass"),  # still 34, 35 tomorrow
        (date(1991, 11, 30), "fail"),  # 35 on the reference day
    ],
)
def test_youth_intern_age_19_to_34_on_the_reference_date(youth_intake, born, outcome):
    application = youth(youth_intake, None, born=born)
    weekly_batch_run(week=YOUTH_WEEK, triggered_by="test")
    assert screening_of(application).outcome == outcome


def test_a_past_youth_intern_is_refused_with_her_dates(youth_intake):
    application = youth(youth_intake, None)
    imported(application.applicant, ("2025-02-01", "2025-12-31"), code="gm-youth-intern")
    weekly_batch_run(week=YOUTH_WEEK, triggered_by="test")
    result = screening_of(application)
    assert result.outcome == "fail"
    assert render_all(result.reasons) == [
        "광명시 청년일자리(청년인턴)에 참여한 적이 있는 분은 신청할 수 없습니다 "
        "(참여 기간: 2025-02-01~2025-12-31)."
    ]


def _ranked_youth_pool(youth_intake, role, *, regular: int, favoured: int):
    """Applicants the welfare centre ranks regular ones first, priority ones last."""
    regulars = [youth(youth_intake, role, minutes=n) for n in range(regular)]
    priority = [
        youth(youth_intake, role, minutes=100 + n, priority_groups=["basic_livelihood"])
        for n in range(favoured)
    ]
    return regulars, priority


def test_reserved_places_are_all_filled_by_priority_applicants_when_enough_apply(youth_intake):
    role = RoleFactory(intake=youth_intake, seats=10, district=district("haan-dong", "gwangmyeong"))
    regulars, priority = _ranked_youth_pool(youth_intake, role, regular=12, favoured=5)
    weekly_batch_run(week="2026-W48", triggered_by="test")  # screen and invite
    company_ranks(role, [*regulars, *priority])

    outcome = weekly_batch_run(week=YOUTH_WEEK, triggered_by="test")

    placed = set(Placement.objects.filter(role=role).values_list("application_id", flat=True))
    assert len(placed) == 10
    assert placed & {a.pk for a in priority} == {a.pk for a in priority[:3]}  # 30 % of 10
    assert placed & {a.pk for a in regulars} == {a.pk for a in regulars[:7]}
    assert outcome.counts["match"]["reserved_to_priority"] == 3


def test_reserved_places_are_released_when_too_few_priority_applicants_apply(youth_intake):
    role = RoleFactory(intake=youth_intake, seats=10, district=district("haan-dong", "gwangmyeong"))
    regulars, priority = _ranked_youth_pool(youth_intake, role, regular=12, favoured=1)
    weekly_batch_run(week="2026-W48", triggered_by="test")
    company_ranks(role, [*regulars, *priority])

    weekly_batch_run(week=YOUTH_WEEK, triggered_by="test")

    placed = set(Placement.objects.filter(role=role).values_list("application_id", flat=True))
    assert placed == {priority[0].pk, *(a.pk for a in regulars[:9])}


def test_a_programme_without_priority_groups_reserves_nothing(youth_intake):
    youth_programme = program("gm-youth-intern")
    youth_programme.priority_groups = []
    youth_programme.save(update_fields=["priority_groups"])
    role = RoleFactory(intake=youth_intake, seats=10, district=district("haan-dong", "gwangmyeong"))
    regulars, priority = _ranked_youth_pool(youth_intake, role, regular=12, favoured=5)
    weekly_batch_run(week="2026-W48", triggered_by="test")
    company_ranks(role, [*regulars, *priority])

    weekly_batch_run(week=YOUTH_WEEK, triggered_by="test")

    placed = set(Placement.objects.filter(role=role).values_list("application_id", flat=True))
    assert placed == {a.pk for a in regulars[:10]}
