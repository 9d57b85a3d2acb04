"""Screening reasons stored as sentences become reason codes with params.

Each known Korean sentence the evaluator used to store is read back into its code and params
(``womenup.programs.eligibility.reasons`` words them again, in the reader's language); a sentence
that matches no known pattern becomes ``{"code": "legacy", "params": {"text": ...}}`` and is
shown as it was. Staff override reasons (a person's own words) stay as they are.
"""

import re

from django.db import migrations

CITY = {"서울시": "seoul", "광명시": "gwangmyeong"}
CITY_ADDRESS = {"서울특별시": "seoul", "경기도 광명시": "gwangmyeong"}
GENDER = {"여성": "female", "남성": "male"}
EMPLOYMENT_STATUS = {"재직 중": "employed", "미취업": "unemployed", "사업 운영 중": "self_employed"}
QUALIFICATION = {
    "직업훈련 수료": "vocational_training",
    "해당 분야 경력": "career_in_field",
    "전문 자격증": "certificate",
}
DOCUMENT = {
    "이력서": "resume",
    "자격증 사본": "certificate",
    "수료증명서": "training_proof",
    "경력증명서": "career_proof",
    "사업자등록증": "business_registration",
    "기타": "other",
}
DATE = r"\d{4}-\d{2}-\d{2}"
PARTICLE = r"(?:을\(를\)|을|를)"


def _codes(text, table, separator=", "):
    return [table.get(label, label) for label in text.split(separator)]


def _course(label):
    default = re.fullmatch(r"지정 교육과정\((.+)\)", label)
    if default:
        return {"courses": default[1].split(", "), "label": None}
    return {"courses": [], "label": label}


def _training(label):
    default = re.fullmatch(r"사전교육\((.+)\)", label)
    if default:
        return {"code": default[1], "label": None}
    return {"code": "", "label": label}


def _age(m):
    if m["low"]:
        low, high = int(m["low"]), int(m["high"])
    else:
        one = int(m["one"])
        low, high = (one, None) if m["side"] == " 이상" else (None, one) if m["side"] else (one, one)
    return {"min": low, "max": high, "reference_date": m["reference"], "age": int(m["age"])}


def _participation(m):
    if not (m["run"] or m["used"]):
        return None
    consecutive = window = None
    if m["run"]:
        consecutive = {
            "max_stages": int(m["max_stages"]),
            "max_months": int(m["max_months"]),
            "run": int(m["run"]),
            "last_end": m["last_end"],
            "again_from": m["again_from"],
        }
    if m["used"]:
        window = {
            "window_months": int(m["window_months"]),
            "max_months": int(m["window_max"]),
            "used_months": float(m["used"]),
            "stage_months": int(m["stage"]),
        }
    return {"consecutive": consecutive, "window": window}


