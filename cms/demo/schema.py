"""The demo's empty database, ready made: the SQLite schema that `migrate` builds, kept as SQL
(`cms/demo/schema/sqlite.sql`) with a fingerprint of what built it.

`make demo` on a fresh clone applies 269 migrations (24 of them PartnerHub's): Django renders
its models again after each step, 30 s of CPU on two cores for a database that is always the
same. When the database file is empty and the fingerprint is that of the migrations and the
locked packages of the checkout, the schema is restored from the SQL in a tenth of a second
(`prepare_demo_database`); otherwise `migrate` runs as usual. The fingerprint covers every
migration file of every installed app and `requirements/lock.txt` (the versions of Django,
Wagtail and the rest), so a new migration or upgrade can never restore an old schema:
`tests/demo/test_demo_schema.py` fails until the SQL is written again
(`python manage.py prepare_demo_database --write`, which migrates a new SQLite file and dumps
it).
"""

import hashlib
import importlib.util
import sqlite3
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

__all__ = ["SCHEMA_FILE", "dump", "fingerprint", "restore", "stored_fingerprint"]

SCHEMA_FILE = Path(__file__).resolve().parent / "schema" / "sqlite.sql"
LOCK_FILE = Path(settings.BASE_DIR) / "requirements" / "lock.txt"
HEADER = "-- partnerhub demo schema "


def _migration_files():
    """(app label, file name, path) of every migration file of the installed apps, sorted."""
    found = []
    for config in apps.get_app_configs():
        module, _explicit = MigrationLoader.migrations_module(config.label)
        if module is None:
            continue
        try:
            spec = importlib.util.find_spec(module)
        except ModuleNotFoundError:
            spec = None
        if spec is None or not spec.submodule_search_locations:
            continue
        for location in spec.submodule_search_locations:
            for path in sorted(Path(location).glob("*.py")):
                found.append((config.label, path.name, path))
    return sorted(found)


def fingerprint():
    """What the schema is built from: every migration file and the locked packages."""
    digest = hashlib.sha256()
    digest.update(LOCK_FILE.read_bytes() if LOCK_FILE.exists() else b"")
    for label, name, path in _migration_files():
        digest.update(f"\0{label}/{name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def stored_fingerprint():
    """The fingerprint the stored SQL was written with (None without one)."""
    if not SCHEMA_FILE.exists():
        return None
    with SCHEMA_FILE.open(encoding="utf-8") as stored:
        first = stored.readline()
    return first[len(HEADER) :].strip() if first.startswith(HEADER) else None


def dump(database_path):
    """Write the schema and rows of the migrated SQLite file `database_path` as the stored
    SQL, with the checkout's fingerprint."""
    connection = sqlite3.connect(database_path)
    try:
        lines = list(connection.iterdump())
    finally:
        connection.close()
    SCHEMA_FILE.parent.mkdir(exist_ok=True)
    SCHEMA_FILE.write_text(
        HEADER + fingerprint() + "\n" + "\n".join(lines) + "\n", encoding="utf-8"
    )


def restore(database_path):
    """Create the schema in the empty SQLite file `database_path` from the stored SQL."""
    script = SCHEMA_FILE.read_text(encoding="utf-8")
    connection = sqlite3.connect(database_path)
    try:
        connection.executescript(script)
        connection.commit()
    finally:
        connection.close()
