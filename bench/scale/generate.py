"""Scale data: the demo archive grown to a multiple of its size, to measure the search and the
partner finder at the size of a real portal (`bench/generate_scale_data.py`, `bench/`).
It lives with the benchmark, not in the installed `cms.demo`: the site and its demo never run
it, and it builds on the demo's loaders (`cms.demo`), which it imports.

On top of the demo (its vocabularies, countries and the opportunities index in six languages),
it adds partners (with priority areas, regions, countries and funding types; a share of them
translated into the five other languages through wagtail-localize), agreements (signed
2000-2026, in every area and region, of every value, with their partners and some
amendments) and opportunity pages, each modelled on a demo opportunity and set in another
country, published in English and translated into the five other languages through
wagtail-localize, so that each language has its own text to search.

Everything is drawn from a seeded random generator per record (`seed`, kind, number), so the
same targets give the same records. The targets are totals: records that already exist
(demo or generated) count towards them, so running again with the same targets adds nothing,
and a larger factor adds only what is missing. Generated records are recognisable: agreement
references start with `GEN-`, partner websites end with `.scale.example`, opportunity slugs
end with `-scale-<number>`.
"""

import datetime
import random
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_countries import countries as country_names
from wagtail.models import Locale

from bench.scale import text as words
from cms.core.money import usd_rate
from cms.demo.agreements import agreement_row, through_rows
from cms.demo.content import html_list, stream_blocks, texts
from cms.demo.localize import translate_into
from cms.demo.materials import opportunity_facts
from cms.demo.vocabularies import VOCABULARIES
from cms.pages.models import (
    OpportunityCountry,
    OpportunityIndexPage,
    OpportunityPage,
    OpportunityPartnerKind,
    OpportunityRegion,
    OpportunitySDG,
    OpportunityThematicArea,
)
from cms.snippets.models import (
    Agreement,
    AgreementPartner,
    Country,
    Partner,
    PartnerCountry,
    PartnerFundingType,
    PartnerRegion,
    PartnerThematicArea,
)

__all__ = [
    "AGREEMENT_PREFIX",
    "DEFAULT_SEED",
    "SCALE_PER_FACTOR",
    "MissingDemoData",
    "ScaleBase",
    "Targets",
    "agreement_planner",
    "current_counts",
    "generate_agreements",
    "generate_opportunities",
    "generate_partners",
    "link_opportunity_agreements",
    "load_base",
    "targets_for",
]

DEFAULT_SEED = 2017
#: The size of one unit of factor: at --factor 10, 1,100 partners, 10,000 agreements and 100
#: English opportunities (600 pages in six languages), the demo's records included.
SCALE_PER_FACTOR = {"partners": 110, "agreements": 1000, "opportunities": 10}
AGREEMENT_PREFIX = "GEN-"
WEBSITE_SUFFIX = ".scale.example"
SLUG_MARK = "-scale-"
#: Share of generated partners (of the kinds whose names are translated) translated into the
#: five other languages.
TRANSLATED_SHARE = 0.2
KEY_NAMESPACE = uuid.UUID("6b1f0e52-3c1d-4f7a-9a57-0d2c5e8b41a7")
FIRST_YEAR, LAST_YEAR = 2000, 2026
INTRODUCTION_MAX = 600

KIND_WEIGHTS = {
    "government": 30,
    "company": 18,
    "foundation": 12,
    "academia": 12,
    "ngo": 9,
    "development-agency": 8,
    "international-organization": 5,
    "development-bank": 4,
    "un-agency": 2,
}
TYPE_WEIGHTS = {
    "mou": 18,
    "cooperation-agreement": 22,
    "voluntary-contribution": 20,
    "sponsorship-agreement": 8,
    "letter-of-intent": 7,
    "project-document": 18,
    "framework-agreement": 7,
}
AREA_WEIGHTS = {
    "capacity-building": 20,
    "ict-applications": 14,
    "generic": 10,
    "infrastructure": 13,
    "cybersecurity": 10,
    "enabling-environment": 9,
    "emergency-telecommunications": 6,
    "digital-inclusion": 7,
    "innovation": 5,
    "climate-change-e-waste": 3,
    "statistics-indicators": 3,
}
CURRENCY_WEIGHTS = {"USD": 70, "EUR": 12, "CHF": 8, "GBP": 4, "JPY": 3, "SEK": 3}
STATUS_WEIGHTS = {"open": 60, "in_discussion": 20, "funded": 15, "closed": 5}
AMENDMENT_SHARE = 0.1


