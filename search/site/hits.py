"""Loading the results shown: their title, address, snippet and details, in a fixed number
of queries whatever their number (one per type of page shown, two for partners). A result
pinned by editors for the query (`promotions`) is marked as recommended, with the editor's
description as its extract when there is one."""

from collections import defaultdict
from dataclasses import replace

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape, strip_tags
from wagtail.models import Page

from cms.pages.models import OpportunityPage
from cms.snippets.models import Partner, PartnerKind
from cms.snippets.terms import load_terms

from .. import highlight
from .cache import cached_hits
from .results import OPPORTUNITY, PAGE, PARTNER, TYPES, Hit
from .scope import SearchScope

__all__ = ["load_hits"]


def _stream_text(stream):
    """The readable text of a body of blocks (headings, paragraphs, captions)."""
    parts = []
    for block in getattr(stream, "raw_data", None) or ():
        value = block.get("value") if isinstance(block, dict) else None
        if isinstance(value, str):
            parts.append(strip_tags(value))
        elif isinstance(value, dict):
            parts.extend(
                strip_tags(value[key])
                for key in ("title", "text", "caption")
                if isinstance(value.get(key), str)
            )
    return " ".join(parts)


def _page_text(page):
    parts = [getattr(page, "introduction", "") or page.search_description or ""]
    for name in ("objectives", "expected_results"):
        parts.append(strip_tags(getattr(page, name, "") or ""))
    if hasattr(page, "body"):
        parts.append(_stream_text(page.body))
    return " ".join(part for part in parts if part)


def _specific_pages(ids, kind, results, scope):
    """The pages `ids` as their own type, live and outside any view restriction: one query
    per type (the types come from the search, or are read once when unknown)."""
    if kind == OPPORTUNITY:
        return list(scope.readable(OpportunityPage.objects.filter(pk__in=ids)))
    by_type = defaultdict(list)
    unknown = []
    for pk in ids:
        content_type = results.page_types.get(pk)
        (by_type[content_type] if content_type else unknown).append(pk)
    pages = []
    if unknown:
        pages += scope.readable(Page.objects.filter(pk__in=unknown)).specific()
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a type whose code is gone: read as a plain page
            pages += scope.readable(Page.objects.filter(pk__in=pks)).specific()
        else:
            pages += scope.readable(model.objects.filter(pk__in=pks))
    return pages


def _page_hits(ids, kind, request, results, scope, marked):
    if not ids:
        return {}
    terms = results.terms
    hits = {}
    for page in _specific_pages(ids, kind, results, scope):
        url = page.get_url(request)
        if not url:
            continue
        details = ()
        if isinstance(page, OpportunityPage):
            details = (page.get_kind_display(), str(page.shown_status_label))
        hits[page.pk] = Hit(
            type=kind,
            pk=page.pk,
            title=page.title,
            url=url,
            title_html=highlight.highlight(page.title, terms) if marked else "",
            snippet_html=highlight.snippet(_page_text(page), terms) if marked else "",
            details=details,
        )
    return hits


def _partner_records(ids, results, marked):
    if not ids:
        return {}
    terms = results.terms
    kinds = load_terms(PartnerKind, results.language_code)
    hits = {}
    for partner in Partner.objects.filter(pk__in=ids).defer("internal_notes", "aliases"):
        title = partner.name
        if partner.acronym and partner.acronym.casefold() not in title.casefold():
            title = f"{title} ({partner.acronym})"
        kind = kinds.get(partner.kind_id)
        language = results.partner_languages.get(partner.pk, results.language_code)
        snippet = ""
        if marked:
            text = strip_tags(partner.mandate or partner.development_strategy or "")
            snippet = highlight.snippet(text, terms)
        hits[partner.pk] = Hit(
            type=PARTNER,
            pk=partner.pk,
            title=title,
            url=results.partner_urls[partner.pk],
            title_html=highlight.highlight(title, terms) if marked else "",
            snippet_html=snippet,
            details=(kind.name,) if kind else (),
            language=language,
            fallback_language=language if language != results.language_code else None,
        )
    return hits


def load_hits(results, selection, request=None, *, marked=True):
    """The `Hit`s of `selection` (a list of (type, id), e.g. a slice of `results.flat()`),
    in its order: a fixed number of queries whatever its length (none when the same results
    were shown since the site last changed: `cache`). `marked=False`: without the marked
    title and snippet (`title_html`, `snippet_html` empty), for the JSON API, which gives
    titles and addresses only: the pages' text is then neither read nor marked."""
    return cached_hits(
        results,
        selection,
        request,
        lambda: _load(results, selection, request, marked),
        variant="" if marked else "plain",
    )


def _load(results, selection, request, marked):
    by_type = {kind: [pk for kind_, pk in selection if kind_ == kind] for kind in TYPES}
    scope = results.scope or SearchScope(results.language_code, request)
    loaded = {
        OPPORTUNITY: _page_hits(by_type[OPPORTUNITY], OPPORTUNITY, request, results, scope, marked),
        PAGE: _page_hits(by_type[PAGE], PAGE, request, results, scope, marked),
        PARTNER: _partner_records(by_type[PARTNER], results, marked),
    }
    hits = [loaded[kind][pk] for kind, pk in selection if pk in loaded[kind]]
    return [_recommended(hit, results.promotions) for hit in hits]


def _recommended(hit, promotions):
    key = (hit.type, hit.pk)
    if key not in promotions:
        return hit
    description = promotions[key]
    snippet_html = escape(description) if description else hit.snippet_html
    return replace(hit, recommended=True, snippet_html=snippet_html)
