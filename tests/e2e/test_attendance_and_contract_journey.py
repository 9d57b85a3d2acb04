"""A trainee checks in and out with the day's QR link, read from the institution's QR page; an
intern and her company confirm the contract's key terms. axe on every page, Korean and English."""

import re
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Attendance, Session
from matching import selectors
from matching.models import Placement
from tests.e2e.conftest import assert_no_serious_axe_violations, login_as
from tests.e2e.test_admin_accessibility import log_in_with_session, use_language
from tests.factories.accounts import PASSWORD
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.companies import CompanyMembershipFactory, RoleFactory
from tests.factories.courses import CourseFactory, enrolled, institution_staff
from tests.factories.matching import PlacementFactory

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "자바 백엔드 개발자 3기"


def todays_session():
    now = timezone.localtime()
    today = now.date()
    started = max(now - timedelta(minutes=5), now.replace(hour=0, minute=0, second=0))
    course = CourseFactory(title=TITLE, starts_on=today, ends_on=today)
    session = Session.objects.create(
        course=course,
        held_on=today,
        starts_at=started.time().replace(microsecond=0),
        ends_at=time(23, 59, 59),
    )
    trainee = enrolled(course, applicant=ApplicantProfileFactory(name="김수강"))
    return session, trainee


def qr_link_from_the_staff_page(page, live_server, session) -> str:
    staff = institution_staff(session.course.institution)
    log_in_with_session(page, live_server, staff)
    page.goto(f"/admin/courses/session/{session.pk}/qr/")
    expect(page.get_by_role("img", name="오늘의 출석 QR 코드")).to_be_visible()
    assert_no_serious_axe_violations(page)
    return page.locator("#attendance-qr-link").get_attribute("href")


def test_a_trainee_checks_in_and_out_with_the_days_qr_link(browser, page, live_server):
    session, trainee = todays_session()
    link = qr_link_from_the_staff_page(page, live_server, session)
    assert link.startswith(live_server.url + "/attendance/")

    phone = browser.new_context(base_url=live_server.url, locale="ko-KR").new_page()
    phone.goto(link)  # logged out: to the login page, then back to the code
    expect(phone).to_have_url(re.compile(r"/accounts/login/\?next=/attendance/"))
    phone.get_by_label("이메일").fill(trainee.applicant.user.email)
    phone.get_by_label("비밀번호").fill(PASSWORD)
    phone.get_by_role("button", name="로그인").click()
    expect(phone).to_have_url(link)
    expect(phone.get_by_test_id("attendance-session")).to_contain_text(TITLE)
    assert_no_serious_axe_violations(phone)

    phone.get_by_role("button", name="입실").click()
    expect(phone.get_by_text(re.compile(r"\d\d:\d\d에 입실했습니다 \(출석\)"))).to_be_visible()
    expect(phone.get_by_test_id("attendance-status")).to_have_text("출석")
    assert_no_serious_axe_violations(phone)
    phone.get_by_role("button", name="퇴실").click()
    expect(phone.get_by_text(re.compile(r"에 퇴실했습니다"))).to_be_visible()
    expect(phone.get_by_role("button", name="입실")).to_have_count(0)
    row = Attendance.objects.get(enrollment=trainee)
    assert row.checked_in_at and row.checked_out_at and row.source == Attendance.Source.QR

    page.reload()  # the classroom screen lists her check-in
    expect(page.get_by_test_id("qr-trainee")).to_contain_text("김수강")
    phone.context.close()


def test_yesterdays_link_is_refused_on_her_phone(page):
    session, trainee = todays_session()
    from courses.attendance import qr_url

    login_as(page, trainee.applicant.user)
    yesterday = date.fromordinal(timezone.localdate().toordinal() - 1)
    page.goto(qr_url(session, day=yesterday))
    expect(page.get_by_test_id("attendance-errors")).to_contain_text("오늘은 쓸 수 없습니다")
    expect(page.get_by_role("button", name="입실")).to_have_count(0)
    assert_no_serious_axe_violations(page)


def contracted_placement():
    placement = PlacementFactory(
        role=RoleFactory(title="데이터 분석 인턴", weekly_hours=40),
        contract_start=date(2024, 7, 1),
        status=Placement.Status.CONTRACTED,
    )
    matched = timezone.make_aware(datetime(2024, 6, 24, 9))
    Placement.objects.filter(pk=placement.pk).update(created_at=matched)
    member = CompanyMembershipFactory(company=placement.role.company).user
    return placement, member


def test_the_intern_and_the_company_confirm_the_contract(page):
    placement, member = contracted_placement()
    login_as(page, placement.application.applicant.user)
    page.goto("/me/")
    page.get_by_test_id("contract-terms-link").click()
    terms = page.get_by_test_id("contract-terms")
    expect(terms.get_by_test_id("terms-period")).to_have_text("2024-07-01 ~ 2024-09-30")
    expect(terms.get_by_test_id("terms-wage")).to_have_text("시간당 11,436원, 월 2,390,124원")
    assert_no_serious_axe_violations(page)
    page.get_by_label(re.compile("근로계약 조건.*동의합니다")).check()
    page.get_by_role("button", name="계약 조건 확인").click()
    expect(page.get_by_text("근로계약 조건을 확인했습니다.")).to_be_visible()
    expect(page.get_by_text("확인하셨습니다. 상대방이 확인하면")).to_be_visible()
    page.context.clear_cookies()

    login_as(page, member)
    page.goto(f"/company/interns/{placement.pk}/contract/")
    expect(page.get_by_test_id("terms-confirmations")).not_to_contain_text("인턴 확인: 확인 전")
    assert_no_serious_axe_violations(page)
    page.get_by_label(re.compile("근로계약 조건.*동의합니다")).check()
    page.get_by_role("button", name="계약 조건 확인").click()
    expect(page.get_by_test_id("terms-both-confirmed")).to_be_visible()
    assert selectors.placement_contract_state(placement).both_confirmed


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_new_pages_have_no_serious_accessibility_violations(page, live_server, language):
    session, trainee = todays_session()
    placement, member = contracted_placement()
    from courses.attendance import qr_url

    use_language(page, live_server, language)
    log_in_with_session(page, live_server, institution_staff(session.course.institution))
    page.goto(f"/admin/courses/session/{session.pk}/qr/")
    assert_no_serious_axe_violations(page)
    page.goto(f"/admin/courses/session/{session.pk}/attendance/")
    assert_no_serious_axe_violations(page)
    page.context.clear_cookies()
    use_language(page, live_server, language)
    log_in_with_session(page, live_server, trainee.applicant.user)
    page.goto(qr_url(session, day=timezone.localdate()))
    assert_no_serious_axe_violations(page)
    if language == "en":
        expect(page.get_by_role("heading", level=1)).to_have_text("Attendance check")
        expect(page.get_by_role("button", name="Check in")).to_be_visible()
    page.context.clear_cookies()
    use_language(page, live_server, language)
    log_in_with_session(page, live_server, placement.application.applicant.user)
    page.goto(f"/internship/placements/{placement.pk}/contract/")
    assert_no_serious_axe_violations(page)
    page.context.clear_cookies()
    use_language(page, live_server, language)
    log_in_with_session(page, live_server, member)
    page.goto(f"/company/interns/{placement.pk}/contract/")
    assert_no_serious_axe_violations(page)
    if language == "en":
        expect(
            page.get_by_role("heading", name="Key terms of the employment contract")
        ).to_be_visible()
