"""Signed agreements: downloadable by officers and administrators only, choosable by officers."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection

from cms.core.roles import PUBLIC_MEDIA_COLLECTION
from cms.snippets.models import Agreement

from .records import make_agreement, make_partner

SIGNED_CONTENT = b"%PDF-1.4 signed memorandum of understanding"


def make_document(collection_name, title, content):
    return Document.objects.create(
        title=title,
        collection=Collection.objects.get(name=collection_name),
        file=ContentFile(content, name=f"{title.lower().replace(' ', '-')}.pdf"),
    )


@pytest.fixture(autouse=True)
def files_on_disk(settings, tmp_path):
    """Documents are served from disk: the test settings' in-memory storage claims file
    paths that do not exist, which makes Wagtail's serve view answer 404."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


@pytest.fixture
def signed(db):
    return make_document(settings.SIGNED_AGREEMENTS_COLLECTION, "Signed MoU WHO", SIGNED_CONTENT)


@pytest.fixture
def brochure(db):
    return make_document(PUBLIC_MEDIA_COLLECTION, "Partnership brochure", b"%PDF-1.4 public")


def download(client, document):
    response = client.get(document.url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


@pytest.mark.parametrize("role", ["officer", "superuser"])
def test_officers_and_administrators_download_signed_agreements(client, request, signed, role):
    client.force_login(request.getfixturevalue(role))
    response, body = download(client, signed)
    assert response.status_code == 200
    assert body == SIGNED_CONTENT


def test_anonymous_visitors_are_sent_to_log_in(client, signed):
    response, body = download(client, signed)
    assert response.status_code == 302
    # Wagtail's login page for private content, which brings them back afterwards.
    assert response.url.startswith(reverse("wagtailcore_login"))
    assert f"next={signed.url}" in response.url
    assert SIGNED_CONTENT not in body


@pytest.mark.parametrize("role", ["editor", "translator", "staff_without_rights"])
def test_other_roles_are_refused(client, request, signed, role):
    client.force_login(request.getfixturevalue(role))
    response, body = download(client, signed)
    assert response.status_code == 403
    assert SIGNED_CONTENT not in body


def test_public_documents_stay_public(client, brochure):
    response, body = download(client, brochure)
    assert response.status_code == 200
    assert body == b"%PDF-1.4 public"


def test_document_chooser_offers_signed_agreements_to_officers(client, officer, signed, brochure):
    client.force_login(officer)
    response = client.get(reverse("wagtaildocs_chooser:choose"))
    assert response.status_code == 200
    assert signed.title in response.content.decode()
    collections = response.context["filter_form"].fields["collection_id"].choices
    assert settings.SIGNED_AGREEMENTS_COLLECTION in {
        str(label).strip() for _v, label in collections
    }


def test_document_chooser_and_library_hide_signed_agreements_from_editors(
    client, editor, signed, brochure
):
    client.force_login(editor)
    chooser = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert brochure.title in chooser
    assert signed.title not in chooser
    library = client.get(reverse("wagtaildocs:index")).content.decode()
    assert signed.title not in library


def test_officer_attaches_a_signed_document_to_an_agreement(client, officer, signed, brochure):
    agreement = make_agreement("BDT-2015-010", partners=[make_partner("WHO")])
    agreement.signed_document = signed
    agreement.full_clean()
    agreement.signed_document = brochure
    with pytest.raises(Exception, match="Signed agreements"):
        agreement.full_clean()

    client.force_login(officer)
    html = client.get(
        reverse(Agreement.snippet_viewset.get_url_name("edit"), args=[agreement.pk])
    ).content.decode()
    # The chooser widget for the signed document is on the form.
    assert 'name="signed_document"' in html
    assert reverse("wagtaildocs_chooser:choose") in html
