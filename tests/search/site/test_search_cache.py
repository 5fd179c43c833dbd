"""Search results kept in the shared cache (search/site/cache.py): the same search again reads
nothing from the database, and every kind of change a search could show is seen by the next
search, in the language concerned: a page published, changed or unpublished, a partner renamed,
a term renamed, a page put under a view restriction, an index written by the background
worker alone.

The page cache is on in this module (it counts queries, which turns it off elsewhere).
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.pages.factories import StandardPageFactory
from search.site import GROUP_SIZE, TYPES, backend_for, clean_query, load_hits, search_site

pytestmark = pytest.mark.page_cache


def titles(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text() for link in soup.select(".search-hit__link")]


def facet_labels(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    soup = BeautifulSoup(response.content, "html.parser")
    return [label.get_text(" ", strip=True) for label in soup.select(".search-facets label")]


def search_and_show(language, raw, rf):
    """What the search page computes: the results and the hits of each group's first page."""
    request = rf.get(f"/{language}/search/", {"q": raw})
    with translation.override(language):
        results = search_site(clean_query(raw), language, request)
        selection = [(kind, pk) for kind in TYPES for pk in results.ids[kind][:GROUP_SIZE]]
        return results, load_hits(results, selection, request)


def test_the_same_search_again_reads_nothing_from_the_database(search_site_data, rf):
    with CaptureQueriesContext(connection) as first:
        results, hits = search_and_show("fr", "Pacifique", rf)
    assert "Guide des partenariats du Pacifique" in [hit.title for hit in hits]
    assert len(first.captured_queries) >= 4  # pages, opportunities, partners, the hits

    with CaptureQueriesContext(connection) as again:
        results_again, hits_again = search_and_show("fr", "Pacifique", rf)
    assert [q["sql"] for q in again.captured_queries] == []
    assert results_again.ranked == results.ranked
    assert hits_again == hits


def test_the_api_s_plain_hits_and_the_page_s_marked_hits_are_kept_apart(search_site_data, rf):
    """The JSON API gives titles and addresses only: its hits are built without the marked
    title and snippet. Kept in the same cache for the same selection, they never stand in
    for the search page's, nor the page's for the API's."""
    request = rf.get("/en/search/", {"q": "Pacific"})
    with translation.override("en"):
        results = search_site(clean_query("Pacific"), "en", request)
        selection = [(kind, pk) for kind in TYPES for pk in results.ids[kind][:GROUP_SIZE]]
        plain = load_hits(results, selection, request, marked=False)
        marked = load_hits(results, selection, request)
        plain_again = load_hits(results, selection, request, marked=False)
    assert [hit.title for hit in plain] == [hit.title for hit in marked]
    assert all(hit.title_html == "" and hit.snippet_html == "" for hit in plain)
    assert any("<mark>" in hit.title_html for hit in marked)
    assert plain_again == plain


def test_a_search_that_found_nothing_finds_the_page_published_since(client, search_site_data):
    assert titles(client, "fr", "Mélanésie") == []
    french_home = search_site_data["french_guide"].get_parent()
    page = StandardPageFactory(
        parent=french_home, title="Mélanésie numérique", introduction="Les îles.", live=False
    )
    page.save_revision().publish()
    assert titles(client, "fr", "Mélanésie") == ["Mélanésie numérique"]


def test_a_page_published_after_a_search_is_found_by_it(client, search_site_data):
    assert "Bourses du Pacifique" not in titles(client, "fr", "Pacifique")
    french_home = search_site_data["french_guide"].get_parent()
    page = StandardPageFactory(
        parent=french_home,
        title="Bourses du Pacifique",
        introduction="Des bourses pour les étudiants du Pacifique.",
        live=False,
    )
    page.save_revision().publish()
    assert "Bourses du Pacifique" in titles(client, "fr", "Pacifique")
    # Only in its language.
    assert "Bourses du Pacifique" not in titles(client, "en", "Pacific")


