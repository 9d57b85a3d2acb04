"""Admin names every model and field in the reader's language: each verbose name of our apps is a
Korean msgid with an English translation, and nothing Django shows in English is Korean."""

import re

import pytest
from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.utils import translation
from django.utils.functional import Promise

HANGUL = re.compile(r"[\uac00-\ud7a3]")
OUR_APPS = ("womenup", "applicants", "companies", "courses", "matching")


def labels(model) -> dict[str, object]:
    """The model's names and its fields' names, by where they are shown."""
    found = {
        f"{model.__name__}.verbose_name": model._meta.original_attrs.get(
            "verbose_name", model._meta.verbose_name
        ),
        f"{model.__name__}.verbose_name_plural": model._meta.original_attrs.get(
            "verbose_name_plural", model._meta.verbose_name_plural
        ),
    }
    for field in model._meta.get_fields(include_hidden=False):
        if field.auto_created and not field.concrete or isinstance(field, models.AutoField):
            continue
        if isinstance(field, GenericForeignKey) or field.name == "id":
            continue
        if getattr(field, "verbose_name", None) is None:
            continue
        found[f"{model.__name__}.{field.name}"] = field.verbose_name
    return found


def our_labels():
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS or model._meta.auto_created:
            continue
        historical = model.__name__.startswith("Historical")
        for where, label in labels(model).items():
            field = where.partition(".")[2]
            if historical and field.startswith("history_"):
                continue  # django-simple-history's own fields, translated by it
            declared = (
                model._meta.get_field(field).model
                if field not in ("verbose_name", "verbose_name_plural")
                else model
            )
            if declared._meta.app_label not in OUR_APPS:
                continue  # a field of a third-party model we only proxy (allauth's)
            yield where, label


def test_every_label_of_our_models_is_a_korean_msgid_with_english():
    problems = []
    for where, label in our_labels():
        if not isinstance(label, Promise):
            problems.append(f"{where}: {label!r} is not marked for translation")
            continue
        with translation.override("ko"):
            korean = str(label)
        with translation.override("en"):
            english = str(label)
        if not HANGUL.search(korean):
            problems.append(f"{where}: the msgid {korean!r} is not Korean")
        elif HANGUL.search(english) or english == korean:
            problems.append(f"{where}: {korean!r} has no English msgstr ({english!r})")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("app", [config.label for config in apps.get_app_configs()])
def test_no_model_or_field_of_any_app_is_named_in_korean_in_english(app):
    problems = []
    with translation.override("en"):
        if HANGUL.search(str(apps.get_app_config(app).verbose_name)):
            problems.append(f"app {app}: {apps.get_app_config(app).verbose_name}")
        for model in apps.get_app_config(app).get_models():
            for where, label in labels(model).items():
                if HANGUL.search(str(label)):
                    problems.append(f"{where}: {label}")
    assert not problems, "\n".join(problems)
