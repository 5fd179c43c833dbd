"""Communication material of an opportunity in the language of its page.

A material's English row stands for it; its row in the page's language (a wagtail-localize
translation) gives the translated title and caption, and its own document or video when the
translator replaced the English one: the variant of that language. Without a variant, the
page shows the English file and says so.

An uploaded video is played by the browser's own player with a caption track per language of
its WebVTT files, labelled in the page's language, the page's language on by default; its
transcript (translated with its title) is offered beside it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.timezone import now
from wagtail.embeds.embeds import get_embed, get_embed_hash
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.finders import get_finders
from wagtail.embeds.models import Embed

from cms.core import languages
from cms.snippets.models import Material, MaterialCaptionTrack

__all__ = ["CaptionTrack", "MaterialItem", "materials_of"]


@dataclass(frozen=True)
class CaptionTrack:
    """A video's captions in one language, as the player offers them: `label` is the
    language named in the page's language; `default` for the page's own language."""

    language: str
    label: str
    url: str
    default: bool


@dataclass(frozen=True)
class MaterialItem:
    """A piece of communication material as the page shows it, in the page's language when
    the material has a variant in it.

    `text_language` is set (to the source language) when the title and caption are not
    translated; `fallback_language` when the document or video is the source-language one
    although the page is in another language: the page then says so.
    """

    kind: str
    kind_label: str
    title: str
    caption: str
    text_language: str | None
    document: object | None
    video_url: str
    embed: Embed | None
    image: object | None
    fallback_language: str | None
    video_file: object | None = None
    tracks: tuple = ()
    transcript: str = ""

    @property
    def is_document(self):
        return self.kind in Material.DOCUMENT_KINDS

    @property
    def is_video(self):
        return self.kind == Material.Kind.VIDEO

    @property
    def is_image(self):
        return self.kind == Material.Kind.IMAGE

    @property
    def video_type(self):
        """The uploaded video's media type, for the player's `<source type>`."""
        return self.video_file.content_type if self.video_file else ""


def _has_embed_finder(url):
    return any(finder.accept(url) for finder in get_finders())


def _embeds(urls):
    """{video address: Embed or None}: the embeds already known come in one query; one not
    yet known is fetched from its provider (once: it is then stored)."""
    urls = {url for url in urls if url}
    if not urls:
        return {}
    hashes = {url: get_embed_hash(url) for url in urls}
    known = {
        embed.hash: embed
        for embed in Embed.objects.filter(hash__in=hashes.values()).exclude(cache_until__lte=now())
    }
    embeds = {}
    for url, embed_hash in hashes.items():
        embed = known.get(embed_hash)
        if embed is None and _has_embed_finder(url):
            try:
                embed = get_embed(url)
            except EmbedException:
                embed = None
        embeds[url] = embed
    return embeds


def _material_item(source, local, page_is_source_language, tracks=()):
    """Choose what to show of one material: `source` is its English row, `local` its row in
    the page's language (or None), `tracks` the captions of its uploaded video."""
    text = local or source
    text_language = None if local is not None else settings.LANGUAGE_CODE
    if page_is_source_language:
        text_language = None
    kind = source.kind
    document, video_url, fallback = source.document, source.video_url, settings.LANGUAGE_CODE
    if page_is_source_language:
        fallback = None
    elif local is not None:
        # A translation that kept the English file is no variant of its own.
        if kind in Material.FILE_KINDS and local.document_id not in (None, source.document_id):
            document, video_url, fallback = local.document, "", None
        elif kind == Material.Kind.VIDEO and local.video_url not in ("", source.video_url):
            document, video_url, fallback = None, local.video_url, None
    video_file = document if kind == Material.Kind.VIDEO else None
    if video_file is not None:
        video_url = ""
        if any(track.default for track in tracks):
            # Captioned in the page's language: the visitor can follow it.
            fallback = None
    if kind == Material.Kind.IMAGE:
        # An image speaks every language; only its title and caption are translated.
        fallback = None
    image = (local.image if local is not None and local.image_id else None) or source.image
    return MaterialItem(
        kind=kind,
        kind_label=source.get_kind_display(),
        title=text.title,
        caption=text.caption,
        text_language=text_language,
        document=document if kind in Material.DOCUMENT_KINDS else None,
        video_url=video_url if kind == Material.Kind.VIDEO else "",
        embed=None,
        image=image if kind == Material.Kind.IMAGE else None,
        fallback_language=fallback,
        video_file=video_file,
        tracks=tracks if video_file is not None else (),
        transcript=text.transcript if kind == Material.Kind.VIDEO else "",
    )


def _caption_tracks(sources, language_code):
    """{id of a material's English row: its caption tracks}, the page's language first and
    on by default, then the others in the switcher's order; in one query."""
    ids = [row.pk for row in sources if row.is_uploaded_video]
    if not ids:
        return {}
    order = {code: position for position, code in enumerate(languages.codes())}
    by_material = {}
    rows = MaterialCaptionTrack.objects.filter(material_id__in=ids).select_related("document")
    with translation.override(language_code):
        for row in sorted(
            rows, key=lambda row: (row.language != language_code, order.get(row.language, 99))
        ):
            by_material.setdefault(row.material_id, []).append(
                CaptionTrack(
                    language=row.language,
                    label=languages.label(row.language),
                    url=row.document.url,
                    default=row.language == language_code,
                )
            )
    return {material_id: tuple(tracks) for material_id, tracks in by_material.items()}


def materials_of(page):
    """The communication material of an opportunity page, in its language where possible."""
    links = list(page.materials.all())
    ids = [link.material_id for link in links]
    if not ids:
        return []
    keys = Material.objects.filter(pk__in=ids).values("translation_key")
    rows = list(
        Material.objects.filter(
            Q(pk__in=ids) | Q(locale_id=page.locale_id, translation_key__in=keys)
        )
        .select_related("document", "image")
        .prefetch_related("image__renditions")
    )
    sources = {row.pk: row for row in rows if row.pk in ids}
    local = {row.translation_key: row for row in rows if row.locale_id == page.locale_id}
    tracks = _caption_tracks(sources.values(), page.locale.language_code)
    items = []
    for material_id in dict.fromkeys(ids):
        source = sources.get(material_id)
        if source is None:
            continue
        page_is_source_language = source.locale_id == page.locale_id
        items.append(
            _material_item(
                source,
                local.get(source.translation_key),
                page_is_source_language,
                tracks.get(source.pk, ()),
            )
        )
    embeds = _embeds(item.video_url for item in items if item.is_video)
    return [
        _with_embed(item, embeds.get(item.video_url)) if item.is_video else item for item in items
    ]


def _with_embed(item, embed):
    return MaterialItem(**{**item.__dict__, "embed": embed})
