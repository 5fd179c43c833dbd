"""Bar charts drawn by the server as inline SVG: no JavaScript, no external library.

A chart is a title and bars, each bar a label, a value and the value as the visitor reads it
(already formatted in their language). Horizontal charts list categories from top to bottom;
vertical charts (columns) put them along the bottom. For right-to-left languages the chart is
mirrored: horizontal bars grow from right to left with their labels on the right, and columns
run from right to left with the value axis on the right.

The SVG is an image for assistive technologies (`role="img"`, named by its `<title>` and
described by its `<desc>`); the page gives the same figures as a data table beside it.
"""

import math
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

__all__ = ["Bar", "BarChart", "nice_ticks", "render_bar_chart"]

WIDTH = 640
FONT_SIZE = 13
LABEL_CHARS = 38  # longer labels are cut with "…" (the full label is the bar's tooltip)


@dataclass(frozen=True)
class Bar:
    """One category of a chart: its label, its value, and the value as shown."""

    label: str
    value: float
    text: str


@dataclass(frozen=True)
class BarChart:
    """What a chart shows. `format_tick` formats the numbers of the value axis;
    `axis_label` names what the values are (e.g. "Number of agreements")."""

    chart_id: str
    title: str
    bars: list
    orientation: str = "horizontal"  # or "vertical"
    rtl: bool = False
    axis_label: str = ""
    description: str = ""
    format_tick: object = field(default=str)


def nice_ticks(maximum, count=4):
    """Round values from 0 to at least `maximum` for the value axis: 0, 20, 40, 60, 80."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if step == int(step):
        step = int(step)
    ticks = [0]
    while ticks[-1] < maximum:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _cut(label):
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _attrs(**attrs):
    return " ".join(
        f'{name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in attrs.items()
    )


def _number(value):
    value = float(value)
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x, y, content, anchor, css_class):
    attrs = _attrs(x=_number(x), y=_number(y), text_anchor=anchor, class_=css_class)
    return f"<text {attrs}>{escape(content)}</text>"


def _line(css_class, x1, y1, x2, y2):
    attrs = _attrs(class_=css_class, x1=_number(x1), y1=_number(y1), x2=_number(x2), y2=_number(y2))
    return f"<line {attrs}/>"


def _frame(chart, height, body):
    title_id, desc_id = f"{chart.chart_id}-title", f"{chart.chart_id}-desc"
    attrs = _attrs(
        class_=f"chart chart--{chart.orientation}",
        viewBox=f"0 0 {WIDTH} {height}",
        width=str(WIDTH),
        height=str(height),
        role="img",
        aria_labelledby=f"{title_id} {desc_id}",
        data_direction="rtl" if chart.rtl else "ltr",
        preserveAspectRatio="xMidYMin meet",
    )
    # Every text and attribute value above went through escape().
    return mark_safe(  # noqa: S308
        f'<svg xmlns="http://www.w3.org/2000/svg" {attrs}>'
        f'<title id="{escape(title_id)}">{escape(chart.title)}</title>'
        f'<desc id="{escape(desc_id)}">{escape(chart.description)}</desc>'
        f"{''.join(body)}</svg>"
    )


def _bar(x, y, width, height, bar):
    attrs = _attrs(
        class_="chart__bar",
        x=_number(x),
        y=_number(y),
        width=_number(width),
        height=_number(height),
    )
    return f"<rect {attrs}><title>{escape(bar.label)}: {escape(bar.text)}</title></rect>"


def _horizontal(chart):
    row, gap, top, label_width, value_room = 26, 8, 8, 250, 80
    ticks = nice_ticks(max((bar.value for bar in chart.bars), default=0))
    plot = WIDTH - label_width - value_room
    scale = plot / ticks[-1]
    axis_y = top + len(chart.bars) * row
    height = axis_y + 48
    # The value axis starts at the labels: on the left for ltr, on the right for rtl.
    origin = WIDTH - label_width if chart.rtl else label_width
    sign = -1 if chart.rtl else 1
    body = []
    for tick in ticks:
        x = origin + sign * tick * scale
        body.append(_line("chart__grid", x, top, x, axis_y))
        body.append(_text(x, axis_y + 16, chart.format_tick(tick), "middle", "chart__tick"))
    for position, bar in enumerate(chart.bars):
        y = top + position * row
        length = bar.value * scale
        middle = y + (row - gap) / 2 + FONT_SIZE / 3 + gap / 2
        if chart.rtl:
            body.append(_text(origin + 8, middle, _cut(bar.label), "start", "chart__label"))
            body.append(_bar(origin - length, y + gap / 2, length, row - gap, bar))
            body.append(_text(origin - length - 6, middle, bar.text, "end", "chart__value"))
        else:
            body.append(_text(origin - 8, middle, _cut(bar.label), "end", "chart__label"))
            body.append(_bar(origin, y + gap / 2, length, row - gap, bar))
            body.append(_text(origin + length + 6, middle, bar.text, "start", "chart__value"))
    body.append(_line("chart__axis", origin, top, origin, axis_y))
    if chart.axis_label:
        centre = origin + sign * plot / 2
        body.append(_text(centre, axis_y + 38, chart.axis_label, "middle", "chart__axis-label"))
    return _frame(chart, height, body)


def _vertical(chart):
    top, plot_height, axis_room, label_room = 32, 220, 64, 32
    ticks = nice_ticks(max((bar.value for bar in chart.bars), default=0))
    scale = plot_height / ticks[-1]
    base = top + plot_height
    height = base + label_room
    plot_width = WIDTH - axis_room - 16
    slot = plot_width / max(len(chart.bars), 1)
    bar_width = min(slot * 0.7, 72)
    # The value axis: on the left for ltr, on the right for rtl; columns run away from it.
    axis_x = WIDTH - axis_room if chart.rtl else axis_room
    body = []
    for tick in ticks:
        y = base - tick * scale
        x1, x2 = (16, axis_x) if chart.rtl else (axis_x, WIDTH - 16)
        body.append(_line("chart__grid", x1, y, x2, y))
        tick_x, anchor = (axis_x + 6, "start") if chart.rtl else (axis_x - 6, "end")
        body.append(
            _text(tick_x, y + FONT_SIZE / 3, chart.format_tick(tick), anchor, "chart__tick")
        )
    for position, bar in enumerate(chart.bars):
        offset = position * slot + (slot - bar_width) / 2
        x = axis_x - offset - bar_width if chart.rtl else axis_x + offset
        length = bar.value * scale
        centre = x + bar_width / 2
        body.append(_bar(x, base - length, bar_width, length, bar))
        body.append(_text(centre, base - length - 6, bar.text, "middle", "chart__value"))
        body.append(_text(centre, base + 18, _cut(bar.label), "middle", "chart__label"))
    body.append(_line("chart__axis", axis_x, top, axis_x, base))
    body.append(_line("chart__axis", "16", _number(base), str(WIDTH - 16), _number(base)))
    if chart.axis_label:
        # The name of the values, above their axis.
        anchor = "end" if chart.rtl else "start"
        x = WIDTH - 16 if chart.rtl else 16
        body.append(_text(x, 14, chart.axis_label, anchor, "chart__axis-label"))
    return _frame(chart, height, body)


def render_bar_chart(chart):
    """The chart as SVG markup, safe to put in a template."""
    if chart.orientation == "vertical":
        return _vertical(chart)
    return _horizontal(chart)
