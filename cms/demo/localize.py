"""Translating demo records through wagtail-localize, the way a translator would.

Each translation goes through the same objects as the admin's translation editor: a
`TranslationSource` for the English record, a `Translation` per target language, and one
`StringTranslation` per segment. Translators therefore find the demo translations in the
editor, and can change them there.
"""

import copy
import json
from collections import defaultdict
from contextlib import contextmanager

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue, validate_translation_links

__all__ = ["MissingDemoTranslation", "search_indexing_paused", "translate", "translate_into"]


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


def translate(instance, locale, values, overrides=None):
    """Translate an English record into `locale` with the given field values; return it.

    `values` maps each translatable field to its translated value (rich text as HTML, a
    StreamField as its raw list of blocks). `overrides` maps a synchronized but overridable
    field (such as a material's `document`) to the value this language uses instead of the
    English one (None for the English one), stored as a wagtail-localize override so that
    later syncs keep it. A page is
    saved as a revision and published; a snippet is saved.
    """
    overrides = {locale: overrides} if overrides else {}
    return translate_into(instance, {locale: values}, overrides)[locale]


def translate_into(instance, translations, overrides=None):
    """Translate an English record into several locales at once; return the translations.

    `translations` maps each target locale to its field values and `overrides` (optional)
    each locale to its overridden fields, as for `translate()`. The translation source is
    extracted once for all the locales.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    # Each locale's translation starts from the content frozen in the source. It is
    # deserialised once (deserialising reads the row of every foreign key again) and copied
    # for each locale: wagtail-localize writes a StreamField's translated strings into the
    # blocks of the instance it was given, so no two locales may share one.
    original = source.as_instance()
    source.as_instance = lambda: copy.deepcopy(original)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    translated = {}
    for locale, values in translations.items():
        _record_strings(instance, source, segments, locale, values)
        for path, value in (overrides or {}).get(locale, {}).items():
            _record_override(source, locale, path, value)
        translated[locale] = _save_translation(instance, source, locale)
    return translated


def _record_strings(instance, source, segments, locale, values):
    """Record the translation of each segment, in bulk; each must be valid, as the editor
    requires (`StringTranslation.save()` would flag an invalid one and skip it silently)."""
    Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    strings = _translated_strings(instance, values)
    wanted = {}
    for segment in segments:
        key = (segment.context.path, segment.string.data)
        if key not in strings:
            raise MissingDemoTranslation(f"{instance!r}: no {locale} translation for {key}")
        try:
            StringValue.from_translated_html(strings[key])
            validate_translation_links(segment.string.data, strings[key])
        except ValueError as error:
            raise MissingDemoTranslation(f"{instance!r}: {locale} {key}: {error}") from error
        wanted[(segment.string_id, segment.context_id)] = strings[key]
    existing = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale=locale,
            translation_of_id__in={string_id for string_id, _context in wanted},
            context_id__in={context_id for _string, context_id in wanted},
        )
    }
    manual = StringTranslation.TRANSLATION_TYPE_MANUAL
    created, changed = [], []
    for (string_id, context_id), data in wanted.items():
        row = existing.get((string_id, context_id))
        if row is None:
            created.append(
                StringTranslation(
                    translation_of_id=string_id,
                    locale=locale,
                    context_id=context_id,
                    data=data,
                    translation_type=manual,
                )
            )
        elif (row.data, row.translation_type, row.has_error) != (data, manual, False):
            row.data, row.translation_type, row.has_error, row.field_error = data, manual, False, ""
            row.updated_at = timezone.now()
            changed.append(row)
    # The bulk writes skip StringTranslation's save() and signal, which keep a page's draft
    # title in step: the page's translation is saved right after, which sets it anyway.
    StringTranslation.objects.bulk_create(created)
    StringTranslation.objects.bulk_update(
        changed, ["data", "translation_type", "has_error", "field_error", "updated_at"]
    )


def _record_override(source, locale, path, value):
    """Store what a translator stores when they replace a synchronized field's value (or,
    with `value` None, go back to the English value)."""
    if value is None:
        SegmentOverride.objects.filter(
            locale=locale, context__object_id=source.object_id, context__path=path
        ).delete()
        return
    context = TranslationContext.objects.get(object_id=source.object_id, path=path)
    SegmentOverride.objects.update_or_create(
        locale=locale,
        context=context,
        defaults={
            "data_json": json.dumps(value, cls=DjangoJSONEncoder),
            "has_error": False,
            "field_error": "",
        },
    )


def _save_translation(instance, source, locale):
    if isinstance(instance, Page):
        # Publishing directly, rather than on commit as save_target() does, keeps the demo
        # pages live even when the load runs inside an outer transaction (tests).
        page, _created = source.create_or_update_translation(
            locale, publish=False, copy_parent_pages=True
        )
        page.get_latest_revision().publish()
        return page
    # What Translation.save_target() does, on this source object (its content deserialised
    # once for all the locales, above).
    translation, _created = source.create_or_update_translation(
        locale, publish=True, fallback=True, copy_parent_pages=True
    )
    return translation


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
