"""python manage.py personal_data_purge [--dry-run] — anonymise applicants whose last programme
ended more than PERSONAL_DATA_RETENTION_DAYS ago and delete access-log rows older than
ACCESS_LOG_RETENTION_DAYS. A daily beat row runs the same (``womenup.tasks.personal_data_purge``).
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from womenup.privacy.services import PurgeReport, personal_data_purge


class Command(BaseCommand):
    help = "보존 기간이 지난 참여자 개인정보를 익명 처리하고 오래된 접근 기록을 지웁니다."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="지울 것을 출력만 하고 아무것도 바꾸지 않습니다.",
        )

    def handle(self, *args, dry_run: bool = False, **options):
        report = personal_data_purge(dry_run=dry_run)
        for line in report_lines(report):
            self.stdout.write(line)


def report_lines(report: PurgeReport) -> list[str]:
    values = {
        "days": settings.PERSONAL_DATA_RETENTION_DAYS,
        "cutoff": report.cutoff.isoformat(),
        "count": len(report.applicants),
        "log_days": settings.ACCESS_LOG_RETENTION_DAYS,
        "rows": report.access_log_rows,
    }
    if report.dry_run:
        lines = [
            _("[미리 보기] 아무것도 바꾸지 않았습니다."),
            _(
                "보존 기간 %(days)s일: 마지막 사업 종료일이 %(cutoff)s 이전인 참여자 "
                "%(count)s명 (지울 예정)"
            )
            % values,
        ]
    else:
        lines = [
            _("개인정보를 정리했습니다."),
            _(
                "보존 기간 %(days)s일: 마지막 사업 종료일이 %(cutoff)s 이전인 참여자 "
                "%(count)s명 (지움)"
            )
            % values,
        ]
    lines += [
        "  " + _("참여자 #%(id)s (마지막 사업 종료일 %(day)s)") % {"id": user_id, "day": day}
        for user_id, day in report.applicants
    ]
    lines += [
        "  " + _("%(what)s: %(count)s건") % {"what": label, "count": count}
        for label, count in report.erased.items()
        if count
    ]
    if report.dry_run:
        lines.append(
            _("접근 기록 보존 기간 %(log_days)s일: 오래된 접근 기록 %(rows)s건 (지울 예정)")
            % values
        )
    else:
        lines.append(
            _("접근 기록 보존 기간 %(log_days)s일: 오래된 접근 기록 %(rows)s건 (지움)") % values
        )
    return lines
