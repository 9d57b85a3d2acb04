"""What comes next, for each of an applicant's applications: one sentence and one action.

``next_step(obj)`` is the one function the dashboard, the application pages and the tests ask.
It dispatches on the model of ``obj`` to the builder its app registered with
:func:`register_next_step` in ``AppConfig.ready()`` (applicants: the allowance; courses: course
enrollments; matching: internship applications), since this app may not import them. Each
builder reads only what its app's dashboard selector already fetched (no query of its own) and
covers every status of its models: a status without a sentence raises, and the tests walk every
status value so a new one is noticed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class NextStep:
    text: str
    url: str = ""
    action: str = ""  # the link's text
    urgent: bool = False  # she has to do something now (answer, fix, submit)
    applied: bool = True  # a submitted application that is still live (onboarding's last step)


NextStepBuilder = Callable[[object], NextStep]
_BUILDERS: dict[str, NextStepBuilder] = {}


def register_next_step(model_label: str, builder: NextStepBuilder) -> None:
    """``builder(obj) -> NextStep`` for rows of the model ``"app_label.ModelName"``."""
    _BUILDERS[model_label] = builder


def next_step(obj) -> NextStep:
    label = obj._meta.label
    try:
        builder = _BUILDERS[label]
    except KeyError:
        raise LookupError(f"No next-step builder registered for {label}") from None
    return builder(obj)


def most_urgent(steps: list[NextStep]) -> NextStep | None:
    """The step to show first: the first one she has to act on, else the first live one."""
    return next((step for step in steps if step.urgent), None) or next(
        (step for step in steps if step.applied), None
    )
