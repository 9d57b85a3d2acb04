"""Writes of personal data: the access log (one row per look at or export of someone's data)
and retention (anonymising applicants past the retention period, old access-log rows)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from womenup.models import OutboxDelivery, OutboxMessage, PersonalDataAccess, User
from womenup.privacy import retention
from womenup.privacy.client_ip import client_ip

ANONYMISED_EMAIL_DOMAIN = "anonymised.invalid"  # RFC 2606: never delivered


def personal_data_access_record(
    *,
    actor: User,
    subject: User | None,
    action: str,
    target: str,
    reason: str = "",
    request=None,
    records: int = 1,
) -> PersonalDataAccess:
    """Write one access-log row (who, when, whose data, what, why for an export, how many
    people's rows, from which IP). A list page or an export names no single subject and gives
    ``records``, the number of rows it showed or wrote: the monthly review adds these up per
    person and day."""
    return PersonalDataAccess.objects.create(
        actor=actor,
        subject=subject,
        action=action,
        target=target[:200],
        reason=reason,
        records=records,
        ip_address=client_ip(request) if request is not None else None,
    )


# --- Retention -----------------------------------------------------------------------------------


@dataclass
class PurgeReport:
    """What a purge erased (or, in a dry run, would erase)."""

    cutoff: date
    applicants: list[tuple[int, date]] = field(default_factory=list)  # (user id, last day)
    erased: dict[str, int] = field(default_factory=dict)
    access_log_rows: int = 0
    dry_run: bool = False


def applicants_past_retention(*, today: date) -> tuple[date, list[tuple[int, date]]]:
    """Applicants not yet anonymised whose last programme day is before the cutoff, with
    that day. An applicant without any programme activity is left alone."""
    cutoff = today - timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
    last_day: dict[int, date] = {}
    for source in retention.activity_sources():
        for user_id, day in source():
            if day is not None and (user_id not in last_day or day > last_day[user_id]):
                last_day[user_id] = day
    expired = {user_id: day for user_id, day in last_day.items() if day < cutoff}
    waiting = User.objects.filter(
        pk__in=expired, account_type=User.AccountType.APPLICANT, anonymised_at__isnull=True
    ).values_list("pk", flat=True)
    return cutoff, sorted((user_id, expired[user_id]) for user_id in waiting)


def personal_data_purge(*, today: date | None = None, dry_run: bool = False) -> PurgeReport:
    """Anonymise applicants past the retention period and delete access-log rows older than
    ``ACCESS_LOG_RETENTION_DAYS`` (DESIGN.md §7); the rows that count (applications,
    enrollments, placements, payments) stay, without the person in them. Idempotent: an
    anonymised applicant is not touched again. A dry run writes nothing and reports the same."""
    today = today or timezone.localdate()
    cutoff, applicants = applicants_past_retention(today=today)
    report = PurgeReport(cutoff=cutoff, applicants=applicants, dry_run=dry_run)
    user_ids = [user_id for user_id, _day in applicants]
    old_rows = PersonalDataAccess.objects.filter(
        accessed_at__lt=timezone.now() - timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS)
    )
    with transaction.atomic():
        for anonymiser in retention.anonymisers():
            for label, count in anonymiser(user_ids=user_ids, dry_run=dry_run).items():
                report.erased[label] = report.erased.get(label, 0) + count
        if dry_run:
            report.access_log_rows = old_rows.count()
        else:
            report.access_log_rows, _by_model = old_rows.delete()
    return report


def user_anonymise(*, user_ids: list[int], dry_run: bool) -> dict[str, int]:
    """The kernel's part: the account itself (e-mail, name, notification phone, password,
    log-in addresses, social log-ins, authenticators) and the e-mails and texts sent to it. The
    account row stays, inactive."""
    users = User.objects.filter(pk__in=user_ids)
    messages = OutboxMessage.objects.filter(recipient_id__in=user_ids)
    erased = {_("계정"): users.count(), _("보낸 알림 메일"): messages.count()}
    if dry_run:
        return erased
    EmailAddress.objects.filter(user_id__in=user_ids).delete()
    SocialAccount.objects.filter(user_id__in=user_ids).delete()
    Authenticator.objects.filter(user_id__in=user_ids).delete()
    messages.update(to_email=f"deleted@{ANONYMISED_EMAIL_DOMAIN}", subject="", body="", context={})
    OutboxDelivery.objects.filter(message__recipient_id__in=user_ids).update(
        address="deleted", text="", last_error=""
    )
    now = timezone.now()
    for user in users:
        user.email = f"deleted-{user.pk}@{ANONYMISED_EMAIL_DOMAIN}"
        user.first_name = user.last_name = ""
        user.notification_phone, user.notify_by_sms, user.notify_by_alimtalk = "", False, False
        user.is_active = False
        user.anonymised_at = now
        user.set_unusable_password()
        user.save()
    return erased