class MissingDemoData(Exception):
    """The demo data this command builds on is not in the database."""


@dataclass(frozen=True)
class Targets:
    """How many English partners, agreements and English opportunity pages the database
    should hold once generated (demo records included)."""

    partners: int
    agreements: int
    opportunities: int


def targets_for(factor, partners=None, agreements=None, opportunities=None):
    """The totals for `factor` times the demo scale, each replaced by its override if given."""
    scaled = {key: round(per * factor) for key, per in SCALE_PER_FACTOR.items()}
    return Targets(
        partners=scaled["partners"] if partners is None else partners,
        agreements=scaled["agreements"] if agreements is None else agreements,
        opportunities=scaled["opportunities"] if opportunities is None else opportunities,
    )


def current_counts(base):
    """The records that count towards the targets: English partners, agreements, English
    opportunity pages."""
    return Targets(
        partners=Partner.objects.filter(locale=base.source).count(),
        agreements=Agreement.objects.count(),
        opportunities=OpportunityPage.objects.filter(locale=base.source).count(),
    )


# --- What the generation builds on --------------------------------------------------------


@dataclass
class ScaleBase:
    """The demo records the generation builds on: the English locale and the others, the
    English vocabulary terms by code, their names in each language, the countries by ISO
    code with their region, and the English opportunities index."""

    source: Locale
    targets: list
    terms: dict
    term_names: dict
    countries: dict
    region_countries: dict
    index: OpportunityIndexPage
    _country_names: dict = field(default_factory=dict)

    def name(self, key, code, language):
        """The name of a vocabulary term in `language` (the English name if untranslated)."""
        term = self.terms[key][code]
        names = self.term_names[key].get(term.translation_key, {})
        return names.get(language) or term.name

    def country_name(self, code, language):
        """A country's name in `language`, as django-countries gives it."""
        if (code, language) not in self._country_names:
            with translation.override(language):
                self._country_names[(code, language)] = str(country_names.name(code))
        return self._country_names[(code, language)]


def load_base():
    """The demo records the generation needs (see ScaleBase).

    Raises MissingDemoData, saying what is missing, when the demo was not loaded.
    """
    missing = []
    source = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    targets = list(Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("pk"))
    if source is None or len(targets) < len(words.LANGUAGES) - 1:
        raise MissingDemoData(_("the six locales"))
    terms, term_names = {}, {}
    for key, model in VOCABULARIES.items():
        rows = list(model.objects.select_related("locale"))
        terms[key] = {row.code: row for row in rows if row.locale_id == source.pk}
        term_names[key] = {}
        for row in rows:
            term_names[key].setdefault(row.translation_key, {})[row.locale.language_code] = row.name
        if not terms[key] and _("the vocabularies") not in missing:
            missing.append(_("the vocabularies"))
    countries = {str(country.code): country for country in Country.objects.all()}
    if not countries:
        missing.append(_("the countries"))
    index = OpportunityIndexPage.objects.filter(locale=source).first()
    if index is None:
        missing.append(_("the opportunities index page"))
    else:
        translated = set(
            OpportunityIndexPage.objects.filter(
                translation_key=index.translation_key, live=True
            ).values_list("locale_id", flat=True)
        )
        if any(locale.pk not in translated for locale in targets):
            missing.append(_("the translations of the opportunities index page"))
    if missing:
        raise MissingDemoData(", ".join(str(item) for item in missing))
    region_of = {pk: code for code, term in terms["regions"].items() for pk in [term.pk]}
    region_countries = {}
    for code, country in sorted(countries.items()):
        if country.region_id in region_of:
            region_countries.setdefault(region_of[country.region_id], []).append(code)
    return ScaleBase(
        source=source,
        targets=targets,
        terms=terms,
        term_names=term_names,
        countries=countries,
        region_countries=region_countries,
        index=index,
    )


