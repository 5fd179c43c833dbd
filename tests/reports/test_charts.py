"""The SVG bar charts, without the database."""

import xml.etree.ElementTree as ET

import pytest

from cms.reports.charts import Bar, BarChart, nice_ticks, render_bar_chart, text_width, wrap

SVG = "{http://www.w3.org/2000/svg}"


def draw(**kwargs):
    kwargs.setdefault("bars", [Bar("Africa & more", 27.5, "27,5"), Bar("Europe", 10.5, "10,5")])
    chart = BarChart(
        chart_id="chart-test",
        title="Agreements <by> region",
        axis_label="Number",
        **kwargs,
    )
    return ET.fromstring(str(render_bar_chart(chart)))  # noqa: S314 - our own markup


def rects(svg):
    return [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "chart__bar"]


def test_nice_ticks():
    assert nice_ticks(69) == [0, 20, 40, 60, 80]
    assert nice_ticks(4) == [0, 1, 2, 3, 4]
    assert nice_ticks(0) == [0, 1]
    assert nice_ticks(9.2) == [0, 2.5, 5, 7.5, 10]


def test_accessible_name_and_escaped_text():
    svg = draw()
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-test-title chart-test-desc"
    assert svg.find(f"{SVG}title").text == "Agreements <by> region"
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Africa & more" in texts and "27,5" in texts and "Number" in texts


def test_horizontal_bars_are_proportional_and_mirrored_in_rtl():
    ltr, rtl = rects(draw()), rects(draw(rtl=True))
    widths = [float(r.get("width")) for r in ltr]
    assert widths[0] / widths[1] == pytest.approx(27.5 / 10.5, rel=1e-3)
    (start,) = {float(r.get("x")) for r in ltr}  # the bars share their left edge
    assert {round(float(r.get("x")) + float(r.get("width"))) for r in rtl} == {round(640 - start)}
    assert draw(rtl=True).get("data-direction") == "rtl"


def test_vertical_columns_run_right_to_left_in_rtl():
    ltr = rects(draw(orientation="vertical"))
    rtl = rects(draw(orientation="vertical", rtl=True))
    assert float(ltr[0].get("x")) < float(ltr[1].get("x"))
    assert float(rtl[0].get("x")) > float(rtl[1].get("x"))
    # The value axis is on the right in rtl.
    axis = [
        line
        for line in draw(orientation="vertical", rtl=True).iter(f"{SVG}line")
        if line.get("class") == "chart__axis" and line.get("x1") == line.get("x2")
    ]
    assert float(axis[0].get("x1")) > 320


def test_counts_have_whole_ticks():
    assert nice_ticks(1, whole=True) == [0, 1]
    assert nice_ticks(14, whole=True) == [0, 5, 10, 15]
    svg = draw(bars=[Bar("A", 1, "1"), Bar("B", 1, "1")])
    ticks = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "chart__tick"]
    assert ticks == ["0", "1"]


def test_long_labels_wrap_then_are_cut_with_the_full_text_as_tooltip():
    lines, cut = wrap("Другая международная или региональная организация", 200)
    assert len(lines) == 2 and not cut
    lines, cut = wrap("Многостороннее или двустороннее агентство по развитию " * 3, 200)
    assert len(lines) == 2 and cut and lines[-1].endswith("…")
    assert all(text_width(line) <= 200 for line in lines)
    label = "Многостороннее или двустороннее агентство по развитию и очень длинное название " * 2
    svg = draw(bars=[Bar(label, 3, "3"), Bar("Фонд", 1, "1")])
    (text,) = [t for t in svg.iter(f"{SVG}text") if t.find(f"{SVG}title") is not None]
    assert text.find(f"{SVG}title").text == label
    assert len(text.findall(f"{SVG}tspan")) == 3


def test_chinese_wraps_between_characters():
    lines, _cut = wrap("多边或双边发展机构多边或双边发展机构", 100)
    assert len(lines) == 2 and all(text_width(line) <= 100 for line in lines)


def test_texts_carry_their_direction_so_anchors_mean_the_same_side():
    """A label hangs from the side of the bars: its right edge in a left-to-right chart, its
    left edge in a right-to-left one, which is the end of right-to-left text; the anchor is
    "end" in both, and the label never runs over the bars."""
    for rtl in (False, True):
        svg = draw(rtl=rtl)
        labels = [t for t in svg.iter(f"{SVG}text") if t.get("class") == "chart__label"]
        (start,) = {float(r.get("x")) for r in rects(svg)} if not rtl else {None}
        for label in labels:
            assert label.get("direction") == ("rtl" if rtl else "ltr")
            assert label.get("text-anchor") == "end"
        if not rtl:
            assert all(float(label.get("x")) < start for label in labels)
        else:
            right = {round(float(r.get("x")) + float(r.get("width"))) for r in rects(svg)}
            assert all(float(label.get("x")) > max(right) for label in labels)
