"""Issue 17: the SQL of every kind of public page on the demo, rendered for an anonymous
visitor without the page cache, in English, French and Arabic.

The frame of a page (site, live home pages, view restrictions, translations, ancestors,
menu) is read once per request (`cms.core.chrome`) and, with the parts the same for every
visitor, kept in the shared cache (`cms.core.visibility`, `cms.pages.context.shared`): after
one request to warm it, what is left is the page's own row and what is not shared. The
budgets are the counts reached: a change that reads the frame again, or that reads per
item, fails here. The issue's target is 15 for every page. A partner's profile is measured
twice: the first partner of the directory, and the first partner named on the recognitions
page (its awards add their queries).
"""

import re

import pytest
from django.db import connection
from django.test import override_settings

from cms.alerts.models import RegistrationPage
from cms.pages.models import (
    OpportunityIndexPage,
    OpportunityPage,
    PartnerDirectoryPage,
    RecognitionsPage,
    StandardPage,
)
from cms.reports.models import StatisticsPage
from cms.sponsorship.models import EventPage, SponsorshipIndexPage

#: Most queries allowed per kind of page (the most of the three languages).
BUDGETS = {
    "home": 1,
    "standard": 3,
    "recognitions": 5,
    "sponsorship index": 5,
    "event": 9,
    "registration": 5,
    "opportunity index": 1,
    "opportunity index, filtered": 1,
    "opportunity": 1,
    "opportunity, funded": 1,
    "directory": 1,
    "partner profile": 7,
    "partner profile, with recognitions": 8,
    "statistics": 2,
    "search": 7,
    "agreement": 10,
}

PAGE_TYPES = {
    "standard": StandardPage,
    "recognitions": RecognitionsPage,
    "sponsorship index": SponsorshipIndexPage,
    "event": EventPage,
    "registration": RegistrationPage,
    "opportunity index": OpportunityIndexPage,
    "opportunity": OpportunityPage,
    "directory": PartnerDirectoryPage,
    "statistics": StatisticsPage,
}

LANGUAGES = ["en", "fr", "ar"]


def _first_url(model, language):
    page = (
        model.objects.live()
        .public()
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
    )
    assert page is not None, (model.__name__, language)
    return page.url


def funded_opportunity(language):
    """The first funded opportunity of a language: its progress reports and its funders
    (issue 20, item 2) are read with the page."""
    return (
        OpportunityPage.objects.live()
        .public()
        .filter(locale__language_code=language, status=OpportunityPage.Status.FUNDED)
        .order_by("path")
        .first()
    )


def _urls(client, language):
    urls = {kind: _first_url(model, language) for kind, model in PAGE_TYPES.items()}
    urls["opportunity, funded"] = funded_opportunity(language).url
    urls["home"] = f"/{language}/"
    urls["opportunity index, filtered"] = urls["opportunity index"] + "?sort=title&page=1"
    urls["search"] = f"/{language}/search/?q=health"
    directory = client.get(urls["directory"]).content.decode()
    pattern = 'href="(' + re.escape(urls["directory"]) + r'\d+/[^"]+/)"'
    profile = re.search(pattern, directory)
    assert profile, "the directory links no partner profile"
    urls["partner profile"] = profile.group(1)
    recognitions = client.get(urls["recognitions"]).content.decode()
    awarded = re.search(pattern, recognitions)
    assert awarded, "the recognitions page links no partner profile"
    urls["partner profile, with recognitions"] = awarded.group(1)
    urls["agreement"] = f"/{language}/agreements/{_agreement_with_most_links()}/"
    return urls


def _agreement_with_most_links():
    """The reference of the public agreement with the most partners, countries and addenda."""
    from django.db.models import Count

    from cms.snippets.models import Agreement

    return (
        Agreement.objects.public()
        .annotate(
            links=Count("partner_links", distinct=True)
            + Count("countries", distinct=True)
            + Count("amendments", distinct=True)
        )
        .order_by("-links", "reference")
        .values_list("reference", flat=True)
        .first()
    )


def _queries(client, url):
    client.get(url)  # warm: content types, site root paths, the cached figures
    return counted_get(client, url)


def counted_get(client, url):
    """The SQL statements of one anonymous request to `url` (which must answer 200)."""
    statements = []

    def count(execute, sql, params, many, context):
        # The test's transaction turns each atomic block into savepoints: not queries.
        if not sql.lstrip().upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO")):
            statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, url
    return statements


@pytest.mark.parametrize("language", LANGUAGES)
@override_settings(PAGE_CACHE_ENABLED=False)
def test_every_public_page_stays_within_its_query_budget(demo_data, client, language):
    statements = {kind: _queries(client, url) for kind, url in _urls(client, language).items()}

    over = {
        kind: (len(sql), BUDGETS[kind], [text[:100] for text in sql])
        for kind, sql in statements.items()
        if len(sql) > BUDGETS[kind]
    }
    assert not over, f"queries over budget in {language} (count, budget, queries): {over}"