def test_a_page_changed_shows_its_new_title_and_an_unpublished_one_goes(client, search_site_data):
    guide = search_site_data["french_guide"]
    assert "Guide des partenariats du Pacifique" in titles(client, "fr", "Pacifique")
    guide.title = "Guide révisé des partenariats du Pacifique"
    guide.save_revision().publish()
    found = titles(client, "fr", "Pacifique")
    assert "Guide révisé des partenariats du Pacifique" in found
    assert "Guide des partenariats du Pacifique" not in found

    Page.objects.get(pk=guide.pk).specific.unpublish()
    assert not any("Guide" in title for title in titles(client, "fr", "Pacifique"))


def test_a_partner_renamed_is_found_by_its_new_name(client, search_site_data):
    australia = search_site_data["australia"]
    assert titles(client, "en", "Australia") == ["Government of Australia (DFAT)"]
    assert "Government of Australia (DFAT)" in titles(client, "en", "Government")
    australia.name = "Commonwealth of Australia"
    australia.save()
    assert titles(client, "en", "Australia") == ["Commonwealth of Australia (DFAT)"]
    assert "Government of Australia (DFAT)" not in titles(client, "en", "Government")


def test_what_the_worker_indexes_is_found_without_any_other_change(search_site_data, rf):
    """The background worker indexes a change after the request that made it: the results
    kept before it are out of date as soon as the index is written."""
    guide = search_site_data["french_guide"]
    results, _hits = search_and_show("fr", "Mélanésie", rf)
    assert results.total == 0
    search_and_show("fr", "Pacifique", rf)  # kept
    # The row changed without a signal (as a raw write would), then indexed on its own.
    Page.objects.filter(pk=guide.pk).update(title="Guide de la Mélanésie et du Pacifique")
    get_search_backend(backend_for("fr")).add(Page.objects.get(pk=guide.pk).specific)

    results, hits = search_and_show("fr", "Mélanésie", rf)
    assert [hit.title for hit in hits] == ["Guide de la Mélanésie et du Pacifique"]
    _results, hits = search_and_show("fr", "Pacifique", rf)
    assert "Guide de la Mélanésie et du Pacifique" in [hit.title for hit in hits]


def test_a_term_renamed_shows_in_the_facets(client, search_site_data, vocab):
    labels = facet_labels(client, "en", "Pacific")
    assert any(label.startswith("Cybersecurity") for label in labels), labels
    area = vocab.areas["cybersecurity"]
    area.name = "Cyber safety"
    area.save()
    labels = facet_labels(client, "en", "Pacific")
    assert any(label.startswith("Cyber safety") for label in labels), labels
    assert not any(label.startswith("Cybersecurity") for label in labels), labels


def test_a_page_put_under_a_view_restriction_goes(client, search_site_data):
    """A restriction writes nothing to the index: the public rule is applied to the results
    kept too."""
    from wagtail.models import PageViewRestriction

    guide = search_site_data["french_guide"]
    assert "Guide des partenariats du Pacifique" in titles(client, "fr", "Pacifique")
    PageViewRestriction.objects.create(page=guide, restriction_type="login")
    assert "Guide des partenariats du Pacifique" not in titles(client, "fr", "Pacifique")


def test_a_call_closed_by_its_deadline_overnight_is_found_as_closed(
    client, add_opportunities, monkeypatch
):
    """No change bumps a tag at midnight: the kept results carry the day in their key, so a
    call whose deadline was yesterday is read again, now closed."""
    import datetime

    from cms.pages import timeline

    day = timeline.today()
    add_opportunities(1, "Lagoon telemetry last call", exact=True, deadline=day)

    def statuses():
        response = client.get("/en/search/", {"q": "lagoon", "type": "opportunity"})
        soup = BeautifulSoup(response.content, "html.parser")
        return {box["value"] for box in soup.select(".search-facets input[name=status]")}

    assert statuses() == {"open"}
    tomorrow = day + datetime.timedelta(days=1)
    monkeypatch.setattr(timeline, "today", lambda: tomorrow)
    monkeypatch.setattr("search.site.cache.today", lambda: tomorrow)
    monkeypatch.setattr("search.site.engine.today", lambda: tomorrow)
    assert statuses() == {"closed"}
