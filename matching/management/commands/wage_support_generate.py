"""python manage.py wage_support_generate [--month 2024-07] [--by staff@example.kr]"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from matching.wages import wage_support_generate
from womenup.accounts.permissions import is_city_staff
from womenup.calendar import add_months
from womenup.models import User

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class Command(BaseCommand):
    help = "한 달치 인턴 임금 지원 지급 건(승인 대기)을 지급 원장에 만듭니다 (다시 실행해도 같음)."

    def add_arguments(self, parser):
        parser.add_argument("--month", help="지급 월, 예: 2024-07 (기본: 지난달)")
        parser.add_argument("--by", help="실행하는 시 담당자의 이메일 (지급 건에 남습니다)")

    def handle(self, *args, month=None, by=None, **options):
        first = _month(month) if month else add_months(timezone.localdate().replace(day=1), -1)
        staff = None
        if by:
            staff = User.objects.filter(email__iexact=by).first()
            if staff is None or not is_city_staff(staff):
                raise CommandError(f"{by}: 시 담당자 계정이 아닙니다.")
        try:
            run = wage_support_generate(month=first, created_by=staff)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{run.month:%Y-%m} 인턴 임금 지원: 새 지급 건 {run.created}건 "
                f"({run.total_krw:,}원), 이미 있던 건 {run.existing}건"
            )
        )
        if run.waiting:
            self.stdout.write(
                self.style.WARNING(f"근로계약 조건 확인을 기다려 제외한 인턴 {len(run.waiting)}명:")
            )
        for waiting in run.waiting:
            self.stdout.write(f"  - {waiting.placement}: {waiting.reason}")


def _month(text: str) -> date:
    match = MONTH.match(text)
    if not match or not 1 <= int(match[2]) <= 12:
        raise CommandError(f"--month 는 2024-07 처럼 연-월로 적어 주세요 (받은 값: {text}).")
    return date(int(match[1]), int(match[2]), 1)
