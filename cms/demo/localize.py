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

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, RevisionMixin
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    Translation,
    TranslationContext,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.ingest import ingest_segments
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


def _translated_strings(instance, source_strings, values):
    """Map (field path, English string) to the translated string, segment by segment
    (`source_strings`: the English record's, from _segment_strings())."""
    translated = copy.copy(instance)
    for field_name, value in values.items():
        setattr(translated, field_name, value)
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
    # Each target language's Translation (what the editor opens), made if missing.
    have = set(
        Translation.objects.filter(source=source, target_locale__in=list(translations)).values_list(
            "target_locale_id", flat=True
        )
    )
    Translation.objects.bulk_create(
        [
            Translation(source=source, target_locale=locale, enabled=True)
            for locale in translations
            if locale.pk not in have
        ]
    )
    source_strings = _segment_strings(instance)
    contexts = {
        context.path: context
        for context in TranslationContext.objects.filter(object_id=source.object_id)
    }
    strings = {}
    for locale, values in translations.items():
        strings[locale] = _record_strings(instance, source_strings, segments, locale, values)
        for path, value in (overrides or {}).get(locale, {}).items():
            _record_override(source, contexts, locale, path, value)
    if isinstance(instance, Page | RevisionMixin):
        return {locale: _save_translation(instance, source, locale) for locale in translations}
    snippet_source = _SnippetSource(source, original, segments, translations)
    return {
        locale: snippet_source.save_translation(locale, strings[locale]) for locale in translations
    }


def _record_strings(instance, source_strings, segments, locale, values):
    """Record the translation of each segment, in bulk; each must be valid, as the editor
    requires (`StringTranslation.save()` would flag an invalid one and skip it silently).
    Returns {(string id, context id): translated string}."""
    strings = _translated_strings(instance, source_strings, values)
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
    return wanted


def _record_override(source, contexts, locale, path, value):
    """Store what a translator stores when they replace a synchronized field's value (or,
    with `value` None, go back to the English value)."""
    if value is None:
        SegmentOverride.objects.filter(
            locale=locale, context__object_id=source.object_id, context__path=path
        ).delete()
        return
    context = contexts[path]
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


class _SnippetSource:
    """Writes the translations of one snippet (neither a page nor revisioned) as
    wagtail-localize's `TranslationSource.create_or_update_translation()` does, reading what
    it reads once for all the languages rather than once per language: the source's
    template, related-object and overridable segments, the overrides, which related objects
    have a translation, the existing translations. The translated strings are those just
    recorded. Field validation runs as there; the foreign keys and the one-translation-per-
    language rule, which `full_clean()` checks with a query each, are left to the database's
    constraints. tests/demo/test_demo_localize.py checks that wagtail-localize itself would
    write the same records."""

    def __init__(self, source, original, string_segments, locales):
        self.source = source
        self.original = original
        self.string_segments = string_segments
        self.templates = list(
            TemplateSegment.objects.filter(source=source).select_related("template", "context")
        )
        related = list(
            RelatedObjectSegment.objects.filter(source=source).select_related("object", "context")
        )
        self.related = related
        self.related_translated = set()
        by_type = defaultdict(set)
        for segment in related:
            by_type[segment.object.content_type_id].add(segment.object.translation_key)
        for content_type_id, keys in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            self.related_translated.update(
                (content_type_id, key, locale_id)
                for key, locale_id in model._base_manager.filter(
                    translation_key__in=keys, locale__in=list(locales)
                ).values_list("translation_key", "locale_id")
            )
        self.overridable = list(
            OverridableSegment.objects.filter(source=source).select_related("context")
        )
        self.overrides = {
            (override.locale_id, override.context_id): override.data_json
            for override in SegmentOverride.objects.filter(
                context_id__in=[segment.context_id for segment in self.overridable],
                locale__in=list(locales),
                has_error=False,
            )
        }
        model = type(original)
        self.existing = {
            translation.locale_id: translation
            for translation in model._base_manager.filter(translation_key=source.object_id)
        }

    def segments(self, locale, strings):
        """The segments `_get_segments_for_translation(locale, fallback=True)` returns."""
        values = []
        for segment in self.string_segments:
            data = strings.get((segment.string_id, segment.context_id), segment.string.data)
            value = StringSegmentValue(
                segment.context.path, StringValue(data), attrs=json.loads(segment.attrs)
            )
            values.append(value.with_order(segment.order))
        values += [
            TemplateSegmentValue(
                segment.context.path,
                segment.template.template_format,
                segment.template.template,
                segment.template.string_count,
                order=segment.order,
            )
            for segment in self.templates
        ]
        values += [
            RelatedObjectSegmentValue(
                segment.context.path,
                segment.object.content_type,
                segment.object.translation_key,
                order=segment.order,
            )
            for segment in self.related
            if (segment.object.content_type_id, segment.object.translation_key, locale.pk)
            in self.related_translated
        ]
        values += [
            OverridableSegmentValue(
                segment.context.path,
                json.loads(self.overrides[(locale.pk, segment.context_id)]),
                order=segment.order,
            )
            for segment in self.overridable
            if (locale.pk, segment.context_id) in self.overrides
        ]
        return values

    def save_translation(self, locale, strings):
        original = copy.deepcopy(self.original)
        translation = self.existing.get(locale.pk) or original.copy_for_translation(locale)
        copy_synchronised_fields(original, translation)
        with transaction.atomic():
            ingest_segments(
                original, translation, self.source.locale, locale, self.segments(locale, strings)
            )
            relations = [
                field.name for field in translation._meta.concrete_fields if field.is_relation
            ]
            translation.full_clean(exclude=relations, validate_unique=False)
            translation.save()
        TranslationLog.objects.create(source=self.source, locale=locale, revision=None)
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
