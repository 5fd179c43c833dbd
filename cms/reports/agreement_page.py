"""The public page of one agreement, `/<language>/agreements/<reference>/`: its partners
(linked to their profiles), type, dates, beneficiary regions and countries, thematic areas,
amount in its own currency and in US dollars, amendment chain and linked opportunities, in
the visitor's language.

The view receives plain public records (`cms.pages.public_records`), never the agreement
itself: an unknown reference and a confidential agreement both answer the site's 404, and no
field left out of the records (notes, tags, signed document) can reach the page. Anonymous
answers are kept in the page cache until an agreement, a partner, a term or one of the pages
it links to or sits under changes (`AGREEMENT_PAGE_TAGS`).
"""

from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cms.core import chrome
from cms.core.formats import format_date, format_money
from cms.core.money import format_usd
from cms.core.page_cache import cacheable
from cms.core.visibility import public_pages
from cms.pages.public_records import ProfileLinks, Vocabularies, load_agreement_details
from cms.snippets.models import Agreement

from .models import StatisticsPage

__all__ = ["AGREEMENT_PAGE_TAGS", "agreement_page", "agreement_page_context"]

#: What an agreement's page shows: the agreement and its partners and terms, links to the
#: partner profiles and opportunities, the breadcrumbs (home and statistics pages) and the
#: site's frame.
AGREEMENT_PAGE_TAGS = (
    "data:agreements",
    "data:partners",
    "data:vocabularies",
    "pages:pages.homepage",
    "pages:pages.partnerdirectorypage",
    "pages:pages.opportunitypage",
    "pages:reports.statisticspage",
    "menu",
    "site",
)


#: The longest meta description, as the pages' (cms.publishing.seo.meta).
DESCRIPTION_LENGTH = 200


def _crumbs(request, language):
    """Home page, statistics page and its list of agreements, in the visitor's language,
    where they are public."""
    homes = chrome.live_homes(request)
    home = homes.get(language)
    crumbs = []
    if home is not None and home.get_url(request):
        crumbs.append({"title": home.title, "url": home.get_url(request)})
    statistics = public_pages(homes, language, model=StatisticsPage).order_by("path").first()
    url = statistics.get_url(request) if statistics else None
    if url:
        crumbs.append({"title": statistics.title, "url": url})
        crumbs.append(
            {
                "title": _("List of agreements"),
                "url": url + statistics.reverse_subpage("agreements"),
            }
        )
    return crumbs


def _description(agreement):
    """The meta description: what the agreement is, between whom, when, and its value."""
    parts = [agreement.agreement_type.name if agreement.agreement_type else _("Agreement")]
    partners = ", ".join(link.partner.name for link in agreement.partners)
    if partners:
        parts.append(_("with %(partners)s") % {"partners": partners})
    if agreement.signature_date:
        parts.append(_("signed on %(date)s") % {"date": format_date(agreement.signature_date)})
    if agreement.amount is not None and agreement.currency:
        parts.append(format_money(agreement.amount, agreement.currency))
    if agreement.amount_usd is not None and agreement.currency != "USD":
        parts.append(format_usd(agreement.amount_usd))
    text = f"{agreement.reference}: {agreement.title}. " + ", ".join(parts) + "."
    return Truncator(text).chars(DESCRIPTION_LENGTH)


def agreement_page_context(request, reference, language):
    """The context of an agreement's page; 404 when no public agreement has `reference`."""
    vocabularies = Vocabularies(language)
    links = ProfileLinks.for_language(language, request)
    records = load_agreement_details(
        Agreement.objects.filter(reference=reference), language, links, vocabularies, request
    )
    if not records:
        # The 404 page then offers the home pages in other languages, not this address.
        request.resolver_match = None
        raise Http404(_("There is no public agreement with this reference."))
    agreement = records[0]
    with translation.override(language):
        crumbs = _crumbs(request, language)
        return {
            "agreement": agreement,
            "crumbs": crumbs,
            "list_url": crumbs[-1]["url"] if len(crumbs) > 2 else None,
            "meta_title": f"{agreement.reference}: {agreement.title}",
            "meta_description": _description(agreement),
            "meta_canonical_url": agreement.url,
        }


@require_safe
@cacheable(*AGREEMENT_PAGE_TAGS)
def agreement_page(request, reference):
    """An agreement's public page in the language of the address."""
    language = translation.get_language()
    context = agreement_page_context(request, reference, language)
    return render(request, "reports/agreement_page.html", context)
