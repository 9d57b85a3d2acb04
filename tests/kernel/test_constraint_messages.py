"""Every database constraint a person can hit answers with a Korean sentence at its field."""

import re

import pytest
from django.apps import apps
from django.db import models
from django.db.models.expressions import F
from django.utils import translation

from womenup.constraints import ConstraintErrorsAtFields

OUR_APPS = {"womenup", "applicants", "courses", "companies", "matching"}
HANGUL = re.compile(r"[가-힣]")


def our_constraints():
    for model in apps.get_models():
        if model._meta.app_label in OUR_APPS:
            for constraint in model._meta.constraints:
                yield pytest.param(model, constraint, id=f"{model.__name__}.{constraint.name}")


def _referenced(node) -> set[str]:
    """The field names a Q condition refers to (left-hand lookups and F() values)."""
    names = set()
    if isinstance(node, models.Q):
        for child in node.children:
            names |= _referenced(child)
    elif isinstance(node, tuple):
        lookup, value = node
        names.add(lookup.split("__")[0])
        names |= _referenced(value)
    elif isinstance(node, F):
        names.add(node.name.split("__")[0])
    return names


def test_the_walk_sees_the_constraints():
    assert len(list(our_constraints())) >= 45


@pytest.mark.parametrize(("model", "constraint"), list(our_constraints()))
def test_each_constraint_has_a_human_message_in_korean_and_english(model, constraint):
    message = constraint.violation_error_message
    assert message and message != constraint.default_violation_error_message
    with translation.override("ko"):
        korean = str(constraint.get_violation_error_message())
    assert HANGUL.search(korean), korean
    assert constraint.name not in korean
    assert "위반" not in korean
    with translation.override("en"):
        english = str(constraint.get_violation_error_message())
    assert not HANGUL.search(english), f"no English msgstr for {korean!r}"


@pytest.mark.parametrize(("model", "constraint"), list(our_constraints()))
def test_each_constraint_names_the_field_to_correct(model, constraint):
    """The code names one of the fields the constraint reads, so a form shows it there."""
    assert issubclass(model, ConstraintErrorsAtFields)
    read = set(getattr(constraint, "fields", ()) or ()) | _referenced(constraint.condition)
    assert constraint.violation_error_code in read, (constraint.violation_error_code, read)
    model._meta.get_field(constraint.violation_error_code)
