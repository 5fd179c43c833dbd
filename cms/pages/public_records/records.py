"""The public face of the funding-partner database: partners, their public agreements and
their recognitions, in a visitor's language, as plain records (loaded by `loaders`).

Views, templates and the JSON API only ever receive these records, never model instances:
a field that is not copied here (internal notes, contacts, other names, confidential
agreements, agreement notes and documents) cannot reach a public page by mistake.

A partner is known by the id of its English row, which stays the same in every language;
its name, mandate and strategy come from its translation in the visitor's language when one
exists (the English text otherwise, marked as English).
"""

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.utils.text import slugify

from cms.core.visibility import live_homes, public_pages, site_for_request
from cms.snippets.models import SOURCE_LOCALE, Partner
from cms.snippets.terms import Term, load_terms

__all__ = [
    "SOURCE",
    "CountryName",
    "PartnerLink",
    "ProfileLinks",
    "PublicAgreement",
    "PublicPartner",
    "PublicRecognition",
    "Vocabularies",
    "funding_partners",
    "name_initial",
    "partner_slug",
    "translated_partner_names",
]

SOURCE = settings.LANGUAGE_CODE


@dataclass(frozen=True)
class CountryName:
    """A country by ISO code, named in the visitor's language."""

    code: str
    name: str


@dataclass(frozen=True)
class PartnerLink:
    """Another partner named on a page (a parent organization, an award winner), with the
    address of its profile when it has one in the visitor's language."""

    pk: int
    name: str
    language: str
    url: str | None = None


@dataclass(frozen=True)
class PublicPartner:
    """What anyone may know about a funding partner.

    `language` is the language of the name, acronym, mandate and strategy: the visitor's, or
    English while the partner is not translated; `fallback_language` is that language when it
    is not the visitor's (the page then says the record is in English only). Terms are named
    in the visitor's language.
    """

    pk: int
    slug: str
    name: str
    acronym: str
    language: str
    kind: Term | None
    headquarters_country: CountryName | None
    website: str
    logo: object  # a Wagtail image, or None
    membership_category: Term | None
    parent: PartnerLink | None
    mandate: str  # rich text, as stored
    development_strategy: str  # rich text, as stored
    priority_areas: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    countries: list = field(default_factory=list)
    funding_types: list = field(default_factory=list)
    funding_mechanism: Term | None = None
    url: str | None = None
    fallback_language: str | None = None

    @property
    def initial(self):
        return name_initial(self.name)


@dataclass(frozen=True)
class PublicAgreement:
    """A non-confidential agreement of a partner, as the archive may show it to anyone."""

    pk: int
    reference: str
    title: str
    agreement_type: Term | None
    year: int | None  # None when the signature date was not recorded
    regions: list
    primary_area: Term | None
    amount_usd: Decimal | None
    url: str | None = None  # its public page, in the visitor's language


@dataclass(frozen=True)
class PublicRecognition:
    """An award given to a partner, in the visitor's language where translated (`language`
    says which). `pk` is the id of its English row, the same in every language.
    `fallback_language` is set (to English) when the award or its partner's name is shown in
    English on another language's page."""

    pk: int
    award_title: str
    occasion: str
    year: int
    citation: str  # rich text, as stored
    language: str
    partner: PartnerLink
    # The occasion as written in English: awards of one occasion are grouped by it even
    # when only some of them are translated.
    occasion_key: tuple = ()
    fallback_language: str | None = None


def partner_slug(english_name):
    """The slug of a partner's profile address: from its English name, so that the address
    is the same in every language (and ASCII in Arabic and Chinese too)."""
    return slugify(english_name) or "partner"


def name_initial(name):
    """The letter a name is filed under in the directory: its first letter or digit,
    without accents ("Éthiopie" under E, "أستراليا" under ا), "#" for a digit."""
    for character in name:
        if character.isalnum():
            base = unicodedata.normalize("NFKD", character)[0]
            return "#" if base.isdigit() else base.upper()
    return "#"


def funding_partners():
    """The English rows of the funding-partner database, the ones the directory lists."""
    return Partner.objects.filter(**SOURCE_LOCALE, is_funding_partner=True)


class Vocabularies:
    """The vocabularies of one language, each read on first use and then kept (one query per
    vocabulary for a whole page)."""

    def __init__(self, language_code):
        self.language_code = language_code
        self._lists = {}

    def __getitem__(self, model):
        if model not in self._lists:
            self._lists[model] = load_terms(model, self.language_code)
        return self._lists[model]


def _directory_model():
    """The partner directory's page type, looked up by name: that type lists its profiles in
    the sitemap through these links, so importing it here would close a cycle."""
    return apps.get_model("pages", "PartnerDirectoryPage")


class ProfileLinks:
    """Addresses of partner profiles under one partner-directory page (none without one)."""

    def __init__(self, directory, request=None):
        self.directory = directory
        self.base_url = (directory.get_url(request) or "") if directory else ""

    def url(self, pk, slug):
        if not self.base_url:
            return None
        path = self.directory.reverse_subpage("partner", args=(pk, slug))
        return self.base_url.rstrip("/") + "/" + path.lstrip("/")

    @classmethod
    def for_language(cls, language_code, request=None):
        """The links under the public partner directory of a language on the site serving
        `request` (by the rule of the sitemaps: live, not private, under a live home page),
        if there is one."""
        homes = live_homes(site_for_request(request))
        directory = (
            public_pages(homes, language_code, model=_directory_model()).order_by("path").first()
        )
        return cls(directory, request)


def translated_partner_names(translation_keys, language_code, fields=("name",)):
    """{translation key: {field: value}} of the partners' translations in a language (only
    the public fields asked for), in one query; empty in English."""
    if language_code == SOURCE or not translation_keys:
        return {}
    rows = Partner.objects.filter(
        locale__language_code=language_code, translation_key__in=set(translation_keys)
    ).values("translation_key", *fields)
    return {row.pop("translation_key"): row for row in rows}
