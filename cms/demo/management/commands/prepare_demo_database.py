"""Create the demo's database: on an empty SQLite file, the schema restored from the SQL kept
in `cms/demo/schema/` when it is that of this checkout (a tenth of a second, against 30 s of
CPU for 269 migrations); otherwise `migrate`. `--write` writes that SQL again (after a new
migration or an upgrade of the locked packages). See cms/demo/schema.py."""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

from cms.demo import schema


class Command(BaseCommand):
    help = (
        "Create the database of the demo: the stored SQLite schema when the database is an "
        "empty SQLite file and the schema is this checkout's, else the migrations. --write "
        "stores the schema of the migrations anew."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--write",
            action="store_true",
            help="Migrate a new SQLite file and store its schema (cms/demo/schema/sqlite.sql).",
        )

    def handle(self, *args, write=False, **options):
        if write:
            self._write()
            return
        started = time.monotonic()
        connection = connections["default"]
        name = str(connection.settings_dict.get("NAME") or "")
        restorable = (
            connection.vendor == "sqlite"
            and name
            and name != ":memory:"
            and not name.startswith("file:")
            and not connection.introspection.table_names()
        )
        if restorable and schema.stored_fingerprint() == schema.fingerprint():
            connection.close()
            schema.restore(name)
            stored = schema.SCHEMA_FILE.relative_to(settings.BASE_DIR)
            self.stdout.write(
                f"Database schema restored from {stored} in {time.monotonic() - started:.1f} s."
            )
            return
        if restorable:
            self.stdout.write(
                "The stored demo schema is not this checkout's: migrating "
                "(`python manage.py prepare_demo_database --write` stores it anew)."
            )
        # This command has run the system checks already.
        call_command("migrate", interactive=False, skip_checks=True, verbosity=options["verbosity"])

    def _write(self):
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "schema.sqlite3"
            environment = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
            environment.pop("REDIS_URL", None)
            subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
                [sys.executable, "manage.py", "migrate", "--noinput", "--skip-checks", "-v", "0"],
                cwd=settings.BASE_DIR,
                env=environment,
                check=True,
            )
            schema.dump(path)
        self.stdout.write(f"Stored {schema.SCHEMA_FILE} ({schema.fingerprint()[:12]}).")
