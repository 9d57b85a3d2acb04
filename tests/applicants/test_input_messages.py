"""Applicants' implausible or overlong input: a Korean sentence at the field, nothing saved."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from applicants.models import CareerEntry
from tests.factories import kernel
from tests.factories.applicants import ready_profile
from tests.kernel.form_posts import forms_of, post_back
from tests.matching.test_self_check import form_data as self_check_form_data

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


# --- Birth dates ---------------------------------------------------------------------------------

BIRTH_RANGE_SENTENCE = "1930-01-01부터"


def test_the_profile_refuses_a_birth_date_in_1899(client, me):
    response = client.post(reverse("applicants:profile"), {"birth_date": "1899-12-31"})
    assert BIRTH_RANGE_SENTENCE in response.context["form"].errors["birth_date"][0]
    me.refresh_from_db()
    assert me.birth_date != date(1899, 12, 31)


def test_the_self_check_refuses_a_birth_date_in_1899(client):
    response = client.post(
        reverse("matching:self-check"), self_check_form_data(birth_date="1899-12-31")
    )
    assert BIRTH_RANGE_SENTENCE in response.context["form"].errors["birth_date"][0]
    assert response.context["checks"] is None


def _admin_profile_form(client, profile):
    url = reverse("admin:applicants_applicantprofile_change", args=[profile.pk])
    form = next(f for f in forms_of(client.get(url).content.decode()) if "birth_date" in f.names())
    return url, form


def test_the_admin_refuses_a_birth_date_in_1899(staff_client):
    profile = ready_profile()
    url, form = _admin_profile_form(staff_client, profile)
    response = post_back(staff_client, url, form, birth_date="1899-12-31")
    assert BIRTH_RANGE_SENTENCE in response.context["adminform"].form.errors["birth_date"][0]
    profile.refresh_from_db()
    assert profile.birth_date != date(1899, 12, 31)


# --- Phones --------------------------------------------------------------------------------------


def test_a_landline_is_refused_in_the_mobile_field_at_the_field(client, me):
    before = me.phone
    response = client.post(reverse("applicants:profile"), {"phone": "02-2133-7000"})
    assert "휴대전화 번호를 입력해 주세요" in response.context["form"].errors["phone"][0]
    me.refresh_from_db()
    assert me.phone == before


def test_her_number_is_stored_in_e164_and_shown_in_the_national_format(client, me):
    client.post(reverse("applicants:profile"), {"name": "박지민", "phone": "01048217793"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM applicants_applicantprofile WHERE id = %s", [me.pk])
        assert cursor.fetchone() == ("+821048217793",)
    page = client.get(reverse("applicants:profile")).content.decode()
    assert 'value="010-4821-7793"' in page and "+821048217793" not in page


def test_the_admin_shows_her_number_in_the_national_format_and_refuses_a_landline(staff_client):
    profile = ready_profile(phone="+821048217793")
    url, form = _admin_profile_form(staff_client, profile)
    assert next(item.value for item in form.inputs if item.name == "phone") == "010-4821-7793"
    response = post_back(staff_client, url, form, phone="02-2133-7000")
    assert "휴대전화 번호를 입력해 주세요" in response.context["adminform"].form.errors["phone"][0]
    profile.refresh_from_db()
    assert profile.phone == "+821048217793"
