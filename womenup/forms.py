"""Form helpers shared by the apps, and the portal's form renderer."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _

# The counter's words, filled in by static/js/char-counter.js: {count} typed, {limit} allowed.
COUNTER_TEXT = _("현재 {count}자 / 최대 {limit}자")
COUNTER_OVER = _("{over}자를 줄여 주세요 (현재 {count}자 / 최대 {limit}자)")
LIMIT_HINT = _("최대 %(limit)d자")


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form, above its fields."""
    for message in error.messages:
        form.add_error(None, message)


def text_limit(field: forms.Field, widget: forms.Widget) -> int | None:
    """The length limit of a text box or text area (not of e-mail, password or phone inputs)."""
    limit = getattr(field, "max_length", None)
    if not limit or widget.is_hidden:
        return None
    if isinstance(widget, forms.Textarea):
        return int(limit)
    if isinstance(widget, forms.TextInput) and widget.input_type == "text":
        return int(limit)
    return None


class LimitedTextBoundField(forms.BoundField):
    """A text field with a length limit says the limit and counts as she types, and the browser
    never cuts what she typed or pasted (no ``maxlength`` on any input): the server answers with the
    portal's sentence instead ("1000자 이내로 입력해 주세요 (현재 5000자)."), the message of
    Django's MaxLengthValidator as ``locale/*/LC_MESSAGES/django.po`` words it."""

    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        self.limit = text_limit(field, field.widget)
        if self.limit:
            hint = LIMIT_HINT % {"limit": self.limit}
            self.help_text = f"{self.help_text} ({hint})" if self.help_text else hint

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if getattr(self.field, "max_length", None):
            attrs["maxlength"] = False  # a False attribute is left out of the HTML
        if self.limit:
            attrs["data-max-length"] = self.limit
            attrs["data-counter-text"] = str(COUNTER_TEXT)
            attrs["data-counter-over"] = str(COUNTER_OVER)
        return attrs


class PortalFormRenderer(DjangoTemplates):
    """Django's renderer with the portal's bound field (``FORM_RENDERER``): every form of the
    site and of the admin gets the length limits and counters above."""

    bound_field_class = LimitedTextBoundField
