"""Export of companies and roles from admin (womenup/privacy/exports.py: masking and
formula neutralisation).

The contact person's phone is personal data: masked like an applicant's.
"""

from django.utils.translation import gettext_lazy as _

from companies.models import Company, Role
from womenup.privacy.exports import PersonalDataResource, column, day, phone_column, when, yes_no


class CompanyResource(PersonalDataResource):
    id = column("id", _("번호"))
    name = column("name", _("기업명"))
    business_number = column("business_number_display", _("사업자등록번호"))
    status = column("get_status_display", _("상태"))
    district = column("district__name", _("소재지 자치구"))
    representative = column("representative", _("대표자명"))
    regular_employees = column("regular_employees", _("상시근로자 수"))
    is_sme = yes_no("is_sme", _("중소기업"))
    badges = column("badges", _("인증"))
    contact_name = column("contact_name", _("담당자 이름"))
    contact_phone = phone_column("contact_phone", _("담당자 연락처"))
    contact_email = column("contact_email", _("담당자 이메일"))
    verified_at = when("verified_at", _("승인 시각"))
    created_at = when("created_at", _("등록 시각"))

    export_select_related = ("district",)

    class Meta:
        model = Company
        fields = (
            "id",
            "name",
            "business_number",
            "status",
            "district",
            "representative",
            "regular_employees",
            "is_sme",
            "badges",
            "contact_name",
            "contact_phone",
            "contact_email",
            "verified_at",
            "created_at",
        )

    def dehydrate_badges(self, company: Company) -> str:
        return ", ".join(company.badge_labels)


class RoleResource(PersonalDataResource):
    id = column("id", _("번호"))
    company = column("company__name", _("기업명"))
    title = column("title", _("직무명"))
    program = column("intake__program__name", _("사업"))
    intake = column("intake__label", _("모집 회차"))
    track = column("get_track_display", _("유형"))
    status = column("get_status_display", _("상태"))
    job_category = column("job_category__name", _("직무 분야"))
    district = column("district__name", _("근무 자치구"))
    work_type = column("get_work_type_display", _("근무 형태"))
    weekly_hours = column("weekly_hours", _("주 근무시간"))
    seats = column("seats", _("채용 인원"))
    start_date = day("start_date", _("근무 시작 예정일"))
    published_at = when("published_at", _("게시 시각"))

    export_select_related = ("company", "intake__program", "job_category", "district")

    class Meta:
        model = Role
        fields = (
            "id",
            "company",
            "title",
            "program",
            "intake",
            "track",
            "status",
            "job_category",
            "district",
            "work_type",
            "weekly_hours",
            "seats",
            "start_date",
            "published_at",
        )
