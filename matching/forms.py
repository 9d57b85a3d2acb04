"""Forms of the application side: the role filters and the ranking buttons."""

from django import forms
from django.utils.translation import gettext_lazy as _

from companies.models import Role
from matching.selectors import company_badges
from womenup.models import District, JobCategory


class RoleFilterForm(forms.Form):
    track = forms.ChoiceField(
        label=_("유형"), choices=[("", _("전체"))] + Role.Track.choices, required=False
    )
    job_category = forms.ModelChoiceField(
        label=_("직무 분야"),
        queryset=JobCategory.objects.all(),
        required=False,
        empty_label=_("전체"),
    )
    district = forms.ModelChoiceField(
        label=_("근무 지역"),
        queryset=District.objects.filter(city__code="seoul").select_related("city"),
        required=False,
        empty_label=_("전체"),
    )
    work_type = forms.ChoiceField(
        label=_("근무 형태"), choices=[("", _("전체"))] + Role.WorkType.choices, required=False
    )
    badges = forms.MultipleChoiceField(
        label=_("기업 인증"), choices=(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["badges"].choices = company_badges()
        if not self.fields["badges"].choices:
            del self.fields["badges"]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}


class ChoiceMoveForm(forms.Form):
    role = forms.IntegerField(widget=forms.HiddenInput)
    direction = forms.ChoiceField(choices=[("up", _("위로")), ("down", _("아래로"))])


class InvitationAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("accept", _("수락")), ("decline", _("거절"))])
