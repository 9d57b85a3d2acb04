"""The admin KPI page in Chromium: every chart is drawn by the vendored Chart.js under the
Content-Security-Policy, the tables read in Korean and English, and axe finds no serious or
critical violation."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from matching.models import Placement
from tests.e2e import test_content_security_policy as csp
from tests.e2e.conftest import AXE_SCRIPT, BLOCKING_IMPACTS
from tests.factories.accounts import staff_with_mfa
from tests.factories.courses import CourseFactory, EnrollmentFactory
from tests.factories.matching import (
    HireConfirmationFactory,
    PlacementFactory,
    ScreeningResultFactory,
)
from tests.factories.payments import ledger_entry
from womenup.models import LedgerEntry
from womenup.payments.services import ledger_entry_approve

pytestmark = pytest.mark.django_db(transaction=True)

csp_page = csp.csp_page  # the fixture that records Content-Security-Policy violations
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"
# Each chart's series: the funnel's stages, companies, course outcomes, the money paid.
SERIES = {"funnel": 7, "companies": 3, "courses": 5, "payments": 1}


def assert_no_serious_axe_violations_in_the_page(page) -> None:
    """axe over the page's own content; the admin's frame (header, breadcrumbs) is the
    admin-wide accessibility test's."""
    page.evaluate(AXE_SCRIPT.read_text())
    result = page.evaluate("async () => await axe.run('#content-main')")
    violations = [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def some_figures() -> None:
    approver = staff_with_mfa()
    for _ in range(3):
        placement = PlacementFactory(status=Placement.Status.CONTRACTED)
        ScreeningResultFactory(application=placement.application)
        HireConfirmationFactory(placement=placement)
        paid = ledger_entry(
            kind=LedgerEntry.Kind.INCENTIVE, program_code="seoul-incentive", amount_krw=3_000_000
        )
        ledger_entry_approve(entry=paid, staff=approver)
    EnrollmentFactory(course=CourseFactory())


def test_the_kpi_page_draws_every_chart_without_csp_violations(csp_page, live_server):
    some_figures()
    csp.log_in_by_cookie(csp_page, live_server, staff_with_mfa())
    csp.assert_no_csp_violations(csp_page, "/admin/kpi/")
    csp_page.wait_for_function("document.querySelectorAll('canvas[data-kpi-drawn]').length == 4")
    for slug, series in SERIES.items():
        expect(csp_page.locator(f"#kpi-{slug}-chart")).to_have_attribute(
            "data-kpi-drawn", str(series)
        )
        expect(csp_page.locator(f"#kpi-{slug}-table")).to_be_visible()
        expect(csp_page.locator(f"#kpi-{slug}-csv")).to_have_text("CSV 내려받기")
    assert_no_serious_axe_violations_in_the_page(csp_page)
    SCREENSHOTS.mkdir(exist_ok=True)
    csp_page.screenshot(path=SCREENSHOTS / "admin-kpi.png", full_page=True)


def test_the_kpi_page_in_english_has_no_serious_axe_violations(csp_page, live_server):
    some_figures()
    csp.log_in_by_cookie(csp_page, live_server, staff_with_mfa())
    csp_page.context.add_cookies(
        [{"name": "django_language", "value": "en", "url": live_server.url}]
    )
    csp_page.goto("/admin/kpi/")
    expect(csp_page.locator("h1")).to_have_text("Key figures (KPI)")
    expect(csp_page.locator("#kpi-payments-csv")).to_have_text("Download CSV")
    assert_no_serious_axe_violations_in_the_page(csp_page)
