"""After sign-up, her kept self-check answers are offered on her profile page and copied only
into empty fields, once she confirms."""

from datetime import date

import pytest
from django.urls import reverse

from applicants.models import ApplicantProfile
from applicants.self_check import SESSION_KEY, SelfCheckAnswers, answers_keep
from tests.factories.accounts import ApplicantUserFactory, CompanyUserFactory
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.kernel import district, seoul

pytestmark = pytest.mark.django_db

ANSWERS = SelfCheckAnswers(
    city="gwangmyeong", district="haan-dong", birth_date=date(1990, 9, 2), gender="female",
    employment_status="unemployed", never_employed=True, qualifications=("certificate",),
    documents=("resume",), participations=(),
)  # fmt: skip


def keep(client, answers=ANSWERS) -> None:
    session = client.session
    answers_keep(session, answers)
    session.save()


def test_the_answers_survive_the_round_trip_through_the_session():
    assert SelfCheckAnswers.from_session(ANSWERS.as_session()) == ANSWERS
    with_periods = SelfCheckAnswers(
        participations=(("gm-0123-jobs", date(2023, 1, 1), date(2023, 5, 31)),)
    )
    assert SelfCheckAnswers.from_session(with_periods.as_session()) == with_periods
    assert SelfCheckAnswers.from_session({"birth_date": "not a date"}) is None
    assert SelfCheckAnswers.from_session(None) is None


def test_answers_kept_before_log_in_are_offered_on_her_new_profile(client):
    keep(client)
    client.force_login(ApplicantUserFactory())  # logging in keeps the visitor's session data

    response = client.get(reverse("applicants:profile"))

    items = {item.field: item.text for item in response.context["self_check_items"]}
    assert items == {
        "residence_city": "경기도 광명시", "residence_district": "하안동",
        "birth_date": "1990-09-02", "gender": "여성", "employment_status": "미취업",
        "never_employed": "예",
    }  # fmt: skip
    assert "자가진단 답변으로 프로필 채우기" in response.content.decode()


def test_nothing_changes_until_she_confirms_then_empty_fields_are_filled(client):
    profile = ApplicantProfileFactory(
        birth_date=None, gender="", employment_status="", residence_city=None,
        residence_district=None,
    )  # fmt: skip
    client.force_login(profile.user)
    keep(client)
    client.get(reverse("applicants:profile"))
    profile.refresh_from_db()
    assert profile.birth_date is None

    response = client.post(reverse("applicants:self-check-carry"), follow=True)

    profile.refresh_from_db()
    assert (profile.residence_city.code, profile.residence_district.code) == (
        "gwangmyeong",
        "haan-dong",
    )
    assert (profile.birth_date, profile.gender, profile.employment_status) == (
        date(1990, 9, 2),
        "female",
        "unemployed",
    )
    assert profile.never_employed
    assert SESSION_KEY not in client.session
    assert "자가진단 답변을 프로필에 옮겼습니다" in response.content.decode()


def test_what_she_already_entered_is_never_overwritten(client):
    profile = ApplicantProfileFactory(
        birth_date=date(1980, 1, 1), gender="", last_employment_end=date(2023, 12, 31)
    )
    client.force_login(profile.user)
    keep(client)

    client.post(reverse("applicants:self-check-carry"))

    profile.refresh_from_db()
    assert profile.residence_city == seoul()
    assert profile.residence_district == district("mapo")
    assert profile.birth_date == date(1980, 1, 1)
    assert profile.gender == "female"  # the only empty field answered
    assert (profile.last_employment_end, profile.never_employed) == (date(2023, 12, 31), False)


def test_she_can_forget_the_answers_instead(client):
    profile = ApplicantProfileFactory(birth_date=None)
    client.force_login(profile.user)
    keep(client)

    client.post(reverse("applicants:self-check-forget"))

    assert SESSION_KEY not in client.session
    profile.refresh_from_db()
    assert profile.birth_date is None
    assert "self_check_items" in client.get(reverse("applicants:profile")).context
    assert not client.get(reverse("applicants:profile")).context["self_check_kept"]


def test_carrying_without_kept_answers_says_so(client):
    client.force_login(ApplicantProfileFactory().user)

    response = client.post(reverse("applicants:self-check-carry"), follow=True)

    assert "옮길 자가진단 답변이 없습니다." in response.content.decode()


def test_only_applicants_carry_answers(client):
    keep(client)
    assert client.post(reverse("applicants:self-check-carry")).status_code == 302  # to log in
    client.force_login(CompanyUserFactory())
    response = client.post(reverse("applicants:self-check-carry"))
    assert response.status_code in (302, 403)
    assert SESSION_KEY in client.session
    assert not ApplicantProfile.objects.exists()


def test_a_get_does_not_carry(client):
    client.force_login(ApplicantProfileFactory().user)
    keep(client)
    assert client.get(reverse("applicants:self-check-carry")).status_code == 405
