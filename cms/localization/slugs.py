"""The address of a translated page: made from its translated title, in plain ASCII.

wagtail-localize treats a page's slug as one more segment to translate, so a machine
translation (or the offline translator's "[fr] " marker) could end up in the address. In
PartnerHub the slug of a page translated through wagtail-localize is never a segment:

- until the page is first published, whenever its title is translated (by hand, by machine, or
  from a PO file) its slug segment is translated with a slug made from that title (the offline
  translator's marker taken off), so the address it is published under matches its title;
- once published, the slug is left alone, so that addresses, once given out, keep working
  (the offline translator never marks a slug, so syncing does not spoil it either);
- the redirects Wagtail creates automatically while a draft's slug follows its title are
  dropped when the page is first published: those addresses were never public.

Slugs are transliterated to ASCII (anyascii, which Wagtail itself depends on): Cyrillic and
Arabic letters by their Latin transcription, Chinese characters by their pinyin syllables, one
word each. wagtail-localize slugifies every translated page's slug to ASCII whenever it saves
it, so Unicode slugs would not survive it; ASCII addresses also stay readable when copied into
an e-mail or a document, where Unicode ones become long runs of %-escapes.
"""

import unicodedata

from anyascii import anyascii
from django.apps import apps
from django.db.models.signals import post_save
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.signals import page_published

from cms.localization.machine_translation import strip_marker

__all__ = ["connect", "slug_from_title"]

MAX_LENGTH = 80


def _is_ideograph(char):
    return unicodedata.name(char, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY"))


def transliterate(text):
    """ASCII letters for `text`; each Chinese character becomes a word of its own (its pinyin
    syllable), so that "合作伙伴" reads "he zuo huo ban" rather than "HeZuoHuoBan"."""
    parts = []
    for char in text:
        if _is_ideograph(char):
            parts.append(f" {anyascii(char)} ")
        else:
            parts.append(anyascii(char))
    return "".join(parts)


def slug_from_title(title, fallback="page"):
    """A slug for a page titled `title` (marker taken off, transliterated, at most 80
    characters, cut between words)."""
    slug = slugify(transliterate(strip_marker(title)))
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0] or slug[:MAX_LENGTH]
    return slug or fallback


def _published_slug(translation_key, locale_id):
    """The slug of the translated page once it was ever published, else None."""
    return (
        Page.objects.filter(
            translation_key=translation_key, locale_id=locale_id, first_published_at__isnull=False
        )
        .values_list("slug", flat=True)
        .first()
    )


def title_translated(sender, instance, raw=False, **kwargs):
    """When a page's title is translated (by hand, by machine or from a PO file), translate its
    slug segment with the slug made from that title, until the page is first published."""
    from wagtail_localize.models import StringSegment, StringTranslation

    context = instance.context
    if raw or context is None or context.path != "title" or instance.data is None:
        return
    if not issubclass(context.object.content_type.model_class() or object, Page):
        return
    if _published_slug(context.object_id, instance.locale_id):
        return
    slug_segments = StringSegment.objects.filter(
        context__object_id=context.object_id, context__path="slug"
    ).select_related("context")
    wanted = slug_from_title(instance.data)
    for segment in slug_segments:
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id,
            locale_id=instance.locale_id,
            context_id=segment.context_id,
            defaults={
                "data": wanted,
                "translation_type": instance.translation_type,
                "tool_name": "",
                "last_translated_by": instance.last_translated_by,
                "has_error": False,
                "field_error": "",
            },
        )


def first_publication(sender, instance, **kwargs):
    """A translated page published for the first time: drop the redirects Wagtail created
    automatically while its slug followed its translated title. Its earlier addresses were
    never public, so nobody has them; left behind, they would send the language's untranslated
    addresses (/fr/opportunities/...) elsewhere."""
    if instance.first_published_at is None or (
        instance.first_published_at != instance.last_published_at
    ):
        return
    if not apps.is_installed("wagtail.contrib.redirects"):
        return
    if not _is_translation_target(instance):
        return
    from wagtail.contrib.redirects.models import Redirect

    Redirect.objects.filter(redirect_page=instance, automatically_created=True).delete()


def _is_translation_target(page):
    from wagtail_localize.models import Translation

    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    ).exists()


def connect():
    from wagtail_localize.models import StringTranslation

    post_save.connect(
        title_translated, sender=StringTranslation, dispatch_uid="localization.title_translated"
    )
    page_published.connect(first_publication, dispatch_uid="localization.first_publication")
