"""Opportunities in several languages, and the form data a visitor sends."""

import time

import pytest
from django.core.cache import cache

from cms.core.public_forms import FILL_TIME_FIELD, fill_token
from cms.pages.models import OpportunityIndexPage, OpportunityPage

from .translations import compile_catalogue


@pytest.fixture(scope="session")
def test_catalogue(tmp_path_factory):
    return compile_catalogue(tmp_path_factory.mktemp("locale"))


@pytest.fixture(autouse=True)
def _test_translations(settings, test_catalogue):
    """The tests' French and Arabic catalogue of the form's strings (see translations.py)."""
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, test_catalogue]


@pytest.fixture(autouse=True)
def _clear_cache():
    """The rate limit counts in the cache, and Wagtail keeps the sites' root paths there; both
    outlive the rolled-back transaction of each test."""
    cache.clear()
    yield
    cache.clear()


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def opportunity_index(home_page):
    index = OpportunityIndexPage(title="Opportunities", slug="opportunities")
    home_page.add_child(instance=index)
    return publish(index)


def make_opportunity(index, **fields):
    fields.setdefault("title", "Smart villages in the Sahel")
    fields.setdefault("slug", "smart-villages")
    fields.setdefault("contact_name", "Amina Diallo")
    fields.setdefault("contact_email", "amina.diallo@itu.example")
    page = OpportunityPage(**fields)
    index.add_child(instance=page)
    return publish(page)


@pytest.fixture
def opportunity(opportunity_index):
    """An open opportunity, live, in English."""
    return make_opportunity(opportunity_index)


@pytest.fixture
def translate(locales):
    """Translate and publish a page (its parents must be translated first)."""

    def _translate(page, language_code, title):
        translation = page.copy_for_translation(locales[language_code]).specific
        translation.title = title
        publish(translation)
        cache.clear()  # the new home page is a new site root path
        return translation

    return _translate


@pytest.fixture
def french_opportunity(home_page, opportunity_index, opportunity, translate):
    translate(home_page, "fr", "Partenariats pour le développement numérique")
    translate(opportunity_index, "fr", "Opportunités")
    return translate(opportunity, "fr", "Villages intelligents au Sahel")


@pytest.fixture
def arabic_opportunity(home_page, opportunity_index, opportunity, translate):
    translate(home_page, "ar", "شراكات من أجل التنمية الرقمية")
    translate(opportunity_index, "ar", "الفرص")
    return translate(opportunity, "ar", "القرى الذكية في منطقة الساحل")


@pytest.fixture
def form_data():
    """What a visitor types in a valid expression of interest."""
    return {
        "organisation": "Fondation Pierre Fabre",
        "contact_name": "Claire Martin",
        "email": "claire.martin@fondation.example",
        "support": "expertise",
        "message": "Nous pouvons apporter une expertise en e-santé.\nÀ discuter.",
        "consent": "on",
        "website": "",
        # The form as shown a minute ago: a person takes that long to fill it in.
        FILL_TIME_FIELD: fill_token(time.time() - 60),
    }


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """POST the form to a page as a browser does; the e-mail tasks, queued when the
    transaction commits, run (immediate backend) before this returns."""

    def _send(page, data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(page.url, data, **extra)

    return _send
