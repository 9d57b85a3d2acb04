"""The weekly batch on PostgreSQL: stages, guarantees (once per week, one at a time, atomic
stages, resumable, deterministic) and a fixed number of queries."""

import threading

import psycopg
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection

from matching import batch
from matching.batch import Result, week_key, week_monday, weekly_batch_run
from matching.models import (
    InternshipApplication,
    InterviewInvitation,
    MatchingRun,
    Placement,
    ScreeningResult,
)
from tests.factories.companies import CompanyMembershipFactory, RoleFactory
from tests.factories.kernel import job_category
from tests.mail import sent_to
from tests.matching.batch_data import (
    NEXT_WEEK,
    WEEK,
    application_for,
    company_ranks,
    eligible_profile,
)
from womenup.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _factor(settings):
    settings.MATCHING_INTERVIEW_FACTOR = 2


def run(week=WEEK, **kwargs):
    return weekly_batch_run(week=week, triggered_by="test", **kwargs)


def invited(week=None):
    invitations = InterviewInvitation.objects.all()
    if week:
        invitations = invitations.filter(week=week)
    return sorted(invitations.values_list("application_id", "role_id"))


def placed():
    return sorted(Placement.objects.values_list("application_id", "role_id"))


def snapshot() -> dict:
    """Everything the batch writes, in a form two runs can be compared by."""
    return {
        "screening": sorted(ScreeningResult.objects.values_list("application_id", "outcome")),
        "statuses": sorted(InternshipApplication.objects.values_list("pk", "status")),
        "invitations": sorted(
            InterviewInvitation.objects.values_list(
                "application_id", "role_id", "week", "fit_score", "fit_parts"
            )
        ),
        "placements": sorted(Placement.objects.values_list("application_id", "role_id", "status")),
        "outbox": sorted(
            OutboxMessage.objects.values_list("dedupe_key", "to_email", "template", "context")
        ),
        "runs": sorted(MatchingRun.objects.values_list("week", "status", "stages_done", "counts")),
    }


def forget_the_batch() -> None:
    """Undo every write of the batch, so the same inputs can be run again."""
    OutboxMessage.objects.all().delete()
    Placement.objects.all().delete()
    InterviewInvitation.objects.all().delete()
    ScreeningResult.objects.all().delete()
    MatchingRun.objects.all().delete()
    InternshipApplication.objects.update(status=InternshipApplication.Status.SUBMITTED)


def world(size: int = 6):
    """Two one-seat roles with a company user each; applicants choosing both, some ranked."""
    first = RoleFactory(seats=1, title="백엔드 인턴")
    second = RoleFactory(seats=1, title="데이터 인턴")
    CompanyMembershipFactory(company=first.company)
    CompanyMembershipFactory(company=second.company)
    applications = [
        application_for(roles=[first, second] if n % 2 else [second, first], minutes=n)
        for n in range(size)
    ]
    company_ranks(first, applications[:2])
    company_ranks(second, applications[1::-1])
    return first, second, applications


# --- Weeks -----------------------------------------------------------------------------------


def test_week_keys_are_iso_weeks():
    from datetime import date

    assert week_key(date(2024, 6, 3)) == "2024-W23"
    assert week_monday("2024-W23") == date(2024, 6, 3)
    assert week_key(date(2024, 12, 30)) == "2025-W01"


@pytest.mark.parametrize("bad", ["2024-23", "2024-W60", "next week", ""])
def test_a_bad_week_key_is_refused_with_a_clear_message(bad):
    with pytest.raises(ValidationError) as error:
        week_monday(bad)
    assert "2024-W23" in error.value.messages[0]


# --- Shortlist -------------------------------------------------------------------------------


