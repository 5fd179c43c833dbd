"""Drawing plausible agreements from the fact files, with a seeded random generator."""

import datetime
import random
from decimal import Decimal

from django_countries import countries as iso_countries

from cms.core.money import usd_rate

from ..facts import read_csv, read_json
from .planned import PlannedAgreement

__all__ = ["CENT", "Drawing"]

CENT = Decimal("0.01")
# Kinds of partner that usually contribute in their home currency.
NATIONAL_KINDS = {"government", "development-agency", "foundation", "company", "ngo", "academia"}
TYPE_WEIGHTS = {
    "mou": 25,
    "cooperation-agreement": 25,
    "voluntary-contribution": 22,
    "project-document": 13,
    "letter-of-intent": 8,
    "framework-agreement": 7,
}
FUNDED_SHARE = {
    "voluntary-contribution": 1.0,
    "project-document": 1.0,
    "cooperation-agreement": 0.5,
    "framework-agreement": 0.2,
}
YEARS_IN_FORCE = {"mou": (3, 5), "framework-agreement": (4, 5), "letter-of-intent": (1, 1)}
AMENDABLE_TYPES = {"voluntary-contribution", "project-document", "cooperation-agreement"}
AREA_FIRST_YEAR = {"cybersecurity": 2005, "innovation": 2010, "climate-change-e-waste": 2008}
OLD_REGION_WEIGHTS = {"glo": 30, "asp": 20, "afr": 20, "ams": 12, "arb": 9, "cis": 4, "eur": 5}


