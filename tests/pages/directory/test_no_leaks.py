"""Staff-only data never reaches a public page: internal notes, other names, contacts and
confidential agreements (with their notes) of a funding partner, in any language, on the
directory (whatever the filters), the partner's profile or the recognitions page."""

import pytest

from . import data
from .fixtures import from_records, make_site_with_australia


@pytest.fixture(scope="module")
def built_once():
    """Every test reads the Government of Australia's records: built once for the module."""
    return make_site_with_australia


homes = from_records("homes")
directories = from_records("directories")
australia = from_records("australia")


@pytest.fixture
def pages(directories, australia, homes):
    recognitions = data.make_recognitions_page(homes["en"])
    data.translate_page(recognitions, "fr", title="Reconnaissance")
    slug = "government-of-australia"
    urls = []
    for language in ("en", "fr", "ar"):
        urls += [
            f"/{language}/partners/",
            f"/{language}/partners/?q=australia",
            f"/{language}/partners/?q=hidden",
            f"/{language}/partners/?area=cybersecurity&region=afr",
            f"/{language}/partners/{australia.pk}/{slug}/",
        ]
    urls += ["/en/recognitions/", "/fr/recognitions/"]
    return urls


def test_staff_only_data_appears_on_no_public_page(client, pages, australia):
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        for field, secret in data.SECRETS.items():
            assert secret not in content, (url, field)


def test_the_secrets_are_really_there(australia):
    """The test above would pass on empty records: check that the staff-only data exists
    (notes, contact, confidential agreement) on the partner and its translation."""
    french = australia.get_translation(data.locale("fr"))
    assert french.internal_notes == data.SECRETS["internal_notes"]
    assert australia.contacts.get().email == data.SECRETS["contact_email"]
    confidential = australia.agreement_links.get(agreement__is_confidential=True).agreement
    assert confidential.title == data.SECRETS["confidential_title"]
    assert confidential.notes == data.SECRETS["agreement_notes"]


def test_searching_for_a_secret_finds_nothing(client, directories, australia):
    for field in ("internal_notes", "contact_name", "aliases", "confidential_title"):
        response = client.get("/en/partners/", {"q": data.SECRETS[field]})
        assert "0 partners of 2" in response.content.decode(), field
