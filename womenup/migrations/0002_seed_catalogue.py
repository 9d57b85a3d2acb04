"""Seed cities, districts, job categories, the Seoul and Gwangmyeong programs and wage rates."""

from datetime import date

from django.db import migrations

from womenup.programs import catalogue


def seed(apps, schema_editor):
    City = apps.get_model("womenup", "City")
    District = apps.get_model("womenup", "District")
    JobCategory = apps.get_model("womenup", "JobCategory")
    Program = apps.get_model("womenup", "Program")
    IntakeWindow = apps.get_model("womenup", "IntakeWindow")
    EligibilityRule = apps.get_model("womenup", "EligibilityRule")
    LivingWageRate = apps.get_model("womenup", "LivingWageRate")

    cities = {}
    for city_data in catalogue.CITIES:
        city, _ = City.objects.get_or_create(code=city_data["code"], defaults={"name": city_data["name"]})
        cities[city.code] = city
        for code, name in city_data["districts"]:
            District.objects.get_or_create(city=city, code=code, defaults={"name": name})
    for order, (code, name) in enumerate(catalogue.JOB_CATEGORIES):
        JobCategory.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    for order, data in enumerate(catalogue.PROGRAMS):
        program, created = Program.objects.get_or_create(
            code=data["code"],
            defaults={
                "city": cities[data["city"]], "kind": data["kind"], "name": data["name"],
                "summary": data["summary"], "key_facts": data["key_facts"], "order": order,
            },
        )
        if not created:
            continue
        for rule_order, rule in enumerate(data["rules"]):
            EligibilityRule.objects.create(
                program=program, kind=rule["kind"], params=rule["params"], order=rule_order,
                is_active=rule.get("is_active", True), note=rule.get("note", ""),
            )
        for label, opens_on, closes_on in data["intakes"]:
            IntakeWindow.objects.create(
                program=program, label=label,
                opens_on=date.fromisoformat(opens_on), closes_on=date.fromisoformat(closes_on),
            )
    for valid_from, hourly in catalogue.LIVING_WAGE_RATES:
        LivingWageRate.objects.get_or_create(
            valid_from=date.fromisoformat(valid_from), defaults={"hourly_krw": hourly}
        )


class Migration(migrations.Migration):
    dependencies = [("womenup", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
