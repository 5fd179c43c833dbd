"""Degrade, never crash: what visitors, editors and API clients get when a service fails.

- The database cannot answer: every query fails as a dropped connection would (all
  databases), or a PostgreSQL server of the test's own, serving the pages, is stopped
  (`pg_ctl stop -m immediate`) and started again, or a statement waits on a lock past
  `statement_timeout` (PostgreSQL): 503 with Retry-After, the translated error page (JSON for
  the API), then 200 again once the server is back, without restarting the application.
- Redis stops (a redis-server the test starts on a free port, then stops): pages and the admin
  still render, public rate limits let requests through, `/healthz` says the cache is down.
- SQLite: two transactions writing at the same moment both succeed, the second waiting.
"""

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connection, connections
from django.db.utils import ConnectionHandler
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings

from cms.core.public_forms import guards
from search.backends.config import search_backends
from tests.core.postgresql import PostgreSQLServer, binaries_directory

POSTGRESQL = connection.vendor == "postgresql"
needs_postgresql = pytest.mark.skipif(
    not POSTGRESQL, reason="needs PostgreSQL (DATABASE_URL): CI runs it through .ci/run"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def visitor():
    # Django's test client re-raises a view's exception by default; a visitor gets the answer.
    return Client(raise_request_exception=False)


@pytest.fixture
def staff(db):
    user = get_user_model().objects.create_superuser("failures-admin", "f@example.org", "x")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def dropped_connection(execute, sql, params, many, context):
    raise OperationalError("server closed the connection unexpectedly")


def assert_unavailable_page(response, language="en"):
    assert response.status_code == 503
    assert int(response["Retry-After"]) == settings.SERVICE_UNAVAILABLE_RETRY_AFTER
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert f'lang="{language}"' in body
    assert 'class="page-header__title"' in body  # the site's error page design
    return body


# --- The database cannot answer --------------------------------------------------------------


def test_database_errors_answer_a_translated_503_page(home_page, visitor, staff):
    with connection.execute_wrapper(dropped_connection):
        public = visitor.get("/en/")
        arabic = visitor.get("/ar/")
        admin = staff.get("/admin/")
        api = visitor.get("/api/v1/search/?q=partnership&lang=en")

    assert "The site is briefly unavailable" in assert_unavailable_page(public)
    body = assert_unavailable_page(arabic, "ar")
    assert 'dir="rtl"' in body
    assert "The site is briefly unavailable" not in body  # in Arabic, not in English
    assert_unavailable_page(admin)  # the session read by a middleware fails first
    assert api.status_code == 503
    assert api["Retry-After"] == str(settings.SERVICE_UNAVAILABLE_RETRY_AFTER)
    assert set(api.json()) == {"detail"}


@contextlib.contextmanager
def default_connection(**changes):
    """Requests in the block use a new connection to the test database with `changes` made
    to its settings; the test's own connection (and its transaction) is left as it was."""
    with default_connection_to({**connections["default"].settings_dict, **changes}) as new:
        yield new


@contextlib.contextmanager
def default_connection_to(settings_dict):
    """Requests in the block use a new connection made from `settings_dict`."""
    original = connections["default"]
    replacement = ConnectionHandler({"default": settings_dict})["default"]
    connections["default"] = replacement
    try:
        yield replacement
    finally:
        replacement.close()
        connections["default"] = original


@pytest.fixture(scope="module")
def postgresql_server(request):
    """A second PostgreSQL server, holding the portal's database, that the test may stop and
    start; always stopped and removed at the end of the module."""
    bindir = binaries_directory()
    if bindir is None:
        pytest.skip(
            "PostgreSQL's server programs (initdb, pg_ctl) are not installed: "
            "`make services` installs them, and CI (.ci/run) has them"
        )
    server = PostgreSQLServer(bindir)
    try:
        server.create()
        if POSTGRESQL:
            # The test database on the main server, made by pytest-django's migrations.
            request.getfixturevalue("django_db_setup")
            server.copy_database(connections["default"].settings_dict)
        else:
            server.migrate()
        yield server
    finally:
        server.remove()


def serve(application, path, **headers):
    """One request through the project's WSGI application, as a WSGI server makes it: at the
    end Django closes a database connection that failed (`request_finished`), which the test
    client skips. The answer as an HttpResponse."""
    environ = RequestFactory().get(path, **headers).environ
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer.update(status=int(status.split()[0]), headers=response_headers)

    result = application(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        result.close()
    return HttpResponse(body, status=answer["status"], headers=dict(answer["headers"]))


def title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def test_postgresql_stopped_answers_503_then_recovers(postgresql_server, db, settings):
    # The anonymous page cache (cms/core/page_cache) would answer /fr/ from the cache without
    # asking the database: this test is about the requests that reach it.
    settings.PAGE_CACHE_ENABLED = False
    application = WSGIHandler()  # one application for the whole outage, never restarted
    with default_connection_to(postgresql_server.settings_dict):
        working = serve(application, "/fr/")
        healthy = serve(application, "/healthz")

        postgresql_server.stop()
        started = time.monotonic()
        dropped = serve(application, "/fr/")  # the kept connection was cut
        refused = serve(application, "/fr/")  # a new connection is refused
        api = serve(application, "/api/v1/search/?q=partnership&lang=en")
        health_down = serve(application, "/healthz")
        elapsed = time.monotonic() - started

        postgresql_server.start()
        recovered = serve(application, "/fr/")
        health_back = serve(application, "/healthz")

    assert working.status_code == 200
    assert 'lang="fr"' in working.content.decode()
    assert healthy.status_code == 200
    for response in (dropped, refused):
        body = assert_unavailable_page(response, "fr")
        assert "The site is briefly unavailable" not in body  # in French
    assert api.status_code == 503
    assert api["Retry-After"] == str(settings.SERVICE_UNAVAILABLE_RETRY_AFTER)
    assert set(json.loads(api.content)) == {"detail"}
    assert health_down.status_code == 503
    assert json.loads(health_down.content)["checks"]["database"] == "unavailable"
    assert elapsed < 10  # refused at once, not after a worker's timeout
    assert recovered.status_code == 200
    assert title(recovered) == title(working)  # the same home page (the CSP nonce differs)
    assert health_back.status_code == 200


@needs_postgresql
def test_statement_timeout_is_set_below_the_worker_timeout(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == f"{settings.DATABASE_STATEMENT_TIMEOUT}s"
    assert 0 < settings.DATABASE_STATEMENT_TIMEOUT < 30


@needs_postgresql
def test_query_past_statement_timeout_is_cancelled(db):
    options = {**connection.settings_dict["OPTIONS"], "options": "-c statement_timeout=300"}
    with default_connection(OPTIONS=options) as short, short.cursor() as cursor:
        started = time.monotonic()
        with pytest.raises(OperationalError, match="statement timeout"):
            cursor.execute("SELECT pg_sleep(5)")
    assert time.monotonic() - started < 3


@needs_postgresql
def test_page_behind_a_lock_answers_503_at_statement_timeout(home_page, visitor):
    # The test's own transaction holds the sites table, as a long migration or a stuck
    # transaction would; the request's connection waits for it until statement_timeout.
    with connection.cursor() as cursor:
        cursor.execute("LOCK TABLE wagtailcore_site IN ACCESS EXCLUSIVE MODE")
    options = {**connection.settings_dict["OPTIONS"], "options": "-c statement_timeout=500"}
    with default_connection(OPTIONS=options):
        started = time.monotonic()
        response = visitor.get("/es/")
        elapsed = time.monotonic() - started
    assert_unavailable_page(response, "es")
    assert elapsed < 5


# --- Health endpoint -------------------------------------------------------------------------


def test_healthz_answers_200_when_every_service_answers(visitor, db):
    response = visitor.get("/healthz")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "task_queue": "ok", "search_engine": "ok"},
    }


def test_healthz_answers_503_naming_the_service_that_failed(visitor, db):
    with connection.execute_wrapper(dropped_connection):
        database_down = visitor.get("/healthz")
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends("http://127.0.0.1:9")):
        search_down = visitor.get("/healthz")
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        queue = visitor.get("/healthz")

    assert database_down.status_code == 503
    assert database_down.json()["checks"]["database"] == "unavailable"
    assert database_down.json()["checks"]["task_queue"] == "ok"  # tests run tasks at once
    assert search_down.status_code == 503
    assert search_down.json()["checks"] == {
        "database": "ok",
        "cache": "ok",
        "task_queue": "ok",
        "search_engine": "unavailable",
    }
    assert queue.status_code == 200  # the queue's table is read


