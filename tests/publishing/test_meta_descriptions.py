"""A partner's profile describes the partner, in link previews and to search engines, by the
first words of its mandate: words with an apostrophe or an ampersand must reach them as
written, not as `Africa&amp;#x27;s` (rich text keeps them as entities, escaped again once)."""

import json

import pytest

from tests.pages.directory import data
from tests.pages.directory.fixtures import (  # noqa: F401 (fixtures)
    _clear_cache,
    directories,
    homes,
    vocab,
)
from tests.pages.html import parse

pytestmark = pytest.mark.django_db

MANDATES = {
    "en": "<p>Builds Africa&#x27;s networks &amp; the skills to run them.</p>",
    "fr": "<p>Construit les réseaux de l&#x27;Afrique &amp; les compétences.</p>",
}
SHOWN = {
    "en": "Builds Africa's networks & the skills to run them.",
    "fr": "Construit les réseaux de l'Afrique & les compétences.",
    # The Arabic profile shows the English record (the partner has no Arabic translation).
    "ar": "Builds Africa's networks & the skills to run them.",
}


@pytest.fixture
def partner(vocab, directories):  # noqa: F811 (fixtures)
    partner = data.make_partner(vocab, "African Networks Fund", mandate=MANDATES["en"])
    data.translate_snippet(
        partner, "fr", name="Fonds des réseaux africains", mandate=MANDATES["fr"]
    )
    return partner


def described(soup):
    """What the page tells search engines and link previews about itself."""
    found = {"description": soup.find("meta", attrs={"name": "description"})["content"]}
    for name in ("og:description", "twitter:description"):
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag is not None:
            found[name] = tag["content"]
    return found


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_profile_description_shows_apostrophes_and_ampersands_as_written(
    client,
    directories,  # noqa: F811 (fixtures)
    partner,
    code,
):
    response = client.get(f"{directories[code].url}{partner.pk}/", follow=True)
    assert response.status_code == 200
    soup = parse(response)
    found = described(soup)
    assert "og:description" in found
    assert set(found.values()) == {SHOWN[code]}
    # The raw attribute holds no entity escaped twice.
    assert "&amp;#x27;" not in response.content.decode()
    organization = next(
        node
        for script in soup.select('script[type="application/ld+json"]')
        for node in json.loads(script.string).get("@graph", [])
        if node.get("@type") == "Organization" and node.get("description")
    )
    assert organization["description"] == SHOWN[code]
