"""A horizontal bar chart's geometry, for an inline SVG drawn at build time
(``overrides/sitegen/partials/report-chart.html``): no chart library, no JavaScript.

Each bar's length is its value over the largest value, in the chart's own units; labels are
wrapped into lines (SVG text does not wrap) and put above their bar.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from decimal import Decimal

WIDTH = 760  # viewBox units
LABEL_CHARS = 84  # wrap labels at about this many characters (13-unit font)
LINE = 17  # height of one label line
BAR = 20  # bar thickness
GAP = 14  # space after each bar
VALUE_ROOM = 130  # kept right of the longest bar for its value


@dataclass(frozen=True)
class Bar:
    lines: list[str]
    value: Decimal
    value_text: str
    top: float  # y of the first label line's baseline
    bar_y: float
    length: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: float
    bars: list[Bar]
    bar_height: int = BAR
    line_height: int = LINE


def bar_chart(rows: list[tuple[str, Decimal, str]]) -> Chart:
    """``rows`` are (label, value, value as people read it) in the table's order."""
    largest = max((value for _, value, _ in rows), default=Decimal(0)) or Decimal(1)
    scale = Decimal(WIDTH - VALUE_ROOM) / largest
    y = 0.0
    bars = []
    for label, value, text in rows:
        lines = textwrap.wrap(label, LABEL_CHARS) or [""]
        top = y + LINE - 4
        bar_y = y + LINE * len(lines)
        length = round(float(value * scale), 2)
        bars.append(Bar(lines, value, text, top, bar_y, length))
        y = bar_y + BAR + GAP
    return Chart(WIDTH, y, bars)
