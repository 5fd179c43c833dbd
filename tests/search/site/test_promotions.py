"""Issue 18, item 1: results that editors pin for a query (Wagtail's search promotions), in
the language of the promoted page only, first in the API and on the search page, marked as
recommended; only public pages; edited by those holding Wagtail's promotion permissions."""

import pytest
from django.contrib.auth.models import Permission
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from cms.core.roles import LEADS
from tests.snippets.admin.records import make_user

API = "/api/v1/search/"


def api_results(client, query, language):
    response = client.get(API, {"q": query, "lang": language, "page_size": 50})
    assert response.status_code == 200
    return response.json()["results"]


def promote(query_string, page, description=""):
    return SearchPromotion.objects.create(
        query=Query.get(query_string), page=page, description=description, sort_order=0
    )


def test_a_french_promotion_comes_first_in_french_and_not_in_english(client, search_site_data):
    french_guide = search_site_data["french_guide"]
    # "cyber" is not in the guide: without the promotion it is not found at all.
    assert "Guide des partenariats du Pacifique" not in {
        item["title"] for item in api_results(client, "cyber", "fr")
    }
    promote("Cyber", french_guide, description="Tout sur nos partenariats.")

    french = api_results(client, "CYBER", "fr")
    assert french[0]["title"] == "Guide des partenariats du Pacifique"
    assert french[0]["recommended"] is True
    assert not any(item["recommended"] for item in french[1:])

    english = api_results(client, "cyber", "en")
    assert english, "the English search finds its own results"
    assert not any(item["recommended"] for item in english)
    assert "Guide des partenariats du Pacifique" not in {item["title"] for item in english}
    assert "Pacific partnership guide" not in {item["title"] for item in english}

    with translation.override("fr"):
        html = client.get("/fr/search/", {"q": "cyber"}).content.decode()
    first = html.index("search-hit--recommended")
    assert html.index("Guide des partenariats du Pacifique") > first
    assert "Recommandé" in html
    assert "Tout sur nos partenariats." in html
    with translation.override("en"):
        html = client.get("/en/search/", {"q": "cyber"}).content.decode()
    assert "search-hit--recommended" not in html


def test_a_promoted_page_that_the_public_may_not_read_is_not_shown(client, search_site_data):
    promote("briefing", search_site_data["members"])  # French page under a login restriction
    assert all(
        item["title"] != "Members-only briefing" for item in api_results(client, "briefing", "fr")
    )


def test_a_promotion_shows_at_once_and_goes_with_its_removal(client, search_site_data):
    assert api_results(client, "handbook", "en") == []
    promotion = promote("handbook", search_site_data["english_guide"])
    assert [item["title"] for item in api_results(client, "handbook", "en")] == [
        "Pacific partnership guide"
    ]
    promotion.delete()
    assert api_results(client, "handbook", "en") == []


@pytest.mark.parametrize("codename", ["add_searchpromotion"])
def test_promotions_are_edited_with_wagtails_own_permissions(client, db, codename):
    user = make_user("pinner", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)
    assert client.get("/admin/searchpicks/").status_code in (302, 403)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailsearchpromotions", codename=codename)
    )
    assert client.get("/admin/searchpicks/add/").status_code == 200


def test_communications_leads_keep_the_promotions(db):
    from django.contrib.auth.models import Group

    from cms.core.roles import sync_roles

    sync_roles()
    codenames = set(
        Group.objects.get(name=LEADS)
        .permissions.filter(content_type__app_label="wagtailsearchpromotions")
        .values_list("codename", flat=True)
    )
    assert codenames == {"add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"}
