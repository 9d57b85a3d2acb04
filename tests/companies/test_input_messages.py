"""Company pages: implausible input is refused with a Korean sentence at the field."""

import pytest
from django.urls import reverse

from companies.models import Role
from tests.companies.test_views import role_data
from tests.factories.companies import CompanyMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    membership = CompanyMembershipFactory()
    client.force_login(membership.user)
    return membership


def test_a_role_with_no_seat_is_refused_at_the_field_in_korean(client, member):
    response = client.post(reverse("companies:role-create"), role_data(seats="0"))
    form = response.context["form"]
    assert form.errors["seats"] == ["채용 인원은 1명 이상으로 입력해 주세요."]
    assert not form.non_field_errors()
    html = response.content.decode()
    assert "role_has_a_seat" not in html and "위반" not in html
    assert not Role.objects.filter(company=member.company).exists()
