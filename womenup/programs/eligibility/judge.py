"""Facts → verdicts for a programme's rules: the one function screening and the self-check call.

The weekly batch screens many applicants with a :class:`Judge` per programme, and the public
self-check (``matching/self_check.py``) asks the same judges about one visitor, so a visitor is
never told one thing before sign-up and another by the batch. No Django here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TypeVar

from womenup.programs.eligibility.core import Facts, RuleKind
from womenup.programs.eligibility.rules import Rule, Verdict, evaluate

FACTS_READ_BY_KIND = {
    RuleKind.RESIDENCY: ("residence_city",),
    RuleKind.GENDER: ("gender",),
    RuleKind.EMPLOYMENT_STATUS: ("employment_status",),
    RuleKind.AGE_RANGE: ("birth_date",),
    RuleKind.QUALIFICATION_ANY_OF: ("qualifications",),
    RuleKind.COURSE_COMPLETION: ("completed_courses",),
    RuleKind.PRE_TRAINING: ("completed_pre_trainings",),
    RuleKind.DOCUMENTS: ("documents",),
    RuleKind.NOT_EMPLOYED_RECENTLY: (
        "employment_status",
        "last_employment_end",
        "employment_history_known",
    ),
    RuleKind.PARTICIPATION_LIMIT: ("participations", "participation_records"),
    RuleKind.NOT_PAST_PARTICIPANT: ("participation_records",),
}
"""Which facts each rule kind reads; a kind missing here turns the judge's memory off."""


class Judge:
    """``evaluate`` for one programme's rules, remembered per combination of the facts they read.

    Many applicants share the facts a programme's rules look at (city, gender, status, which
    qualifications and documents), so the batch evaluates each combination once. The verdict is
    the evaluator's own: the memory never answers for facts that differ in anything a rule reads.
    """

    def __init__(self, rules: list[Rule], *, on: date):
        self.rules = rules
        self.on = on
        read = [FACTS_READ_BY_KIND.get(rule.kind) for rule in rules]
        self.fields = None if None in read else sorted({name for names in read for name in names})
        self.verdicts: dict[tuple, Verdict] = {}

    def verdict(self, facts: Facts) -> Verdict:
        if self.fields is None:
            return evaluate(self.rules, facts, on=self.on)
        key = tuple(getattr(facts, name) for name in self.fields)
        found = self.verdicts.get(key)
        if found is None:
            found = self.verdicts[key] = evaluate(self.rules, facts, on=self.on)
        return found


Key = TypeVar("Key")


def judges_for(rules_by_programme: Mapping[Key, list[Rule]], *, on: date) -> dict[Key, Judge]:
    """One judge per programme (keyed as ``rules_by_programme`` is), all judging on ``on``."""
    return {key: Judge(rules, on=on) for key, rules in rules_by_programme.items()}
