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

from cms.core.roles import PUBLIC_MEDIA_COLLECTION, named_collection
from cms.snippets.models import Material

from .briefs import BRIEF_LANGUAGES, brief_lines, pdf_document
from .content import texts
from .facts import read_json
from .localize import translate_into

__all__ = [
    "brief_title",
    "load_briefs",
    "opportunity_facts",
    "public_media",
    "stored_document",
    "translate_material",
]


def opportunity_facts():
    """The language-neutral facts of each demo opportunity, in the order of the file."""
    return read_json("opportunities.json")["opportunities"]


def brief_title(language, slug):
    """The title of an opportunity's brief in `language`."""
    text = texts(language)
    return text["brief"]["title"].format(title=text["opportunities"][slug]["title"])


def public_media():
    """The "Public media" collection, where the demo keeps the files it shows the public."""
    return named_collection(PUBLIC_MEDIA_COLLECTION)


def stored_document(collection, title, filename, write):
    """The document of `title` in `collection`, or a new one of the bytes `write()` returns
    (called only then), saved as `filename`."""
    Document = get_document_model()
    existing = Document.objects.filter(collection=collection, title=title).first()
    if existing:
        return existing
    data = write()
    document = Document(
        title=title,
        collection=collection,
        file=ContentFile(data, name=filename),
        file_size=len(data),
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    )
    document.save()
    return document


def _brief_document(language, fact, collection):
    """The PDF brief of an opportunity in `language`: the existing document of that title in
    the collection, or a new one."""
    title = brief_title(language, fact["slug"])

    def write():
        text = texts(language)
        lines = brief_lines(
            language,
            text["opportunities"][fact["slug"]],
            fact,
            text["brief"],
            {"name": text["contact_name"], "email": fact["contact_email"]},
        )
        return pdf_document(lines, title, language)

    return stored_document(collection, title, f"{fact['slug']}-brief-{language}.pdf", write)


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
    collection = public_media()
    briefs = {}
    created = translated = 0
    for fact in opportunity_facts():
        slug = fact["slug"]
        material, was_created = _source_brief(source_locale, fact, collection)
        briefs[slug] = [material]
        created += was_created
        for code in fact["brief_variants"]:
            if code not in BRIEF_LANGUAGES:
                raise ValueError(f"{slug}: no PDF brief can be written in {code}")
        translated += translate_material(
            material,
            target_locales,
            lambda code, slug=slug: {
                "title": brief_title(code, slug),
                "caption": texts(code)["brief"]["caption"],
            },
            fact["brief_variants"],
            lambda code, fact=fact: _brief_document(code, fact, collection),
        )
    return briefs, created, translated


def translate_material(material, target_locales, values_of, variants, variant_document):
    """Translate an English material into `target_locales` where it differs from the facts;
    return the number of translations written.

    `values_of(code)` gives its translated fields in a language; in the languages of
    `variants` the translation gets the document `variant_document(code)` (titled like the
    material in that language) as a wagtail-localize override, elsewhere it keeps the English
    one."""
    existing = {
        row.locale_id: row
        for row in Material.objects.filter(translation_key=material.translation_key)
        .exclude(pk=material.pk)
        .select_related("document")
    }
    wanted, overrides = {}, {}
    for locale in target_locales:
        code = locale.language_code
        values = values_of(code)
        current = existing.get(locale.pk)
        up_to_date = current is not None and all(
            getattr(current, name) == value for name, value in values.items()
        )
        if code in variants:
            variant = current.document if current else None
            if variant is not None and variant.title == values["title"] and up_to_date:
                continue
            overrides[locale] = {"document": variant_document(code).pk}
        else:
            if up_to_date and current.document_id == material.document_id:
                continue
            overrides[locale] = {"document": None}
        wanted[locale] = values
    if wanted:
        translate_into(material, wanted, overrides)
    return len(wanted)