class Drawing:
    """Draws agreements that look like the real archive: partners that fit the area and
    regions, titles, countries, currencies, amounts. Deterministic for a given seed."""

    def __init__(self):
        self.figures = read_json("figures.json")
        self.keys = read_json("key_agreements.json")
        self.topics = read_json("topics.json")
        self.rng = random.Random(self.figures["seed"])
        self.as_of = datetime.date.fromisoformat(self.figures["as_of"])
        # The product's one rate table, as the importer converts (cms.core.money).
        self.rate = usd_rate
        self.country_region = {
            r["country"]: r["region"].lower() for r in read_csv("country_regions.csv")
        }
        self.region_countries = {}
        for code, region in sorted(self.country_region.items()):
            self.region_countries.setdefault(region, []).append(code)
        self.partners = {p["name"]: p for p in read_json("partners.json")}
        self.home_currency = {
            country: currency
            for currency, countries in read_json("currencies.json").items()
            if not currency.startswith("_")
            for country in countries
        }
        self.funders = list(self.partners.values())
        self.agreements = []

    # --- helpers -------------------------------------------------------------------------

    def day_in(self, year, first_month=1, last_month=12):
        """A day of the year, between the first and the last month given."""
        start = datetime.date(year, first_month, 1)
        end = datetime.date(year, last_month, 28)
        return start + datetime.timedelta(days=self.rng.randint(0, (end - start).days))

    def currency_of(self, partner_name, year):
        """The currency a partner contributes in: its own, else its country's, else USD."""
        fact = self.partners.get(partner_name, {})
        currency = fact.get("currency")
        if not currency and fact.get("kind") in NATIONAL_KINDS:
            currency = self.home_currency.get(fact.get("hq"), "USD")
        if currency == "EUR" and year < 1999:
            currency = "USD"
        return currency or "USD"

    def pick_funder(self, area, regions, year, exclude=()):
        """A funding partner active that year, with the area among its priorities, and most
        often one that targets one of the regions."""
        active = [p for p in self.funders if p.get("since", 0) <= year and p["name"] not in exclude]
        by_area = [p for p in active if area in p["areas"]] or active
        regional = [p for p in by_area if set(p.get("regions", [])) & set(regions)]
        pool = regional if regional and self.rng.random() < 0.8 else by_area
        return self.rng.choice(pool)["name"]

    def place(self, regions, countries):
        """Where an agreement applies, in words: its countries, else its regions."""
        if countries:
            names = [str(iso_countries.name(code)) for code in countries]
        else:
            names = [self.topics["places"][code] for code in regions]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    def title(self, type_code, area, regions, countries, funder):
        """A title in the archive's usual style for the kind of agreement."""
        topic = self.rng.choice(self.topics["topics"][area])
        lowered = topic if topic[:2].isupper() else topic[0].lower() + topic[1:]
        place = self.place(regions, countries)
        if type_code == "mou":
            return f"Cooperation on {lowered} in {place}"
        if type_code == "letter-of-intent":
            return f"Intent to cooperate on {lowered} in {place}"
        if type_code == "framework-agreement":
            return f"Framework of cooperation with {funder}: {lowered}"
        return f"{topic} in {place}"

    def countries_for(self, regions):
        """Some beneficiary countries of a single-region agreement, or none."""
        if len(regions) != 1 or regions[0] == "glo" or self.rng.random() > 0.6:
            return ()
        members = self.region_countries[regions[0]]
        return tuple(sorted(self.rng.sample(members, self.rng.randint(1, 3))))

    def secondary_for(self, area):
        """Secondary thematic areas, often none."""
        if self.rng.random() > 0.35:
            return ()
        others = [code for code in self.topics["topics"] if code != area]
        return tuple(self.rng.sample(others, self.rng.randint(1, 2)))

    def new_agreement(self, year, area, regions, *, undated=False, types=TYPE_WEIGHTS):
        """A drawn agreement of a year: type, partners, title, countries and value weight."""
        funder = self.pick_funder(area, regions, year)
        type_code = self.rng.choices(list(types), weights=list(types.values()))[0]
        countries = self.countries_for(regions)
        partners = [(funder, "funder")]
        if self.rng.random() < 0.3:
            partner = self.pick_funder(area, regions, year, exclude=[funder])
            partners.append((partner, "implementer"))
        day = self.day_in(year)
        planned = PlannedAgreement(
            title=self.title(type_code, area, regions, countries, funder),
            type_code=type_code,
            area=area,
            regions=tuple(regions),
            signature_date=None if undated else day,
            registered_on=day if undated else day + datetime.timedelta(self.rng.randint(0, 30)),
            partners=partners,
            currency=self.currency_of(funder, year),
            countries=countries,
            secondary_areas=self.secondary_for(area),
            confidential=self.rng.random() < (0.35 if self.is_company(funder) else 0.05),
        )
        if self.rng.random() < FUNDED_SHARE.get(type_code, 0):
            planned.weight = self.rng.lognormvariate(11.5, 0.9)
        return planned

    def is_company(self, name):
        """Whether the partner is a private company (their agreements are often confidential)."""
        return self.partners.get(name, {}).get("kind") == "company"

    def amendment(self, date, candidates):
        """An addendum or amendment of an earlier agreement, signed on `date`."""
        parent = self.rng.choice(candidates)
        parent.amendments += 1
        funders = [p for p in parent.partners if p[1] == "funder"] or parent.partners[:1]
        planned = PlannedAgreement(
            title="",
            type_code="addendum" if self.rng.random() < 0.6 else "amendment",
            area=parent.area,
            regions=parent.regions,
            signature_date=date,
            registered_on=date + datetime.timedelta(self.rng.randint(0, 20)),
            partners=list(funders),
            currency=parent.currency if date.year >= 1999 or parent.currency != "EUR" else "USD",
            countries=parent.countries,
            confidential=parent.confidential,
            parent=parent,
            purpose=self.rng.choice(self.topics["amendment_purposes"]),
        )
        planned.amendments = parent.amendments  # its number in the chain
        if self.rng.random() < 0.75:
            planned.weight = self.rng.lognormvariate(10.8, 0.8)
        return planned

    def amendable(self, before, not_before_year):
        """Agreements planned so far that an addendum signed on `before` could amend."""
        return [
            a
            for a in self.agreements
            if not a.is_amendment
            and a.signature_date
            and a.type_code in AMENDABLE_TYPES
            and not_before_year <= a.signature_date.year
            and a.signature_date <= before - datetime.timedelta(days=90)
        ]

    def set_amount(self, planned, target_usd):
        """A round amount in the agreement's currency near `target_usd`, and its USD value."""
        rate = self.rate(planned.currency, planned.date.year)
        unit = Decimal(1000) if rate > Decimal("0.05") else Decimal(100_000)
        if rate < Decimal("0.005"):
            unit = Decimal(1_000_000)
        amount = max(unit, (target_usd / rate / unit).quantize(Decimal(1)) * unit)
        planned.amount = amount
        planned.amount_usd = (amount * rate).quantize(CENT)

    def area_for(self, year):
        """A primary area drawn like the period's mix, among the areas of that time."""
        weights = {
            area: count
            for area, count in self.figures["new_by_area"].items()
            if year >= AREA_FIRST_YEAR.get(area, 0)
        }
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def regions_for(self):
        """Beneficiary regions of an agreement outside the period: mostly one, some two."""
        codes = list(OLD_REGION_WEIGHTS)
        if self.rng.random() < 0.1:
            return sorted(self.rng.sample([c for c in codes if c != "glo"], 2))
        return [self.rng.choices(codes, weights=list(OLD_REGION_WEIGHTS.values()))[0]]
