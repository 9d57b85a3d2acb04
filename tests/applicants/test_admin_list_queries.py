"""The applicants' admin list runs a fixed number of queries whatever the data size."""

import pytest
from django.urls import reverse

from tests.factories import kernel
from tests.factories.applicants import ApplicantProfileFactory

pytestmark = pytest.mark.django_db

SIZES = [2, 12]
# session, user, the TOTP check (admin asks 3 times), the city filter's options, count, total
# count, the page of profiles with their user and district, the access-log row (a write).
CHANGELIST_QUERIES = 10


def profiles(size: int) -> None:
    districts = [kernel.district("mapo"), kernel.district("gangnam"), kernel.district("jongno")]
    for index in range(size):
        ApplicantProfileFactory(residence_district=districts[index % len(districts)])


@pytest.mark.parametrize("size", SIZES)
def test_the_applicant_list(staff_client, django_assert_num_queries, size):
    profiles(size)
    url = reverse("admin:applicants_applicantprofile_changelist")
    with django_assert_num_queries(CHANGELIST_QUERIES):
        response = staff_client.get(url)
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == size


@pytest.mark.parametrize("size", SIZES)
def test_the_applicant_list_filtered_and_searched(staff_client, django_assert_num_queries, size):
    profiles(size)
    url = reverse("admin:applicants_applicantprofile_changelist")
    query = {"employment_status__exact": "unemployed", "q": "참여자"}
    with django_assert_num_queries(CHANGELIST_QUERIES):
        response = staff_client.get(url, query)
    assert response.status_code == 200
