"""Steps several journeys share: signing up through the real form and confirming the e-mail,
and (in Korean or English) the applicant's onboarding: profile, consents, a résumé."""

import re

from django.core import mail
from playwright.sync_api import expect

PASSWORD = "Strong-passw0rd-2024"
APPLICANT = "참여자 (인턴십·교육·구직지원금 신청)"
COMPANY = "참여기업 (인턴 채용)"

# What the applicant's pages say, in each language (labels, buttons, options).
WORDS = {
    "ko": {
        "applicant": APPLICANT, "email": "이메일", "password": "비밀번호*",
        "password_again": "비밀번호 (확인)", "sign_up": "회원가입", "confirm": "확인",
        "log_in": "로그인", "login_password": "비밀번호",
        "name": "이름", "birth_date": "생년월일", "gender": "성별", "female": "여성",
        "phone": "휴대전화", "city": "거주 도시", "district": "거주 자치구",
        "employment": "취업 상태", "unemployed": "미취업", "never_employed": "근무 경험 없음",
        "work_type": "희망 근무 형태", "full_time": "전일제 (주 40시간)", "save": "저장",
        "consent_collection": "동의합니다: 개인정보 수집·이용 동의 (필수)",
        "consent_provision": "동의합니다: 지원한 기업에 개인정보 제공 동의 (매칭 필수)",
        "save_consents": "동의 내용 저장", "document_kind": "서류 종류", "resume": "이력서",
        "file": "파일", "upload": "올리기",
    },
    "en": {
        "applicant": "Applicant (apply for internships, training and the job-seeking allowance)",
        "email": "Email", "password": "Password*", "password_again": "Password (again)",
        "sign_up": "Sign Up", "confirm": "Confirm", "log_in": "Sign In",
        "login_password": "Password",
        "name": "Name", "birth_date": "Date of birth", "gender": "Sex", "female": "Female",
        "phone": "Mobile phone", "city": "City of residence",
        "district": "District of residence", "employment": "Employment status",
        "unemployed": "Not employed", "never_employed": "No work experience",
        "work_type": "Preferred working arrangement", "full_time": "Full-time (40 hours a week)",
        "save": "Save",
        "consent_collection": "I agree: Consent to the collection and use of personal "
        "information (required)",
        "consent_provision": "I agree: Consent to share personal information with companies you "
        "apply to (required for matching)",
        "save_consents": "Save consents", "document_kind": "Document type", "resume": "Resume",
        "file": "File", "upload": "Upload",
    },
}  # fmt: skip


def confirmation_link() -> str:
    assert mail.outbox, "no confirmation e-mail was sent"
    body = mail.outbox[-1].body
    return re.search(r"https?://\S+/accounts/confirm-email/\S+/", body).group(0)


def sign_up(page, email: str, account_label: str, *, lang: str = "ko") -> None:
    words = WORDS[lang]
    page.goto("/accounts/signup/")
    page.get_by_label(account_label).check()
    page.get_by_label(words["email"]).fill(email)
    page.get_by_role("textbox", name=words["password"], exact=True).fill(PASSWORD)
    page.get_by_label(words["password_again"]).fill(PASSWORD)
    page.get_by_role("button", name=words["sign_up"]).click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))


def confirm_and_log_in(page, email: str, *, lang: str = "ko") -> None:
    words = WORDS[lang]
    page.goto(confirmation_link())
    page.get_by_role("button", name=words["confirm"]).click()
    page.goto("/accounts/login/")
    page.get_by_label(words["email"]).fill(email)
    page.get_by_label(words["login_password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["log_in"]).click()


def switch_language(page, code: str) -> None:
    """The header's language switch (it remembers the choice for the session and the account)."""
    page.locator("#language-select").select_option(code)
    page.locator("#language-select").locator("xpath=following-sibling::button").click()


def fill_profile(page, *, city, district, lang: str = "ko") -> None:
    """Her profile, complete; the city and district rows are chosen by value (their names are
    catalogue data, translated apart from the page)."""
    words = WORDS[lang]
    page.get_by_label(words["name"], exact=True).fill("김우먼")
    page.get_by_label(words["birth_date"]).fill("1986-04-12")
    page.get_by_label(words["gender"]).select_option(label=words["female"])
    page.get_by_label(words["phone"]).fill("010-1234-5678")
    page.get_by_label(words["city"]).select_option(str(city.pk))
    page.get_by_label(words["district"]).select_option(str(district.pk))
    page.get_by_label(words["employment"]).select_option(label=words["unemployed"])
    page.get_by_label(words["never_employed"]).check()
    page.get_by_label(words["work_type"]).select_option(label=words["full_time"])
    page.get_by_role("button", name=words["save"], exact=True).click()


def give_consents(page, *, lang: str = "ko") -> None:
    words = WORDS[lang]
    page.get_by_label(words["consent_collection"]).check()
    page.get_by_label(words["consent_provision"]).check()
    page.get_by_role("button", name=words["save_consents"]).click()


def upload_resume(page, path, *, lang: str = "ko") -> None:
    words = WORDS[lang]
    page.get_by_label(words["document_kind"]).select_option(label=words["resume"])
    page.get_by_label(words["file"], exact=False).set_input_files(str(path))
    page.get_by_role("button", name=words["upload"]).click()
