"""Catch-up of index changes that could not be made when they happened.

When Elasticsearch cannot be reached, the editor's save goes through: the error is logged and
the change is written down as a `PendingIndexOperation`. `catch_up` applies what was written
down, and is run by `rebuild_search_index` and by the task `search.tasks.catch_up_index_task`.
"""

import logging

from django.apps import apps
from django.db.models import F
from modelsearch.backends import get_search_backend

from .models import PendingIndexOperation

__all__ = ["catch_up", "record_failure"]

logger = logging.getLogger("search")


def record_failure(backend_alias, obj, action, error):
    """Write down that `obj` could not be indexed (or removed) in a backend."""
    logger.error(
        "Search backend %r could not %s %s %r: %s; recorded for catch-up",
        backend_alias,
        action,
        obj._meta.label,
        obj.pk,
        error,
    )
    operation, created = PendingIndexOperation.objects.get_or_create(
        backend=backend_alias,
        app_label=obj._meta.app_label,
        model_name=obj._meta.model_name,
        object_id=str(obj.pk),
        defaults={"action": action, "last_error": str(error)[:2000]},
    )
    if not created:
        PendingIndexOperation.objects.filter(pk=operation.pk).update(
            action=action, attempts=F("attempts") + 1, last_error=str(error)[:2000]
        )


def catch_up():
    """Apply every pending index operation; returns (applied, still pending)."""
    applied = 0
    for operation in PendingIndexOperation.objects.all():
        backend = get_search_backend(operation.backend)
        model = apps.get_model(operation.app_label, operation.model_name)
        try:
            obj = model.get_indexed_objects().filter(pk=operation.object_id).first()
            if operation.action == PendingIndexOperation.Action.INDEX and obj is not None:
                backend.add(obj.get_indexed_instance(), record=False)
            else:
                backend.delete_by_id(model, operation.object_id)
        except Exception as error:  # noqa: BLE001 - any outage keeps the operation pending
            PendingIndexOperation.objects.filter(pk=operation.pk).update(
                attempts=F("attempts") + 1, last_error=str(error)[:2000]
            )
            continue
        operation.delete()
        applied += 1
    return applied, PendingIndexOperation.objects.count()
