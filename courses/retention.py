"""Retention of course data: a trainee's part ends with the course or her last follow-up.

Registered in ``CoursesConfig.ready()`` (see ``womenup/privacy/retention.py``). Enrollments,
attendance, completion, certificates and follow-up outcomes stay (the course outcome figures
are made of them); the motivation she wrote goes. Counselling: her last session or note counts
as activity; the counsellors' notes about her, the claim e-mail and number and the centres'
requests to her go, outcomes and seats stay (the KPI counts them).
"""

from collections.abc import Iterable
from datetime import date

from django.db.models import Max
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _

from courses.models import (
    ClientRequest,
    CounsellingClient,
    CounsellingNote,
    CounsellingSignUp,
    Enrollment,
    FollowUp,
)


def course_activity() -> Iterable[tuple[int, date]]:
    yield from Enrollment.objects.values_list("applicant__user_id").annotate(Max("course__ends_on"))
    yield from FollowUp.objects.values_list("enrollment__applicant__user_id").annotate(
        Max("due_on")
    )


def enrollment_anonymise(*, user_ids: list[int], dry_run: bool) -> dict[str, int]:
    enrollments = Enrollment.objects.filter(applicant__user_id__in=user_ids).exclude(motivation="")
    erased = {_("과정 지원 동기"): enrollments.count()}
    if not dry_run:
        enrollments.update(motivation="")
    return erased


def counselling_activity() -> Iterable[tuple[int, date]]:
    yield from (
        CounsellingSignUp.objects.values_list("client__profile__user_id")
        .annotate(day=Max(TruncDate("session__ends_at")))
        .values_list("client__profile__user_id", "day")
    )
    yield from (
        CounsellingNote.objects.values_list("client__profile__user_id")
        .annotate(day=Max(TruncDate("written_at")))
        .values_list("client__profile__user_id", "day")
    )


def counselling_notes_anonymise(*, user_ids: list[int], dry_run: bool) -> dict[str, int]:
    notes = CounsellingNote.objects.filter(client__profile__user_id__in=user_ids)
    clients = CounsellingClient.objects.filter(profile__user_id__in=user_ids).exclude(
        claim_email="", claim_phone=""
    )
    requests = ClientRequest.objects.filter(user_id__in=user_ids)
    erased = {
        _("상담 기록"): notes.count(),
        _("계정 연결 이메일"): clients.count(),
        _("상담 참여 요청"): requests.count(),
    }
    if not dry_run:
        notes.delete()
        requests.delete()
        clients.update(claim_email="", claim_phone="", claim_token_hash="", claim_expires_at=None)
    return erased
