"""The SVG bar charts, without the database."""

import xml.etree.ElementTree as ET

import pytest

from cms.reports.charts import Bar, BarChart, nice_ticks, render_bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def draw(**kwargs):
    chart = BarChart(
        chart_id="chart-test",
        title="Agreements <by> region",
        bars=[Bar("Africa & more", 27.5, "27,5"), Bar("Europe", 10.5, "10,5")],
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
    assert {float(r.get("x")) for r in ltr} == {250}
    assert {round(float(r.get("x")) + float(r.get("width"))) for r in rtl} == {390}
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
