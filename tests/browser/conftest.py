"""Real-browser tests: Chromium, driven by Playwright, against pytest-django's live server.

Without Chromium at /usr/bin/chromium these tests are skipped, unless REQUIRE_BROWSER_TESTS=1
(set by CI), which turns the missing browser into an error.

The live server needs a transactional database, which Django flushes after each test, taking
with it the rows that data migrations created (locales, the English home page, the default
site...). The tests use `serialized_rollback=True` so those rows are there during the test,
and `restore_migration_data` puts them back afterwards for the tests that follow (and for the
next run with --reuse-db).

A flush, the reload of those rows and a rebuild of the test's site cost seconds a test on
PostgreSQL. A module whose tests only read (or put back what they change) builds its data once
instead, with `tests.browser.module_data.committed_for_module`; its tests ask for
`module_data_db` rather than the `django_db(transaction=True)` mark.
"""

import functools
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from wagtail.models import Locale

from cms.core import public_forms
from tests.browser.module_data import row_counts

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pytest_runtest_setup(item):
    """Skip (or fail, in CI) browser tests before any fixture runs when Chromium is missing."""
    if item.get_closest_marker("browser") is None or CHROMIUM.exists():
        return
    if settings.REQUIRE_BROWSER_TESTS:
        pytest.fail(
            f"REQUIRE_BROWSER_TESTS=1 but Chromium is not installed at {CHROMIUM}: "
            "install it (apt-get install chromium) to run the browser tests.",
            pytrace=False,
        )
    pytest.skip(
        f"Chromium is not installed at {CHROMIUM} (apt-get install chromium); "
        "set REQUIRE_BROWSER_TESTS=1 to make this an error."
    )


@pytest.fixture(scope="module")
def restore_migration_data(django_db_setup, django_db_blocker):
    """After the module's tests, reload the rows that migrations created if a flush removed
    them (from the copy Django serialized when it set up the test database)."""
    yield
    with django_db_blocker.unblock():
        connection = connections["default"]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents and not Locale.objects.exists():
            connection.creation.deserialize_db_from_string(contents)
    cache.clear()


#: Rows a visit leaves behind, which no other test reads: a signed-in person's session, their
#: sign-in in django-axes's access log, and the comment notifications Wagtail subscribes an
#: editor to when they open a page's edit form.
VISIT_TABLES = {"django_session", "axes_accesslog", "wagtailcore_pagesubscription"}


@pytest.fixture
def module_data_db(request, live_server, django_db_blocker):
    """The database as the module's `committed_for_module` fixture left it, open to the test
    and to the live server, with no transaction around the test and no flush after it (see
    `_live_server_helper` below). The test must leave the rows as it found them: one that
    added or removed rows (other than a session) fails, since the module's next tests would
    read them (rows a visit leaves behind aside: `VISIT_TABLES`)."""
    if wrapped := {"db", "transactional_db"} & set(request.fixturenames):
        pytest.fail(
            f"{request.node.nodeid}: {sorted(wrapped)} would flush the module's data after "
            "the test; read what the test needs from the module's own fixture",
            pytrace=False,
        )
    live_server._live_server_modified_settings.enable()
    with django_db_blocker.unblock():
        before = row_counts()
        yield
        after = row_counts()
    live_server._live_server_modified_settings.disable()
    changed = {
        table: (before.get(table), rows)
        for table, rows in after.items()
        if rows != before.get(table) and table not in VISIT_TABLES
    }
    assert changed == {}, f"{request.node.nodeid} changed the module's data (rows): {changed}"


@pytest.fixture(autouse=True)
def _live_server_helper(request):
    """pytest-django's helper of the same name (it enables the live server's settings and
    gives every test that uses the live server a transactional database, flushed after the
    test), but for the tests on a module's committed data: `module_data_db` does their part."""
    if "live_server" not in request.fixturenames or "module_data_db" in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture
def chromium(request, restore_migration_data, monkeypatch):
    """A headless Chromium for one test; for the tests on a module's committed data, one
    for the whole module (`module_chromium`): no per-test flush runs while it is open.

    It starts after the test's database setup and stops before its flush, on purpose: while
    Playwright's sync API runs its event loop in this thread, Django sees an "async context",
    refuses queries unless DJANGO_ALLOW_ASYNC_UNSAFE is set (they are in fact synchronous
    here), and hands out other connection objects than the test database's own.
    """
    if "module_data_db" in request.fixturenames:
        yield request.getfixturevalue("module_chromium")
        return
    with _browser_settings(monkeypatch), _launched() as browser:
        yield browser


@pytest.fixture(scope="module")
def module_chromium(restore_migration_data):
    """One headless Chromium for a module whose data is built once (`module_data_db`). It is
    asked for after the module's data fixture, so it closes before that fixture empties the
    tables; each test still opens its own browser contexts (cookies, cache, language)."""
    with (
        pytest.MonkeyPatch.context() as monkeypatch,
        _browser_settings(monkeypatch),
        _launched() as browser,
    ):
        yield browser


@contextmanager
def _browser_settings(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # Playwright fills a form in and sends it faster than any person: the public forms' minimum
    # fill time (tested in tests/core/test_public_forms.py) would refuse it.
    monkeypatch.setattr(public_forms.guards, "MIN_FILL_SECONDS", 0)
    yield


@contextmanager
def _launched():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # Close the connections opened in Playwright's context, which nothing else would.
        connections.close_all()


@pytest.fixture
def open_page(chromium):
    """Open an address in a fresh browser context whose preferred language is `locale`
    (sent as Accept-Language); returns the Playwright page. Other settings of the context
    may be given (a phone's `viewport` and `is_mobile`, `java_script_enabled=False`)."""
    contexts = []

    def _open(url, locale="en-GB", **options):
        options = {"viewport": {"width": 1280, "height": 800}, **options}
        context = chromium.new_context(locale=locale, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    yield _open
    for context in contexts:
        context.close()


AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = """async tags => {
    const result = await axe.run(document, {
        runOnly: {type: "tag", values: tags},
        resultTypes: ["violations"],
    });
    return result.violations.map(violation => ({
        id: violation.id,
        impact: violation.impact,
        targets: violation.nodes.map(node => node.target),
    }));
}"""


@functools.cache
def _axe_source():
    return AXE_SCRIPT.read_text(encoding="utf-8")


@pytest.fixture
def axe_violations():
    """Run axe-core (installed from npm, injected from the local file) on a Playwright page;
    return the serious and critical WCAG 2.2 A/AA violations as (rule, target) pairs."""
    if not AXE_SCRIPT.exists():
        message = f"axe-core is not installed at {AXE_SCRIPT} (npm ci)"
        if settings.REQUIRE_BROWSER_TESTS:
            pytest.fail(f"REQUIRE_BROWSER_TESTS=1 but {message}.", pytrace=False)
        pytest.skip(f"{message}; set REQUIRE_BROWSER_TESTS=1 to make this an error.")

    def _check(page):
        # Evaluated through the DevTools protocol rather than added as a <script>: the site's
        # Content-Security-Policy (cms/core/csp.py) rightly refuses an inline script. Once per
        # document (a second check of the same page finds it there).
        if page.evaluate("typeof window.axe") == "undefined":
            page.evaluate(_axe_source() + "\n;undefined")
        # Only the violations come back: axe details every node that passed too (hundreds of
        # kilobytes a page), which `resultTypes` spares it and the sending spares the test.
        return [
            (violation["id"], target)
            for violation in page.evaluate(AXE_RUN, AXE_TAGS)
            if violation["impact"] in {"serious", "critical"}
            for target in violation["targets"]
        ]

    return _check
