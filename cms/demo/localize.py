"""Translating demo records through wagtail-localize, the way a translator would.

Each translation goes through the same objects as the admin's translation editor: a
`TranslationSource` for the English record, a `Translation` per target language, and one
`StringTranslation` per segment. Translators therefore find the demo translations in the
editor, and can change them there.
"""

import copy
from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

__all__ = ["MissingDemoTranslation", "search_indexing_paused", "translate"]


class MissingDemoTranslation(Exception):
    """A segment of the English record has no translation in the fact files."""


def _segment_strings(instance):
    by_path = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            by_path[segment.path].append(segment.string.data)
    return by_path


def _translated_strings(instance, values):
    """Map (field path, English string) to the translated string, segment by segment."""
    translated = copy.copy(instance)
    for field_name, value in values.items():
        setattr(translated, field_name, value)
    source_strings = _segment_strings(instance)
    target_strings = _segment_strings(translated)
    strings = {}
    for path, sources in source_strings.items():
        targets = target_strings.get(path, [])
        if len(targets) != len(sources):
            raise MissingDemoTranslation(
                f"{instance!r}: {path} has {len(sources)} segment(s) in English "
                f"and {len(targets)} in the translation"
            )
        strings.update({(path, s): t for s, t in zip(sources, targets, strict=True)})
    return strings


def translate(instance, locale, values):
    """Translate an English record into `locale` with the given field values; return it.

    `values` maps each translatable field to its translated value (rich text as HTML). A
    page is saved as a revision and published; a snippet is saved.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    strings = _translated_strings(instance, values)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        key = (segment.context.path, segment.string.data)
        if key not in strings:
            raise MissingDemoTranslation(f"{instance!r}: no {locale} translation for {key}")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": strings[key],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "has_error": False,
                "field_error": "",
            },
        )
    if isinstance(instance, Page):
        # Publishing directly, rather than on commit as save_target() does, keeps the demo
        # pages live even when the load runs inside an outer transaction (tests).
        page, _created = source.create_or_update_translation(
            locale, publish=False, copy_parent_pages=True
        )
        page.get_latest_revision().publish()
        return page
    translation.save_target(publish=True)
    return source.get_translated_instance(locale)


@contextmanager
def search_indexing_paused():
    """Skip the search index update on each save; the loader rebuilds the index at the end."""
    models = [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
