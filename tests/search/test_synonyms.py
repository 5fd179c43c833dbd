"""The editors' search synonyms (issue 18, item 2, and the last gap of issue 14): a group of
equivalent words of one language makes a search for one of them find the others, in the site
search and in the partner directory; an editor's change holds at the next search (the cached
groups are invalidated on save and delete); only those given the permission see or change
them in the admin.
"""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from search.analysis import read_query
from search.models import SearchSynonym
from search.synonyms import groups
from tests.demo.test_demo_partner_translations import directory_names
from tests.pages.directory import data
from tests.search.site.conftest import (  # noqa: F401 - fixtures of the site search tests
    _clear_cache,
    search_site,
    search_site_data,
    vocab,
)
from tests.search.site.data import make_opportunity
from tests.search.site.test_partial_words_site import found

LIST_URL = "/admin/snippets/site_search/searchsynonym/"
ADD_URL = "/admin/snippets/site_search/searchsynonym/add/"


@pytest.fixture
def figi(search_site_data, vocab):  # noqa: F811 - the imported fixtures
    """The Financial Inclusion Global Initiative as an English opportunity, and its French
    translation's name in a French one."""
    indexes = search_site_data["indexes"]
    english = make_opportunity(
        indexes["en"], vocab, "Financial Inclusion Global Initiative", introduction="Payments."
    )
    french = make_opportunity(
        indexes["fr"],
        vocab,
        "Initiative mondiale en faveur de l'inclusion financière",
        introduction="Paiements.",
    )
    return {"en": english, "fr": french}


@pytest.fixture
def arab_banks(search_site_data, vocab):  # noqa: F811
    """Two development banks in Arabic: one named with بنك, the other with مصرف."""
    african = data.make_partner(vocab, "African Development Bank", acronym="AfDB")
    data.translate_snippet(african, "ar", name="البنك الأفريقي للتنمية")
    badea = data.make_partner(vocab, "Arab Bank for Economic Development in Africa")
    data.translate_snippet(badea, "ar", name="المصرف العربي للتنمية الاقتصادية في أفريقيا")
    return {"african": african, "badea": badea}


def test_an_acronym_finds_the_name_and_the_name_the_acronym(client, figi):
    assert found(client, "en", "FIGI") == []
    SearchSynonym.objects.create(language="en", terms="FIGI, Financial Inclusion Global Initiative")
    assert found(client, "en", "FIGI") == ["Financial Inclusion Global Initiative"]
    assert found(client, "en", "figi") == ["Financial Inclusion Global Initiative"]
    # Each language has its own list: the English group does nothing in French.
    assert found(client, "fr", "FIGI") == []
    SearchSynonym.objects.create(
        language="fr", terms="FIGI, Initiative mondiale en faveur de l'inclusion financière"
    )
    assert found(client, "fr", "FIGI") == [
        "Initiative mondiale en faveur de l'inclusion financière"
    ]


def test_a_phrase_of_the_query_may_be_met_by_its_synonym(db):
    SearchSynonym.objects.create(language="en", terms="ITU, International Telecommunication Union")
    reading = read_query("International Telecommunications Union payments", "en")
    # Each word of the phrase (read stem by stem: "telecommunications") may be met by "itu".
    assert [("itu",) in options for options in reading.options] == [True, True, True, False]
    assert reading.matches({"itu", "payment"})
    assert not reading.matches({"itu"})


def test_arabic_bank_finds_masraf_in_the_directory_and_the_search(client, arab_banks):
    def listed():
        names = directory_names(client, "ar", "البنك")
        return {
            key
            for key, name in (("african", "البنك الأفريقي"), ("badea", "المصرف العربي"))
            if any(name in card for card in names)
        }

    assert listed() == {"african"}
    SearchSynonym.objects.create(language="ar", terms="بنك، مصرف")  # the Arabic comma
    assert listed() == {"african", "badea"}
    titles = found(client, "ar", "البنك")
    assert any("المصرف العربي" in title for title in titles)
    assert any("البنك الأفريقي" in title for title in titles)


def test_an_editors_change_holds_at_the_next_search(client, lead, figi):
    assert found(client, "en", "FIGI") == []  # the empty list of groups is now cached
    assert groups("en") == ()
    client.force_login(lead)
    response = client.post(
        ADD_URL,
        {"language": "en", "terms": "FIGI, Financial Inclusion Global Initiative"},
    )
    assert response.status_code == 302, response.content[:500]
    client.logout()
    assert found(client, "en", "FIGI") == ["Financial Inclusion Global Initiative"]

    synonym = SearchSynonym.objects.get()
    client.force_login(lead)
    response = client.post(
        reverse("wagtailsnippets_site_search_searchsynonym:edit", args=[synonym.pk]),
        {"language": "en", "terms": "FIGI, Global Initiative on Payments"},
    )
    assert response.status_code == 302
    client.logout()
    assert found(client, "en", "FIGI") == []

    client.force_login(lead)
    client.post(reverse("wagtailsnippets_site_search_searchsynonym:delete", args=[synonym.pk]))
    assert not SearchSynonym.objects.exists()
    assert groups("en") == ()


def test_a_group_needs_two_different_terms(client, lead):
    client.force_login(lead)
    response = client.post(ADD_URL, {"language": "fr", "terms": "banque, Banques ,"})
    assert response.status_code == 200
    assert not SearchSynonym.objects.exists()
    client.post(ADD_URL, {"language": "fr", "terms": " banque ,  établissement bancaire "})
    assert SearchSynonym.objects.get().terms == "banque, établissement bancaire"


def test_only_users_with_the_permission_see_or_change_synonyms(client, editor, lead, officer):
    synonym = SearchSynonym.objects.create(language="en", terms="CoE, Centres of Excellence")
    edit_url = reverse("wagtailsnippets_site_search_searchsynonym:edit", args=[synonym.pk])
    for user in (editor, officer):
        client.force_login(user)
        assert client.get(LIST_URL).status_code in (302, 403)
        assert client.get(edit_url).status_code in (302, 403)
        response = client.post(edit_url, {"language": "en", "terms": "CoE, hacked"})
        assert response.status_code in (302, 403)
        assert "search-synonyms" not in client.get("/admin/").content.decode()
    assert SearchSynonym.objects.get().terms == "CoE, Centres of Excellence"

    client.force_login(lead)
    listing = client.get(LIST_URL)
    assert listing.status_code == 200
    assert "Centres of Excellence" in listing.content.decode()
    assert "search-synonyms" in client.get("/admin/").content.decode()


def test_the_admin_speaks_the_editors_language(client, lead):
    profile = UserProfile.get_for_user(lead)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(lead)
    page = client.get(ADD_URL).content.decode()
    assert "Termes équivalents" in page
    assert "Une recherche de l’un d’eux trouve aussi les autres." in page
