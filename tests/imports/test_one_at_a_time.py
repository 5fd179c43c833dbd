"""One import at a time (issue 16): a second import while one runs writes nothing, tells the
officer why in their language, and leaves its audit record with its end time; every run,
whichever way it ends, has `finished_at`.

The real contention is tested on PostgreSQL (CI), where the lock is an advisory one; on
SQLite the transaction's BEGIN IMMEDIATE is the lock, and contention is stood in for.
"""

import io
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.urls import reverse
from django.utils import translation

from cms.imports import service
from cms.imports.models import ImportRun
from cms.imports.service import BUSY, IMPORT_LOCK_KEY, ImportBusy, run_import
from cms.snippets.models import Agreement

from .conftest import agreement_row, csv_bytes


def upload(client, data, name="a.csv"):
    return client.post(
        reverse("imports:import"),
        {"kind": "agreements", "file": SimpleUploadedFile(name, data)},
    )


@pytest.fixture
def busy(monkeypatch):
    """Another import holds the lock (what PostgreSQL's advisory lock or SQLite's write lock
    answer then)."""

    def refuse():
        raise ImportBusy

    monkeypatch.setattr(service, "_take_import_lock", refuse)


@pytest.mark.django_db
def test_an_upload_while_another_import_runs_is_refused_with_a_message_and_audited(
    client, officer, vocabulary, busy
):
    client.force_login(officer)

    response = upload(client, csv_bytes([agreement_row(1)]))

    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED
    assert run.finished_at is not None
    assert run.errors[0]["message"] == str(BUSY)
    assert str(BUSY) in client.get(response.url).content.decode()
    assert not run.file
    assert Agreement.objects.count() == 0


@pytest.mark.django_db
def test_the_command_while_another_import_runs_fails_clearly_and_leaves_an_audit_record(
    vocabulary, write_file, busy
):
    path = write_file("a.csv", csv_bytes([agreement_row(1)]))

    with translation.override("fr"), pytest.raises(CommandError) as error:
        call_command("import_agreements", path, stdout=io.StringIO(), stderr=io.StringIO())

    with translation.override("fr"):
        assert str(error.value) == str(BUSY)
    run = ImportRun.objects.get()
    assert (run.source, run.status, run.error_count) == ("command", "failed", 1)
    assert run.finished_at is not None
    assert Agreement.objects.count() == 0


@pytest.mark.parametrize("language", ["fr", "es", "ru", "ar", "zh-hans"])
def test_the_busy_message_is_translated(language):
    with translation.override("en"):
        english = str(BUSY)
    with translation.override(language):
        assert str(BUSY) != english


@pytest.mark.django_db
def test_every_end_of_a_run_sets_finished_at(client, officer, vocabulary, write_file, monkeypatch):
    client.force_login(officer)
    # A clean preview, then its confirmation.
    upload(client, csv_bytes([agreement_row(1)]))
    preview = ImportRun.objects.get()
    client.post(reverse("imports:confirm", args=[preview.pk]))
    real = ImportRun.objects.get(dry_run=False)
    # A file with a problem.
    upload(client, csv_bytes([agreement_row(2, type="nonsense")]))
    refused = ImportRun.objects.filter(dry_run=True).first()
    # The command.
    call_command(
        "import_agreements",
        write_file("b.csv", csv_bytes([agreement_row(3)])),
        stdout=io.StringIO(),
    )
    command = ImportRun.objects.get(source="command")
    # An error nobody foresaw.
    monkeypatch.setattr("cms.imports.tasks.run_import", lambda *args, **kwargs: 1 / 0, raising=True)
    upload(client, csv_bytes([agreement_row(4)]))
    crashed = ImportRun.objects.order_by("-pk").first()

    assert (preview.status, real.status, refused.status) == ("previewed", "done", "failed")
    assert (command.status, crashed.status) == ("done", "failed")
    for run in (preview, real, refused, command, crashed):
        run.refresh_from_db()
        assert run.finished_at is not None, run.status
    assert "unexpected error" in crashed.errors[0]["message"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the advisory lock is PostgreSQL's (CI)"
)
def test_on_postgresql_a_second_import_while_the_lock_is_held_is_busy(vocabulary):
    """Another connection holds the import lock in an open transaction, as a running import
    does: a real import here is refused at once and writes nothing; once the other ends, it
    goes through."""
    held, release = threading.Event(), threading.Event()

    def other_import():
        other = connections.create_connection("default")
        try:
            with other.cursor() as cursor:
                cursor.execute("BEGIN")
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])
                held.set()
                release.wait(30)
                cursor.execute("COMMIT")
        finally:
            other.close()

    thread = threading.Thread(target=other_import)
    thread.start()
    try:
        assert held.wait(30)
        with pytest.raises(ImportBusy):
            run_import(csv_bytes([agreement_row(1)]), "a.csv", dry_run=False)
        assert Agreement.objects.count() == 0
    finally:
        release.set()
        thread.join(30)

    result = run_import(csv_bytes([agreement_row(1)]), "a.csv", dry_run=False)
    assert result.ok and Agreement.objects.count() == 1
