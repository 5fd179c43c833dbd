"""The archive planned period by period: the early years, 2014-2017 (exact figures), 2018."""

import datetime
from decimal import Decimal

from ..facts import read_csv
from .drawing import CENT, TYPE_WEIGHTS, YEARS_IN_FORCE, Drawing
from .planned import PlannedAgreement

__all__ = ["ArchivePlanner"]


class ArchivePlanner(Drawing):
    """Plans every agreement of the archive; see the package docstring."""

    # --- the reporting period (2014-2017): exact figures ----------------------------------

    def key_agreements(self):
        """The named agreements of the period, as in the fact file."""
        planned = []
        for fact in self.keys["agreements"]:
            day = datetime.date.fromisoformat(fact["date"])
            currency = fact.get("currency", "USD")
            amount = Decimal(fact["amount"]) if fact.get("amount") else None
            planned.append(
                PlannedAgreement(
                    title=fact["title"],
                    type_code=fact["type"],
                    area=fact["area"],
                    regions=tuple(fact["regions"]),
                    signature_date=day,
                    registered_on=day + datetime.timedelta(days=7),
                    partners=[tuple(p) for p in fact["partners"]],
                    currency=currency,
                    amount=amount,
                    amount_usd=(amount * self.rate(currency, day.year)).quantize(CENT)
                    if amount
                    else None,
                    countries=tuple(fact.get("countries", [])),
                    secondary_areas=tuple(fact.get("secondary_areas", [])),
                    tags=tuple(fact.get("tags", [])),
                    confidential=fact.get("confidential", False),
                )
            )
        coe = self.keys["centres_of_excellence"]
        for host in read_csv("coe_hosts.csv"):
            day = self.day_in(coe["year"], 2, 11)
            planned.append(
                PlannedAgreement(
                    title=coe["title"].format(programme=host["programme"]),
                    type_code=coe["type"],
                    area=coe["area"],
                    regions=(self.country_region[host["country"]],),
                    signature_date=day,
                    registered_on=day + datetime.timedelta(days=5),
                    partners=[(host["name"], "implementer")],
                    countries=(host["country"],),
                    tags=(coe["tag"],),
                )
            )
        for sponsorship in self.keys["sponsorships"]:
            day = datetime.date.fromisoformat(sponsorship["date"])
            event = self.keys["events"][sponsorship["event"]]
            amount = Decimal(sponsorship["amount_usd"])
            planned.append(
                PlannedAgreement(
                    title=f"Sponsorship of the {sponsorship['package']} at the {event['name']}",
                    type_code="sponsorship-agreement",
                    area="generic",
                    regions=("glo",),
                    signature_date=day,
                    registered_on=day + datetime.timedelta(days=3),
                    partners=[(sponsorship["partner"], "sponsor")],
                    amount=amount,
                    amount_usd=amount,
                    tags=(sponsorship["event"],),
                    start_date=day,
                    end_date=datetime.date.fromisoformat(event["end"]),
                )
            )
        return planned

    def period(self):
        """Every agreement and addendum of the reporting period, matching the figures."""
        fixed = self.key_agreements()
        years = _fill(
            {int(y): n for y, n in self.figures["new_by_year"].items()},
            [a.date.year for a in fixed],
        )
        years += [None] * self.figures["new_undated"]
        areas = _fill(self.figures["new_by_area"], [a.area for a in fixed])
        region_sets = _fill(
            {tuple(sorted(regions)): n for regions, n in self.figures["new_by_region_set"]},
            [a.regions for a in fixed],
        )
        for values in (years, areas, region_sets):
            self.rng.shuffle(values)
        first, last = self.figures["period"]["start"], self.figures["period"]["end"]
        drawn = []
        for year, area, regions in zip(years, areas, region_sets, strict=True):
            undated = year is None
            year = year or self.rng.randint(first, last)
            drawn.append(self.new_agreement(year, area, list(regions), undated=undated))
        new = sorted(fixed + drawn, key=lambda a: a.date)
        self.agreements += new
        addenda = []
        for year, count in self.figures["addenda_by_year"].items():
            for day in sorted(self.day_in(int(year)) for _ in range(count)):
                addenda.append(self.amendment(day, self.amendable(day, int(year) - 6)))
        self.agreements += addenda
        self.share_value(new + addenda, Decimal(self.figures["value_usd"]))

    def share_value(self, agreements, total):
        """Give the drawn agreements amounts so that the period adds up to `total` exactly."""
        fixed = sum((a.amount_usd for a in agreements if a.amount_usd is not None), Decimal(0))
        drawn = [a for a in agreements if a.weight and a.amount_usd is None]
        anchor = max((a for a in drawn if a.currency == "USD"), key=lambda a: a.weight)
        weights = sum(a.weight for a in drawn)
        remaining = total - fixed
        for planned in drawn:
            if planned is not anchor:
                target = remaining * Decimal(planned.weight / weights)
                self.set_amount(planned, target)
        others = sum((a.amount_usd for a in drawn if a is not anchor), Decimal(0))
        anchor.amount = anchor.amount_usd = (remaining - others).quantize(CENT)
        if anchor.amount_usd <= 0:
            raise ValueError("The drawn amounts exceed the value of the period.")

    # --- before and after the period --------------------------------------------------------

    def older(self):
        """The archive from the Bureau's early years up to the period, in date order."""
        spec = self.figures["archive"]
        first, last = spec["first_year"], spec["last_year"]
        dated = spec["agreements"] - spec["undated"]
        weights = {year: 1 + 0.35 * (year - first) for year in range(first, last + 1)}
        counts = {y: int(dated * w / sum(weights.values())) for y, w in weights.items()}
        for year in sorted(weights, reverse=True)[: dated - sum(counts.values())]:
            counts[year] += 1
        types = {**TYPE_WEIGHTS, "sponsorship-agreement": 3}
        for year in range(first, last + 1):
            for day in sorted(self.day_in(year) for _ in range(counts[year])):
                candidates = self.amendable(day, year - 6)
                if candidates and self.rng.random() < spec["addenda_share"]:
                    self.agreements.append(self.amendment(day, candidates))
                    continue
                planned = self.new_agreement(
                    year, self.area_for(year), self.regions_for(), types=types
                )
                planned.signature_date = day
                planned.registered_on = day + datetime.timedelta(self.rng.randint(0, 30))
                self.agreements.append(planned)
        for _ in range(spec["undated"]):
            year = self.rng.randint(first + 2, last - 4)
            self.agreements.append(
                self.new_agreement(year, self.area_for(year), self.regions_for(), undated=True)
            )

    def after_period(self):
        """The first agreements after the period, registered before the demo's as-of date."""
        spec = self.figures["archive"]["after_period"]
        year = spec["year"]
        for _ in range(spec["new"]):
            planned = self.new_agreement(year, self.area_for(year), self.regions_for())
            planned.signature_date = self.day_in(year, 1, spec["last_month"])
            planned.registered_on = planned.signature_date + datetime.timedelta(days=10)
            self.agreements.append(planned)
        for _ in range(spec["addenda"]):
            day = self.day_in(year, 1, spec["last_month"])
            self.agreements.append(self.amendment(day, self.amendable(day, year - 4)))

    # --- dates, status, references ------------------------------------------------------------

    def finish(self, planned):
        """Amounts of agreements outside the period, dates in force, status and title."""
        if planned.weight and planned.amount_usd is None:
            self.set_amount(planned, Decimal(planned.weight))
        if planned.amount is None:
            planned.currency = ""
        if planned.signature_date is None:
            planned.status = "completed"
            return
        if planned.start_date is None:
            planned.start_date = planned.signature_date + datetime.timedelta(
                self.rng.randint(0, 45)
            )
        if planned.end_date is None:
            if planned.is_amendment:
                base = max(planned.parent.end_date or planned.start_date, planned.start_date)
                planned.end_date = base + datetime.timedelta(self.rng.randint(180, 540))
            else:
                low, high = YEARS_IN_FORCE.get(planned.type_code, (1, 3))
                years = self.rng.randint(low, high)
                planned.end_date = planned.start_date + datetime.timedelta(days=365 * years)
        if planned.end_date < self.as_of:
            planned.status = "terminated" if self.rng.random() < 0.03 else "completed"

    def assign_references(self):
        """BDT-<year>-<number>, numbered by date within the year of signature (or registration)."""
        by_year = {}
        for planned in sorted(self.agreements, key=lambda a: a.date):
            by_year.setdefault(planned.date.year, []).append(planned)
        for year, agreements in by_year.items():
            for number, planned in enumerate(agreements, start=1):
                planned.reference = f"BDT-{year}-{number:04d}"
        for planned in self.agreements:
            if planned.is_amendment:
                kind = "Addendum" if planned.type_code == "addendum" else "Amendment"
                planned.title = (
                    f"{kind} {planned.amendments} to {planned.parent.reference}: {planned.purpose}"
                )


def _fill(targets, taken):
    """The values still to draw so that `taken` plus them match the `targets` counts."""
    remaining = []
    for value, count in targets.items():
        missing = count - taken.count(value)
        if missing < 0:
            raise ValueError(f"The named agreements exceed the figure for {value}.")
        remaining += [value] * missing
    if len(remaining) + len(taken) != sum(targets.values()):
        raise ValueError("A named agreement falls outside the figures of the period.")
    return remaining
