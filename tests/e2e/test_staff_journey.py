"""A programme officer's week in admin, in Chromium: she logs in with her OTP app, reads the work
queues, verifies a company, approves a payment, exports a list with a reason and opens the KPI
page. Screenshots of the admin home and the KPI page go to test-results/."""

import re
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect

from companies.models import Company
from tests.factories.accounts import UserFactory, give_totp
from tests.factories.companies import CompanyFactory
from tests.factories.matching import InternshipApplicationFactory
from tests.factories.payments import ledger_entry
from womenup.accounts.permissions import PAYMENT_APPROVER_GROUP, PROGRAMME_STAFF_GROUP
from womenup.models import LedgerEntry, PersonalDataAccess, User

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


def programme_officer() -> tuple[User, str]:
    """A city-staff account in the programme staff and payment approver groups, with TOTP."""
    officer = UserFactory(account_type=User.AccountType.CITY_STAFF, is_staff=True)
    officer.groups.add(
        *Group.objects.filter(name__in=[PROGRAMME_STAFF_GROUP, PAYMENT_APPROVER_GROUP])
    )
    return officer, give_totp(officer)


def log_in_with_otp(page, officer: User, secret: str) -> None:
    from tests.factories.accounts import PASSWORD

    page.goto(reverse("admin:index"))
    page.get_by_label("이메일").fill(officer.email)
    page.get_by_label("비밀번호").fill(PASSWORD)
    page.get_by_role("button", name="로그인").click()
    expect(page).to_have_url(re.compile(reverse("mfa_authenticate")))
    page.locator("#id_code").fill(
        f"{hotp_value(secret, next(yield_hotp_counters_from_time())):06d}"
    )
    page.locator("#id_code").press("Enter")
    page.goto(reverse("admin:index"))
    expect(page).to_have_url(re.compile(reverse("admin:index") + "$"))


def choose_rows_and_act(page, action: str, rows: list[int]) -> None:
    for pk in rows:
        page.locator(f'input[name="_selected_action"][value="{pk}"]').check()
    page.locator('select[name="action"]').select_option(action)
    page.locator('button[name="index"]').click()


def test_a_programme_officers_week_in_admin(page):
    company = CompanyFactory(status=Company.Status.PENDING)
    payment = ledger_entry()
    InternshipApplicationFactory.create_batch(3)
    officer, secret = programme_officer()
    SCREENSHOTS.mkdir(exist_ok=True)

    log_in_with_otp(page, officer, secret)
    companies_queue = page.locator("#queue-companies-pending")
    expect(companies_queue).to_contain_text("1")
    expect(page.locator("#queue-payments-to-approve")).to_contain_text("1")
    page.screenshot(path=SCREENSHOTS / "admin-home.png", full_page=True)

    companies_queue.locator("a").click()
    choose_rows_and_act(page, "verify", [company.pk])
    expect(page.locator(".messagelist")).to_be_visible()
    company.refresh_from_db()
    assert company.status == Company.Status.VERIFIED

    page.goto(reverse("admin:index"))
    page.locator("#queue-payments-to-approve a").click()
    choose_rows_and_act(page, "approve_payments", [payment.pk])
    expect(page.get_by_text("300,000원").first).to_be_visible()
    page.locator("#ledger-approve-confirm").click()
    expect(page.locator(".messagelist")).to_contain_text("1건의 지급을 승인했습니다")
    payment.refresh_from_db()
    assert (payment.status, payment.approved_by) == (LedgerEntry.Status.APPROVED, officer)

    page.goto(reverse("admin:matching_internshipapplication_changelist"))
    page.locator("#export-link").click()
    page.locator("#id_format").select_option("0")
    page.locator("#id_reason").fill("주간 보고용 신청자 현황")
    with page.expect_download() as download:
        page.locator("#export-submit").click()
    exported = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert len(exported.strip().splitlines()) == 4  # the header and three applications
    assert (
        PersonalDataAccess.objects.get(
            actor=officer, action=PersonalDataAccess.Action.EXPORT
        ).reason
        == "주간 보고용 신청자 현황"
    )

    page.goto(reverse("admin:index"))
    page.locator("#link-kpi a").click()
    expect(page.locator("#kpi-funnel-table")).to_be_visible()
    expect(page.locator("#kpi-funnel-table")).to_contain_text("3")
    page.screenshot(path=SCREENSHOTS / "admin-kpi-journey.png", full_page=True)
