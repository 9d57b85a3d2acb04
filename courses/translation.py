"""Institutions' and courses' texts in Korean and English (django-modeltranslation; see
``womenup/translation.py``)."""

from modeltranslation.translator import TranslationOptions, register

from courses.models import Course, Institution


@register(Institution)
class InstitutionTranslation(TranslationOptions):
    fields = ("name",)


@register(Course)
class CourseTranslation(TranslationOptions):
    fields = ("title", "subject", "summary", "schedule", "certificate_name")
