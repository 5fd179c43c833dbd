"""The public search page /<language>/search/ and its suggestions: results of the visitor's
language only, grouped by type with counts, facets, pages of results, highlighted and
escaped snippets, any input answered without an error, nothing private or unpublished."""

import datetime
import logging

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from search import highlight
from search.site import MAX_QUERY_LENGTH, clean_query

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")


def get_page(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200, response.content[:500]
    return response, BeautifulSoup(response.content, "html.parser")


def hit_titles(soup):
    return [link.get_text() for link in soup.select(".search-hit__link")]


def group_counts(soup):
    return {
        group["class"][1].removeprefix("search-group--"): int(
            group.select_one(".search-group__count").get_text()
        )
        for group in soup.select(".search-group")
    }


# --- Language -------------------------------------------------------------------------------


def test_french_query_finds_the_french_page_and_never_the_english_one(client, search_site_data):
    _response, soup = get_page(client, "fr", q="exercices cyber")
    titles = hit_titles(soup)
    assert "Exercices cyber pour l'Afrique" in titles
    assert "Cyber drills for Africa" not in titles

    # A word of both titles: each language sees its own page only.
    _response, soup = get_page(client, "fr", q="cyber")
    assert "Exercices cyber pour l'Afrique" in hit_titles(soup)
    assert "Cyber drills for Africa" not in soup.get_text()
    _response, soup = get_page(client, "en", q="cyber")
    assert "Cyber drills for Africa" in hit_titles(soup)
    assert "Exercices cyber" not in soup.get_text()


def test_partners_are_found_in_the_visitors_language_and_link_to_their_profile(
    client, search_site_data
):
    _response, soup = get_page(client, "fr", q="Australie")
    link = soup.select_one(".search-group--partner .search-hit__link")
    assert link.get_text() == "Gouvernement de l'Australie (DFAT)"
    australia = search_site_data["australia"]
    assert link["href"] == f"/fr/partners/{australia.pk}/government-of-australia/"
    assert client.get(link["href"]).status_code == 200

    _response, soup = get_page(client, "en", q="Australie")
    assert "Australie" not in " ".join(hit_titles(soup))


# --- Groups, facets, pages --------------------------------------------------------------------


def test_results_are_grouped_by_type_with_their_counts(client, search_site_data):
    _response, soup = get_page(client, "en", q="Pacific")
    assert group_counts(soup) == {"opportunity": 2, "partner": 1, "page": 1}
    headings = [heading.get_text(" ", strip=True) for heading in soup.select(".search-group h3")]
    # The groups in the order of their best result (issue 18): the partner only mentions
    # "Pacific" in its mandate.
    assert headings == ["Opportunities 2", "Pages 1", "Partners 1"]
    assert soup.select_one("#search-results-heading").get_text() == "4 results for “Pacific”"
    pages = [link.get_text() for link in soup.select(".search-group--page .search-hit__link")]
    assert pages == ["Pacific partnership guide"]
    type_counts = {
        link.select_one(".search-types__name").get_text(): link.select_one(
            ".search-types__count"
        ).get_text()
        for link in soup.select(".search-types__link")
    }
    assert type_counts == {"All results": "4", "Opportunities": "2", "Partners": "1", "Pages": "1"}


def test_type_facet_shows_one_type_only(client, search_site_data):
    _response, soup = get_page(client, "en", q="Pacific", type="partner")
    assert hit_titles(soup) == ["Government of Australia (DFAT)"]
    current = soup.select_one(".search-types__link[aria-current=page]")
    assert "Partners" in current.get_text()


def test_opportunity_facets_count_and_filter(client, search_site_data):
    _response, soup = get_page(client, "en", q="Pacific")
    facets = {
        item.select_one("input")["value"]: item.select_one(".facet__count").get_text()
        for item in soup.select(".search-facets .facet__value")
    }
    assert facets == {"cybersecurity": "1", "infrastructure": "1", "open": "1", "funded": "1"}

    _response, soup = get_page(client, "en", q="Pacific", type="opportunity", status="funded")
    assert hit_titles(soup) == ["Pacific broadband backbone"]
    assert "Funded" in soup.select_one(".active-filters").get_text()

    _response, soup = get_page(client, "en", q="Pacific", type="opportunity", area="cybersecurity")
    assert hit_titles(soup) == ["Pacific cyber resilience"]
    checked = soup.select(".search-facets input[checked]")
    assert [box["value"] for box in checked] == ["cybersecurity"]

    # Filters that exclude everything, and values that do not exist, are no error.
    _response, soup = get_page(
        client, "en", q="Pacific", type="opportunity", area="cybersecurity", status="funded"
    )
    assert hit_titles(soup) == []
    assert "No result of this type" in soup.get_text()
    _response, soup = get_page(client, "en", q="Pacific", status="nonsense", area="<b>x</b>")
    assert group_counts(soup)["opportunity"] == 2


def test_an_open_call_past_its_deadline_is_found_as_closed(client, add_opportunities):
    """The status facet and the result read a call as visitors do on its page: closed from
    the day after its deadline."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    add_opportunities(1, "Lagoon telemetry late call", exact=True, deadline=yesterday)
    add_opportunities(1, "Lagoon telemetry open call", exact=True)
    _response, soup = get_page(client, "en", q="lagoon", type="opportunity")
    facets = {
        item.select_one("input")["value"]: item.select_one(".facet__count").get_text()
        for item in soup.select(".search-facets .facet__value")
    }
    assert facets["open"] == "1" and facets["closed"] == "1"
    _response, soup = get_page(client, "en", q="lagoon", type="opportunity", status="closed")
    assert hit_titles(soup) == ["Lagoon telemetry late call"]
    assert "Closed" in soup.select_one(".search-hit").get_text()


def test_results_of_one_type_come_in_pages(client, add_opportunities):
    add_opportunities(13, "Satellite broadband")
    _response, soup = get_page(client, "en", q="satellite", type="opportunity")
    assert len(hit_titles(soup)) == 10
    assert soup.select_one(".pagination")
    next_link = soup.select_one(".pagination__link--next")["href"]
    assert "page=2" in next_link and "type=opportunity" in next_link
    response = client.get(next_link)
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(hit_titles(soup)) == 3
    assert soup.select_one(".search-hits")["start"] == "11"
    # All results: five of the thirteen, and a link to the others.
    _response, soup = get_page(client, "en", q="satellite")
    assert len(soup.select(".search-group--opportunity .search-hit")) == 5
    assert soup.select_one(".search-group__more a")["href"].endswith("type=opportunity")
    # A page past the last shows the last one.
    _response, soup = get_page(client, "en", q="satellite", type="opportunity", page="99")
    assert len(hit_titles(soup)) == 3


@pytest.mark.parametrize("params", [{}, {"type": "opportunity"}])
def test_query_count_does_not_grow_with_the_results(client, add_opportunities, params):
    add_opportunities(3, "Quantum few")
    add_opportunities(10, "Photonics many")
    client.get("/en/search/", {"q": "quantum", **params})  # warm the site-root cache

    def queries(q):
        with CaptureQueriesContext(connection) as context:
            response = client.get("/en/search/", {"q": q, **params})
        assert response.status_code == 200
        return len(context.captured_queries)

    few, many = queries("quantum"), queries("photonics")
    assert few == many, (few, many)
    # Inside the test's transaction, each of the three searches adds its savepoint (2); the
    # opportunities' statuses and areas are read in one query.
    assert many <= 12, many


# --- Highlighting -----------------------------------------------------------------------------


def test_words_are_highlighted_and_titles_escaped(client, add_opportunities):
    add_opportunities(
        1,
        "Zebrafish <script>alert(1)</script> lab",
        exact=True,
        slug="zebrafish-lab",
        introduction="A zebrafish laboratory & <b>bold</b> claims about Zebrafish.",
    )
    response, soup = get_page(client, "en", q="zebrafish")
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    title = soup.select_one(".search-hit__link")
    assert [mark.get_text() for mark in title.select("mark")] == ["Zebrafish"]
    snippet = soup.select_one(".search-hit__snippet")
    assert [mark.get_text() for mark in snippet.select("mark")] == ["zebrafish", "Zebrafish"]
    assert "<b>bold</b>" in snippet.get_text()  # shown as text, not markup
    assert not snippet.select("b")


def test_highlighter_compares_words_as_a_reader_does():
    def marks(text, terms):
        return BeautifulSoup(highlight.highlight(text, terms), "html.parser").select("mark")

    def marked(text, terms):
        return [mark.get_text() for mark in marks(text, terms)]

    assert marked("Nos partenariats et le Partenariat", ["partenariat"]) == [
        "partenariats",
        "Partenariat",
    ]
    assert marked("La asociación de la UIT", ["asociacion"]) == ["asociación"]
    assert marked("Программа сотрудничества", ["сотрудничество"]) == ["сотрудничества"]
    assert marked("الشراكة من أجل التنمية", ["شراكة"]) == ["الشراكة"]
    assert marked("الشراكة", ["الشَّرَاكَة"]) == ["الشراكة"]
    assert marked("合作伙伴关系促进数字发展", ["合作"]) == ["合作"]
    assert marked("合作伙伴关系", ["合作", "作伙"]) == ["合作伙"]
    assert marked("data and date", ["data"]) == ["data"]
    assert marked("a b c", []) == []
    assert str(highlight.highlight("<i>x</i>", ["x"])) == "&lt;i&gt;<mark>x</mark>&lt;/i&gt;"


def test_snippet_is_a_window_around_the_first_hit():
    text = "Lorem ipsum dolor sit amet. " * 30 + "The zebrafish lab. " + "Tail words here. " * 30
    html = str(highlight.snippet(text, ["zebrafish"], length=120))
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>zebrafish</mark>" in html
    assert len(BeautifulSoup(html, "html.parser").get_text()) <= 125
    assert str(highlight.snippet("Short text.", ["nothing"])) == "Short text."


# --- Suggestions ------------------------------------------------------------------------------


def test_suggestions_as_you_type(client, add_opportunities):
    response = client.get("/fr/search/suggest/", {"q": "exer"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    results = response.json()["results"]
    assert [(item["title"], item["url"], item["type"]) for item in results] == [
        (
            "Exercices cyber pour l'Afrique",
            "/fr/opportunities/cyber-drills-for-africa/",
            "opportunity",
        )
    ]
    assert all(item["type_label"] for item in results)

    partner = client.get("/fr/search/suggest/", {"q": "gouv"}).json()["results"]
    assert [(item["title"], item["type"]) for item in partner] == [
        ("Gouvernement de l'Australie", "partner")
    ]
    add_opportunities(12, "Solar kiosks")
    many = client.get("/en/search/suggest/", {"q": "sola"}).json()["results"]
    assert len(many) == 8
    assert client.get("/en/search/suggest/", {"q": "s"}).json()["results"] == []


def test_search_box_in_every_page_header(client, search_site_data):
    for language in ("en", "fr", "ar"):
        soup = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
        form = soup.select_one("header.site-header form[role=search]")
        assert form["action"] == f"/{language}/search/"
        field = form.select_one("input[name=q]")
        assert soup.select_one(f"label[for={field['id']}]").get_text(strip=True)
        assert field["data-search-suggest"] == f"/{language}/search/suggest/"
        assert soup.select_one("script[src$='js/search-suggest.js']")


# --- Empty, unsafe and failing input ---------------------------------------------------------


def test_empty_query_shows_a_helpful_page(client, search_site_data):
    response, soup = get_page(client, "fr")
    assert soup.select_one("#search-page-input")["value"] == ""
    assert soup.select_one(".search-message")
    assert not soup.select(".search-hit")
    assert not soup.select("meta[name=robots]")


def test_no_results_says_so_with_tips(client, search_site_data):
    _response, soup = get_page(client, "en", q="xylophonist")
    assert "No results for “xylophonist”." in soup.get_text()
    assert len(soup.select(".search-tips li")) == 3
    assert soup.select_one("meta[name=robots]")["content"] == "noindex"
    assert soup.title.get_text().startswith("Search results for “xylophonist”")


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_any_input_is_answered_without_error(
    client, search_site_data, safety_inputs, caplog, language, settings
):
    # Many searches from one address: the budget per address is tested in test_throttle.py.
    settings.SEARCH_RATE_LIMIT = 10_000
    for query in safety_inputs:
        with caplog.at_level(logging.WARNING):
            response = client.get(f"/{language}/search/", {"q": query, "page": "x"})
            suggestions = client.get(f"/{language}/search/suggest/", {"q": query})
        assert response.status_code == 200, query
        assert suggestions.status_code == 200, query
        assert not [record for record in caplog.records if record.levelno >= logging.ERROR]
        soup = BeautifulSoup(response.content, "html.parser")
        value = soup.select_one("#search-page-input")["value"]
        assert value == clean_query(query)
        assert len(value) <= MAX_QUERY_LENGTH
        assert "\x00" not in value
    # Operators and signs are read as words: the page is still found.
    for query in ('"cyber drills', "-cyber", "cyber*", "(cyber)", "cyber!", "CYBER"):
        _response, soup = get_page(client, "en", q=query)
        assert "Cyber drills for Africa" in hit_titles(soup), query


def test_long_input_is_cut_and_the_visitor_told(client, search_site_data):
    _response, soup = get_page(client, "en", q="cyber " + "x" * 10_000)
    assert soup.select_one("#search-page-input")["value"] == ("cyber " + "x" * 10_000)[:200]
    assert "only its first 200 characters were used" in soup.select_one(".search-box__note").text


def test_a_failing_search_backend_gives_a_message_not_an_error(
    client, search_site_data, monkeypatch, caplog
):
    monkeypatch.setattr("search.site.backend_for", lambda code: "no-such-backend")
    response = client.get("/fr/search/", {"q": "cyber"})
    assert response.status_code == 503
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".search-message--error[role=alert]").get_text(strip=True)
    assert not soup.select(".search-hit")
    assert soup.select_one("#search-page-input")["value"] == "cyber"
    assert any("unavailable" in record.getMessage() for record in caplog.records)
    assert client.get("/fr/search/suggest/", {"q": "cyber"}).status_code == 503


# --- Nothing private --------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_drafts_private_pages_and_hidden_partners_never_appear(
    client, search_site_data, private_words, language
):
    for query in [*private_words, "unpublished", "smart villages", "donor", "members", "hidden"]:
        response = client.get(f"/{language}/search/", {"q": query})
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert not soup.select(".search-hit"), (language, query, hit_titles(soup))
        suggestions = client.get(f"/{language}/search/suggest/", {"q": query}).json()
        assert suggestions["results"] == [], (language, query)
    # What is found for a shared word is public only.
    _response, soup = get_page(client, language, q="Pacific")
    text = " ".join(hit_titles(soup))
    for word in ("Members-only", "Hidden Consulting", "Private donor"):
        assert word not in text


def test_a_page_made_private_or_unpublished_disappears(client, search_site_data):
    guide = search_site_data["french_guide"]
    _response, soup = get_page(client, "fr", q="Pacifique")
    assert "Guide des partenariats du Pacifique" in hit_titles(soup)
    guide.unpublish()
    _response, soup = get_page(client, "fr", q="Pacifique")
    assert "Guide des partenariats du Pacifique" not in hit_titles(soup)


def test_the_alias_of_a_partner_is_not_searchable(client, search_site_data):
    # Other names are staff-only: finding the partner by them would reveal them.
    _response, soup = get_page(client, "en", q="Formerly-Known-As-Q9")
    assert not soup.select(".search-hit")
    _response, soup = get_page(client, "en", q="Australia")
    assert hit_titles(soup) == ["Government of Australia (DFAT)"]


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "12,345 results for “broadband”"),
        ("fr", "12\u202f345 résultats pour «\xa0broadband\xa0»"),
        ("zh-hans", "“broadband”的搜索结果共12,345条"),
    ],
)
def test_the_number_of_results_is_written_as_the_language_writes_numbers(
    rf, home_page, language, heading
):
    request = rf.get(f"/{language}/search/?q=broadband")
    with translation.override(language):
        html = render_to_string(
            "search/search_page.html",
            {"query": "broadband", "total": 12345, "results": [object()]},
            request=request,
        )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("#search-results-heading").get_text(strip=True) == heading
