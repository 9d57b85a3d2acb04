"""Export of enrollments from admin (womenup/privacy/exports.py: masking, neutralisation)."""

from django.utils.translation import gettext_lazy as _

from courses.models import Enrollment
from womenup.privacy.exports import (
    PersonalDataResource,
    birth_date_column,
    column,
    day,
    phone_column,
    when,
)


class EnrollmentResource(PersonalDataResource):
    id = column("id", _("번호"))
    institution = column("course__institution__name", _("운영기관"))
    course = column("course__title", _("교육과정"))
    name = column("applicant__name", _("이름"))
    email = column("applicant__user__email", _("이메일"))
    phone = phone_column("applicant__phone", _("휴대전화"))
    birth_date = birth_date_column("applicant__birth_date", _("생년월일"))
    status = column("get_status_display", _("상태"))
    applied_at = when("applied_at", _("신청 시각"))
    enrolled_at = when("enrolled_at", _("선발 시각"))
    completed_on = day("completed_on", _("수료일"))

    export_select_related = ("course__institution", "applicant__user")

    class Meta:
        model = Enrollment
        fields = (
            "id",
            "institution",
            "course",
            "name",
            "email",
            "phone",
            "birth_date",
            "status",
            "applied_at",
            "enrolled_at",
            "completed_on",
        )
