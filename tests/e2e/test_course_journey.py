"""An applicant finds a course, applies, is enrolled or waitlisted, and sees it on her dashboard."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_serious_axe_violations, login_as
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.courses import CourseFactory, enrolled

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "파이썬 개발자 입문 7기"


def find_and_apply(page) -> None:
    page.goto("/courses/")
    expect(page.get_by_role("heading", name="교육과정", level=1)).to_be_visible()
    page.get_by_label("분야·언어·과정명").fill("파이썬")
    page.get_by_role("button", name="검색").click()
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.get_by_test_id("eligibility")).to_contain_text("신청 자격 요건을 모두 충족합니다.")
    page.get_by_label("지원 동기").fill("경력을 살려 개발자로 다시 일하고 싶습니다.")
    page.get_by_role("button", name="신청하기").click()


def test_she_applies_is_enrolled_and_sees_it_on_her_dashboard(page):
    profile = ApplicantProfileFactory()
    course = CourseFactory(title=TITLE, seats=15, place="중구 세종대로 110", what_to_bring="노트북")
    login_as(page, profile.user)

    find_and_apply(page)

    expect(
        page.get_by_text("선발되었습니다. 개강일, 교육 장소와 준비물을 아래에서")
    ).to_be_visible()
    expect(page.get_by_test_id("my-enrollment")).to_contain_text("선발")
    expect(page.get_by_test_id("selected-facts")).to_contain_text("중구 세종대로 110")
    assert_no_serious_axe_violations(page)
    page.goto("/me/")
    section = page.get_by_test_id("courses-section")
    expect(section).to_contain_text(TITLE)
    expect(section).to_contain_text("선발")
    expect(section).to_contain_text(f"{course.starts_on:%Y-%m-%d}에 개강합니다")
    expect(section.get_by_test_id("selected-facts")).to_contain_text("노트북")
    assert_no_serious_axe_violations(page)


def test_a_full_course_puts_her_on_the_waitlist_with_her_place(page):
    profile = ApplicantProfileFactory()
    course = CourseFactory(title=TITLE, seats=1)
    enrolled(course)
    login_as(page, profile.user)

    find_and_apply(page)

    expect(page.get_by_text("정원이 차서 대기자로 등록되었습니다 (대기 1번).")).to_be_visible()
    page.goto("/me/")
    expect(page.get_by_test_id("courses-section")).to_contain_text("대기 (대기 1번)")


def test_the_catalogue_and_course_pages_have_no_serious_accessibility_violations(page):
    profile = ApplicantProfileFactory()
    course = CourseFactory(title=TITLE)
    page.goto("/courses/")
    assert_no_serious_axe_violations(page)
    page.goto(f"/courses/{course.code}/")
    assert_no_serious_axe_violations(page)
    login_as(page, profile.user)
    page.goto(f"/courses/{course.code}/")
    assert_no_serious_axe_violations(page)
