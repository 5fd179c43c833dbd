"""Bar charts drawn by the server as inline SVG: no JavaScript, no external library.

A chart is a title and bars, each bar a label, a value and the value as the visitor reads it
(already formatted in their language). Horizontal charts list categories from top to bottom;
vertical charts (columns) put them along the bottom. For right-to-left languages the chart is
mirrored: horizontal bars grow from right to left with their labels on the right, and columns
run from right to left with the value axis on the right.

The layout is computed in left-to-right coordinates, then mirrored for right-to-left charts.
Every text is placed by the physical side it hangs from ("left", "right" or "centre") and
carries its own `direction`, so that `text-anchor` (which SVG reads relative to the text's
direction: "start" is the right edge of right-to-left text) never throws a label over the
bars or an axis. The server cannot measure text, so widths are estimated generously from the
characters (`text_width`); labels too long for their room wrap onto a second line and are then
cut with "…", the full label being the text's tooltip (`<title>`) and in the data table.

The SVG is an image for assistive technologies (`role="img"`, named by its `<title>` and
described by its `<desc>`); the page gives the same figures as a data table beside it.
"""

import math
import unicodedata
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

__all__ = ["Bar", "BarChart", "nice_ticks", "render_bar_chart", "text_width", "wrap"]

WIDTH = 640
MARGIN = 12  # nothing is drawn closer than this to the edges of the SVG
FONT_SIZE = 13  # labels and values (site.css: .chart__label, .chart__value)
SMALL_FONT_SIZE = 12  # ticks and axis titles (site.css: .chart__tick, .chart__axis-label)
LINE_HEIGHT = 16
GAP = 8  # between a label and what it names
ELLIPSIS = "…"


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


def nice_ticks(maximum, count=4, whole=False):
    """Round values from 0 to at least `maximum` for the value axis: 0, 20, 40, 60, 80.
    With `whole`, the steps are whole numbers (for counts: 0, 1, 2, never 0.25)."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    steps = [m * magnitude for m in (1, 2, 2.5, 5, 10)]
    if whole:
        steps = [step for step in steps if step >= 1 and step == int(step)] or [1]
    step = next((step for step in steps if step >= raw), steps[-1])
    if step == int(step):
        step = int(step)
    ticks = [0]
    while ticks[-1] < maximum:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _whole(bars):
    """Whether every value is a whole number (counts): the axis then has whole steps."""
    return all(float(bar.value).is_integer() for bar in bars)


# --- Measuring and wrapping text ---------------------------------------------------------


def _char_width(char):
    """A generous width of a character, in ems, for the sans-serif fonts of the site."""
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if "\u0600" <= char <= "\u06ff":  # Arabic letters are narrower than Latin ones
        return 0.52
    if unicodedata.combining(char) or char in "\u200e\u200f\u200b":
        return 0.0
    if char.isspace():
        return 0.33
    if char in "ilI.,:;'|!":
        return 0.36
    if char.isupper() or char in "mwMW%@":
        return 0.8
    return 0.64


def text_width(text, size=FONT_SIZE, bold=False):
    """The estimated width of a text in pixels (an overestimate rather than an underestimate:
    the browser test checks that nothing overlaps)."""
    width = sum(_char_width(char) for char in text) * size
    return width * 1.1 if bold else width


def _words(text):
    """The units a line may break between: words, and each CJK character on its own."""
    words, current = [], ""
    for char in text:
        if char.isspace():
            if current:
                words.append(current)
            current = ""
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            if current:
                words.append(current)
            words.append(char)
            current = ""
        else:
            current += char
    if current:
        words.append(current)
    return words


def _join(left, right):
    if not left:
        return right
    wide = unicodedata.east_asian_width
    if wide(left[-1]) in ("W", "F") or wide(right[0]) in ("W", "F"):
        return left + right
    return f"{left} {right}"


def _cut(text, width, size):
    """The text cut with "…" to fit in `width`."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + ELLIPSIS, size) > width:
        text = text[:-1]
    # Cut after a whole word when one ends in the last third of the line.
    head, space, _tail = text.rpartition(" ")
    if space and len(head) >= len(text) * 2 / 3:
        text = head
    return text.rstrip(" ,;:/-") + ELLIPSIS


def wrap(text, width, max_lines=2, size=FONT_SIZE):
    """The text in at most `max_lines` lines of at most `width` pixels, the last one cut
    with "…" when the rest does not fit; returns (lines, whether the text was cut)."""
    words = _words(text)
    lines, current = [], ""
    for index, word in enumerate(words):
        candidate = _join(current, word)
        if not current or text_width(candidate, size) <= width or len(lines) == max_lines - 1:
            current = candidate
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines - 1:
            for later in words[index + 1 :]:
                current = _join(current, later)
            break
    if current:
        lines.append(current)
    fitted = [_cut(line, width, size) for line in lines]
    return fitted, fitted != lines


