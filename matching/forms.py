"""Forms of the application side (the ranking and answer buttons) and of the
company's placement pages (interview, result, ranking, contract, hire)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from matching.models import CandidateEvaluation
from womenup.dates import programme_date_range


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
