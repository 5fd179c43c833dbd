"""The map of the statistics page: new agreements of a period by beneficiary country, drawn
by the server as inline SVG from shapes shipped in the repository (no tiles, no network).

The shapes (`data/world_map.json`) are Natural Earth's 1:110m countries from the npm package
world-atlas, projected once (Equal Earth) into SVG paths by `data/build_world_map.mjs`; they
are keyed by ISO 3166-1 numeric code, mapped here to the alpha-2 codes of the project's
countries. Countries too small for that scale (most small island states) have no shape: they
are still in the table beside the map, which lists every country with its figure.

An agreement that benefits several countries counts once in each (the map answers "how many
agreements benefit this country"); new agreements without a country are counted apart (the
table's last row), never drawn. The figures take one aggregate query, kept in the shared
cache with the statistics' tags (`FIGURES_TAGS`); the SVG of a period in a language is kept
the same way.

Every country is named for assistive technology (its name and figure in the visitor's
language), the SVG has a title and a description, and nothing in it takes the keyboard's
focus. The legend is HTML beside the map, each class written out as numbers.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db.models import Count
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries
from django_countries.fields import Country as CountryCode

from cms.core.formats import format_date, format_number
from cms.core.page_cache import cached_value
from cms.snippets.models import Agreement, BeneficiaryRegion
from cms.snippets.terms import load_terms

from .agreement_stats import FIGURES_TAGS

__all__ = [
    "CLASS_COLOURS",
    "MAP_FILE",
    "CountryFigures",
    "WorldMap",
    "country_figures",
    "map_shapes",
    "period_country_figures",
]

MAP_FILE = Path(__file__).resolve().parent / "data" / "world_map.json"

#: Fill of the classes, the lightest for "none": a sequential blue of the site's brand colour
#: (site.css --color-brand #0b4f8a), each step clearly darker than the one before.
CLASS_COLOURS = ("#eef1f5", "#b9d3ea", "#6d9fcc", "#2b6aa3", "#0b3d6b")


@dataclass(frozen=True)
class CountryFigures:
    """New agreements of a period per beneficiary country (alpha-2 code -> count), the region
    code of each of those countries ("" when it has none), and the new agreements that name
    no country."""

    by_country: dict
    regions: dict
    without_country: int


def country_figures(start, end):
    """Count the new agreements of a period per beneficiary country, in one query."""
    new = Agreement.objects.in_period(start, end).new_agreements().order_by()
    rows = new.values("countries__code", "countries__region__code").annotate(count=Count("pk"))
    by_country, regions, without = {}, {}, 0
    for row in rows:
        code = row["countries__code"]
        if not code:
            without += row["count"]
            continue
        code = str(code)
        by_country[code] = by_country.get(code, 0) + row["count"]
        regions[code] = row["countries__region__code"] or ""
    return CountryFigures(by_country=by_country, regions=regions, without_country=without)


def period_country_figures(start, end):
    """`country_figures`, from the shared cache until an agreement or a vocabulary changes."""
    return cached_value(
        f"agreements:countries:{start.isoformat()}:{end.isoformat()}",
        FIGURES_TAGS,
        lambda: country_figures(start, end),
    )


@cache
def map_shapes():
    """(width, height, {alpha-2 code: SVG path}, [paths of shapes with no country code])."""
    data = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    shapes = {}
    for numeric, path in data["countries"].items():
        code = countries.alpha2(numeric)
        if code:
            shapes[code] = path
    return data["width"], data["height"], shapes, tuple(data["unnamed"])


def _classes(maximum):
    """The legend's classes as (lowest, highest) counts, from 1 to `maximum`: one class per
    value up to 4, else four classes of equal width."""
    if maximum <= 0:
        return []
    if maximum <= 4:
        return [(value, value) for value in range(1, maximum + 1)]
    step = math.ceil(maximum / 4)
    return [(low, min(low + step - 1, maximum)) for low in range(1, maximum + 1, step)]


def _agreements(count):
    return ngettext("%(count)s agreement", "%(count)s agreements", count) % {
        "count": format_number(count)
    }


@dataclass(frozen=True)
class MapRow:
    """A country of the table: code, name and region in the visitor's language, its count,
    the count as written, and whether the map draws it."""

    code: str
    name: str
    region: str
    value: int
    text: str
    drawn: bool


class WorldMap:
    """The map of a period in a language: its table rows, legend and SVG."""

    def __init__(self, period, language):
        self.period = period
        self.language = language
        self.figures = period_country_figures(period.start, period.end)

    @property
    def rows(self):
        """Every country with agreements, the most first, then by name."""
        _w, _h, shapes, _u = map_shapes()
        regions = load_terms(BeneficiaryRegion, self.language).by_code
        rows = []
        with translation.override(self.language):
            for code, value in self.figures.by_country.items():
                region = regions.get(self.figures.regions.get(code, ""))
                rows.append(
                    MapRow(
                        code=code,
                        name=str(CountryCode(code=code).name) or code,
                        region=region.name if region else "",
                        value=value,
                        text=format_number(value),
                        drawn=code in shapes,
                    )
                )
        return sorted(rows, key=lambda row: (-row.value, row.name))

    @property
    def without_country(self):
        return self.figures.without_country

    @property
    def without_country_text(self):
        with translation.override(self.language):
            return format_number(self.figures.without_country)

    @property
    def legend(self):
        with translation.override(self.language):
            return self._legend()

    def _legend(self):
        """[(colour index, text)]: "none" first, then each class written out in numbers
        (the colour's index in CLASS_COLOURS: site.css .world-map__swatch--<index>)."""
        maximum = max(self.figures.by_country.values(), default=0)
        items = [(0, _("No agreement"))]
        classes = _classes(maximum)
        for index, (low, high) in enumerate(classes):
            colour = _colour_index(index, len(classes))
            if low == high:
                text = format_number(low)
            else:
                text = _("%(low)s to %(high)s") % {
                    "low": format_number(low),
                    "high": format_number(high),
                }
            items.append((colour, text))
        return items

    @property
    def svg(self):
        """The SVG, from the shared cache until an agreement or a vocabulary changes."""
        period = self.period
        return mark_safe(  # noqa: S308 - built by _svg, which escapes every text
            cached_value(
                f"agreements:map-svg:{period.start.isoformat()}:{period.end.isoformat()}:"
                f"{self.language}",
                FIGURES_TAGS,
                self._svg,
            )
        )

    def _svg(self):
        width, height, shapes, unnamed = map_shapes()
        by_country = self.figures.by_country
        classes = _classes(max(by_country.values(), default=0))
        with translation.override(self.language):
            title = _("Map of the new agreements by beneficiary country")
            description = _(
                "New agreements signed from %(start)s to %(end)s that benefit each country; "
                "%(without)s name no country. The table beside the map gives every figure, "
                "also for the countries too small to be drawn."
            ) % {
                "start": format_date(self.period.start),
                "end": format_date(self.period.end),
                "without": format_number(self.without_country),
            }
            paths = []
            for code, path in sorted(shapes.items()):
                value = by_country.get(code, 0)
                index = 0
                for position, (low, high) in enumerate(classes):
                    if low <= value <= high:
                        index = _colour_index(position, len(classes))
                name = str(CountryCode(code=code).name) or code
                label = f"{name}: {_agreements(value)}"
                paths.append(
                    f'<path class="world-map__country world-map__country--{index}" '
                    f'fill="{CLASS_COLOURS[index]}" d="{path}" role="img" '
                    f'aria-label="{escape(label)}"><title>{escape(label)}</title></path>'
                )
        others = "".join(f'<path d="{path}"/>' for path in unnamed)
        # The map is never mirrored, in Arabic either: geography keeps east on the right.
        # Only the page around it (legend, table) runs right to left; the SVG has no text
        # of its own to place, its names are for assistive technology.
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="world-map__svg" '
            f'viewBox="0 0 {width} {height}" role="group" focusable="false" '
            f'aria-labelledby="world-map-title world-map-desc" direction="ltr">'
            f'<title id="world-map-title">{escape(title)}</title>'
            f'<desc id="world-map-desc">{escape(description)}</desc>'
            f'<g class="world-map__unnamed" fill="{CLASS_COLOURS[0]}" aria-hidden="true">'
            f"{others}</g>"
            f'<g class="world-map__countries" stroke="#5f6b7a" stroke-width="0.5">'
            f"{''.join(paths)}</g></svg>"
        )


def _colour_index(position, count):
    """The colour of the class at `position` among `count` classes: the darkest for the last
    class, spread over the four colours when there are fewer classes."""
    if count <= 1:
        return len(CLASS_COLOURS) - 1
    return 1 + round(position * (len(CLASS_COLOURS) - 2) / (count - 1))