def _rng(seed, kind, number):
    """The random generator of one record: the same record for the same seed and number."""
    return random.Random(f"{seed}:{kind}:{number}")  # noqa: S311 - test data, not secrets


def _weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _paragraph(text):
    return f"<p>{escape(text)}</p>"


def _joined(names, language):
    return {"zh-hans": "、", "ar": "، "}.get(language, ", ").join(names)


def _region_code(base, country_code):
    region_id = base.countries[country_code].region_id
    for code, term in base.terms["regions"].items():
        if term.pk == region_id:
            return code
    return "glo"


# --- Partners -----------------------------------------------------------------------------


@dataclass
class _PlannedPartner:
    number: int
    name: str
    kind: str
    country: str
    areas: list
    regions: list
    countries: list
    funding_types: list
    funding_partner: bool
    portfolio: int | None = None  # the ministry's portfolio, for a government
    translatable: bool = False


def _acronym(name):
    letters = [word[0] for word in re.findall(r"[A-Za-z][\w-]*", name) if word[0].isupper()]
    return "".join(letters)[:10] if len(letters) >= 2 else ""


def _partner_name(rng, kind, country_name):
    """(English name, portfolio index or None, whether the name is translatable)."""
    if kind == "government":
        portfolio = rng.randrange(len(words.PORTFOLIOS))
        name = words.TRANSLATED_NAMES["government"]["en"].format(
            portfolio=words.PORTFOLIOS[portfolio]["en"], country=country_name
        )
        return name, portfolio, True
    if kind in words.TRANSLATED_NAMES and rng.random() < 0.6:
        return words.TRANSLATED_NAMES[kind]["en"].format(country=country_name), None, True
    if kind == "academia":
        pattern = rng.choice(["{c} Institute of Technology", "{c} Polytechnic University"])
        return pattern.format(c=country_name), None, False
    if kind == "development-agency":
        return f"{country_name} Agency for Development Cooperation", None, False
    if kind == "development-bank":
        return f"{country_name} Investment Bank", None, False
    if kind == "foundation":
        surname = rng.choice(words.SURNAMES)
        cause = rng.choice(words.FOUNDATION_CAUSES)
        return f"{surname} Foundation for {cause}", None, False
    if kind == "company":
        first, second, third = words.COMPANY_PARTS
        brand = rng.choice(first) + rng.choice(second)
        return f"{brand} {rng.choice(third)}", None, False
    if kind == "ngo":
        cause = rng.choice(words.FOUNDATION_CAUSES)
        return f"{cause} Network of {country_name}", None, False
    body = rng.choice(words.REGIONAL_BODIES)
    if kind == "un-agency":
        return f"United Nations {body} Programme", None, False
    return f"{country_name} {body}", None, False


