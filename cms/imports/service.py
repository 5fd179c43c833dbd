"""Running an import from the bytes of a file: read, check every row, then (unless it is a
dry run) write everything in one transaction. Used by the command and the admin's tasks.

One import at a time: two imports that create the same partners or references at the same
moment would collide on the records' unique constraints (issue 16 saw the second die with an
IntegrityError and no audit record). So every run checks and writes holding one lock for the
whole transaction, and a run that cannot have it at once raises ImportBusy, which the command
and the task write into the run's audit record with a message for the officer.

The lock: on PostgreSQL, the transaction-scoped advisory lock IMPORT_LOCK_KEY
(`pg_try_advisory_xact_lock`, released by the commit or the rollback, never left behind by a
crashed worker). On SQLite no advisory lock is needed: the settings open every transaction
with BEGIN IMMEDIATE, which takes the database's single write lock at once, so a second import
waits for the first (up to the connection's busy timeout) and then fails with "database is
locked", turned into ImportBusy here.
"""

import hashlib
from dataclasses import dataclass, field

from django.db import OperationalError, connection, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cms.core.formats import format_number

from .agreements import AgreementImporter
from .partners import PartnerImporter
from .problems import ImportFileError
from .reader import read_table

__all__ = [
    "BUSY",
    "IMPORTERS",
    "IMPORT_LOCK_KEY",
    "ImportBusy",
    "ImportResult",
    "checksum",
    "refused_summary",
    "run_import",
    "summary",
]

IMPORTERS = {"agreements": AgreementImporter, "partners": PartnerImporter}

#: The key of PostgreSQL's advisory lock held by a running import ("PHIMPORT" read as ASCII):
#: any number would do, as long as nothing else in the database takes it.
IMPORT_LOCK_KEY = int.from_bytes(b"PHIMPORT", "big") & 0x7FFF_FFFF_FFFF_FFFF

#: What the officer (or the command's user) reads when another import is running.
BUSY = gettext_lazy(
    "Another import is running. Nothing was imported from this file; start it again when the "
    "other import has finished."
)


class ImportBusy(Exception):
    """Another import holds the lock: this one did not start and wrote nothing."""

    def __init__(self):
        super().__init__(str(BUSY))


def _take_import_lock():
    """Inside the current transaction, make sure no other import runs, or raise ImportBusy."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])
            if not cursor.fetchone()[0]:
                raise ImportBusy
    # SQLite: BEGIN IMMEDIATE (settings) already holds the write lock (module docstring).


@dataclass
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    kind: str
    dry_run: bool
    counts: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    preview: dict = field(default_factory=dict)
    encoding: str = ""

    @property
    def ok(self):
        return not self.problems

    @property
    def changed(self):
        return bool(self.counts.get("created") or self.counts.get("updated"))


def checksum(data):
    """The SHA-256 of a file's bytes, as kept in the audit record."""
    return hashlib.sha256(data).hexdigest()


def summary(counts):
    """ "created N, updated N, unchanged N, errors N" in the active language; for a refused
    run, that nothing was written and what the file would have done once corrected."""
    if counts.get("errors"):
        return refused_summary(counts)
    return _(
        "created %(created)s, updated %(updated)s, unchanged %(unchanged)s, errors %(errors)s"
    ) % {
        "created": counts.get("created", 0),
        "updated": counts.get("updated", 0),
        "unchanged": counts.get("unchanged", 0),
        "errors": counts.get("errors", 0),
    }


def refused_summary(counts):
    """ "Nothing was written: 3 rows have errors. Had the file been valid: 19 would be
    created, 1 updated, 0 unchanged." in the active language."""
    rows = counts.get("rows_with_errors") or 0
    if rows:
        text = ngettext(
            "Nothing was written: %(count)s row has errors.",
            "Nothing was written: %(count)s rows have errors.",
            rows,
        ) % {"count": format_number(rows)}
    else:
        text = _("Nothing was written: the file has errors.")
    would = counts.get("would") or {}
    if any(would.values()):
        text += " " + _(
            "Had the file been valid: %(created)s would be created, %(updated)s updated, "
            "%(unchanged)s unchanged."
        ) % {key: format_number(would.get(key, 0)) for key in ("created", "updated", "unchanged")}
    return text


def run_import(
    data,
    file_name,
    kind="agreements",
    *,
    dry_run=True,
    create_partners=False,
    encoding=None,
    progress=None,
):
    """Import `data` (bytes). Nothing is written when it is a dry run or any row is wrong.

    `progress(percent, phase, done, total)` is called now and then, with phase "read",
    "check" or "write" and the rows checked (or records written) so far out of how many.
    Raises ImportBusy, having written nothing, while another import is running.
    """
    report = progress or (lambda percent, phase, done=None, total=None: None)
    result = ImportResult(kind=kind, dry_run=dry_run)
    report(0, "read")
    try:
        table = read_table(data, file_name, encoding)
    except ImportFileError as error:
        result.problems = error.problems
        result.counts = {"rows": 0, "created": 0, "updated": 0, "unchanged": 0}
        result.counts["errors"] = len(result.problems)
        return result
    result.encoding = table.encoding
    share = 100 if dry_run else 50

    def step(done, total, phase):
        fraction = done / max(total, 1)
        percent = int(share * fraction) if phase == "check" else 50 + int(50 * fraction)
        report(percent, phase, done, total)

    importer = IMPORTERS[kind](table, step, create_partners=create_partners)
    # The real run checks and writes in one transaction, so that the rows are compared with
    # the records exactly as they are written; the dry run takes the lock too, so that its
    # preview is not compared with an archive that another import is changing.
    try:
        with transaction.atomic():
            _take_import_lock()
            if importer.plan() and not dry_run:
                importer.write()
    except OperationalError as error:
        if connection.vendor == "sqlite" and "locked" in str(error):
            raise ImportBusy from error
        raise
    result.problems = importer.problems
    result.counts = importer.counts()
    result.preview = importer.preview()
    report(100, "done")
    return result
