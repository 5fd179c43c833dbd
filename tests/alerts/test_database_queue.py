"""With the production queue (django-tasks-db): registering queues a task in the database and
sends nothing until `db_worker` runs; a failed send is queued again with `run_after`."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from cms.core.models import OutgoingEmail

from .mail import FlakyBackend


@pytest.fixture
def database_queue(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker closes "old" connections between tasks, which would close the test's own
    # transaction: in the tests the worker shares it.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


def _worker():
    call_command("db_worker", batch=True, no_startup_delay=True, stdout=StringIO())


def test_the_worker_sends_what_was_queued(database_queue, register):
    register()

    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path__endswith="send_email").count() == 1

    _worker()
    _worker()

    assert len(mail.outbox) == 1
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_a_failed_send_is_queued_again_for_later(database_queue, register):
    register()
    FlakyBackend.down = True

    _worker()

    delivery = OutgoingEmail.objects.get()
    assert delivery.status == OutgoingEmail.Status.RETRY
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after == delivery.next_attempt_at
    assert mail.outbox == []
