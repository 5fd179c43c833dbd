"""Decisions taken on an English (source) page apply to all its translations at once.

A view restriction, an unpublication or a deletion of a source page is repeated on each of
its translations, so that no translation stays readable after its source was hidden; a
translation made later (by wagtail-localize, an alias or a copy) starts with its source's
restriction, even under a translated ancestor with a weaker one. The
translations are not source pages, so the handlers never recurse; a flag also guards against
re-entry while a change is being copied.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import copy_for_translation_done, page_unpublished

_syncing = ContextVar("translation_sync", default=False)


@contextmanager
def _copying():
    token = _syncing.set(True)
    try:
        yield
    finally:
        _syncing.reset(token)


def _is_source(page):
    """Whether a page is in the source language (English), the one translations follow."""
    return page is not None and page.locale.language_code == settings.LANGUAGE_CODE


def _source_page(restriction):
    return Page.objects.filter(pk=restriction.page_id).select_related("locale").first()


def copy_restriction(restriction):
    """Give each translation of the restricted source page the same restriction: type,
    password and groups."""
    page = _source_page(restriction)
    if _syncing.get() or not _is_source(page):
        return
    groups = list(restriction.groups.all())
    with _copying():
        for translation in page.get_translations():
            copy = PageViewRestriction.objects.filter(page=translation).first()
            if copy is None:
                copy = PageViewRestriction(page=translation)
            copy.restriction_type = restriction.restriction_type
            copy.password = restriction.password
            copy.save()
            copy.groups.set(groups)


def translation_made(sender, source_obj, target_obj, **kwargs):
    """Give a new translation or alias its source page's own view restriction.

    Wagtail's copy skips the restriction when any translated ancestor is restricted, even
    with a weaker rule (signed-in users, while the source admits one group only)."""
    if not isinstance(source_obj, Page) or not isinstance(target_obj, Page):
        return
    restriction = source_obj.view_restrictions.prefetch_related("groups").first()
    if restriction is None or target_obj.view_restrictions.exists():
        return
    with _copying():
        copy = PageViewRestriction.objects.create(
            page=target_obj,
            restriction_type=restriction.restriction_type,
            password=restriction.password,
        )
        copy.groups.set(restriction.groups.all())


def restriction_saved(sender, instance, **kwargs):
    copy_restriction(instance)


def restriction_groups_changed(sender, instance, action, **kwargs):
    # The admin saves the restriction before its groups: copy them again once they are set.
    if action in {"post_add", "post_remove", "post_clear"}:
        copy_restriction(instance)


def restriction_deleted(sender, instance, **kwargs):
    """Lift the restriction from the translations when it is lifted from the source."""
    page = _source_page(instance)
    if _syncing.get() or not _is_source(page):
        return
    with _copying():
        PageViewRestriction.objects.filter(page__in=page.get_translations()).delete()


def source_unpublished(sender, instance, **kwargs):
    """Unpublish the live translations of an unpublished source page."""
    if _syncing.get() or not _is_source(instance):
        return
    with _copying():
        for translation in instance.get_translations().live().specific():
            translation.unpublish()


def source_deleted(sender, instance, **kwargs):
    """Delete the translations (and so their subtrees) of a deleted source page."""
    if _syncing.get() or not _is_source(instance):
        return
    with _copying():
        for translation in Page.objects.filter(translation_key=instance.translation_key).exclude(
            pk=instance.pk
        ):
            # A translation may already be gone with a translated ancestor deleted earlier.
            if Page.objects.filter(pk=translation.pk).exists():
                translation.delete()


def connect():
    """Connect the handlers (called once, from CoreConfig.ready)."""
    post_save.connect(
        restriction_saved, sender=PageViewRestriction, dispatch_uid="translation_sync.saved"
    )
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="translation_sync.groups",
    )
    post_delete.connect(
        restriction_deleted, sender=PageViewRestriction, dispatch_uid="translation_sync.lifted"
    )
    copy_for_translation_done.connect(translation_made, dispatch_uid="translation_sync.made")
    page_unpublished.connect(source_unpublished, dispatch_uid="translation_sync.unpublished")
    post_delete.connect(source_deleted, sender=Page, dispatch_uid="translation_sync.deleted")
