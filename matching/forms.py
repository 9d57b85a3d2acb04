"""Forms of the application side (the ranking and answer buttons), of the company's placement
pages (interview, result, ranking, contract, hire) and of the public self-check."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from applicants.models import ApplicantProfile
from applicants.self_check import SelfCheckAnswers
from applicants.services import residence_check
from companies.models import Role
from matching.models import CandidateEvaluation
from womenup.dates import (
    DateRangeValidator,
    birth_date_range,
    past_date_range,
    programme_date_range,
)
from womenup.models import City, District
from womenup.programs.eligibility import reasons


class ChoiceMoveForm(forms.Form):
    role = forms.IntegerField(widget=forms.HiddenInput)
    direction = forms.ChoiceField(choices=[("up", _("위로")), ("down", _("아래로"))])


class InvitationAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("accept", _("수락")), ("decline", _("거절"))])


class InterviewForm(forms.Form):
    interview_at = forms.DateTimeField(
        label=_("면접 일시"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        validators=[programme_date_range],
    )
    interview_place = forms.CharField(label=_("면접 장소"), max_length=200, required=False)
    video_link = forms.URLField(label=_("화상면접 링크"), required=False, assume_scheme="https")

    def clean(self):
        data = super().clean()
        if not data.get("interview_place") and not data.get("video_link"):
            raise ValidationError(_("면접 장소 또는 화상면접 링크 중 하나는 입력해 주세요."))
        return data


class ResultForm(forms.Form):
    result = forms.ChoiceField(
        label=_("면접 결과"),
        choices=[
            (CandidateEvaluation.Result.PASS, _("합격")),
            (CandidateEvaluation.Result.FAIL, _("불합격")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("메모"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RankingForm(forms.Form):
    """One rank field per passed candidate; blank leaves her out of the ranking."""

    def __init__(self, *args, evaluations, labels, **kwargs):
        super().__init__(*args, **kwargs)
        self.evaluations = list(evaluations)
        for evaluation in self.evaluations:
            self.fields[f"rank_{evaluation.application_id}"] = forms.IntegerField(
                label=_("%(name)s 순위") % {"name": labels.get(evaluation.application_id, "")},
                min_value=1,
                max_value=len(self.evaluations),
                required=False,
                initial=evaluation.rank,
            )

    def clean(self):
        data = super().clean()
        ranks = {
            evaluation.application_id: data.get(f"rank_{evaluation.application_id}")
            for evaluation in self.evaluations
        }
        given = [rank for rank in ranks.values() if rank is not None]
        if len(given) != len(set(given)):
            raise ValidationError(_("같은 순위를 두 명에게 줄 수 없습니다."))
        data["ordered"] = [
            pk for pk, rank in sorted(ranks.items(), key=lambda i: i[1] or 0) if rank
        ]
        return data


class ContractForm(forms.Form):
    contract_start = forms.DateField(
        label=_("근로계약 시작일"),
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[programme_date_range],
    )


class ContractTermsConfirmForm(forms.Form):
    """She (or the company) confirms the terms shown; ``terms`` carries what was shown."""

    terms = forms.CharField(widget=forms.HiddenInput, max_length=100)
    agree = forms.BooleanField(
        label=_("위 근로계약 조건(계약 기간, 주 근로시간, 임금)을 확인했고 이에 동의합니다."),
        error_messages={"required": _("계약 조건을 읽고 동의 상자에 표시해 주세요.")},
    )


class HireForm(forms.Form):
    hired_on = forms.DateField(
        label=_("정규직 채용일"),
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[programme_date_range],
    )
    proof = forms.FileField(label=_("채용 증빙 (근로계약서 등)"), help_text=_("PDF, PNG, JPEG"))


class ClaimRefileForm(forms.Form):
    """A new incentive claim for a hire whose last claim was rejected."""

    proof = forms.FileField(
        label=_("새 채용 증빙 (근로계약서, 4대보험 가입 내역 등)"), help_text=_("PDF, PNG, JPEG")
    )


# --- The public self-check ------------------------------------------------------------------

DATE_INPUT = forms.DateInput(attrs={"type": "date"})
QUALIFICATIONS = ("vocational_training", "career_in_field", "certificate")
PARTICIPATION_ROWS = 3
participation_date_range = DateRangeValidator(date(2000, 1, 1), 1)


class SelfCheckForm(forms.Form):
    """What a visitor's profile would say; the questions on courses and documents follow the
    open programmes' rules (``self_check.SelfCheckQuestions``) and are left out when none asks."""

    residence_city = forms.ModelChoiceField(label=_("거주 도시"), queryset=City.objects.all())
    residence_district = forms.ModelChoiceField(
        label=_("거주 자치구·동"),
        queryset=District.objects.select_related("city"),
        required=False,
        help_text=_("고르지 않아도 진단할 수 있습니다. 가입 후 프로필에 옮길 때 쓰입니다."),
    )
    birth_date = forms.DateField(
        label=_("생년월일"), widget=DATE_INPUT, validators=[birth_date_range]
    )
    gender = forms.ChoiceField(
        label=_("성별"), choices=ApplicantProfile.Gender.choices, widget=forms.RadioSelect
    )
    employment_status = forms.ChoiceField(
        label=_("취업 상태"),
        choices=ApplicantProfile.EmploymentStatus.choices,
        widget=forms.RadioSelect,
    )
    last_employment_end = forms.DateField(
        label=_("마지막 근무 종료일"),
        widget=DATE_INPUT,
        required=False,
        validators=[past_date_range],
    )
    never_employed = forms.BooleanField(label=_("근무 경험 없음"), required=False)
    qualifications = forms.MultipleChoiceField(
        label=_("해당하는 자격 요건"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    completed_courses = forms.MultipleChoiceField(
        label=_("수료한 교육과정·사전교육"), required=False, widget=forms.CheckboxSelectMultiple
    )
    documents = forms.MultipleChoiceField(
        label=_("준비된 서류"), required=False, widget=forms.CheckboxSelectMultiple
    )
    participated = forms.ChoiceField(
        label=_("공공일자리 등 시 일자리 사업 참여 이력"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("no", _("없음")), ("yes", _("있음 (아래에 참여 기간을 적어 주세요)"))],
        help_text=_(
            "고르지 않으면 참여 이력 제한이 있는 사업은 '정보가 더 필요합니다'로 나옵니다."
        ),
    )
    keep = forms.BooleanField(
        label=_("회원가입 후 내 프로필에 옮길 수 있도록 이 답변을 이 브라우저에 보관합니다"),
        required=False,
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["qualifications"].choices = [
            (code, reasons.label("qualification", code)) for code in QUALIFICATIONS
        ]
        self._optional_choices("completed_courses", questions.course_choices())
        self._optional_choices("documents", questions.document_choices())
        keep = self.fields.pop("keep")
        for row in range(1, PARTICIPATION_ROWS + 1):
            self.fields[f"participation_{row}_program"] = forms.ChoiceField(
                label=_("참여 %(row)s: 사업") % {"row": row},
                choices=[("", "---------"), *questions.past_program_choices()],
                required=False,
            )
            for end, text in (
                ("start", _("참여 %(row)s: 시작일")),
                ("end", _("참여 %(row)s: 종료일")),
            ):
                self.fields[f"participation_{row}_{end}"] = forms.DateField(
                    label=text % {"row": row},
                    widget=DATE_INPUT,
                    required=False,
                    validators=[participation_date_range],
                )
        self.fields["keep"] = keep

    def _optional_choices(self, name: str, choices: list[tuple[str, str]]) -> None:
        if choices:
            self.fields[name].choices = choices
        else:
            del self.fields[name]

    def clean(self):
        data = super().clean()
        try:
            residence_check(
                city=data.get("residence_city"), district=data.get("residence_district")
            )
        except ValidationError as error:
            self.add_error("residence_district", error)
        if data.get("never_employed") and data.get("last_employment_end"):
            self.add_error(
                "last_employment_end",
                _("'근무 경험 없음'을 선택했다면 마지막 근무 종료일은 비워 주세요."),
            )
        data["participations"] = self._participations(data)
        return data

    def _participations(self, data) -> tuple | None:
        periods = []
        for row in range(1, PARTICIPATION_ROWS + 1):
            program = data.get(f"participation_{row}_program")
            start, end = (
                data.get(f"participation_{row}_start"),
                data.get(f"participation_{row}_end"),
            )
            field = f"participation_{row}_program"
            if not (program or start or end):
                continue
            if start is None or end is None:
                self.add_error(field, _("참여 기간의 시작일과 종료일을 함께 적어 주세요."))
            elif start > end:
                self.add_error(field, _("참여 시작일이 종료일보다 늦습니다."))
            elif not program:
                self.add_error(field, _("참여한 사업을 골라 주세요."))
            else:
                periods.append((program, start, end))
        answer = data.get("participated")
        if answer == "yes" and not periods:
            self.add_error("participated", _("참여한 기간을 하나 이상 적어 주세요."))
        if answer == "no" and periods:
            self.add_error("participated", _("'없음'을 골랐다면 참여 기간은 비워 주세요."))
        if answer == "no":
            return ()
        return tuple(periods) if answer == "yes" else None

    def answers(self) -> SelfCheckAnswers:
        data = self.cleaned_data
        district = data.get("residence_district")
        return SelfCheckAnswers(
            city=data["residence_city"].code,
            district=district.code if district else "",
            birth_date=data["birth_date"],
            gender=data["gender"],
            employment_status=data["employment_status"],
            last_employment_end=data.get("last_employment_end"),
            never_employed=bool(data.get("never_employed")),
            qualifications=tuple(data.get("qualifications") or ()),
            documents=tuple(data.get("documents") or ()),
            completed_courses=tuple(data.get("completed_courses") or ()),
            participations=data["participations"],
        )


class ClientInternshipForm(forms.Form):
    """A counsellor's choice of up to three roles for her client, in her order of preference."""

    first = forms.ModelChoiceField(label=_("1지망 직무"), queryset=Role.objects.none())
    second = forms.ModelChoiceField(
        label=_("2지망 직무"), queryset=Role.objects.none(), required=False
    )
    third = forms.ModelChoiceField(
        label=_("3지망 직무"), queryset=Role.objects.none(), required=False
    )

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first", "second", "third"):
            self.fields[name].queryset = roles

    def roles(self) -> list[Role]:
        chosen = [self.cleaned_data.get(name) for name in ("first", "second", "third")]
        return [role for role in chosen if role is not None]
