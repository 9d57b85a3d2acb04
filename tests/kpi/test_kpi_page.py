"""The admin KPI page: who may open it, what it shows, its CSV files and its query count."""

import csv
import io
import json
from datetime import date

import pytest
from django.urls import reverse

from courses.models import CounsellingOutcome
from matching.models import Placement
from tests.factories import kernel
from tests.factories.accounts import staff_with_mfa
from tests.factories.courses import (
    CounsellingClientFactory,
    CourseFactory,
    EnrollmentFactory,
    institution_staff,
)
from tests.factories.matching import (
    HireConfirmationFactory,
    InterviewInvitationFactory,
    PlacementFactory,
    ScreeningResultFactory,
)
from tests.factories.payments import ledger_entry
from womenup.kpi import metrics
from womenup.models import LedgerEntry
from womenup.payments.services import ledger_entry_approve

pytestmark = pytest.mark.django_db

KPI = reverse("admin:kpi")
SLUGS = ["funnel", "companies", "courses", "counselling", "payments"]
# session, user, the TOTP check (admin asks 3 times), then funnel 1 + companies 3 + courses 1 +
# counselling 1 + payments 1 (the ledger).
PAGE_QUERIES = 12


def data(size: int) -> None:
    """``size`` interns hired through every stage, incentives paid, ``size`` trainees and
    ``size`` counselling clients employed."""
    approver = staff_with_mfa()
    for _ in range(size):
        placement = PlacementFactory(status=Placement.Status.CONTRACTED)
        ScreeningResultFactory(application=placement.application)
        InterviewInvitationFactory(application=placement.application, role=placement.role)
        HireConfirmationFactory(placement=placement)
        EnrollmentFactory(course=CourseFactory())
        CounsellingOutcome.objects.create(
            client=CounsellingClientFactory(), kind="employed", happened_on=date.today()
        )
        paid = ledger_entry(
            kind=LedgerEntry.Kind.INCENTIVE, program_code="seoul-incentive", amount_krw=3_000_000
        )
        ledger_entry_approve(entry=paid, staff=approver)


def test_every_metric_is_registered_by_its_app():
    assert [entry.slug for entry in metrics()] == SLUGS


@pytest.mark.parametrize("size", [1, 7])
def test_the_page_runs_a_fixed_number_of_queries(staff_client, django_assert_num_queries, size):
    data(size)
    with django_assert_num_queries(PAGE_QUERIES):
        response = staff_client.get(KPI)
    assert response.status_code == 200
    funnel = dict(response.context["tables"])["funnel"]
    assert sum(row[2] for row in funnel.rows) == size


def test_each_chart_has_its_data_and_the_same_numbers_in_a_table(staff_client):
    data(2)
    response = staff_client.get(KPI)
    page = response.content.decode()
    assert 'src="/static/vendor/chart.js-4.6.1/chart.umd.min.js"' in page
    assert 'src="/static/js/admin-kpi.js"' in page
    assert "<script>" not in page.replace('<script type="application/json"', "")
    for slug in SLUGS:
        assert f'id="kpi-{slug}-table"' in page
        assert f'href="/admin/kpi/{slug}.csv"' in page
    chart = json.loads(
        page.split('id="kpi-payments-data" type="application/json">')[1].split("<")[0]
    )
    assert chart["labels"] == [kernel.program("seoul-incentive").name + " · 2024-07"]
    assert chart["datasets"] == [{"label": "지급액", "data": [6_000_000]}]
    assert '<td class="kpi-number">6,000,000</td>' in page


def test_a_table_downloads_as_csv(staff_client):
    data(2)
    response = staff_client.get(reverse("admin:kpi-csv", args=["payments"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="kpi-payments.csv"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["사업", "지급 월", "지급액"]
    assert rows[1][1:] == ["2024-07", "6000000"]


def test_an_unknown_table_is_not_found(staff_client):
    assert staff_client.get("/admin/kpi/nothing.csv").status_code == 404


def test_the_page_speaks_english(staff_client):
    staff_client.cookies["django_language"] = "en"
    page = staff_client.get(KPI, headers={"accept-language": "en"}).content.decode()
    assert "Key figures (KPI)" in page
    assert "Internship funnel (per program and week of application)" in page
    assert "Download CSV" in page


def test_institution_staff_and_visitors_cannot_open_it(client):
    course = CourseFactory()
    client.force_login(institution_staff(course.institution))
    assert client.get(KPI).status_code == 403
    assert client.get(reverse("admin:kpi-csv", args=["courses"])).status_code == 403
    client.logout()
    response = client.get(KPI)
    assert response.status_code == 302 and "login" in response["Location"]


def test_text_a_spreadsheet_would_run_is_neutralised_in_the_csv(staff_client):
    course = CourseFactory(title='=HYPERLINK("http://evil.example","파이썬")')
    EnrollmentFactory(course=course)
    response = staff_client.get(reverse("admin:kpi-csv", args=["courses"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))
    assert rows[1][1] == "'" + course.title
    assert rows[1][2:] == ["1", "0", "0", "0", "0", ""]  # no one completed: no rate
