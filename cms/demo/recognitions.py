"""The awards of the 25th anniversary of ITU-D (WTDC-17), in six languages (their partners'
translations are those of `partners.translate_partners`)."""

from django.utils.html import escape

from cms.snippets.models import Recognition

from .facts import read_json
from .localize import translate_into

__all__ = ["load_recognitions"]


def _paragraph(text):
    return f"<p>{escape(text)}</p>"


def _is_translated(instance, locale, values):
    current = instance.get_translation_or_none(locale)
    return current is not None and all(getattr(current, f) == v for f, v in values.items())


def load_recognitions(source_locale, target_locales, partners):
    """Create the three recognitions and translate them; return the count of recognitions
    created and of translations written."""
    facts = read_json("recognitions.json")
    award = facts["award"]
    created = translated = 0
    for fact in facts["recognitions"]:
        recognition, was_created = Recognition.objects.get_or_create(
            locale=source_locale,
            partner=partners[fact["partner"]],
            occasion=award["occasion"]["en"],
            year=award["year"],
            defaults={
                "award_title": award["award_title"]["en"],
                "citation": _paragraph(fact["citation"]["en"]),
            },
        )
        created += was_created
        wanted = {}
        for locale in target_locales:
            code = locale.language_code
            values = {
                "award_title": award["award_title"][code],
                "occasion": award["occasion"][code],
            }
            if not _is_translated(recognition, locale, values):
                values["citation"] = _paragraph(fact["citation"][code])
                wanted[locale] = values
        if wanted:
            translate_into(recognition, wanted)
            translated += len(wanted)
    return created, translated
