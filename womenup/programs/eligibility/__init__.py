"""Eligibility of applicants for programmes: the evaluator (no Django) and its reasons.

``core`` (outcomes, rule kinds, facts, reasons as data), ``params`` (each kind's typed params),
``rules`` (each kind's check, the evaluator) and ``judge`` (facts → verdicts, the one entry
point screening and the self-check share) import no Django; ``reasons`` renders a reason in
the reader's language and is imported on its own where reasons are shown.
"""

from womenup.programs.eligibility.core import (
    COMPANY_RULE_KINDS,
    EMPLOYMENT_STATUSES,
    GENDERS,
    CompanyFacts,
    Facts,
    Outcome,
    Period,
    Reason,
    RuleKind,
    age_on,
    combine_outcomes,
)
from womenup.programs.eligibility.judge import FACTS_READ_BY_KIND, Judge, judges_for
from womenup.programs.eligibility.rules import (
    DAYS_PER_MONTH,
    MAX_BREAK_DAYS_BETWEEN_STAGES,
    Rule,
    RuleResult,
    Verdict,
    evaluate,
    evaluate_rule,
    for_stage,
)

__all__ = [
    "COMPANY_RULE_KINDS",
    "DAYS_PER_MONTH",
    "EMPLOYMENT_STATUSES",
    "FACTS_READ_BY_KIND",
    "GENDERS",
    "CompanyFacts",
    "Judge",
    "MAX_BREAK_DAYS_BETWEEN_STAGES",
    "Facts",
    "Outcome",
    "Period",
    "Reason",
    "Rule",
    "RuleKind",
    "RuleResult",
    "Verdict",
    "age_on",
    "combine_outcomes",
    "evaluate",
    "evaluate_rule",
    "judges_for",
    "for_stage",
]
