"""Opportunity pages for the API tests, with the terms of their summary."""

from decimal import Decimal

from django.utils.text import slugify

from cms.pages.models import (
    OpportunityCountry,
    OpportunityIndexPage,
    OpportunityPage,
    OpportunityPartnerKind,
    OpportunityRegion,
    OpportunitySDG,
    OpportunityThematicArea,
)


def add_page(parent, page, *, live=True):
    """`page` under `parent`, published, or a draft that was never published."""
    page.live = live
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def make_index(home, **fields):
    fields.setdefault("title", "Opportunities")
    fields.setdefault("slug", "opportunities")
    return add_page(home, OpportunityIndexPage(**fields))


def make_opportunity(index, vocab, title, *, goal=None, live=True, **fields):
    """An opportunity under `index` in cybersecurity, for Africa (Kenya and Fiji), seeking
    foundations; published unless `live=False`."""
    defaults = {
        "slug": slugify(title),
        "introduction": f"Partners wanted for {title}.",
        "kind": OpportunityPage.Kind.PROJECT,
        "status": OpportunityPage.Status.OPEN,
        "budget_usd": Decimal("1200000"),
        "funding_gap_usd": Decimal("800000"),
        "duration_months": 24,
        "contact_name": "Amina Programme",
        "contact_email": "amina.programme@itu.example",
        "objectives": "<p>Train 500 cybersecurity experts.</p>",
        "expected_results": "<p>Five national CIRTs in operation.</p>",
    }
    defaults.update(fields)
    page = OpportunityPage(title=title, **defaults)
    page.thematic_areas = [OpportunityThematicArea(area=vocab.areas["cybersecurity"])]
    page.regions = [OpportunityRegion(region=vocab.regions["afr"])]
    page.countries = [
        OpportunityCountry(country=vocab.countries["KE"]),
        OpportunityCountry(country=vocab.countries["FJ"]),
    ]
    page.partner_kinds = [OpportunityPartnerKind(kind=vocab.kinds["foundation"])]
    if goal is not None:
        page.sdgs = [OpportunitySDG(goal=goal)]
    return add_page(index, page, live=live)
