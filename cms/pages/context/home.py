"""The sections of a home page: open opportunities, the partner directory and "how to
partner", each left out when there is nothing to lead to. The figures of the partnerships
are added by the reports (`cms.reports.home_figures`), which compute them."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from cms.core import chrome

from ..models import (
    HomePage,
    OpportunityIndexPage,
    OpportunityPage,
    PartnerDirectoryPage,
    StandardPage,
)
from ..timeline import depend_on_today
from .opportunity import card_pages, opportunity_cards
from .registry import builds
from .shared import shared_part

__all__ = ["HOME_OPPORTUNITIES", "HOW_TO_PARTNER_SLUG", "home_page_context"]

#: How many open opportunities the home page shows.
HOME_OPPORTUNITIES = 6
#: The slug of the English "How to partner" page under the home page.
HOW_TO_PARTNER_SLUG = "how-to-partner"


def _section_pages(home, private):
    """The live, public opportunity index, partner directory and "how to partner" page
    under `home`, in one query: {"index": page, "directory": page, "how_to": page}."""
    english_how_to = StandardPage.objects.filter(
        slug=HOW_TO_PARTNER_SLUG, locale__language_code=settings.LANGUAGE_CODE
    ).values("translation_key")
    types = ContentType.objects.get_for_models(
        OpportunityIndexPage, PartnerDirectoryPage, StandardPage
    )
    index_type = types[OpportunityIndexPage].pk
    directory_type = types[PartnerDirectoryPage].pk
    how_to_type = types[StandardPage].pk
    children = (
        home.get_children()
        .live()
        .exclude(private)
        .filter(
            Q(content_type_id__in=[index_type, directory_type])
            | Q(
                Q(slug=HOW_TO_PARTNER_SLUG) | Q(translation_key__in=english_how_to),
                content_type_id=how_to_type,
            )
        )
        .order_by("path")
    )
    sections = {}
    for child in children:
        if child.content_type_id == index_type:
            sections.setdefault("index", child)
        elif child.content_type_id == directory_type:
            sections.setdefault("directory", child)
        else:
            sections.setdefault("how_to", child)
    return sections


@builds(HomePage)
def home_page_context(page, request):
    """Template context of a home page: its open opportunities (featured first, then the
    newest) and the links to the index, the directory and "how to partner", the same for
    every visitor: kept in the shared cache (`shared_part`)."""
    # An open call leaves the list the day after its deadline: the part depends on the day.
    day = depend_on_today(request)
    return shared_part(page, request, "home", lambda: _home_sections(page, request), tags=(day,))


def _home_sections(page, request):
    private = chrome.private_sections(request)
    sections = _section_pages(page, private)
    opportunities = card_pages(
        OpportunityPage.objects.live()
        .descendant_of(page)
        .exclude(private)
        .filter(OpportunityPage.status_condition(OpportunityPage.Status.OPEN))
        .order_by("-featured", "-first_published_at", "path")
    )[:HOME_OPPORTUNITIES]
    index = sections.get("index")
    directory = sections.get("directory")
    how_to = sections.get("how_to")
    return {
        "open_opportunities": opportunity_cards(
            opportunities, chrome.prime_locale(request, page).locale.language_code, request
        ),
        "opportunity_index_url": index.get_url(request) if index else "",
        "opportunity_index_title": index.title if index else "",
        "directory_url": directory.get_url(request) if directory else "",
        "directory_title": directory.title if directory else "",
        "how_to_partner_url": how_to.get_url(request) if how_to else "",
        "how_to_partner_title": how_to.title if how_to else "",
    }
