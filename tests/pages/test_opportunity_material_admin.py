"""Communication material in the admin: listed under "Partnerships", searchable and
filterable by kind, and offered to opportunities in English only (a translation follows
its English row through wagtail-localize)."""

import pytest
from django.urls import reverse

from cms.pages.factories_opportunities import (
    MaterialFactory,
    OpportunityIndexPageFactory,
    OpportunityPageFactory,
)
from cms.snippets.models import Material

from .opportunity_data import translate_material

pytestmark = pytest.mark.django_db

#: The material form's caption tracks (an inline formset), left empty.
NO_CAPTION_TRACKS = {
    "caption_tracks-TOTAL_FORMS": "0",
    "caption_tracks-INITIAL_FORMS": "0",
    "caption_tracks-MIN_NUM_FORMS": "0",
    "caption_tracks-MAX_NUM_FORMS": "1000",
}


@pytest.fixture
def admin_client_(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def materials(locales):
    brief = MaterialFactory(title="Smart villages brief")
    translate_material(brief, locales["fr"], title="Note sur les villages intelligents")
    video = MaterialFactory(
        title="Smart villages video",
        kind=Material.Kind.VIDEO,
        document=None,
        video_url="https://video.example.org/villages.mp4",
    )
    return {"brief": brief, "video": video}


def test_material_listing_search_and_kind_filter(admin_client_, materials):
    url = reverse(Material.snippet_viewset.get_url_name("list"))

    response = admin_client_.get(url)
    assert response.status_code == 200
    assert {str(row) for row in response.context["object_list"]} == {
        "Smart villages brief",
        "Smart villages video",
        "Note sur les villages intelligents",
    }

    response = admin_client_.get(url, {"kind": "video"})
    assert [str(row) for row in response.context["object_list"]] == ["Smart villages video"]

    response = admin_client_.get(url, {"q": "intelligents"})
    assert [str(row) for row in response.context["object_list"]] == [
        "Note sur les villages intelligents"
    ]


def test_material_menu_item_is_in_the_partnerships_group(admin_client_):
    from cms.snippets.viewsets import MaterialViewSet, PartnershipViewSetGroup

    assert MaterialViewSet in PartnershipViewSetGroup.items


def test_material_chooser_offers_english_rows_only(admin_client_, materials):
    url = reverse(Material.snippet_viewset.chooser_viewset.get_url_name("choose"))

    response = admin_client_.get(url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Smart villages brief" in content
    assert "Note sur les villages intelligents" not in content


def test_material_can_be_created_in_the_admin(admin_client_, locales):
    url = reverse(Material.snippet_viewset.get_url_name("add"))

    response = admin_client_.post(
        url + "?locale=en",
        {
            "title": "Slides on cybersecurity",
            "kind": "video",
            "video_url": "https://video.example.org/cyber.mp4",
            "caption": "A short presentation.",
            **NO_CAPTION_TRACKS,
        },
    )

    assert response.status_code == 302
    material = Material.objects.get(title="Slides on cybersecurity")
    assert material.locale.language_code == "en"


def test_a_brief_without_its_document_is_refused(admin_client_, locales):
    url = reverse(Material.snippet_viewset.get_url_name("add"))

    response = admin_client_.post(
        url + "?locale=en", {"title": "Brief", "kind": "brief", **NO_CAPTION_TRACKS}
    )

    assert response.status_code == 200
    assert not Material.objects.filter(title="Brief").exists()


def test_opportunity_with_material_is_editable(admin_client_, home_page, materials):
    index = OpportunityIndexPageFactory(parent=home_page)
    page = OpportunityPageFactory(parent=index, materials=[materials["brief"]])

    response = admin_client_.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == 200
    assert "Smart villages brief" in response.content.decode()
