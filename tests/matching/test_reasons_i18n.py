"""Screening reasons are stored as codes and worded in the reader's language when shown.

The same stored result reads in Korean for a Korean session and in English for an English one
(the language cookie), on the applicant's dashboard and in admin; the data migration turns the
sentences stored before into codes without losing any.
"""

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from matching.models import ScreeningResult
from tests.factories import kernel
from tests.factories.accounts import staff_with_mfa
from tests.factories.applicants import ready_profile
from tests.factories.courses import CourseFactory
from tests.factories.matching import InternshipApplicationFactory, ScreeningResultFactory
from tests.kernel.test_eligibility import FAIL_CASES, NEEDS_INFO_CASES, ON
from womenup.programs.eligibility import COMPANY_RULE_KINDS, CompanyFacts, Facts, evaluate_rule
from womenup.programs.eligibility.reasons import render

pytestmark = pytest.mark.django_db

migration = importlib.import_module("matching.migrations.0010_screening_reasons_as_codes")

STORED_REASONS = [
    {"code": "residency.fail", "params": {"city": "seoul", "current": "gwangmyeong"}},
    {
        "code": "course_completion.fail",
        "params": {"courses": ["backend-2024"], "label": None},
    },
]
STORED_MISSING = [{"code": "documents.needs_info", "params": {"kinds": ["resume"]}}]
KOREAN = [
    "서울시 거주자만 신청할 수 있습니다 (현재 거주지: 경기도 광명시).",
    "지정 교육과정(backend-2024)을 수료한 분만 지원할 수 있습니다.",
    "필요 서류(이력서)를 제출해 주세요.",
]
ENGLISH = [
    "Only residents of Seoul may apply (you live in: Gwangmyeong, Gyeonggi-do).",
    "Only applicants who completed the designated course (backend-2024) may apply.",
    "Please submit the required documents (Resume).",
]


@pytest.fixture(autouse=True)
def korean_afterwards():
    """A request in English leaves English active in this thread; later tests expect Korean."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def stored_result():
    profile = ready_profile()
    application = InternshipApplicationFactory(applicant=profile, intake=kernel.open_intake())
    result = ScreeningResultFactory(
        application=application, outcome="fail", reasons=STORED_REASONS, missing=STORED_MISSING
    )
    return profile, result


def in_language(client, language: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_the_dashboard_words_the_stored_reasons_in_the_readers_language(client, stored_result):
    profile, _result = stored_result
    client.force_login(profile.user)

    korean = in_language(client, "ko").get(reverse("applicants:dashboard")).content.decode()
    english = in_language(client, "en").get(reverse("applicants:dashboard")).content.decode()

    assert all(sentence in korean for sentence in KOREAN)
    assert all(sentence in english for sentence in ENGLISH)
    assert not any(sentence in english for sentence in KOREAN)


def test_admin_words_the_stored_reasons_in_the_staff_members_language(client, stored_result):
    _profile, result = stored_result
    client.force_login(staff_with_mfa())
    url = reverse("admin:matching_screeningresult_change", args=[result.pk])

    korean = in_language(client, "ko").get(url).content.decode()
    english = in_language(client, "en").get(url).content.decode()

    assert all(sentence in korean for sentence in KOREAN)
    assert all(sentence in english for sentence in ENGLISH)
    assert not any(sentence in english for sentence in KOREAN)


def test_every_reason_code_has_an_english_sentence():
    """No reason falls back to the Korean source in English (every msgstr is there)."""
    reasons = [evaluate_rule(rule, facts, on=ON).reason for rule, facts, _text in FAIL_CASES]
    reasons += [
        evaluate_rule(
            rule, CompanyFacts() if rule.kind in COMPANY_RULE_KINDS else Facts(), on=ON
        ).reason
        for rule, _text in NEEDS_INFO_CASES
    ]
    with translation.override("en"):
        english = [render(reason) for reason in reasons]
    hangul = [text for text in english if any("가" <= char <= "힣" for char in text)]
    # Labels typed by staff (course, pre-training and programme names) stay as written.
    staff_labels = ("과정", "사전교육", "청년일자리")
    assert all(any(label in text for label in staff_labels) for text in hangul), hangul
    with translation.override("en"):
        assert "consent" in render({"code": "consent.fail", "params": {"item": "provision"}})


LATER_CODES = {"not_past_participant"} | {kind.value for kind in COMPANY_RULE_KINDS}
"""Rule kinds added after reasons became codes: no stored sentence of theirs exists."""
LATER_SENTENCES = (" 연속 참여 기간:", " 이후 참여 기간:")
"""Sentences added after reasons became codes (the blocking dates): old rows never had them."""
LATER_PARAMS = {"periods", "window_start"}


def _as_stored_before(text: str) -> str:
    for later in LATER_SENTENCES:
        text = text.split(later)[0]
    return text


def _without_later_params(reason: dict) -> dict:
    params = {
        key: {k: v for k, v in value.items() if k not in LATER_PARAMS}
        if isinstance(value, dict)
        else value
        for key, value in reason["params"].items()
    }
    return {**reason, "params": params}


OLD_SENTENCES = [
    (rule, facts, _as_stored_before(text))
    for rule, facts, text in FAIL_CASES
    if rule.kind not in LATER_CODES
] + [(rule, Facts(), text) for rule, text in NEEDS_INFO_CASES if rule.kind not in LATER_CODES]


@pytest.mark.parametrize(
    ("rule", "facts", "sentence"), OLD_SENTENCES, ids=lambda case: getattr(case, "kind", "")
)
def test_the_migration_reads_every_old_sentence_back_into_its_code(rule, facts, sentence):
    reason = evaluate_rule(rule, facts, on=ON).reason
    migrated = migration.reason_of(sentence)

    assert migrated["code"] == reason.code
    with translation.override("ko"):
        assert render(migrated) == sentence  # nothing is lost
    if not rule.params.get("label"):  # a staff label hides the course codes in the old sentence
        assert migrated == _without_later_params(reason.as_json())


def test_the_migration_converts_stored_rows_and_keeps_unknown_sentences_as_legacy(stored_result):
    _profile, result = stored_result
    ScreeningResult.objects.filter(pk=result.pk).update(
        reasons=["여성만 신청할 수 있습니다.", "담당자가 직접 확인한 사유입니다."],
        missing=["성별 정보를 입력해 주세요."],
        override_outcome="pass",
        override_reason="퇴사 예정 확인서 제출",
    )

    migration.forwards(apps, schema_editor=None)

    result.refresh_from_db()
    assert result.reasons == [
        {"code": "gender.fail", "params": {"gender": "female"}},
        {"code": "legacy", "params": {"text": "담당자가 직접 확인한 사유입니다."}},
    ]
    assert result.missing == [{"code": "gender.needs_info", "params": {}}]
    assert result.override_reason == "퇴사 예정 확인서 제출"  # a person's words stay as written
    with translation.override("en"):
        assert [render(reason) for reason in result.reasons] == [
            "Only applicants whose gender is Female may apply.",
            "담당자가 직접 확인한 사유입니다.",
        ]


def test_the_course_eligibility_gate_speaks_the_readers_language(client):
    course = CourseFactory()
    profile = ready_profile(residence_city=kernel.gwangmyeong(), residence_district=None)
    client.force_login(profile.user)
    url = reverse("courses:detail", args=[course.code])

    korean = in_language(client, "ko").get(url).content.decode()
    english = in_language(client, "en").get(url).content.decode()

    assert KOREAN[0] in korean
    assert ENGLISH[0] in english
