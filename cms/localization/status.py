"""Computing the translation status of an object in each language, and keeping it fresh.

States, for each language other than the object's source language:
- missing: there is no translation (an alias page that only mirrors the source counts as
  missing);
- in progress: a translation exists but not all of its segments are translated yet, or the
  translated page is not published; the percent of segments translated is kept;
- machine, not reviewed: some segments are machine translations nobody has reviewed yet
  (review.py), whether the translation is published or not;
- outdated: the source changed after the translation was last synchronized with it (its
  content differs from the content wagtail-localize froze when the translation was last
  submitted or synchronized);
- up to date: everything translated and published, from the current source.

Changes schedule a refresh of the objects concerned, once per transaction after commit
(signals.py), as a background task (django-tasks): an editor's "Save draft" of an opportunity
with five translations spent about 150 ms of its request (half the edit view's time on the
demo, more with long pages) reading wagtail-localize's progress of every translation, for a
matrix nobody is looking at that second (bench/admin_save.py). `rebuild_status()` recomputes
everything (the `refresh_translation_status` command, the demo loader).
"""

import json
import uuid
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone
from django_tasks import task
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .models import TranslationCell, TranslationStatus
from .permissions import translatable_snippet_models
from .review import IGNORED_PATHS

__all__ = [
    "deferred_status_updates",
    "refresh_object",
    "refresh_object_task",
    "rebuild_status",
    "schedule_refresh",
    "status_updates_deferred",
    "tracked_base_model",
]

# Fields that change on every save or publication without changing what translators translate.
VOLATILE_FIELDS = {
    "pk",
    "id",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "expired",
    "url_path",
    "path",
    "depth",
    "numchild",
    "owner",
    "content_type",
    "locale",
    "translation_key",
    "alias_of",
    "comments",
    "wagtail_admin_comments",
    "latest_revision_id",
    "live_revision_id",
}


def tracked_base_model(model):
    """The model whose rows share a translation key: Page for every page type, the snippet
    model itself otherwise; None for models the matrix does not follow."""
    if issubclass(model, Page):
        return Page
    if model in translatable_snippet_models():
        return model
    return None


def _normalized(data):
    if isinstance(data, str) and data[:1] in ("[", "{"):
        # StreamField content serialized as JSON text: PostgreSQL's jsonb gives its keys
        # back in another order than they were written, which is not a change.
        try:
            data = json.loads(data)
        except ValueError:
            return data
    if isinstance(data, dict):
        return {
            key: _normalized(value) for key, value in data.items() if key not in VOLATILE_FIELDS
        }
    if isinstance(data, list):
        return [_normalized(item) for item in data]
    return data


def _content_of(instance):
    from django.core.serializers.json import DjangoJSONEncoder
    from modelcluster.models import ClusterableModel
    from wagtail_localize.models import get_serializable_data_for_fields

    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def source_changed_since_sync(source, instance):
    """Whether the source instance differs from the content frozen in its TranslationSource."""
    return _normalized(_content_of(instance)) != _normalized(json.loads(source.content_json))


