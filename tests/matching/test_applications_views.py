"""Application pages: ranking, submitting, withdrawing, answering; scoping; queries.

The role list and role page: tests/matching/test_role_list.py."""

from datetime import date

import pytest
from django.urls import reverse

from matching.models import InternshipApplication, InterviewInvitation
from tests.factories import kernel
from tests.factories.applicants import ready_profile
from tests.factories.companies import RoleFactory
from tests.factories.matching import (
    ApplicationChoiceFactory,
    InternshipApplicationFactory,
    InterviewInvitationFactory,
    PlacementFactory,
    ScreeningResultFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def intake():
    return kernel.open_intake()


@pytest.fixture
def me(client, intake):
    profile = ready_profile()
    client.force_login(profile.user)
    return profile


def test_choose_three_rank_and_submit(client, me):
    roles = RoleFactory.create_batch(3)
    for role in roles:
        response = client.post(reverse("matching:choice-add", args=[role.pk]))
    application = InternshipApplication.objects.get(applicant=me)
    assert response.url == reverse("matching:application-detail", args=[application.pk])
    client.post(
        reverse("matching:choice-move", args=[application.pk]),
        {"role": roles[2].pk, "direction": "up"},
    )
    ranked = list(application.choices.order_by("rank").values_list("role_id", flat=True))
    assert ranked == [roles[0].pk, roles[2].pk, roles[1].pk]
    response = client.post(reverse("matching:application-submit", args=[application.pk]))
    assert response.url == reverse("applicants:dashboard")
    application.refresh_from_db()
    assert application.status == InternshipApplication.Status.SUBMITTED
    page = client.get(reverse("applicants:dashboard")).content.decode()
    assert "제출" in page and roles[2].title in page


def test_withdraw_asks_first_then_withdraws(client, me):
    application = InternshipApplicationFactory(applicant=me)
    ApplicationChoiceFactory(application=application)
    url = reverse("matching:application-withdraw", args=[application.pk])
    assert "신청을 취소할까요" in client.get(url).content.decode()
    application.refresh_from_db()
    assert application.status == InternshipApplication.Status.SUBMITTED
    client.post(url)
    application.refresh_from_db()
    assert application.status == InternshipApplication.Status.WITHDRAWN


def test_a_screened_application_refuses_withdrawal_with_a_message(client, me):
    application = InternshipApplicationFactory(applicant=me)
    ScreeningResultFactory(application=application)
    response = client.post(
        reverse("matching:application-withdraw", args=[application.pk]), follow=True
    )
    assert "주간 서류심사가 시작되어" in response.content.decode()


def test_answering_an_invitation_from_the_dashboard(client, me):
    invitation = InterviewInvitationFactory(application=InternshipApplicationFactory(applicant=me))
    page = client.get(reverse("applicants:dashboard")).content.decode()
    assert "면접 수락" in page
    client.post(reverse("matching:invitation-respond", args=[invitation.pk]), {"answer": "accept"})
    invitation.refresh_from_db()
    assert invitation.status == InterviewInvitation.Status.ACCEPTED


def test_the_dashboard_shows_screening_reasons_and_placements(client, me):
    application = InternshipApplicationFactory(applicant=me)
    ScreeningResultFactory(
        application=application,
        outcome="fail",
        reasons=[{"code": "residency.fail", "params": {"city": "seoul", "current": "gwangmyeong"}}],
    )
    PlacementFactory(application=application)
    page = client.get(reverse("applicants:dashboard")).content.decode()
    assert "서류심사 결과" in page
    assert "서울시 거주자만 신청할 수 있습니다 (현재 거주지: 경기도 광명시)." in page
    assert "매칭 결과" in page


@pytest.mark.parametrize(
    ("status", "contract_start", "shown", "not_shown"),
    [
        ("awaiting_contract", None, "기업이 근로계약 시작일을 정하면", "인턴으로 근무 중"),
        (
            "contracted",
            date(2024, 7, 1),
            "인턴으로 근무 중입니다 (계약 시작일 2024-07-01부터 3개월)",
            "근로계약 시작일을 정하면",
        ),
        ("completed", date(2024, 7, 1), "인턴십을 마쳤습니다", "근로계약 시작일을 정하면"),
    ],
    ids=["awaiting-contract", "contracted", "completed"],
)
def test_the_next_step_follows_the_placement_status(
    client, me, status, contract_start, shown, not_shown
):
    application = InternshipApplicationFactory(applicant=me)
    PlacementFactory(application=application, status=status, contract_start=contract_start)
    page = client.get(reverse("applicants:dashboard")).content.decode()
    assert shown in page
    assert not_shown not in page


# --- Another applicant's application is 404 ------------------------------------------------------


@pytest.fixture
def hers(intake):
    application = InternshipApplicationFactory(applicant=ready_profile())
    choice = ApplicationChoiceFactory(application=application)
    ApplicationChoiceFactory(application=application, rank=2)
    return application, choice


def test_another_applicants_application_is_404(client, me, hers):
    application, choice = hers
    pk = application.pk
    assert client.get(reverse("matching:application-detail", args=[pk])).status_code == 404
    assert client.get(reverse("matching:application-withdraw", args=[pk])).status_code == 404
    posts = [
        (reverse("matching:application-withdraw", args=[pk]), {}),
        (reverse("matching:application-submit", args=[pk]), {}),
        (reverse("matching:choice-move", args=[pk]), {"role": choice.role_id, "direction": "down"}),
        (reverse("matching:choice-remove", args=[pk, choice.role_id]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    application.refresh_from_db()
    assert application.status == InternshipApplication.Status.SUBMITTED
    assert list(application.choices.values_list("rank", "role_id").order_by("rank"))[0] == (
        1,
        choice.role_id,
    )


def test_another_applicants_invitation_is_404(client, me, hers):
    invitation = InterviewInvitationFactory(application=hers[0])
    response = client.post(
        reverse("matching:invitation-respond", args=[invitation.pk]), {"answer": "decline"}
    )
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == InterviewInvitation.Status.INVITED


@pytest.mark.parametrize(
    "url",
    [
        lambda: reverse("matching:application-detail", args=[1]),
        lambda: reverse("matching:application-withdraw", args=[1]),
    ],
)
def test_anonymous_users_go_to_login(client, url):
    response = client.get(url())
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


def test_anonymous_choose_goes_to_login(client, intake):
    role = RoleFactory()
    response = client.post(reverse("matching:choice-add", args=[role.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


# --- Fixed number of queries ---------------------------------------------------------------------

DASHBOARD_QUERIES = 16  # the same at both sizes (is a job centre looking after her, has one
# asked to; interview schedules; the résumé check)


def _history(profile, applications: int, choices: int):
    from datetime import date, timedelta

    from womenup.models import IntakeWindow

    for index in range(applications):
        intake = IntakeWindow.objects.create(
            program=kernel.program(), label=f"회차 {index}",
            opens_on=date(2020, 1, 1) + timedelta(days=index), closes_on=date(2030, 1, 1),
        )  # fmt: skip
        application = InternshipApplicationFactory(applicant=profile, intake=intake)
        for rank in range(1, choices + 1):
            choice = ApplicationChoiceFactory(application=application, rank=rank)
            InterviewInvitationFactory(application=application, role=choice.role)
        ScreeningResultFactory(
            application=application,
            reasons=[{"code": "gender.fail", "params": {"gender": "female"}}],
        )
        PlacementFactory(application=application)
    from applicants.services import allowance_apply

    kernel.open_intake("seoul-allowance")
    allowance = allowance_apply(profile=profile, job_search_plan="계획")
    from applicants.models import ActivityReport

    for month in range(1, min(applications, 3) + 1):
        ActivityReport.objects.create(
            application=allowance, month=date(2024, month, 1), activities="x", file="x.pdf", size=1
        )


@pytest.mark.parametrize(("applications", "choices"), [(1, 1), (5, 5)])
def test_dashboard_queries_do_not_grow(
    client, django_assert_num_queries, me, applications, choices
):
    _history(me, applications, choices)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("applicants:dashboard"))
    assert response.status_code == 200
    assert len(response.context["sections"]) >= 2


# Announcement day: thousands choose a role and submit within the hour (bench/load.py's mixed
# writes), so each write takes a fixed number of queries, whatever she has already chosen. Her
# eligibility facts are read only when a role has a gate (a recruitment-linked role has none).
CHOOSE_QUERIES = 20
CHOOSE_GATED_QUERIES = 26
SUBMIT_QUERIES = 16


@pytest.mark.parametrize("chosen", [1, 4])
def test_choosing_and_submitting_take_a_fixed_number_of_queries(
    client, django_assert_num_queries, me, chosen
):
    roles = RoleFactory.create_batch(chosen + 1, track="recruit_linked")
    for role in roles[:-1]:
        client.post(reverse("matching:choice-add", args=[role.pk]))
    with django_assert_num_queries(CHOOSE_QUERIES):
        response = client.post(reverse("matching:choice-add", args=[roles[-1].pk]))
    application = InternshipApplication.objects.get(applicant=me)
    assert response.url == reverse("matching:application-detail", args=[application.pk])
    assert application.choices.count() == chosen + 1
    with django_assert_num_queries(SUBMIT_QUERIES):
        response = client.post(reverse("matching:application-submit", args=[application.pk]))
    assert response.url == reverse("applicants:dashboard")
    application.refresh_from_db()
    assert application.status == InternshipApplication.Status.SUBMITTED


@pytest.mark.parametrize("chosen", [1, 4])
def test_a_gated_role_reads_her_facts_in_a_fixed_number_of_queries(
    client, django_assert_num_queries, me, chosen
):
    roles = RoleFactory.create_batch(chosen, track="recruit_linked")
    for role in roles:
        client.post(reverse("matching:choice-add", args=[role.pk]))
    gated = RoleFactory(track="social_impact")
    with django_assert_num_queries(CHOOSE_GATED_QUERIES):
        client.post(reverse("matching:choice-add", args=[gated.pk]))
