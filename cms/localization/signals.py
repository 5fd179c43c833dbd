"""Which changes refresh the translation status matrix (see status.py)."""

import contextlib

from django.db.models.signals import post_delete, post_save
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from .status import is_tracked, schedule_refresh, status_updates_deferred, tracked_base_model

__all__ = ["connect"]


def _content_changed(sender, instance, raw=False, **kwargs):
    # A raw save loads rows as they were (fixtures, a test database restored from its
    # serialized copy): the status rows come with them and must not be recomputed.
    if not raw and is_tracked(instance):
        schedule_refresh(tracked_base_model(type(instance)), instance.translation_key)


def _source_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    _refresh_translation_key(instance.object_id)


def _translation_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    with contextlib.suppress(TranslationSource.DoesNotExist):
        _refresh_translation_key(instance.source.object_id)


def _string_translation_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    context = instance.context
    if context is not None:
        _refresh_translation_key(context.object_id)


def _refresh_translation_key(translation_key):
    from wagtail_localize.models import TranslatableObject

    if status_updates_deferred():
        # A bulk load: nothing to look up, the matrix is rebuilt at its end.
        return

    translatable = (
        TranslatableObject.objects.filter(translation_key=translation_key)
        .select_related("content_type")
        .first()
    )
    if translatable is None:
        return
    model = translatable.content_type.model_class()
    base = model and tracked_base_model(model)
    if base is not None:
        schedule_refresh(base, translation_key)


def connect():
    post_save.connect(_content_changed, dispatch_uid="localization.content_saved")
    post_delete.connect(_content_changed, dispatch_uid="localization.content_deleted")
    for model, handler in [
        (TranslationSource, _source_changed),
        (Translation, _translation_changed),
        (StringTranslation, _string_translation_changed),
    ]:
        post_save.connect(handler, sender=model, dispatch_uid=f"localization.{model.__name__}.save")
        post_delete.connect(
            handler, sender=model, dispatch_uid=f"localization.{model.__name__}.delete"
        )
