"""Fixtures shared by the whole suite."""

import inspect

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.utils import translation
from wagtail.models import Locale, Site

from cms.core.roles import EDITORS, LEADS, OFFICERS, translator_group_name
from tests.snippets.admin.records import make_user


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "page_cache: keep the anonymous page cache on in a module that counts queries"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """With pytest-xdist (`--dist loadgroup`, see the Makefile), each test file runs in one
    process, and the demo tests all in the same one, so that the demo loads once. It must run
    before pytest-xdist's own hook, which reads the groups into the test ids."""
    for item in items:
        path = item.path.relative_to(item.config.rootpath)
        group = "demo" if path.parts[:2] == ("tests", "demo") else str(path)
        if _is_transactional(item):
            # pytest-django puts transactional tests last, since each ends by emptying the
            # tables; a group is scheduled where its first test stands, so a file mixing both
            # kinds would empty the database under the tests that follow it on its worker.
            group += ":transactional"
        item.add_marker(pytest.mark.xdist_group(group))
        _require_serialized_rollback(item)


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(fixtures)
    )


def _require_serialized_rollback(item):
    """A transactional test ends by emptying every table: without `serialized_rollback` the
    locales, the site, the groups and the collections that the migrations made are gone for
    every later test of its process (in CI, 244 errors once). Refused at collection."""
    marker = item.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    if not marker.kwargs.get("serialized_rollback"):
        raise pytest.UsageError(
            f"{item.nodeid}: django_db(transaction=True) needs serialized_rollback=True"
        )


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language, whatever a previous test (or a command it
    ran) activated: tests must not depend on the order they run in."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def locales(db):
    """The six content locales, keyed by language code (created by a data migration)."""
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_page(db):
    """The English home page at the root of the default site."""
    return Site.objects.get(is_default_site=True).root_page.specific


# Users in each role, shared by the admin, translation, finder, import and report tests.
@pytest.fixture
def officer(db):
    return make_user("officer", OFFICERS)


@pytest.fixture
def lead(db):
    return make_user("lead", LEADS)


@pytest.fixture
def editor(db):
    return make_user("editor", EDITORS)


@pytest.fixture
def translator(db):
    return make_user("translator", translator_group_name("fr"))


@pytest.fixture
def superuser(db):
    return make_user("admin", is_superuser=True, is_staff=True)


@pytest.fixture
def staff_without_rights(db):
    """A user who may enter the admin but holds no right on partnership records."""
    user = make_user("staff", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


@pytest.fixture(autouse=True)
def _empty_cache_between_tests():
    """Each test's database is rolled back without a signal, which the cached pages and
    values (cms.core.page_cache) cannot see: the cache goes with it. Within a test, every
    change goes through the invalidation the site relies on."""
    from django.core.cache import cache

    from cms.core.page_cache.versions import forget_process_state

    cache.clear()
    forget_process_state()
    yield


#: Words of a test module that counts queries: it measures a page's rendering, which the
#: anonymous page cache would skip (the second request of a warm measure is a cache hit).
QUERY_COUNTING = ("CaptureQueriesContext", "num_queries")


def _counts_queries(module):
    source = getattr(module, "__cached_source", None)
    if source is None:
        try:
            source = inspect.getsource(module)
        except (OSError, TypeError):
            source = ""
        module.__cached_source = source
    return any(word in source for word in QUERY_COUNTING)


@pytest.fixture(autouse=True)
def _page_cache_unless_counting_queries(request, settings):
    """The page cache is on for the whole suite (cms/settings/test.py), so that every test
    that changes something and reads a page again proves the change shows; off for the
    modules that count a page's queries (they measure rendering), unless a test asks for it
    with the `page_cache` marker."""
    if request.node.get_closest_marker("page_cache") is None and _counts_queries(request.module):
        settings.PAGE_CACHE_ENABLED = False
    yield


@pytest.fixture(scope="session", autouse=True)
def _empty_cache_at_start():
    """On Redis (REDIS_URL), the cache outlives the process: counters and cached figures of an
    earlier run must not leak into this one."""
    from django.core.cache import cache

    cache.clear()
    yield
