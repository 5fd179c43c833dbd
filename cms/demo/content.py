"""Shared helpers of the demo pages: the text files of each language, StreamField bodies, and
publishing an English page and its translations only when they differ from the facts.

The text of the demo pages is in `data/pages.<language>.json`, one file per language, as a
translator would deliver it; every file has the same keys and the same number of items in
each list, so that each translated string has its English counterpart.
"""

import uuid
from html import escape

from django.db import models

from .facts import read_json
from .localize import translate_into

__all__ = [
    "html_list",
    "page_matches",
    "paragraph",
    "publish_english_page",
    "publish_translations",
    "stream_blocks",
    "texts",
]

# Block ids must be the same in English and in each translation: wagtail-localize finds the
# translation of a block's strings by the block's id.
BLOCK_NAMESPACE = uuid.UUID("3f6d5c1e-8a57-4f0b-9d6e-2b8f1c4a7e90")


def texts(language):
    """The demo pages' text in `language` (a code such as "zh-hans")."""
    return read_json(f"pages.{language}.json")


def _text(text):
    # Quotes stay as they are: that is how wagtail-localize writes a translated rich text
    # back, so that a page compares equal to its facts on the next run.
    return escape(text, quote=False)


def paragraph(text):
    """Plain text as a rich-text paragraph."""
    return f"<p>{_text(text)}</p>"


def html_list(items):
    """Plain-text items as a rich-text bulleted list."""
    return "<ul>" + "".join(f"<li>{_text(item)}</li>" for item in items) + "</ul>"


def stream_blocks(key, items, pages):
    """The raw StreamField value of a page body described in a text file.

    `items` are `[kind, value]` pairs: `["heading", text]` (a section heading),
    `["subheading", text]`, `["paragraph", text]` (plain text), `["html", html]` (rich text
    with lists or links) and `["call_to_action", {...}]` whose `page` names a section page in
    `pages`. `key` makes the block ids, the same in every language.
    """
    blocks = []
    for position, (kind, value) in enumerate(items):
        block_id = str(uuid.uuid5(BLOCK_NAMESPACE, f"{key}:{position}"))
        if kind in {"heading", "subheading"}:
            level = "h2" if kind == "heading" else "h3"
            block = ("heading", {"text": value, "level": level})
        elif kind == "paragraph":
            block = ("paragraph", paragraph(value))
        elif kind == "html":
            block = ("paragraph", value)
        elif kind == "call_to_action":
            target = pages[value["page"]]
            block = (
                "call_to_action",
                {
                    "title": value["title"],
                    "text": value.get("text", ""),
                    "page": target.pk,
                    "url": "",
                    "link_text": value["link_text"],
                },
            )
        else:
            raise ValueError(f"{key}: unknown kind of block {kind!r}")
        blocks.append({"type": block[0], "value": block[1], "id": block_id})
    return blocks


def _row_values(row):
    """What a child row of a page holds (a progress report), without its ids, its page and
    its locale: the same in the facts and in the database once written."""
    return {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if not field.primary_key and field.name not in {"page", "locale"}
    }


def _is_rows(value):
    return isinstance(value, list) and all(isinstance(item, models.Model) for item in value)


def _current(page, name, wanted):
    if name == "body":
        return [dict(block) for block in page.body.raw_data]
    if _is_rows(wanted):
        return [_row_values(row) for row in getattr(page, name).all()]
    return getattr(page, name)


def page_matches(page, values):
    """Whether a page already holds these field values (a body as its raw blocks, child
    rows as lists of unsaved rows)."""
    return all(
        _current(page, name, value)
        == ([_row_values(row) for row in value] if _is_rows(value) else value)
        for name, value in values.items()
    )


def publish_english_page(parent, model, slug, values, is_current=None):
    """Create the English page `slug` under `parent`, or bring it up to `values`; publish it.

    `values` holds field values, child relations as lists of unsaved objects and a body as
    raw blocks. `is_current(page)` says whether an existing page already matches them (by
    default, when every value in `values` is equal). Return the page and whether it was
    written.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is None:
        page = model(slug=slug, **values)
        parent.add_child(instance=page)
    else:
        page = existing.specific
        if not isinstance(page, model):
            raise TypeError(f"{page.url_path} is a {type(page).__name__}, not a {model.__name__}")
        is_current = is_current or (lambda page: page_matches(page, values))
        if page.live and not page.has_unpublished_changes and is_current(page):
            return page, False
        for name, value in values.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return page, True


def publish_translations(page, locales, values_of, force=False):
    """Translate and publish `page` in each locale whose translation differs from the facts.

    `values_of(locale)` gives the translated field values for a locale. `force` translates
    again in every locale (after the English page changed, to copy its synchronized fields).
    Return the number of translations written.
    """
    wanted = {}
    for locale in locales:
        values = values_of(locale)
        current = page.get_translation_or_none(locale)
        if (
            force
            or current is None
            or not current.live
            or current.has_unpublished_changes
            or not page_matches(current.specific, values)
        ):
            wanted[locale] = values
    if wanted:
        translate_into(page, wanted)
    return len(wanted)
