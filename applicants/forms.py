"""Applicant forms: they parse input; the services decide and save."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applicants import services
from applicants.consents import NOTICES
from applicants.models import ApplicantProfile, CareerEntry, Document
from womenup.dates import past_date_range, programme_date_range
from womenup.models import City, District, JobCategory
from womenup.programs.selectors import districts_for_places

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class ProfileForm(forms.ModelForm):
    """Every field may stay empty: the profile is saved as a draft at any point."""

    residence_city = forms.ModelChoiceField(
        label=_("거주 도시"), queryset=City.objects.all(), required=False
    )
    residence_district = forms.ModelChoiceField(
        label=_("거주 자치구"),
        queryset=District.objects.select_related("city"),
        required=False,
        help_text=_("거주하는 도시의 자치구(구·동)를 고르세요."),
    )
    desired_job_categories = forms.ModelMultipleChoiceField(
        label=_("희망 직무"),
        queryset=JobCategory.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    preferred_districts = forms.ModelMultipleChoiceField(
        label=_("희망 근무 지역"),
        queryset=districts_for_places(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ApplicantProfile
        fields = [
            "name",
            "birth_date",
            "gender",
            "phone",
            "residence_city",
            "residence_district",
            "employment_status",
            "last_employment_end",
            "never_employed",
            "career_break_reason",
            "career_break_since",
            "education_level",
            "education_major",
            "desired_job_categories",
            "desired_work_type",
            "preferred_districts",
        ]
        widgets = {
            "birth_date": DATE_INPUT,
            "last_employment_end": DATE_INPUT,
            "career_break_since": DATE_INPUT,
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        }
        help_texts = {"phone": _("휴대전화 번호, 예: 010-1234-5678")}

    def clean(self):
        cleaned = super().clean()
        try:
            services.residence_check(
                city=cleaned.get("residence_city"), district=cleaned.get("residence_district")
            )
        except ValidationError as error:
            self.add_error("residence_district", error)
        return cleaned

    def profile_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("desired_job_categories")
        data.pop("preferred_districts")
        return data


class CareerEntryForm(forms.ModelForm):
    class Meta:
        model = CareerEntry
        fields = ["job_category", "years", "description"]


class CertificateForm(forms.Form):
    name = forms.CharField(label=_("자격증명"), max_length=120)
    issuer = forms.CharField(label=_("발급 기관"), max_length=120)
    acquired_on = forms.DateField(
        label=_("취득일"), widget=DATE_INPUT, validators=[past_date_range]
    )


class TrainingForm(forms.Form):
    """A training completed elsewhere; courses completed here count without being entered."""

    title = forms.CharField(
        label=_("교육명"),
        max_length=150,
        help_text=_(
            "우먼업에서 수료한 과정은 자동으로 반영되니, 다른 곳에서 받은 교육만 적으세요."
        ),
    )
    institution = forms.CharField(label=_("교육 기관"), max_length=120, required=False)
    completed_on = forms.DateField(
        label=_("수료일"), widget=DATE_INPUT, validators=[past_date_range]
    )


class ConsentForm(forms.Form):
    """One checkbox per notice item; the texts are shown beside each box."""

    def __init__(self, *args, active=None, **kwargs):
        super().__init__(*args, **kwargs)
        active = active or {}
        for item, notice in NOTICES.items():
            current = active.get(item)
            self.fields[item] = forms.BooleanField(
                label=_("동의합니다: %(title)s") % {"title": notice.title},
                required=False,
                initial=current is not None and current.notice_version == notice.version,
            )

    def given_items(self) -> set[str]:
        return {item for item in NOTICES if self.cleaned_data.get(item)}


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("서류 종류"), choices=Document.Kind.choices)
    file = forms.FileField(
        label=_("파일"),
        help_text=_("PDF, PNG, JPEG 파일, 최대 %(mb)sMB"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )

    def __init__(self, *args, max_mb: int = 10, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.fields["file"].help_text % {"mb": max_mb}


class AllowanceApplyForm(forms.Form):
    job_search_plan = forms.CharField(
        label=_("구직 계획"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("희망 직무, 준비 중인 일, 3개월 동안의 구직 계획을 적어 주세요."),
    )


class ActivityReportForm(forms.Form):
    month = forms.DateField(
        label=_("활동 월"),
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        validators=[programme_date_range],
        help_text=_("구직 활동을 한 달을 고르세요."),
    )
    activities = forms.CharField(
        label=_("구직 활동 내용"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("지원한 회사, 면접, 교육 참여 등 이번 달에 한 일을 적어 주세요."),
    )
    evidence = forms.FileField(
        label=_("증빙 파일"),
        help_text=_("입사지원 확인, 면접 확인서 등 (PDF, PNG, JPEG)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].initial = timezone.localdate().strftime("%Y-%m")