PATTERNS = [
    (r"거주지 정보를 입력해 주세요\.", "residency.needs_info", lambda m: {}),
    (
        r"(?P<city>.+) 거주자만 신청할 수 있습니다 \(현재 거주지: (?P<current>.+)\)\.",
        "residency.fail",
        lambda m: {
            "city": CITY.get(m["city"], m["city"]),
            "current": CITY_ADDRESS.get(m["current"], m["current"]),
        },
    ),
    (r"성별 정보를 입력해 주세요\.", "gender.needs_info", lambda m: {}),
    (r"(?P<g>여성|남성)만 신청할 수 있습니다\.", "gender.fail", lambda m: {"gender": GENDER[m["g"]]}),
    (r"현재 취업 상태\(.*\)를 입력해 주세요\.", "employment_status.needs_info", lambda m: {}),
    (
        r"(?P<wanted>.+) 상태인 분만 신청할 수 있습니다 \(현재 상태: (?P<current>.+)\)\.",
        "employment_status.fail",
        lambda m: {
            "allowed": _codes(m["wanted"], EMPLOYMENT_STATUS, " 또는 "),
            "current": EMPLOYMENT_STATUS.get(m["current"], m["current"]),
        },
    ),
    (r"생년월일을 입력해 주세요\.", "age_range.needs_info", lambda m: {}),
    (
        rf"생년월일\((?P<b>{DATE})\)이 기준일\((?P<r>{DATE})\)보다 늦습니다\. 생년월일을 확인해 주세요\.",
        "age_range.needs_info.after_reference",
        lambda m: {"birth_date": m["b"], "reference_date": m["r"]},
    ),
    (
        r"만 (?:(?P<low>\d+)~(?P<high>\d+)세|(?P<one>\d+)세(?P<side> 이상| 이하)?)만 신청할 수 "
        rf"있습니다 \(기준일 (?P<reference>{DATE}), 현재 만 (?P<age>\d+)세\)\.",
        "age_range.fail",
        _age,
    ),
    (
        r"다음 자격 요건 중 해당하는 항목을 입력해 주세요: (?P<l>.+)\.",
        "qualification_any_of.needs_info",
        lambda m: {"any_of": _codes(m["l"], QUALIFICATION)},
    ),
    (
        r"다음 중 하나 이상이 필요합니다: (?P<l>.+)\.",
        "qualification_any_of.fail",
        lambda m: {"any_of": _codes(m["l"], QUALIFICATION)},
    ),
    (
        r"(?P<label>.+) 수료 이력을 입력해 주세요\.",
        "course_completion.needs_info",
        lambda m: _course(m["label"]),
    ),
    (
        rf"(?P<label>.+?){PARTICLE} 수료한 분만 지원할 수 있습니다\.",
        "course_completion.fail",
        lambda m: _course(m["label"]),
    ),
    (
        r"(?P<label>.+) 이수 이력을 입력해 주세요\.",
        "pre_training.needs_info",
        lambda m: _training(m["label"]),
    ),
    (
        rf"(?P<label>.+?){PARTICLE} 먼저 이수해야 지원할 수 있습니다\.",
        "pre_training.fail",
        lambda m: _training(m["label"]),
    ),
    (
        r"필요 서류\((?P<k>.+)\)를 제출해 주세요\.",
        "documents.needs_info",
        lambda m: {"kinds": _codes(m["k"], DOCUMENT)},
    ),
    (
        r"필요 서류가 없습니다: (?P<k>.+)\.",
        "documents.fail",
        lambda m: {"missing": _codes(m["k"], DOCUMENT)},
    ),
    (
        r"현재 재직 중인 분은 신청할 수 없습니다 "
        r"\(최근 (?P<m>\d+)개월 동안 근무하지 않은 분만 신청할 수 있습니다\)\.",
        "not_employed_recently.fail.employed",
        lambda m: {"months": int(m["m"])},
    ),
    (
        r"최근 근무 이력\(마지막 근무 종료일 또는 근무 경험 없음\)을 입력해 주세요\.",
        "not_employed_recently.needs_info",
        lambda m: {},
    ),
    (
        r"최근 (?P<m>\d+)개월 이내에 근무한 이력이 있어 신청할 수 없습니다 "
        rf"\(마지막 근무 종료일 (?P<last>{DATE}), (?P<eligible>{DATE})부터 신청할 수 있습니다\)\.",
        "not_employed_recently.fail",
        lambda m: {
            "months": int(m["m"]),
            "last_end": m["last"],
            "eligible_from": m["eligible"],
        },
    ),
    (
        r"이 사업의 과거 참여 이력을 입력해 주세요 \(참여한 적이 없으면 '없음'으로 입력\)\.",
        "participation_limit.needs_info",
        lambda m: {},
    ),
    (
        r"(?:연속 참여는 최대 (?P<max_stages>\d+)단계\((?P<max_months>\d+)개월\)까지 가능합니다 "
        rf"\(최근 (?P<run>\d+)단계 연속 참여, 마지막 참여 종료일 (?P<last_end>{DATE})\)\. "
        rf"(?P<again_from>{DATE})부터 다시 신청할 수 있습니다\.)? ?"
        r"(?:최근 (?P<window_months>\d+)개월 동안 참여할 수 있는 기간은 최대 (?P<window_max>\d+)"
        r"개월입니다 \(기존 참여 약 (?P<used>\d+\.\d)개월 \+ 이번 단계 (?P<stage>\d+)개월\)\.)?",
        "participation_limit.fail",
        _participation,
    ),
]
COMPILED = [(re.compile(pattern), code, params) for pattern, code, params in PATTERNS]


def reason_of(sentence):
    """The code and params of an old sentence; ``legacy`` with the text when none matches."""
    for pattern, code, params_of in COMPILED:
        match = pattern.fullmatch(sentence)
        if match:
            params = params_of(match)
            if params is not None:
                return {"code": code, "params": params}
    return {"code": "legacy", "params": {"text": sentence}}


def _convert(items):
    return [reason_of(item) if isinstance(item, str) else item for item in items or []]


def forwards(apps, schema_editor):
    ScreeningResult = apps.get_model("matching", "ScreeningResult")
    changed = []
    for result in ScreeningResult.objects.only("reasons", "missing").iterator(chunk_size=2000):
        reasons, missing = _convert(result.reasons), _convert(result.missing)
        if (reasons, missing) != (result.reasons, result.missing):
            result.reasons, result.missing = reasons, missing
            changed.append(result)
    ScreeningResult.objects.bulk_update(changed, ["reasons", "missing"], batch_size=1000)


def backwards(apps, schema_editor):
    from django.utils import translation

    from womenup.programs.eligibility.reasons import render

    ScreeningResult = apps.get_model("matching", "ScreeningResult")
    changed = []
    with translation.override("ko"):
        for result in ScreeningResult.objects.only("reasons", "missing").iterator(chunk_size=2000):
            result.reasons = [render(r) if isinstance(r, dict) else r for r in result.reasons]
            result.missing = [render(r) if isinstance(r, dict) else r for r in result.missing]
            changed.append(result)
    ScreeningResult.objects.bulk_update(changed, ["reasons", "missing"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("matching", "0009_matching_run_created_by_label")]

    operations = [migrations.RunPython(forwards, backwards)]