def _plan_partner(base, seed, number, taken):
    rng = _rng(seed, "partner", number)
    kind = _weighted(rng, KIND_WEIGHTS)
    members = sorted(code for codes in base.region_countries.values() for code in codes)
    country = rng.choice(members)
    name, portfolio, translatable = _partner_name(rng, kind, base.country_name(country, "en"))
    if name in taken:
        # The same organization twice: a branch of it, named apart and never translated.
        name, translatable = f"{name} ({number})", False
    taken.add(name)
    area_codes = sorted(base.terms["thematic_areas"])
    home = _region_code(base, country)
    other_regions = [code for code in sorted(base.terms["regions"]) if code != home]
    regions = [home, *rng.sample(other_regions, rng.randint(0, 2))]
    pool = sorted({code for region in regions for code in base.region_countries.get(region, [])})
    return _PlannedPartner(
        number=number,
        name=name,
        kind=kind,
        country=country,
        areas=rng.sample(area_codes, rng.randint(1, 4)),
        regions=regions,
        countries=rng.sample(pool, min(len(pool), rng.randint(0, 4))),
        funding_types=rng.sample(sorted(base.terms["funding_types"]), rng.randint(1, 3)),
        funding_partner=rng.random() < 0.85,
        portfolio=portfolio,
        translatable=translatable and rng.random() < TRANSLATED_SHARE,
    )


def _mandate(base, planned, language):
    areas = [base.name("thematic_areas", code, language) for code in planned.areas]
    regions = [base.name("regions", code, language) for code in planned.regions]
    return _paragraph(
        words.MANDATES[language].format(
            areas=_joined(areas, language), regions=_joined(regions, language)
        )
    )


def _strategy(planned, language):
    return _paragraph(words.STRATEGIES[language].format(years=3 + planned.number % 3))


def _translated_partner_values(base, planned, language):
    country = base.country_name(planned.country, language)
    template = words.TRANSLATED_NAMES[planned.kind][language]
    portfolio = (
        words.PORTFOLIOS[planned.portfolio][language] if planned.portfolio is not None else ""
    )
    return {
        "name": template.format(country=country, portfolio=portfolio),
        "mandate": _mandate(base, planned, language),
        "development_strategy": _strategy(planned, language),
    }


def generate_partners(base, count, seed=DEFAULT_SEED, progress=None):
    """Create `count` English partners with their relations, and translate a share of them
    into the five other languages; return (created, translations written)."""
    if count <= 0:
        return 0, 0
    start = Partner.objects.filter(locale=base.source, website__endswith=WEBSITE_SUFFIX).count()
    taken = set(Partner.objects.filter(locale=base.source).values_list("name", flat=True))
    plans = [_plan_partner(base, seed, start + i, taken) for i in range(count)]
    terms = base.terms
    objects = []
    for planned in plans:
        mechanism = _rng(seed, "mechanism", planned.number).choice(
            [None, *sorted(terms["funding_mechanisms"])]
        )
        membership = {
            "government": "member-state",
            "company": "sector-member",
            "academia": "academia",
        }.get(planned.kind, "none" if planned.number % 3 else "associate")
        slug = re.sub(r"[^a-z0-9]+", "-", planned.name.lower()).strip("-")[:40]
        objects.append(
            Partner(
                locale=base.source,
                translation_key=uuid.uuid5(KEY_NAMESPACE, f"partner:{seed}:{planned.number}"),
                name=planned.name,
                acronym=_acronym(planned.name) if planned.kind != "company" else "",
                kind=terms["partner_kinds"][planned.kind],
                headquarters_country=base.countries[planned.country],
                website=f"https://{slug}-{planned.number}{WEBSITE_SUFFIX}",
                membership_category=terms["membership_categories"][membership],
                is_funding_partner=planned.funding_partner,
                mandate=_mandate(base, planned, "en"),
                development_strategy=_strategy(planned, "en"),
                funding_mechanism=terms["funding_mechanisms"][mechanism] if mechanism else None,
            )
        )
    created = Partner.objects.bulk_create(objects, batch_size=500)
    areas, regions, places, funding = [], [], [], []
    for partner, planned in zip(created, plans, strict=True):
        areas += [
            PartnerThematicArea(partner=partner, area=terms["thematic_areas"][code], sort_order=i)
            for i, code in enumerate(planned.areas)
        ]
        regions += [
            PartnerRegion(partner=partner, region=terms["regions"][code], sort_order=i)
            for i, code in enumerate(planned.regions)
        ]
        places += [
            PartnerCountry(partner=partner, country=base.countries[code], sort_order=i)
            for i, code in enumerate(planned.countries)
        ]
        funding += [
            PartnerFundingType(
                partner=partner, funding_type=terms["funding_types"][code], sort_order=i
            )
            for i, code in enumerate(planned.funding_types)
        ]
    for model, rows in (
        (PartnerThematicArea, areas),
        (PartnerRegion, regions),
        (PartnerCountry, places),
        (PartnerFundingType, funding),
    ):
        model.objects.bulk_create(rows, batch_size=1000)
    _report(progress, f"Partners: {len(created)} created")

    to_translate = [
        (partner, planned)
        for partner, planned in zip(created, plans, strict=True)
        if planned.translatable
    ]
    for done, (partner, planned) in enumerate(to_translate, start=1):
        translate_into(
            partner,
            {
                locale: _translated_partner_values(base, planned, locale.language_code)
                for locale in base.targets
            },
        )
        if done % 25 == 0 or done == len(to_translate):
            _report(progress, f"Partners translated: {done}/{len(to_translate)}")
    return len(created), len(to_translate) * len(base.targets)