# --- SVG elements ------------------------------------------------------------------------


def _attrs(**attrs):
    return " ".join(
        f'{name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in attrs.items()
    )


def _number(value):
    value = float(value)
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass
class Text:
    """A text placed by the physical side it hangs from: "left" (it starts at x and runs to
    the right), "right" (it ends at x) or "centre"; one or more lines from baseline y."""

    x: float
    y: float
    lines: list
    align: str
    css_class: str
    title: str = ""
    size: float = 0  # a smaller font size than the class's, when the text needs it


@dataclass
class Line:
    css_class: str
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass
class Rect:
    x: float
    y: float
    width: float
    height: float
    bar: Bar


class Canvas:
    """The elements of a chart in left-to-right coordinates; `svg()` mirrors them for a
    right-to-left chart."""

    def __init__(self, chart):
        self.chart = chart
        self.items = []

    def add(self, item):
        self.items.append(item)

    def _x(self, x):
        return WIDTH - x if self.chart.rtl else x

    def _text(self, item):
        align = item.align
        if self.chart.rtl and align != "centre":
            align = "right" if align == "left" else "left"
        direction = "rtl" if self.chart.rtl else "ltr"
        # text-anchor is relative to the text's direction: "start" is where reading starts.
        if align == "centre":
            anchor = "middle"
        elif (align == "left") == (direction == "ltr"):
            anchor = "start"
        else:
            anchor = "end"
        x = _number(self._x(item.x))
        attrs = _attrs(
            x=x, y=_number(item.y), text_anchor=anchor, direction=direction, class_=item.css_class
        )
        if item.size:
            attrs += f' style="font-size: {_number(item.size)}px"'
        title = f"<title>{escape(item.title)}</title>" if item.title else ""
        if len(item.lines) == 1:
            return f"<text {attrs}>{title}{escape(item.lines[0])}</text>"
        spans = "".join(
            f'<tspan x="{x}" dy="{0 if index == 0 else LINE_HEIGHT}">{escape(line)}</tspan>'
            for index, line in enumerate(item.lines)
        )
        return f"<text {attrs}>{title}{spans}</text>"

    def _line(self, item):
        attrs = _attrs(
            class_=item.css_class,
            x1=_number(self._x(item.x1)),
            y1=_number(item.y1),
            x2=_number(self._x(item.x2)),
            y2=_number(item.y2),
        )
        return f"<line {attrs}/>"

    def _rect(self, item):
        x = self._x(item.x + item.width) if self.chart.rtl else item.x
        attrs = _attrs(
            class_="chart__bar",
            x=_number(x),
            y=_number(item.y),
            width=_number(item.width),
            height=_number(item.height),
        )
        bar = item.bar
        return f"<rect {attrs}><title>{escape(bar.label)}: {escape(bar.text)}</title></rect>"

    def svg(self, height):
        chart = self.chart
        body = []
        for item in self.items:
            if isinstance(item, Text):
                body.append(self._text(item))
            elif isinstance(item, Line):
                body.append(self._line(item))
            else:
                body.append(self._rect(item))
        title_id, desc_id = f"{chart.chart_id}-title", f"{chart.chart_id}-desc"
        height = math.ceil(height)
        attrs = _attrs(
            class_=f"chart chart--{chart.orientation}",
            viewBox=f"0 0 {WIDTH} {height}",
            width=str(WIDTH),
            height=str(height),
            role="img",
            aria_labelledby=f"{title_id} {desc_id}",
            data_direction="rtl" if chart.rtl else "ltr",
            direction="rtl" if chart.rtl else "ltr",
            preserveAspectRatio="xMidYMin meet",
        )
        # Every text and attribute value above went through escape().
        return mark_safe(  # noqa: S308
            f'<svg xmlns="http://www.w3.org/2000/svg" {attrs}>'
            f'<title id="{escape(title_id)}">{escape(chart.title)}</title>'
            f'<desc id="{escape(desc_id)}">{escape(chart.description)}</desc>'
            f"{''.join(body)}</svg>"
        )


def _label(x, y, text, width, align, max_lines=2):
    """A category label wrapped into `width`, the full text as its tooltip when cut."""
    lines, cut = wrap(text, width, max_lines)
    return Text(x, y, lines, align, "chart__label", title=text if cut else "")


# --- Layouts -----------------------------------------------------------------------------


