"""The admin's import: upload, dry-run preview, confirmation, audit record, permissions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.imports.models import ImportRun, import_storage
from cms.snippets.models import Agreement

from .conftest import agreement_row, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


def upload(client, data, name="a.csv", **fields):
    return client.post(
        reverse("imports:import"),
        {"kind": "agreements", "file": SimpleUploadedFile(name, data), **fields},
    )


def test_upload_preview_confirm_and_audit(
    client, officer, vocabulary, django_assert_max_num_queries
):
    client.force_login(officer)
    page = client.get(reverse("wagtailadmin_home"))
    assert reverse("imports:import") in page.content.decode()
    rows = [agreement_row(n) for n in range(1, 31)]
    response = upload(client, csv_bytes(rows))
    preview = ImportRun.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "imports:status", args=[preview.pk]
    )
    assert (preview.status, preview.dry_run, preview.created) == ("previewed", True, 30)
    assert preview.user == officer and len(preview.checksum) == 64 and preview.file
    assert Agreement.objects.count() == 0
    with django_assert_max_num_queries(12):
        page = client.get(response.url).content.decode()
    assert "created 30, updated 0, unchanged 0, errors 0" in page
    assert "IMP-00001" in page and "Confirm the import" in page
    file_name = preview.file.name

    response = client.post(reverse("imports:confirm", args=[preview.pk]))
    real = ImportRun.objects.get(dry_run=False)
    assert response.url == reverse("imports:status", args=[real.pk])
    assert (real.status, real.created, real.preview_of) == ("done", 30, preview)
    assert Agreement.objects.count() == 30
    # The file is deleted once imported; the preview cannot be confirmed twice.
    assert not real.file and not ImportRun.objects.get(pk=preview.pk).file
    assert not import_storage().exists(file_name)
    client.post(reverse("imports:confirm", args=[preview.pk]))
    assert ImportRun.objects.filter(dry_run=False).count() == 1

    # The same file again: nothing to change, and the page says so.
    upload(client, csv_bytes(rows))
    again = ImportRun.objects.filter(dry_run=True).first()
    assert (again.created, again.unchanged) == (0, 30)
    history = client.get(reverse("import_runs:index")).content.decode()
    assert "a.csv" in history


def test_problems_are_listed_and_nothing_can_be_confirmed(client, officer, vocabulary):
    client.force_login(officer)
    rows = [agreement_row(1), agreement_row(2, amount="12,5O0")]
    upload(client, xlsx_bytes(rows), name="bad.xlsx")
    run = ImportRun.objects.get()
    assert run.status == "failed" and run.error_count == 1 and not run.file
    page = client.get(reverse("imports:status", args=[run.pk])).content.decode()
    assert "row 3, <code>amount</code>: &#x27;12,5O0&#x27; is not a number" in page
    assert "Confirm the import" not in page
    assert client.post(reverse("imports:confirm", args=[run.pk])).status_code == 302
    assert Agreement.objects.count() == 0


def test_form_keeps_choices_and_checks_the_content(client, officer, vocabulary):
    client.force_login(officer)
    response = upload(client, b"PK\x03\x04zip", name="a.csv", encoding="windows-1252")
    assert response.status_code == 200
    body = response.content.decode()
    assert "This .csv file is an Excel workbook: name it .xlsx." in body
    assert '<option value="windows-1252" selected>' in body
    response = upload(client, b"x", name="a.pdf")
    assert "File extension" in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_editor_may_not_import(client, editor, vocabulary):
    client.force_login(editor)
    # Wagtail's admin answers a refusal by sending back to the dashboard.
    for response in [
        client.get(reverse("imports:import")),
        upload(client, csv_bytes([agreement_row(1)])),
    ]:
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert client.get(reverse("import_runs:index")).status_code in {302, 403}
    assert (
        reverse("imports:import") not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    assert ImportRun.objects.count() == 0
