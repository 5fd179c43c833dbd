"""The brief of each demo opportunity: a one-page PDF in the "Public media" collection, shown
through a translatable Material snippet.

The English brief is translated into the five other languages through wagtail-localize.
Where the opportunity's facts list a language among its `brief_variants`, that translation
replaces the English PDF with a brief written in its own language, stored as a
wagtail-localize override of the material's `document` field (what a translator does in the
editor), so that syncing the translation later keeps the variant. Elsewhere the translated
material keeps the English PDF, and the page says the brief is in English.
"""

import hashlib

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.core.roles import PUBLIC_MEDIA_COLLECTION
from cms.snippets.models import Material

from .briefs import BRIEF_LANGUAGES, brief_lines, pdf_document
from .content import texts
from .facts import read_json
from .localize import translate_into

__all__ = ["brief_title", "load_briefs", "opportunity_facts"]


def opportunity_facts():
    """The language-neutral facts of each demo opportunity, in the order of the file."""
    return read_json("opportunities.json")["opportunities"]


def brief_title(language, slug):
    """The title of an opportunity's brief in `language`."""
    text = texts(language)
    return text["brief"]["title"].format(title=text["opportunities"][slug]["title"])


def _public_media():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=PUBLIC_MEDIA_COLLECTION).first()
    return existing or root.add_child(name=PUBLIC_MEDIA_COLLECTION)


def _brief_document(language, fact, collection):
    """The PDF brief of an opportunity in `language`: the existing document of that title in
    the collection, or a new one."""
    Document = get_document_model()
    title = brief_title(language, fact["slug"])
    existing = Document.objects.filter(collection=collection, title=title).first()
    if existing:
        return existing
    text = texts(language)
    lines = brief_lines(
        language,
        text["opportunities"][fact["slug"]],
        fact,
        text["brief"],
        {"name": text["contact_name"], "email": fact["contact_email"]},
    )
    data = pdf_document(lines, title, language)
    document = Document(
        title=title,
        collection=collection,
        file=ContentFile(data, name=f"{fact['slug']}-brief-{language}.pdf"),
        file_size=len(data),
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    )
    document.save()
    return document


def _source_brief(source_locale, fact, collection):
    """The English material of an opportunity's brief, created if missing; and whether it
    was created."""
    title = brief_title("en", fact["slug"])
    caption = texts("en")["brief"]["caption"]
    material = Material.objects.filter(
        locale=source_locale, kind=Material.Kind.BRIEF, title=title
    ).first()
    if material is None:
        material = Material.objects.create(
            locale=source_locale,
            kind=Material.Kind.BRIEF,
            title=title,
            caption=caption,
            document=_brief_document("en", fact, collection),
        )
        return material, True
    if material.caption != caption:
        material.caption = caption
        material.save(update_fields=["caption"])
    return material, False


def load_briefs(source_locale, target_locales):
    """Create each opportunity's brief and translate it, with its language variants; return
    the English materials by opportunity slug, the count created and of translations
    written."""
    collection = _public_media()
    briefs = {}
    created = translated = 0
    for fact in opportunity_facts():
        slug = fact["slug"]
        material, was_created = _source_brief(source_locale, fact, collection)
        briefs[slug] = [material]
        created += was_created
        existing = {
            row.locale_id: row
            for row in Material.objects.filter(translation_key=material.translation_key)
            .exclude(pk=material.pk)
            .select_related("document")
        }
        wanted, overrides = {}, {}
        for locale in target_locales:
            code = locale.language_code
            values = {"title": brief_title(code, slug), "caption": texts(code)["brief"]["caption"]}
            current = existing.get(locale.pk)
            up_to_date = current is not None and all(
                getattr(current, name) == value for name, value in values.items()
            )
            if code in fact["brief_variants"]:
                if code not in BRIEF_LANGUAGES:
                    raise ValueError(f"{slug}: no PDF brief can be written in {code}")
                variant = current.document if current else None
                if variant is not None and variant.title == values["title"] and up_to_date:
                    continue
                document = _brief_document(code, fact, collection)
                overrides[locale] = {"document": document.pk}
            else:
                if up_to_date and current.document_id == material.document_id:
                    continue
                overrides[locale] = {"document": None}
            wanted[locale] = values
        if wanted:
            translate_into(material, wanted, overrides)
            translated += len(wanted)
    return briefs, created, translated
