"""Change history in admin (django-simple-history): who changed what, when; never a revert.

A model with ``history = HistoricalRecords(...)`` keeps one historical row per save (the
request's user from ``HistoryRequestMiddleware``, none for the batch and tasks). Its admin mixes
in ``HistoryAdmin`` and the object's 변경 이력 page lists every version with the fields it
changed. Reverting to an old version is refused, on the page and when posted: it would write
the row directly, around the service that holds the row's rules (statuses and their reasons,
seats, notices to the people concerned).
"""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper


class _WordedChanges(HistoricalRecordContextHelper):
    """Changed values as staff read them: a choice's label, a renderer's words, "-" for empty."""

    def __init__(self, model, record, *, renderers: dict[str, Callable]):
        super().__init__(model, record)
        self.renderers = renderers

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if change.field in self.renderers:
            return self.renderers[change.field](value)
        if field.choices and value not in (None, ""):
            return dict(field.flatchoices).get(value, value)
        if value in (None, "", [], {}):
            return "-"
        return super().prepare_delta_change_value(change, value)


class HistoryAdmin(SimpleHistoryAdmin):
    #: field name -> function turning a stored value (e.g. reason codes) into words
    history_value_renderers: dict[str, Callable] = {}

    def get_historical_record_context_helper(self, request, historical_record):
        return _WordedChanges(self.model, historical_record, renderers=self.history_value_renderers)

    def revert_disabled(self, request, obj=None) -> bool:
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            self.message_user(
                request,
                _(
                    "이전 기록으로 되돌릴 수 없습니다. 상태와 내용은 목록의 작업이나 수정 "
                    "화면에서 바꿔 주세요 (규칙 확인과 알림이 함께 처리됩니다)."
                ),
                messages.ERROR,
            )
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history",
                    args=[object_id],
                )
            )
        request._viewing_old_version = True  # the old version's form is read only
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if getattr(request, "_viewing_old_version", False):
            readonly += [f.name for f in self.model._meta.fields if f.name not in readonly]
        return readonly

    def history_view_title(self, request, obj) -> str:
        return _("변경 이력: %(object)s") % {"object": obj}

    def history_form_view_title(self, request, obj) -> str:
        return _("이전 기록 보기: %(object)s") % {"object": obj}
