"""Forms of the public course pages, the staff attendance page and the counsellor pages."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from applicants.models import ProxyConsent
from courses.models import (
    Attendance,
    CounsellingClient,
    CounsellingOutcome,
    CounsellingSession,
    Course,
)
from courses.services import MOTIVATION_MAX_LENGTH, NOTE_MAX_LENGTH
from womenup.dates import programme_date_range
from womenup.models import City, Program


class CatalogueFilterForm(forms.Form):
    """The catalogue's filters (GET); every field is optional."""

    track = forms.ChoiceField(
        label=_("과정 유형"), required=False, choices=[("", _("전체"))] + Course.Track.choices
    )
    subject = forms.CharField(label=_("분야·언어·과정명"), required=False, max_length=60)
    city = forms.ModelChoiceField(
        label=_("도시"),
        required=False,
        queryset=City.objects.all(),
        to_field_name="code",
        empty_label=_("전체"),
    )
    program = forms.ModelChoiceField(
        label=_("사업"),
        required=False,
        queryset=Program.objects.filter(kind=Program.Kind.COURSE, is_active=True).select_related(
            "city"
        ),
        to_field_name="code",
        empty_label=_("전체"),
    )
    open_only = forms.BooleanField(label=_("지금 접수 중인 과정만"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_tag = True
        self.helper.add_input(Submit("", _("검색"), css_class="btn-primary"))

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "track": data["track"],
            "subject": data["subject"].strip(),
            "city": data["city"].code if data["city"] else "",
            "program": data["program"].code if data["program"] else "",
            "open_only": data["open_only"],
        }


class ApplyForm(forms.Form):
    motivation = forms.CharField(
        label=_("지원 동기"),
        max_length=MOTIVATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("이 과정을 듣고 싶은 이유와 목표를 간단히 적어 주세요."),
    )

    def __init__(self, *args, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = action
        self.helper.add_input(Submit("apply", _("신청하기"), css_class="btn-primary"))


class AttendanceForm(forms.Form):
    """One choice per trainee of a session (the bulk attendance page), and the reason when a
    mark already recorded changes."""

    reason = forms.CharField(
        label=_("정정 사유"),
        required=False,
        max_length=300,
        help_text=_(
            "이미 기록된 출결(QR 입실·퇴실 포함)을 바꿀 때 적어 주세요. 변경 이력에 남습니다."
        ),
    )

    def __init__(self, *args, trainees, **kwargs):
        super().__init__(*args, **kwargs)
        self.trainees = list(trainees)
        for trainee in self.trainees:
            self.fields[self.field_name(trainee.pk)] = forms.ChoiceField(
                label=str(trainee.applicant),
                choices=Attendance.Status.choices,
                initial=trainee.mark or Attendance.Status.PRESENT,
                widget=forms.RadioSelect,
            )

    @staticmethod
    def field_name(enrollment_id: int) -> str:
        return f"trainee_{enrollment_id}"

    def marks(self) -> dict[int, str]:
        return {
            trainee.pk: self.cleaned_data[self.field_name(trainee.pk)] for trainee in self.trainees
        }

    def rows(self):
        return [(trainee, self[self.field_name(trainee.pk)]) for trainee in self.trainees]


class AttendanceCorrectionForm(forms.ModelForm):
    """Staff correct one mark in admin; the reason is required (and kept in the history)."""

    correction_reason = forms.CharField(
        label=_("정정 사유"),
        max_length=300,
        help_text=_("예: 교통 사고로 지각, 증빙 확인 후 공결 처리"),
    )

    class Meta:
        model = Attendance
        fields = ["status", "correction_reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["correction_reason"] = ""


# --- Counsellor pages ------------------------------------------------------------------------


class ClientCreateForm(forms.Form):
    """Her name and her e-mail, her mobile number or both (the service says when neither)."""

    name = forms.CharField(label=_("이름"), max_length=50)
    email = forms.EmailField(
        label=_("이메일"),
        required=False,
        help_text=_("휴대전화 번호가 없으면 계정 연결 링크를 이 주소로 보냅니다."),
    )
    phone = forms.CharField(
        label=_("휴대전화"),
        max_length=20,
        required=False,
        help_text=_("예: 010-1234-5678. 입력하면 계정 연결 링크를 문자로 보냅니다."),
    )


class ClaimByPhoneForm(SetPasswordForm):
    """Claiming an account invited by SMS: the e-mail she will log in with, and her password."""

    email = forms.EmailField(
        label=_("이메일"),
        help_text=_("로그인에 쓸 이메일 주소입니다. 이 주소로 확인 메일을 보냅니다."),
    )
    field_order = ["email", "new_password1", "new_password2"]


class ProxyConsentForm(forms.Form):
    method = forms.ChoiceField(
        label=_("동의를 받은 방법"), choices=ProxyConsent.Method.choices, widget=forms.RadioSelect
    )
    confirmed = forms.BooleanField(
        label=_(
            "본인에게 상담사가 대신 프로필을 입력하고 서류를 올리고 신청서를 제출하는 것에 대해 "
            "설명했고, 본인이 동의했습니다."
        )
    )


class ClientCourseApplyForm(forms.Form):
    course = forms.ModelChoiceField(label=_("교육과정"), queryset=Course.objects.none())
    motivation = forms.CharField(
        label=_("지원 동기"),
        max_length=MOTIVATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("본인에게 들은 지원 동기를 적어 주세요 (1,000자 이내)."),
    )

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("상담 기록"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("이 센터의 상담사만 읽을 수 있습니다. 본인에게는 보이지 않습니다."),
    )


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("성과"), choices=CounsellingOutcome.Kind.choices)
    happened_on = forms.DateField(
        label=_("날짜"),
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[programme_date_range],
    )
    detail = forms.CharField(
        label=_("내용"), max_length=200, required=False, help_text=_("예: 과정명, 기업명")
    )


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label=_("종류"), choices=CounsellingSession.Kind.choices)
    title = forms.CharField(label=_("제목"), max_length=150)
    starts_at = forms.DateTimeField(
        label=_("시작"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        validators=[programme_date_range],
    )
    ends_at = forms.DateTimeField(
        label=_("종료"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        validators=[programme_date_range],
    )
    place = forms.CharField(label=_("장소"), max_length=150)
    capacity = forms.IntegerField(
        label=_("정원"),
        min_value=1,
        max_value=200,
        initial=1,
        help_text=_("1:1 상담은 1명입니다."),
    )


class SignUpForm(forms.Form):
    client = forms.ModelChoiceField(
        label=_("상담 참여자"), queryset=CounsellingClient.objects.none()
    )

    def __init__(self, *args, clients, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["client"].queryset = clients
