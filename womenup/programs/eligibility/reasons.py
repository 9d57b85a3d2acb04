"""Eligibility reasons in words: a stored reason code and its params → a sentence, via gettext.

The evaluator (``rules``) gives each failed or needs-information rule a :class:`Reason` — a code
``"<kind>.<outcome>[.<case>]"`` and JSON params. Screening results store those, and every page
renders them with :func:`render` when it shows them, in the reader's language; this module is the
only place with the wording. Korean source strings, English in ``locale/en``.

Labels of codes that other apps own (gender, employment status, document kinds: the applicant
profile's choices) are registered from their ``AppConfig.ready()`` with :func:`register_labels`,
so the kernel names no app and no label is written twice. City names are data (the ``City``
rows): the kernel registers a label source for them with :func:`register_label_source`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from womenup.programs.eligibility.core import EMPLOYMENT_STATUSES, Reason

LEGACY = "legacy"
"""Code of a sentence stored before reasons were codes; its ``text`` param is shown as it is."""

_LABELS: dict[str, dict[str, Any]] = {
    "qualification": {
        "vocational_training": gettext_lazy("직업훈련 수료"),
        "career_in_field": gettext_lazy("해당 분야 경력"),
        "certificate": gettext_lazy("전문 자격증"),
    },
    "document": {  # kinds no model offers yet; the applicant's Document.Kind adds its own
        "business_registration": gettext_lazy("사업자등록증"),
        "other": gettext_lazy("기타"),
    },
}

LabelSource = Callable[[str], "str | None"]
_SOURCES: dict[str, LabelSource] = {}


def register_labels(vocabulary: str, choices: Iterable[tuple[str, Any]]) -> None:
    """Name the codes of ``vocabulary`` ("gender", "employment_status", "document"), e.g. with
    a model's ``TextChoices.choices``; called from an app's ``AppConfig.ready()``."""
    _LABELS.setdefault(vocabulary, {}).update(dict(choices))


def register_label_source(vocabulary: str, source: LabelSource) -> None:
    """Name the codes of ``vocabulary`` with ``source(code)`` (in the active language, or None
    when it does not know the code), for vocabularies that are rows, such as cities."""
    _SOURCES[vocabulary] = source


def known_codes(vocabulary: str) -> frozenset[str]:
    """Every code of ``vocabulary`` that has a label (registered or built in)."""
    return frozenset(_LABELS.get(vocabulary, {}))


def label(vocabulary: str, code: str) -> str:
    """The label of ``code`` in the active language; an unknown code is shown as it is."""
    known = _LABELS.get(vocabulary, {}).get(code)
    if known is None and vocabulary in _SOURCES:
        known = _SOURCES[vocabulary](code)
    return str(code if known is None else known)


def _labels(vocabulary: str, codes: Iterable[str]) -> str:
    return ", ".join(label(vocabulary, code) for code in codes)


def render(reason: Reason | Mapping[str, Any] | str) -> str:
    """The sentence for a reason (or its stored ``{"code", "params"}``) in the active language."""
    if isinstance(reason, Reason):
        code, params = reason.code, reason.params
    elif isinstance(reason, str):  # a sentence stored before reasons were codes
        return reason
    else:
        code, params = reason.get("code", ""), reason.get("params") or {}
    template = TEMPLATES.get(code)
    if template is None:
        return str(params.get("text") or code)
    return template(params)


def render_all(reasons: Iterable[Reason | Mapping[str, Any] | str]) -> list[str]:
    return [render(reason) for reason in reasons]


# --- Korean grammar --------------------------------------------------------------------------

_TRAILING_PARENTHESES = re.compile(r"\s*\([^()]*\)$")
_HANGUL_FIRST, _HANGUL_LAST = ord("가"), ord("힣")
_FINAL_CONSONANTS_PER_SYLLABLE = 28


def as_object(word: str) -> str:
    """``word`` as the object of a Korean verb: with 을/를 when Korean is active, else as it is.

    Korean sentences take ``%(…_object)s`` placeholders: the particle depends on the word, so a
    template cannot hold it, and other languages have none (gettext needs every placeholder of
    the source in the translation, so the particle cannot be a placeholder of its own).
    """
    if (translation.get_language() or "ko").startswith("ko"):
        return f"{word}{object_particle(word)}"
    return word


def object_particle(word: str) -> str:
    """The object particle after ``word``: 을 (after a final consonant) or 를 (after a vowel).

    A trailing parenthetical is skipped when deciding ("교육과정(A, B)" → 을); a word not ending
    in Hangul gets "을(를)".
    """
    last = _TRAILING_PARENTHESES.sub("", word)[-1:]
    if last and _HANGUL_FIRST <= ord(last) <= _HANGUL_LAST:
        has_final = (ord(last) - _HANGUL_FIRST) % _FINAL_CONSONANTS_PER_SYLLABLE != 0
        return "을" if has_final else "를"
    return "을(를)"


# --- One sentence per code -------------------------------------------------------------------


def _age_range(params: Mapping[str, Any]) -> str:
    minimum, maximum = params.get("min"), params.get("max")
    if minimum == maximum:
        return _("만 %(age)s세") % {"age": minimum}
    if maximum is None:
        return _("만 %(age)s세 이상") % {"age": minimum}
    if minimum is None:
        return _("만 %(age)s세 이하") % {"age": maximum}
    return _("만 %(min)s~%(max)s세") % {"min": minimum, "max": maximum}


def _course(params: Mapping[str, Any]) -> dict[str, str]:
    name = params.get("label") or _("지정 교육과정(%(codes)s)") % {
        "codes": ", ".join(params.get("courses") or ())
    }
    return {"course": name, "course_object": as_object(name)}


def _training(params: Mapping[str, Any]) -> dict[str, str]:
    name = params.get("label") or _("사전교육(%(code)s)") % {"code": params.get("code", "")}
    return {"training": name, "training_object": as_object(name)}


def _participation_limit(params: Mapping[str, Any]) -> str:
    sentences = []
    if consecutive := params.get("consecutive"):
        sentences.append(
            _(
                "연속 참여는 최대 %(max_stages)s단계(%(max_months)s개월)까지 가능합니다 "
                "(최근 %(run)s단계 연속 참여, 마지막 참여 종료일 %(last_end)s). "
                "%(again_from)s부터 다시 신청할 수 있습니다."
            )
            % consecutive
        )
        if periods := consecutive.get("periods"):
            sentences.append(_("연속 참여 기간: %(periods)s.") % {"periods": _periods(periods)})
    if window := params.get("window"):
        sentences.append(
            _(
                "최근 %(window_months)s개월 동안 참여할 수 있는 기간은 최대 %(max_months)s개월"
                "입니다 (기존 참여 약 %(used_months)s개월 + 이번 단계 %(stage_months)s개월)."
            )
            % {**window, "used_months": f"{float(window['used_months']):.1f}"}
        )
        if periods := window.get("periods"):
            sentences.append(
                _("%(window_start)s 이후 참여 기간: %(periods)s.")
                % {"window_start": window["window_start"], "periods": _periods(periods)}
            )
    return " ".join(sentences)


def _periods(periods) -> str:
    return ", ".join(f"{start}~{end}" for start, end in periods)


def _past_programmes(params: Mapping[str, Any]) -> str:
    return params.get("label") or ", ".join(params.get("programs") or ())


Template = Callable[[Mapping[str, Any]], str]

TEMPLATES: dict[str, Template] = {
    LEGACY: lambda p: str(p.get("text", "")),
    "residency.needs_info": lambda p: _("거주지 정보를 입력해 주세요."),
    "residency.fail": lambda p: (
        _("%(required)s 거주자만 신청할 수 있습니다 (현재 거주지: %(current)s).")
        % {"required": label("city", p["city"]), "current": label("city_address", p["current"])}
    ),
    "gender.needs_info": lambda p: _("성별 정보를 입력해 주세요."),
    "gender.fail": lambda p: (
        _("%(gender)s만 신청할 수 있습니다.") % {"gender": label("gender", p["gender"])}
    ),
    "employment_status.needs_info": lambda p: (
        _("현재 취업 상태(%(choices)s)를 입력해 주세요.")
        % {"choices": _labels("employment_status", EMPLOYMENT_STATUSES)}
    ),
    "employment_status.fail": lambda p: (
        _("%(wanted)s 상태인 분만 신청할 수 있습니다 (현재 상태: %(current)s).")
        % {
            "wanted": f" {_('또는')} ".join(label("employment_status", c) for c in p["allowed"]),
            "current": label("employment_status", p["current"]),
        }
    ),
    "age_range.needs_info": lambda p: _("생년월일을 입력해 주세요."),
    "age_range.needs_info.after_reference": lambda p: (
        _(
            "생년월일(%(birth_date)s)이 기준일(%(reference_date)s)보다 늦습니다. "
            "생년월일을 확인해 주세요."
        )
        % p
    ),
    "age_range.fail": lambda p: (
        _("%(range)s만 신청할 수 있습니다 (기준일 %(reference_date)s, 현재 만 %(age)s세).")
        % {**p, "range": _age_range(p)}
    ),
    "qualification_any_of.needs_info": lambda p: (
        _("다음 자격 요건 중 해당하는 항목을 입력해 주세요: %(labels)s.")
        % {"labels": _labels("qualification", p["any_of"])}
    ),
    "qualification_any_of.fail": lambda p: (
        _("다음 중 하나 이상이 필요합니다: %(labels)s.")
        % {"labels": _labels("qualification", p["any_of"])}
    ),
    "course_completion.needs_info": lambda p: (
        _("%(course)s 수료 이력을 입력해 주세요.") % _course(p)
    ),
    "course_completion.fail": lambda p: (
        _("%(course_object)s 수료한 분만 지원할 수 있습니다.") % _course(p)
    ),
    "pre_training.needs_info": lambda p: (
        _("%(training)s 이수 이력을 입력해 주세요.") % _training(p)
    ),
    "pre_training.fail": lambda p: (
        _("%(training_object)s 먼저 이수해야 지원할 수 있습니다.") % _training(p)
    ),
    "documents.needs_info": lambda p: (
        _("필요 서류(%(kinds)s)를 제출해 주세요.") % {"kinds": _labels("document", p["kinds"])}
    ),
    "documents.fail": lambda p: (
        _("필요 서류가 없습니다: %(kinds)s.") % {"kinds": _labels("document", p["missing"])}
    ),
    "not_employed_recently.fail.employed": lambda p: (
        _(
            "현재 재직 중인 분은 신청할 수 없습니다 "
            "(최근 %(months)s개월 동안 근무하지 않은 분만 신청할 수 있습니다)."
        )
        % p
    ),
    "not_employed_recently.needs_info": lambda p: _(
        "최근 근무 이력(마지막 근무 종료일 또는 근무 경험 없음)을 입력해 주세요."
    ),
    "not_employed_recently.fail": lambda p: (
        _(
            "최근 %(months)s개월 이내에 근무한 이력이 있어 신청할 수 없습니다 "
            "(마지막 근무 종료일 %(last_end)s, %(eligible_from)s부터 신청할 수 있습니다)."
        )
        % p
    ),
    "participation_limit.needs_info": lambda p: _(
        "이 사업의 과거 참여 이력을 입력해 주세요 (참여한 적이 없으면 '없음'으로 입력)."
    ),
    "participation_limit.fail": _participation_limit,
    # Company rules: which companies may post roles in a programme.
    "company_location.needs_info": lambda p: _("소재지 자치구를 골라 주세요."),
    "company_location.fail": lambda p: (
        _("%(required)s에 소재한 기업만 참여할 수 있습니다 (현재 소재지: %(current)s).")
        % {"required": label("city", p["city"]), "current": label("city_address", p["current"])}
    ),
    "company_min_employees.needs_info": lambda p: _("상시근로자 수를 입력해 주세요."),
    "company_min_employees.fail": lambda p: (
        _("상시근로자가 %(min)s명 이상이어야 합니다 (입력: %(count)s명).") % p
    ),
    "company_sme.needs_info": lambda p: _("중소기업 여부를 입력해 주세요."),
    "company_sme.fail": lambda p: _("중소기업만 참여할 수 있습니다."),
    "not_past_participant.needs_info": lambda p: _(
        "과거 사업 참여 이력을 입력해 주세요 (참여한 적이 없으면 '없음'으로 입력)."
    ),
    "not_past_participant.fail": lambda p: (
        _("%(programs)s에 참여한 적이 있는 분은 신청할 수 없습니다 (참여 기간: %(periods)s).")
        % {
            "programs": _past_programmes(p),
            "periods": _periods((start, end) for _code, start, end in p["periods"]),
        }
    ),
    # Screening checks outside the programme's rules: the applicant withdrew her consent to
    # provision to companies (``Reason("consent.fail", {"item": "provision"})``).
    "consent.fail": lambda p: _(
        "기업에 개인정보 제공 동의(매칭 필수)가 철회되어 있어 기업에 추천할 수 없습니다. "
        "'개인정보 동의' 화면에서 다시 동의하면 다음 주 매칭부터 참여할 수 있습니다."
    ),
}
"""Every reason code's sentence; a new rule kind or screening check adds its codes here."""
