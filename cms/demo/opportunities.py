"""The demo opportunities: concepts, projects and regional initiatives that need partners,
written in English and translated into the five other languages through wagtail-localize.

Their facts (kind, status, budget, areas, regions, countries, goals, partner kinds sought)
are in `data/opportunities.json`; their text in `data/pages.<language>.json`. They draw on
the themes of the source document: mobile health with WHO, e-agriculture with FAO, e-waste
with ISWA and UNU, the Financial Inclusion Global Initiative, the ITU Academy Centres of
Excellence, emergency telecommunications, cybersecurity, connectivity, digital skills and
ICT statistics. An opportunity keeps its English slug in every language.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from cms.pages.models import (
    OpportunityCountry,
    OpportunityMaterial,
    OpportunityPage,
    OpportunityPartnerKind,
    OpportunityRegion,
    OpportunitySDG,
    OpportunityThematicArea,
)
from cms.snippets.models import Agreement

from .content import (
    html_list,
    page_matches,
    publish_english_page,
    publish_translations,
    stream_blocks,
    texts,
)
from .materials import opportunity_facts
from .progress import link_funding_agreements, progress_reports

__all__ = ["link_agreements", "load_opportunities"]

# Child relation -> (link model, its field, fact key, vocabulary key or None for countries).
RELATIONS = {
    "thematic_areas": (OpportunityThematicArea, "area", "areas", "thematic_areas"),
    "regions": (OpportunityRegion, "region", "regions", "regions"),
    "countries": (OpportunityCountry, "country", "countries", None),
    "sdgs": (OpportunitySDG, "goal", "sdgs", "sdgs"),
    "partner_kinds": (OpportunityPartnerKind, "kind", "partner_kinds", "partner_kinds"),
}


def _text_values(language, slug):
    """The translatable fields of an opportunity in `language`."""
    text = texts(language)
    opportunity = text["opportunities"][slug]
    return {
        "title": opportunity["title"],
        "slug": slug,
        "introduction": opportunity["introduction"],
        "objectives": html_list(opportunity["objectives"]),
        "expected_results": html_list(opportunity["expected_results"]),
        "body": stream_blocks(f"opportunity:{slug}", opportunity["body"], {}),
        "contact_name": text["contact_name"],
        "progress_reports": progress_reports(slug, language),
    }


#: The timeline's fields by their key in the facts' `timeline_days`.
TIMELINE_KEYS = {
    "deadline": "deadline",
    "decision": "decision_date",
    "start": "start_date",
    "end": "end_date",
}


def _timeline_values(fact):
    """The timeline's dates, counted in days from the day the demo is loaded: the demo always
    has calls closing soon, others later, closed ones and some without a deadline."""
    today = timezone.localdate()
    offsets = fact.get("timeline_days", {})
    return {
        field: today + datetime.timedelta(days=offsets[key]) if key in offsets else None
        for key, field in TIMELINE_KEYS.items()
    }


def _fact_values(fact):
    return {
        **_timeline_values(fact),
        "kind": fact["kind"],
        "status": fact["status"],
        "featured": fact.get("featured", False),
        "budget_usd": Decimal(fact["budget_usd"]),
        "funding_gap_usd": Decimal(fact["funding_gap_usd"]),
        "duration_months": fact["duration_months"],
        "contact_email": fact["contact_email"],
    }


def _related(fact, vocabularies, countries, materials):
    """The wanted targets of each child relation, in order."""
    related = {}
    for relation, (_model, _field, key, vocabulary) in RELATIONS.items():
        terms = countries if vocabulary is None else vocabularies[vocabulary]
        related[relation] = [terms[code] for code in fact[key]]
    related["materials"] = materials
    return related


def _links(related):
    links = {}
    for relation, targets in related.items():
        model, field = (
            (OpportunityMaterial, "material")
            if relation == "materials"
            else RELATIONS[relation][:2]
        )
        links[relation] = [
            model(sort_order=order, **{field: target}) for order, target in enumerate(targets)
        ]
    return links


def _relations_match(page, related):
    for relation, targets in related.items():
        field = "material" if relation == "materials" else RELATIONS[relation][1]
        current = [getattr(row, f"{field}_id") for row in getattr(page, relation).all()]
        if current != [target.pk for target in targets]:
            return False
    return True


def load_opportunities(index, target_locales, vocabularies, countries, briefs):
    """Publish each opportunity under the English index and translate it; return the English
    pages by slug and the number of pages written.

    `briefs` maps each opportunity's slug to its English materials.
    """
    pages = {}
    written = 0
    for fact in opportunity_facts():
        slug = fact["slug"]
        values = {**_text_values("en", slug), **_fact_values(fact)}
        del values["slug"]
        related = _related(fact, vocabularies, countries, briefs[slug])
        page, changed = publish_english_page(
            index,
            OpportunityPage,
            slug,
            {**values, **_links(related)},
            is_current=lambda page, values=values, related=related: (
                page_matches(page, values) and _relations_match(page, related)
            ),
        )
        pages[slug] = page
        written += changed
        written += publish_translations(
            page,
            target_locales,
            lambda locale, slug=slug: _text_values(locale.language_code, slug),
            force=changed,
        )
    return pages, written


def link_agreements(pages):
    """Point the archive's agreements of a programme (by tag) to the opportunity that carries
    it on, and the public agreements that fund an opportunity (cms.demo.progress), where they
    point to no page yet; return the number of agreements linked."""
    linked = 0
    for fact in opportunity_facts():
        for tag in fact.get("agreement_tags", []):
            linked += Agreement.objects.filter(tags__slug=tag, project_page=None).update(
                project_page=pages[fact["slug"]]
            )
    return linked + link_funding_agreements(pages)
