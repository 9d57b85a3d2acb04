"""The public self-check: the same facts and the same judge as the batch's screening."""

import html
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from applicants.models import (
    ApplicantProfile,
    CareerEntry,
    Certificate,
    CompletedTraining,
    Document,
)
from applicants.self_check import SESSION_KEY, SelfCheckAnswers
from courses.models import Course
from matching.models import ScreeningResult
from matching.screening import applications_screen
from matching.self_check import FOR_COMPANIES, self_check, self_check_questions
from tests.factories.applicants import ApplicantProfileFactory, complete_course, give_consents
from tests.factories.courses import CourseFactory
from tests.factories.kernel import district, gwangmyeong, program, seoul
from tests.factories.matching import InternshipApplicationFactory
from womenup.models import IntakeWindow, Program
from womenup.programs.selectors import city_label

pytestmark = pytest.mark.django_db

DAY = date(2024, 9, 2)


@pytest.fixture(autouse=True)
def no_seeded_intake_open_today():
    """Each test opens the intakes it needs: the seeded ones (e.g. a public-job stage taking
    applications this month) are closed so that what is open does not depend on the date."""
    today = timezone.localdate()
    IntakeWindow.objects.filter(opens_on__lte=today, closes_on__gte=today).delete()


def open_every_programme(on: date) -> list[Program]:
    """An intake open on ``on`` for every seeded programme people apply to."""
    programs = list(Program.objects.exclude(kind__in=FOR_COMPANIES))
    for one in programs:
        IntakeWindow.objects.create(
            program=one,
            label="자가진단",
            opens_on=on - timedelta(days=7),
            closes_on=on + timedelta(days=7),
        )
    return programs


# --- Self-check and screening agree -------------------------------------------------------------


def person(city: str, district: str, birth_date: date, gender: str, status: str, **more) -> dict:
    return {"city": city, "district": district, "birth_date": birth_date, "gender": gender,
            "employment_status": status, **more}  # fmt: skip


PEOPLE = {
    "seoul woman, certificate and résumé": person(
        "seoul", "mapo", date(1985, 5, 20), "female", "unemployed",
        qualifications=("certificate",), documents=("resume",),
    ),
    "seoul man at work, nothing recorded": person(
        "seoul", "gangnam", date(1990, 1, 1), "male", "employed",
        last_employment_end=date(2024, 8, 31),
    ),
    "gwangmyeong woman of 34 who completed the backend course": person(
        "gwangmyeong", "haan-dong", date(1990, 9, 2), "female", "unemployed", never_employed=True,
        qualifications=("vocational_training",), completed_courses=("backend-2024",),
    ),
    "gwangmyeong man of 35 today": person(
        "gwangmyeong", "soha-dong", date(1989, 9, 2), "male", "unemployed",
    ),
    "gwangmyeong woman of 55 running a business, career and pre-training": person(
        "gwangmyeong", "cheolsan-dong", date(1969, 3, 1), "female", "self_employed",
        qualifications=("career_in_field",), completed_courses=("social-impact-pretraining",),
        documents=("resume", "certificate"),
    ),
    "seoul woman of 19 with every qualification": person(
        "seoul", "jongno", date(2005, 9, 2), "female", "unemployed",
        qualifications=("vocational_training", "career_in_field", "certificate"),
        completed_courses=("digital-marketing-2024", "social-impact-pretraining"),
        documents=("resume",),
    ),
}  # fmt: skip

TRACKS = {
    "backend-2024": Course.Track.DEVELOPER_ENTRY,
    "digital-marketing-2024": Course.Track.VOCATIONAL,
    "social-impact-pretraining": Course.Track.PRE_TRAINING,
}


def profile_of(person: dict, courses: dict[str, Course]) -> ApplicantProfile:
    """The same person as a signed-up applicant: her profile, records, documents, courses."""
    profile = ApplicantProfileFactory(
        residence_city=seoul() if person["city"] == "seoul" else gwangmyeong(),
        residence_district=district(person["district"], city=person["city"]),
        birth_date=person["birth_date"],
        gender=person["gender"],
        employment_status=person["employment_status"],
        last_employment_end=person.get("last_employment_end"),
        never_employed=person.get("never_employed", False),
    )
    give_consents(profile)
    qualifications = person.get("qualifications", ())
    if "certificate" in qualifications:
        Certificate.objects.create(
            profile=profile, name="정보처리기사", issuer="공단", acquired_on=date(2015, 1, 1)
        )
    if "career_in_field" in qualifications:
        CareerEntry.objects.create(profile=profile, job_category_id=1, years=3)
    completed = person.get("completed_courses", ())
    if "vocational_training" in qualifications and not any(
        TRACKS[code] != Course.Track.PRE_TRAINING for code in completed
    ):
        CompletedTraining.objects.create(
            profile=profile, title="회계", completed_on=date(2023, 1, 1)
        )
    for code in completed:
        complete_course(profile, courses[code])
    for kind in person.get("documents", ()):
        Document.objects.create(
            profile=profile, kind=kind, file=f"d/{profile.pk}/{kind}.pdf", original_name="a.pdf",
            content_type="application/pdf", size=10,
        )  # fmt: skip
    return profile


