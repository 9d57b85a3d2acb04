"""The payments admin, driven through admin: the ledger list (fixed queries), bulk approval with
confirmation and the permission, corrections, the month view and the bank-transfer file."""

import csv
import io
from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation

from applicants import services as applicant_services
from matching import services as matching_services
from matching.models import Placement
from matching.wages import wage_support_generate
from tests.factories import kernel
from tests.factories.accounts import staff_with_mfa
from tests.factories.applicants import ApplicantProfileFactory, give_consents, pdf_upload
from tests.factories.companies import CompanyFactory, RoleFactory
from tests.factories.matching import (
    IncentiveClaimFactory,
    PlacementFactory,
    contract_confirmed,
)
from womenup.models import LedgerEntry, PersonalDataAccess
from womenup.payments import services

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:womenup_ledgerentry_changelist"
JULY = date(2024, 7, 1)


def allowance_row(staff) -> LedgerEntry:
    kernel.open_intake("seoul-allowance")
    profile = ApplicantProfileFactory(name="김참여")
    give_consents(profile)
    application = applicant_services.allowance_apply(profile=profile, job_search_plan="계획")
    report = applicant_services.activity_report_submit(
        application=application, month=timezone.localdate(), activities="지원", upload=pdf_upload()
    )
    return applicant_services.activity_report_accept(report=report, staff=staff)


def ledger_of_every_kind(staff, n: int) -> None:
    """``n`` rows of each kind: wage support (July 2024), incentives and allowances."""
    for _ in range(n):
        role = RoleFactory(company=CompanyFactory(name="=cmd|' /C calc'!A0"))
        contract_confirmed(
            PlacementFactory(role=role, contract_start=JULY, status=Placement.Status.CONTRACTED)
        )
        matching_services.incentive_claim_approve(claim=IncentiveClaimFactory(), staff=staff)
        allowance_row(staff)
    wage_support_generate(month=JULY)


@pytest.mark.parametrize("n", [2, 6])
def test_the_payments_list_runs_a_fixed_number_of_queries(
    staff_client, n, django_assert_num_queries
):
    ledger_of_every_kind(staff_client.staff, n)
    staff_client.get(reverse(CHANGELIST))  # warm the content-type cache
    with django_assert_num_queries(15):
        response = staff_client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("김참여") == n and "2,390,124원" in body and "3,000,000원" in body
    assert "선택한 지급 승인" in body and 'id="ledger-months"' in body


def test_a_wage_rows_page_says_how_it_was_computed(staff_client):
    role = RoleFactory()
    contract_confirmed(
        PlacementFactory(
            role=role, contract_start=date(2024, 7, 15), status=Placement.Status.CONTRACTED
        )
    )
    wage_support_generate(month=JULY)
    entry = LedgerEntry.objects.get()
    page = staff_client.get(reverse("admin:womenup_ledgerentry_change", args=[entry.pk]))
    body = page.content.decode()
    assert page.status_code == 200 and "1,350,939원" in body
    assert "시간당 생활임금: 11,436원" in body and "이달 지급 비율 (근무일): 13/23" in body
    assert role.company.name in body and "{&quot;" not in body


def test_bulk_approval_asks_for_confirmation_then_approves_each_row(staff_client):
    rows = [allowance_row(staff_client.staff) for _ in range(2)]
    chosen = {"action": "approve_payments", "_selected_action": [row.pk for row in rows]}
    page = staff_client.post(reverse(CHANGELIST), chosen)
    assert page.status_code == 200 and "600,000원" in page.content.decode()
    assert "ledger-approve-confirm" in page.content.decode()
    assert not LedgerEntry.objects.filter(status=LedgerEntry.Status.APPROVED).exists()
    done = staff_client.post(reverse(CHANGELIST), {**chosen, "confirm": "1"}, follow=True)
    assert "2건의 지급을 승인했습니다" in done.content.decode()
    assert set(LedgerEntry.objects.values_list("status", "approved_by")) == {
        (LedgerEntry.Status.APPROVED, staff_client.staff.pk)
    }


def test_staff_without_the_payment_permission_see_the_ledger_but_cannot_approve(client, staff):
    row = allowance_row(staff)
    clerk = staff_with_mfa(is_superuser=False)
    clerk.user_permissions.add(Permission.objects.get(codename="view_ledgerentry"))
    client.force_login(clerk)
    page = client.get(reverse(CHANGELIST))
    assert page.status_code == 200 and "선택한 지급 승인" not in page.content.decode()
    client.post(
        reverse(CHANGELIST),
        {"action": "approve_payments", "_selected_action": [row.pk], "confirm": "1"},
    )
    row.refresh_from_db()
    assert row.status == LedgerEntry.Status.PENDING
    assert (
        client.get(reverse("admin:womenup_ledgerentry_transfer", args=["2024-07"])).status_code
        == 403
    )
    assert (
        client.get(reverse("admin:womenup_ledgerentry_correct", args=[row.pk])).status_code == 403
    )


