"""The map's colours reach 3:1 against the page and the lines between countries (WCAG 1.4.11,
non-text contrast), the lightest "none" included, and each class is darker than the one
before; the legend's swatches (site.css) are the map's colours."""

import re
from pathlib import Path

from django.conf import settings

from cms.pages.world_map import BACKGROUND, BORDER_COLOUR, CLASS_COLOURS, contrast_ratio


def test_the_contrast_ratio_is_wcag_s():
    assert round(contrast_ratio("#000000", "#ffffff"), 2) == 21
    assert round(contrast_ratio("#ffffff", "#ffffff"), 2) == 1
    # The site's own brand colour, documented as 8.4:1 on white (site.css).
    assert round(contrast_ratio("#0b4f8a", "#ffffff"), 1) == 8.4
    # The map's old lightest class against its old "none" fill: the 1.4:1.
    assert round(contrast_ratio("#b9d3ea", "#eef1f5"), 1) == 1.4


def test_every_fill_reaches_3_to_1_against_the_page_and_the_borders():
    for colour in CLASS_COLOURS:
        assert contrast_ratio(colour, BACKGROUND) >= 3, colour
        assert contrast_ratio(colour, BORDER_COLOUR) >= 3, colour


def test_each_class_is_clearly_darker_than_the_one_before():
    ratios = [
        contrast_ratio(lighter, darker)
        for lighter, darker in zip(CLASS_COLOURS, CLASS_COLOURS[1:], strict=False)
    ]
    assert all(ratio >= 1.25 for ratio in ratios), ratios
    against_page = [contrast_ratio(colour, BACKGROUND) for colour in CLASS_COLOURS]
    assert against_page == sorted(against_page)


def test_the_legend_swatches_are_the_map_s_colours():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text(encoding="utf-8")
    swatches = dict(
        re.findall(r"\.world-map__swatch--(\d)\s*\{\s*background-color:\s*(#[0-9a-f]{6})", css)
    )
    assert [swatches[str(index)] for index in range(len(CLASS_COLOURS))] == list(CLASS_COLOURS)
