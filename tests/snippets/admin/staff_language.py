"""Records and users for checking the admin in a staff member's language (French, Spanish,
Russian, Arabic or Chinese): vocabulary terms translated into those five languages, a
partner, an agreement, an opportunity, a sponsorship event with an application, and the
admin screens to look at (shared by the test-client and browser tests)."""

from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cms.core.roles import EDITORS, OFFICERS
from cms.demo.facts import read_json
from cms.demo.vocabularies import VOCABULARIES
from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from cms.sponsorship.models import SponsorshipApplication
from tests.sponsorship.conftest import form_data
from tests.sponsorship.records import make_archive_terms, make_discounts, make_event

from .interface_language import DATA_SELECTORS, IGNORED_TAGS, english_words_in
from .records import make_agreement, make_country, make_partner, make_user, term

__all__ = [
    "EDITORS_BY_LANGUAGE",
    "RECORD_DATA",
    "STAFF",
    "STAFF_LANGUAGES",
    "TERMS",
    "admin_screens",
    "english_leftovers",
    "make_admin_records",
    "make_editor",
    "make_officer",
    "make_staff_user",
    "make_terms",
    "visible_text",
]

# The names of the records the screens show that exist in English only (record data, not
# interface): the site's root and English home page (made by migrations), and the test's
# own records, which nobody translated.
RECORD_DATA = [
    "Root",
    "Partnerships for digital development",
    "Partnership opportunities",
    "Island cyber resilience",
    "Global Symposium for Regulators (GSR-Test)",
    "Welcome reception",
    "Coffee break",
    "Exhibition booth",
    "Acme Networks cyber drills",
    "Acme Networks",
    "Ada Lovelace",
    "We would like a booth.",  # the application's message
    # The opportunity's own text (cms/pages/factories_opportunities.py), in the editors and
    # as the source of its translation.
    "A project that needs partners.",
    "Partnerships team",
    "Connect schools to broadband.",
    "Five hundred schools online.",
]
# The languages of the admin checked: every language of the site but English.
STAFF_LANGUAGES = ["fr", "es", "ru", "ar", "zh-hans"]
# The staff members, by the language of their admin: a name of that language each.
STAFF = {"fr": "claire", "es": "lucia", "ru": "olga", "ar": "amina", "zh-hans": "meilin"}
EDITORS_BY_LANGUAGE = {
    "fr": "claudine",
    "es": "carmen",
    "ru": "tatiana",
    "ar": "layla",
    "zh-hans": "xiaoling",
}

# The terms the records use, by vocabulary of the demo's fact file.
USED_TERMS = {
    "partner_kinds": ["company", "government"],
    "membership_categories": ["member-state", "sector-member", "associate", "academia", "none"],
    "thematic_areas": ["cybersecurity", "capacity-building", "generic"],
    "regions": ["afr", "glo"],
    "agreement_types": ["mou", "sponsorship-agreement"],
    "funding_types": ["grant"],
}


def _terms():
    facts = read_json("vocabularies.json")
    names = {}
    for key, codes in USED_TERMS.items():
        by_code = {fact["code"]: fact["names"] for fact in facts[key]}
        for code in codes:
            names[(VOCABULARIES[key], code)] = by_code[code]
    return names


# (model, code): {language code: name} of the terms the records use, in the six languages,
# as the demo names them (cms/demo/data/vocabularies.json).
TERMS = _terms()


def make_terms():
    """The English rows of `TERMS`, each translated into the five other languages."""
    locales = Locale.objects.filter(language_code__in=STAFF_LANGUAGES)
    rows = {}
    for (model, code), names in TERMS.items():
        row = term(model, code, names["en"])
        row.name = names["en"]
        row.save()
        for locale in locales:
            if row.get_translation_or_none(locale) is None:
                copy = row.copy_for_translation(locale)
                copy.name = names[locale.language_code]
                copy.save()
        rows[code] = row
    return rows