def _horizontal(chart):
    bars = chart.bars
    top, bar_height = MARGIN, 18
    ticks = nice_ticks(max((bar.value for bar in bars), default=0), whole=_whole(bars))
    tick_texts = [chart.format_tick(tick) for tick in ticks]
    # The labels' column: as wide as the longest label, at most 38% of the chart.
    widest_label = max((text_width(bar.label) for bar in bars), default=0)
    label_room = min(max(widest_label, 40), WIDTH * 0.38)
    origin = MARGIN + label_room + GAP
    # Room after the longest bar for its value, and for half the last tick's number.
    value_room = max(
        [text_width(bar.text, bold=True) + GAP for bar in bars]
        + [text_width(tick_texts[-1], SMALL_FONT_SIZE) / 2]
    )
    plot = WIDTH - MARGIN - value_room - origin
    scale = plot / ticks[-1]
    canvas = Canvas(chart)
    labels = [_label(origin - GAP, 0, bar.label, label_room, "right", 3) for bar in bars]
    # Each row as high as its label's lines.
    rows = [max(26, len(label.lines) * LINE_HEIGHT + 10) for label in labels]
    axis_y = top + sum(rows)
    for tick, text in zip(ticks, tick_texts, strict=True):
        x = origin + tick * scale
        canvas.add(Line("chart__grid", x, top, x, axis_y))
        canvas.add(Text(x, axis_y + 18, [text], "centre", "chart__tick"))
    y = top
    for bar, label, row in zip(bars, labels, rows, strict=True):
        middle = y + row / 2
        length = bar.value * scale
        # The label's lines centred on the bar: the first baseline goes up a half line per
        # extra line.
        label.y = middle + FONT_SIZE / 3 - (len(label.lines) - 1) * LINE_HEIGHT / 2
        canvas.add(label)
        canvas.add(Rect(origin, middle - bar_height / 2, length, bar_height, bar))
        canvas.add(
            Text(origin + length + 6, middle + FONT_SIZE / 3, [bar.text], "left", "chart__value")
        )
        y += row
    canvas.add(Line("chart__axis", origin, top, origin, axis_y))
    height = axis_y + 18 + 8
    if chart.axis_label:
        lines, cut = wrap(chart.axis_label, plot, 1, SMALL_FONT_SIZE)
        y = axis_y + 18 + LINE_HEIGHT + 6
        canvas.add(
            Text(
                origin + plot / 2,
                y,
                lines,
                "centre",
                "chart__axis-label",
                title=chart.axis_label if cut else "",
            )
        )
        height = y + 8
    return canvas.svg(height + MARGIN / 2)


def _vertical(chart):
    bars = chart.bars
    ticks = nice_ticks(max((bar.value for bar in bars), default=0), whole=_whole(bars))
    tick_texts = [chart.format_tick(tick) for tick in ticks]
    canvas = Canvas(chart)
    # The axis title on its own line at the top, then room for the tallest column's value.
    title_y = MARGIN + SMALL_FONT_SIZE
    top = title_y + 8 + LINE_HEIGHT + 6 if chart.axis_label else MARGIN + LINE_HEIGHT + 6
    plot_height = 220
    base = top + plot_height
    tick_room = max(text_width(text, SMALL_FONT_SIZE) for text in tick_texts)
    axis_x = MARGIN + tick_room + GAP
    scale = plot_height / ticks[-1]
    plot_width = WIDTH - MARGIN - axis_x
    slot = plot_width / max(len(bars), 1)
    bar_width = min(slot * 0.7, 72)
    for tick, text in zip(ticks, tick_texts, strict=True):
        y = base - tick * scale
        canvas.add(Line("chart__grid", axis_x, y, WIDTH - MARGIN, y))
        canvas.add(Text(axis_x - GAP, y + SMALL_FONT_SIZE / 3, [text], "right", "chart__tick"))
    labels = []
    for position, bar in enumerate(bars):
        x = axis_x + position * slot + (slot - bar_width) / 2
        length = bar.value * scale
        centre = x + bar_width / 2
        canvas.add(Rect(x, base - length, bar_width, length, bar))
        # A value wider than its column's slot is written smaller (not below 9px).
        natural = text_width(bar.text, bold=True)
        size = max(9, FONT_SIZE * (slot - 4) / natural) if natural > slot - 4 else 0
        canvas.add(Text(centre, base - length - 6, [bar.text], "centre", "chart__value", size=size))
        label = _label(centre, base + 20, bar.label, slot - 6, "centre")
        labels.append(label)
        canvas.add(label)
    canvas.add(Line("chart__axis", axis_x, top, axis_x, base))
    canvas.add(Line("chart__axis", axis_x, base, WIDTH - MARGIN, base))
    lines = max((len(label.lines) for label in labels), default=1)
    height = base + 20 + (lines - 1) * LINE_HEIGHT + 6
    if chart.axis_label:
        # The name of the values, above their axis.
        lines, cut = wrap(chart.axis_label, WIDTH - 2 * MARGIN, 1, SMALL_FONT_SIZE)
        title = chart.axis_label if cut else ""
        canvas.add(Text(MARGIN, title_y, lines, "left", "chart__axis-label", title=title))
    return canvas.svg(height + MARGIN / 2)


def render_bar_chart(chart):
    """The chart as SVG markup, safe to put in a template."""
    if chart.orientation == "vertical":
        return _vertical(chart)
    return _horizontal(chart)
