"""Fixtures for what search engines, feed readers and link previews see: a site in six
languages with public, draft, translated and private pages, and opportunities."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.pages.models import OpportunityIndexPage, OpportunityPage, StandardPage
from tests.rollback import rolled_back

LANGUAGE_CODES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches the site root paths (one per translated home page) in the cache, which
    outlives the rolled-back transaction of each test."""
    cache.clear()
    yield
    cache.clear()


def add_page(parent, page, *, live=True):
    """Add `page` under `parent`, published, or as a draft that was never published."""
    page.live = live
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def published_on(page, day):
    """Pretend that `page` was first published on `day` of January 2026 (feeds sort on it)."""
    moment = timezone.make_aware(datetime.datetime(2026, 1, day, 9, 0))
    Page.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
    page.refresh_from_db()
    return page


def translate(page, language_code, *, title=None, slug=None, live=True):
    """Translate a page the way an editor does: a copy for translation in that locale,
    retitled and optionally re-slugged, then published (or left in draft)."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    translation = translation.specific
    translation.title = title or f"{page.title} [{language_code}]"
    if slug:
        translation.slug = slug
    revision = translation.save_revision()
    if live:
        revision.publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def restrict():
    """Make a page private in one of the three ways editors can: a shared password, any
    logged-in user, or members of some groups."""

    def _restrict(page, kind):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=kind, password="secret" if kind == "password" else ""
        )
        if kind == PageViewRestriction.GROUPS:
            restriction.groups.set([Group.objects.get_or_create(name="Officers")[0]])
        return restriction

    return _restrict


def opportunity(title, slug, **fields):
    """An (unsaved) opportunity page with the fields the model requires."""
    defaults = {
        "introduction": f"Partners wanted for {title}.",
        "contact_name": "Amina Diallo",
        "contact_email": "partnerships@example.org",
    }
    return OpportunityPage(title=title, slug=slug, **{**defaults, **fields})


def build_tree():
    """A site in six languages; returns {language: {name: page id}}.

    English: the home page; "how-to-partner" (live in French and Arabic, a draft in Spanish);
    "about" (English only); "coming-soon" (a draft); the opportunity index with three
    opportunities ("water" oldest, "schools", "clinics" newest). The index, "water" and
    "clinics" are translated into French, where "clinics" came out first.
    """
    home = Site.objects.get(is_default_site=True).root_page.specific
    homes = {"en": home}
    for code in LANGUAGE_CODES[1:]:
        homes[code] = translate(home, code, title=f"Home [{code}]")

    partner = add_page(
        home,
        StandardPage(
            title="How to partner",
            slug="how-to-partner",
            introduction="Ways to work with the Bureau.",
            search_description="How governments, agencies and companies partner with us.",
        ),
    )
    index = add_page(home, OpportunityIndexPage(title="Opportunities", slug="opportunities"))
    water = published_on(
        add_page(index, opportunity("Clean water", "water", budget_usd=500_000)), 3
    )
    clinics = opportunity(
        "Connected clinics", "clinics", budget_usd=2_000_000, funding_gap_usd=750_000
    )
    clinics = published_on(add_page(index, clinics), 7)
    pages = {
        "en": {
            "home": home,
            "partner": partner,
            "about": add_page(home, StandardPage(title="About", slug="about")),
            "draft": add_page(
                home, StandardPage(title="Coming soon", slug="coming-soon"), live=False
            ),
            "index": index,
            "water": water,
            "schools": published_on(
                add_page(index, opportunity("Connected schools", "schools")), 5
            ),
            "clinics": clinics,
        },
        "fr": {
            "home": homes["fr"],
            "partner": translate(partner, "fr", title="Devenir partenaire", slug="partenaire"),
            "index": translate(index, "fr", title="Opportunités", slug="opportunites"),
        },
        "es": {
            "home": homes["es"],
            "partner": translate(partner, "es", title="Cómo asociarse", slug="socio", live=False),
        },
        "ar": {
            "home": homes["ar"],
            "partner": translate(partner, "ar", title="كيف تصبح شريكا", slug="sharik"),
        },
        "ru": {"home": homes["ru"]},
        "zh-hans": {"home": homes["zh-hans"]},
    }
    pages["fr"]["clinics"] = published_on(
        translate(clinics, "fr", title="Cliniques connectées"), 10
    )
    pages["fr"]["water"] = published_on(translate(water, "fr", title="Eau potable"), 12)
    return {code: {name: page.pk for name, page in named.items()} for code, named in pages.items()}


@pytest.fixture(scope="package")
def tree_ids(django_db_setup, django_db_blocker):
    """The test site, built once for the package's tests inside a transaction that is rolled
    back when they are done; each test runs in a savepoint inside it (`db` fixture)."""
    yield from rolled_back(django_db_blocker, build_tree)


@pytest.fixture
def tree(tree_ids, db):
    """The pages of the test site, fresh from the database: tree[language][name]."""
    pks = [pk for named in tree_ids.values() for pk in named.values()]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=pks).specific()}
    return {
        code: {name: pages[pk] for name, pk in named.items()} for code, named in tree_ids.items()
    }
