"""A company signs up, registers, is verified, publishes a role, interviews and ranks."""

import pytest
from playwright.sync_api import expect

from companies import services
from companies.models import Company, Role
from matching.models import CandidateEvaluation
from tests.e2e.conftest import assert_no_serious_axe_violations
from tests.e2e.journeys import COMPANY, confirm_and_log_in, sign_up
from tests.factories import kernel
from tests.factories.accounts import StaffUserFactory
from tests.factories.applicants import ready_profile
from tests.factories.matching import ApplicationChoiceFactory, InternshipApplicationFactory

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "hr@saebom.example.kr"


def sign_up_and_log_in(page) -> None:
    sign_up(page, EMAIL, COMPANY)
    confirm_and_log_in(page, EMAIL)
    expect(page.get_by_test_id("company-dashboard")).to_be_visible()


def register_company(page) -> None:
    page.get_by_role("link", name="기업 등록하기").click()
    page.get_by_label("기업명").fill("주식회사 새봄")
    page.get_by_label("사업자등록번호").fill("120-81-47521")
    page.get_by_label("대표자명").fill("박대표")
    page.get_by_label("주소").fill("월드컵북로 400")
    page.get_by_label("소재지 자치구").select_option(label="서울특별시 마포구")
    eligibility = page.get_by_test_id("eligibility")
    page.get_by_label("상시근로자 수").fill("3")
    expect(eligibility).to_contain_text("상시근로자가 5명 이상이어야 합니다")
    page.get_by_label("상시근로자 수").fill("12")
    page.get_by_label("중소기업", exact=True).check()
    expect(eligibility).to_contain_text("충족합니다")
    page.get_by_label("이노비즈").check()
    page.get_by_label("담당자 이름").fill("최담당")
    page.get_by_label("담당자 연락처").fill("02-2133-7000")
    page.get_by_label("담당자 이메일").fill(EMAIL)
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name="기업 등록", exact=True).click()
    expect(page.get_by_text("기업 정보를 저장했습니다.")).to_be_visible()


def write_and_publish_role(page, intake) -> Role:
    page.goto("/company/")
    expect(page.get_by_test_id("checklist-step-role")).to_have_attribute("data-done", "false")
    assert_no_serious_axe_violations(page)
    # the checklist's one next action while the company waits for approval
    page.get_by_test_id("next-action").get_by_role("link", name="새 직무 작성").click()
    page.get_by_label("직무명").fill("백엔드 개발 인턴")
    page.get_by_label("모집 회차").select_option(value=str(intake.pk))
    page.get_by_label("직무 분야").select_option(label="IT·개발")
    page.get_by_label("주요 업무").fill("사내 API 개발과 테스트")
    page.get_by_label("근무 자치구").select_option(label="서울특별시 마포구")
    page.get_by_label("채용 인원").fill("2")
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name="저장").click()
    page.get_by_role("button", name="게시하기").click()
    expect(page.get_by_test_id("role-status")).to_have_text("모집 중")
    return Role.objects.get(title="백엔드 개발 인턴")


def test_company_journey_from_sign_up_to_ranking(page):
    intake = kernel.open_intake()
    sign_up_and_log_in(page)
    register_company(page)
    company = Company.objects.get(business_number="1208147521")
    assert company.status == Company.Status.PENDING

    services.company_verify(company=company, staff=StaffUserFactory())
    role = write_and_publish_role(page, intake)

    application = InternshipApplicationFactory(applicant=ready_profile(name="김지원"))
    ApplicationChoiceFactory(application=application, role=role)
    page.reload()
    page.get_by_role("link", name="김지원").click()
    page.get_by_label("면접 일시").fill("2026-12-01T10:00")
    page.get_by_label("면접 장소").fill("본사 3층 회의실")
    page.get_by_role("button", name="면접 일정 저장").click()
    expect(page.get_by_text("면접 일정을 저장하고 지원자에게 알렸습니다.")).to_be_visible()
    page.get_by_label("합격", exact=True).check()
    page.get_by_label("메모").fill("실무 경험이 풍부함")
    page.get_by_role("button", name="결과 저장").click()
    expect(page.get_by_text("면접 결과를 저장했습니다.")).to_be_visible()

    page.get_by_role("link", name="합격자 순위 정하기").click()
    page.get_by_label("김지원 순위").fill("1")
    page.get_by_role("button", name="순위 저장").click()
    expect(page.get_by_text("순위를 저장했습니다.")).to_be_visible()
    evaluation = CandidateEvaluation.objects.get(role=role, application=application)
    assert (evaluation.result, evaluation.rank) == ("pass", 1)

    page.goto("/company/")
    expect(page.get_by_test_id("company-status")).to_have_text("승인")
    assert_no_serious_axe_violations(page)


@pytest.mark.parametrize("path", ["/companies/", "/roles/?work_type=full_time"])
def test_public_listings_are_accessible_and_filterable(page, path):
    from tests.factories.companies import RoleFactory

    RoleFactory(title="회계 사무 인턴", company__name="세움회계", company__is_innobiz=True)
    page.goto(path)
    expect(page.get_by_text("세움회계").first).to_be_visible()
    assert_no_serious_axe_violations(page)
