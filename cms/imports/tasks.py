"""The background tasks of the admin's imports: the dry run (preview) and the real import.

Progress goes to the audit record and to the cache: the real import writes inside one
transaction, which other connections cannot see before it ends, so the status page reads the
cache first (shared between processes when REDIS_URL is set).
"""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import ImportRun
from .service import BUSY, ImportBusy, checksum, run_import

__all__ = ["progress_key", "purge_expired_files", "run_import_task"]

logger = logging.getLogger(__name__)


def progress_key(run_id):
    return f"imports:progress:{run_id}"


@task()
def run_import_task(run_id, language="en"):
    """Run the import (dry or real) recorded as ImportRun `run_id`, and record what it did.

    Problems are written in `language`, the one of the officer who started it.
    """
    with translation.override(language):
        return _run(run_id)


def _run(run_id):
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None or run.status != ImportRun.Status.QUEUED:
        return False
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING)

    def progress(percent, phase, done=None, total=None):
        state = {"percent": percent, "phase": phase, "done": done, "total": total}
        cache.set(progress_key(run.pk), state, 3600)
        ImportRun.objects.filter(pk=run.pk).update(progress=percent)

    try:
        with run.file.open("rb") as stream:
            data = stream.read()
    except (OSError, ValueError):
        data = None
    result = None
    if data is None or checksum(data) != run.checksum:
        _refuse(run, _("The uploaded file is gone or has changed; upload it again."))
    else:
        try:
            result = run_import(
                data,
                run.file_name,
                run.kind,
                dry_run=run.dry_run,
                create_partners=run.create_partners,
                encoding=run.encoding if run.encoding not in {"", "xlsx"} else None,
                progress=progress,
            )
        except ImportBusy:
            logger.warning("Import run %s refused: another import is running.", run.pk)
            _refuse(run, str(BUSY))
        except Exception:
            # Whatever happened, the audit record says that the run ended, and when.
            logger.exception("Import run %s stopped on an unexpected error.", run.pk)
            _refuse(run, _("The import stopped on an unexpected error; nothing was written."))
    if result is not None:
        run.encoding = result.encoding
        run.rows = result.counts.get("rows", 0)
        run.created = result.counts.get("created", 0)
        run.updated = result.counts.get("updated", 0)
        run.unchanged = result.counts.get("unchanged", 0)
        run.error_count = len(result.problems)
        run.errors = [problem.as_dict() for problem in result.problems]
        run.preview = {**result.preview, "counts": result.counts}
        if not result.ok:
            run.status = ImportRun.Status.FAILED
        elif run.dry_run:
            run.status = ImportRun.Status.PREVIEWED
        else:
            run.status = ImportRun.Status.DONE
    run.progress = 100
    run.finished_at = timezone.now()
    with transaction.atomic():
        if not run.dry_run or run.status == ImportRun.Status.FAILED:
            # Kept only while a preview waits for its confirmation.
            run.file.delete(save=False)
        run.save()
    cache.delete(progress_key(run.pk))
    return run.status


def _refuse(run, message):
    run.status = ImportRun.Status.FAILED
    run.errors = [{"row": None, "column": "", "message": message}]
    run.error_count = 1


def purge_expired_files(days=None):
    """Delete the files of previews never confirmed after IMPORT_KEEP_DAYS days (default 7)."""
    days = days if days is not None else getattr(settings, "IMPORT_KEEP_DAYS", 7)
    limit = timezone.now() - datetime.timedelta(days=days)
    expired = ImportRun.objects.filter(created_at__lt=limit).exclude(file="")
    for run in expired:
        run.file.delete(save=False)
        run.save(update_fields=["file"])
    return len(expired)
