"""A sponsor shown under its partner's name is named in the visitor's language where the
partner is translated, and said to be in English (in the visitor's language) where not."""

import pytest
from bs4 import BeautifulSoup

from cms.snippets.factories import PartnerFactory
from cms.sponsorship.workflow import apply_transition
from tests.pages.directory import data

from .test_pages_and_admin import _apply

pytestmark = pytest.mark.django_db


def sponsor(client, event, package, categories, partner, display_name=None):
    application = _apply(client, event, package, categories["none"], organisation=partner.name)
    apply_transition(application.pk, "approve")
    apply_transition(application.pk, "confirm")
    application.refresh_from_db()
    application.partner = partner
    application.display_name = display_name or partner.name
    application.save()
    return application


def test_sponsors_are_named_in_the_language_of_the_page(client, home_page, event, gold, categories):
    data.translate_page(home_page, "fr", title="Accueil")
    data.translate_page(event.get_parent().specific, "fr", title="Parrainage")
    data.translate_page(event, "fr", title="Colloque")
    african = PartnerFactory(name="African Development Bank", acronym="AfDB")
    data.translate_snippet(african, "fr", name="Banque africaine de développement")
    asian = PartnerFactory(name="Asian Development Bank", acronym="ADB")
    sponsor(client, event, gold, categories, african)
    untranslated = sponsor(client, event, gold, categories, asian)
    silver = event.packages.get(tier="silver")
    sponsor(client, event, silver, categories, asian, display_name="ADB Institute")

    for url in ("/fr/sponsorship/sponsors/", "/fr/sponsorship/" + event.slug + "/"):
        response = client.get(url)
        assert response.status_code == 200, url
        soup = BeautifulSoup(response.content, "html.parser")
        names = {span.get_text(): span.get("lang") for span in soup.select(".sponsor-logo__name")}
        assert names == {
            "Banque africaine de développement": "fr",
            "Asian Development Bank": "en",
            "ADB Institute": None,  # a name of the sponsor's own: shown as it is
        }, url
        notes = soup.select(".sponsor-logo .material-note")
        assert [note.get_text(strip=True) for note in notes] == ["Disponible en anglais uniquement"]
        assert notes[0]["id"] == f"sponsor-note-{untranslated.pk}"

    soup = BeautifulSoup(client.get("/en/sponsorship/sponsors/").content, "html.parser")
    assert "African Development Bank" in soup.get_text()
    assert not soup.select(".material-note")
