"""Filters and search of the public company and role listings."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from companies.models import BADGE_FIELDS, Badge, Company, Role
from womenup.models import JobCategory
from womenup.programs.selectors import districts_for_places


class _BadgeAndSearch(django_filters.FilterSet):
    """Shared parts: a badge filter and a free-text search."""

    badge_prefix = ""
    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(label=_("검색어"), method="filter_search")
    badge = django_filters.ChoiceFilter(
        label=_("인증"), choices=Badge.choices, method="filter_badge", empty_label=_("전체")
    )

    @property
    def form(self):
        form = super().form
        for field in form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)
        return form

    def filter_search(self, queryset, name, value):
        words = value.split()
        for word in words[:5]:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(condition)
        return queryset

    def filter_badge(self, queryset, name, value):
        return queryset.filter(**{f"{self.badge_prefix}{BADGE_FIELDS[value]}": True})


class CompanyFilter(_BadgeAndSearch):
    search_fields = ("name", "description")
    district = django_filters.ModelChoiceFilter(
        label=_("자치구"), queryset=districts_for_places(), empty_label=_("전체")
    )

    class Meta:
        model = Company
        fields = ["q", "badge", "district"]


class RoleFilter(_BadgeAndSearch):
    badge_prefix = "company__"
    search_fields = ("title", "company__name", "description", "duties")
    job_category = django_filters.ModelChoiceFilter(
        label=_("직무 분야"), queryset=JobCategory.objects.all(), empty_label=_("전체")
    )
    track = django_filters.ChoiceFilter(
        label=_("유형"), choices=Role.Track.choices, empty_label=_("전체")
    )
    work_type = django_filters.ChoiceFilter(
        label=_("근무 형태"), choices=Role.WorkType.choices, empty_label=_("전체")
    )
    district = django_filters.ModelChoiceFilter(
        label=_("근무 자치구"), queryset=districts_for_places(), empty_label=_("전체")
    )

    class Meta:
        model = Role
        fields = ["q", "track", "job_category", "work_type", "district", "badge"]
