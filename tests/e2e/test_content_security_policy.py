"""The Content-Security-Policy breaks nothing: Chromium reports no violation on the main pages
and in admin (site pages, log-in, a course page, the admin index, a change list and a form)."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from tests.factories.accounts import staff_with_mfa
from tests.factories.courses import CourseFactory, SessionFactory, enrolled

pytestmark = pytest.mark.django_db(transaction=True)

# Runs before any page script, so it sees every violation the page reports.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


@pytest.fixture
def csp_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="ko-KR")
    context.set_default_timeout(10_000)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    page.csp_console = console
    yield page
    context.close()


def log_in_by_cookie(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def assert_no_csp_violations(page, path: str) -> None:
    response = page.goto(path)
    assert response.status == 200, path
    assert "content-security-policy" in response.headers, path
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)
    violations = page.evaluate("window.__cspViolations")
    assert violations == [], f"{path}: {violations}"
    assert page.csp_console == [], f"{path}: {page.csp_console}"


def test_site_pages_and_log_in_have_no_csp_violations(csp_page):
    course = CourseFactory()
    for path in [
        "/",
        "/courses/",
        reverse("courses:detail", args=[course.code]),
        "/accounts/login/",
    ]:
        assert_no_csp_violations(csp_page, path)


def test_the_bootstrap_menu_still_opens_under_the_policy(csp_page):
    csp_page.set_viewport_size({"width": 400, "height": 800})
    csp_page.goto("/")
    csp_page.locator(".navbar-toggler").click()
    expect(csp_page.locator("#site-nav")).to_be_visible()
    assert csp_page.evaluate("window.__cspViolations") == []


def test_the_admin_has_no_csp_violations(csp_page, live_server):
    session = SessionFactory()
    enrolled(session.course)
    log_in_by_cookie(csp_page, live_server, staff_with_mfa())
    for path in [
        reverse("admin:index"),
        reverse("admin:courses_course_changelist"),
        reverse("admin:courses_course_add"),
        reverse("admin:womenup_user_changelist"),
        reverse("admin:courses_session_attendance", args=[session.pk]),
    ]:
        assert_no_csp_violations(csp_page, path)
