"""Steps several journeys share: signing up through the real form and confirming the e-mail."""

import re

from django.core import mail
from playwright.sync_api import expect

PASSWORD = "Strong-passw0rd-2024"
APPLICANT = "참여자 (인턴십·교육·구직지원금 신청)"
COMPANY = "참여기업 (인턴 채용)"


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
