"""In Chromium, implausible input and overlong text get the portal's own sentence at the field,
the text is never cut by the browser and the counter counts; axe finds nothing serious, in
Korean and in English."""

import pytest
from playwright.sync_api import expect

from applicants.models import ApplicantProfile
from courses.models import Enrollment
from tests.e2e.conftest import assert_no_serious_axe_violations
from tests.e2e.test_access_review_pages import log_in_browser
from tests.factories import kernel
from tests.factories.applicants import ready_profile
from tests.factories.companies import CompanyMembershipFactory
from tests.factories.courses import CourseFactory

pytestmark = pytest.mark.django_db(transaction=True)

SENTENCES = {
    "ko": {
        "birth": "1930-01-01부터",
        "mobile": "휴대전화 번호를 입력해 주세요",
        "years": "경력 연수는 1년에서 50년 사이로 입력해 주세요.",
        "too_long": "1000자 이내로 입력해 주세요 (현재 5000자).",
        "counter_over": "4000자를 줄여 주세요 (현재 5000자 / 최대 1000자)",
        "counter": "현재 0자 / 최대 1000자",
        "seats": "채용 인원은 1명 이상으로 입력해 주세요.",
        "track": "직무를 받지 않습니다",
    },
    "en": {
        "birth": "between 1930-01-01",
        "mobile": "Enter a mobile number",
        "years": "Please enter between 1 and 50 years of experience.",
        "too_long": "Please keep it to 1000 characters or fewer (it has 5000).",
        "counter_over": "4000 characters too many (5000 of 1000)",
        "counter": "0 of 1000 characters",
        "seats": "Enter at least 1 opening.",
        "track": "does not take",
    },
}


def field_error(page, field_id: str):
    """The error crispy shows under the field (its id is error_<n>_<field id>)."""
    return page.locator(f"[id^='error_'][id$='_{field_id}']")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_an_applicant_sees_why_each_implausible_entry_is_refused(page, live_server, language):
    words = SENTENCES[language]
    profile = ready_profile(phone="+821048217793")
    course = CourseFactory()
    log_in_browser(page, profile.user, live_server, language)

    page.goto("/me/profile/")
    expect(page.locator("#id_phone")).to_have_value("010-4821-7793")
    page.locator("#id_birth_date").fill("1899-12-31")
    page.locator("#id_phone").fill("02-2133-7000")
    page.locator("#id_phone").press("Enter")
    expect(field_error(page, "id_birth_date")).to_contain_text(words["birth"])
    expect(field_error(page, "id_phone")).to_contain_text(words["mobile"])
    assert_no_serious_axe_violations(page)
    assert ApplicantProfile.objects.get(pk=profile.pk).birth_date.year != 1899

    page.goto("/me/qualifications/")
    page.locator("#id_career-job_category").select_option(index=1)
    page.locator("#id_career-years").fill("0")
    page.locator("#id_career-years").press("Enter")
    expect(field_error(page, "id_career-years")).to_have_text(words["years"])
    expect(page.get_by_text("career_years_1_to_50")).to_have_count(0)
    assert_no_serious_axe_violations(page)

    page.goto(f"/courses/{course.code}/")
    motivation = page.locator("#id_motivation")
    expect(page.locator("#id_motivation_counter")).to_have_text(words["counter"])
    motivation.fill("가" * 5000)
    assert len(motivation.input_value()) == 5000, "the browser must not cut what she typed"
    expect(page.locator("#id_motivation_counter")).to_have_text(words["counter_over"])
    assert_no_serious_axe_violations(page)
    motivation.locator("xpath=ancestor::form").locator("[type=submit]").click()
    expect(field_error(page, "id_motivation")).to_have_text(words["too_long"])
    assert len(page.locator("#id_motivation").input_value()) == 5000
    assert not Enrollment.objects.filter(applicant=profile).exists()
    assert_no_serious_axe_violations(page)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_company_sees_why_a_role_is_refused(page, live_server, language):
    words = SENTENCES[language]
    kernel.open_intake()
    member = CompanyMembershipFactory()
    log_in_browser(page, member.user, live_server, language)

    page.goto("/company/roles/new/")
    page.locator("#id_title").fill("회계 인턴")
    page.locator("#id_track").select_option("social_impact")
    page.locator("#id_intake").select_option(index=1)
    page.locator("#id_job_category").select_option(index=1)
    page.locator("#id_seats").fill("0")
    page.locator("#id_district").select_option(index=1)
    page.locator("#submit-id-submit").click()
    expect(field_error(page, "id_seats")).to_have_text(words["seats"])
    expect(field_error(page, "id_intake")).to_contain_text(words["track"])
    expect(page.get_by_text("role_has_a_seat")).to_have_count(0)
    assert_no_serious_axe_violations(page)
