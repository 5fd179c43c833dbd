"""What a single save does after writing a record, done once for all the records an import
wrote in bulk.

An import writes its rows with `bulk_create` and `bulk_update`, which send no `post_save`:
Wagtail's reference index (the admin's "usage" of partners, types and areas) and the search
index would not hear of them. Saving 10,000 agreements one by one cost four minutes, mostly
in those two per-row updates (issue 17); here each is brought up to date by batch, with the
same result as the per-row handlers. The page cache hears of an import from its audit record
(`ImportRun` saved as done), not from each row.
"""

import logging

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction
from django_tasks import task
from modelcluster.models import get_all_child_relations
from modelsearch.backends import get_search_backends
from modelsearch.index import RelatedFields
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

__all__ = [
    "BATCH_SIZE",
    "batches",
    "index_for_search",
    "index_records_task",
    "rebuild_reference_index",
    "update_reference_index",
]

logger = logging.getLogger(__name__)

#: Rows per statement or per loaded batch: few round trips, and memory that does not grow
#: with the file.
BATCH_SIZE = 500


def batches(items, size=BATCH_SIZE):
    """`items` (a list) in consecutive slices of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def update_reference_index(model, pks):
    """Bring Wagtail's reference index up to date for the records `pks` of `model`, as
    `ReferenceIndex.create_or_update_for_object` does for one record, by batch."""
    if not pks or not ReferenceIndex.is_indexed(model):
        return
    content_types = [
        ContentType.objects.get_for_model(cls, for_concrete_model=False)
        for cls in [model, *model._meta.get_parent_list()]
    ]
    content_type, base_content_type = content_types[0], content_types[-1]
    known_content_types = {ct.id for ct in content_types}
    children = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    ignore = {"ignore_conflicts": True} if connection.features.supports_ignore_conflicts else {}
    for chunk in batches(sorted(pks)):
        wanted = set()
        for obj in model._default_manager.filter(pk__in=chunk).prefetch_related(*children):
            # Wagtail's own extraction (fields, then child relations), so that the records
            # are exactly those of a single save.
            for reference in ReferenceIndex._extract_references_from_object(obj):
                wanted.add((str(obj.pk), *reference))
        existing = {}
        rows = ReferenceIndex.objects.filter(
            base_content_type=base_content_type, object_id__in=[str(pk) for pk in chunk]
        ).values_list(
            "id",
            "content_type_id",
            "object_id",
            "to_content_type_id",
            "to_object_id",
            "model_path",
            "content_path",
        )
        for pk, type_id, *reference in rows:
            existing[tuple(reference)] = (type_id, pk)
        ReferenceIndex.objects.bulk_create(
            [
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=object_id,
                    to_content_type_id=to_type,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for object_id, to_type, to_id, model_path, content_path in wanted - set(existing)
            ],
            batch_size=BATCH_SIZE,
            **ignore,
        )
        # A record kept under a more specific content type is not this model's to remove
        # (as in Wagtail's own update).
        removed = [
            pk
            for reference, (type_id, pk) in existing.items()
            if reference not in wanted and type_id in known_content_types
        ]
        if removed:
            ReferenceIndex.objects.filter(pk__in=removed).delete()


def index_for_search(model, pks):
    """Write the records `pks` of `model` into every search backend kept up to date on save,
    by batch (what the per-save signal handler does for one record)."""
    backends = list(get_search_backends(with_auto_update=True))
    related = list(_related_lookups(model, model.get_search_fields()))
    for chunk in batches(sorted(pks)):
        objects = list(model.get_indexed_objects().filter(pk__in=chunk).prefetch_related(*related))
        for backend in backends:
            # The language backends index the records of their own language only.
            selected = getattr(backend, "objects_of_language", list)(objects)
            if not selected:
                continue
            try:
                backend.add_bulk(model, selected)
            except Exception:
                if not backend.catch_indexing_errors:
                    raise
                # A search service that is down must not undo the import: record by record,
                # the backend logs each failure (and keeps it for catching up, see search/).
                logger.exception("Bulk indexing of %s failed; indexing one by one", model)
                for obj in selected:
                    try:
                        backend.add(obj)
                    except Exception:
                        logger.exception("Indexing %r failed", obj)


def _related_lookups(model, search_fields, prefix=""):
    """The relations the search fields read, nested ones included (an agreement's partner
    links and each link's partner): prefetched for a batch, where `get_indexed_objects`
    loads only the first level and each record would then fetch the next one by one."""
    for field in search_fields:
        if not isinstance(field, RelatedFields):
            continue
        try:
            relation = model._meta.get_field(field.field_name)
        except FieldDoesNotExist:
            continue  # a method or property: nothing to prefetch
        if not relation.is_relation or relation.related_model is None:
            continue
        path = f"{prefix}{field.field_name}"
        yield path
        yield from _related_lookups(relation.related_model, field.fields, f"{path}__")


@task()
def index_records_task(model_label, pks):
    """The background task of `index_for_search`: one for a whole import, where saving
    record by record queued one per record. With a worker (the database task backend), it
    is stored in the import's transaction and runs once that transaction has committed."""
    index_for_search(apps.get_model(model_label), pks)


def rebuild_reference_index():
    """Wagtail's `rebuild_references_index` command, by batch: every row of the reference
    index removed, then the references of every record of every indexed model written, in
    the same order and with the same result, in a fraction of the time (the demo's loader)."""
    with transaction.atomic(), disable_reference_index_auto_update():
        everything = ReferenceIndex.objects.all()
        # As Wagtail's command does: without loading the rows.
        everything._raw_delete(using=everything.db)
        for model in apps.get_models():
            if ReferenceIndex.is_indexed(model):
                update_reference_index(model, list(model.objects.values_list("pk", flat=True)))
