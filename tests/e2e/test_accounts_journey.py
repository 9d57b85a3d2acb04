"""A new applicant and a new company user sign up, confirm the e-mail, log in, see their page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_serious_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Strong-passw0rd-2024"


def confirmation_link() -> str:
    assert mail.outbox, "no confirmation e-mail was sent"
    body = mail.outbox[-1].body
    return re.search(r"https?://\S+/accounts/confirm-email/\S+/", body).group(0)


def sign_up(page, email: str, account_label: str) -> None:
    page.goto("/accounts/signup/")
    page.get_by_label(account_label).check()
    page.get_by_label("이메일").fill(email)
    page.get_by_role("textbox", name="비밀번호*", exact=True).fill(PASSWORD)
    page.get_by_label("비밀번호 (확인)").fill(PASSWORD)
    page.get_by_role("button", name="회원가입").click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))


def confirm_and_log_in(page, email: str) -> None:
    page.goto(confirmation_link())
    page.get_by_role("button", name="확인").click()
    page.goto("/accounts/login/")
    page.get_by_label("이메일").fill(email)
    page.get_by_label("비밀번호").fill(PASSWORD)
    page.get_by_role("button", name="로그인").click()


def test_applicant_signs_up_confirms_and_lands_on_her_dashboard(page):
    sign_up(page, "new.applicant@example.kr", "참여자 (인턴십·교육·구직지원금 신청)")
    confirm_and_log_in(page, "new.applicant@example.kr")
    expect(page.get_by_test_id("applicant-dashboard")).to_be_visible()
    expect(page.get_by_test_id("login-state")).to_have_text("new.applicant@example.kr")


def test_company_user_signs_up_confirms_and_lands_on_the_company_dashboard(page):
    sign_up(page, "hr@company.example.kr", "참여기업 (인턴 채용)")
    confirm_and_log_in(page, "hr@company.example.kr")
    expect(page.get_by_test_id("company-dashboard")).to_be_visible()


def test_logging_out_returns_to_anonymous(page):
    sign_up(page, "leaving@example.kr", "참여자 (인턴십·교육·구직지원금 신청)")
    confirm_and_log_in(page, "leaving@example.kr")
    page.get_by_role("button", name="로그아웃").click()
    expect(page.get_by_role("link", name="로그인")).to_be_visible()


@pytest.mark.parametrize("path", ["/", "/accounts/signup/", "/accounts/login/"])
def test_public_pages_have_no_serious_accessibility_violations(page, path):
    page.goto(path)
    assert_no_serious_axe_violations(page)
