"""In a real browser: the statistics page draws its charts, in English and mirrored in
Arabic, and passes the accessibility checks; no label of any chart overlaps a bar, an axis
or another text, or runs out of its SVG, in English, Arabic, French, Russian and Chinese,
with the demo's vocabularies (their real, long names in each language).

Set CHART_SCREENSHOTS=<folder> to keep a screenshot of each language's charts there."""

import datetime
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

from cms.reports.models import StatisticsPage
from cms.snippets.factories import AgreementFactory, PartnerFactory
from cms.snippets.models import AgreementType, BeneficiaryRegion, PartnerKind, ThematicArea
from tests.pages.directory import data
from tests.reports.conftest import addendum, archive, statistics_pages, vocab  # noqa: F401

# The fixtures above build the pages and a small archive (tests/reports/conftest.py).

PERIOD = "?start=2015&end=2016"


def bar_alignments(page):
    """For each chart with bars of different lengths: "start-left" when its bars share their
    left edge (they grow to the right), "start-right" when they share their right edge."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.statistics-chart svg')].map(svg => {
            const bars = [...svg.querySelectorAll('rect')]
                .map(rect => rect.getBoundingClientRect())
                .filter(r => r.width > 1 && r.height > 1);
            const lefts = new Set(bars.map(r => Math.round(r.left)));
            const rights = new Set(bars.map(r => Math.round(r.right)));
            if (bars.length < 2) return null;
            if (lefts.size === 1 && rights.size > 1) return 'start-left';
            if (rights.size === 1 && lefts.size > 1) return 'start-right';
            return null;
        }).filter(Boolean)"""
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_statistics_page_in_english_and_arabic(
    live_server,
    open_page,
    axe_violations,
    statistics_pages,  # noqa: F811 - the imported fixture
    archive,  # noqa: F811
):
    cache.clear()
    english = open_page(f"{live_server.url}/en/statistics/{PERIOD}")
    assert english.locator(".statistics-chart svg").count() >= 6
    assert english.locator(".statistics-chart svg").first.is_visible()
    assert axe_violations(english) == []

    arabic = open_page(f"{live_server.url}/ar/statistics/{PERIOD}", locale="ar")
    assert arabic.evaluate("document.documentElement.dir") == "rtl"
    assert arabic.locator(".statistics-chart svg").count() >= 6
    assert axe_violations(arabic) == []

    # Horizontal bars grow from the left in English and from the right in Arabic.
    assert set(bar_alignments(english)) == {"start-left"}
    assert set(bar_alignments(arabic)) == {"start-right"}


# --- Labels, bars and axes never overlap -------------------------------------------------

LANGUAGES = ("en", "ar", "fr", "ru", "zh-hans")
VOCABULARIES = {
    "regions": BeneficiaryRegion,
    "thematic_areas": ThematicArea,
    "partner_kinds": PartnerKind,
    "agreement_types": AgreementType,
}

# Every box of a chart (in page coordinates): its texts, bars, axis lines and the SVG itself.
CHART_BOXES = """() => [...document.querySelectorAll('.statistics-chart svg')].map(svg => {
    const box = element => {
        const r = element.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    };
    return {
        chart: svg.closest('.statistics-chart').id,
        direction: svg.dataset.direction,
        svg: box(svg),
        texts: [...svg.querySelectorAll('text')].map(text => ({
            ...box(text), kind: text.getAttribute('class'), text: text.textContent,
        })),
        bars: [...svg.querySelectorAll('rect.chart__bar')].map(box),
        axes: [...svg.querySelectorAll('line.chart__axis')].map(box),
    };
})"""


def _overlap(a, b, margin=0.5):
    """Whether two boxes overlap by more than `margin` pixels both ways."""
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return width > margin and height > margin


def _problems(chart):
    """What overlaps or is clipped in one chart, as readable sentences."""
    problems = []
    svg, texts = chart["svg"], chart["texts"]
    name = f"{chart['chart']} ({chart['direction']})"
    for text in texts:
        label = f"{text['kind']} {text['text']!r}"
        if (
            text["left"] < svg["left"] - 0.5
            or text["right"] > svg["right"] + 0.5
            or text["top"] < svg["top"] - 0.5
            or text["bottom"] > svg["bottom"] + 0.5
        ):
            problems.append(f"{name}: {label} runs out of the SVG")
        if text["right"] - text["left"] < 1:
            problems.append(f"{name}: {label} is not drawn")
        for index, bar in enumerate(chart["bars"]):
            if _overlap(text, bar):
                problems.append(f"{name}: {label} overlaps bar {index}")
        for index, axis in enumerate(chart["axes"]):
            if _overlap(text, axis, margin=0):
                problems.append(f"{name}: {label} overlaps axis line {index}")
    for index, text in enumerate(texts):
        for other in texts[index + 1 :]:
            if _overlap(text, other):
                problems.append(
                    f"{name}: {text['kind']} {text['text']!r} overlaps "
                    f"{other['kind']} {other['text']!r}"
                )
    return problems


