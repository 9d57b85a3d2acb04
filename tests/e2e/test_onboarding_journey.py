"""A new applicant signs up, walks the dashboard's checklist (프로필 → 동의 → 서류 → 지원) by its
one next action, and applies; the same journey in English. Every page she visits passes axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_serious_axe_violations
from tests.e2e.journeys import (
    WORDS,
    confirm_and_log_in,
    fill_profile,
    give_consents,
    sign_up,
    switch_language,
    upload_resume,
)
from tests.factories import kernel
from tests.factories.applicants import PDF_BYTES
from tests.factories.companies import RoleFactory

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = {
    "ko": {
        "progress": "4단계 중 {done}단계 완료",
        "profile_saved": "프로필을 저장했습니다. 다음 할 일: 지원하려면 필수 동의가 필요합니다",
        "consents_saved": "동의 내용을 저장했습니다. 다음 할 일: 이력서를 올려 주세요",
        "resume_saved": "서류를 올렸습니다. 다음 할 일: 모집 중인 인턴십 직무를 골라",
        "chosen": "순위를 확인하고 신청서를 제출해야 서류심사를 받습니다.",
        "choose": "지망 목록에 담기",
        "submit": "신청서 제출",
        "done": "모든 단계를 마쳤습니다.",
        "screening": "매주 월요일 서류심사를 합니다.",
    },
    "en": {
        "progress": "{done} of 4 steps done",
        "profile_saved": "Your profile has been saved. Next: To apply you need these required "
        "consents",
        "consents_saved": "Your consents have been saved. Next: Upload your CV",
        "resume_saved": "Document uploaded. Next: Choose open internship roles and apply",
        "chosen": "Check the ranking and submit your application to have it screened.",
        "choose": "Add to my choices",
        "submit": "Submit application",
        "done": "All steps are done.",
        "screening": "Screening runs every Monday.",
    },
}
STEPS = ["profile", "consents", "documents", "apply"]


@pytest.fixture
def role():
    kernel.open_intake()
    return RoleFactory(title="데이터 분석 인턴")


def at_step(page, lang: str, done: int) -> None:
    """The dashboard shows how far she is and marks the one step to do now."""
    page.goto("/me/")
    expect(page.get_by_test_id("checklist-progress")).to_have_text(
        TEXT[lang]["progress"].format(done=done)
    )
    steps = page.get_by_test_id("checklist").get_by_role("listitem")
    expect(steps).to_have_count(4)
    if done < 4:
        current = page.get_by_test_id(f"checklist-step-{STEPS[done]}")
        expect(current).to_have_attribute("aria-current", "step")
        expect(page.locator('[aria-current="step"]')).to_have_count(1)
    assert_no_serious_axe_violations(page)


def follow_the_next_action(page, path: str) -> None:
    page.get_by_test_id("next-action").get_by_role("link").click()
    expect(page).to_have_url(re.compile(path))


def journey(page, tmp_path, role, lang: str) -> None:
    email = f"onboarding-{lang}@example.kr"
    words, text = WORDS[lang], TEXT[lang]
    if lang != "ko":
        page.goto("/")
        switch_language(page, lang)
        expect(page.locator("html")).to_have_attribute("lang", lang)
    sign_up(page, email, words["applicant"], lang=lang)
    assert_no_serious_axe_violations(page)
    confirm_and_log_in(page, email, lang=lang)

    at_step(page, lang, 0)
    follow_the_next_action(page, r"/me/profile/$")
    fill_profile(page, city=kernel.seoul(), district=kernel.district("mapo"), lang=lang)
    expect(page.get_by_text(text["profile_saved"])).to_be_visible()
    assert_no_serious_axe_violations(page)

    at_step(page, lang, 1)
    follow_the_next_action(page, r"/me/consents/$")
    give_consents(page, lang=lang)
    expect(page.get_by_text(text["consents_saved"])).to_be_visible()
    assert_no_serious_axe_violations(page)

    at_step(page, lang, 2)
    follow_the_next_action(page, r"/me/documents/$")
    resume = tmp_path / "resume.pdf"
    resume.write_bytes(PDF_BYTES)
    upload_resume(page, resume, lang=lang)
    expect(page.get_by_text(text["resume_saved"])).to_be_visible()
    assert_no_serious_axe_violations(page)

    at_step(page, lang, 3)
    follow_the_next_action(page, r"/roles/$")
    assert_no_serious_axe_violations(page)
    page.get_by_role("link", name=role.title).click()
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name=text["choose"]).click()
    expect(page.get_by_text(text["chosen"])).to_be_visible()
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name=text["submit"]).click()

    expect(page).to_have_url(re.compile(r"/me/$"))
    expect(page.get_by_test_id("checklist-progress")).to_have_text(text["progress"].format(done=4))
    expect(page.get_by_test_id("checklist")).to_contain_text(text["done"])
    expect(page.get_by_test_id("next-action")).to_contain_text(text["screening"])
    card = page.get_by_test_id("internship-application")
    expect(card.get_by_test_id("next-step")).to_contain_text(text["screening"])
    assert_no_serious_axe_violations(page)


def test_onboarding_to_an_application_in_korean(page, tmp_path, role):
    journey(page, tmp_path, role, "ko")


def test_onboarding_to_an_application_in_english(page, tmp_path, role):
    journey(page, tmp_path, role, "en")
