"""A funding partner's public profile in the directory: its address, the same in every
language; its public fields, public agreements and recognitions, in the page's language."""

import pytest

from tests.pages.html import languages, parse

from . import data
from .fixtures import from_records, make_site_with_australia


@pytest.fixture(scope="module")
def built_once():
    """Every test reads the Government of Australia's profile but the last, which shows
    another partner's: the directories and Australia are built once for the module."""
    return make_site_with_australia


vocab = from_records("vocab")
directories = from_records("directories")
australia = from_records("australia")


def profile_url(partner, language="en", slug=None):
    return f"/{language}/partners/{partner.pk}/{slug or 'government-of-australia'}/"


def summary(soup):
    """{term: description} of the profile's "at a glance" list."""
    return {
        item.dt.get_text(strip=True): item.dd.get_text(" ", strip=True)
        for item in soup.select(".partner-summary__list > div")
    }


def test_the_profile_shows_the_partners_public_fields(client, directories, australia):
    response = client.get(profile_url(australia))

    assert response.status_code == 200
    soup = parse(response)
    assert soup.h1.get_text(" ", strip=True) == "Government of Australia (DFAT)"
    assert soup.title.get_text().startswith("Government of Australia · ")
    assert summary(soup) == {
        "Kind": "Government / administration",
        "Acronym": "DFAT",
        "Headquarters": "France",
        "ITU membership": "Member State",
        "Part of": "Commonwealth of Nations",
        "Funding types": "Grant / financial contribution",
        "Funding mechanism": "Funds-in-trust",
        "Website": "https://www.dfat.gov.au",
    }
    parent = soup.find("a", string="Commonwealth of Nations")
    assert parent["href"] == f"/en/partners/{australia.parent_id}/commonwealth-of-nations/"
    text = soup.main.get_text(" ", strip=True)
    assert "Supports ICT development in the Pacific." in text
    assert "Builds disaster-resilient telecommunications." in text
    assert "Capacity Building" in text
    assert "Asia-Pacific" in text
    assert "Fiji" in text
    # The trail leads back to the directory.
    crumbs = [a["href"] for a in soup.select("nav.breadcrumbs a")]
    assert crumbs == ["/en/", "/en/partners/"]


def test_public_agreements_are_listed_newest_first_with_their_value_in_usd(
    client, directories, australia
):
    soup = parse(client.get(profile_url(australia)))

    table = soup.select_one(".partner-agreements table")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers == [
        "Reference",
        "Title",
        "Type",
        "Year",
        "Regions",
        "Thematic area",
        "Value (USD)",
    ]
    rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    assert rows == [
        [
            "AUS-2017-002",
            "Disaster telecoms in Tonga",
            "Memorandum of understanding",
            "2017",
            "Africa, Asia-Pacific",
            "Infrastructure",
            "250,000",
        ],
        [
            "AUS-2016-001",
            "Pacific ICT regulatory support",
            "Memorandum of understanding",
            "2016",
            "Africa, Asia-Pacific",
            "Infrastructure",
            "250,000",
        ],
    ]
    # The table scrolls on its own on a phone, and keyboards can scroll it.
    region = soup.select_one(".partner-agreements")
    assert region["tabindex"] == "0"
    assert region["role"] == "region"


def test_an_undated_agreement_and_one_without_value_say_so(client, directories, australia, vocab):
    data.add_public_agreement(
        australia, vocab, 3, reference="AUS-OLD", signature_date=None, amount=None
    )

    soup = parse(client.get(profile_url(australia)))

    row = soup.find("td", string="AUS-OLD").parent
    cells = [td.get_text(strip=True) for td in row.select("td")]
    assert cells[3] == "Not recorded"
    assert cells[6] == "Not disclosed"


def test_the_profile_in_french_has_the_same_address_and_french_text(client, directories, australia):
    soup = parse(client.get(profile_url(australia, "fr")))

    assert soup.html["lang"] == "fr"
    assert soup.h1.select_one("[lang]").get_text() == "Gouvernement de l'Australie"
    assert soup.h1.select_one("[lang]")["lang"] == "fr"
    text = soup.main.get_text(" ", strip=True)
    assert "Soutient le développement des TIC dans le Pacifique." in text
    assert "Supports ICT development" not in text
    # Terms in French; the untranslated parent in English, marked as such.
    assert "Renforcement des capacités" in text
    assert "État Membre" in text
    assert "Afrique, Asie-Pacifique" in text
    parent = soup.find("a", string="Commonwealth of Nations")
    assert parent["lang"] == "en"
    assert parent["href"] == f"/fr/partners/{australia.parent_id}/commonwealth-of-nations/"
    # The recognition in French.
    assert "Prix des partenaires du 25e anniversaire de l'UIT-D" in text
    assert "Pour un quart de siècle de partenariat." in text
    assert [a["href"] for a in soup.select("nav.breadcrumbs a")] == ["/fr/", "/fr/partners/"]


def test_the_head_describes_the_profile_itself(client, directories, australia):
    soup = parse(client.get(profile_url(australia, "fr")))

    canonical = soup.select_one('link[rel="canonical"]')["href"]
    assert canonical == "http://testserver" + profile_url(australia, "fr")
    assert soup.select_one('meta[name="description"]')["content"] == (
        "Soutient le développement des TIC dans le Pacifique."
    )
    assert (
        "Gouvernement de l'Australie"
        in soup.select_one('script[type="application/ld+json"]').get_text()
    )


@pytest.mark.parametrize("slug", ["wrong-slug", "australia", None])
def test_another_slug_redirects_to_the_profiles_address(client, directories, australia, slug):
    url = f"/fr/partners/{australia.pk}/" + (f"{slug}/" if slug else "")

    response = client.get(url)

    assert response.status_code == 301
    assert response["Location"] == profile_url(australia, "fr")


def test_unknown_and_non_public_partners_are_not_found(client, directories, australia, vocab):
    not_funding = data.make_partner(vocab, "Host university", is_funding_partner=False)
    french_row = australia.get_translation(data.locale("fr"))

    assert client.get("/en/partners/999999/anything/").status_code == 404
    assert client.get(f"/en/partners/{not_funding.pk}/host-university/").status_code == 404
    # Profiles are known by the id of the English row only.
    assert client.get(f"/fr/partners/{french_row.pk}/government-of-australia/").status_code == 404


def test_a_draft_directory_serves_the_english_profile_with_the_notice(
    client, directories, australia
):
    # The French directory is a draft: its address shows the English directory's profile
    # (the fallback), with the French notice, and nothing of the draft.
    directories["fr"].unpublish()

    response = client.get(profile_url(australia, "fr"))

    assert response.status_code == 200
    soup = parse(response)
    assert languages(soup) == ("fr", ("en", "ltr"))
    assert soup.select_one("main .translation-notice")["lang"] == "fr"
    assert directories["fr"].title not in response.content.decode()
    assert soup.select_one('link[rel="canonical"]')["href"].endswith(profile_url(australia))
    assert client.get(profile_url(australia, "en")).status_code == 200


def test_a_partner_without_agreements_says_so(client, directories, vocab):
    partner = data.make_partner(vocab, "New Donor")

    soup = parse(client.get(f"/en/partners/{partner.pk}/new-donor/"))

    assert "No public agreement is recorded for this partner." in soup.main.get_text()
    assert soup.select_one(".partner-agreements") is None