def _demo_vocabularies():
    """The demo's regions, thematic areas, partner kinds and agreement types in English,
    translated into the languages of the test (names from cms/demo/data/vocabularies.json)."""
    facts = json.loads(
        (Path(settings.BASE_DIR) / "cms/demo/data/vocabularies.json").read_text("utf-8")
    )
    english = data.locale("en")
    terms = {}
    for key, model in VOCABULARIES.items():
        terms[key] = []
        for position, fact in enumerate(facts[key], start=1):
            extra = {"is_amendment": fact["is_amendment"]} if "is_amendment" in fact else {}
            term = model.objects.create(
                locale=english,
                code=fact["code"],
                name=fact["names"]["en"],
                sort_order=position * 10,
                **extra,
            )
            for language in LANGUAGES[1:]:
                data.translate_snippet(term, language, name=fact["names"][language])
            terms[key].append(term)
    return terms


@pytest.fixture
def demo_archive(home_page):
    """Statistics pages in the five languages and agreements of 2014-2017 in every region,
    thematic area, agreement type and kind of partner, worth up to a few million dollars."""
    terms = _demo_vocabularies()
    english = StatisticsPage(title="Statistics", slug="statistics")
    home_page.add_child(instance=english)
    english.save_revision().publish()
    for language in LANGUAGES[1:]:
        data.translate_page(home_page, language, title=f"Home [{language}]")
        data.translate_page(english, language, title=f"Statistics [{language}]")
    partners = [
        PartnerFactory(name=f"Partner {kind.code}", kind=kind) for kind in terms["partner_kinds"]
    ]
    regions, areas = terms["regions"], terms["thematic_areas"]
    agreement_types = [term for term in terms["agreement_types"] if not term.is_amendment]
    amendment_types = [term for term in terms["agreement_types"] if term.is_amendment]
    for number in range(60):
        kind = amendment_types if number % 9 == 8 else agreement_types
        AgreementFactory(
            reference=f"CHART-{number:03d}",
            agreement_type=kind[number % len(kind)],
            signature_date=datetime.date(2014 + number % 4, 1 + number % 12, 1),
            regions=[regions[number % len(regions)], regions[(number * 3) % len(regions)]],
            primary_area=areas[(number * 7) % len(areas)],
            amount=Decimal(250_000 * (1 + number % 7) + 1_234),
            partners=[partners[number % len(partners)]],
        )
    AgreementFactory(
        reference="CHART-UNDATED",
        agreement_type=agreement_types[0],
        signature_date=None,
        registered_on=datetime.date(2016, 7, 1),
        regions=[regions[0]],
        primary_area=areas[0],
        amount=Decimal("9450475"),
        partners=[partners[0]],
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_chart_labels_never_overlap_bars_or_axes(live_server, open_page, demo_archive):
    cache.clear()
    screenshots = os.environ.get("CHART_SCREENSHOTS")
    found = {}
    for language in LANGUAGES:
        page = open_page(
            f"{live_server.url}/{language}/statistics/?start=2014&end=2017", locale=language
        )
        charts = page.evaluate(CHART_BOXES)
        assert len(charts) == 6, language
        found[language] = charts
        problems = [problem for chart in charts for problem in _problems(chart)]
        assert problems == [], f"{language}: " + "\n".join(problems)
        if screenshots:
            Path(screenshots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{screenshots}/{language}-page.png", full_page=True)
            listing = open_page(
                f"{live_server.url}/{language}/statistics/agreements/?start=2014&end=2017",
                locale=language,
            )
            listing.screenshot(path=f"{screenshots}/{language}-agreements.png", full_page=True)
            for chart in page.locator(".statistics-chart__figure").all():
                name = chart.locator("svg").get_attribute("aria-labelledby").split("-title")[0]
                chart.screenshot(path=f"{screenshots}/{language}-{name}.png")

    # Arabic mirrors English: the same bars and texts, labels on the other side of the bars
    # (horizontal charts) and the value axis on the other side (vertical charts).
    for english, arabic in zip(found["en"], found["ar"], strict=True):
        assert arabic["direction"] == "rtl" and english["direction"] == "ltr"
        assert len(arabic["bars"]) == len(english["bars"])
        assert len(arabic["texts"]) == len(english["texts"])
        labels = {
            language: [text for text in chart["texts"] if text["kind"] == "chart__label"]
            for language, chart in (("en", english), ("ar", arabic))
        }
        if english["chart"] in {"years", "value"}:
            axis_en = min(english["axes"], key=lambda box: box["right"] - box["left"])
            axis_ar = min(arabic["axes"], key=lambda box: box["right"] - box["left"])
            middle = (english["svg"]["left"] + english["svg"]["right"]) / 2
            assert axis_en["left"] < middle < axis_ar["left"], english["chart"]
        else:
            assert max(label["right"] for label in labels["en"]) <= min(
                bar["left"] for bar in english["bars"]
            )
            assert min(label["left"] for label in labels["ar"]) >= max(
                bar["right"] for bar in arabic["bars"]
            )
