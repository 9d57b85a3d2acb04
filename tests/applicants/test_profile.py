"""Profile as a draft, Korean phone numbers in E.164, residence, qualifications."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from applicants import selectors, services
from applicants.models import ApplicantProfile, CompletedTraining
from tests.factories import kernel
from tests.factories.applicants import (
    ApplicantProfileFactory,
    CompletedTrainingFactory,
    complete_course,
    give_consents,
)
from tests.factories.courses import CourseFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("010-1234-5678", "+821012345678"),
        ("01012345678", "+821012345678"),
        ("+82 10 1234 5678", "+821012345678"),
        ("", ""),
    ],
)
def test_korean_numbers_are_stored_in_e164(raw, stored):
    assert services.phone_normalize(raw) == stored


@pytest.mark.parametrize(
    "raw", ["010-1234", "전화번호", "+1 212 555 0100", "123", "02-312-3456", "070-1234-5678"]
)
def test_other_numbers_are_refused_with_an_example(raw):
    with pytest.raises(ValidationError) as error:
        services.phone_normalize(raw)
    assert "010-1234-5678" in error.value.messages[0]


def test_an_empty_profile_saves_as_a_draft_and_says_what_is_missing():
    profile = ApplicantProfileFactory(
        name="", birth_date=None, phone="", gender="", residence_city=None,
        residence_district=None, employment_status="",
    )  # fmt: skip
    services.profile_update(profile=profile, name="김하은")
    profile.refresh_from_db()
    assert profile.name == "김하은"
    missing = selectors.profile_missing_items(profile)
    assert "생년월일" in missing and "휴대전화" in missing and "이름" not in missing
    assert any("마지막 근무 종료일" in item for item in missing)


def test_a_complete_profile_misses_nothing():
    profile = ApplicantProfileFactory(desired_work_type="full_time", never_employed=True)
    assert selectors.profile_missing_items(profile) == []


def test_profile_update_saves_phone_in_e164_and_wishes():
    profile = ApplicantProfileFactory()
    services.profile_update(
        profile=profile,
        phone="010-9876-5432",
        job_categories=[kernel.job_category("marketing")],
        preferred_districts=[kernel.district("gangnam")],
    )
    profile.refresh_from_db()
    assert profile.phone == "+821098765432"
    assert [c.code for c in profile.desired_job_categories.all()] == ["marketing"]
    assert [d.code for d in profile.preferred_districts.all()] == ["gangnam"]


def test_a_district_of_another_city_is_refused():
    profile = ApplicantProfileFactory()
    with pytest.raises(ValidationError) as error:
        services.profile_update(
            profile=profile,
            residence_city=kernel.seoul(),
            residence_district=kernel.district("cheolsan-dong", city="gwangmyeong"),
        )
    assert "서울특별시의 자치구가 아닙니다" in error.value.messages[0]
    profile.refresh_from_db()
    assert profile.residence_district.code == "mapo"


def test_gwangmyeong_residents_pick_their_city_districts():
    profile = ApplicantProfileFactory()
    services.profile_update(
        profile=profile,
        residence_city=kernel.gwangmyeong(),
        residence_district=kernel.district("haan-dong", city="gwangmyeong"),
    )
    assert selectors.applicant_facts(profile).residence_city == "gwangmyeong"


def test_a_birth_date_in_the_future_is_refused():
    with pytest.raises(ValidationError, match="생년월일은 오늘 이전"):
        services.profile_update(
            profile=ApplicantProfileFactory(), birth_date=timezone.localdate() + timedelta(1)
        )


def test_never_employed_and_a_last_job_end_contradict():
    with pytest.raises(ValidationError, match="근무 경험 없음"):
        services.profile_update(
            profile=ApplicantProfileFactory(),
            never_employed=True,
            last_employment_end=date(2020, 1, 31),
        )


def test_career_break_and_education_are_saved():
    profile = ApplicantProfileFactory()
    services.profile_update(
        profile=profile,
        career_break_reason=ApplicantProfile.CareerBreakReason.CHILDCARE,
        career_break_since=date(2018, 3, 1),
        education_level=ApplicantProfile.EducationLevel.BACHELOR,
        education_major="경영학",
    )
    profile.refresh_from_db()
    assert profile.get_career_break_reason_display() == "육아"


def test_career_years_must_be_between_1_and_50():
    with pytest.raises(ValidationError, match="1년에서 50년"):
        services.career_entry_add(
            profile=ApplicantProfileFactory(), job_category=kernel.job_category(), years=0
        )


def test_a_certificate_cannot_be_acquired_in_the_future():
    with pytest.raises(ValidationError, match="취득일은 오늘 이후"):
        services.certificate_add(
            profile=ApplicantProfileFactory(),
            name="전산회계 1급",
            issuer="한국세무사회",
            acquired_on=timezone.localdate() + timedelta(days=3),
        )


def test_a_training_needs_a_title():
    with pytest.raises(ValidationError, match="교육명을 입력해 주세요"):
        services.completed_training_add(
            profile=ApplicantProfileFactory(), title=" ", completed_on=date(2023, 1, 1)
        )


def test_a_course_completed_here_needs_no_entry_and_shows_on_her_card():
    profile = ApplicantProfileFactory()
    give_consents(profile)
    course = CourseFactory()
    complete_course(profile, course)
    CompletedTrainingFactory(profile=profile, title="엑셀 실무", completed_on=date(2020, 1, 1))
    card = selectors.candidate_cards([profile.pk])[profile.pk]
    assert [line.title for line in card.completed_trainings] == ["엑셀 실무", course.title]
    assert card.completed_trainings[1].course_id == course.pk


def test_a_free_text_training_is_recorded():
    profile = ApplicantProfileFactory()
    services.completed_training_add(
        profile=profile,
        title="컴퓨터활용능력 과정",
        institution="관악구청",
        completed_on=date(2022, 5, 1),
    )
    assert CompletedTraining.objects.get(profile=profile).title == "컴퓨터활용능력 과정"


@given(middle=st.integers(min_value=2000, max_value=9999), last=st.integers(0, 9999))
def test_any_010_mobile_number_round_trips_to_e164(middle, last):
    stored = services.phone_normalize(f"010-{middle}-{last:04d}")
    assert stored == f"+8210{middle}{last:04d}"
    assert services.phone_normalize(stored) == stored
