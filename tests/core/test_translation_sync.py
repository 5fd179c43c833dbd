"""Restricting, unpublishing or deleting an English page does the same to its translations
at once: no translation stays readable after its source was hidden."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.pages.models import StandardPage
from tests.rollback import refetched, rolled_back

TARGETS = ["fr", "es", "ru", "ar", "zh-hans"]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches the site root paths (one per translated home page)."""
    cache.clear()
    yield
    cache.clear()


def translate(page, locale):
    translation = page.copy_for_translation(locale).specific
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def make_section():
    """An English page with a child, both translated into the five other languages under
    translated home pages; returns {language: (page, child)}."""
    home_page = Site.objects.get(is_default_site=True).root_page.specific
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    page = StandardPage(title="Partners", slug="partners", introduction="All partners.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    child = StandardPage(title="Funding", slug="funding", introduction="Funding partners.")
    page.add_child(instance=child)
    child.save_revision().publish()
    tree = {"en": (page, child)}
    for code in TARGETS:
        translate(home_page, locales[code])
        tree[code] = (translate(page, locales[code]), translate(child, locales[code]))
    return tree


# Built once for the module: each test restricts, unpublishes or deletes in a savepoint of
# its own, rolled back after it, and starts from fresh copies. The test that translates the
# home page itself is in test_translation_sync_later.py.
@pytest.fixture(scope="module", autouse=True)
def built_section(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, make_section)


@pytest.fixture
def section(db, built_section):
    """An English page with a child, both translated into the five other languages under
    translated home pages; returns {language: (page, child)}."""
    return refetched(built_section)


def urls(section):
    return {code: pages[0].url for code, pages in section.items()}


def test_restricting_the_english_page_restricts_its_translations_at_once(client, section):
    english = section["en"][0]
    PageViewRestriction.objects.create(page=english, restriction_type=PageViewRestriction.LOGIN)

    for code, url in urls(section).items():
        response = client.get(url)
        assert response.status_code == 302, code
        assert "/login/" in response["Location"]
        # The restriction covers the translated subtree too.
        assert client.get(section[code][1].url).status_code == 302


def test_password_and_groups_are_copied_and_lifting_lifts_them(client, section):
    english = section["en"][0]
    restriction = PageViewRestriction.objects.create(
        page=english, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    for url in urls(section).values():
        response = client.get(url)
        assert response.status_code == 200
        assert b'name="password"' in response.content

    # Changed into a group restriction, as the admin does it: saved, then its groups set.
    group = Group.objects.create(name="Partners")
    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.password = ""
    restriction.save()
    restriction.groups.set([group])
    for code in TARGETS:
        copy = PageViewRestriction.objects.get(page=section[code][0])
        assert copy.restriction_type == PageViewRestriction.GROUPS
        assert list(copy.groups.all()) == [group]

    restriction.delete()

    assert not PageViewRestriction.objects.exists()
    for url in urls(section).values():
        response = client.get(url)
        assert response.status_code == 200
        assert b'name="password"' not in response.content


def test_restricting_a_translation_leaves_the_others_alone(client, section):
    PageViewRestriction.objects.create(
        page=section["fr"][0], restriction_type=PageViewRestriction.LOGIN
    )

    assert list(PageViewRestriction.objects.values_list("page", flat=True)) == [section["fr"][0].pk]
    assert client.get(section["en"][0].url).status_code == 200


def test_unpublishing_the_english_page_unpublishes_its_translations(client, section):
    section["en"][0].unpublish()

    for code in TARGETS:
        page = Page.objects.get(pk=section[code][0].pk)
        assert not page.live, code
    assert client.get("/fr/partners/").status_code == 404


def test_deleting_the_english_page_deletes_its_translations(client, section):
    pages = [page.pk for pair in section.values() for page in pair]

    Page.objects.get(pk=section["en"][0].pk).delete()

    assert not Page.objects.filter(pk__in=pages).exists()
    # The translated home pages remain.
    assert Page.objects.filter(depth=2).count() == 6


def test_a_translation_of_an_open_page_starts_open(client, section):
    assert not PageViewRestriction.objects.exists()
    assert client.get(section["fr"][0].url).status_code == 200