# --- Agreements ---------------------------------------------------------------------------


@dataclass
class _PlannedAgreement:
    number: int
    reference: str
    title: str
    type_code: str
    area: str
    signature_date: datetime.date | None
    registered_on: datetime.date
    regions: list
    countries: list
    secondary_areas: list
    partners: list  # (partner id, role)
    amount: Decimal | None
    currency: str
    amount_usd: Decimal | None
    confidential: bool
    status: str
    start_date: datetime.date
    end_date: datetime.date
    parent: "_PlannedAgreement | None" = None
    topic: str = ""


class _AgreementPlanner:
    """Draws agreements one by one; amendments refer to earlier originals of the same run."""

    def __init__(self, base, seed, partners_by_area, partner_names, today):
        self.base = base
        self.partner_names = partner_names
        self.seed = seed
        self.partners_by_area = partners_by_area
        self.all_partners = sorted(partner_names)
        self.today = today
        self.rate = usd_rate
        self.originals = []
        self.amendment_counts = {}
        years = range(FIRST_YEAR, LAST_YEAR + 1)
        # More agreements in recent years, as the archive grew.
        self.years = {year: 1 + (year - FIRST_YEAR) for year in years}

    def _day(self, rng, year):
        day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
        return min(day, self.today)

    def _partners(self, rng, area, type_code):
        pool = self.partners_by_area.get(area) if rng.random() < 0.75 else None
        pool = pool or self.all_partners
        first = rng.choice(pool)
        role = "sponsor" if type_code == "sponsorship-agreement" else "funder"
        links = [(first, role)]
        for _extra in range(rng.choices([0, 1, 2], weights=[55, 35, 10])[0]):
            other = rng.choice(self.all_partners)
            if other not in {pk for pk, _role in links}:
                links.append((other, rng.choice(["implementer", "beneficiary", "other"])))
        return links

    def _amount(self, rng, year):
        if rng.random() < 0.15:
            return None, "USD", None
        currency = _weighted(rng, CURRENCY_WEIGHTS)
        usd = Decimal(10 ** rng.uniform(3.5, 7.3)).quantize(Decimal(1))
        rate = self.rate(currency, year)
        amount = (usd / rate).quantize(Decimal("0.01"))
        return amount, currency, (amount * rate).quantize(Decimal("0.01"))

    def plan(self, number):
        rng = _rng(self.seed, "agreement", number)
        if self.originals and rng.random() < AMENDMENT_SHARE:
            return self._amendment(rng, number)
        base = self.base
        year = _weighted(rng, self.years)
        day = self._day(rng, year)
        type_code = _weighted(rng, TYPE_WEIGHTS)
        area = _weighted(rng, AREA_WEIGHTS)
        regions = ["glo"] if rng.random() < 0.15 else []
        regional = sorted(code for code in base.region_countries if code != "glo")
        regions += rng.sample(regional, rng.randint(0 if regions else 1, 2))
        pool = sorted({c for region in regions for c in base.region_countries.get(region, [])})
        countries = rng.sample(pool, min(len(pool), rng.choice([0, 0, 1, 1, 2, 3])))
        others = [code for code in sorted(base.terms["thematic_areas"]) if code != area]
        partners = self._partners(rng, area, type_code)
        topic = rng.choice(words.AREA_TOPICS[area])
        place = (
            base.country_name(countries[0], "en")
            if countries
            else base.name("regions", regions[-1], "en")
        )
        title = words.AGREEMENT_TITLES[type_code].format(
            topic=topic,
            partner=self.partner_names[partners[0][0]],
            place=place,
            event=rng.choice(words.EVENTS),
        )
        amount, currency, amount_usd = self._amount(rng, year)
        end = day + datetime.timedelta(days=365 * rng.randint(1, 5))
        status = "completed" if end < self.today else "active"
        if rng.random() < 0.03:
            status = "terminated"
        planned = _PlannedAgreement(
            number=number,
            reference=f"{AGREEMENT_PREFIX}{year}-{number:05d}",
            title=title[:500],
            type_code=type_code,
            area=area,
            signature_date=None if rng.random() < 0.02 else day,
            registered_on=min(day + datetime.timedelta(days=rng.randint(1, 30)), self.today),
            regions=regions,
            countries=countries,
            secondary_areas=rng.sample(others, rng.choice([0, 0, 1, 2])),
            partners=partners,
            amount=amount,
            currency=currency,
            amount_usd=amount_usd,
            confidential=rng.random() < 0.05,
            status=status,
            start_date=day,
            end_date=end,
            topic=topic,
        )
        self.originals.append(planned)
        return planned

    def _amendment(self, rng, number):
        parent = rng.choice(self.originals)
        count = self.amendment_counts[parent.reference] = (
            self.amendment_counts.get(parent.reference, 0) + 1
        )
        day = min(parent.start_date + datetime.timedelta(days=rng.randint(30, 900)), self.today)
        type_code = rng.choice(["addendum", "amendment"])
        amount, currency, amount_usd = self._amount(rng, day.year)
        return _PlannedAgreement(
            number=number,
            reference=f"{AGREEMENT_PREFIX}{day.year}-{number:05d}",
            title=f"{type_code.capitalize()} {count} to {parent.reference}: {parent.topic}"[:500],
            type_code=type_code,
            area=parent.area,
            signature_date=day,
            registered_on=min(day + datetime.timedelta(days=rng.randint(1, 30)), self.today),
            regions=list(parent.regions),
            countries=list(parent.countries),
            secondary_areas=list(parent.secondary_areas),
            partners=list(parent.partners),
            amount=amount,
            currency=currency,
            amount_usd=amount_usd,
            confidential=parent.confidential,
            status=parent.status,
            start_date=day,
            end_date=max(parent.end_date, day),
            parent=parent,
            topic=parent.topic,
        )


