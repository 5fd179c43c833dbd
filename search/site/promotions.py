"""Results that editors pin for a query (Wagtail's search promotions), in each language.

Editors keep them in the admin under Settings → Promoted search results
(`wagtail.contrib.search_promotions`), with that app's own permissions (add, change and
delete "search promotion", given to groups in Settings → Groups; Wagtail's permission
policy for the model decides who sees the menu and may edit). Wagtail stores one `Query`
per query string (lower-cased, spaces collapsed) whatever the language, and its promotions
point at pages.

The language of a promotion is the language of its page: a promotion applies to searches in
the language of the page it promotes, and only there. Query strings are words of a language,
and the same string can mean different things in two languages (French "action" is not
English "action"), so a French page promoted for "partenariat" is pinned for French visitors,
and an English visitor typing the same string sees the ordinary results. To pin the same
thing in several languages, the editor adds the page of each language (its translations) to
the query, or to that language's query. Translations are not followed on their own: an editor
who pins the French page has chosen French words for it. A promotion with an external link
and no page has no language: the site search does not show it (the admin still keeps it).

A promoted page is shown first, marked as recommended, even when the query's words are not
in it, but only when it is public (live, outside any view restriction, under the language's
home page: the search's own rule) and, for an opportunity, when it passes the chosen facets.
One query, whatever the number of promotions, and none for a query that has none: the query
strings that have promotions are kept in the shared cache until a promotion or a query
changes (tag `search:promotions`, bumped by this module's signal handlers).
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from cms.core.page_cache import bump, cached_value
from cms.pages.models import OpportunityPage

from .results import OPPORTUNITY, PAGE

__all__ = ["PROMOTIONS_TAG", "Promotion", "promoted_pages", "promoted_queries"]

PROMOTIONS_TAG = "search:promotions"


@dataclass(frozen=True)
class Promotion:
    """A page pinned for a query: its type and id in the results, its content type and the
    editor's description, shown as its extract."""

    type: str
    pk: int
    content_type_id: int
    description: str


def promoted_pages(query, scope):
    """The `Promotion`s of `query` in the scope's language, in the editors' order."""
    if scope.public_q is None or scope.locale is None:
        return []
    query_string = normalise_query_string(query)
    if not query_string or query_string not in promoted_queries():
        return []
    promotions = SearchPromotion.objects.filter(
        query__query_string=query_string, page_id=OuterRef("pk")
    ).order_by("sort_order", "pk")
    rows = (
        scope.public(Page.objects.filter(locale=scope.locale))
        .filter(Exists(promotions))
        .annotate(
            promotion_order=Subquery(promotions.values("sort_order")[:1]),
            promotion_id=Subquery(promotions.values("pk")[:1]),
            promotion_description=Subquery(promotions.values("description")[:1]),
        )
        .order_by("promotion_order", "promotion_id")
        .values_list("pk", "content_type_id", "promotion_description")
    )
    opportunity_type = ContentType.objects.get_for_model(OpportunityPage).pk
    return [
        Promotion(
            type=OPPORTUNITY if content_type_id == opportunity_type else PAGE,
            pk=pk,
            content_type_id=content_type_id,
            description=description or "",
        )
        for pk, content_type_id, description in rows
    ]


def promoted_queries():
    """The query strings that have a promotion of a page, from the shared cache."""
    return cached_value(
        "search:promoted-queries",
        (PROMOTIONS_TAG,),
        lambda: frozenset(
            SearchPromotion.objects.filter(page__isnull=False).values_list(
                "query__query_string", flat=True
            )
        ),
        in_process=True,  # read by every search
    )


def _promotions_changed(sender, raw=False, **kwargs):
    if not raw:
        bump(PROMOTIONS_TAG)


for _model in (Query, SearchPromotion):
    post_save.connect(_promotions_changed, sender=_model, dispatch_uid=f"promotions-{_model}")
    post_delete.connect(_promotions_changed, sender=_model, dispatch_uid=f"promotions-d-{_model}")
