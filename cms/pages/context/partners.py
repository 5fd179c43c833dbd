"""What a partner's profile (a route of the partner directory) and the recognitions page show,
built from the public records (`cms.pages.public_records`)."""

from dataclasses import dataclass
from itertools import groupby

from django.http import Http404
from django.utils import translation

from cms.core import chrome
from cms.core.plain_text import plain_summary
from cms.core.templatetags.navigation_tags import breadcrumbs

from ..models import PartnerDirectoryPage, RecognitionsPage
from ..public_records import (
    ProfileLinks,
    Vocabularies,
    funding_partners,
    load_public_agreements,
    load_public_partners,
    load_public_recognitions,
)
from ..world_map import PartnerMap
from .registry import builds

__all__ = ["Occasion", "organization_node", "profile_context", "recognitions_context"]


@builds(PartnerDirectoryPage, "partner")
def profile_context(page, request, partner_id):
    """A funding partner's public profile: its public fields, public agreements and
    recognitions. 404 for an unknown id, or one that is not a funding partner's English row."""
    language = chrome.prime_locale(request, page).locale.language_code
    vocabularies = Vocabularies(language)
    links = ProfileLinks(page, request)
    records = load_public_partners(
        funding_partners().filter(pk=partner_id), language, links, vocabularies
    )
    if not records:
        raise Http404("No such funding partner")
    partner = records[0]
    with translation.override(language):
        crumbs = [
            *breadcrumbs({"request": request}, page),
            {"title": page.title, "url": links.base_url, "is_current": False},
        ]
    recognitions = load_public_recognitions(language, links, partner_pk=partner.pk)
    description = plain_summary(partner.mandate)
    return {
        "partner": partner,
        "agreements": load_public_agreements(partner.pk, vocabularies),
        "world_map": PartnerMap(partner.pk, language),
        "recognitions": recognitions,
        "crumbs": crumbs,
        # What the <head> says about the profile (see cms.publishing.seo.meta.page_meta).
        "meta_title": partner.name,
        "meta_description": description,
        "meta_image": partner.logo,
        "meta_structured_data": organization_node(request, partner, recognitions, description),
    }


def organization_node(request, partner, recognitions, description):
    """The partner as a schema.org Organization, from its public fields only."""
    node = {"@type": "Organization", "name": partner.name}
    if partner.url:
        node["@id"] = request.build_absolute_uri(partner.url) + "#organization"
    if partner.acronym:
        node["alternateName"] = partner.acronym
    if description:
        node["description"] = description
    if partner.website:
        node["url"] = partner.website
    if partner.headquarters_country:
        node["address"] = {
            "@type": "PostalAddress",
            "addressCountry": partner.headquarters_country.code,
        }
    if partner.parent:
        node["parentOrganization"] = {"@type": "Organization", "name": partner.parent.name}
    if recognitions:
        node["award"] = [recognition.award_title for recognition in recognitions]
    return node


@dataclass(frozen=True)
class Occasion:
    """The awards given on one occasion."""

    occasion: str
    language: str
    year: int
    recognitions: list


@builds(RecognitionsPage)
def recognitions_context(page, request):
    """The recognitions in the page's language grouped by occasion, newest first, each
    partner linked to its profile in the directory of that language (when there is one)."""
    language = page.locale.language_code
    # The directory of the same home page (there is at most one per home page).
    directory = PartnerDirectoryPage.objects.live().sibling_of(page).first()
    recognitions = load_public_recognitions(language, ProfileLinks(directory, request))
    occasions = []
    for _key, group in groupby(recognitions, key=lambda r: r.occasion_key):
        awards = list(group)
        # The occasion's name in the page's language when any of its awards is translated.
        named = next((a for a in awards if a.language == language), awards[0])
        occasions.append(
            Occasion(
                occasion=named.occasion,
                language=named.language,
                year=named.year,
                recognitions=awards,
            )
        )
    return {"occasions": occasions, "directory": directory}
