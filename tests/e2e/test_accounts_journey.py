"""A new applicant and a new company user sign up, confirm the e-mail, log in, see their page."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_serious_axe_violations
from tests.e2e.journeys import APPLICANT, COMPANY, confirm_and_log_in, sign_up

pytestmark = pytest.mark.django_db(transaction=True)


def test_applicant_signs_up_confirms_and_lands_on_her_dashboard(page):
    sign_up(page, "new.applicant@example.kr", APPLICANT)
    confirm_and_log_in(page, "new.applicant@example.kr")
    expect(page.get_by_test_id("applicant-dashboard")).to_be_visible()
    expect(page.get_by_test_id("login-state")).to_have_text("new.applicant@example.kr")


def test_company_user_signs_up_confirms_and_lands_on_the_company_dashboard(page):
    sign_up(page, "hr@company.example.kr", COMPANY)
    confirm_and_log_in(page, "hr@company.example.kr")
    expect(page.get_by_test_id("company-dashboard")).to_be_visible()


def test_logging_out_returns_to_anonymous(page):
    sign_up(page, "leaving@example.kr", APPLICANT)
    confirm_and_log_in(page, "leaving@example.kr")
    page.get_by_role("button", name="로그아웃").click()
    expect(page.get_by_role("link", name="로그인")).to_be_visible()


@pytest.mark.parametrize("path", ["/", "/accounts/signup/", "/accounts/login/"])
def test_public_pages_have_no_serious_accessibility_violations(page, path):
    page.goto(path)
    assert_no_serious_axe_violations(page)
