"""Writes of the programme catalogue: loading the seed catalogue (``manage.py load_programs``)."""

from collections import Counter
from datetime import date
from types import ModuleType

from django.conf import settings
from django.db import models, transaction
from django.utils import translation

from womenup.cache import DATA_VERSIONS, data_version_bump
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
PROGRAM_TEXT_FIELDS = ("name", "summary", "key_facts")


@transaction.atomic
def catalogue_load(*, catalogue: ModuleType = seed_catalogue) -> Counter:
    """Create what the catalogue has and the database lacks; never overwrite a row.

    A city gets its missing (blank) names; a programme that exists keeps its name, texts,
    intakes and rules as staff left them, and only gains figures it has no value for and rules
    of a kind it has fewer of than the catalogue (a rule staff switched off stays off). An empty
    English text (``<field>_en``) of a programme, intake, rule, job category or district is
    filled from the catalogue while its Korean text is still the catalogue's, so an English text
    staff wrote, or one for a Korean text staff changed, is never replaced. Running it twice
    changes nothing. Returns how many rows of each kind were created or filled in.
    """
    changes: Counter = Counter()
    with translation.override(settings.LANGUAGE_CODE):  # ``name`` is the Korean column
        cities = {data["code"]: _city_load(data, changes) for data in catalogue.CITIES}
        for order, (code, name, name_en) in enumerate(catalogue.JOB_CATEGORIES):
            category, created = JobCategory.objects.get_or_create(
                code=code, defaults={"name": name, "name_en": name_en, "order": order}
            )
            changes["job categories"] += created
            changes["English texts"] += english_texts_fill(
                row=category, texts={"name": (name, name_en)}
            )
        for order, data in enumerate(catalogue.PROGRAMS):
            _program_load(data, order=order, city=cities[data["city"]], changes=changes)
        for valid_from, hourly in catalogue.LIVING_WAGE_RATES:
            _, created = LivingWageRate.objects.get_or_create(
                valid_from=date.fromisoformat(valid_from), defaults={"hourly_krw": hourly}
            )
            changes["living wage rates"] += created
    if changes["cities"]:
        transaction.on_commit(city_names_forget)
    if changes:
        data_version_bump(*DATA_VERSIONS)
    return +changes


def english_texts_fill(*, row: models.Model, texts: dict[str, tuple]) -> bool:
    """Fill ``row``'s empty English fields from ``texts`` (field: (Korean, English)) where the
    Korean field still holds the given Korean; True when something was filled in.

    For rows of translated models (``womenup/translation.py``) loaded from seed or demo data:
    an English text staff wrote, or one whose Korean staff changed, is left as it is.
    """
    filled = [
        f"{field}_en"
        for field, (korean, english) in texts.items()
        if english and not getattr(row, f"{field}_en") and getattr(row, f"{field}_ko") == korean
    ]
    for name in filled:
        setattr(row, name, texts[name.removesuffix("_en")][1])
    if filled:
        row.save(update_fields=filled)
    return bool(filled)


def _city_load(data: dict, changes: Counter) -> City:
    names = {field: data.get(field, "") for field in CITY_NAME_FIELDS}
    city, created = City.objects.get_or_create(code=data["code"], defaults=names)
    blank = [field for field in CITY_NAME_FIELDS if not getattr(city, field) and names[field]]
    if blank and not created:
        for field in blank:
            setattr(city, field, names[field])
        city.save(update_fields=blank)
    changes["cities"] += created or bool(blank)
    for code, name, name_en in data["districts"]:
        district, created = District.objects.get_or_create(
            city=city, code=code, defaults={"name": name, "name_en": name_en}
        )
        changes["districts"] += created
        changes["English texts"] += english_texts_fill(
            row=district, texts={"name": (name, name_en)}
        )
    return city


def _program_load(data: dict, *, order: int, city: City, changes: Counter) -> None:
    for rule in data["rules"]:
        Rule(kind=RuleKind(rule["kind"]), params=rule["params"])  # refuse bad seed data early
    texts = {field: (data[field], data.get(f"{field}_en")) for field in PROGRAM_TEXT_FIELDS}
    program, created = Program.objects.get_or_create(
        code=data["code"],
        defaults={
            "city": city,
            "kind": data["kind"],
            **{field: korean for field, (korean, _english) in texts.items()},
            **{f"{field}_en": english for field, (_korean, english) in texts.items() if english},
            "figures": data.get("figures", {}),
            "order": order,
            "matching_mode": data.get("matching_mode", MatchingMode.INTERVIEW),
            "reserved_seat_percent": data.get("reserved_seat_percent", 0),
            "priority_groups": data.get("priority_groups", []),
        },
    )
    changes["programmes"] += created
    changes["English texts"] += english_texts_fill(row=program, texts=texts)
    if created:
        for label, label_en, opens_on, closes_on in data["intakes"]:
            IntakeWindow.objects.create(
                program=program,
                label=label,
                label_en=label_en,
                opens_on=date.fromisoformat(opens_on),
                closes_on=date.fromisoformat(closes_on),
            )
            changes["intakes"] += 1
        for label, label_en, opens_on, closes_on, starts_on, ends_on in data.get("stages", []):
            IntakeWindow.objects.create(
                program=program,
                label=label,
                label_en=label_en,
                opens_on=date.fromisoformat(opens_on),
                closes_on=date.fromisoformat(closes_on),
                stage_starts_on=date.fromisoformat(starts_on),
                stage_ends_on=date.fromisoformat(ends_on),
            )
            changes["intakes"] += 1
    else:
        seed_labels = {
            label: label_en
            for label, label_en, *_dates in [*data["intakes"], *data.get("stages", [])]
        }
        for intake in program.intakes.all():
            if intake.label_ko in seed_labels:
                label = (intake.label_ko, seed_labels[intake.label_ko])
                changes["English texts"] += english_texts_fill(row=intake, texts={"label": label})
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
    notes = {rule["note"]: rule["note_en"] for rule in rules if rule.get("note_en")}
    labels = {
        rule["params"]["label"]: rule["params"]["label_en"]
        for rule in rules
        if rule["params"].get("label_en")
    }
    for rule in program.rules.all():
        if rule.note_ko in notes:
            note = (rule.note_ko, notes[rule.note_ko])
            changes["English texts"] += english_texts_fill(row=rule, texts={"note": note})
        if rule.params.get("label") in labels and not rule.params.get("label_en"):
            rule.params = {**rule.params, "label_en": labels[rule.params["label"]]}
            rule.save(update_fields=["params"])
            changes["English texts"] += 1
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
            note_en=rule.get("note_en", ""),
        )
        changes["rules"] += 1