def agreement_planner(base, seed=DEFAULT_SEED):
    """The planner that draws agreements (`plan(number)`) among the English partners of the
    database; also used by the import benchmark (`bench/imports.py`) to write its file."""
    partners = dict(Partner.objects.filter(locale=base.source).values_list("pk", "name"))
    if not partners:
        raise MissingDemoData(_("the partners"))
    partners_by_area = {}
    for partner_id, area_id in PartnerThematicArea.objects.filter(
        partner__locale=base.source
    ).values_list("partner_id", "area_id"):
        partners_by_area.setdefault(area_id, []).append(partner_id)
    by_code = {
        code: sorted(partners_by_area.get(term.pk, []))
        for code, term in base.terms["thematic_areas"].items()
    }
    return _AgreementPlanner(base, seed, by_code, partners, timezone.localdate())


def generate_agreements(base, count, seed=DEFAULT_SEED, progress=None, batch=2000):
    """Create `count` agreements with their regions, countries, secondary areas and partners,
    written in batches; return the number created."""
    if count <= 0:
        return 0
    planner = agreement_planner(base, seed)
    start = Agreement.objects.filter(reference__startswith=AGREEMENT_PREFIX).count()
    terms = base.terms
    pks = {}
    created = 0
    for offset in range(0, count, batch):
        plans = [planner.plan(start + n) for n in range(offset, min(offset + batch, count))]
        # An amendment's original is written before it (in this batch or an earlier one).
        for group in ([p for p in plans if p.parent is None], [p for p in plans if p.parent]):
            objects = [
                agreement_row(p, terms, pks[p.parent.reference] if p.parent else None)
                for p in group
            ]
            for agreement in Agreement.objects.bulk_create(objects, batch_size=1000):
                pks[agreement.reference] = agreement.pk
        regions, countries, areas, links = [], [], [], []
        for planned in plans:
            pk = pks[planned.reference]
            regions += [(pk, terms["regions"][code].pk) for code in planned.regions]
            countries += [(pk, base.countries[code].pk) for code in planned.countries]
            areas += [(pk, terms["thematic_areas"][c].pk) for c in planned.secondary_areas]
            links += [
                AgreementPartner(agreement_id=pk, partner_id=partner_id, role=role, sort_order=i)
                for i, (partner_id, role) in enumerate(planned.partners)
            ]
        for field_name, pairs in (
            ("regions", regions),
            ("countries", countries),
            ("secondary_areas", areas),
        ):
            through, rows = through_rows(field_name, pairs)
            through.objects.bulk_create(rows, batch_size=1000)
        AgreementPartner.objects.bulk_create(links, batch_size=1000)
        created += len(plans)
        _report(progress, f"Agreements: {created}/{count}")
    return created