def answers_of(person: dict) -> SelfCheckAnswers:
    """The same person answering the self-check: she took part in no programme before, as her
    participation history in the portal (placements and imported records: none) says."""
    return SelfCheckAnswers(
        city=person["city"],
        district=person["district"],
        birth_date=person["birth_date"],
        gender=person["gender"],
        employment_status=person["employment_status"],
        last_employment_end=person.get("last_employment_end"),
        never_employed=person.get("never_employed", False),
        qualifications=tuple(person.get("qualifications", ())),
        documents=tuple(person.get("documents", ())),
        completed_courses=tuple(person.get("completed_courses", ())),
        participations=(),
    )


def test_the_self_check_and_screening_give_the_same_verdict_and_reasons_for_every_programme():
    programs = open_every_programme(DAY)
    courses = {
        code: CourseFactory(code=code, track=track, starts_on=DAY, ends_on=DAY)
        for code, track in TRACKS.items()
    }
    questions = self_check_questions(on=DAY)
    assert {p.code for p in questions.programs} == {p.code for p in programs}
    applications = {}
    for name, person in PEOPLE.items():
        profile = profile_of(person, courses)
        for one in programs:
            intake = one.intakes.get(label="자가진단")
            applications[name, one.code] = InternshipApplicationFactory(
                applicant=profile, intake=intake
            )

    applications_screen(week="2024-W36", on=DAY)

    outcomes = set()
    for name, person in PEOPLE.items():
        for check in self_check(answers_of(person), questions):
            screened = ScreeningResult.objects.get(
                application=applications[name, check.program.code]
            )
            verdict = check.verdict
            assert (screened.outcome, screened.reasons, screened.missing) == (
                verdict.outcome.value,
                [reason.as_json() for reason in verdict.reasons],
                [reason.as_json() for reason in verdict.missing],
            ), (name, check.program.code)
            outcomes.add(verdict.outcome.value)
    assert outcomes == {"pass", "fail"}  # a complete profile is never short of an answer


def test_age_is_judged_on_the_day_of_the_check():
    open_every_programme(DAY)
    questions = self_check_questions(on=DAY)
    youth = {c.program.code: c for c in self_check(answers_of(PEOPLE[
        "gwangmyeong woman of 34 who completed the backend course"]), questions)}  # fmt: skip
    older = {c.program.code: c for c in self_check(answers_of(PEOPLE[
        "gwangmyeong man of 35 today"]), questions)}  # fmt: skip

    assert youth["gm-youth-intern"].can_apply
    assert not older["gm-youth-intern"].can_apply
    assert [r.code for r in older["gm-youth-intern"].verdict.reasons] == ["age_range.fail"]


# --- The page ------------------------------------------------------------------------------------


def form_data(**changes) -> dict:
    data = {
        "residence_city": seoul().pk,
        "residence_district": district("mapo").pk,
        "birth_date": "1985-05-20",
        "gender": "female",
        "employment_status": "unemployed",
        "qualifications": ["certificate"],
        "documents": ["resume"],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def today_intakes(*codes: str) -> None:
    today = timezone.localdate()
    for code in codes:
        IntakeWindow.objects.create(
            program=program(code), label="오늘", opens_on=today, closes_on=today
        )


def test_a_visitor_sees_every_open_programme_with_can_apply_or_the_reasons(client):
    today_intakes("seoul-internship", "gm-youth-intern")

    response = client.post(reverse("matching:self-check"), form_data())

    assert response.status_code == 200
    checks = {check.program.code: check for check in response.context["checks"]}
    assert set(checks) == {"seoul-internship", "gm-youth-intern"}
    assert checks["seoul-internship"].can_apply
    page = response.content.decode()
    assert "신청 가능" in page
    assert "광명시 거주자만 신청할 수 있습니다 (현재 거주지: 서울특별시)." in page
    assert "no-store" in response["Cache-Control"]
    assert SESSION_KEY not in client.session  # kept only when she asks


def test_the_reasons_are_in_english_for_an_english_reader(client):
    today_intakes("gm-youth-intern")
    client.cookies["django_language"] = "en"

    response = client.post(reverse("matching:self-check"), form_data(), HTTP_ACCEPT_LANGUAGE="en")

    page = response.content.decode()
    assert "Self-check results" in page
    assert "Only residents of Gwangmyeong may apply" in page


def test_bad_input_gets_a_korean_message_and_no_result(client):
    today_intakes("seoul-internship")
    gwangmyeong_district = district("haan-dong", city="gwangmyeong")

    response = client.post(
        reverse("matching:self-check"),
        form_data(birth_date="", residence_district=gwangmyeong_district.pk, keep="on"),
    )

    assert response.context["checks"] is None
    page = response.content.decode()
    assert "필수 항목입니다." in page or "이 필드는 필수 항목입니다." in page
    assert "거주 도시에 속한 자치구를 선택해 주세요." in page
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"never_employed": "on", "last_employment_end": "2023-01-31"},
         "마지막 근무 종료일은 비워"),
        ({"participated": "yes"}, "참여한 기간을 하나 이상 적어 주세요."),
        ({"participated": "no", "participation_1_program": "gm-0123-jobs",
          "participation_1_start": "2023-01-01", "participation_1_end": "2023-05-31"},
         "'없음'을 골랐다면 참여 기간은 비워 주세요."),
        ({"participated": "yes", "participation_1_program": "gm-0123-jobs",
          "participation_1_start": "2023-06-01", "participation_1_end": "2023-05-31"},
         "참여 시작일이 종료일보다 늦습니다."),
        ({"participated": "yes", "participation_1_start": "2023-06-01"},
         "참여 기간의 시작일과 종료일을 함께 적어 주세요."),
        ({"participated": "yes", "participation_1_start": "2023-01-01",
          "participation_1_end": "2023-05-31"}, "참여한 사업을 골라 주세요."),
        ({"participated": "yes", "participation_1_program": "no-such-programme",
          "participation_1_start": "2023-01-01", "participation_1_end": "2023-05-31"},
         "올바르게 선택해 주세요."),
    ],
)  # fmt: skip
def test_inconsistent_answers_are_refused_with_a_message(client, changes, message):
    response = client.post(reverse("matching:self-check"), form_data(**changes))

    assert response.context["checks"] is None
    assert message in html.unescape(response.content.decode())


