"""Export of applicants from admin (womenup/privacy/exports.py: masking, neutralisation)."""

from django.utils.translation import gettext_lazy as _

from applicants.models import ApplicantProfile
from womenup.privacy.exports import (
    PersonalDataResource,
    birth_date_column,
    column,
    day,
    phone_column,
    when,
)


class ApplicantResource(PersonalDataResource):
    id = column("id", _("번호"))
    name = column("name", _("이름"))
    email = column("user__email", _("이메일"))
    phone = phone_column("phone", _("휴대전화"))
    birth_date = birth_date_column("birth_date", _("생년월일"))
    gender = column("get_gender_display", _("성별"))
    city = column("residence_city__name", _("거주 도시"))
    district = column("residence_district__name", _("거주 자치구"))
    employment_status = column("get_employment_status_display", _("취업 상태"))
    last_employment_end = day("last_employment_end", _("마지막 근무 종료일"))
    education_level = column("get_education_level_display", _("최종 학력"))
    desired_work_type = column("get_desired_work_type_display", _("희망 근무 형태"))
    created_at = when("created_at", _("가입 시각"))

    export_select_related = ("user", "residence_city", "residence_district")

    class Meta:
        model = ApplicantProfile
        fields = (
            "id",
            "name",
            "email",
            "phone",
            "birth_date",
            "gender",
            "city",
            "district",
            "employment_status",
            "last_employment_end",
            "education_level",
            "desired_work_type",
            "created_at",
        )