def _percent(total, done):
    return 100 if total == 0 else min(100, done * 100 // total)


def _pick_source(instances, sources, default_locale_id):
    by_locale = {instance.locale_id: instance for instance in instances}
    for source in sources:
        if source.locale_id in by_locale:
            return by_locale[source.locale_id], source
    if default_locale_id in by_locale:
        return by_locale[default_locale_id], None
    return min(instances, key=lambda instance: instance.pk), None


def refresh_object(base_model, translation_key):
    """Recompute the status row and cells of one object (all its languages); return the
    row, or None when the object is gone."""
    return _refresh_objects(base_model, [translation_key]).get(translation_key)


def _progress(sources):
    """{(source id, target locale id): (segments, translated segments)} and the set of
    (source id, target locale id) with machine translations nobody reviewed, for all the
    sources at once: what wagtail-localize's `Translation.get_progress()` and
    `review.unreviewed_machine_segments()` say of each translation, in three queries rather
    than two per translation. A String has at most one translation per locale and context,
    so joining the segments to the translations counts each translated segment once."""
    ids = [source.pk for source in sources]
    totals = dict(
        StringSegment.objects.filter(source_id__in=ids)
        .values("source_id")
        .annotate(count=Count("pk"))
        .values_list("source_id", "count")
    )
    done = {
        (source_id, locale_id): count
        for source_id, locale_id, count in StringSegment.objects.filter(
            source_id__in=ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(count=Count("pk"))
        .values_list("source_id", "string__translations__locale_id", "count")
    }
    machine = set(
        StringSegment.objects.filter(
            source_id__in=ids,
            string__translations__context_id=F("context_id"),
            string__translations__translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        )
        .exclude(context__path__in=IGNORED_PATHS)
        .values_list("source_id", "string__translations__locale_id")
        .distinct()
    )
    return totals, done, machine


def _refresh_objects(base_model, translation_keys):
    """Recompute the status rows and cells of several objects of one base model, reading
    each kind of record once for all of them (a few queries, plus the source content of
    each object for the outdated test); return {translation key: status row}. Rebuilding
    the matrix of the demo this way costs a fraction of one refresh per object."""
    keys = {_as_uuid(key) for key in translation_keys}
    queryset = base_model._default_manager.filter(translation_key__in=keys)
    if base_model is Page:
        queryset = queryset.filter(depth__gt=1)
    instances = defaultdict(list)
    for instance in queryset:
        instances[instance.translation_key].append(instance)
    gone = keys - instances.keys()
    if gone:
        TranslationStatus.objects.filter(translation_key__in=gone).delete()
    if not instances:
        return {}

    sources = defaultdict(list)
    for source in TranslationSource.objects.filter(object_id__in=instances).order_by("pk"):
        sources[source.object_id].append(source)
    # One query for the locales, the default one among them (not three).
    locales = list(Locale.objects.all())
    default_locale_id = next(
        (locale.pk for locale in locales if locale.language_code == settings.LANGUAGE_CODE), None
    )
    picked = {
        key: _pick_source(found, sources[key], default_locale_id)
        for key, found in instances.items()
    }
    if base_model is Page:
        specific = {
            page.pk: page
            for page in Page.objects.filter(
                pk__in=[instance.pk for instance, _source in picked.values()]
            ).specific()
        }
        picked = {key: (specific[page.pk], source) for key, (page, source) in picked.items()}
    used_sources = [source for _instance, source in picked.values() if source is not None]
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(source__in=used_sources, enabled=True)
    }
    totals, done, machine = _progress(used_sources)

    existing = {
        (status.content_type_id, status.translation_key): status
        for status in TranslationStatus.objects.filter(translation_key__in=instances)
    }
    now = timezone.now()
    statuses, cells = {}, {}
    for key, (source_instance, source) in picked.items():
        content_type = ContentType.objects.get_for_model(type(source_instance))
        status = existing.pop((content_type.pk, key), None) or TranslationStatus(
            content_type=content_type, translation_key=key
        )
        status.is_page = base_model is Page
        status.source_locale_id = source_instance.locale_id
        status.source_object_id = str(source_instance.pk)
        status.translation_source_id = source.pk if source else None
        status.title = str(
            source_instance.get_admin_display_title() if base_model is Page else source_instance
        )[:255]
        status.page_path = source_instance.path if base_model is Page else ""
        status.updated_at = now
        statuses[key] = status
        outdated = source is not None and source_changed_since_sync(source, source_instance)
        by_locale = {instance.locale_id: instance for instance in instances[key]}
        cells[key] = [
            _cell(
                locale,
                source_instance,
                by_locale.get(locale.pk),
                source and translations.get((source.pk, locale.pk)),
                outdated,
                totals,
                done,
                machine,
            )
            for locale in locales
        ]
    with transaction.atomic():
        # A page type changed (rare): the rows of the same key under another type go.
        if existing:
            TranslationStatus.objects.filter(pk__in=[s.pk for s in existing.values()]).delete()
        TranslationStatus.objects.bulk_create([s for s in statuses.values() if s.pk is None])
        TranslationStatus.objects.bulk_update(
            [s for s in statuses.values() if s.pk is not None],
            [
                "is_page",
                "source_locale",
                "source_object_id",
                "translation_source_id",
                "title",
                "page_path",
                "updated_at",
            ],
        )
        _save_cells(statuses, cells)
    return statuses


def _as_uuid(key):
    return key if isinstance(key, uuid.UUID) else uuid.UUID(str(key))


def _cell(locale, source_instance, instance, translation, outdated, totals, done, machine):
    cell = TranslationCell(locale=locale, state=TranslationCell.MISSING, object_id="")
    if locale.pk == source_instance.locale_id:
        cell.state = TranslationCell.SOURCE
        cell.object_id = str(source_instance.pk)
    elif instance is not None and not getattr(instance, "alias_of_id", None):
        cell.object_id = str(instance.pk)
        live = getattr(instance, "live", True)
        if translation:
            pair = (translation.source_id, translation.target_locale_id)
            total, translated = totals.get(translation.source_id, 0), done.get(pair, 0)
            cell.percent = _percent(total, translated)
            if outdated:
                cell.state = TranslationCell.OUTDATED
            elif pair in machine:
                cell.state = TranslationCell.MACHINE
            elif translated < total or not live:
                cell.state = TranslationCell.IN_PROGRESS
            else:
                cell.state = TranslationCell.UP_TO_DATE
        elif outdated:
            cell.state = TranslationCell.OUTDATED
        else:
            # Translated by hand (or its translation was stopped to edit it freely).
            cell.state = TranslationCell.UP_TO_DATE if live else TranslationCell.IN_PROGRESS
    return cell


def _save_cells(statuses, cells):
    """Write the cells of the statuses ({key: status}, cells {key: [cell]}), touching only
    those that changed: a cell keeps its row (and id) from one refresh to the next."""
    fields = ["state", "percent", "object_id"]
    existing = defaultdict(dict)
    for cell in TranslationCell.objects.filter(status__in=list(statuses.values())):
        existing[cell.status_id][cell.locale_id] = cell
    changed, created, stale = [], [], []
    for key, status in statuses.items():
        current_cells = existing.pop(status.pk, {})
        for cell in cells[key]:
            cell.status = status
            current = current_cells.pop(cell.locale_id, None)
            if current is None:
                created.append(cell)
            elif any(getattr(current, name) != getattr(cell, name) for name in fields):
                for name in fields:
                    setattr(current, name, getattr(cell, name))
                changed.append(current)
        stale.extend(current_cells.values())
    if stale:
        TranslationCell.objects.filter(pk__in=[cell.pk for cell in stale]).delete()
    if changed:
        TranslationCell.objects.bulk_update(changed, fields)
    if created:
        TranslationCell.objects.bulk_create(created)


_deferred = ContextVar("translation_status_deferred", default=False)


def status_updates_deferred():
    """Whether changes skip their refresh (inside deferred_status_updates())."""
    return _deferred.get()


@contextmanager
def deferred_status_updates():
    """Skip per-change refreshes (bulk loads); call rebuild_status() afterwards."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


class _Refresh:
    """An on-commit callback refreshing one object; equal callbacks are scheduled once."""

    def __init__(self, label, translation_key):
        self.label = label
        self.translation_key = translation_key
        self.done = False

    def __eq__(self, other):
        return isinstance(other, _Refresh) and (self.label, self.translation_key) == (
            other.label,
            other.translation_key,
        )

    def __hash__(self):
        return hash((self.label, self.translation_key))

    def __call__(self):
        self.done = True
        refresh_object_task.enqueue(self.label, str(self.translation_key))


@task()
def refresh_object_task(label, translation_key):
    """Recompute one object's row of the translation status matrix (`label` names its base
    model), out of the request that changed it."""
    refresh_object(apps.get_model(label), translation_key)


def schedule_refresh(base_model, translation_key):
    """Refresh one object's status once the current transaction commits (at once outside a
    transaction); several changes to one object in a transaction refresh it once."""
    if status_updates_deferred() or translation_key is None:
        return
    callback = _Refresh(base_model._meta.label, translation_key)
    connection = transaction.get_connection()
    # Callbacks waiting for this transaction's commit, by object. Django gives each
    # transaction a new list of commit hooks, so the list identifies the transaction.
    state = getattr(connection, "_translation_status_pending", None)
    if state is None or state[0] is not connection.run_on_commit:
        state = (connection.run_on_commit, {})
        connection._translation_status_pending = state
    waiting = state[1].get(callback)
    if waiting is not None and not waiting.done:
        return
    state[1][callback] = callback
    transaction.on_commit(callback)


def tracked_models():
    return [Page, *translatable_snippet_models()]


#: Objects refreshed together by rebuild_status(): few queries, bounded memory.
REBUILD_BATCH = 200


@transaction.atomic
def rebuild_status(stdout=None):
    """Recompute the whole matrix, in one transaction; returns the number of objects."""
    count = 0
    seen = set()
    for model in tracked_models():
        keys = model._default_manager.values_list("translation_key", flat=True).distinct()
        if model is Page:
            keys = keys.filter(depth__gt=1)
        keys = sorted(set(keys))
        for start in range(0, len(keys), REBUILD_BATCH):
            _refresh_objects(model, keys[start : start + REBUILD_BATCH])
        seen |= set(keys)
        count += len(keys)
        if stdout is not None:
            stdout.write(f"{model._meta.verbose_name_plural}: {len(keys)}")
    TranslationStatus.objects.exclude(translation_key__in=seen).delete()
    return count


def is_tracked(instance):
    return isinstance(instance, TranslatableMixin) and tracked_base_model(type(instance))
