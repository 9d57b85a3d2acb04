"""python manage.py load_demo — a few programs, institutions, courses, companies, roles,
applicants and a staff user, with the logins printed. Safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from applicants import demo as applicant_demo
from companies import demo as company_demo
from courses import demo as course_demo
from womenup import demo as kernel_demo

DEMO_LOADERS = [kernel_demo.load, course_demo.load, company_demo.load, applicant_demo.load]


class Command(BaseCommand):
    help = "데모 데이터를 불러오고 로그인 정보를 출력합니다."

    def handle(self, *args, **options):
        today = timezone.localdate()
        logins: list[tuple[str, str]] = []
        with transaction.atomic():
            for load in DEMO_LOADERS:
                logins.extend(load(today=today))
        self.stdout.write(self.style.SUCCESS("데모 데이터를 불러왔습니다. 로그인 정보:"))
        for label, email in logins:
            self.stdout.write(f"  {label:<40} {email} / {kernel_demo.DEMO_PASSWORD}")
        self.stdout.write("  관리자 화면: http://127.0.0.1:8000/admin/")
