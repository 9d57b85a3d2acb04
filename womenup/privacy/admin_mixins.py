"""The one admin mixin that writes access-log rows for staff work on someone's personal data."""

from django.contrib.admin.utils import unquote
from django.utils.translation import gettext as _

from womenup.models import PersonalDataAccess
from womenup.privacy.services import personal_data_access_record

Action = PersonalDataAccess.Action


class PersonalDataAdminMixin:
    """Logs every staff look at or write to a person's record in admin (DESIGN.md §7).

    Set ``personal_data_subject`` to a function returning the user whose data an object holds
    (or ``None`` when the person has no account, e.g. a company's contact person).
    A list page writes one row per page view (no single subject) naming how many rows it
    showed; the change form writes "view", a saved change or addition "change", the history
    page "history", the delete confirmation and every deletion (also the bulk action) "delete".
    """

    @staticmethod
    def personal_data_subject(obj):
        return getattr(obj, "user", None)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is not None:
            shown = len(changelist.result_list)
            self._access_record(
                request,
                subject=None,
                action=Action.VIEW,
                target=_("%(model)s 목록 (%(count)s명)")
                % {"model": self.model._meta.verbose_name_plural, "count": shown},
                records=shown,
            )
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        saved = request.method == "POST" and response.status_code == 302
        if not saved:  # a saved change is logged by log_change
            self._object_record(request, object_id, Action.VIEW)
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        if response.status_code == 200:
            self._object_record(request, object_id, Action.HISTORY)
        return response

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        response = super().history_form_view(request, object_id, version_id, extra_context)
        if request.method != "POST" and response.status_code == 200:
            self._object_record(request, object_id, Action.HISTORY, note="이전 기록")
        return response

    def delete_view(self, request, object_id, extra_context=None):
        response = super().delete_view(request, object_id, extra_context)
        if request.method != "POST" and response.status_code == 200:
            self._object_record(request, object_id, Action.DELETE, note="삭제 확인 화면")
        return response

    def log_addition(self, request, obj, message):
        self._record_for(request, obj, Action.CHANGE, note="추가")
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._record_for(request, obj, Action.CHANGE)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._record_for(request, obj, Action.DELETE)
        return super().log_deletions(request, queryset)

    def _object_record(self, request, object_id, action: str, note: str = "") -> None:
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            self._record_for(request, obj, action, note=note)

    def _record_for(self, request, obj, action: str, note: str = "") -> None:
        target = f"{obj._meta.verbose_name}: {obj}" + (f" ({note})" if note else "")
        subject = self.personal_data_subject(obj)
        self._access_record(request, subject=subject, action=action, target=target)

    @staticmethod
    def _access_record(request, *, subject, action: str, target: str, records: int = 1) -> None:
        personal_data_access_record(
            actor=request.user,
            subject=subject,
            action=action,
            target=target,
            request=request,
            records=records,
        )
