"""The internship applications' admin list runs a fixed number of queries whatever the data
size (and whatever the number of intakes its filter offers); so do the lists of screening
results, interview invitations and interview evaluations."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from matching.models import InternshipApplication
from tests.factories import kernel
from tests.factories.companies import RoleFactory
from tests.factories.matching import (
    CandidateEvaluationFactory,
    InternshipApplicationFactory,
    InterviewInvitationFactory,
    ScreeningResultFactory,
)
from womenup.models import IntakeWindow

pytestmark = pytest.mark.django_db

SIZES = [2, 12]
# session, user, the TOTP check (admin asks 3 times), the intake filter's options (with their
# programme), count, total count, the page of applications with applicant, user, intake and
# programme, the access-log row (a write).
CHANGELIST_QUERIES = 10


def applications(size: int) -> list[IntakeWindow]:
    today = timezone.localdate()
    intakes = [kernel.open_intake()]
    for index, code in enumerate(["seoul-project-it", "seoul-project-social"][: size // 6 + 1]):
        intakes.append(
            IntakeWindow.objects.create(
                program=kernel.program(code),
                label=f"{index + 1}차",
                opens_on=today - timedelta(days=10),
                closes_on=today + timedelta(days=10),
            )
        )
    for index in range(size):
        InternshipApplicationFactory(intake=intakes[index % len(intakes)])
    return intakes


@pytest.mark.parametrize("size", SIZES)
def test_the_application_list(staff_client, django_assert_num_queries, size):
    applications(size)
    url = reverse("admin:matching_internshipapplication_changelist")
    with django_assert_num_queries(CHANGELIST_QUERIES):
        response = staff_client.get(url)
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == size


@pytest.mark.parametrize("size", SIZES)
def test_the_application_list_filtered_and_searched(staff_client, django_assert_num_queries, size):
    intakes = applications(size)
    url = reverse("admin:matching_internshipapplication_changelist")
    query = {"status__exact": "submitted", "intake__id__exact": intakes[-1].pk, "q": "참여자"}
    with django_assert_num_queries(CHANGELIST_QUERIES):
        response = staff_client.get(url, query)
    assert response.status_code == 200
    for intake in intakes:  # every intake is offered, named with its programme
        assert f"{intake.program.name} {intake.label}" in response.content.decode()


def screened_and_invited(size: int) -> None:
    intakes = applications(size)
    role = RoleFactory()
    for application in InternshipApplication.objects.filter(intake__in=intakes):
        ScreeningResultFactory(application=application)
        InterviewInvitationFactory(application=application, role=role)
        CandidateEvaluationFactory(application=application, role=role)


# As above, with the weeks offered by the week filter instead of the intakes (the evaluations
# have no such filter).
LIST_QUERIES = {
    "admin:matching_screeningresult_changelist": 10,
    "admin:matching_interviewinvitation_changelist": 10,
    "admin:matching_candidateevaluation_changelist": 9,
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", LIST_QUERIES)
def test_the_screening_and_interview_lists(staff_client, django_assert_num_queries, name, size):
    screened_and_invited(size)
    with django_assert_num_queries(LIST_QUERIES[name]):
        response = staff_client.get(reverse(name))
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == size