def test_interview_slots_go_to_the_best_fit_then_the_earliest_submission():
    role = RoleFactory(seats=1)
    late_but_fitting = eligible_profile()
    late_but_fitting.desired_job_categories.add(job_category())
    best = application_for(late_but_fitting, [role], minutes=30)
    early = application_for(roles=[role], minutes=1)
    tie_later = application_for(roles=[role], minutes=2)

    outcome = run()

    assert outcome.result == Result.FINISHED
    assert invited() == sorted([(best.pk, role.pk), (early.pk, role.pk)])
    assert tie_later.pk not in {app for app, _role in invited()}
    invitation = InterviewInvitation.objects.get(application=best)
    assert invitation.fit_parts["job_category"] == 30
    assert invitation.fit_score == sum(invitation.fit_parts.values())
    assert invitation.week == WEEK
    assert invitation.status == InterviewInvitation.Status.INVITED


def test_an_applicant_gets_at_most_one_invitation_a_week_and_never_the_same_one_twice():
    first, second = RoleFactory(seats=1), RoleFactory(seats=1)
    application = application_for(roles=[first, second])

    run()
    assert invited(WEEK) == [(application.pk, first.pk)]

    run(NEXT_WEEK)
    assert invited(NEXT_WEEK) == [(application.pk, second.pk)]
    assert len(invited()) == 2


def test_pending_invitations_keep_their_slots():
    role = RoleFactory(seats=1)
    for minute in range(3):
        application_for(roles=[role], minutes=minute)
    run()
    application_for(roles=[role], minutes=10)

    run(NEXT_WEEK)

    assert invited(NEXT_WEEK) == []


def test_failed_screening_and_closed_roles_get_no_invitation():
    open_role = RoleFactory(seats=1)
    closed_role = RoleFactory(seats=1, status="closed")
    failing = application_for(eligible_profile(gender="male"), [open_role])
    to_closed = application_for(roles=[closed_role])

    run()

    assert invited() == []
    assert ScreeningResult.objects.get(application=failing).outcome == "fail"
    assert ScreeningResult.objects.get(application=to_closed).outcome == "pass"


# --- Match -----------------------------------------------------------------------------------


def test_the_match_is_the_applicant_optimal_stable_matching():
    first, second, applications = world(size=2)
    # applications[0] prefers second, applications[1] prefers first;
    # first ranks 0 > 1, second ranks 1 > 0: each gets her first choice.

    run()

    assert placed() == sorted([(applications[0].pk, second.pk), (applications[1].pk, first.pk)])
    for application in applications:
        application.refresh_from_db()
        assert application.status == InternshipApplication.Status.MATCHED
        matched = application.history.first()  # the change history records the batch's write
        assert (matched.status, matched.history_change_reason) == ("matched", f"주간 매칭 {WEEK}")
    assert set(Placement.objects.values_list("status", flat=True)) == {"awaiting_contract"}
    created = {placement.history.get().history_type for placement in Placement.objects.all()}
    assert created == {"+"}


def test_a_role_never_gets_more_placements_than_its_open_seats():
    role = RoleFactory(seats=2)
    applications = [application_for(roles=[role], minutes=n) for n in range(4)]
    company_ranks(role, applications)
    earlier = application_for(roles=[role], minutes=99)
    Placement.objects.create(application=earlier, role=role, week="2024-W20")
    InternshipApplication.objects.filter(pk=earlier.pk).update(status="matched")

    outcome = run()

    assert placed() == sorted([(earlier.pk, role.pk), (applications[0].pk, role.pk)])
    assert outcome.counts["match"]["matched"] == 1


def test_unranked_and_unmatched_applicants_stay_in_the_pool():
    role = RoleFactory(seats=1)
    first, second = application_for(roles=[role]), application_for(roles=[role], minutes=1)
    company_ranks(role, [second, first])

    run()

    first.refresh_from_db()
    assert first.status == InternshipApplication.Status.SCREENED
    assert placed() == [(second.pk, role.pk)]


# --- Notifications ---------------------------------------------------------------------------


