"""python manage.py load_programs — load the seed catalogue (cities, districts, programmes, rules,
figures, living-wage rates) from ``womenup/programs/catalogue.py``.

Idempotent: it creates only what is missing and never overwrites a row staff have edited, so it
is safe to run on every deploy (``make run`` runs it).
"""

from django.core.management.base import BaseCommand

from womenup.programs.services import catalogue_load


class Command(BaseCommand):
    help = (
        "사업 목록(도시·자치구·사업·자격 요건·수치·생활임금)을 불러옵니다. 여러 번 실행해도 됩니다."
    )

    def handle(self, *args, **options):
        changes = catalogue_load()
        if not changes:
            self.stdout.write(
                self.style.SUCCESS("사업 목록이 이미 최신입니다. 바꾼 것이 없습니다.")
            )
            return
        self.stdout.write(self.style.SUCCESS("사업 목록을 불러왔습니다:"))
        for what, count in sorted(changes.items()):
            self.stdout.write(f"  {what}: {count}")
