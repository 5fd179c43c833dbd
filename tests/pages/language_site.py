"""A site in the six languages with one of every public page type, for the tests of the
language links (`test_language_links`): built once per module, rolled back after it.

Every page is translated into the five other languages (most under slugs of their own), but
for "About", which is live in English, French and Arabic only (its Spanish translation is a
draft). Of the two funding partners, one is translated into every language and the other is
English only: its profile in another language is the English record under that language's
directory (the fallback).
"""

import datetime
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from cms.alerts.links import token
from cms.alerts.models import RegistrationPage, Subscriber
from cms.pages.directory_factories import PartnerDirectoryPageFactory, RecognitionsPageFactory
from cms.pages.factories import StandardPageFactory
from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from cms.pages.models import OpportunityPage
from cms.reports.models import StatisticsPage
from tests.pages.directory import data
from tests.sponsorship.records import make_event

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]
OTHER_LANGUAGES = LANGUAGES[1:]

#: The partner translated into every language: {language: name}.
PARTNER_NAMES = {
    "en": "African Development Bank",
    "fr": "Banque africaine de développement",
    "es": "Banco Africano de Desarrollo",
    "ru": "Африканский банк развития",
    "ar": "البنك الأفريقي للتنمية",
    "zh-hans": "非洲开发银行",
}
ENGLISH_ONLY_PARTNER = "Gates Foundation"


@dataclass
class LanguageSite:
    """The pages of the site by name and language, the partners and a subscriber's token."""

    pages: dict = field(default_factory=dict)  # {name: {language: page}}
    partner_id: int = 0
    english_only_partner_id: int = 0
    manage_token: str = ""


def _translate_everywhere(site, name, page, titles=None, slugs=None):
    """`page` and its live translations into every other language, kept under `name`."""
    site.pages[name] = {"en": page}
    for code in OTHER_LANGUAGES:
        values = {}
        if slugs:
            values["slug"] = slugs[code]
        title = (titles or {}).get(code) or f"{page.title} [{code}]"
        site.pages[name][code] = data.translate_page(page, code, title=title, **values)


def _own_slugs(slug):
    return {code: f"{slug}-{code}" for code in OTHER_LANGUAGES}


def build_language_site():
    """The site: see the module's docstring."""
    site = LanguageSite()
    vocab = data.make_vocabularies()
    home = Site.objects.get(is_default_site=True).root_page.specific
    _translate_everywhere(site, "home", home, titles={c: f"Home [{c}]" for c in LANGUAGES})

    standard = data.publish(home, StandardPageFactory, title="How to partner")
    _translate_everywhere(site, "how_to_partner", standard, slugs=_own_slugs("how-to-partner"))
    about = data.publish(home, StandardPageFactory, title="About")
    site.pages["about"] = {
        "en": about,
        "fr": data.translate_page(about, "fr", title="À propos", slug="a-propos"),
        "ar": data.translate_page(about, "ar", title="حول", slug="hawl"),
    }
    data.translate_page(about, "es", title="Acerca de", slug="acerca", live=False)

    index = data.publish(home, OpportunityIndexPageFactory)
    _translate_everywhere(site, "opportunities", index, slugs=_own_slugs("opportunities"))
    opportunity = OpportunityPageFactory(
        parent=index,
        title="Island cyber resilience",
        slug="island-cyber-resilience",
        thematic_areas=[vocab.areas["cybersecurity"]],
        regions=[vocab.regions["afr"]],
        status=OpportunityPage.Status.OPEN,
    )
    opportunity.save_revision().publish()
    _translate_everywhere(
        site, "opportunity", opportunity, slugs=_own_slugs("island-cyber-resilience")
    )

    directory = data.publish(home, PartnerDirectoryPageFactory)
    _translate_everywhere(site, "directory", directory, slugs=_own_slugs("partners"))
    recognitions = data.publish(home, RecognitionsPageFactory)
    _translate_everywhere(site, "recognitions", recognitions)
    partner = data.make_partner(
        vocab, PARTNER_NAMES["en"], kind="government", areas=["cybersecurity"], regions=["afr"]
    )
    for code in OTHER_LANGUAGES:
        data.translate_snippet(partner, code, name=PARTNER_NAMES[code])
    data.add_recognition(partner)
    site.partner_id = partner.pk
    site.english_only_partner_id = data.make_partner(
        vocab, ENGLISH_ONLY_PARTNER, kind="foundation"
    ).pk
    data.add_public_agreement(partner, vocab, 1, signature_date=datetime.date(2015, 3, 1))

    statistics = StatisticsPage(title="Statistics", slug="statistics")
    home.add_child(instance=statistics)
    statistics.save_revision().publish()
    _translate_everywhere(site, "statistics", statistics, slugs=_own_slugs("statistics"))

    event = make_event(home)
    sponsorship = event.get_parent().specific
    _translate_everywhere(site, "sponsorship", sponsorship, slugs=_own_slugs("sponsorship"))
    _translate_everywhere(site, "event", event, slugs=_own_slugs("gsr"))

    registration = RegistrationPage(title="Register", slug="register")
    home.add_child(instance=registration)
    registration.save_revision().publish()
    _translate_everywhere(site, "registration", registration)

    subscriber = Subscriber.objects.create(
        organisation="Agence numérique du Sénégal",
        kind=vocab.kinds["government"],
        country="SN",
        contact_name="Awa Ndiaye",
        email="awa@example.sn",
        language="fr",
        status=Subscriber.Status.CONFIRMED,
    )
    site.manage_token = token(subscriber, "manage")
    return site


def view_path(view_name, code, **kwargs):
    """The address of a view that is not a page (search, open data, a subscriber's page) in
    a language."""
    with translation.override(code):
        return reverse(view_name, kwargs=kwargs)