def make_admin_records(home_page):
    """Everything the admin screens of `admin_screens` show; returns {name: object}."""
    make_archive_terms()
    terms = make_terms()
    categories = {
        code: terms[code]
        for code in ("member-state", "sector-member", "associate", "academia", "none")
    }
    event = make_event(home_page)
    make_discounts(categories, event)
    package = event.packages.get(tier="gold")
    cache.clear()  # the public form's rate limit counts earlier tests' submissions
    Client().post(event.url, form_data(package, categories["sector-member"]))
    application = SponsorshipApplication.objects.get()
    country = make_country("CI", "afr")
    partner = make_partner(
        "Acme Networks",
        kind="company",
        membership_category=terms["sector-member"],
        headquarters_country=country,
        is_funding_partner=True,
    )
    agreement = make_agreement(
        partners=[partner],
        primary_area=terms["cybersecurity"],
        title="Acme Networks cyber drills",
    )
    index = OpportunityIndexPageFactory(parent=home_page)
    opportunity = OpportunityPageFactory(
        parent=index,
        title="Island cyber resilience",
        thematic_areas=[terms["cybersecurity"]],
        regions=[terms["afr"]],
        countries=[country],
    )
    return {
        "terms": terms,
        "partner": partner,
        "agreement": agreement,
        "opportunity": opportunity,
        "event": event,
        "application": application,
    }


def make_staff_user(username, language, *groups, **extra):
    user = make_user(username, *groups, **extra)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def make_officer(language):
    """A partnership officer (and administrator) who reads the admin in `language`."""
    return make_staff_user(STAFF[language], language, OFFICERS, is_superuser=True)


def make_editor(language):
    """An editor, who may not import: the import page refuses them."""
    return make_staff_user(EDITORS_BY_LANGUAGE[language], language, EDITORS)


def admin_screens(records):
    """(name, address) of the admin screens checked, for a superuser."""
    terms = records["terms"]
    return [
        ("dashboard", "/admin/"),
        ("pages explorer", f"/admin/pages/{records['opportunity'].get_parent().pk}/"),
        ("opportunity form", f"/admin/pages/{records['opportunity'].pk}/edit/"),
        ("partners", "/admin/snippets/snippets/partner/"),
        ("partner form", f"/admin/snippets/snippets/partner/edit/{records['partner'].pk}/"),
        ("agreements", "/admin/snippets/snippets/agreement/"),
        ("agreement form", f"/admin/snippets/snippets/agreement/edit/{records['agreement'].pk}/"),
        ("thematic areas", "/admin/snippets/snippets/thematicarea/"),
        (
            "thematic area form",
            f"/admin/snippets/snippets/thematicarea/edit/{terms['cybersecurity'].pk}/",
        ),
        ("membership categories", "/admin/snippets/snippets/membershipcategory/"),
        ("countries", "/admin/snippets/snippets/country/"),
        ("import", "/admin/imports/"),
        ("partner finder", "/admin/partner-finder/"),
        ("partner finder results", "/admin/partner-finder/?area=cybersecurity&kind=company"),
        ("translations", "/admin/translations/"),
        ("sponsorship applications", "/admin/sponsorship/applications/"),
        (
            "sponsorship application",
            f"/admin/sponsorship/applications/inspect/{records['application'].pk}/",
        ),
        (
            "agreement record",
            f"/admin/snippets/snippets/agreement/inspect/{records['agreement'].pk}/",
        ),
        ("partner record", f"/admin/snippets/snippets/partner/inspect/{records['partner'].pk}/"),
        ("membership discounts", "/admin/sponsorship/discounts/"),
    ]


def visible_text(html):
    """The text of an admin screen a person reads, without the record data of
    `DATA_SELECTORS`: text nodes, button values and placeholders (hidden elements and the
    values of buttons only screen readers reach left out)."""
    soup = BeautifulSoup(html, "html.parser")
    for element in [*soup.find_all(IGNORED_TAGS), *soup.select("[hidden], .w-sr-only input")]:
        element.decompose()
    for selector in DATA_SELECTORS:
        for element in soup.select(selector):
            element.decompose()
    body = soup.body or soup
    parts = [body.get_text(" ", strip=True)]
    for element in body.select("[placeholder]"):
        parts.append(element["placeholder"])
    for element in body.select("input[type=submit][value], input[type=button][value]"):
        parts.append(element["value"])
    return " ".join(parts)


def english_leftovers(html, language):
    return english_words_in(visible_text(html), language, RECORD_DATA)
