"""Staff-only data never reaches the public API: internal notes, other names and contacts of
partners, confidential agreements and their notes; nor draft, private or other-language
opportunities."""

import pytest

from tests.pages.directory import data
from tests.pages.directory.fixtures import from_records

from .fixtures import make_opportunity_site_with_australia


@pytest.fixture(scope="module")
def built_once():
    """The tests only read the partners and the opportunities: built once for the module."""
    return make_opportunity_site_with_australia


directories = from_records("directories")
australia = from_records("australia")
opportunities = from_records("opportunities")


def api_urls(australia, opportunities):
    french_row = australia.get_translation(data.locale("fr"))
    urls = []
    for language in ("en", "fr", "ar"):
        urls += [
            f"/api/v1/partners/?lang={language}",
            f"/api/v1/partners/{australia.pk}/?lang={language}",
            f"/api/v1/partners/{french_row.pk}/?lang={language}",
            f"/api/v1/recognitions/?lang={language}",
            f"/api/v1/opportunities/?lang={language}",
        ]
    return urls


def test_staff_only_data_appears_in_no_api_answer(client, directories, australia, opportunities):
    for url in api_urls(australia, opportunities):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        for field, secret in data.SECRETS.items():
            assert secret not in content, (url, field)


def test_hidden_opportunities_appear_in_no_list(client, opportunities):
    hidden = [
        "Unpublished smart villages",
        "Private donor round-table",
        "DRAFT TITLE NOT PUBLISHED",
        "تدريبات سيبرانية",
    ]
    for language in ("en", "fr", "ar"):
        content = client.get("/api/v1/opportunities/", {"lang": language}).content.decode()
        for title in hidden:
            assert title not in content, (language, title)
    # Pages of another language stay out of a language's list.
    english = client.get("/api/v1/opportunities/").content.decode()
    assert "Initiative francophone numérique" not in english
    assert "Exercices cyber" not in english


def test_the_confidential_agreement_is_in_the_archive_but_not_in_the_api(
    client, directories, australia
):
    assert australia.agreement_links.filter(agreement__is_confidential=True).exists()

    agreements = client.get(f"/api/v1/partners/{australia.pk}/").json()["agreements"]

    assert len(agreements) == 2
    assert not any(
        a["reference"].startswith(data.SECRETS["confidential_reference"]) for a in agreements
    )
