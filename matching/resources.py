"""Export of internship applications and placements from admin (womenup/privacy/exports.py)."""

from django.utils.translation import gettext_lazy as _

from matching.models import InternshipApplication, Placement
from womenup.privacy.exports import (
    PersonalDataResource,
    birth_date_column,
    column,
    day,
    phone_column,
    when,
)


class ApplicationResource(PersonalDataResource):
    id = column("id", _("번호"))
    name = column("applicant__name", _("이름"))
    email = column("applicant__user__email", _("이메일"))
    phone = phone_column("applicant__phone", _("휴대전화"))
    birth_date = birth_date_column("applicant__birth_date", _("생년월일"))
    program = column("intake__program__name", _("사업"))
    intake = column("intake__label", _("모집 회차"))
    status = column("get_status_display", _("상태"))
    submitted_at = when("submitted_at", _("제출 시각"))
    withdrawn_at = when("withdrawn_at", _("취소 시각"))

    export_select_related = ("applicant__user", "intake__program")

    class Meta:
        model = InternshipApplication
        fields = (
            "id",
            "name",
            "email",
            "phone",
            "birth_date",
            "program",
            "intake",
            "status",
            "submitted_at",
            "withdrawn_at",
        )


class PlacementResource(PersonalDataResource):
    id = column("id", _("번호"))
    name = column("application__applicant__name", _("이름"))
    email = column("application__applicant__user__email", _("이메일"))
    phone = phone_column("application__applicant__phone", _("휴대전화"))
    company = column("role__company__name", _("기업명"))
    role = column("role__title", _("직무명"))
    week = column("week", _("매칭 주차"))
    status = column("get_status_display", _("상태"))
    weekly_hours = column("role__weekly_hours", _("주 근무시간"))
    contract_start = day("contract_start", _("근로계약 시작일"))

    export_select_related = ("application__applicant__user", "role__company")

    class Meta:
        model = Placement
        fields = (
            "id",
            "name",
            "email",
            "phone",
            "company",
            "role",
            "week",
            "status",
            "weekly_hours",
            "contract_start",
        )
