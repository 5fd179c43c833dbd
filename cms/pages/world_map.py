"""Maps of agreements by beneficiary country, drawn by the server as inline SVG from shapes
shipped in the repository (no tiles, no network): the statistics page's (new agreements of a
period, `cms.reports.world_map`) and each partner profile's (its public agreements).

The shapes (`data/world_map.json`) are Natural Earth's 1:110m countries from the npm package
world-atlas, projected once (Equal Earth) into SVG paths by `data/build_world_map.mjs`; they
are keyed by ISO 3166-1 numeric code, mapped here to the alpha-2 codes of the project's
countries. Countries too small for that scale (most small island states) have no shape: they
are still in the table beside the map, which lists every country with its figure.

An agreement that benefits several countries counts once in each (a map answers "how many
agreements benefit this country"); agreements without a country are counted apart (the
table's last row), never drawn. The figures take one aggregate query and the SVG of a map in
a language is kept in the shared cache, both with the agreements' tags (`MAP_TAGS`).

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
from django.utils.translation import gettext_lazy, ngettext
from django_countries import countries
from django_countries.fields import Country as CountryCode

from cms.core.formats import format_number
from cms.core.page_cache import cached_value
from cms.snippets.models import Agreement, BeneficiaryRegion
from cms.snippets.terms import load_terms

__all__ = [
    "BACKGROUND",
    "BORDER_COLOUR",
    "CLASS_COLOURS",
    "MAP_FILE",
    "MAP_TAGS",
    "CountryFigures",
    "MapRow",
    "PartnerMap",
    "WorldMap",
    "contrast_ratio",
    "count_by_country",
    "map_shapes",
    "partner_country_figures",
]

MAP_FILE = Path(__file__).resolve().parent / "data" / "world_map.json"

#: What the maps are computed from (cms.publishing.page_cache bumps them): the agreements,
#: their partners, the countries and regions (the statistics' FIGURES_TAGS).
MAP_TAGS = ("data:agreements", "data:partners", "data:vocabularies")

#: The page behind the map (site.css body) and the lines between countries.
BACKGROUND = "#ffffff"
BORDER_COLOUR = BACKGROUND

#: Fill of the classes, "none" first: a grey, then a sequential blue of the site's brand
#: colour (site.css --color-brand #0b4f8a), each step clearly darker than the one before
#: (site.css .world-map__swatch--<index> repeats them for the legend). Every fill reaches
#: 3:1 against the page and the white lines between countries (WCAG 1.4.11, non-text
#: contrast: 3.2, 4.1, 5.8, 8.6 and 13.5 to 1), so that each country's shape is seen
#: whatever its class; tests/reports/test_world_map_palette.py computes it.
CLASS_COLOURS = ("#8a929b", "#3e82ba", "#28699f", "#164f7d", "#093051")


def _luminance(colour):
    """The relative luminance of an sRGB colour "#rrggbb" (WCAG 2.2's definition)."""
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    """WCAG's contrast ratio of two colours "#rrggbb", from 1 to 21."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class CountryFigures:
    """Agreements per beneficiary country (alpha-2 code -> count), the region code of each
    of those countries ("" when it has none), and the agreements that name no country."""

    by_country: dict
    regions: dict
    without_country: int


def count_by_country(agreements):
    """Count `agreements` (a queryset) per beneficiary country, in one query."""
    rows = (
        agreements.order_by()
        .values("countries__code", "countries__region__code")
        .annotate(count=Count("pk", distinct=True))
    )
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


def partner_country_figures(partner_pk):
    """A partner's public agreements per beneficiary country, from the shared cache until an
    agreement, a partner or a vocabulary changes."""
    return cached_value(
        f"agreements:partner-countries:{partner_pk}",
        MAP_TAGS,
        lambda: count_by_country(
            Agreement.objects.public().filter(partner_links__partner_id=partner_pk)
        ),
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


def _colour_index(position, count):
    """The colour of the class at `position` among `count` classes: the darkest for the last
    class, spread over the four colours when there are fewer classes."""
    if count <= 1:
        return len(CLASS_COLOURS) - 1
    return 1 + round(position * (len(CLASS_COLOURS) - 2) / (count - 1))


def _agreements(count):
    return ngettext("%(count)s agreement", "%(count)s agreements", count) % {
        "count": format_number(count)
    }


def _country_name(code):
    """The country's name in the active language (the UN's, cms/snippets/country_names.py)."""
    return str(CountryCode(code=code).name) or code


@dataclass(frozen=True)
class MapRow:
    """A country of the table: code, name and region in the visitor's language, its count
    on the map, the figures of the table's columns as written, and whether the map draws
    it."""

    code: str
    name: str
    region: str
    value: int
    texts: tuple
    drawn: bool

    @property
    def text(self):
        """The count on the map, as written."""
        return self.texts[0]


class WorldMap:
    """A map of agreements by beneficiary country in a language: its table rows, legend and
    SVG. Subclasses give the figures, the cache key of the SVG and the texts."""

    heading = ""  # the section's heading and the table's caption
    title = ""  # the SVG's title
    legend_title = ""
    without_label = ""  # the table's last row
    none_label = gettext_lazy("No agreement")  # the legend's first class
    columns = (gettext_lazy("Agreements"),)  # the table's figures, the map's first

    def __init__(self, figures, language):
        self.figures = figures
        self.language = language

    @property
    def columns_in_order(self):
        """The table's column headings, the map's figure first."""
        return self.columns

    def count_text(self, value):
        """What a country's figure says for assistive technology ("2 agreements")."""
        return _agreements(value)

    def other_figures(self):
        """The figures of the table's other columns (CountryFigures), beside the map's."""
        return ()

    def svg_key(self):
        raise NotImplementedError

    def description(self):
        raise NotImplementedError

    @property
    def rows(self):
        """Every country with a figure in any column, the most on the map first, then by
        name."""
        _w, _h, shapes, _u = map_shapes()
        regions = load_terms(BeneficiaryRegion, self.language).by_code
        every = (self.figures, *self.other_figures())
        codes = {code for figures in every for code in figures.by_country}
        rows = []
        with translation.override(self.language):
            for code in codes:
                region_code = next((f.regions[code] for f in every if f.regions.get(code)), "")
                region = regions.get(region_code)
                rows.append(
                    MapRow(
                        code=code,
                        name=_country_name(code),
                        region=region.name if region else "",
                        value=self.figures.by_country.get(code, 0),
                        texts=tuple(
                            format_number(figures.by_country.get(code, 0)) for figures in every
                        ),
                        drawn=code in shapes,
                    )
                )
        return sorted(rows, key=lambda row: (-row.value, row.name))

    @property
    def without_country(self):
        return self.figures.without_country

    @property
    def without_country_text(self):
        return self.without_country_texts[0]

    @property
    def without_country_texts(self):
        """The figures of the table's last row (nothing named a country), per column."""
        with translation.override(self.language):
            return tuple(
                format_number(figures.without_country)
                for figures in (self.figures, *self.other_figures())
            )

    @property
    def legend(self):
        """[(colour index, text)]: "none" first, then each class written out in numbers
        (the colour's index in CLASS_COLOURS: site.css .world-map__swatch--<index>)."""
        with translation.override(self.language):
            maximum = max(self.figures.by_country.values(), default=0)
            items = [(0, str(self.none_label))]
            classes = _classes(maximum)
            for index, (low, high) in enumerate(classes):
                if low == high:
                    text = format_number(low)
                else:
                    text = _("%(low)s to %(high)s") % {
                        "low": format_number(low),
                        "high": format_number(high),
                    }
                items.append((_colour_index(index, len(classes)), text))
            return items

    @property
    def svg(self):
        """The SVG, from the shared cache until an agreement, a partner or a vocabulary
        changes."""
        # _svg escapes every text it writes.
        return mark_safe(cached_value(self.svg_key(), self.svg_tags(), self._svg))  # noqa: S308

    def svg_tags(self):
        """What the SVG is drawn from (its figures, the countries' names)."""
        return MAP_TAGS

    def _svg(self):
        width, height, shapes, unnamed = map_shapes()
        by_country = self.figures.by_country
        classes = _classes(max(by_country.values(), default=0))
        with translation.override(self.language):
            title, description = str(self.title), self.description()
            paths = []
            for code, path in sorted(shapes.items()):
                value = by_country.get(code, 0)
                index = 0
                for position, (low, high) in enumerate(classes):
                    if low <= value <= high:
                        index = _colour_index(position, len(classes))
                label = escape(f"{_country_name(code)}: {self.count_text(value)}")
                paths.append(
                    f'<path class="world-map__country" fill="{CLASS_COLOURS[index]}" '
                    f'd="{path}" role="img" aria-label="{label}"><title>{label}</title></path>'
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
            f'<g class="world-map__countries" stroke="{BORDER_COLOUR}" stroke-width="0.5">'
            f"{''.join(paths)}</g></svg>"
        )


class PartnerMap(WorldMap):
    """A partner profile's map: its public agreements by beneficiary country."""

    heading = gettext_lazy("Public agreements by beneficiary country")
    title = gettext_lazy("Map of the partner's public agreements by beneficiary country")
    legend_title = gettext_lazy(
        "Number of the partner's public agreements that benefit the country"
    )
    without_label = gettext_lazy("Public agreements without a country")

    def __init__(self, partner_pk, language):
        super().__init__(partner_country_figures(partner_pk), language)
        self.partner_pk = partner_pk

    def svg_key(self):
        return f"agreements:partner-map-svg:{self.partner_pk}:{self.language}"

    def description(self):
        return _(
            "The partner's public agreements that benefit each country; %(without)s name no "
            "country. The table beside the map gives every figure, also for the countries "
            "too small to be drawn."
        ) % {"without": format_number(self.figures.without_country)}
