"""Reads of the shared kernel: the program catalogue, rules, regions and wage rates."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils.translation import gettext as _

from womenup.models import EligibilityRule, IntakeWindow, LivingWageRate, Program
from womenup.programs.eligibility import Rule, RuleKind


def programs_for_menu() -> QuerySet[Program]:
    return (
        Program.objects.filter(is_active=True)
        .select_related("city")
        .only("code", "name", "city__name", "city__code", "order")
    )


def programs_for_home() -> QuerySet[Program]:
    return (
        Program.objects.filter(is_active=True)
        .select_related("city")
        .prefetch_related(Prefetch("intakes", queryset=IntakeWindow.objects.order_by("opens_on")))
    )


def programs_open_on(day: date) -> QuerySet[Program]:
    """Active programmes taking applications on ``day``: one of their intakes is open."""
    open_intakes = IntakeWindow.objects.filter(
        program=OuterRef("pk"), opens_on__lte=day, closes_on__gte=day
    )
    return (
        Program.objects.filter(is_active=True)
        .filter(Exists(open_intakes))
        .select_related("city")
        .order_by("city__code", "order", "pk")
    )


def program_by_code(code: str) -> Program:
    return Program.objects.select_related("city").get(code=code, is_active=True)


def program_rules(program: Program) -> list[Rule]:
    """The program's active rule rows as evaluator rules, in their order."""
    rows = EligibilityRule.objects.filter(program=program, is_active=True).order_by("order", "pk")
    return [Rule(kind=RuleKind(row.kind), params=row.params) for row in rows]


def rules_by_program(program_ids) -> dict[int, list[Rule]]:
    """Active rules of many programs in one query (for bulk screening)."""
    rules: dict[int, list[Rule]] = {pk: [] for pk in program_ids}
    rows = EligibilityRule.objects.filter(program_id__in=rules.keys(), is_active=True)
    for row in rows.order_by("program_id", "order", "pk"):
        rules[row.program_id].append(Rule(kind=RuleKind(row.kind), params=row.params))
    return rules


def open_intake(program: Program, *, on: date) -> IntakeWindow | None:
    return program.intakes.filter(opens_on__lte=on, closes_on__gte=on).order_by("opens_on").first()


def living_wage_on(day: date) -> LivingWageRate:
    """The living-wage row in force on a day; a clear error when staff have not entered one."""
    rate = LivingWageRate.objects.filter(valid_from__lte=day).order_by("-valid_from").first()
    if rate is None:
        raise ValidationError(
            _(
                "%(day)s 에 적용할 생활임금이 등록되어 있지 않습니다. "
                "관리 화면에서 생활임금을 입력해 주세요."
            )
            % {"day": day}
        )
    return rate
