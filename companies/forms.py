"""Forms of the company pages; each turns its input into what a service expects."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from companies import services
from companies.eligibility import company_ineligibility_reasons, facts_of
from companies.models import BADGE_FIELDS, Badge, Company, Role
from courses.models import Course
from womenup.models import District, IntakeWindow, JobCategory, Program


def _helper(submit_label, *, form_tag: bool = True) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = form_tag
    if submit_label:
        helper.add_input(Submit("submit", submit_label))
    return helper


class CompanyForm(forms.ModelForm):
    """Registration and later edits; the business number is fixed once registered."""

    business_number = forms.CharField(
        label=_("사업자등록번호"),
        max_length=14,
        help_text=_("숫자 10자리 (하이픈은 있어도 됩니다, 예: 120-81-47521)"),
    )
    badges = forms.MultipleChoiceField(
        label=_("보유 인증"),
        choices=Badge.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("인증서는 등록 후 기업 정보 화면에서 올릴 수 있습니다."),
    )

    field_order = [
        "name",
        "business_number",
        "representative",
        "address",
        "district",
        "regular_employees",
        "is_sme",
        "badges",
    ]

    class Meta:
        model = Company
        fields = [
            "name",
            "representative",
            "address",
            "district",
            "regular_employees",
            "is_sme",
            "description",
            "contact_name",
            "contact_phone",
            "contact_email",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.select_related("city").order_by(
            "city_id", "name"
        )
        self.fields["district"].required = True
        self.fields["district"].help_text = _(
            "기업 소재지의 자치구(구·동). 사업마다 참여 요건이 있으며, 아래에 바로 표시됩니다."
        )
        for name in ["representative", "address", "contact_name", "contact_phone"]:
            self.fields[name].required = True
        self.fields["contact_email"].required = True
        self.fields["regular_employees"].help_text = _("4대 보험에 가입한 상시근로자 수")
        if self.instance.pk:
            self.fields["business_number"].disabled = True
            self.fields["business_number"].required = False
            self.initial["business_number"] = self.instance.business_number
            self.initial["badges"] = [
                badge for badge, field in BADGE_FIELDS.items() if getattr(self.instance, field)
            ]
        self.helper = _helper(None, form_tag=False)

    def clean_business_number(self):
        if self.instance.pk:
            return self.instance.business_number
        return services.business_number_clean(self.cleaned_data["business_number"])

    def details(self) -> services.CompanyDetails:
        data = self.cleaned_data
        return services.CompanyDetails(
            name=data["name"],
            representative=data["representative"],
            address=data["address"],
            district=data["district"],
            regular_employees=data["regular_employees"],
            is_sme=data["is_sme"],
            contact_name=data["contact_name"],
            contact_phone=data["contact_phone"],
            contact_email=data["contact_email"],
            description=data.get("description", ""),
            badges=frozenset(data.get("badges") or ()),
        )

    ELIGIBILITY_FIELDS = ("district", "regular_employees", "is_sme")

    def _value_or_none(self, name: str):
        """One field's cleaned value without validating the whole form (for the live check)."""
        field = self.fields[name]
        raw = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
        try:
            return field.clean(raw)
        except ValidationError:
            return None

    def eligibility_reasons(self) -> list[str] | None:
        """Why the company would not qualify, from what was entered (or saved); None before."""
        if not self.is_bound:
            if not self.instance.pk:
                return None
            data = {
                "district": self.instance.district,
                "regular_employees": self.instance.regular_employees,
                "is_sme": self.instance.is_sme,
            }
        else:
            data = {name: self._value_or_none(name) for name in self.ELIGIBILITY_FIELDS}
        employees = data.get("regular_employees")
        return company_ineligibility_reasons(
            facts_of(
                district=data.get("district"),
                regular_employees=employees,
                is_sme=bool(data.get("is_sme")),
            )
        )


class BadgeProofForm(forms.Form):
    badge = forms.ChoiceField(label=_("인증 종류"), choices=Badge.choices)
    file = forms.FileField(label=_("인증서 파일"), help_text=_("PDF, PNG, JPEG"))


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("초대할 담당자 이메일"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("초대 보내기"))


def _internship_intakes():
    kinds = [Program.Kind.INTERNSHIP, Program.Kind.PROJECT_INTERNSHIP]
    today = timezone.localdate()
    return (
        IntakeWindow.objects.filter(program__kind__in=kinds, closes_on__gte=today)
        .select_related("program__city")
        .order_by("opens_on", "pk")
    )


class IntakeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.program.name} · {obj.label} ({obj.opens_on} ~ {obj.closes_on})"


class RoleForm(forms.ModelForm):
    intake = IntakeChoiceField(label=_("모집 회차"), queryset=IntakeWindow.objects.none())

    class Meta:
        model = Role
        fields = [
            "title",
            "track",
            "intake",
            "job_category",
            "description",
            "duties",
            "required_qualifications",
            "preferred_qualifications",
            "min_career_years",
            "required_course",
            "work_type",
            "weekly_hours",
            "remote_allowed",
            "district",
            "seats",
            "start_date",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "duties": forms.Textarea(attrs={"rows": 3}),
            "required_qualifications": forms.Textarea(attrs={"rows": 2}),
            "preferred_qualifications": forms.Textarea(attrs={"rows": 2}),
            "start_date": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, company=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intake"].queryset = _internship_intakes()
        self.fields["track"].choices = [  # the city posts its public projects in admin
            choice for choice in Role.Track.choices if choice[0] != Role.Track.PUBLIC_PROJECT
        ]
        self.fields["job_category"].queryset = JobCategory.objects.all()
        self.fields["district"].queryset = (
            District.objects.filter(city__programs__intakes__in=_internship_intakes())
            .select_related("city")
            .distinct()
            .order_by("city_id", "name")
        )
        self.fields["required_course"].queryset = Course.objects.order_by("starts_on", "title")
        self.fields["required_course"].help_text = _("IT 직무교육 연계형이면 필수입니다.")
        self.fields["weekly_hours"].help_text = _("전일제는 40시간, 유연근무는 30~35시간")
        if company is not None and not self.instance.pk:
            self.initial.setdefault("district", company.district_id)
        self.helper = _helper(_("저장"))

    def clean(self):
        data = super().clean()
        if data.get("work_type") and data.get("weekly_hours") is not None:
            problem = services.weekly_hours_problem(
                work_type=data["work_type"], weekly_hours=data["weekly_hours"]
            )
            if problem:
                self.add_error("weekly_hours", problem)
        intake, district = data.get("intake"), data.get("district")
        if intake and district and district.city_id != intake.program.city_id:
            self.add_error(
                "district",
                _("근무 자치구는 사업 지역(%(city)s)에서 골라 주세요.")
                % {"city": intake.program.city.name},
            )
        if data.get("track") == Role.Track.IT_TRAINING_LINKED and not data.get("required_course"):
            self.add_error(
                "required_course", _("IT 직무교육 연계형 직무는 필수 수료 과정을 지정해야 합니다.")
            )
        return data

    def details(self) -> services.RoleDetails:
        data = self.cleaned_data
        return services.RoleDetails(**{name: data[name] for name in self.Meta.fields})
