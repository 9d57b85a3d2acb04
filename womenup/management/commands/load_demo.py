"""python manage.py load_demo — a few programs, institutions, courses, companies, roles,
applicants and a staff user, with the logins printed. Safe to run again.

Each app registers its loader in ``AppConfig.ready()`` (``womenup.plugins.register_demo_loader``).
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from womenup.demo import DEMO_PASSWORD
from womenup.plugins import demo_loaders


class Command(BaseCommand):
    help = "데모 데이터를 불러오고 로그인 정보를 출력합니다."

    def handle(self, *args, **options):
        today = timezone.localdate()
        logins: list[tuple[str, str]] = []
        with transaction.atomic():
            for load in demo_loaders():
                logins.extend(load(today=today))
        self.stdout.write(self.style.SUCCESS("데모 데이터를 불러왔습니다. 로그인 정보:"))
        for label, email in logins:
            self.stdout.write(f"  {label:<40} {email} / {DEMO_PASSWORD}")
        self.stdout.write("  관리자 화면: http://127.0.0.1:8000/admin/")
