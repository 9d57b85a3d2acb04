"""Bulk screening with the catalogue's evaluator; staff overrides survive re-runs."""

import dataclasses
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from applicants.models import ApplicantProfile
from applicants.selectors import applicant_facts, facts_for_applicants
from matching.models import InternshipApplication, ScreeningResult
from matching.screening import (
    applications_screen,
    passed_applications,
    screening_override,
    screening_override_clear,
)
from tests.factories.accounts import StaffUserFactory
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.kernel import job_category, program
from tests.matching.batch_data import WEEK, application_for, eligible_profile
from womenup.programs import catalogue
from womenup.programs.eligibility import COMPANY_RULE_KINDS, Facts, Judge, Rule, RuleKind, evaluate
from womenup.programs.selectors import program_rules

pytestmark = pytest.mark.django_db

MONDAY = date(2024, 6, 3)


def screen():
    return applications_screen(week=WEEK, on=MONDAY)


def result_of(application) -> ScreeningResult:
    return ScreeningResult.objects.get(application=application)


def test_an_eligible_applicant_passes_and_the_application_is_screened():
    application = application_for()

    counts = screen()

    result = result_of(application)
    assert (result.outcome, result.reasons, result.missing, result.week) == ("pass", [], [], WEEK)
    application.refresh_from_db()
    assert application.status == InternshipApplication.Status.SCREENED
    assert counts == {"screened": 1, "pass": 1, "fail": 0, "needs_info": 0}


def test_a_failed_rule_gives_one_reason_code_each():
    profile = eligible_profile(
        gender=ApplicantProfile.Gender.MALE,
        employment_status=ApplicantProfile.EmploymentStatus.EMPLOYED,
    )
    application = application_for(profile)

    screen()

    result = result_of(application)
    assert result.outcome == "fail"
    assert result.reasons == [
        {"code": "gender.fail", "params": {"gender": "female"}},
        {
            "code": "employment_status.fail",
            "params": {"allowed": ["unemployed"], "current": "employed"},
        },
    ]


def test_screening_uses_the_same_evaluator_as_the_application_form():
    profile = eligible_profile(
        certificates=0, employment_status=ApplicantProfile.EmploymentStatus.SELF_EMPLOYED
    )
    application = application_for(profile)

    screen()

    verdict = evaluate(program_rules(program()), applicant_facts(profile), on=MONDAY)
    result = result_of(application)
    assert (result.outcome, result.reasons, result.missing) == (
        verdict.outcome.value,
        [reason.as_json() for reason in verdict.reasons],
        [reason.as_json() for reason in verdict.missing],
    )


def test_unknown_facts_need_information_with_a_request_each():
    profile = eligible_profile(gender="")
    application = application_for(profile)

    screen()

    result = result_of(application)
    assert result.outcome == "needs_info"
    assert result.reasons == []
    assert result.missing == [{"code": "gender.needs_info", "params": {}}]


def test_drafts_and_withdrawn_applications_are_not_screened():
    draft = application_for()
    draft.status = InternshipApplication.Status.DRAFT
    draft.save()
    withdrawn = application_for()
    withdrawn.status = InternshipApplication.Status.WITHDRAWN
    withdrawn.save()

    assert screen()["screened"] == 0
    assert not ScreeningResult.objects.exists()


def test_a_rerun_reflects_new_facts():
    profile = eligible_profile(gender="")
    application = application_for(profile)
    screen()
    ApplicantProfile.objects.filter(pk=profile.pk).update(gender="female")

    screen()

    assert result_of(application).outcome == "pass"


def test_a_staff_override_survives_every_rerun():
    profile = eligible_profile(employment_status=ApplicantProfile.EmploymentStatus.EMPLOYED)
    application = application_for(profile)
    screen()
    staff = StaffUserFactory()

    screening_override(
        result=result_of(application), outcome="pass", reason="퇴사 예정 확인서 제출", staff=staff
    )
    screen()
    screen()

    result = result_of(application)
    assert result.outcome == "fail"
    assert result.reasons
    assert (result.override_outcome, result.override_reason) == ("pass", "퇴사 예정 확인서 제출")
    assert result.overridden_by == staff
    assert result.effective_outcome == "pass"
    assert list(passed_applications()) == [application]


def test_an_override_to_fail_removes_the_application_from_the_pool():
    application = application_for()
    screen()

    screening_override(
        result=result_of(application), outcome="fail", reason="중복 신청", staff=StaffUserFactory()
    )

    assert not passed_applications().exists()


def test_clearing_an_override_brings_back_the_computed_result():
    application = application_for()
    screen()
    staff = StaffUserFactory()
    screening_override(result=result_of(application), outcome="fail", reason="확인 중", staff=staff)

    screening_override_clear(result=result_of(application), staff=staff)

    assert result_of(application).effective_outcome == "pass"


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_override_needs_a_reason(reason):
    application = application_for()
    screen()

    with pytest.raises(ValidationError) as error:
        screening_override(
            result=result_of(application), outcome="fail", reason=reason, staff=StaffUserFactory()
        )

    assert "사유가 필요합니다" in error.value.messages[0]
    assert result_of(application).override_outcome == ""