def test_everyone_affected_gets_one_message_through_the_outbox():
    first, second, applications = world(size=8)

    outcome = run()

    keys = set(OutboxMessage.objects.values_list("dedupe_key", flat=True))
    assert {f"batch:{WEEK}:matched:{applications[0].pk}"} <= keys
    assert len([key for key in keys if ":company:" in key]) == 2
    assert [key for key in keys if ":invited:" in key]
    pool = OutboxMessage.objects.filter(dedupe_key__contains=":pool:")
    assert pool.exists()
    for message in pool:
        subject = "[서울우먼업] 이번 주 매칭 결과 안내"
        [sent] = [m for m in sent_to(message.to_email) if m.subject == subject]
        assert "다음 주 매칭에 자동으로 다시 참여합니다" in sent.body
    assert outcome.counts["notify"]["messages"] == len(keys)


def test_the_notify_stage_run_twice_adds_nothing():
    world(size=4)
    run()
    before = OutboxMessage.objects.count()

    batch.batch_notifications_queue(week=WEEK, on=week_monday(WEEK))

    assert OutboxMessage.objects.count() == before


# --- Guarantees ------------------------------------------------------------------------------


def test_a_second_run_for_the_same_week_says_so_and_changes_nothing():
    world()
    run()
    before = snapshot()

    outcome = run()

    assert outcome.result == Result.ALREADY_RAN
    assert "이미 실행되었습니다" in outcome.message
    assert snapshot() == before


def test_the_command_runs_the_batch_and_says_when_a_week_already_ran(capsys):
    world()

    call_command("run_weekly_batch", "--week", WEEK)
    first = capsys.readouterr().out
    call_command("run_weekly_batch", "--week", WEEK)
    second = capsys.readouterr().out

    assert "(invite)" in first
    assert "already ran" in second
    assert MatchingRun.objects.get(week=WEEK).status == MatchingRun.Status.FINISHED


def test_the_command_records_the_staff_member_who_ran_it_and_refuses_anyone_else():
    from django.core.management.base import CommandError

    from tests.factories.accounts import ApplicantUserFactory, staff_with_mfa

    staff = staff_with_mfa()
    with pytest.raises(CommandError, match="시 담당자 계정이 아닙니다"):
        call_command("run_weekly_batch", "--week", WEEK, "--by", ApplicantUserFactory().email)
    assert not MatchingRun.objects.exists()

    call_command("run_weekly_batch", "--week", WEEK, "--by", staff.email.upper())
    assert MatchingRun.objects.get(week=WEEK).created_by == staff


def test_a_run_without_a_person_has_no_creator():
    run()
    assert MatchingRun.objects.get(week=WEEK).created_by is None


def test_the_command_refuses_a_bad_week():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="2024-W23"):
        call_command("run_weekly_batch", "--week", "W23")


def test_a_dry_run_reports_counts_and_writes_nothing(capsys):
    world()
    before = snapshot()

    call_command("run_weekly_batch", "--week", WEEK, "--dry-run")

    out = capsys.readouterr().out
    assert "시험 실행" in out
    assert "invited=" in out
    assert snapshot() == before


def test_a_run_records_counts_and_timings_per_stage():
    world()

    run()

    record = MatchingRun.objects.get(week=WEEK)
    assert record.status == MatchingRun.Status.FINISHED
    assert record.stages_done == ["screen", "invite", "match", "notify"]
    assert set(record.counts) == set(record.stages_done)
    assert all(seconds >= 0 for seconds in record.durations.values())
    assert record.finished_at is not None
    assert record.triggered_by == "test"


