"""QR codes as inline SVG, made at build time with segno (no third-party request).

``qr_svg(url)`` is the code of a page's published address for the printed sheet; the
matrix can be read back from the SVG with ``matrix_from_svg`` (the tests compare it with a
fresh encoding of the address).
"""

from __future__ import annotations

import re

import segno
from markupsafe import Markup

BORDER = 4  # the quiet zone, in modules, that readers need


class AddressTooLong(ValueError):
    """The address does not fit into a QR code (the message says so in both languages)."""


def qr_svg(url: str, title: str = "") -> Markup:
    try:
        code = segno.make(url, error="m", micro=False)
    except segno.DataOverflowError:
        from ..base.messages import message

        why = message("config.qr_too_long", length=len(url))
        raise AddressTooLong(f"{why.lv}\n{why.en}: {url[:80]}…") from None
    svg = code.svg_inline(
        scale=1, border=BORDER, omitsize=True, svgclass="sg-qr", title=title or None
    )
    return Markup(svg)


_PATH = re.compile(r'\bd="([^"]+)"')
_STEP = re.compile(r"([Mmh])\s*(-?\d+(?:\.\d+)?)(?:\s+(-?\d+(?:\.\d+)?))?")


def matrix_from_svg(svg: str) -> list[list[int]]:
    """The dark modules of a segno SVG (scale 1): its path draws each run of dark modules
    as a horizontal line through the middle of a row."""
    match = _PATH.search(svg)
    if match is None:
        raise ValueError("no path in the SVG")
    size_match = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    if size_match is None:
        raise ValueError("no viewBox in the SVG")
    size = int(size_match[1]) - 2 * BORDER
    grid = [[0] * size for _ in range(size)]
    x = y = 0.0
    for command, first, second in _STEP.findall(match[1]):
        a = float(first)
        if command == "M":
            x, y = a, float(second)
        elif command == "m":
            x, y = x + a, y + float(second or 0)
        else:  # h: a run of dark modules
            row = int(y - BORDER)
            for col in range(int(x - BORDER), int(x - BORDER + a)):
                grid[row][col] = 1
            x += a
    return grid


def matrix_of(url: str) -> list[list[int]]:
    """The modules of a fresh encoding of ``url`` (without the quiet zone)."""
    code = segno.make(url, error="m", micro=False)
    return [[1 if cell else 0 for cell in row] for row in code.matrix]
