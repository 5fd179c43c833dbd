"""With the search engine unreachable, every admin search answers from the database.

Elasticsearch is configured at a closed port of the loopback address, so that every request to
it is refused at once: the page explorer's search, the partners' and agreements' listings, the
documents and the images still answer 200 with what the database finds, and the fallback is
logged (search/backends/fallback.py). Runs on SQLite and on PostgreSQL alike.
"""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.snippets.factories.agreements import AgreementFactory
from search.backends.config import search_backends

# Nothing listens on the discard port of the loopback address: every request fails at once.
UNREACHABLE = "http://127.0.0.1:9"


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("fallback-admin", "a@example.org", "x")
    client.force_login(user)
    return client


@pytest.fixture
def records(corpus, db):
    """A document, an image and an agreement, written while the engine is still the database."""
    return {
        "document": Document.objects.create(title="Signed memorandum Kestrel"),
        "image": Image.objects.create(title="Ceremony Kestrel", file=get_test_image_file()),
        "agreement": AgreementFactory(title="Kestrel connectivity agreement"),
    }


ADMIN_SEARCHES = [
    # (what an editor searches, address, a word of the record it must find)
    ("pages", "/admin/pages/search/?q=partenariat", "Le partenariat numérique"),
    ("partners", "/admin/snippets/snippets/partner/?q=Telecommunication",
     "International Telecommunication Union"),
    ("agreements", "/admin/snippets/snippets/agreement/?q=Kestrel",
     "Kestrel connectivity agreement"),
    ("documents", "/admin/documents/?q=Kestrel", "Signed memorandum Kestrel"),
    ("images", "/admin/images/?q=Kestrel", "Ceremony Kestrel"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "url", "expected"), ADMIN_SEARCHES, ids=[s[0] for s in ADMIN_SEARCHES]
)
def test_admin_search_answers_from_the_database_when_the_engine_is_down(
    admin_client, records, caplog, what, url, expected
):
    with (
        override_settings(WAGTAILSEARCH_BACKENDS=search_backends(UNREACHABLE, timeout=1)),
        caplog.at_level(logging.WARNING, logger="search.fallback"),
    ):
        response = admin_client.get(url)
        chooser = admin_client.get(url.replace("/?q=", "/chooser/results/?q=", 1))

    assert response.status_code == 200, what
    assert expected in response.content.decode()
    assert "Search engine unavailable" in caplog.text
    if what in {"documents", "images"}:  # the choosers of the editor's rich text too
        assert chooser.status_code == 200
        assert expected in chooser.content.decode()


def test_search_with_the_engine_down_finds_only_matches(admin_client, records):
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends(UNREACHABLE, timeout=1)):
        response = admin_client.get("/admin/documents/?q=nothing-like-this")
    assert response.status_code == 200
    assert "Signed memorandum Kestrel" not in response.content.decode()