def test_past_participation_is_judged_by_the_participation_limit(client):
    today = timezone.localdate()
    today_intakes("gm-0123-jobs")
    gm = {
        "residence_city": gwangmyeong().pk,
        "residence_district": district("haan-dong", city="gwangmyeong").pk,
    }
    url = reverse("matching:self-check")

    unanswered = client.post(url, form_data(**gm)).context["checks"][0]
    none = client.post(url, form_data(participated="no", **gm)).context["checks"][0]
    two_stages = client.post(url, form_data(
        participated="yes", **gm,
        participation_1_program="gm-0123-jobs",
        participation_1_start=(today - timedelta(days=330)).isoformat(),
        participation_1_end=(today - timedelta(days=180)).isoformat(),
        participation_2_program="gm-0123-jobs",
        participation_2_start=(today - timedelta(days=170)).isoformat(),
        participation_2_end=(today - timedelta(days=10)).isoformat(),
    )).context["checks"][0]  # fmt: skip

    assert unanswered.verdict.outcome == "needs_info"
    assert none.can_apply
    assert [r.code for r in two_stages.verdict.reasons] == ["participation_limit.fail"]


def test_kept_answers_are_in_the_session_for_after_sign_up(client):
    today_intakes("seoul-internship")

    client.post(reverse("matching:self-check"), form_data(keep="on"))

    kept = SelfCheckAnswers.from_session(client.session[SESSION_KEY])
    assert kept == SelfCheckAnswers(
        city="seoul", district="mapo", birth_date=date(1985, 5, 20), gender="female",
        employment_status="unemployed", qualifications=("certificate",), documents=("resume",),
        participations=None,
    )  # fmt: skip


def test_the_questions_follow_the_open_programmes_rules(client):
    today_intakes("seoul-project-it")
    CourseFactory(code="backend-2024", title="백엔드 개발자 과정")

    form = client.get(reverse("matching:self-check")).context["form"]

    assert dict(form.fields["completed_courses"].choices) == {
        "backend-2024": "백엔드 개발자 과정",
        "digital-marketing-2024": "IT 직무교육(디지털마케팅·백엔드개발)",
    }
    assert "documents" not in form.fields  # no open programme asks for a document


def test_the_page_makes_a_fixed_number_of_queries(client, django_assert_num_queries):
    """Open programmes, their rules, named courses, every programme (past participation), the
    chosen city and district, the menu, and the form's city and district lists: nine, however
    many programmes are open (the city names reasons use are cached)."""
    url = reverse("matching:self-check")
    data = form_data()
    today_intakes("seoul-internship", "seoul-project-it")
    city_label("seoul", short=True)  # the reasons' city names: cached, whatever ran before
    with django_assert_num_queries(9):
        response = client.post(url, data)
    assert len(response.context["checks"]) == 2
    today_intakes("seoul-project-social", "gm-5060", "gm-1969-jobs", "gm-youth-intern")
    CourseFactory(code="backend-2024")
    city_label("seoul", short=True)
    with django_assert_num_queries(9):
        response = client.post(url, data)
    assert len(response.context["checks"]) == 6


def test_the_home_and_programme_pages_link_to_the_self_check(client):
    url = reverse("matching:self-check")
    assert url in client.get(reverse("home")).content.decode()
    assert url in client.get(reverse("program-detail", args=["gm-0123-jobs"])).content.decode()
