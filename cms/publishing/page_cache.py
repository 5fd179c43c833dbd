"""What each change invalidates in the anonymous page cache (cms.core.page_cache), and which
addresses of a CDN it purges.

The ground floor keeps pages and their dependency tags; this module, above every page type,
knows what each page type shows and which changes touch it:

- **Pages**: a page published, unpublished, saved live, moved or deleted bumps the `path:`
  tag of every translation of it (the page in every language, its switcher and hreflang,
  the pages below it), the listing tag `pages:<type>` of its type (indexes, the home page),
  `menu` when it is, or was until then, in the main menu, and the `path:` tags of the pages
  whose content links to it (Wagtail's reference index). A draft saved changes nothing
  that is shown.
- **View restrictions** of a page: the page and every page below it, and the listings of
  their types (a private section leaves the listings).
- **Records** (snippets, vocabularies, images, documents, sponsorship discounts and
  applications): a row saved or deleted, or its many-to-many links changed, bumps its
  group's `data:` tag and the `path:` tags of the pages whose content refers to the row
  (an image or a document in a page's body: Wagtail's reference index); an import run
  that finished bumps the groups it writes in bulk.
- **Locales and sites**: `site` (every page).

Each page type declares the tags of what it shows (`PAGE_TYPE_TAGS`), so that a change of
the partners reaches the directory, the recognitions and the home figures and leaves an
opportunity page cached.

With WAGTAILFRONTENDCACHE configured (CDN_BACKEND), the same changes purge the CDN: every
language's address of the pages concerned, with the paged and filtered variants of the
indexes (cms.publishing.cdn).

Code that writes much at once outside an import (the demo loader, the scale generator) runs
inside `changes_in_bulk()`: the handlers then do nothing (each would read the reference
index for every saved row), and leaving the block makes every cached value and page out of
date and purges the whole site from the CDN.
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from cms.core.page_cache import bump, bump_everything, register_page_tags

__all__ = [
    "DATA_GROUPS",
    "PAGE_TYPE_TAGS",
    "changes_in_bulk",
    "connect",
    "page_changed",
    "purge_pages_showing",
]

#: Tag -> the models whose rows it stands for.
DATA_GROUPS = {
    "data:partners": [
        "snippets.partner",
        "snippets.partnercontact",
        "snippets.partnercountry",
        "snippets.partnerfundingtype",
        "snippets.partnerregion",
        "snippets.partnerthematicarea",
    ],
    "data:agreements": ["snippets.agreement", "snippets.agreementpartner", "snippets.agreementtag"],
    "data:recognitions": ["snippets.recognition"],
    "data:materials": ["snippets.material", "snippets.materialcaptiontrack"],
    "data:vocabularies": [
        "snippets.agreementtype",
        "snippets.beneficiaryregion",
        "snippets.country",
        "snippets.fundingmechanism",
        "snippets.fundingtype",
        "snippets.membershipcategory",
        "snippets.partnerkind",
        "snippets.sustainabledevelopmentgoal",
        "snippets.thematicarea",
    ],
    "data:images": ["wagtailimages.image"],
    "data:documents": ["wagtaildocs.document", "wagtailcore.collectionviewrestriction"],
    "data:sponsorship": ["sponsorship.categorydiscount", "sponsorship.sponsorshipapplication"],
    "site": ["wagtailcore.locale", "wagtailcore.site"],
}

#: What an import run of each kind writes in bulk (without the signals of single saves).
IMPORT_TAGS = {
    "agreements": ["data:agreements", "data:partners", "data:vocabularies"],
    "partners": ["data:partners", "data:vocabularies"],
}

_FIGURES = ["data:agreements", "data:partners", "data:vocabularies"]

#: Page type -> what its pages show beyond their place in the tree.
PAGE_TYPE_TAGS = {
    # Featured opportunities, the "how to partner" page, the key figures.
    "pages.homepage": ["pages:pages.opportunitypage", "pages:pages.standardpage", *_FIGURES],
    "pages.opportunityindexpage": ["pages:pages.opportunitypage", "data:vocabularies"],
    # Communication material: documents, images and videos.
    "pages.opportunitypage": [
        "data:vocabularies",
        "data:materials",
        "data:documents",
        "data:images",
    ],
    "pages.partnerdirectorypage": [*_FIGURES, "data:recognitions"],
    "pages.recognitionspage": [
        "data:recognitions",
        "data:partners",
        "data:vocabularies",
        "pages:pages.partnerdirectorypage",
    ],
    # The figures; the map's opportunities layer and regional summary (cms.reports.world_map).
    "reports.statisticspage": [*_FIGURES, "pages:pages.opportunitypage"],
    "sponsorship.sponsorshipindexpage": [
        "pages:sponsorship.eventpage",
        "data:sponsorship",
        "data:partners",
        "data:vocabularies",
    ],
    "sponsorship.eventpage": ["data:sponsorship", "data:partners", "data:vocabularies"],
    "alerts.registrationpage": ["data:vocabularies"],
}

#: Fields a draft's save writes on the live page row without changing what is shown.
_DRAFT_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "live_revision",
    "locked",
    "locked_at",
    "locked_by",
}
#: The depth of the main menu's pages (the home pages' children).
_MENU_DEPTH = 3


def _page_tags_of(pages):
    """The tags bumped for these pages (with their translations)."""
    keys = {page.translation_key for page in pages}
    rows = Page.objects.filter(translation_key__in=keys).values_list(
        "path", "content_type__app_label", "content_type__model"
    )
    tags = {"pages:all"}
    for path, app_label, model in rows:
        tags.add(f"path:{path}")
        tags.add(f"pages:{app_label}.{model}")
    for page in pages:
        tags.add(f"path:{page.path}")
        tags.add(f"pages:{page.specific_class._meta.label_lower}" if page.specific_class else "")
        # The menu lists the home pages' children shown in menus: it changes when one that
        # is, or was until this save, in it changes.
        in_menu = page.show_in_menus or getattr(page, "_page_cache_was_in_menu", False)
        if page.depth == _MENU_DEPTH and in_menu:
            tags.add("menu")
    return tags


def _referring_pages(objects):
    """The pages whose content refers to these objects (links, images, documents, snippets
    in their body), from Wagtail's reference index."""
    objects = [obj for obj in objects if obj is not None and obj.pk is not None]
    if not objects:
        return []
    page_type = ReferenceIndex._get_base_content_type(Page)
    target_type = ReferenceIndex._get_base_content_type(objects[0])
    referring = ReferenceIndex.objects.filter(
        to_content_type=target_type,
        to_object_id__in=[str(obj.pk) for obj in objects],
        base_content_type=page_type,
    ).values_list("object_id", flat=True)
    ids = [int(pk) for pk in referring if str(pk).isdigit()]
    return list(Page.objects.filter(pk__in=ids).only("id", "path", "translation_key"))


