"""The allowance's next step for every status of the application and of a monthly report, the
applicant's onboarding checklist, and what a save says comes next."""

import pytest
from django.urls import reverse
from django.utils import timezone

from applicants import services
from applicants.allowance_dashboard import allowance_next_step
from applicants.models import ActivityReport, AllowanceApplication, Document
from applicants.next_steps import next_step
from tests.factories import kernel
from tests.factories.accounts import StaffUserFactory
from tests.factories.applicants import (
    ApplicantProfileFactory,
    DocumentFactory,
    give_consents,
    pdf_upload,
    ready_profile,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def allowance():
    kernel.open_intake("seoul-allowance")
    profile = ApplicantProfileFactory()
    give_consents(profile)
    return services.allowance_apply(profile=profile, job_search_plan="회계 사무직에 지원합니다.")


def fetched(application) -> AllowanceApplication:
    from applicants.selectors import allowance_applications_for

    return next(a for a in allowance_applications_for(application.profile) if a == application)


def test_an_active_application_asks_for_this_months_report(allowance):
    step = next_step(fetched(allowance))
    month = f"{timezone.localdate():%Y-%m}"
    assert f"이번 달({month}) 구직활동을 증빙과 함께 보고해 주세요" in step.text
    assert "300,000원" in step.text and step.urgent


@pytest.mark.parametrize("status", ActivityReport.Status.values)
def test_every_report_status_leads_somewhere(allowance, status):
    report = services.activity_report_submit(
        application=allowance,
        month=timezone.localdate(),
        activities="3곳 지원",
        upload=pdf_upload(),
    )
    staff = StaffUserFactory()
    if status == "accepted":
        services.activity_report_accept(report=report, staff=staff)
    elif status == "returned":
        services.activity_report_return(report=report, staff=staff, reason="증빙 불명확")
    step = next_step(fetched(allowance))
    month = f"{timezone.localdate():%Y-%m}"
    expected = {
        "submitted": f"{month} 보고는 제출했습니다",
        "accepted": f"{month} 보고는 제출했습니다",
        "returned": f"{month} 구직활동 보고가 반려되었습니다",
    }
    assert expected[status] in step.text
    assert step.urgent == (status == "returned")


@pytest.mark.parametrize("status", AllowanceApplication.Status.values)
def test_every_application_status_has_a_next_step(allowance, status):
    AllowanceApplication.objects.filter(pk=allowance.pk).update(status=status)
    step = allowance_next_step(fetched(allowance))
    assert step.text and step.applied == (status == "active")


def test_all_months_accepted_is_the_end(allowance):
    from datetime import timedelta

    AllowanceApplication.objects.filter(pk=allowance.pk).update(
        applied_at=timezone.now() - timedelta(days=100)
    )
    allowance.refresh_from_db()
    month = timezone.localdate().replace(day=1)
    staff = StaffUserFactory()
    for _ in range(3):
        report = services.activity_report_submit(
            application=allowance, month=month, activities="지원", upload=pdf_upload()
        )
        services.activity_report_accept(report=report, staff=staff)
        month = (month - timedelta(days=1)).replace(day=1)
    assert "3개월의 구직활동 보고가 모두 승인되었습니다" in next_step(fetched(allowance)).text


# --- Onboarding checklist -----------------------------------------------------------------------


def checklist_of(client):
    return client.get(reverse("applicants:dashboard")).context["checklist"]


def test_the_checklist_follows_her_data_step_by_step(client):
    kernel.open_intake()
    profile = ApplicantProfileFactory(never_employed=True)
    client.force_login(profile.user)
    checklist = checklist_of(client)
    assert [s.key for s in checklist.steps] == ["profile", "consents", "documents", "apply"]
    assert checklist.current.key == "profile" and checklist.done_count == 0

    profile.desired_work_type = "full_time"
    profile.save()
    assert checklist_of(client).current.key == "consents"
    give_consents(profile)
    assert checklist_of(client).current.key == "documents"
    DocumentFactory(profile=profile, kind=Document.Kind.RESUME)
    checklist = checklist_of(client)
    assert checklist.current.key == "apply" and checklist.done_count == 3

    from tests.factories.matching import InternshipApplicationFactory

    application = InternshipApplicationFactory(applicant=profile, status="draft")
    response = client.get(reverse("applicants:dashboard"))
    assert response.context["checklist"].current.key == "apply"  # a draft is not an application
    assert "신청서를 제출하세요" in response.context["next_action"].text
    application.status = "submitted"
    application.save()
    response = client.get(reverse("applicants:dashboard"))
    assert response.context["checklist"].complete
    page = response.content.decode()
    assert '<progress id="checklist-applicant-progress"' in page and "4단계 중 4단계 완료" in page


def test_the_page_marks_the_current_step_and_the_one_next_action(client):
    profile = ready_profile()
    client.force_login(profile.user)
    page = client.get(reverse("applicants:dashboard")).content.decode()
    assert 'data-testid="checklist-step-documents" data-done="false" aria-current="step"' in page
    assert page.count('aria-current="step"') == 1
    assert "4단계 중 2단계 완료" in page
    assert page.count('data-testid="next-action"') == 1
    assert "이력서를 올려 주세요" in page


def test_saving_says_what_comes_next(client):
    profile = ready_profile()
    client.force_login(profile.user)
    response = client.post(
        reverse("applicants:documents"), {"kind": "resume", "file": pdf_upload()}, follow=True
    )
    text = response.content.decode()
    assert "서류를 올렸습니다. 다음 할 일: 모집 중인 인턴십 직무를 골라 지원하거나" in text


def test_the_allowance_page_states_eligibility_and_the_report_rule_before_she_applies(client):
    program = kernel.program("seoul-allowance")
    program.figures = {**program.figures, "amount_krw": 250000, "months": 4}
    program.save()
    kernel.open_intake("seoul-allowance")
    profile = ApplicantProfileFactory(gender="male")
    client.force_login(profile.user)
    page = client.get(reverse("applicants:allowance")).content.decode()
    assert "월 250,000원씩 최대 4개월 지급합니다." in page
    assert "보고는 최대 4개월까지 받습니다." in page
    assert "신청 자격이 되지 않습니다." in page and "여성" in page
    assert "먼저 동의가 필요합니다" in page
