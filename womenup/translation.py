"""The catalogue's texts in Korean and English (django-modeltranslation).

Each registered field gets ``<field>_ko`` and ``<field>_en`` columns on the same table; reading
``program.name`` gives the reader's language, falling back to Korean where the English column is
empty. Cities keep their own ``name_en``/``short_name_en`` (``City.label``).
"""

from modeltranslation.translator import TranslationOptions, register

from womenup.models import District, EligibilityRule, IntakeWindow, JobCategory, Program


@register(District)
class DistrictTranslation(TranslationOptions):
    fields = ("name",)


@register(JobCategory)
class JobCategoryTranslation(TranslationOptions):
    fields = ("name",)


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("name", "summary", "description", "key_facts")


@register(IntakeWindow)
class IntakeWindowTranslation(TranslationOptions):
    fields = ("label",)


@register(EligibilityRule)
class EligibilityRuleTranslation(TranslationOptions):
    fields = ("note",)
