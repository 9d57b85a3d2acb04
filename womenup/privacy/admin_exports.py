"""Exports from admin lists: CSV or XLSX, each with a reason and one access-log row (PIPA).

An admin mixes in ``ExportWithReasonAdmin`` and names its resource
(``resource_classes = [ApplicantResource]``, built on
``womenup.privacy.exports.PersonalDataResource``).
The list then shows 내보내기; the export page asks for the file format and the reason, exports
the rows the list's current filters and search select (scoped as the list is), and writes one
``PersonalDataAccess`` row (action 내보내기, how many rows, the format, masked or not, the
reason). Anyone who may view the list may export it; phones and birth dates come masked unless
the exporter holds ``womenup.export_unmasked``.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ExportForm

from womenup.models import PersonalDataAccess
from womenup.privacy.services import personal_data_access_record

UNMASKED_PERMISSION = "womenup.export_unmasked"


class ExportReasonForm(ExportForm):
    reason = forms.CharField(
        label=_("내보내기 사유"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("예: 7월 인턴 임금 지원 정산 자료 제출. 접근 기록에 남습니다."),
    )

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.fields["format"].label = _("파일 형식")
        self.fields["format"].choices = [
            ("", "---"),
            *((str(i), f().get_title().upper()) for i, f in enumerate(formats)),
        ]
        self.order_fields(["format", "reason"])

    def clean_reason(self) -> str:
        reason = " ".join(self.cleaned_data["reason"].split())
        if len(reason) < 4:
            raise forms.ValidationError(
                _("내보내는 이유를 구체적으로 적어 주세요 (4자 이상). 예: 7월 지급 정산 자료.")
            )
        return reason


class ExportWithReasonAdmin(ExportMixin):
    export_formats = [CSV, XLSX]
    export_form_class = ExportReasonForm
    export_template_name = "admin/export_with_reason.html"
    import_export_change_list_template = "admin/export_change_list.html"
    to_encoding = "utf-8-sig"  # Excel reads Korean in a CSV only with the byte-order mark

    def has_export_permission(self, request) -> bool:
        return self.has_view_permission(request)

    def get_export_resource_kwargs(self, request, **kwargs):
        return {"unmasked": request.user.has_perm(UNMASKED_PERMISSION)}

    def init_request_context_data(self, request, form):
        context = super().init_request_context_data(request, form)
        context["title"] = _("내보내기: %(list)s") % {"list": self.model._meta.verbose_name_plural}
        context["unmasked"] = request.user.has_perm(UNMASKED_PERMISSION)
        context["rows"] = self.get_export_queryset(request).count()
        return context

    def get_data_for_export(self, request, queryset, **kwargs):
        dataset = super().get_data_for_export(request, queryset, **kwargs)
        form = kwargs["export_form"]
        file_format = self.get_export_formats()[int(form.cleaned_data["format"])]
        unmasked = request.user.has_perm(UNMASKED_PERMISSION)
        masking = "원본" if unmasked else "휴대전화·생년월일 가림"
        target = (
            f"{self.model._meta.verbose_name_plural} 내보내기 "
            f"({len(dataset)}건, {file_format().get_title().upper()}, {masking})"
        )
        personal_data_access_record(
            actor=request.user,
            subject=None,
            action=PersonalDataAccess.Action.EXPORT,
            target=target,
            reason=form.cleaned_data["reason"],
            request=request,
            records=len(dataset),
        )
        return dataset

    def get_export_filename(self, request, queryset, file_format):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        return f"{self.model._meta.model_name}-{stamp}.{file_format.get_extension()}"
