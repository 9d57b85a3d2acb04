"""Spreadsheets in admin: the export of applicants (womenup/privacy/exports.py: masking,
neutralisation) and the import of past participations.

The import (``ParticipationRecordResource``) reads the columns ``email`` (the applicant's portal
account), ``program`` (programme code, e.g. ``gm-0123-jobs``), ``started_on``, ``ended_on``
(YYYY-MM-DD) and an optional ``note``. It first shows a dry-run preview; a row that names
nobody, an unknown programme, a date that is not a date or a period ending before it starts is
reported on its row and nothing is saved until every row is right. A row already imported (same
person, programme and start) is updated, not doubled.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources
from import_export.widgets import DateWidget, ForeignKeyWidget

from applicants.models import ApplicantProfile, ParticipationRecord
from womenup.models import Program
from womenup.privacy.exports import (
    PersonalDataResource,
    birth_date_column,
    column,
    day,
    phone_column,
    when,
)


class ApplicantResource(PersonalDataResource):
    id = column("id", gettext_lazy("번호"))
    name = column("name", gettext_lazy("이름"))
    email = column("user__email", gettext_lazy("이메일"))
    phone = phone_column("phone", gettext_lazy("휴대전화"))
    birth_date = birth_date_column("birth_date", gettext_lazy("생년월일"))
    gender = column("get_gender_display", gettext_lazy("성별"))
    city = column("residence_city__name", gettext_lazy("거주 도시"))
    district = column("residence_district__name", gettext_lazy("거주 자치구"))
    employment_status = column("get_employment_status_display", gettext_lazy("취업 상태"))
    last_employment_end = day("last_employment_end", gettext_lazy("마지막 근무 종료일"))
    education_level = column("get_education_level_display", gettext_lazy("최종 학력"))
    desired_work_type = column("get_desired_work_type_display", gettext_lazy("희망 근무 형태"))
    created_at = when("created_at", gettext_lazy("가입 시각"))

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


class _Lookup(ForeignKeyWidget):
    """A foreign key by one of its fields, with a message a person can act on."""

    def __init__(self, model, field, message):
        super().__init__(model, field=field)
        self.message = message

    def clean(self, value, row=None, **kwargs):
        value = (str(value).strip() if value is not None else "") or None
        if value is None:
            raise ValueError(_("값이 비어 있습니다."))
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(self.message % {"value": value}) from None


class _IsoDate(DateWidget):
    def __init__(self):
        super().__init__(format="%Y-%m-%d")

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            raise ValueError(_("날짜가 비어 있습니다."))
        try:
            return super().clean(value, row, **kwargs)
        except ValueError:
            raise ValueError(
                _("날짜는 2024-01-31 처럼 YYYY-MM-DD 형식으로 입력해 주세요 (입력값: %(value)s).")
                % {"value": value}
            ) from None


class ParticipationRecordResource(resources.ModelResource):
    email = fields.Field(attribute="profile", column_name="email")
    program = fields.Field(attribute="program", column_name="program")
    started_on = fields.Field(attribute="started_on", column_name="started_on", widget=_IsoDate())
    ended_on = fields.Field(attribute="ended_on", column_name="ended_on", widget=_IsoDate())
    note = fields.Field(attribute="note", column_name="note", default="")

    class Meta:
        model = ParticipationRecord
        fields = ("email", "program", "started_on", "ended_on", "note")
        import_id_fields = ("email", "program", "started_on")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def __init__(self, **kwargs):
        """Widgets are made per import, so their messages are in the importing staff's language."""
        super().__init__(**kwargs)
        self.fields["email"].widget = _Lookup(
            ApplicantProfile,
            "user__email__iexact",
            _("이 이메일(%(value)s)로 가입한 참여자가 없습니다."),
        )
        self.fields["program"].widget = _Lookup(
            Program, "code", _("사업 코드 %(value)s에 해당하는 사업이 없습니다.")
        )
