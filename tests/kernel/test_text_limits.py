"""Long text is never cut by the browser: the limit shows, a counter counts, the server says it."""

import re

import pytest
from django.urls import reverse

from courses.models import Enrollment
from tests.factories import kernel
from tests.factories.applicants import ready_profile
from tests.factories.companies import CompanyMembershipFactory
from tests.factories.courses import CourseFactory

pytestmark = pytest.mark.django_db

MAXLENGTH = re.compile(r"<(?:input|textarea)[^>]*\smaxlength=", re.IGNORECASE)


@pytest.fixture
def applicant(client):
    profile = ready_profile()
    client.force_login(profile.user)
    return profile


def test_a_5000_character_motivation_is_refused_whole_with_the_portals_sentence(client, applicant):
    course = CourseFactory()
    url = reverse("courses:apply", args=[course.code])
    response = client.post(url, {"motivation": "가" * 5000})
    assert response.status_code == 400
    errors = response.context["form"].errors["motivation"]
    assert errors == ["1000자 이내로 입력해 주세요 (현재 5000자)."]
    assert not Enrollment.objects.exists()
    page = response.content.decode()
    assert "가" * 5000 in page, "what she typed comes back uncut, to shorten it herself"


def test_a_260_character_career_description_is_refused_at_the_field(client, applicant):
    before = applicant.career_entries.count()
    response = client.post(
        reverse("applicants:qualification-add", args=["career"]),
        {
            "career-job_category": kernel.job_category().pk,
            "career-years": "3",
            "career-description": "나" * 260,
        },
    )
    form = response.context["forms"]["career"]
    assert form.errors["description"] == ["200자 이내로 입력해 주세요 (현재 260자)."]
    assert applicant.career_entries.count() == before


def test_the_sentence_is_english_for_an_english_reader(client, applicant):
    client.cookies["django_language"] = "en"
    course = CourseFactory()
    url = reverse("courses:apply", args=[course.code])
    response = client.post(url, {"motivation": "a" * 1001}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.context["form"].errors["motivation"] == [
        "Please keep it to 1000 characters or fewer (it has 1001)."
    ]


def test_limited_fields_show_their_limit_and_carry_the_counter_not_maxlength(client, applicant):
    course = CourseFactory()
    page = client.get(reverse("courses:detail", args=[course.code])).content.decode()
    assert not MAXLENGTH.search(page)
    assert 'data-max-length="1000"' in page and "최대 1000자" in page
    assert 'data-counter-text="현재 {count}자 / 최대 {limit}자"' in page
    assert "js/char-counter" in page


@pytest.mark.parametrize(
    ("who", "name"),
    [
        ("applicant", "applicants:profile"),
        ("applicant", "applicants:qualifications"),
        ("company", "companies:role-create"),
        ("company", "companies:profile"),
    ],
)
def test_no_site_form_lets_the_browser_cut_text(client, who, name):
    if who == "applicant":
        client.force_login(ready_profile().user)
    else:
        client.force_login(CompanyMembershipFactory().user)
    page = client.get(reverse(name)).content.decode()
    assert not MAXLENGTH.search(page)
    assert "data-max-length=" in page
