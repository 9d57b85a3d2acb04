"""axe-core finds no serious or critical violation on the admin pages staff use: the home, every
model list and change form (an add form where a model has no row), and the two-step
verification pages, in Korean and in English."""

import re
from datetime import date

import pytest
from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time
from django.conf import settings
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from applicants import services as applicant_services
from courses import services as course_services
from tests.e2e.conftest import axe_violations, login_as
from tests.factories import kernel
from tests.factories.accounts import StaffUserFactory, staff_with_mfa
from tests.factories.applicants import DocumentFactory, pdf_upload, ready_profile
from tests.factories.companies import CompanyFactory, RoleFactory
from tests.factories.courses import (
    AttendanceFactory,
    CounsellingClientFactory,
    CounsellingSessionFactory,
    CourseCertificateFactory,
    CourseFactory,
    FollowUpFactory,
    JobCentreFactory,
    SessionFactory,
    counsellor,
    enrolled,
)
from tests.factories.matching import (
    ApplicationChoiceFactory,
    CandidateEvaluationFactory,
    IncentiveClaimFactory,
    InterviewInvitationFactory,
    PlacementFactory,
    ScreeningResultFactory,
    contract_confirmed,
)
from womenup.notifications import outbox

pytestmark = pytest.mark.django_db(transaction=True)


def a_row_of_everything() -> None:
    """One row behind every admin list, so each change form can be opened."""
    role = RoleFactory(company=CompanyFactory())
    choice = ApplicationChoiceFactory(role=role)
    ScreeningResultFactory(application=choice.application, outcome="needs_info")
    InterviewInvitationFactory(application=choice.application, role=role)
    CandidateEvaluationFactory(application=choice.application, role=role)
    IncentiveClaimFactory()
    contract_confirmed(
        PlacementFactory(role=role, contract_start=date(2024, 7, 1), status="contracted")
    )
    course = CourseFactory()
    enrollment = enrolled(course)
    session = SessionFactory(course=course)
    AttendanceFactory(session=session, enrollment=enrollment)
    CourseCertificateFactory(enrollment=enrollment)
    FollowUpFactory(enrollment=enrollment)
    centre = JobCentreFactory()
    by = counsellor(centre)
    client = CounsellingClientFactory(centre=centre)
    session = CounsellingSessionFactory(centre=centre)
    course_services.counselling_sign_up(session=session, client=client, actor=by)
    course_services.counselling_outcome_record(
        client=client, counsellor=by, kind="employed", happened_on=timezone.localdate()
    )
    DocumentFactory()
    kernel.open_intake("seoul-allowance")
    application = applicant_services.allowance_apply(
        profile=ready_profile(), job_search_plan="계획"
    )
    report = applicant_services.activity_report_submit(
        application=application, month=timezone.localdate(), activities="지원", upload=pdf_upload()
    )
    applicant_services.activity_report_accept(report=report, staff=StaffUserFactory())
    outbox.outbox_deliver_pending()  # its e-mail: a row of every channel's delivery


def admin_pages(staff) -> list[str]:
    request = RequestFactory().get("/admin/")
    request.user = staff
    pages = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        row = model._default_manager.order_by("pk").first()
        if row is not None:
            pages.append(reverse("admin:{}_{}_change".format(*info), args=[row.pk]))
        elif model_admin.has_add_permission(request):
            pages.append(reverse("admin:{}_{}_add".format(*info)))
        if hasattr(model_admin, "import_action"):  # django-import-export's import page
            pages.append(reverse("admin:{}_{}_import".format(*info)))
    return pages


def use_language(page, live_server, language: str) -> None:
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )


def log_in_with_session(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def violations_on(page, paths) -> list[str]:
    found = []
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, f"{path}: {response.status}"
        for v in axe_violations(page):
            targets = [n["target"] for n in v["nodes"]][:3]
            found.append(f"{path}: {v['id']} ({v['impact']}) {targets}")
    return found


@pytest.mark.parametrize("language", ["ko", "en"])
def test_admin_pages_have_no_serious_accessibility_violations(page, live_server, language):
    a_row_of_everything()
    staff = staff_with_mfa()
    use_language(page, live_server, language)
    log_in_with_session(page, live_server, staff)
    pages = admin_pages(staff)
    assert len(pages) > 60
    found = violations_on(page, pages)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_two_step_set_up_pages_have_no_serious_accessibility_violations(
    page, live_server, language
):
    login_as(page, StaffUserFactory())
    use_language(page, live_server, language)
    page.goto(reverse("admin:index"))
    expect(page).to_have_url(re.compile(reverse("mfa_activate_totp") + "$"))
    found = violations_on(page, [])
    found += [f"activate: {v['id']}" for v in axe_violations(page)]
    secret = page.get_by_test_id("totp-secret").inner_text()
    code = f"{hotp_value(secret, next(yield_hotp_counters_from_time())):06d}"
    page.locator("#id_code").fill(code)
    page.locator("#totp-activate").click()
    expect(page).to_have_url(re.compile(reverse("mfa_view_recovery_codes") + "$"))
    found += [f"recovery codes: {v['id']}" for v in axe_violations(page)]
    page.locator("#mfa-continue").click()
    expect(page).to_have_url(re.compile(reverse("admin:index") + "$"))
    found += violations_on(page, [reverse("mfa_index"), reverse("admin:index")])
    assert not found, "\n".join(found)