def test_an_override_needs_a_known_outcome():
    application = application_for()
    screen()

    with pytest.raises(ValidationError) as error:
        screening_override(
            result=result_of(application), outcome="maybe", reason="x", staff=StaffUserFactory()
        )

    assert "통과, 탈락, 보완 필요" in error.value.messages[0]


def test_a_matched_application_cannot_be_overridden():
    application = application_for()
    screen()
    InternshipApplication.objects.filter(pk=application.pk).update(status="matched")

    with pytest.raises(ValidationError) as error:
        screening_override(
            result=result_of(application), outcome="fail", reason="x", staff=StaffUserFactory()
        )

    assert "조정할 수 없습니다" in error.value.messages[0]


def test_the_database_refuses_an_override_without_a_reason():
    application = application_for()
    screen()

    with pytest.raises(IntegrityError), transaction.atomic():
        ScreeningResult.objects.filter(application=application).update(override_outcome="fail")


@pytest.mark.parametrize("size", [3, 30])
def test_screening_runs_a_fixed_number_of_queries(size, django_assert_num_queries):
    for _ in range(size):
        application_for(ApplicantProfileFactory())
    # the provision consents; history imported and placed; the results 4 (a staging table,
    # COPY, INSERT … ON CONFLICT, drop)
    with django_assert_num_queries(13):
        counts = screen()
    assert counts["screened"] == size


# --- The per-combination cache gives exactly the evaluator's verdicts ----------------------------

EVERY_CATALOGUE_RULE = [  # the applicants' rules (company rules judge companies)
    Rule(kind=RuleKind(rule["kind"]), params=rule["params"])
    for data in catalogue.PROGRAMS
    for rule in data["rules"]
    if rule["kind"] not in COMPANY_RULE_KINDS
]
codes = st.sampled_from(["vocational_training", "career_in_field", "certificate", "resume", "x"])
dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2024, 12, 31))
facts = st.builds(
    Facts,
    gender=st.sampled_from([None, "female", "male"]),
    birth_date=st.none() | dates,
    residence_city=st.sampled_from([None, "seoul", "gwangmyeong"]),
    employment_status=st.sampled_from([None, "unemployed", "employed", "self_employed"]),
    last_employment_end=st.none() | dates,
    employment_history_known=st.sampled_from([None, True, False]),
    qualifications=st.none() | st.frozensets(codes),
    completed_courses=st.none() | st.frozensets(st.sampled_from(["backend-2024", "x"])),
    completed_pre_trainings=st.none()
    | st.frozensets(st.sampled_from(["social-impact-pretraining", "x"])),
    documents=st.none() | st.frozensets(codes),
    participations=st.none() | st.lists(st.tuples(dates, dates).map(sorted).map(tuple), max_size=3),
)


FACT_NAMES = [field.name for field in dataclasses.fields(Facts)]


@settings(deadline=None)  # pure and fast, but a loaded machine once took 300 ms on one example
@given(facts, facts, st.sampled_from(FACT_NAMES))
def test_the_screening_judge_answers_exactly_like_the_evaluator(first, other, name):
    """Facts that differ in one field only must never share a remembered verdict wrongly."""
    variant = dataclasses.replace(first, **{name: getattr(other, name)})
    judge = Judge(EVERY_CATALOGUE_RULE, on=MONDAY)
    assert judge.fields is not None  # every catalogue rule kind is remembered
    for one in (first, variant, first):
        assert judge.verdict(one) == evaluate(EVERY_CATALOGUE_RULE, one, on=MONDAY)


def test_facts_count_completed_courses_trainings_career_and_certificates():
    from datetime import datetime

    from django.utils import timezone

    from applicants.models import CompletedTraining
    from courses.models import Course, Enrollment
    from tests.factories.courses import CourseFactory

    seated = timezone.make_aware(datetime(2024, 3, 1, 9))
    plain = ApplicantProfileFactory(gender="", employment_status="", residence_city=None)
    trained = eligible_profile(certificates=0, last_employment_end=date(2023, 5, 31))
    CompletedTraining.objects.create(
        profile=trained, title="회계 실무", completed_on=date(2023, 1, 1)
    )
    experienced = eligible_profile(certificates=2, careers=[(job_category(), 3)])
    experienced.never_employed = True
    experienced.save()
    enrolled = eligible_profile(certificates=0)
    for course in (CourseFactory(), CourseFactory(track=Course.Track.PRE_TRAINING)):
        Enrollment.objects.create(
            course=course,
            applicant=enrolled,
            status=Enrollment.Status.COMPLETED,
            enrolled_at=seated,
            completed_on=date(2024, 4, 1),
        )
    ids = [plain.pk, trained.pk, experienced.pk, enrolled.pk]

    ours = facts_for_applicants(ids)

    assert ours[enrolled.pk].completed_pre_trainings
    assert ours[experienced.pk].qualifications == {"career_in_field", "certificate"}
