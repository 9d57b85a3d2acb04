"""Applicants' implausible or overlong input: a Korean sentence at the field, nothing saved."""

import pytest
from django.urls import reverse

from applicants.models import CareerEntry
from tests.factories import kernel
from tests.factories.applicants import ready_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def me(client):
    profile = ready_profile()
    client.force_login(profile.user)
    return profile


def _career(client, **overrides):
    data = {"career-job_category": kernel.job_category().pk, "career-years": "3"}
    data.update(overrides)
    return client.post(reverse("applicants:qualification-add", args=["career"]), data)


def test_zero_career_years_are_refused_at_the_field_in_korean(client, me):
    before = CareerEntry.objects.count()
    response = _career(client, **{"career-years": "0"})
    form = response.context["forms"]["career"]
    assert form.errors["years"] == ["경력 연수는 1년에서 50년 사이로 입력해 주세요."]
    assert not form.non_field_errors()
    html = response.content.decode()
    assert "career_years_1_to_50" not in html and "위반" not in html
    assert CareerEntry.objects.count() == before
