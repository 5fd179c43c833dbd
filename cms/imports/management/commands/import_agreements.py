"""`manage.py import_agreements FILE [--dry-run] [--create-partners] [--encoding ENC]
[--kind partners]`: import agreements (or partners) from a CSV or XLSX file, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.imports.models import ImportRun
from cms.imports.service import BUSY, ImportBusy, checksum, run_import, summary


class Command(BaseCommand):
    help = (
        "Import agreements (or, with --kind partners, partners) from a CSV or XLSX file. "
        "Nothing is written if any row is wrong; every problem is printed with its row and "
        "column. Importing the same file again changes nothing."
    )
    kind = "agreements"

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV (UTF-8 or Windows-1252) or XLSX file")
        parser.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
        parser.add_argument(
            "--create-partners",
            action="store_true",
            help="create the partners the file names that do not exist yet",
        )
        parser.add_argument(
            "--encoding", help="encoding of a CSV file (default: UTF-8, else Windows-1252)"
        )
        parser.add_argument(
            "--kind",
            choices=[choice.value for choice in ImportRun.Kind],
            default=self.kind,
            help="what the file holds (default: %(default)s)",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": path, "error": error.strerror}
            ) from None
        verbosity = options["verbosity"]

        def progress(percent, phase, done=None, total=None):
            if verbosity > 1:
                rows = f" ({done}/{total})" if total else ""
                self.stderr.write(f"{phase} {percent}%{rows}")

        record = {
            "source": "command",
            "kind": options["kind"],
            "file_name": path.name[:255],
            "checksum": checksum(data),
            "create_partners": options["create_partners"],
            "dry_run": options["dry_run"],
            "progress": 100,
        }
        try:
            result = run_import(
                data,
                path.name,
                options["kind"],
                dry_run=options["dry_run"],
                create_partners=options["create_partners"],
                encoding=options["encoding"],
                progress=progress,
            )
        except ImportBusy:
            # The refused run is part of the audit trail too.
            ImportRun.objects.create(
                **record,
                status=ImportRun.Status.FAILED,
                finished_at=timezone.now(),
                error_count=1,
                errors=[{"row": None, "column": "", "message": str(BUSY)}],
            )
            raise CommandError(str(BUSY)) from None
        ImportRun.objects.create(
            **record,
            encoding=result.encoding,
            status=ImportRun.Status.DONE if result.ok else ImportRun.Status.FAILED,
            finished_at=timezone.now(),
            rows=result.counts.get("rows", 0),
            created=result.counts.get("created", 0),
            updated=result.counts.get("updated", 0),
            unchanged=result.counts.get("unchanged", 0),
            error_count=len(result.problems),
            errors=[problem.as_dict() for problem in result.problems],
        )
        for problem in result.problems:
            self.stderr.write(str(problem))
        self.stdout.write(summary(result.counts))
        if result.counts.get("partners_created"):
            self.stdout.write(
                _("new partners: %(count)s") % {"count": result.counts["partners_created"]}
            )
        if not result.ok:
            raise CommandError(
                _("Nothing was imported: %(count)s problem(s) in %(file)s.")
                % {"count": len(result.problems), "file": path.name}
            )
        if result.dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
        elif not result.changed:
            self.stdout.write(_("Nothing changed: the archive already holds this file's data."))
