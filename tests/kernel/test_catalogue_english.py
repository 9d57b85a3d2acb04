"""The catalogue's English texts: loaded with the seed, filled in only where empty and where the
Korean is still the seed's, shown in the reader's language, edited side by side in admin."""

import pytest
from django.urls import reverse
from django.utils import translation

from womenup.models import District, EligibilityRule, IntakeWindow, JobCategory, Program
from womenup.programs.eligibility import reasons
from womenup.programs.services import catalogue_load

pytestmark = pytest.mark.django_db


def test_the_migrated_catalogue_reads_in_english_and_falls_back_to_korean():
    program = Program.objects.get(code="seoul-internship")
    with translation.override("en"):
        assert program.name == "Seoul WomanUp recruit-linked internship"
        assert JobCategory.objects.get(code="it-dev").name == "IT & development"
        assert District.objects.get(code="mapo").name == "Mapo-gu"
        assert program.intakes.first().label == "2024 internship"
    with translation.override("ko"):
        assert program.name == "서울우먼업 채용연계형 인턴십"
    Program.objects.filter(pk=program.pk).update(name_en="")
    program.refresh_from_db()
    with translation.override("en"):
        assert program.name == "서울우먼업 채용연계형 인턴십"  # no English yet: the Korean


def test_load_programs_fills_an_empty_english_text_only_while_the_korean_is_the_seeds():
    JobCategory.objects.filter(code="design").update(name_en="")
    JobCategory.objects.filter(code="sales").update(name_ko="영업", name_en="")  # staff renamed it
    JobCategory.objects.filter(code="office").update(name_en="Office work")  # staff wrote it
    IntakeWindow.objects.filter(program__code="seoul-allowance").update(label_en=None)

    changes = catalogue_load()

    assert changes == {"English texts": 2}
    names = dict(JobCategory.objects.values_list("code", "name_en"))
    assert names["design"] == "Design"
    assert names["sales"] == ""
    assert names["office"] == "Office work"
    assert IntakeWindow.objects.get(program__code="seoul-allowance").label_en == "2024"
    assert not catalogue_load()


def test_a_rule_label_has_its_english_in_english_reasons():
    rule = EligibilityRule.objects.get(program__code="seoul-project-it", kind="course_completion")
    assert rule.params["label_en"] == "IT job training (digital marketing, backend development)"
    reason = {"code": "course_completion.fail", "params": dict(rule.params)}
    with translation.override("en"):
        assert "IT job training (digital marketing" in reasons.render(reason)
    with translation.override("ko"):
        assert "IT 직무교육(디지털마케팅·백엔드개발)을 수료한 분만" in reasons.render(reason)


def test_admin_edits_the_korean_and_the_english_side_by_side(staff_client):
    program = Program.objects.get(code="seoul-allowance")
    page = staff_client.get(reverse("admin:womenup_program_change", args=[program.pk]))
    html = page.content.decode()
    for field in ("name_ko", "name_en", "summary_ko", "summary_en", "key_facts_en"):
        assert f'name="{field}"' in html, field
    assert 'name="name"' not in html
    assert 'name="intakes-0-label_en"' in html


def test_admin_refuses_english_key_facts_naming_a_figure_the_programme_lacks(staff_client):
    program = Program.objects.get(code="seoul-allowance")
    url = reverse("admin:womenup_program_change", args=[program.pk])
    page = staff_client.get(url)
    form = page.context["adminform"].form
    data = {
        name: form[name].value() if not isinstance(form[name].value(), (list, dict)) else ""
        for name in form.fields
    }
    data.update(
        name_ko=program.name_ko,
        name_en=program.name_en,
        summary_ko=program.summary_ko,
        summary_en="KRW {amount_krw} for {weeks} weeks",
        key_facts_ko='["월 {amount_krw}원"]',
        key_facts_en='["KRW {amount_krw}"]',
        figures='{"amount_krw": 300000, "months": 3}',
        **{"intakes-TOTAL_FORMS": "0", "intakes-INITIAL_FORMS": "0"},
        **{"rules-TOTAL_FORMS": "0", "rules-INITIAL_FORMS": "0"},
    )
    data = {key: value for key, value in data.items() if value is not None}
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "weeks" in response.content.decode()
    program.refresh_from_db()
    assert program.summary_en != "KRW {amount_krw} for {weeks} weeks"