def test_healthz_is_outside_the_language_prefix(visitor, db):
    assert visitor.get("/en/healthz/").status_code == 404


# --- Redis stops -----------------------------------------------------------------------------


@pytest.fixture
def redis_server(tmp_path):
    """A redis-server of the test's own on a free port, in memory only; `stop()` stops it."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (make services installs it; CI has it)")
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - a fixed binary with fixed arguments
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while True:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            break
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("the test's redis-server did not start")
        time.sleep(0.05)

    def stop():
        process.terminate()
        process.wait(10)

    process.url, process.stop = f"redis://127.0.0.1:{port}/0", stop
    yield process
    if process.poll() is None:
        stop()


def test_pages_render_and_public_limits_open_when_redis_stops(
    redis_server, home_page, visitor, staff, caplog
):
    caches = {
        "default": {
            "BACKEND": "cms.core.fail_open_cache.FailOpenRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    with override_settings(CACHES=caches):
        cache.set("probe", "kept")
        assert cache.get("probe") == "kept"  # Redis answers
        for _ in range(guards.RATE_LIMIT):
            guards.record("203.0.113.9-hash", scope="failures")
        assert guards.is_limited("203.0.113.9-hash", scope="failures")

        redis_server.stop()
        started = time.monotonic()
        public = visitor.get("/en/")
        french = visitor.get("/fr/")
        admin = staff.get("/admin/")
        health = visitor.get("/healthz")
        elapsed = time.monotonic() - started

        assert cache.get("probe") is None  # a miss, not an error
        assert not guards.is_limited("203.0.113.9-hash", scope="failures")  # fails open
        guards.record("203.0.113.9-hash", scope="failures")  # counting fails quietly

    assert (public.status_code, french.status_code, admin.status_code) == (200, 200, 200)
    assert health.status_code == 503
    assert json.loads(health.content)["checks"]["cache"] == "unavailable"
    assert "Redis cache unavailable" in caplog.text
    assert elapsed < 10  # refused at once, no request waits for Redis


def test_admin_sign_in_stays_throttled_when_redis_stops(redis_server, editor, settings):
    """Sign-in failures are counted in the database (django-axes), not in the cache: the
    throttle holds (fails closed) while Redis is down."""
    settings.AXES_FAILURE_LIMIT = 3
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.core.fail_open_cache.FailOpenRedisCache",
            "LOCATION": redis_server.url,
        }
    }
    redis_server.stop()
    client = Client(raise_request_exception=False)

    def sign_in(password):
        return client.post(
            "/admin/login/",
            {"username": "editor", "password": password, "next": "/admin/"},
            REMOTE_ADDR="203.0.113.70",
        )

    assert [sign_in("wrong").status_code for _ in range(3)] == [200, 200, 429]
    assert sign_in("pw").status_code == 429
    assert "_auth_user_id" not in client.session


# --- SQLite: concurrent writes wait ----------------------------------------------------------


def race(path, options, django_db_blocker):
    """Two transactions that read then write the same table at the same moment, as autosave
    and a submission for moderation do; the errors each met."""
    handler = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": options}}
    )
    with django_db_blocker.unblock():
        setup = handler["default"]
        with setup.cursor() as cursor:
            cursor.execute("CREATE TABLE revision (id INTEGER PRIMARY KEY, writer TEXT)")
        setup.close()
    first_wrote = threading.Event()
    errors = []

    def write(name, hold):
        with django_db_blocker.unblock():
            db = handler["default"]  # each thread its own connection
            try:
                db.set_autocommit(False)
                db._start_transaction_under_autocommit()  # what atomic() does on SQLite
                with db.cursor() as cursor:
                    cursor.execute("SELECT count(*) FROM revision")
                    if name == "second":
                        first_wrote.wait(5)
                    cursor.execute("INSERT INTO revision (writer) VALUES (%s)", [name])
                    if name == "first":
                        first_wrote.set()
                        time.sleep(hold)
                db.commit()
            except OperationalError as error:
                errors.append(str(error))
            finally:
                first_wrote.set()
                db.close()

    threads = [
        threading.Thread(target=write, args=("first", 0.5)),
        threading.Thread(target=write, args=("second", 0)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return errors


def test_sqlite_concurrent_writes_wait_instead_of_failing(tmp_path, django_db_blocker):
    assert settings.SQLITE_OPTIONS["transaction_mode"] == "IMMEDIATE"
    assert race(tmp_path / "project.sqlite3", settings.SQLITE_OPTIONS, django_db_blocker) == []
    # The same race with SQLite's default transactions: "database is locked" at once.
    deferred = {"timeout": settings.SQLITE_OPTIONS["timeout"]}
    assert race(tmp_path / "deferred.sqlite3", deferred, django_db_blocker) == [
        "database is locked"
    ]


@pytest.mark.skipif(POSTGRESQL, reason="the demo's SQLite settings; PostgreSQL runs above")
def test_sqlite_database_uses_the_waiting_options(db):
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert connection.settings_dict["OPTIONS"]["timeout"] == 20


def test_settings_use_the_fail_open_cache_when_redis_is_configured():
    script = "from cms.settings import base; print(base.CACHES['default']['BACKEND'])"
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/0"}
    backend = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", script],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert backend == "cms.core.fail_open_cache.FailOpenRedisCache"