def test_a_stage_that_fails_leaves_nothing_and_a_rerun_finishes_like_an_uninterrupted_run(
    monkeypatch,
):
    world()

    def match_then_crash(**kwargs):
        batch.placements_create(**kwargs)
        assert Placement.objects.exists()  # the stage wrote…
        raise RuntimeError("worker killed")

    crashing = tuple(
        (name, match_then_crash if name == "match" else stage) for name, stage in batch.STAGES
    )
    monkeypatch.setattr(batch, "STAGES", crashing)
    with pytest.raises(RuntimeError):
        run()
    record = MatchingRun.objects.get(week=WEEK)
    assert record.status == MatchingRun.Status.FAILED
    assert record.stages_done == ["screen", "invite"]
    assert "worker killed" in record.last_error
    assert not Placement.objects.exists()  # …and none of it stayed
    assert InterviewInvitation.objects.exists()

    monkeypatch.undo()
    assert run().result == Result.FINISHED
    resumed = snapshot()
    forget_the_batch()
    assert run().result == Result.FINISHED
    assert snapshot() == resumed


def test_the_same_inputs_give_the_same_outputs():
    world(size=10)
    run()
    first = snapshot()
    forget_the_batch()

    run()

    assert snapshot() == first


def test_a_start_while_another_run_holds_the_lock_does_nothing():
    world()
    params = connection.get_connection_params()
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(%s)", [batch.ADVISORY_LOCK_KEY])
        outcome = run()
    assert outcome.result == Result.BUSY
    assert "실행 중" in outcome.message
    assert not MatchingRun.objects.exists()
    assert not ScreeningResult.objects.exists()


@pytest.mark.parametrize("size", [4, 24])
def test_the_whole_run_issues_a_fixed_number_of_queries(size, django_assert_num_queries):
    world(size)
    # 3 of them the change history of the matches; participation history (2) and each role's
    # programme (2); the screening results and the messages 4 each (a staging table, COPY,
    # INSERT … ON CONFLICT, drop)
    with django_assert_num_queries(75):
        outcome = run()
    assert outcome.result == Result.FINISHED
    assert outcome.counts["screen"]["screened"] == size


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_starts_run_once():
    world()
    barrier = threading.Barrier(2)
    outcomes = []

    def start():
        try:
            barrier.wait()
            outcomes.append(run().result)
        finally:
            connection.close()

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count(Result.FINISHED) == 1
    assert set(outcomes) <= {Result.FINISHED, Result.BUSY, Result.ALREADY_RAN}
    assert MatchingRun.objects.count() == 1
    assert len(invited()) == len(set(invited()))


def test_the_database_refuses_a_placement_beyond_the_roles_seats():
    from django.db import IntegrityError, transaction

    role = RoleFactory(seats=1)
    first, second = application_for(roles=[role]), application_for(roles=[role], minutes=1)
    Placement.objects.create(application=first, role=role, week=WEEK)

    with pytest.raises(IntegrityError, match="no free seat"), transaction.atomic():
        Placement.objects.create(application=second, role=role, week=WEEK)

    Placement.objects.filter(application=first).update(status=Placement.Status.CANCELLED)
    Placement.objects.create(application=second, role=role, week=WEEK)  # the freed seat


def test_one_insert_of_more_placements_than_seats_is_refused_whole():
    from django.db import IntegrityError, transaction

    role = RoleFactory(seats=2)
    first, second, third = (application_for(roles=[role], minutes=n) for n in range(3))
    Placement.objects.create(application=first, role=role, week=WEEK)

    with pytest.raises(IntegrityError, match="no free seat"), transaction.atomic():
        Placement.objects.bulk_create(
            [Placement(application=app, role=role, week=WEEK) for app in (second, third)]
        )
    assert placed() == [(first.pk, role.pk)]

    cancelled = Placement(application=third, role=role, week=WEEK, status="cancelled")
    Placement.objects.bulk_create([Placement(application=second, role=role, week=WEEK), cancelled])
    assert len(placed()) == 3  # a cancelled placement takes no seat

    with pytest.raises(IntegrityError, match="no free seat"), transaction.atomic():
        Placement.objects.filter(application=third).update(status="awaiting_contract")
