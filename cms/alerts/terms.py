"""Vocabulary terms for the subscription forms, named in the visitor's language.

Subscribers' criteria point at the source-language rows; the names shown come from the rows
of the active locale (one query per vocabulary), falling back on the English name.
"""

from django.conf import settings
from django.utils.translation import get_language

from cms.snippets.models import BeneficiaryRegion, PartnerKind, ThematicArea

__all__ = ["choices", "names"]


def names(model, language=None):
    """{translation_key: name} of a vocabulary in a language (English where untranslated)."""
    language = language or get_language() or settings.LANGUAGE_CODE
    rows = model.objects.filter(
        locale__language_code__in={language, settings.LANGUAGE_CODE}
    ).values_list("translation_key", "locale__language_code", "name")
    result = {}
    for key, code, name in rows:
        if code == language or key not in result:
            result[key] = name
    return result


def choices(model, language=None):
    """(pk, localized name) of the source-language terms, in the vocabulary's order."""
    localized = names(model, language)
    terms = model.objects.in_source_locale().order_by("sort_order", "name")
    return [(term.pk, localized.get(term.translation_key, term.name)) for term in terms]


VOCABULARIES = {"areas": ThematicArea, "regions": BeneficiaryRegion, "kind": PartnerKind}
