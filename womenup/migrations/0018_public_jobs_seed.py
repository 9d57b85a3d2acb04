"""Gwangmyeong's public jobs as data: stages, direct matching, limits per programme, reserves.

The data is written here (a migration never imports a live module); the catalogue carries the
same keys for the programme loader. Idempotent: a rule or intake already there is left alone,
so a staff edit survives.
"""

from datetime import date

from django.db import migrations

STAGES = {
    "gm-0123-jobs": [
        ("2027년 1단계", "2026-12-01", "2026-12-20", "2027-01-01", "2027-05-31"),
        ("2027년 2단계", "2027-05-03", "2027-05-21", "2027-07-01", "2027-11-30"),
    ],
    "gm-1969-jobs": [
        ("2027년 상반기", "2026-12-01", "2026-12-20", "2027-01-01", "2027-05-31"),
    ],
}
DIRECT = ["gm-0123-jobs", "gm-1969-jobs"]
YOUTH = "gm-youth-intern"
YOUTH_PRIORITY = [
    "basic_livelihood", "near_poverty", "disabled", "single_parent", "north_korean_defector",
]  # fmt: skip
NOT_PAST_YOUTH = {"programs": ["gm-youth-intern"], "label": "광명시 청년일자리(청년인턴)"}


def forwards(apps, schema_editor):
    Program = apps.get_model("womenup", "Program")
    IntakeWindow = apps.get_model("womenup", "IntakeWindow")
    EligibilityRule = apps.get_model("womenup", "EligibilityRule")
    programs = {p.code: p for p in Program.objects.filter(code__in=[*STAGES, *DIRECT, YOUTH])}
    for code in DIRECT:
        if code in programs:
            Program.objects.filter(pk=programs[code].pk, matching_mode="interview").update(
                matching_mode="direct"
            )
    for code, stages in STAGES.items():
        program = programs.get(code)
        if program is None:
            continue
        for label, opens, closes, starts, ends in stages:
            IntakeWindow.objects.get_or_create(
                program=program,
                label=label,
                defaults={
                    "opens_on": date.fromisoformat(opens),
                    "closes_on": date.fromisoformat(closes),
                    "stage_starts_on": date.fromisoformat(starts),
                    "stage_ends_on": date.fromisoformat(ends),
                },
            )
    limits = EligibilityRule.objects.filter(
        program__code="gm-0123-jobs", kind="participation_limit"
    )
    for rule in limits:
        if "programs" not in rule.params:
            rule.params = {**rule.params, "programs": ["gm-0123-jobs"]}
            rule.save(update_fields=["params"])
    youth = programs.get(YOUTH)
    if youth is not None:
        if youth.reserved_seat_percent == 0 and not youth.priority_groups:
            youth.reserved_seat_percent = 30
            youth.priority_groups = YOUTH_PRIORITY
            youth.save(update_fields=["reserved_seat_percent", "priority_groups"])
        if not EligibilityRule.objects.filter(program=youth, kind="not_past_participant").exists():
            EligibilityRule.objects.create(
                program=youth, kind="not_past_participant", params=NOT_PAST_YOUTH, order=3
            )


class Migration(migrations.Migration):
    dependencies = [("womenup", "0017_public_jobs_stages_and_reserves")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
