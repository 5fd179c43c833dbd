"""Records and users for checking the admin in a staff member's language: vocabulary terms
translated into French and Arabic, a partner, an agreement, an opportunity, a sponsorship
event with an application, and the admin screens to look at (shared by the test-client and
browser tests)."""

from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cms.core.roles import EDITORS, OFFICERS
from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from cms.snippets.models import (
    AgreementType,
    BeneficiaryRegion,
    FundingType,
    MembershipCategory,
    PartnerKind,
    ThematicArea,
)
from cms.sponsorship.models import SponsorshipApplication
from tests.sponsorship.conftest import form_data
from tests.sponsorship.records import make_archive_terms, make_discounts, make_event

from .interface_language import DATA_SELECTORS, IGNORED_TAGS, english_words_in
from .records import make_agreement, make_country, make_partner, make_user, term

__all__ = [
    "RECORD_DATA",
    "STAFF",
    "TERMS",
    "admin_screens",
    "english_leftovers",
    "make_admin_records",
    "make_officer",
    "make_staff_user",
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
# The staff members, by the language of their admin: a French and an Arabic name each.
STAFF = {"fr": "claire", "ar": "amina"}
EDITORS_BY_LANGUAGE = {"fr": "claudine", "ar": "layla"}

# (model, code): English, French and Arabic names of the terms the records use.
TERMS = {
    (PartnerKind, "company"): ("Private company", "Entreprise privée", "شركة خاصة"),
    (PartnerKind, "government"): ("Government", "Gouvernement", "حكومة"),
    (MembershipCategory, "member-state"): ("Member State", "État Membre", "دولة عضو"),
    (MembershipCategory, "sector-member"): ("Sector Member", "Membre de Secteur", "عضو قطاع"),
    (MembershipCategory, "associate"): ("Associate", "Associé", "منتسب"),
    (MembershipCategory, "academia"): ("Academia", "Établissement universitaire", "هيئة أكاديمية"),
    (MembershipCategory, "none"): ("None", "Aucune", "لا شيء"),
    (ThematicArea, "cybersecurity"): ("Cybersecurity", "Cybersécurité", "الأمن السيبراني"),
    (ThematicArea, "capacity-building"): (
        "Capacity building",
        "Renforcement des capacités",
        "بناء القدرات",
    ),
    (ThematicArea, "generic"): ("Generic", "Générique", "عام"),
    (BeneficiaryRegion, "afr"): ("Africa", "Afrique", "أفريقيا"),
    (BeneficiaryRegion, "glo"): ("Global", "Mondial", "عالمي"),
    (AgreementType, "mou"): (
        "Memorandum of understanding",
        "Mémorandum d'accord",
        "مذكرة تفاهم",
    ),
    (AgreementType, "sponsorship-agreement"): (
        "Sponsorship agreement",
        "Accord de parrainage",
        "اتفاق رعاية",
    ),
    (FundingType, "grant"): ("Grant", "Subvention", "منحة"),
}


def make_terms():
    french = Locale.objects.get(language_code="fr")
    arabic = Locale.objects.get(language_code="ar")
    rows = {}
    for (model, code), (english, in_french, in_arabic) in TERMS.items():
        row = term(model, code, english)
        row.name = english
        row.save()
        for locale, name in ((french, in_french), (arabic, in_arabic)):
            if row.get_translation_or_none(locale) is None:
                copy = row.copy_for_translation(locale)
                copy.name = name
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
