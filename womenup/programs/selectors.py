"""Reads of the shared kernel: the program catalogue, rules, regions and wage rates."""

from collections.abc import Iterable
from datetime import date

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from womenup.models import City, District, EligibilityRule, IntakeWindow, LivingWageRate, Program
from womenup.money import INCENTIVE_KRW, INTERNSHIP_MONTHS
from womenup.programs import figures
from womenup.programs.eligibility import COMPANY_RULE_KINDS, Rule, RuleKind

ROLE_PROGRAM_KINDS = (
    Program.Kind.INTERNSHIP,
    Program.Kind.PROJECT_INTERNSHIP,
    Program.Kind.PUBLIC_JOB,
    Program.Kind.YOUTH_INTERN,
)
"""Kinds of programme whose places are roles (posted by companies or by the city)."""


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


def running_program(kind: str) -> Program | None:
    """The first running programme of ``kind`` (by city, then order), or None."""
    programs = Program.objects.filter(kind=kind, is_active=True).select_related("city")
    return programs.order_by("city_id", "order", "pk").first()


def internship_months(program: Program) -> int:
    """How many months an internship of ``program`` lasts: its figure ``months`` (admin → 사업 →
    수치), three when staff left it out."""
    return int(program.figures.get("months", INTERNSHIP_MONTHS))


def longest_internship_months() -> int:
    """The longest internship of any role programme: how far back a contract may still run."""
    months = Program.objects.filter(kind__in=ROLE_PROGRAM_KINDS).values_list("figures", flat=True)
    return max([INTERNSHIP_MONTHS, *(int(f.get("months", 0)) for f in months)])


def incentive_amount_krw(city: City | None) -> int:
    """The employment incentive a company of ``city`` is paid for hiring its intern: the figure
    ``amount_krw`` of the city's running incentive programme (else any running one)."""
    programs = Program.objects.filter(kind=Program.Kind.INCENTIVE, is_active=True)
    program = (
        programs.filter(city=city).order_by("order", "pk").first()
        or programs.order_by("city_id", "order", "pk").first()
    )
    if program is None:
        return INCENTIVE_KRW
    return int(program.figures.get("amount_krw", INCENTIVE_KRW))


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


def _applicant_rule_rows() -> QuerySet[EligibilityRule]:
    return EligibilityRule.objects.filter(is_active=True).exclude(kind__in=COMPANY_RULE_KINDS)


def program_rules(program: Program) -> list[Rule]:
    """The program's active applicant rules as evaluator rules, in their order."""
    rows = _applicant_rule_rows().filter(program=program).order_by("order", "pk")
    return [Rule(kind=RuleKind(row.kind), params=row.params) for row in rows]


def rules_by_program(program_ids) -> dict[int, list[Rule]]:
    """Active applicant rules of many programs in one query (for bulk screening)."""
    rules: dict[int, list[Rule]] = {pk: [] for pk in program_ids}
    rows = _applicant_rule_rows().filter(program_id__in=rules.keys())
    for row in rows.order_by("program_id", "order", "pk"):
        rules[row.program_id].append(Rule(kind=RuleKind(row.kind), params=row.params))
    return rules


def company_rules_by_program() -> dict[Program, list[Rule]]:
    """Every running programme that has company rules, with them in order (one query)."""
    rows = (
        EligibilityRule.objects.filter(
            is_active=True, kind__in=COMPANY_RULE_KINDS, program__is_active=True
        )
        .select_related("program__city")
        .order_by("program__city_id", "program__order", "program_id", "order", "pk")
    )
    rules: dict[Program, list[Rule]] = {}
    for row in rows:
        rules.setdefault(row.program, []).append(Rule(kind=RuleKind(row.kind), params=row.params))
    return rules


# --- Cities and districts -----------------------------------------------------------------------

CITY_NAMES_CACHE_KEY = "womenup:city-names"


def city_label(code: str, *, short: bool) -> str | None:
    """A city's name in the active language, from the City rows (cached; None when unknown)."""
    names = cache.get(CITY_NAMES_CACHE_KEY)
    if names is None or code not in names:
        names = {
            city.code: {
                language: (city.label(language=language, short=False),
                           city.label(language=language, short=True))
                for language in ("ko", "en")
            }
            for city in City.objects.all()
        }  # fmt: skip
        cache.set(CITY_NAMES_CACHE_KEY, names, timeout=None)
    if code not in names:
        return None
    language = "en" if (translation.get_language() or "ko").startswith("en") else "ko"
    full, short_name = names[code][language]
    return short_name if short else full


def city_names_forget() -> None:
    """Drop the cached city names (after staff or the loader change a city)."""
    cache.delete(CITY_NAMES_CACHE_KEY)


def districts_of(city: City | None) -> QuerySet[District]:
    """The districts of one city; every city's when ``city`` is None."""
    districts = District.objects.select_related("city").order_by("city_id", "name")
    return districts if city is None else districts.filter(city=city)


def districts_for_places() -> QuerySet[District]:
    """Districts of the cities whose running programmes offer places (roles): where people work."""
    cities = Program.objects.filter(is_active=True, kind__in=ROLE_PROGRAM_KINDS).values("city_id")
    return (
        District.objects.filter(city_id__in=cities)
        .select_related("city")
        .order_by("city_id", "name")
    )


# --- Figures on public pages ---------------------------------------------------------------------


def programs_with_figures(programs: Iterable[Program], *, on: date) -> list[Program]:
    """The programmes with ``shown_summary`` and ``shown_facts``: their text with the figures of
    ``on`` filled in (``womenup.programs.figures``). Two queries at most, whatever the count."""
    programs = list(programs)
    rate = LivingWageRate.objects.filter(valid_from__lte=on).order_by("-valid_from").first()
    wage = {
        "hourly_krw": rate.hourly_krw if rate else None,
        "valid_from": rate.valid_from if rate else None,
    }
    known = {program.code: program.figures for program in programs}
    wanted = (
        figures.referenced_programs(
            text for program in programs for text in [program.summary, *program.key_facts]
        )
        - known.keys()
    )
    if wanted:
        known.update(Program.objects.filter(code__in=wanted).values_list("code", "figures"))
    others = {code: figures.figures_with_wage(values, **wage) for code, values in known.items()}
    for program in programs:
        own = others[program.code]
        summary = figures.fill(program.summary, own, others)
        program.shown_summary = summary if summary is not None else ""
        program.shown_facts = [
            line
            for line in (figures.fill(fact, own, others) for fact in program.key_facts)
            if line is not None
        ]
    return programs


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
