"""Retention of the applicant's own data: what ends her part, what is erased after it.

Registered in ``ApplicantsConfig.ready()`` (see ``womenup/privacy/retention.py``). The profile keeps
its eligibility facts (gender, district, employment, education: the KPI counts are made of
them) and loses her name, phone, birth date, the files she uploaded and the text she wrote.
"""

from collections.abc import Iterable
from datetime import date

from django.db.models import Max
from django.utils.translation import gettext as _

from applicants.models import ActivityReport, AllowanceApplication, ApplicantProfile, Document


def allowance_activity() -> Iterable[tuple[int, date]]:
    """Her allowance ends with the latest of its intake's close and her last monthly report."""
    yield from AllowanceApplication.objects.values_list("profile__user_id").annotate(
        Max("intake__closes_on")
    )
    yield from ActivityReport.objects.values_list("application__profile__user_id").annotate(
        Max("month")
    )


def applicant_anonymise(*, user_ids: list[int], dry_run: bool) -> dict[str, int]:
    profiles = ApplicantProfile.objects.filter(user_id__in=user_ids)
    documents = Document.objects.filter(profile__user_id__in=user_ids).exclude(file="")
    reports = ActivityReport.objects.filter(application__profile__user_id__in=user_ids)
    plans = AllowanceApplication.objects.filter(profile__user_id__in=user_ids)
    erased = {
        _("참여자 프로필(이름·연락처·생년월일)"): profiles.count(),
        _("서류 파일"): documents.count(),
        _("구직 활동 보고"): reports.count(),
        _("구직 계획"): plans.count(),
    }
    if dry_run:
        return erased
    profiles.update(name="", phone="", birth_date=None)
    for row in [*documents, *reports.exclude(file="")]:
        row.file.delete(save=False)
    documents.update(file="", original_name="")
    reports.update(file="", original_name="", activities="")
    plans.update(job_search_plan="")
    return erased