# --- Opportunities ------------------------------------------------------------------------


@dataclass
class _PlannedOpportunity:
    number: int
    slug: str
    fact: dict
    country: str
    area: str
    year: int
    status: str
    budget: Decimal
    gap: Decimal


def _plan_opportunity(base, seed, number, facts):
    rng = _rng(seed, "opportunity", number)
    fact = facts[number % len(facts)]
    regions = [code for code in fact["regions"] if code in base.region_countries]
    pool = sorted({c for region in regions for c in base.region_countries[region]})
    if not pool:
        pool = sorted(c for codes in base.region_countries.values() for c in codes)
    country = rng.choice(pool)
    budget = Decimal(round(fact["budget_usd"] * rng.uniform(0.4, 2.5), -4))
    gap = (budget * Decimal(rng.uniform(0.2, 0.9))).quantize(Decimal(1))
    return _PlannedOpportunity(
        number=number,
        slug=f"{fact['slug']}{SLUG_MARK}{number + 1:04d}",
        fact=fact,
        country=country,
        area=rng.choice(sorted(base.terms["thematic_areas"])),
        year=rng.randint(2025, 2028),
        status=_weighted(rng, STATUS_WEIGHTS),
        budget=budget,
        gap=gap,
    )


def _introduction(sentence, introduction, language):
    """The added sentence, then as many of the demo introduction's sentences as fit."""
    separator = "" if language == "zh-hans" else " "
    text = sentence
    for part in re.findall(r"[^.!?。]+[.!?。]?", introduction):
        part = part.strip()
        if not part or len(text) + len(separator) + len(part) > INTRODUCTION_MAX:
            break
        text = f"{text}{separator}{part}"
    return text


