"""The query budget of an agreement's page (issue 17's target: 15 per public page), rendered
for an anonymous visitor without the page cache, warm: the same count whatever the number of
partners, countries, areas and amendments, in English, French and Arabic."""

import datetime
from decimal import Decimal

import pytest
from django.test import override_settings

from cms.snippets.factories import CountryFactory, ThematicAreaFactory
from tests.demo.test_query_budget import counted_get
from tests.pages.directory import data

from .fixtures import REFERENCE, add_countries

#: The queries of an agreement's page, warm (vocabularies, site and frame in the shared
#: cache), the most of the three languages (the issue's target is 15): the agreement, its
#: partners and their names in the language (not in English), its regions, countries and
#: secondary areas, its public amendments, the opportunity, the directory of the language
#: (profile links) and the statistics page (breadcrumbs).
BUDGET = 10


def queries(client, language):
    url = f"/{language}/agreements/{REFERENCE}/"
    client.get(url)  # warm
    return len(counted_get(client, url))


def add_much(main, korea, vocab):
    """Ten more partners (half translated), countries, areas and public amendments."""
    links = list(main.partner_links.all())
    for number in range(10):
        partner = data.make_partner(vocab, f"Development agency {number}")
        if number % 2:
            data.translate_snippet(partner, "fr", name=f"Agence de développement {number}")
        links.append(partner)
    main.partner_links.all().delete()
    for position, partner in enumerate(links):
        partner = getattr(partner, "partner", partner)
        main.partner_links.create(partner=partner, sort_order=position)
    add_countries(main, *(CountryFactory(code=code) for code in ("BR", "IN", "GH", "PE", "NP")))
    main.secondary_areas.add(*(ThematicAreaFactory(code=f"area-{n}") for n in range(5)))
    main.save()
    amendment_type = main.amendments.first().agreement_type
    for number in range(10):
        data.add_public_agreement(
            korea,
            vocab,
            100 + number,
            reference=f"KOR-ADD-{number:03d}",
            agreement_type=amendment_type,
            parent=main,
            signature_date=datetime.date(2018, 1, 1 + number),
            amount=Decimal("1000.00"),
        )


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
@override_settings(PAGE_CACHE_ENABLED=False)
def test_the_page_stays_within_its_budget_whatever_it_lists(client, main, korea, vocab, language):
    few = queries(client, language)
    add_much(main, korea, vocab)
    response = client.get(f"/{language}/agreements/{REFERENCE}/")
    # Every amendment is shown, linked.
    assert response.content.decode().count(f'href="/{language}/agreements/KOR-ADD-') == 10
    many = queries(client, language)

    assert many == few
    assert many <= BUDGET