def test_a_correction_from_admin_is_a_new_pending_row(staff_client):
    row = services.ledger_entry_approve(
        entry=allowance_row(staff_client.staff), staff=staff_client.staff
    )
    url = reverse("admin:womenup_ledgerentry_correct", args=[row.pk])
    refused = staff_client.post(url, {"amount_krw": "-5", "reason": "착오"})
    assert refused.status_code == 200 and LedgerEntry.objects.count() == 1
    same = staff_client.post(url, {"amount_krw": "300000", "reason": "착오"})
    assert "같습니다" in same.content.decode() and LedgerEntry.objects.count() == 1
    staff_client.post(url, {"amount_krw": "0", "reason": "이중 지급"})
    correction = LedgerEntry.objects.get(corrects=row)
    assert correction.amount_krw == -300_000 and correction.reason == "이중 지급"
    assert correction.status == LedgerEntry.Status.PENDING
    detail = staff_client.get(reverse("admin:womenup_ledgerentry_change", args=[row.pk]))
    assert "정정 반영 금액" in detail.content.decode() and "0원" in detail.content.decode()


def test_the_month_view_totals_each_programme_and_kind(staff_client):
    ledger_of_every_kind(staff_client.staff, 2)
    for entry in LedgerEntry.objects.filter(kind=LedgerEntry.Kind.WAGE_SUPPORT)[:1]:
        services.ledger_entry_approve(entry=entry, staff=staff_client.staff)
    page = staff_client.get(reverse("admin:womenup_ledgerentry_months"))
    body = page.content.decode()
    assert page.status_code == 200
    assert "2024-07" in body and "2,390,124원" in body  # one approved, one pending
    assert 'id="ledger-transfer-2024-07"' in body
    assert "600,000원" in body  # two allowances this month, pending


def test_the_transfer_file_lists_approved_rows_neutralised_and_is_logged(staff_client):
    ledger_of_every_kind(staff_client.staff, 1)
    wage = LedgerEntry.objects.get(kind=LedgerEntry.Kind.WAGE_SUPPORT)
    services.ledger_entry_approve(entry=wage, staff=staff_client.staff)
    response = staff_client.get(reverse("admin:womenup_ledgerentry_transfer", args=["2024-07"]))
    assert (
        response["Content-Type"].startswith("text/csv") and "no-store" in response["Cache-Control"]
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "지급번호" and len(rows) == 2
    line = rows[1]
    assert line[0] == str(wage.pk) and line[3] == "2024-07" and line[7] == "2390124"
    assert line[4] == "'=cmd|' /C calc'!A0" and line[5] == "기업"
    record = PersonalDataAccess.objects.filter(action=PersonalDataAccess.Action.EXPORT).get()
    assert record.actor == staff_client.staff and "2024-07 (1건)" in record.target


def test_a_bad_month_for_the_transfer_file_is_refused_clearly(staff_client):
    response = staff_client.get(
        reverse("admin:womenup_ledgerentry_transfer", args=["2024-13"]), follow=True
    )
    assert "2024-07 처럼 연-월로" in response.content.decode()
    assert not PersonalDataAccess.objects.filter(action=PersonalDataAccess.Action.EXPORT).exists()


@pytest.fixture
def korean_afterwards(settings):
    """A request in English leaves English active in this thread; later tests expect Korean."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_the_confirmation_and_month_pages_speak_english_too(
    staff_client, settings, korean_afterwards
):
    row = allowance_row(staff_client.staff)
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    chosen = {"action": "approve_payments", "_selected_action": [row.pk]}
    page = staff_client.post(reverse(CHANGELIST), chosen).content.decode()
    assert "Confirm payment approval" in page and "1 payment, total KRW 300,000" in page
    months = staff_client.get(reverse("admin:womenup_ledgerentry_months")).content.decode()
    assert "Payments by month" in months and "bank-transfer file" in months


def test_the_ledger_exports_with_a_reason_and_one_access_log_row(staff_client):
    ledger_of_every_kind(staff_client.staff, 1)
    url = reverse("admin:womenup_ledgerentry_export")
    assert 'id="export-link"' in staff_client.get(reverse(CHANGELIST)).content.decode()
    refused = staff_client.post(url, {"format": "0", "reason": ""})
    assert (
        refused.status_code == 200
        and not PersonalDataAccess.objects.filter(action=PersonalDataAccess.Action.EXPORT).exists()
    )
    response = staff_client.post(url, {"format": "0", "reason": "7월 지급 정산 자료"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["지급번호", "지급 구분", "사업"] and len(rows) == 4
    payees = {row[4] for row in rows[1:]}
    assert "'=cmd|' /C calc'!A0" in payees and "김참여" in payees
    record = PersonalDataAccess.objects.get(action=PersonalDataAccess.Action.EXPORT)
    assert record.reason == "7월 지급 정산 자료" and record.actor == staff_client.staff


def test_an_approval_is_in_the_rows_history_with_who_approved(staff_client):
    row = allowance_row(staff_client.staff)
    chosen = {"action": "approve_payments", "_selected_action": [row.pk], "confirm": "1"}
    staff_client.post(reverse(CHANGELIST), chosen)

    page = staff_client.get(reverse("admin:womenup_ledgerentry_history", args=[row.pk]))

    assert page.status_code == 200
    assert "승인 대기 &rarr; 지급 승인" in page.content.decode()
    latest = row.history.first()
    assert (latest.history_user, latest.status) == (staff_client.staff, LedgerEntry.Status.APPROVED)
