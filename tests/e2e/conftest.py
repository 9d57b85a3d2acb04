"""End-to-end fixtures: Debian's Chromium driven by Playwright against Django's live server."""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import sync_playwright

from tests import snapshot

# Playwright's sync API runs an event loop in this thread; the tests still use the ORM here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js"
BLOCKING_IMPACTS = ("serious", "critical")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        snapshot.hand_over()  # the test that starts the browser loads the seeded rows too
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="ko-KR")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def login_as(page, user, password: str | None = None) -> None:
    """Log in through the real login form (the user's e-mail must be verified)."""
    from tests.factories.accounts import PASSWORD

    page.goto(reverse("account_login"))
    page.get_by_label("이메일").fill(user.email)
    page.get_by_label("비밀번호").fill(password or PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_load_state()


def axe_violations(page) -> list[dict]:
    """Serious and critical axe-core violations of the page as it is now."""
    # Evaluated through the DevTools protocol: an injected <script> would be an inline script,
    # which the site's Content-Security-Policy blocks.
    page.evaluate(AXE_SCRIPT.read_text())
    # Only violations are computed (the passes and incomplete lists are not needed).
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]


def assert_no_serious_axe_violations(page) -> None:
    violations = axe_violations(page)
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} → {[n['target'] for n in v['nodes']][:5]}"
        for v in violations
    ]
    assert not violations, f"axe on {page.url}:\n" + "\n".join(summary)
