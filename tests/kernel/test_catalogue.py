"""The seed catalogue: ``load_programs`` creates what is missing, never overwrites, and running
it twice changes nothing; the seeding migration holds its own frozen data."""

import ast
import hashlib
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from womenup.models import (
    City,
    District,
    EligibilityRule,
    IntakeWindow,
    JobCategory,
    LivingWageRate,
    Program,
)
from womenup.programs import catalogue
from womenup.programs.eligibility import Facts, Outcome, evaluate
from womenup.programs.selectors import program_rules
from womenup.programs.services import catalogue_load

pytestmark = pytest.mark.django_db

MIGRATIONS = Path(__file__).resolve().parents[2] / "womenup" / "migrations"
CATALOGUE_TABLES = [
    City,
    District,
    JobCategory,
    Program,
    IntakeWindow,
    EligibilityRule,
    LivingWageRate,
]


def fingerprint() -> str:
    """An md5 of every row of the catalogue's tables."""
    digest = hashlib.md5()
    with connection.cursor() as cursor:
        for model in CATALOGUE_TABLES:
            cursor.execute(
                f"SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM {model._meta.db_table} t"
            )  # noqa: E501
            digest.update(str(cursor.fetchone()[0]).encode())
    return digest.hexdigest()


def catalogue_as_data() -> list:
    """What the catalogue says, without database ids: to compare two ways of loading it."""
    return [
        (
            program.code,
            program.city.code,
            program.kind,
            program.name,
            program.summary,
            program.key_facts,
            program.figures,
            sorted(
                (rule.kind, rule.order, str(rule.params), rule.is_active, rule.note)
                for rule in program.rules.all()
            ),
            sorted((i.label, i.opens_on, i.closes_on) for i in program.intakes.all()),
        )
        for program in Program.objects.select_related("city").order_by("code")
    ] + [
        (city.code, city.name, city.short_name, city.name_en, city.short_name_en,
         sorted(city.districts.values_list("code", "name")))
        for city in City.objects.order_by("code")
    ]  # fmt: skip


def empty_the_catalogue() -> None:
    for model in [EligibilityRule, IntakeWindow, Program, District, City, JobCategory]:
        model.objects.all().delete()
    LivingWageRate.objects.all().delete()


def test_on_the_migrated_database_load_programs_changes_nothing(capsys):
    before = fingerprint()
    call_command("load_programs")
    call_command("load_programs")
    assert fingerprint() == before
    assert "바꾼 것이 없습니다" in capsys.readouterr().out


def test_on_an_empty_database_it_loads_what_the_migrations_seed_and_twice_changes_nothing():
    migrated = catalogue_as_data()
    empty_the_catalogue()

    changes = catalogue_load()

    assert changes["programmes"] == len(catalogue.PROGRAMS)
    assert changes["cities"] == len(catalogue.CITIES)
    assert changes["districts"] == sum(len(city["districts"]) for city in catalogue.CITIES)
    assert catalogue_as_data() == migrated
    loaded = fingerprint()
    assert not catalogue_load()
    assert fingerprint() == loaded


def test_staff_edits_are_never_overwritten():
    program = Program.objects.get(code="gm-0123-jobs")
    program.name = "광명 0123 행복일자리 (하반기)"
    program.summary = "공공사업 {projects}개"
    program.figures = {**program.figures, "seats": 160}
    program.save()
    rule = program.rules.get(kind="participation_limit")
    rule.params = {**rule.params, "max_consecutive_stages": 3}
    rule.save()
    switched_off = program.rules.get(kind="residency")
    switched_off.is_active = False
    switched_off.save()
    City.objects.filter(code="seoul").update(short_name="서울")
    edited = fingerprint()

    assert not catalogue_load()

    assert fingerprint() == edited
    program.refresh_from_db()
    assert program.figures["seats"] == 160


def test_what_is_missing_is_added_without_touching_the_rest():
    program = Program.objects.get(code="seoul-internship")
    program.rules.filter(kind="company_min_employees").delete()
    program.figures = {"months": 6}  # staff changed one and deleted the others
    program.save()

    changes = catalogue_load()

    assert changes == {"rules": 1, "programme figures": 1}
    program.refresh_from_db()
    assert program.rules.get(kind="company_min_employees").params == {"min": 5}
    assert program.figures == {
        "months": 6, "weekly_hours": 40, "flexible_hours_min": 30, "flexible_hours_max": 35
    }  # fmt: skip


def test_the_seeding_migrations_import_nothing_live():
    for name in ["0002_seed_catalogue.py", "0016_cities_as_data.py"]:
        tree = ast.parse((MIGRATIONS / name).read_text(encoding="utf-8"))
        imported = {
            node.module if isinstance(node, ast.ImportFrom) else alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        assert imported <= {"datetime", "django.db"}, (name, imported)


def test_make_run_loads_the_catalogue_before_the_demo():
    makefile = (MIGRATIONS.parents[1] / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert run.index("load_programs") < run.index("load_demo")


# --- Age and residency of the seeded programmes ---------------------------------------------


@pytest.mark.parametrize(
    ("code", "minimum", "maximum"),
    [("gm-youth-intern", 19, 34), ("gm-1969-jobs", 19, 69), ("gm-5060", 50, 69)],
)
def test_gwangmyeong_age_ranges_and_residency_are_rule_rows(code, minimum, maximum):
    rules = program_rules(Program.objects.get(code=code))
    kinds = {rule.kind: rule.params for rule in rules}
    assert kinds["residency"] == {"city": "gwangmyeong"}
    assert (kinds["age_range"]["min"], kinds["age_range"]["max"]) == (minimum, maximum)


def test_age_is_judged_on_the_programmes_reference_date_when_staff_set_one():
    program = Program.objects.get(code="gm-youth-intern")
    program.rules.filter(kind="age_range").update(
        params={"min": 19, "max": 34, "reference_date": "2025-02-03"}
    )
    resident = Facts(
        residence_city="gwangmyeong",
        employment_status="unemployed",
        birth_date=date(1990, 2, 3),
        participation_records=(),
    )  # 35 on her birthday, 2025-02-03: too old on the reference date
    later = date(2025, 3, 3)
    verdict = evaluate(program_rules(program), resident, on=later)
    assert verdict.outcome is Outcome.FAIL
    assert [reason.as_json() for reason in verdict.reasons] == [
        {
            "code": "age_range.fail",
            "params": {"min": 19, "max": 34, "reference_date": "2025-02-03", "age": 35},
        }
    ]
    younger = Facts(
        residence_city="gwangmyeong",
        employment_status="unemployed",
        birth_date=date(1990, 2, 4),
        participation_records=(),
    )  # still 34 on the reference date, though 35 by the screening day
    assert evaluate(program_rules(program), younger, on=later).outcome is Outcome.PASS
