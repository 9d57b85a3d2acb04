"""Wage support and incentives as ledger rows: derived from the dated living wage and the
placement, pro rata, stopped early, idempotent; the command, the task and its schedule."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django_celery_beat.models import PeriodicTask

from matching import services
from matching.models import Placement
from matching.tasks import wage_support_monthly
from matching.wages import wage_support_generate
from tests.factories.accounts import StaffUserFactory
from tests.factories.companies import RoleFactory
from tests.factories.matching import (
    IncentiveClaimFactory,
    PlacementFactory,
    contract_confirmed,
)
from womenup.models import LedgerEntry, LivingWageRate
from womenup.payments.services import ledger_entry_approve

pytestmark = pytest.mark.django_db

JULY, AUGUST = date(2024, 7, 1), date(2024, 8, 1)


def intern(start: date, *, weekly_hours: int = 40, **kwargs) -> Placement:
    role = RoleFactory(
        weekly_hours=weekly_hours, work_type="flexible" if weekly_hours < 40 else "full_time"
    )
    placement = PlacementFactory(
        role=role, contract_start=start, status=Placement.Status.CONTRACTED, **kwargs
    )
    return contract_confirmed(placement)


def wage_rows(month: date) -> dict[int, int]:
    rows = LedgerEntry.objects.filter(kind=LedgerEntry.Kind.WAGE_SUPPORT, month=month)
    return {row.source_id: row.amount_krw for row in rows}


@pytest.mark.parametrize(("weekly", "amount"), [(40, 2_390_124), (35, 2_092_788), (30, 1_795_452)])
def test_a_full_month_pays_the_living_wage_for_the_paid_hours(weekly, amount):
    placement = intern(date(2024, 7, 1), weekly_hours=weekly)
    run = wage_support_generate(month=JULY)
    assert (run.created, run.existing, run.total_krw) == (1, 0, amount)
    entry = LedgerEntry.objects.get()
    assert entry.source == placement and entry.amount_krw == amount
    assert entry.program == placement.role.intake.program
    assert entry.status == LedgerEntry.Status.PENDING
    assert entry.rate.hourly_krw == 11_436 and entry.basis["share"] == "1/1"


def test_generating_a_month_twice_changes_nothing():
    intern(date(2024, 7, 1))
    wage_support_generate(month=JULY)
    again = wage_support_generate(month=JULY)
    assert (again.created, again.existing) == (0, 1)
    assert LedgerEntry.objects.count() == 1


def test_a_partial_first_month_is_pro_rata_by_working_days():
    placement = intern(date(2024, 7, 15))
    wage_support_generate(month=JULY)
    wage_support_generate(month=AUGUST)
    assert wage_rows(JULY) == {placement.pk: 1_350_939}  # 13 of 23 working days
    assert wage_rows(AUGUST) == {placement.pk: 2_390_124}


def test_wage_support_stops_when_the_placement_ends_early():
    placement = intern(date(2024, 7, 1))
    services.placement_end_early(placement=placement, last_day=date(2024, 8, 9))
    for month in (JULY, AUGUST, date(2024, 9, 1)):
        wage_support_generate(month=month)
    assert wage_rows(JULY) == {placement.pk: 2_390_124}
    assert wage_rows(AUGUST) == {placement.pk: 760_494}  # 7 of 22 working days
    assert wage_rows(date(2024, 9, 1)) == {}


def test_ending_early_needs_a_day_within_the_internship():
    placement = intern(date(2024, 7, 1))
    with pytest.raises(ValidationError, match="마지막 근무일"):
        services.placement_end_early(placement=placement, last_day=date(2024, 10, 1))
    with pytest.raises(ValidationError, match="마지막 근무일"):
        services.placement_end_early(placement=placement, last_day=date(2024, 6, 30))


def test_no_wage_before_the_contract_after_the_internship_or_without_a_contract():
    intern(date(2024, 8, 1))
    intern(date(2024, 3, 1))  # ended 31 May
    PlacementFactory(contract_start=None)
    PlacementFactory(contract_start=date(2024, 7, 1), status=Placement.Status.CANCELLED)
    assert wage_support_generate(month=JULY).created == 0


def test_each_month_uses_the_rate_in_force_on_its_first_day():
    LivingWageRate.objects.update_or_create(
        valid_from=date(2025, 1, 1), defaults={"hourly_krw": 11_779}
    )
    placement = intern(date(2024, 12, 1))
    wage_support_generate(month=date(2024, 12, 1))
    wage_support_generate(month=date(2025, 1, 1))
    assert wage_rows(date(2024, 12, 1)) == {placement.pk: 11_436 * 209}
    assert wage_rows(date(2025, 1, 1)) == {placement.pk: 11_779 * 209}


def test_a_month_without_a_rate_is_refused_with_a_clear_message():
    intern(date(2024, 7, 1))
    LivingWageRate.objects.all().delete()
    with pytest.raises(ValidationError, match="생활임금이 등록되어 있지 않습니다"):
        wage_support_generate(month=JULY)
    assert not LedgerEntry.objects.exists()


def test_the_command_generates_a_month_and_says_what_it_did(capsys):
    intern(date(2024, 7, 1))
    call_command("wage_support_generate", "--month", "2024-07")
    assert "새 지급 건 1건 (2,390,124원), 이미 있던 건 0건" in capsys.readouterr().out
    call_command("wage_support_generate", "--month", "2024-07")
    assert "새 지급 건 0건 (0원), 이미 있던 건 1건" in capsys.readouterr().out


@pytest.mark.parametrize("month", ["2024-13", "July", "2024-7"])
def test_the_command_refuses_a_bad_month(month):
    with pytest.raises(CommandError, match="연-월"):
        call_command("wage_support_generate", "--month", month)


def test_the_task_runs_a_given_month():
    intern(date(2024, 7, 1))
    assert wage_support_monthly("2024-07") == {
        "month": "2024-07",
        "created": 1,
        "existing": 0,
        "waiting": [],
    }


def test_a_monthly_schedule_row_exists():
    task = PeriodicTask.objects.get(task="matching.tasks.wage_support_monthly")
    assert task.crontab.day_of_month == "1" and task.crontab.timezone.key == "Asia/Seoul"


def test_an_approved_incentive_claim_releases_a_3000000_ledger_row():
    staff = StaffUserFactory()
    claim = IncentiveClaimFactory()
    services.incentive_claim_approve(claim=claim, staff=staff)
    entry = LedgerEntry.objects.get(kind=LedgerEntry.Kind.INCENTIVE)
    assert entry.source == claim and entry.amount_krw == 3_000_000
    assert entry.status == LedgerEntry.Status.PENDING
    assert entry.program == claim.hire.placement.role.intake.program
    approved = ledger_entry_approve(entry=entry, staff=staff)
    assert approved.status == LedgerEntry.Status.APPROVED


def test_a_rejected_claim_releases_nothing():
    services.incentive_claim_reject(
        claim=IncentiveClaimFactory(), staff=StaffUserFactory(), reason="증빙 불충분"
    )
    assert not LedgerEntry.objects.exists()


def test_the_internship_lasts_as_many_months_as_its_programme_says():
    placement = intern(date(2024, 7, 1))
    program = placement.role.intake.program
    program.figures = {**program.figures, "months": 4}
    program.save(update_fields=["figures"])
    # a longer internship is another contract end: both sides confirm the new terms
    assert wage_support_generate(month=date(2024, 10, 1)).waiting[0].placement == placement
    contract_confirmed(placement)
    october = date(2024, 10, 1)
    wage_support_generate(month=october)
    assert wage_rows(october) == {placement.pk: 2_390_124}  # the fourth month is paid
    assert services.internship_end(date(2024, 7, 1), months=4) == date(2024, 11, 1)
    november = date(2024, 11, 1)
    wage_support_generate(month=november)
    assert wage_rows(november) == {}


def test_a_three_month_programme_pays_nothing_in_the_fourth_month():
    placement = intern(date(2024, 7, 1))
    wage_support_generate(month=date(2024, 10, 1))
    assert wage_rows(date(2024, 10, 1)) == {}
    assert placement.role.intake.program.figures["months"] == 3
