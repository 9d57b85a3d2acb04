"""An onboarding checklist: ordered steps, each done or not, and the one next action.

The applicant dashboard (``applicants/onboarding.py``) and the company dashboard
(``companies/onboarding.py``) build one from their data and render it with
``templates/includes/checklist.html`` (an ordered list, ``aria-current="step"`` on the step to
do now and a progress bar with its figures in text).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChecklistStep:
    key: str
    label: str
    done: bool
    text: str = ""  # what to do now, shown when this is the current step
    url: str = ""
    action: str = ""  # the link's text


@dataclass(frozen=True)
class Checklist:
    title: str
    steps: tuple[ChecklistStep, ...]

    @property
    def current(self) -> ChecklistStep | None:
        """The first step not done yet (steps follow one another), or None when all are."""
        return next((step for step in self.steps if not step.done), None)

    @property
    def done_count(self) -> int:
        return sum(step.done for step in self.steps)

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def complete(self) -> bool:
        return self.current is None
