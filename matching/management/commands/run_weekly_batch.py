"""python manage.py run_weekly_batch [--week 2024-W23] [--dry-run] [--by staff@example.kr]"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from matching.batch import STAGE_LABELS, Result, weekly_batch_run
from womenup.accounts.permissions import is_city_staff
from womenup.models import User


class Command(BaseCommand):
    help = "주간 서류심사·면접 제안·매칭·알림을 실행합니다 (주차마다 한 번)."

    def add_arguments(self, parser):
        parser.add_argument("--week", help="실행할 주차, 예: 2024-W23 (기본: 이번 주)")
        parser.add_argument(
            "--dry-run", action="store_true", help="계산만 하고 아무것도 저장하지 않습니다."
        )
        parser.add_argument("--by", help="실행하는 시 담당자의 이메일 (실행 기록에 남습니다)")

    def handle(self, *args, week=None, dry_run=False, by=None, **options):
        staff = None
        if by:
            staff = User.objects.filter(email__iexact=by).first()
            if staff is None or not is_city_staff(staff):
                raise CommandError(f"{by}: 시 담당자 계정이 아닙니다.")
        try:
            outcome = weekly_batch_run(
                week=week, dry_run=dry_run, triggered_by="manage.py", created_by=staff
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        style = self.style.SUCCESS if outcome.result != Result.BUSY else self.style.WARNING
        self.stdout.write(style(outcome.message))
        if outcome.result == Result.ALREADY_RAN:
            self.stdout.write("already ran: nothing to do")
        if outcome.result == Result.BUSY:
            self.stdout.write("another run is in progress: nothing to do")
        for stage, counts in outcome.counts.items():
            label = STAGE_LABELS.get(stage, stage)
            seconds = outcome.durations.get(stage, 0)
            figures = ", ".join(f"{name}={value}" for name, value in counts.items())
            self.stdout.write(f"{label} ({stage}) {seconds:.3f}s: {figures}")
