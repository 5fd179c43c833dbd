"""A PostgreSQL server of the test's own, that the test stops and starts again.

`initdb` into a temporary directory, `pg_ctl start` on a free port of 127.0.0.1 (its socket in
that directory too, so it never meets the main cluster's), then a database holding the
portal's schema and data: a copy of the test database (`pg_dump | psql`, about 1 s) when the
tests run on PostgreSQL, or `manage.py migrate` (about 35 s) when they run on SQLite.
`stop()` is `pg_ctl stop -m immediate`, what a crash or a pulled plug does: the server's
connections drop without a word. Run as the `postgres` user when the tests run as root
(PostgreSQL refuses to run as root).
"""

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile

from django.conf import settings

__all__ = ["PostgreSQLServer", "binaries_directory"]

NEEDED = ("initdb", "pg_ctl", "pg_dump", "psql")
DATABASE = "partnerhub"


def binaries_directory():
    """Where PostgreSQL's server programs are (`pg_config --bindir`, else the newest
    /usr/lib/postgresql/<version>/bin), or None when they are not installed."""
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            candidates.append(
                subprocess.run(  # noqa: S603 - pg_config found on PATH, a fixed argument
                    [pg_config, "--bindir"], capture_output=True, text=True, check=True
                ).stdout.strip()
            )
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += sorted(versions, key=lambda path: int(path.split("/")[-2]), reverse=True)
    for directory in candidates:
        if all(os.access(os.path.join(directory, name), os.X_OK) for name in NEEDED):
            return directory
    return None


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgreSQLServer:
    """One PostgreSQL cluster in a temporary directory; `settings_dict` reaches its database."""

    def __init__(self, bindir):
        self.bindir = bindir
        self.port = _free_port()
        self.directory = tempfile.mkdtemp(prefix="partnerhub-pg-")
        self.data = os.path.join(self.directory, "data")
        self.as_postgres = []
        if os.geteuid() == 0:
            # PostgreSQL refuses to run as root; pytest's own tmp_path (0700, root's) would be
            # out of the postgres user's reach, hence a directory of its own under /tmp.
            account = pwd.getpwnam("postgres")
            os.chown(self.directory, account.pw_uid, account.pw_gid)
            self.as_postgres = ["runuser", "-u", "postgres", "--"]
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"
        self.settings_dict = {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": DATABASE,
            "USER": "postgres",
            "PASSWORD": "",
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            # Kept open between requests, as in production (conn_max_age): the outage must
            # be met by a connection that was working, not only by a new one.
            "CONN_MAX_AGE": 60,
            "OPTIONS": {
                "connect_timeout": settings.DATABASE_CONNECT_TIMEOUT,
                "options": f"-c statement_timeout={settings.DATABASE_STATEMENT_TIMEOUT * 1000}",
            },
        }

    def _run(self, *command, as_postgres=False, **kwargs):
        prefix = self.as_postgres if as_postgres else []
        return subprocess.run(  # noqa: S603 - PostgreSQL's own programs, fixed arguments
            [*prefix, *command], check=True, capture_output=True, text=True, **kwargs
        )

    def _bin(self, name):
        return os.path.join(self.bindir, name)

    def create(self):
        """initdb, start, and an empty database for the portal."""
        self._run(
            self._bin("initdb"), "-D", self.data, "-U", "postgres", "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
            as_postgres=True,
        )  # fmt: skip
        self.start()
        self._run(
            self._bin("psql"), "-X", "-q", "-h", "127.0.0.1", "-p", str(self.port),
            "-U", "postgres", "-d", "postgres", "-c", f"CREATE DATABASE {DATABASE}",
        )  # fmt: skip

    def copy_database(self, source):
        """Copy the schema and rows of a database (a Django settings dict) into this server."""
        env = {**os.environ, "PGPASSWORD": source.get("PASSWORD") or ""}
        dump = subprocess.Popen(  # noqa: S603 - PostgreSQL's own program, fixed arguments
            [
                self._bin("pg_dump"), "--no-owner", "--no-privileges",
                "-h", source.get("HOST") or "127.0.0.1", "-p", str(source.get("PORT") or 5432),
                "-U", source.get("USER") or "postgres", "-d", source["NAME"],
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )  # fmt: skip
        try:
            self._run(
                self._bin("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                "-p", str(self.port), "-U", "postgres", "-d", DATABASE,
                stdin=dump.stdout,
            )  # fmt: skip
        finally:
            dump.stdout.close()
            _out, errors = dump.communicate(timeout=60)
        if dump.returncode:
            raise RuntimeError(f"pg_dump failed: {errors.decode(errors='replace')}")

    def migrate(self):
        """Build the portal's schema and the data its migrations make, as a deployment does."""
        env = {
            **os.environ,
            "DATABASE_URL": self.url,
            "DATABASE_STATEMENT_TIMEOUT": "0",
            "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
        }
        self._run(
            sys.executable, "manage.py", "migrate", "--noinput", "-v", "0",
            cwd=settings.BASE_DIR, env=env,
        )  # fmt: skip

    def start(self):
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            self._bin("pg_ctl"), "-D", self.data, "-o", options,
            "-l", os.path.join(self.directory, "server.log"), "-w", "-t", "30", "start",
            as_postgres=True,
        )  # fmt: skip

    def stop(self):
        """Stop at once, without waiting for clients (`-m immediate`)."""
        self._run(self._bin("pg_ctl"), "-D", self.data, "-m", "immediate", "-w", "stop",
                  as_postgres=True)  # fmt: skip

    def is_running(self):
        status = subprocess.run(  # noqa: S603 - PostgreSQL's own program, fixed arguments
            [*self.as_postgres, self._bin("pg_ctl"), "-D", self.data, "status"],
            capture_output=True,
            check=False,
        )
        return status.returncode == 0

    def remove(self):
        """Stop the server if it runs, and delete its directory."""
        try:
            if os.path.exists(os.path.join(self.data, "postmaster.pid")) and self.is_running():
                self.stop()
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)
