"""Accessible names for admin inputs that no ``<label for>`` reaches: the cells of tabular
inlines (the column header is not a label) and the parts of multi-part widgets (date and time)."""

from django import template

register = template.Library()


@register.filter
def with_accessible_name(bound_field, label: str = ""):
    """The field's widget with ``aria-label`` set to ``label`` (by default the field's label)."""
    return bound_field.as_widget(attrs={"aria-label": str(label or bound_field.label)})
