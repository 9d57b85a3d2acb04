"""Retention of course data: a trainee's part ends with the course or her last follow-up.

Registered in ``CoursesConfig.ready()`` (see ``womenup/privacy/retention.py``). Enrollments,
attendance, completion, certificates and follow-up outcomes stay (the course outcome figures
are made of them); the motivation she wrote goes.
"""

from collections.abc import Iterable
from datetime import date

from django.db.models import Max
from django.utils.translation import gettext as _

from courses.models import Enrollment, FollowUp


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
