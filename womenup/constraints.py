"""Database constraints that speak to people: each refusal is a Korean sentence at its field.

Every ``CheckConstraint`` and ``UniqueConstraint`` of the portal carries a
``violation_error_message`` (gettext_lazy, Korean msgid) and, when one field is the one to
correct, ``violation_error_code`` naming that field. A model with constraints mixes in
``ConstraintErrorsAtFields``: ``full_clean()`` (services), every ``ModelForm`` of the site and
every admin change form then show the sentence under that field instead of Django's
"<constraint name>을(를) 위반하였습니다." above the form.
``tests/kernel/test_constraint_messages.py`` walks every model's constraints to keep it so.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class ConstraintErrorsAtFields:
    """Model mixin: a refused constraint whose code names a field is reported at that field."""

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            raise ValidationError(errors_at_fields(error, self)) from error


def errors_at_fields(error: ValidationError, instance) -> dict:
    """The error dict with every non-field constraint error moved to the field its code names."""
    field_names = {field.name for field in instance._meta.get_fields() if field.concrete}
    errors: dict[str, list] = {}
    for field, field_errors in error.error_dict.items():
        for one in field_errors:
            target = field
            if field == NON_FIELD_ERRORS and getattr(one, "code", None) in field_names:
                target = one.code
            errors.setdefault(target, []).append(one)
    return errors
