"""Why she was not invited or not matched this week, in plain Korean, and that she stays in the
pool: derived from what the batch stored, in a fixed number of queries."""

import pytest
from django.urls import reverse

from matching.batch import weekly_batch_run
from matching.explanations import explanations_for_applications, latest_batch_week
from matching.models import InterviewInvitation
from tests.factories.companies import RoleFactory
from tests.matching.batch_data import (
    NEXT_WEEK,
    WEEK,
    application_for,
    company_ranks,
    eligible_profile,
)

pytestmark = pytest.mark.django_db

DASHBOARD_QUERIES = 21  # her dashboard with the explanations section, the job-centre checks
# (looking after her, asking to) and the checklist
STAYS = "지원은 그대로 유지되며, 다음 주 매칭에 자동으로 다시 참여합니다."


@pytest.fixture(autouse=True)
def _factor(settings):
    settings.MATCHING_INTERVIEW_FACTOR = 1


def run(week=WEEK):
    return weekly_batch_run(week=week, triggered_by="test")


def explain(application, week=WEEK, **kwargs) -> list[str]:
    return explanations_for_applications([application.pk], week, **kwargs).get(application.pk, [])


def test_not_invited_because_the_slots_went_to_better_fitting_candidates():
    role = RoleFactory(seats=1)
    application_for(roles=[role], minutes=0)
    late = application_for(roles=[role], minutes=5)

    run()

    lines = explain(late)
    assert "적합도가 더 높은 지원자" in lines[0]
    assert lines[-1] == STAYS
    assert latest_batch_week() == WEEK


def test_not_matched_because_the_company_ranked_others_higher():
    role = RoleFactory(seats=1, title="회계 인턴")
    first, second = application_for(roles=[role]), application_for(roles=[role], minutes=1)
    InterviewInvitation.objects.create(application=second, role=role, week="2024-W22")
    company_ranks(role, [first, second])

    run()

    lines = explain(second)
    assert lines == [
        "회계 인턴: 이 직무의 자리는 모두 기업이 더 높은 순위로 평가한 지원자에게 돌아갔습니다.",
        STAYS,
    ]


def test_waiting_for_the_company_and_not_passed_are_told_apart():
    waiting_role = RoleFactory(seats=1, title="디자인 인턴")
    judged_role = RoleFactory(seats=1, title="마케팅 인턴")
    application = application_for(roles=[waiting_role, judged_role])
    other = application_for(roles=[judged_role], minutes=1)
    for role in (waiting_role, judged_role):
        InterviewInvitation.objects.create(application=application, role=role, week="2024-W22")
    company_ranks(judged_role, [other])

    run()

    lines = explain(application)
    assert "디자인 인턴: 기업이 아직 면접 결과를 입력하지 않았습니다." in lines
    assert "마케팅 인턴: 기업의 면접 결과에서 합격자로 선정되지 않았습니다." in lines


def test_closed_roles_are_explained():
    role = RoleFactory(seats=1, status="closed")
    application = application_for(roles=[role])

    run()

    assert "마감되었거나 채용 인원이 다 찼습니다" in explain(application)[0]


def test_screening_reasons_are_given_unless_the_page_shows_them_already():
    application = application_for(eligible_profile(gender="male"), [RoleFactory()])

    run()

    assert "서류심사를 통과하지 못해" in explain(application)[0]
    assert explain(application, with_screening=False) == []


def test_invited_this_week_and_matched_applicants_get_no_explanation():
    role = RoleFactory(seats=1)
    invited = application_for(roles=[role])
    matched_role = RoleFactory(seats=1)
    matched = application_for(roles=[matched_role], minutes=1)
    company_ranks(matched_role, [matched])

    run()

    assert explain(invited) == []
    assert explain(matched) == []


def test_a_week_later_the_invitation_of_last_week_no_longer_counts_as_this_weeks():
    role = RoleFactory(seats=1, title="백엔드 인턴")
    application = application_for(roles=[role])
    run()
    run(NEXT_WEEK)

    assert explain(application, NEXT_WEEK) == [
        "백엔드 인턴: 기업이 아직 면접 결과를 입력하지 않았습니다.",
        STAYS,
    ]


@pytest.mark.parametrize("size", [2, 12])
def test_explanations_take_a_fixed_number_of_queries(size, django_assert_num_queries):
    role = RoleFactory(seats=1)
    applications = [application_for(roles=[role], minutes=n) for n in range(size)]
    company_ranks(role, applications[:1])
    run()
    with django_assert_num_queries(4):
        found = explanations_for_applications([a.pk for a in applications], WEEK)
    assert len(found) == size - 1


def test_her_dashboard_says_why_and_that_she_stays_in_the_pool(client):
    role = RoleFactory(seats=1)
    application_for(roles=[role], minutes=0)
    late = application_for(roles=[role], minutes=5)
    run()
    client.force_login(late.applicant.user)

    page = client.get(reverse("applicants:dashboard")).content.decode()

    assert "적합도가 더 높은 지원자에게 돌아가" in page
    assert STAYS in page


@pytest.mark.parametrize("size", [2, 8])
def test_the_dashboard_with_explanations_keeps_a_fixed_number_of_queries(
    client, django_assert_num_queries, size
):
    roles = [RoleFactory(seats=1) for _ in range(2)]
    application_for(roles=roles, minutes=0)
    application_for(roles=roles, minutes=1)
    late = application_for(roles=roles, minutes=5)
    run()
    for _ in range(size - 1):
        InterviewInvitation.objects.create(
            application=late, role=RoleFactory(seats=1), week="2024-W20"
        )
    client.force_login(late.applicant.user)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("applicants:dashboard"))
    assert response.status_code == 200
