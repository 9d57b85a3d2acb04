"""Admin writes that call a service: one way to apply it and to report what it refused.

Bulk actions use ``apply_to_each`` (or ``apply_with_reason``, which first asks for a reason on
an intermediate page, or ``apply_after_confirmation``, which first asks to confirm); change
forms whose save calls a service use ``ServiceSaveMixin``. A ``ValidationError`` from the
service is shown as an error message naming the row, never as success.
"""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from womenup.models import PersonalDataAccess


class ReasonForm(forms.Form):
    """The reason a staff member gives for a refusal (shown to the person refused)."""

    reason = forms.CharField(label=_("반려 사유"), widget=forms.Textarea(attrs={"rows": 4}))


def report_refusal(modeladmin, request, obj, error: ValidationError) -> None:
    for message in error.messages:
        modeladmin.message_user(request, f"{obj}: {message}", messages.ERROR)


def apply_to_each(modeladmin, request, queryset, service: Callable, *, done_message) -> int:
    """Call ``service(obj)`` for every selected row; each refusal is an error message, the
    count of the others (``done_message % {"count": n}``) a success message."""
    done = 0
    for obj in queryset:
        try:
            service(obj)
        except ValidationError as error:
            report_refusal(modeladmin, request, obj, error)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, done_message % {"count": done}, messages.SUCCESS)
    return done


def apply_with_reason(modeladmin, request, queryset, service: Callable, *, title, done_message):
    """Ask for a reason on an intermediate page, then ``apply_to_each`` ``service(obj, reason)``."""
    form = ReasonForm(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        reason = form.cleaned_data["reason"]
        apply_to_each(
            modeladmin,
            request,
            queryset,
            lambda obj: service(obj, reason),
            done_message=done_message,
        )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "objects": queryset,
        "form": form,
        "action": request.POST.get("action"),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "opts": modeladmin.model._meta,
    }
    return TemplateResponse(request, "admin/reason_form.html", context)


def apply_after_confirmation(
    modeladmin, request, queryset, service: Callable, *, title, question, done_message
):
    """Ask "are you sure?" on an intermediate page listing the rows, then ``apply_to_each``."""
    if "apply" in request.POST:
        apply_to_each(modeladmin, request, queryset, service, done_message=done_message)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "question": question,
        "objects": queryset,
        "action": request.POST.get("action"),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "opts": modeladmin.model._meta,
    }
    return TemplateResponse(request, "admin/confirm_action.html", context)


class ServiceSaveMixin:
    """For change forms whose ``save_model`` calls a service through ``save_by_service``: a
    refusal shows as an error and the form is shown again, without "changed successfully"."""

    def save_by_service(self, request, obj, service: Callable[[], object]) -> None:
        try:
            service()
        except ValidationError as error:
            report_refusal(self, request, obj, error)
            request._service_refused = True

    def log_change(self, request, obj, message):
        if not getattr(request, "_service_refused", False):
            return super().log_change(request, obj, message)
        if hasattr(self, "_record_for"):  # personal data: a refused save is a view
            self._record_for(request, obj, PersonalDataAccess.Action.VIEW)
        return None

    def response_change(self, request, obj):
        if getattr(request, "_service_refused", False):
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)