def _referring_page_tags(objects):
    """`path:` tags of the pages whose content refers to these objects."""
    return {f"path:{page.path}" for page in _referring_pages(objects)}


def page_changed(page, *, references=True):
    """Bump what shows `page` (in every language) and purge it from the CDN."""
    tags = _page_tags_of([page])
    if references:
        tags |= _referring_page_tags([page])
    bump(*tags)
    purge_pages_showing(tags, pages=[page])


def _restriction_changed(restriction):
    page = restriction.page
    subtree = Page.objects.descendant_of(page, inclusive=True)
    types = subtree.values_list("content_type__app_label", "content_type__model").distinct()
    tags = _page_tags_of([page]) | {f"pages:{app}.{model}" for app, model in types}
    bump(*tags)
    purge_pages_showing(tags, pages=[page])


# --- Signal handlers -------------------------------------------------------------------------

_in_bulk = ContextVar("page_cache_changes_in_bulk", default=False)


@contextmanager
def changes_in_bulk():
    """Many changes at once: no invalidation per change inside the block, one for
    everything when it ends (whether it ends normally or not: what was written before an
    error may be committed by an outer block)."""
    token = _in_bulk.set(True)
    try:
        yield
    finally:
        _in_bulk.reset(token)
        if not _in_bulk.get():
            bump_everything()
            purge_pages_showing({"site"})


