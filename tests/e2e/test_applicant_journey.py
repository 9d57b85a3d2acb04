"""An applicant signs up, completes her profile, consents, uploads a résumé and applies to three
ranked roles; a disguised file is refused; the pages pass axe."""

import re

import pytest
from playwright.sync_api import expect

from applicants.models import ApplicantProfile
from tests.e2e.conftest import assert_no_serious_axe_violations
from tests.e2e.journeys import APPLICANT, confirm_and_log_in, sign_up
from tests.factories import kernel
from tests.factories.applicants import PDF_BYTES
from tests.factories.companies import RoleFactory

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "journey@example.kr"
SAME_MOBILE_NUMBER = re.compile(r"^(\+82[ -]?10|010)[ -]?1234[ -]?5678$")


@pytest.fixture
def roles():
    kernel.open_intake()
    return [
        RoleFactory(title="회계 사무 인턴"),
        RoleFactory(title="디지털 마케팅 인턴", job_category=kernel.job_category("marketing")),
        RoleFactory(title="웹 디자인 인턴", job_category=kernel.job_category("design")),
    ]


def complete_profile(page) -> None:
    page.goto("/me/profile/")
    expect(page.get_by_test_id("profile-missing")).to_be_visible()
    page.get_by_label("이름", exact=True).fill("김우먼")
    page.get_by_label("생년월일").fill("1986-04-12")
    page.get_by_label("성별").select_option(label="여성")
    page.get_by_label("휴대전화").fill("010-1234-5678")
    page.get_by_label("거주 도시").select_option(label="서울특별시")
    page.get_by_label("거주 자치구").select_option(label="서울특별시 마포구")
    page.get_by_label("취업 상태").select_option(label="미취업")
    page.get_by_label("근무 경험 없음").check()
    page.get_by_label("희망 근무 형태").select_option(label="전일제 (주 40시간)")
    page.get_by_role("button", name="저장").click()
    expect(page.get_by_text("프로필을 저장했습니다.")).to_be_visible()
    expect(page.get_by_test_id("profile-missing")).to_have_count(0)
    stored = ApplicantProfile.objects.get(user__email=EMAIL)
    assert stored.phone == "+821012345678"
    # She reads her own number back, written as she would (010-1234-5678, 01012345678) or in the
    # international form; a lost or changed digit fails.
    expect(page.get_by_label("휴대전화")).to_have_value(SAME_MOBILE_NUMBER)


def give_required_consents(page) -> None:
    page.goto("/me/consents/")
    page.get_by_label("동의합니다: 개인정보 수집·이용 동의 (필수)").check()
    page.get_by_label("동의합니다: 지원한 기업에 개인정보 제공 동의 (매칭 필수)").check()
    page.get_by_role("button", name="동의 내용 저장").click()
    expect(page.get_by_text("동의 내용을 저장했습니다.")).to_be_visible()


def upload(page, tmp_path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    page.goto("/me/documents/")
    page.get_by_label("서류 종류").select_option(label="이력서")
    page.get_by_label("파일", exact=False).set_input_files(str(path))
    page.get_by_role("button", name="올리기").click()


def choose(page, role) -> None:
    page.get_by_role("navigation").get_by_role("link", name="인턴십 모집 직무").first.click()
    expect(page).to_have_url(re.compile(r"/roles/$"))
    page.get_by_role("link", name=role.title).click()
    page.get_by_role("button", name="지망 목록에 담기").click()
    expect(page.get_by_test_id("ranked-choices")).to_contain_text(role.title)


def test_applicant_applies_to_three_ranked_roles(page, roles, tmp_path):
    sign_up(page, EMAIL, APPLICANT)
    confirm_and_log_in(page, EMAIL)
    complete_profile(page)
    assert_no_serious_axe_violations(page)
    give_required_consents(page)
    upload(page, tmp_path, "이력서.pdf", PDF_BYTES)
    expect(page.get_by_test_id("document-row")).to_contain_text("이력서.pdf")

    for role in roles:
        choose(page, role)
    page.get_by_role("button", name=f"위로 {roles[2].title}").click()
    choices = page.get_by_test_id("ranked-choices").get_by_role("listitem")
    expect(choices).to_have_count(3)
    expect(choices.nth(0)).to_contain_text(roles[0].title)
    expect(choices.nth(1)).to_contain_text(roles[2].title)
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name="신청서 제출").click()

    expect(page).to_have_url(re.compile(r"/me/$"))
    application = page.get_by_test_id("internship-application")
    expect(application.get_by_test_id("application-status")).to_have_text("제출")
    ranked = application.get_by_test_id("dashboard-choices").get_by_role("listitem")
    expect(ranked.nth(0)).to_contain_text(roles[0].title)
    expect(ranked.nth(1)).to_contain_text(roles[2].title)
    expect(ranked.nth(2)).to_contain_text(roles[1].title)
    assert_no_serious_axe_violations(page)


def test_a_disguised_file_is_refused(page, tmp_path):
    sign_up(page, EMAIL, APPLICANT)
    confirm_and_log_in(page, EMAIL)
    upload(page, tmp_path, "resume.pdf", b"MZ\x90\x00\x03\x00 this is a program, not a PDF")
    expect(page.get_by_text("PDF, PNG, JPEG 파일만 올릴 수 있습니다.")).to_be_visible()
    expect(page.get_by_test_id("document-row")).to_have_count(0)
    assert_no_serious_axe_violations(page)


def test_role_list_has_no_serious_accessibility_violations(page, roles):
    page.goto("/roles/")
    assert_no_serious_axe_violations(page)


@pytest.mark.parametrize(
    "path",
    ["/me/", "/me/profile/", "/me/qualifications/", "/me/consents/", "/me/documents/",
     "/me/allowance/", "role-detail", "application-detail"],
)  # fmt: skip
def test_applicant_pages_have_no_serious_accessibility_violations(page, roles, path):
    from matching import services
    from tests.e2e.conftest import login_as
    from tests.factories.applicants import ready_profile

    kernel.open_intake("seoul-allowance")
    profile = ready_profile()
    application = services.choice_add(applicant=profile, role=roles[0])
    paths = {
        "role-detail": f"/roles/{roles[1].pk}/",
        "application-detail": f"/internship/applications/{application.pk}/",
    }
    login_as(page, profile.user)
    page.goto(paths.get(path, path))
    assert_no_serious_axe_violations(page)
