"""What a page in English may still show in Korean: only what people typed.

Shared by the test-client walk (``tests/kernel/test_english_pages.py``) and the browser check
(``tests/e2e/test_english.py``).
"""

import html
import io
import re

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import models
from django_celery_beat.models import PeriodicTask
from modeltranslation.translator import translator

from womenup.models import City
from womenup.programs.services import catalogue_load

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+")
OUR_APPS = ("womenup", "applicants", "companies", "courses", "matching")
LANGUAGE_SWITCH = "한국어"
"""The language switch names Korean in Korean, as every site names its languages."""


def seeded_and_demo_data() -> None:
    """The seed catalogue with its English texts and the demo data of every app."""
    catalogue_load()
    call_command("load_demo", stdout=io.StringIO())


def typed_values() -> list[str]:
    """Every text stored in our apps' rows that a person typed (names, role titles, company
    names, notes, motivations, messages kept in their recipient's language) — all text columns
    without choices, except the catalogue's translated ones, which must show in English."""
    values: set[str] = set()
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        if model is City:
            continue  # the catalogue's cities: their English names are City.name_en
        translated = set()
        if model in translator.get_registered_models():
            options = translator.get_options_for_model(model)
            translated = set(options.all_fields) | {
                field.name for fields in options.all_fields.values() for field in fields
            }
        names = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField))
            and not field.choices
            and field.name not in translated
        ]
        for row in model._default_manager.values_list(*names) if names else ():
            values.update(str(v) for v in row if v and HANGUL.search(str(v)))
    # Rows staff name and may rename in admin: staff groups and scheduled tasks.
    values.update(Group.objects.values_list("name", flat=True))
    values.update(PeriodicTask.objects.values_list("name", flat=True))
    return sorted(values, key=len, reverse=True)


def visible_text(content: str) -> str:
    """The text a reader sees or hears: text nodes, and the alt, title, aria-label and
    placeholder attributes (not what a form's text areas hold: that is data being edited)."""
    content = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", content, flags=re.S | re.I)
    content = re.sub(r"(<textarea[^>]*>).*?(</textarea>)", r"\1\2", content, flags=re.S | re.I)
    spoken = re.findall(r'\s(?:alt|title|aria-label|placeholder)="([^"]*)"', content)
    text = re.sub(r"<[^>]+>", " ", content)
    return html.unescape(re.sub(r"\s+", " ", " ".join([text, *spoken])))


def korean_left(content: str, allowed: list[str]) -> list[str]:
    """The Korean words left on a page once what people typed is taken out, each with the text
    around it."""
    text = visible_text(content)
    for value in [*allowed, LANGUAGE_SWITCH]:
        text = text.replace(html.unescape(value), " ")
        text = text.replace(re.sub(r"\s+", " ", value).strip(), " ")
    found: dict[str, str] = {}
    for match in HANGUL.finditer(text):
        found.setdefault(match.group(), text[max(0, match.start() - 40) : match.end() + 40])
    return sorted({context.strip() for context in found.values()})
