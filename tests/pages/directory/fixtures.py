"""Fixtures shared by the directory and API tests (imported by their conftest modules):
vocabularies, home pages and the partner directory in several languages, and a fully
described funding partner with staff-only data.

The fixtures `vocab`, `homes`, `directories` and `australia` build their records for each
test. A module whose tests all start from the same records builds them once instead
(tests/module_records.py): `make_site`'s records by default (`built_once`), read with
`from_records`, e.g. `vocab = from_records("vocab")`."""

import pytest
from django.core.cache import cache
from wagtail.models import Site

from tests.module_records import built_records, fresh, from_records, records

from . import data

# The module-records machinery (tests/module_records.py), for the directory's, the API's and
# the page cache's tests.
__all__ = [
    "australia",
    "built_once",
    "built_records",
    "directories",
    "fresh",
    "from_records",
    "homes",
    "make_australia",
    "make_directories",
    "make_homes",
    "make_site",
    "make_site_with_australia",
    "records",
    "vocab",
]


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches the site's root paths, which outlive each test's rolled-back data."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def vocab(db):
    return data.make_vocabularies()


def make_homes(home_page):
    """The English home page and its live French, Arabic and Chinese translations."""
    return {
        "en": home_page,
        **{
            code: data.translate_page(home_page, code, title=f"Home [{code}]")
            for code in ("fr", "ar", "zh-hans")
        },
    }


def make_directories(homes):
    """The partner directory in English, French, Arabic and Chinese (/<language>/partners/)."""
    english = data.make_directory(homes["en"])
    return {
        "en": english,
        "fr": data.translate_page(english, "fr", title="Partenaires de financement"),
        "ar": data.translate_page(english, "ar", title="شركاء التمويل"),
        "zh-hans": data.translate_page(english, "zh-hans", title="资助伙伴"),
    }


def make_australia(vocab):
    """A funding partner with every public field, a French translation, two public
    agreements, a recognition, and staff-only data that must never show."""
    parent = data.make_partner(vocab, "Commonwealth of Nations", kind="government")
    partner = data.make_partner(
        vocab,
        "Government of Australia",
        acronym="DFAT",
        areas=["capacity-building", "cybersecurity"],
        regions=["asp"],
        countries=[vocab.countries["FJ"]],
        funding=[vocab.funding_type],
        headquarters_country=vocab.countries["FR"],
        membership_category=vocab.membership,
        funding_mechanism=vocab.mechanism,
        parent=parent,
        website="https://www.dfat.gov.au",
        mandate="<p>Supports ICT development in the Pacific.</p>",
        development_strategy="<p>Builds disaster-resilient telecommunications.</p>",
    )
    french = data.translate_snippet(
        partner,
        "fr",
        name="Gouvernement de l'Australie",
        mandate="<p>Soutient le développement des TIC dans le Pacifique.</p>",
        development_strategy="<p>Construit des télécommunications résilientes.</p>",
    )
    data.add_secrets(partner, vocab, translations=[french])
    data.add_public_agreement(
        partner, vocab, 1, reference="AUS-2016-001", title="Pacific ICT regulatory support"
    )
    data.add_public_agreement(
        partner, vocab, 2, reference="AUS-2017-002", title="Disaster telecoms in Tonga"
    )
    recognition = data.add_recognition(
        partner, citation="<p>For a quarter of a century of partnership.</p>"
    )
    data.translate_snippet(
        recognition,
        "fr",
        award_title="Prix des partenaires du 25e anniversaire de l'UIT-D",
        occasion="25e anniversaire de l'UIT-D, CMDT-17",
        citation="<p>Pour un quart de siècle de partenariat.</p>",
    )
    return partner


@pytest.fixture
def homes(home_page):
    return make_homes(home_page)


@pytest.fixture
def directories(homes):
    return make_directories(homes)


@pytest.fixture
def australia(vocab):
    return make_australia(vocab)


def make_site():
    """The vocabularies, the home pages and the partner directories, by name, for a module
    whose tests all start from them (see `built_once`)."""
    vocab = data.make_vocabularies()
    homes = make_homes(Site.objects.get(is_default_site=True).root_page.specific)
    return {"vocab": vocab, "homes": homes, "directories": make_directories(homes)}


def make_site_with_australia():
    """`make_site`, and the fully described Government of Australia (`make_australia`)."""
    site = make_site()
    site["australia"] = make_australia(site["vocab"])
    return site


@pytest.fixture(scope="module")
def built_once():
    """What a module's `records` are built by: `make_site` unless the module overrides this
    fixture (returning `make_site_with_australia`, or a builder of its own)."""
    return make_site
