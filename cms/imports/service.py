"""Running an import from the bytes of a file: read, check every row, then (unless it is a
dry run) write everything in one transaction. Used by the command and the admin's tasks."""

import hashlib
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .agreements import AgreementImporter
from .partners import PartnerImporter
from .problems import ImportFileError
from .reader import read_table

__all__ = ["IMPORTERS", "ImportResult", "checksum", "run_import", "summary"]

IMPORTERS = {"agreements": AgreementImporter, "partners": PartnerImporter}


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
    """ "created N, updated N, unchanged N, errors N" in the active language."""
    return _(
        "created %(created)s, updated %(updated)s, unchanged %(unchanged)s, errors %(errors)s"
    ) % {
        "created": counts.get("created", 0),
        "updated": counts.get("updated", 0),
        "unchanged": counts.get("unchanged", 0),
        "errors": counts.get("errors", 0),
    }


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

    `progress(percent, phase)` is called now and then, with phase "read", "check" or "write".
    """
    report = progress or (lambda percent, phase: None)
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
        report(int(share * fraction) if phase == "check" else 50 + int(50 * fraction), phase)

    importer = IMPORTERS[kind](table, step, create_partners=create_partners)
    # The real run checks and writes in one transaction, so that the rows are compared with
    # the records exactly as they are written.
    with transaction.atomic():
        if importer.plan() and not dry_run:
            importer.write()
    result.problems = importer.problems
    result.counts = importer.counts()
    result.preview = importer.preview()
    report(100, "done")
    return result
