"""Writes of the programme catalogue: loading the seed catalogue (``manage.py load_programs``)."""

from collections import Counter
from datetime import date
from types import ModuleType

from django.db import transaction

from womenup.models import (
    City,
    District,
    EligibilityRule,
    IntakeWindow,
    JobCategory,
    LivingWageRate,
    MatchingMode,
    Program,
)
from womenup.programs import catalogue as seed_catalogue
from womenup.programs.eligibility import Rule, RuleKind
from womenup.programs.selectors import city_names_forget

CITY_NAME_FIELDS = ("name", "short_name", "name_en", "short_name_en")


@transaction.atomic
def catalogue_load(*, catalogue: ModuleType = seed_catalogue) -> Counter:
    """Create what the catalogue has and the database lacks; never overwrite a row.

    A city gets its missing (blank) names; a programme that exists keeps its name, texts,
    intakes and rules as staff left them, and only gains figures it has no value for and rules
    of a kind it has fewer of than the catalogue (a rule staff switched off stays off). Running
    it twice changes nothing. Returns how many rows of each kind were created or filled in.
    """
    changes: Counter = Counter()
    cities = {data["code"]: _city_load(data, changes) for data in catalogue.CITIES}
    for order, (code, name) in enumerate(catalogue.JOB_CATEGORIES):
        _, created = JobCategory.objects.get_or_create(
            code=code, defaults={"name": name, "order": order}
        )
        changes["job categories"] += created
    for order, data in enumerate(catalogue.PROGRAMS):
        _program_load(data, order=order, city=cities[data["city"]], changes=changes)
    for valid_from, hourly in catalogue.LIVING_WAGE_RATES:
        _, created = LivingWageRate.objects.get_or_create(
            valid_from=date.fromisoformat(valid_from), defaults={"hourly_krw": hourly}
        )
        changes["living wage rates"] += created
    if changes["cities"]:
        transaction.on_commit(city_names_forget)
    return +changes


def _city_load(data: dict, changes: Counter) -> City:
    names = {field: data.get(field, "") for field in CITY_NAME_FIELDS}
    city, created = City.objects.get_or_create(code=data["code"], defaults=names)
    blank = [field for field in CITY_NAME_FIELDS if not getattr(city, field) and names[field]]
    if blank and not created:
        for field in blank:
            setattr(city, field, names[field])
        city.save(update_fields=blank)
    changes["cities"] += created or bool(blank)
    for code, name in data["districts"]:
        _, created = District.objects.get_or_create(city=city, code=code, defaults={"name": name})
        changes["districts"] += created
    return city


def _program_load(data: dict, *, order: int, city: City, changes: Counter) -> None:
    for rule in data["rules"]:
        Rule(kind=RuleKind(rule["kind"]), params=rule["params"])  # refuse bad seed data early
    program, created = Program.objects.get_or_create(
        code=data["code"],
        defaults={
            "city": city,
            "kind": data["kind"],
            "name": data["name"],
            "summary": data["summary"],
            "key_facts": data["key_facts"],
            "figures": data.get("figures", {}),
            "order": order,
            "matching_mode": data.get("matching_mode", MatchingMode.INTERVIEW),
            "reserved_seat_percent": data.get("reserved_seat_percent", 0),
            "priority_groups": data.get("priority_groups", []),
        },
    )
    changes["programmes"] += created
    if created:
        for label, opens_on, closes_on in data["intakes"]:
            IntakeWindow.objects.create(
                program=program,
                label=label,
                opens_on=date.fromisoformat(opens_on),
                closes_on=date.fromisoformat(closes_on),
            )
            changes["intakes"] += 1
        for label, opens_on, closes_on, starts_on, ends_on in data.get("stages", []):
            IntakeWindow.objects.create(
                program=program,
                label=label,
                opens_on=date.fromisoformat(opens_on),
                closes_on=date.fromisoformat(closes_on),
                stage_starts_on=date.fromisoformat(starts_on),
                stage_ends_on=date.fromisoformat(ends_on),
            )
            changes["intakes"] += 1
    missing_figures = {
        name: value for name, value in data.get("figures", {}).items()
        if name not in program.figures
    }  # fmt: skip
    if missing_figures:
        program.figures = {**program.figures, **missing_figures}
        program.save(update_fields=["figures"])
        changes["programme figures"] += 1
    _rules_load(program, data["rules"], changes)


def _rules_load(program: Program, rules: list[dict], changes: Counter) -> None:
    have = Counter(program.rules.values_list("kind", flat=True))
    wanted: Counter = Counter()
    for order, rule in enumerate(rules):
        wanted[rule["kind"]] += 1
        if wanted[rule["kind"]] <= have[rule["kind"]]:
            continue
        EligibilityRule.objects.create(
            program=program,
            kind=rule["kind"],
            params=rule["params"],
            order=order,
            is_active=rule.get("is_active", True),
            note=rule.get("note", ""),
        )
        changes["rules"] += 1
