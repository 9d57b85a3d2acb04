"""A visitor checks which programmes she can apply to, signs up and carries her answers into
her profile; the same check in English. No serious or critical accessibility violation."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_serious_axe_violations
from tests.e2e.journeys import APPLICANT, confirm_and_log_in, sign_up
from tests.factories import kernel

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "selfcheck@example.kr"


def open_programmes() -> None:
    kernel.open_intake("seoul-internship")
    kernel.open_intake("gm-youth-intern")


def answer(page, *, labels: dict[str, str]) -> None:
    page.get_by_label(labels["city"]).select_option(label=labels["seoul"])
    page.get_by_label(labels["district"]).select_option(label=labels["mapo"])
    page.get_by_label(labels["birth_date"]).fill("1985-05-20")
    page.get_by_label(labels["female"], exact=True).check()
    page.get_by_label(labels["unemployed"], exact=True).check()
    page.get_by_label(labels["certificate"], exact=True).check()
    page.get_by_label(labels["resume"], exact=True).check()


KOREAN = {
    "city": "거주 도시", "district": "거주 자치구·동", "birth_date": "생년월일",
    "female": "여성", "unemployed": "미취업", "certificate": "전문 자격증", "resume": "이력서",
    "seoul": "서울특별시", "mapo": "서울특별시 마포구",
}  # fmt: skip
ENGLISH = {
    "city": "City of residence", "district": "District of residence", "birth_date": "Date of birth",
    "female": "Female", "unemployed": "Not employed", "certificate": "Professional certificate",
    "resume": "Resume", "seoul": "Seoul Metropolitan City",
    "mapo": "Seoul Metropolitan City Mapo-gu",
}  # fmt: skip


def test_she_checks_signs_up_and_carries_her_answers_into_her_profile(page):
    open_programmes()
    page.goto("/")
    page.get_by_role("link", name="신청 자격 자가진단").click()
    expect(page.get_by_role("heading", name="신청 자격 자가진단", level=1)).to_be_visible()
    assert_no_serious_axe_violations(page)

    answer(page, labels=KOREAN)
    page.get_by_label("회원가입 후 내 프로필에 옮길 수 있도록").check()
    page.get_by_role("button", name="결과 보기").click()

    results = page.get_by_test_id("self-check-results")
    expect(results).to_be_visible()
    expect(page.get_by_test_id("self-check-seoul-internship")).to_contain_text("신청 가능")
    youth = page.get_by_test_id("self-check-gm-youth-intern")
    expect(youth).to_contain_text("신청할 수 없습니다")
    expect(youth).to_contain_text("광명시 거주자만 신청할 수 있습니다 (현재 거주지: 서울특별시).")
    expect(youth).to_contain_text("만 19~34세만 신청할 수 있습니다")
    expect(page.get_by_test_id("self-check-kept")).to_be_visible()
    assert_no_serious_axe_violations(page)

    results.get_by_role("link", name="회원가입하고 신청하기").click()
    sign_up(page, EMAIL, APPLICANT)
    confirm_and_log_in(page, EMAIL)
    page.goto("/me/profile/")
    carry = page.get_by_test_id("self-check-carry")
    expect(carry).to_contain_text("마포구")
    expect(carry).to_contain_text("1985-05-20")
    assert_no_serious_axe_violations(page)
    carry.get_by_role("button", name="프로필에 옮기기").click()

    expect(page.get_by_text(re.compile("자가진단 답변을 프로필에 옮겼습니다"))).to_be_visible()
    expect(page.get_by_label("생년월일")).to_have_value("1985-05-20")
    expect(page.get_by_label("거주 자치구")).to_have_value(str(kernel.district("mapo").pk))
    expect(page.get_by_test_id("self-check-carry")).to_have_count(0)


def test_the_self_check_in_english(page):
    open_programmes()
    page.goto("/")
    page.get_by_label("언어").select_option("en")
    page.get_by_role("button", name="변경").click()
    page.get_by_role("link", name="Eligibility self-check").click()
    expect(page.get_by_role("heading", name="Eligibility self-check", level=1)).to_be_visible()

    answer(page, labels=ENGLISH)
    page.get_by_role("button", name="See the result").click()

    expect(page.get_by_role("heading", name="Self-check results")).to_be_visible()
    expect(page.get_by_test_id("self-check-seoul-internship")).to_contain_text("You can apply")
    youth = page.get_by_test_id("self-check-gm-youth-intern")
    expect(youth).to_contain_text("You cannot apply")
    expect(youth).to_contain_text("Only residents of Gwangmyeong may apply")
    assert_no_serious_axe_violations(page)


def test_a_refused_answer_is_explained_next_to_the_question(page):
    open_programmes()
    page.goto("/self-check/")
    page.get_by_role("button", name="결과 보기").click()

    expect(page.get_by_text("필수 항목입니다.").first).to_be_visible()
    expect(page.get_by_test_id("self-check-results")).to_have_count(0)
    assert_no_serious_axe_violations(page)


def test_a_programme_page_leads_to_the_self_check(page):
    open_programmes()
    page.goto("/programs/gm-youth-intern/")
    assert_no_serious_axe_violations(page)
    page.get_by_role("link", name="이 사업에 신청할 수 있는지 자가진단하기").click()
    expect(page.get_by_role("heading", name="신청 자격 자가진단", level=1)).to_be_visible()
