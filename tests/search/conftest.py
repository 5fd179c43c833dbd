"""A small corpus in six languages, built once per test module.

The corpus is built inside a transaction that is rolled back when the module ends; each test
runs in a savepoint of it (pytest-django's `db`), so tests that publish, unpublish or delete
leave the corpus as it was for the next test.
"""

import pytest
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.pages.factories import StandardPageFactory
from cms.snippets.factories import PartnerFactory
from tests.rollback import rolled_back

# {key: (language, title, introduction)} of the content pages of the corpus.
PAGES = {
    "en": (
        "en",
        "Partnerships for digital inclusion",
        "The ITU builds a partnership with every member of ITU-D, reference Data-X.2.",
    ),
    "fr": (
        "fr",
        "Le partenariat numérique",
        "Nos partenariats avec l'UIT et l'ITU pour l'accès à l'internet.",
    ),
    "es": (
        "es",
        "Asociación para la conectividad",
        "Las asociaciones de la UIT con los gobiernos y la ITU.",
    ),
    "ru": (
        "ru",
        "Партнёрство в области связи",
        "Программа партнерства МСЭ и ITU для развивающихся стран.",
    ),
    "ar": (
        "ar",
        "الشراكة من أجل التنمية الرقمية",
        "يعمل الاتحاد الدولي للاتصالات مع الحكومات في مجال الاتصالات.",
    ),
    "zh-hans": (
        "zh-hans",
        "合作伙伴关系促进数字发展",
        "国际电信联盟与各国政府开展合作。ITU",
    ),
}

# {key: (language, name, acronym)} of the partners of the corpus.
PARTNERS = {
    "en": ("en", "International Telecommunication Union", "ITU"),
    "fr": ("fr", "Union internationale des télécommunications", "UIT"),
    "ar": ("ar", "الاتحاد الدولي للاتصالات", "ITU"),
    "zh-hans": ("zh-hans", "国际电信联盟", "ITU"),
    "ru": ("ru", "Международный союз электросвязи", "МСЭ"),
    "es": ("es", "Unión Internacional de Telecomunicaciones", "UIT"),
}


def _translate_home(home, locale):
    translation = home.copy_for_translation(locale)
    translation.title = f"{home.title} [{locale.language_code}]"
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def build_corpus():
    """Home pages, one published content page per language, a draft, a private page and
    a partner per language (the English one translated, the others created in their locale)."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    home = Site.objects.get(is_default_site=True).root_page.specific
    homes = {"en": home}
    for code in ("fr", "es", "ru", "ar", "zh-hans"):
        homes[code] = _translate_home(home, locales[code])

    pages = {}
    for key, (code, title, introduction) in PAGES.items():
        page = StandardPageFactory(parent=homes[code], title=title, introduction=introduction)
        page.save_revision().publish()
        pages[key] = Page.objects.get(pk=page.pk).specific

    draft = StandardPageFactory(
        parent=homes["fr"],
        title="Brouillon du partenariat secret",
        introduction="Partenariats confidentiels en préparation.",
        live=False,
    )
    pages["fr-draft"] = draft
    private = StandardPageFactory(
        parent=homes["fr"],
        title="Partenariat réservé",
        introduction="Partenariats des membres seulement.",
    )
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    pages["fr-private"] = private

    partners = {}
    for key, (code, name, acronym) in PARTNERS.items():
        partners[key] = PartnerFactory(locale=locales[code], name=name, acronym=acronym)
    return {"locales": locales, "homes": homes, "pages": pages, "partners": partners}


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The six-language corpus (see `build_corpus`), rolled back after the module."""
    yield from rolled_back(django_db_blocker, build_corpus)


@pytest.fixture
def pages(corpus, db):
    return corpus["pages"]


@pytest.fixture
def partners(corpus, db):
    return corpus["partners"]