def _opportunity_values(base, planned, language):
    text = texts(language)
    demo = text["opportunities"][planned.fact["slug"]]
    country = base.country_name(planned.country, language)
    sentence = words.OPPORTUNITY_INTRODUCTIONS[language].format(
        country=country,
        area=base.name("thematic_areas", planned.area, language),
        year=planned.year,
    )
    return {
        "title": words.OPPORTUNITY_TITLES[language].format(title=demo["title"], country=country),
        "slug": planned.slug,
        "introduction": _introduction(sentence, demo["introduction"], language),
        "objectives": html_list(demo["objectives"]),
        "expected_results": html_list(demo["expected_results"]),
        "body": stream_blocks(f"scale:{planned.slug}", demo["body"], {}),
        "contact_name": text["contact_name"],
    }


def _opportunity_links(base, planned):
    fact, terms = planned.fact, base.terms
    areas = list(dict.fromkeys([*fact["areas"], planned.area]))
    regions = list(dict.fromkeys([_region_code(base, planned.country), *fact["regions"]]))
    related = {
        "thematic_areas": (
            OpportunityThematicArea,
            "area",
            [terms["thematic_areas"][code] for code in areas],
        ),
        "regions": (OpportunityRegion, "region", [terms["regions"][code] for code in regions]),
        "countries": (OpportunityCountry, "country", [base.countries[planned.country]]),
        "sdgs": (OpportunitySDG, "goal", [terms["sdgs"][code] for code in fact["sdgs"]]),
        "partner_kinds": (
            OpportunityPartnerKind,
            "kind",
            [terms["partner_kinds"][code] for code in fact["partner_kinds"]],
        ),
    }
    return {
        relation: [model(sort_order=i, **{name: target}) for i, target in enumerate(targets)]
        for relation, (model, name, targets) in related.items()
    }


def generate_opportunities(base, count, seed=DEFAULT_SEED, progress=None):
    """Publish `count` English opportunities under the index and translate each into the five
    other languages through wagtail-localize; return the English pages."""
    if count <= 0:
        return []
    facts = opportunity_facts()
    start = OpportunityPage.objects.filter(locale=base.source, slug__contains=SLUG_MARK).count()
    pages = []
    for n in range(count):
        planned = _plan_opportunity(base, seed, start + n, facts)
        values = _opportunity_values(base, planned, "en")
        del values["slug"]
        fact = planned.fact
        page = OpportunityPage(
            slug=planned.slug,
            kind=fact["kind"],
            status=planned.status,
            featured=False,
            budget_usd=planned.budget,
            funding_gap_usd=planned.gap,
            duration_months=fact["duration_months"],
            contact_email=fact["contact_email"],
            **values,
            **_opportunity_links(base, planned),
        )
        base.index.add_child(instance=page)
        page.save_revision().publish()
        translate_into(
            page,
            {
                locale: _opportunity_values(base, planned, locale.language_code)
                for locale in base.targets
            },
        )
        pages.append(page)
        if (n + 1) % 5 == 0 or n + 1 == count:
            _report(progress, f"Opportunities: {n + 1}/{count} (with their 5 translations)")
    return pages


def link_opportunity_agreements(pages, seed=DEFAULT_SEED, per_page=5):
    """Point a few generated agreements in each opportunity's first area to it, as the
    agreements of a programme point to the page that carries it on; return how many."""
    if not pages:
        return 0
    candidates = {}
    rows = Agreement.objects.filter(
        reference__startswith=AGREEMENT_PREFIX, project_page=None, parent=None
    ).values_list("primary_area_id", "pk")
    for area_id, pk in rows.order_by("pk"):
        candidates.setdefault(area_id, []).append(pk)
    linked = 0
    for page in pages:
        area = page.thematic_areas.first()
        pool = candidates.get(area.area_id, [])
        chosen = _rng(seed, "link", page.slug).sample(pool, min(per_page, len(pool)))
        pool[:] = [pk for pk in pool if pk not in chosen]
        linked += Agreement.objects.filter(pk__in=chosen).update(project_page=page)
    return linked


def _report(progress, message):
    if progress is not None:
        progress(message)
