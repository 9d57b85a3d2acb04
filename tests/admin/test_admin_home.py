"""The admin home opens on today's work: each queue's count is exactly the rows its link lists,
each one only for staff allowed to see it; below, the model lists grouped by task."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from applicants import services as applicant_services
from companies.models import Company
from courses.models import Enrollment
from matching.models import InterviewInvitation, Placement
from tests.factories import kernel
from tests.factories.applicants import pdf_upload, ready_profile
from tests.factories.companies import CompanyFactory
from tests.factories.courses import (
    CourseFactory,
    FollowUpFactory,
    InstitutionFactory,
    enrolled,
    institution_staff,
)
from tests.factories.matching import (
    IncentiveClaimFactory,
    InterviewInvitationFactory,
    PlacementFactory,
    ScreeningResultFactory,
)
from womenup import admin_queues
from womenup.admin_queues import queues_for, register_link

pytestmark = pytest.mark.django_db

QUEUES = [
    "companies-pending",
    "screening-needs-person",
    "invitations-unanswered",
    "contracts-to-confirm",
    "incentive-claims",
    "activity-reports",
    "payments-to-approve",
    "follow-ups-due",
]


def queue_counts(html: str) -> dict[str, int]:
    return {
        key: int(count)
        for key, count in re.findall(
            r'id="queue-([\w-]+)".*?data-count="(\d+)"', html, flags=re.DOTALL
        )
    }


def queue_link(html: str, key: str) -> str:
    match = re.search(rf'id="queue-{key}"[^>]*>\s*<a href="([^"]+)"', html)
    return match.group(1).replace("&amp;", "&")


def rows_listed(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["cl"].result_count


def completed_enrollment(course=None):
    enrollment = enrolled(course or CourseFactory())
    Enrollment.objects.filter(pk=enrollment.pk).update(
        status=Enrollment.Status.COMPLETED, completed_on=timezone.localdate()
    )
    return enrollment


@pytest.fixture
def work():
    """Two of every kind of waiting row, and one that is not waiting beside each."""
    CompanyFactory.create_batch(2, status=Company.Status.PENDING)
    CompanyFactory(status=Company.Status.VERIFIED)
    ScreeningResultFactory.create_batch(2, outcome="needs_info")
    ScreeningResultFactory(outcome="needs_info", override_outcome="pass", override_reason="확인함")
    ScreeningResultFactory(outcome="pass")
    old = InterviewInvitationFactory.create_batch(2)
    InterviewInvitation.objects.filter(pk__in=[i.pk for i in old]).update(
        created_at=timezone.now() - timedelta(days=4)
    )
    InterviewInvitationFactory()  # sent today: not overdue yet
    PlacementFactory.create_batch(2)
    PlacementFactory(status=Placement.Status.CONTRACTED, contract_start=timezone.localdate())
    IncentiveClaimFactory.create_batch(
        2,
        hire__placement__status=Placement.Status.COMPLETED,
        hire__placement__contract_start=timezone.localdate() - timedelta(days=100),
    )
    kernel.open_intake("seoul-allowance")
    for _ in range(2):
        application = applicant_services.allowance_apply(
            profile=ready_profile(), job_search_plan="계획"
        )
        applicant_services.activity_report_submit(
            application=application,
            month=timezone.localdate(),
            activities="지원",
            upload=pdf_upload(),
        )
    trainee = completed_enrollment()
    FollowUpFactory(enrollment=trainee, months_after=1)
    FollowUpFactory(enrollment=trainee, months_after=3)
    FollowUpFactory(enrollment=trainee, months_after=6, due_on=timezone.localdate() + timedelta(60))


def test_every_queue_counts_exactly_the_rows_its_link_lists(staff_client, work):
    html = staff_client.get(reverse("admin:index")).content.decode()
    counts = queue_counts(html)
    assert list(counts) == QUEUES
    for key in QUEUES:
        assert rows_listed(staff_client, queue_link(html, key)) == counts[key], key
    assert counts == {**dict.fromkeys(QUEUES, 2), "payments-to-approve": 0}


def test_an_accepted_report_moves_from_one_queue_to_the_next(staff_client, work):
    url = reverse("admin:applicants_activityreport_changelist")
    report = staff_client.get(url + "?status__exact=submitted").context["cl"].result_list[0]
    staff_client.post(url, {"action": "accept_reports", "_selected_action": [report.pk]})
    counts = queue_counts(staff_client.get(reverse("admin:index")).content.decode())
    assert counts["activity-reports"] == 1 and counts["payments-to-approve"] == 1


def test_the_home_runs_a_fixed_number_of_queries(staff_client, django_assert_num_queries):
    def home_queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(reverse("admin:index")).status_code == 200
        return len(captured)

    empty = home_queries()
    CompanyFactory.create_batch(5, status=Company.Status.PENDING)
    ScreeningResultFactory.create_batch(5, outcome="needs_info")
    PlacementFactory.create_batch(5)
    assert home_queries() == empty
    with django_assert_num_queries(empty):
        staff_client.get(reverse("admin:index"))


def test_institution_staff_see_only_their_own_follow_ups(client):
    own, other = InstitutionFactory(), InstitutionFactory()
    for institution in (own, other):
        enrollment = completed_enrollment(course=CourseFactory(institution=institution))
        FollowUpFactory(enrollment=enrollment)
    user = institution_staff(own)
    client.force_login(user)
    html = client.get(reverse("admin:index")).content.decode()
    assert queue_counts(html) == {"follow-ups-due": 1}, "only queues she holds a permission for"
    assert rows_listed(client, queue_link(html, "follow-ups-due")) == 1


def test_the_home_groups_model_lists_by_task(staff_client):
    response = staff_client.get(reverse("admin:index"))
    groups = {
        app["name"]: [m["object_name"] for m in app["models"]]
        for app in response.context["app_list"]
    }
    assert list(groups) == ["참여자", "참여기업", "교육과정", "매칭", "지급", "설정", "시스템"]
    assert "LedgerEntry" in groups["지급"] and "IncentiveClaim" in groups["지급"]
    assert {"PeriodicTask", "SocialApp", "MFAAuthenticator"} <= set(groups["시스템"])
    assert "Group" in groups["설정"] and "Program" in groups["설정"]
    html = response.content.decode()
    assert 'id="group-payments"' in html and 'href="/admin/#group-payments"' in html


def test_an_app_page_keeps_its_own_models(staff_client):
    response = staff_client.get(reverse("admin:app_list", args=["matching"]))
    assert [app["app_label"] for app in response.context["app_list"]] == ["matching"]


@pytest.fixture
def forget_test_links():
    """A link a test registers is taken out of the registry again when the test ends."""
    before = dict(admin_queues._LINKS)
    yield
    admin_queues._LINKS.clear()
    admin_queues._LINKS.update(before)


def test_registered_admin_pages_are_listed_for_those_allowed(
    staff_client, client, forget_test_links
):
    register_link(
        order=10,
        key="test-page",
        label="시험 화면",
        url=lambda: "/admin/test-page/",
        permission="womenup.view_personaldataaccess",
    )
    html = staff_client.get(reverse("admin:index")).content.decode()
    assert re.search(r'id="link-test-page"><a href="/admin/test-page/">시험 화면</a>', html)
    user = institution_staff(InstitutionFactory())
    assert "test-page" not in [row.key for row in queues_for(user)]
    client.force_login(user)
    assert 'id="link-test-page"' not in client.get(reverse("admin:index")).content.decode()


def test_the_home_speaks_english_when_chosen(staff_client, settings):
    CompanyFactory.create_batch(2, status=Company.Status.PENDING)
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = staff_client.get(reverse("admin:index")).content.decode()
    assert "Work to do" in html and "Companies awaiting verification" in html
    assert re.search(r'data-count="2">2 items<', html)
    assert ">Payments</a>" in html and ">System</a>" in html
