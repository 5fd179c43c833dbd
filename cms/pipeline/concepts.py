"""What a pipeline follows: an opportunity and a partner as concepts, whatever the language
they were chosen in (the source-language page, the English partner record).

Its own module, below the models, so that the entry's form and the shortlist's save share it
without importing each other."""

from django.conf import settings
from wagtail.models import Locale

__all__ = ["concept_opportunity", "concept_partner"]


def _source_version(instance):
    """The version of a translatable `instance` in the source language, else `instance`."""
    if instance.locale.language_code == settings.LANGUAGE_CODE:
        return instance
    return instance.get_translation_or_none(Locale.get_default()) or instance


def concept_opportunity(page):
    """The opportunity page a pipeline follows for `page` (any of its languages)."""
    return _source_version(page)


def concept_partner(partner):
    """The partner record a pipeline follows for `partner` (any of its languages)."""
    return _source_version(partner)