def _unless_in_bulk(handler):
    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        if not _in_bulk.get():
            handler(*args, **kwargs)

    return wrapper


@_unless_in_bulk
def _on_publication(sender, instance, **kwargs):
    page_changed(instance)


@_unless_in_bulk
def _before_page_saved(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None or instance.depth != _MENU_DEPTH:
        return
    instance._page_cache_was_in_menu = bool(
        Page.objects.filter(pk=instance.pk).values_list("show_in_menus", flat=True).first()
    )


@_unless_in_bulk
def _on_page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and set(update_fields) <= _DRAFT_FIELDS):
        return
    # Pages created or changed live without a publication (tests, scripts, the demo).
    page_changed(instance, references=False)


@_unless_in_bulk
def _on_page_deleted(sender, instance, **kwargs):
    page_changed(instance, references=False)


@_unless_in_bulk
def _on_page_move(sender, instance, **kwargs):
    page_changed(instance)


@_unless_in_bulk
def _on_restriction(sender, instance, raw=False, **kwargs):
    if not raw:
        _restriction_changed(instance)


def _on_record(tag):
    @_unless_in_bulk
    def handler(sender, instance=None, raw=False, **kwargs):
        if raw:
            return
        referring = _referring_pages([instance]) if isinstance(instance, models.Model) else []
        bump(tag, *(f"path:{page.path}" for page in referring))
        purge_pages_showing({tag}, pages=referring)

    handler.__name__ = f"bump_{tag.replace(':', '_')}"
    return handler


@_unless_in_bulk
def _on_import_run(sender, instance, raw=False, **kwargs):
    if raw or instance.dry_run or instance.status != instance.Status.DONE:
        return
    tags = IMPORT_TAGS.get(instance.kind, [])
    bump(*tags)
    purge_pages_showing(set(tags))


_handlers = []


def connect():
    """Declare the page types' tags and connect the signals (PublishingConfig.ready)."""
    for label, tags in PAGE_TYPE_TAGS.items():
        register_page_tags(label, *tags)
    page_models = [model for model in apps.get_models() if issubclass(model, Page)]
    for model in page_models:
        uid = f"page_cache.{model._meta.label_lower}"
        page_published.connect(_on_publication, sender=model, dispatch_uid=uid + ".pub")
        page_unpublished.connect(_on_publication, sender=model, dispatch_uid=uid + ".unpub")
        pre_save.connect(_before_page_saved, sender=model, dispatch_uid=uid + ".presave")
        post_save.connect(_on_page_saved, sender=model, dispatch_uid=uid + ".save")
        post_delete.connect(_on_page_deleted, sender=model, dispatch_uid=uid + ".delete")
    pre_page_move.connect(_on_page_move, dispatch_uid="page_cache.pre_move")
    post_page_move.connect(_on_page_move, dispatch_uid="page_cache.post_move")
    for signal in (post_save, post_delete):
        signal.connect(
            _on_restriction, sender=PageViewRestriction, dispatch_uid=f"page_cache.vr.{signal}"
        )
    for tag, labels in DATA_GROUPS.items():
        handler = _on_record(tag)
        _handlers.append(handler)  # signals keep weak references
        for label in labels:
            model = apps.get_model(label)
            uid = f"page_cache.{label}"
            post_save.connect(handler, sender=model, dispatch_uid=uid + ".save")
            post_delete.connect(handler, sender=model, dispatch_uid=uid + ".delete")
            for field in model._meta.many_to_many:
                through = getattr(model, field.name).through
                m2m_changed.connect(handler, sender=through, dispatch_uid=f"{uid}.{field.name}")
    post_save.connect(
        _on_import_run, sender=apps.get_model("imports.importrun"), dispatch_uid="page_cache.imp"
    )


def purge_pages_showing(tags, pages=()):
    """Purge the CDN's copies of what shows `tags` (cms.publishing.cdn)."""
    from .cdn import purge_pages_showing as purge

    purge(tags, PAGE_TYPE_TAGS, pages)
