"""Vocabularies, a registration page and opportunities in English and French, and helpers to
act as a subscriber (register, read the e-mails, follow their links)."""

import functools
import re
import time

import pytest
from django.core import mail
from django.core.cache import cache

from cms.alerts.models import RegistrationPage
from cms.core.public_forms import FILL_TIME_FIELD, fill_token
from cms.pages.models import OpportunityIndexPage, OpportunityPage
from cms.snippets.factories.vocabularies import (
    BeneficiaryRegionFactory,
    PartnerKindFactory,
    ThematicAreaFactory,
)

from .mail import BACKEND, FlakyBackend


@pytest.fixture(autouse=True)
def _alerts_settings(settings):
    settings.EMAIL_BACKEND = BACKEND
    FlakyBackend.down = False
    FlakyBackend.attempts = 0
    cache.clear()
    yield
    FlakyBackend.down = False
    cache.clear()


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def terms(db):
    return make_terms()


def make_terms():
    """Source-language terms, by code."""
    return {
        "cyber": ThematicAreaFactory(code="cybersecurity", name="Cybersecurity"),
        "infra": ThematicAreaFactory(code="infrastructure", name="Infrastructure"),
        "afr": BeneficiaryRegionFactory(code="afr", name="Africa"),
        "eur": BeneficiaryRegionFactory(code="eur", name="Europe"),
        "gov": PartnerKindFactory(),
    }


@pytest.fixture
def translate(locales):
    return functools.partial(translate_page, locales)


def translate_page(locales, page, language_code, title, **fields):
    """The page's translation into a language, with this title and these fields, published."""
    copy = page.copy_for_translation(locales[language_code]).specific
    copy.title = title
    for name, value in fields.items():
        setattr(copy, name, value)
    publish(copy)
    cache.clear()
    return copy


@pytest.fixture
def site_pages(home_page, translate, terms):
    return make_site_pages(home_page, translate)


def make_site_pages(home_page, translate):
    """English and French home, opportunity index and registration pages."""
    index = OpportunityIndexPage(title="Opportunities", slug="opportunities")
    home_page.add_child(instance=index)
    publish(index)
    register = RegistrationPage(title="Register", slug="register", introduction="Hear of news.")
    home_page.add_child(instance=register)
    publish(register)
    translate(home_page, "fr", "Partenariats")
    return {
        "index": index,
        "fr_index": translate(index, "fr", "Opportunités"),
        "register": register,
        "fr_register": translate(register, "fr", "Inscription"),
    }


@pytest.fixture
def draft_opportunity(site_pages, terms):
    """Make an English opportunity as a draft (never published), with its terms."""
    from cms.pages.models import OpportunityRegion, OpportunityThematicArea

    def _make(slug, areas=("cyber",), regions=("afr",), kind=OpportunityPage.Kind.PROJECT):
        page = OpportunityPage(
            title=slug.replace("-", " ").capitalize(),
            slug=slug,
            introduction="A project that needs partners.",
            kind=kind,
            contact_name="Amina Diallo",
            contact_email="amina@itu.example",
            live=False,
            thematic_areas=[OpportunityThematicArea(area=terms[a]) for a in areas],
            regions=[OpportunityRegion(region=terms[r]) for r in regions],
        )
        site_pages["index"].add_child(instance=page)
        page.save_revision()
        return page

    return _make


def registration_data(terms, **overrides):
    data = {
        "organisation": "Agence numérique du Sénégal",
        "kind": str(terms["gov"].pk),
        "country": "SN",
        "contact_name": "Awa Ndiaye",
        "email": "awa.ndiaye@example.sn",
        "language": "fr",
        "areas": [str(terms["cyber"].pk)],
        "regions": [str(terms["afr"].pk)],
        "frequency": "immediate",
        "consent": "on",
        "website": "",
        # The form as shown a minute ago: a person takes that long to fill it in.
        FILL_TIME_FIELD: fill_token(time.time() - 60),
    }
    data.update(overrides)
    return data


@pytest.fixture
def register(client, site_pages, terms, django_capture_on_commit_callbacks):
    """POST the registration form (French page) and run what is queued on commit."""

    def _register(page=None, **overrides):
        page = page or site_pages["fr_register"]
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(page.url, registration_data(terms, **overrides))

    return _register


def link_in(message, name):
    """The address of one of the subscriber's pages in an e-mail's plain text."""
    match = re.search(rf"https?://testserver(/[\w-]+/subscription/{name}/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def confirmed(register, client, django_capture_on_commit_callbacks):
    """Register and confirm; return the confirmation e-mail."""

    def _confirmed(**overrides):
        register(**overrides)
        message = mail.outbox[-1]
        with django_capture_on_commit_callbacks(execute=True):
            client.post(link_in(message, "confirm"))
        return message

    return _confirmed
