"""Admin list filters of kernel models that other apps' lists share."""

from django.contrib import admin

from womenup.models import IntakeWindow


class IntakeListFilter(admin.RelatedFieldListFilter):
    """Filter by intake; the options (named "programme label") are read in one query, not one
    per intake. Use as ``list_filter = [("intake", IntakeListFilter)]``."""

    def field_choices(self, field, request, model_admin):
        ordering = self.field_admin_ordering(field, request, model_admin) or ()
        intakes = IntakeWindow.objects.select_related("program").order_by(*ordering)
        if not ordering:
            intakes = intakes.order_by(*IntakeWindow._meta.ordering)
        return [(intake.pk, str(intake)) for intake in intakes]
