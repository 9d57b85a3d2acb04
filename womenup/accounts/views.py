"""The language switch, remembered for a logged-in user's e-mails, and her notification settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.i18n import set_language

from womenup.accounts.forms import NotificationSettingsForm
from womenup.accounts.services import user_language_set, user_notifications_set
from womenup.forms import add_service_errors
from womenup.notifications.sms import korean_mobile_display, sms_channels


def language_set(request):
    """Django's language switch; a logged-in user's choice is also kept for her e-mails."""
    response = set_language(request)
    if request.method == "POST" and request.user.is_authenticated:
        user_language_set(user=request.user, language=request.POST.get("language", ""))
    return response


@login_required
def notification_settings(request):
    """알림 설정: e-mail always; SMS/알림톡 where the portal sends them; the language of both."""
    user, channels = request.user, sms_channels()
    initial = {
        "language": user.language,
        "notify_by_sms": user.notify_by_sms,
        "notify_by_alimtalk": user.notify_by_alimtalk,
        "notification_phone": korean_mobile_display(user.notification_phone),
    }
    form = NotificationSettingsForm(request.POST or None, initial=initial, channels=channels)
    if request.method == "POST" and form.is_valid():
        try:
            user_notifications_set(
                user=user,
                language=form.cleaned_data["language"],
                notify_by_sms=form.cleaned_data.get("notify_by_sms", False),
                notify_by_alimtalk=form.cleaned_data.get("notify_by_alimtalk", False),
                notification_phone=form.cleaned_data.get("notification_phone", ""),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and set(error.error_dict) <= set(form.fields):
                form.add_error(None, error)  # at the field it is about
            else:
                add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("알림 설정을 저장했습니다. 다음 알림부터 고른 방법과 언어로 보내 드립니다."),
            )
            return redirect("notification-settings")
    return render(
        request,
        "womenup/notification_settings.html",
        {"form": form, "channels": channels},
    )
