"""Every figure as a chart: a Vega-Lite 5 specification and its static SVG (via vl-convert), in two
layouts: `breed` (a screen or a printed page) and `smal` (a phone of 390 px).

How a chart reads (docs/publication.md, "Charts"):

- **Small multiples, directly labelled.** A block with one series is one chart; a block with several is
  one panel per row label, each headed by its label, on a shared scale. No chart needs a legend, so none
  depends on colour: a colour says what kind of label a panel shows (`ROLE_COLOURS`: a part, the unknown
  category, a total), one meaning per colour in every figure, and these colours stay apart under simulated
  colour blindness (`render/colour.py`, tested).
- **Totals are lines.** A row the catalogue declares a total of other rows is drawn as a line with points,
  never as a bar among its parts.
- **Values are labelled.** Every bar and point carries its published value in Dutch notation (`1.013`,
  `<5`); axes use the Dutch locale (`config.locale`) and few ticks.
- **Protected cells** (`<5`, `<10`: `PublishedCell.below`) are never drawn as a value: an open mark with a
  dashed outline (`PROTECTED`) reaching the symbol's bound, labelled with the symbol. A blank cell is
  left out, and the chart says so. Means, percentages and ranks stay in the table (other units).
- **Narrow screens.** The `smal` layout stacks the panels in one column, wraps long labels and keeps
  every text at 12 px or more within `NARROW_WIDTH`.

Charts show published values only. The same figure always gives the same specification and
byte-identical SVG.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from jaarcijfers.edition.model import PublishedBlock, PublishedFigure
from jaarcijfers.figures.model import CellKind
from jaarcijfers.figures.spec import Chart, Role
from jaarcijfers.language import N_, NL, Language
from jaarcijfers.render.colour import contrast_ratio

__all__ = ["contrast_ratio"]  # re-exported for the tests and the site

VL_VERSION = "5.21"
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"

Layout = Literal["breed", "smal"]
LAYOUTS: tuple[Layout, ...] = ("breed", "smal")

# Colours after the Rijkshuisstijl. A colour says what kind of label a mark shows, the same in every
# figure; each has at least 3:1 contrast on white (WCAG 2.1 SC 1.4.11) and the three stay apart under
# simulated protanopia, deuteranopia and tritanopia (ΔE2000 >= colour.MIN_DELTA_E; tested).
PART = "#007bc7"  # hemelblauw: an ordinary category
UNKNOWN = "#767676"  # grey: the unknown category
TOTAL = "#1a1a1a"  # near-black: a total of other rows (a line)
ROLE_COLOURS = {"deel": PART, "onbekend": UNKNOWN, "totaal": TOTAL}
"""The one colour scale of every chart: the kind of label (`rol`) -> colour."""
ACCENT = "#154273"  # donkerblauw: the publication's accent colour (headings)
TEXT = "#1a1a1a"
MUTED = "#4d4d4d"
GRID = "#d9d9d9"
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
FONT_SIZE = 12  # the smallest text of a chart, in px, at its own size
CHAR_WIDTH = 6.6  # px per character at 12 px (a generous average for Liberation Sans), to wrap labels

PROTECTED_BAR = N_("open staaf met gestippelde rand")
PROTECTED_POINT = N_("open punt met gestippelde rand")
PROTECTED_DRAWING = N_("een open staaf of punt met een gestippelde rand")
"""How a protected cell is drawn, in words: the charts' notes, the text alternatives and the Toelichting
all say it with these (one place)."""

LOCALE: dict[str, object] = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€\u00a0", ""]}
}
"""Dutch number notation on axes (Vega's d3-format locale): 1.000, 2,5."""


def locale(lang: Language = NL) -> dict[str, object]:
    """The number notation of a language on axes (Vega's d3-format locale), from CLDR (Babel)."""
    if lang.source:
        return LOCALE
    from babel.numbers import get_decimal_symbol, get_group_symbol

    decimal, group = get_decimal_symbol(lang.locale), get_group_symbol(lang.locale)
    return {"number": {"decimal": decimal, "thousands": group, "grouping": [3], "currency": ["€", ""]}}


@dataclass(frozen=True)
class Size:
    """The sizes of one layout, in px."""

    width: int  # the widest a chart may be (the SVG, padding included)
    year_columns: int  # panels side by side in a block with one column per year
    category_columns: int  # panels side by side in a block of categories
    year_panel: int  # width of a panel with years
    year_height: int
    bar_area: int  # width of the bars of a horizontal panel
    label_area: int  # width of a horizontal panel beside its bars (category labels sit above the bars)


SIZES: dict[Layout, Size] = {
    "breed": Size(720, 3, 2, 170, 120, 190, 80),
    "smal": Size(340, 1, 1, 262, 110, 200, 50),
}
NARROW_WIDTH = SIZES["smal"].width
"""A 390 px phone minus the page's side margins (2 × 24 px) leaves 342 px: the `smal` layout fits in it, so
its text is drawn at its own size (>= 12 px; measured by the browser test)."""
PADDING = 8


def _num(display: str) -> float | None:
    if display.endswith("%"):
        return None
    try:
        return float(display)
    except ValueError:
        return None


def is_year_block(block: PublishedBlock) -> bool:
    return bool(block.columns) and all(re.fullmatch(r"\d{4}", c) for c in block.columns)


def chart_columns(block: PublishedBlock) -> tuple[str, ...]:
    """Columns a chart draws: not a rank or a percentage column (Tabel 1, Figuur 7)."""
    kinds: dict[str, set[CellKind]] = {}
    for c in block.cells:
        kinds.setdefault(c.column, set()).add(c.kind)
    return tuple(
        c
        for c in block.columns
        if block.meaning(c).role not in (Role.SHARE, Role.RANK)
        and not (kinds.get(c, set()) - {CellKind.BLANK}) <= {CellKind.PERCENT, CellKind.RANK}
    )


def chart_rows(block: PublishedBlock) -> tuple[str, ...]:
    """The rows a chart draws: count rows (not means, not percentages)."""
    cols = set(chart_columns(block))
    kinds: dict[str, set[CellKind]] = {}
    for c in block.cells:
        if c.column in cols:
            kinds.setdefault(c.row, set()).add(c.kind)
    return tuple(
        r
        for r in block.rows
        if block.meaning(r).role != Role.MEAN
        and not (kinds.get(r, set()) & {CellKind.MEAN, CellKind.PERCENT, CellKind.RANK})
    )


def role_name(block: PublishedBlock, label: str) -> str:
    """The kind of a row label as the colour scale knows it: `deel`, `onbekend` or `totaal`."""
    role = block.meaning(label).role
    if role == Role.TOTAL:
        return "totaal"
    if role == Role.UNKNOWN or re.search(r"onbekend", label, re.IGNORECASE):
        return "onbekend"
    return "deel"


def records(fig: PublishedFigure, block: PublishedBlock, lang: Language = NL) -> list[dict[str, object]]:
    """One record per drawn cell: published label, numeric value or the symbol's bound, where its label sits."""
    cells = {(c.row, c.column): c for c in block.cells}
    out: list[dict[str, object]] = []
    for r in chart_rows(block):
        for col in chart_columns(block):
            c = cells.get((r, col))
            if c is None or c.display == "":
                continue
            value = _num(c.display)
            bound = c.below
            if value is None and bound is None:
                continue
            out.append(
                {
                    "rij": r,
                    "kolom": col,
                    "waarde": value,
                    "grens": bound,
                    "hoogte": value if value is not None else bound,
                    "label": c.display,
                    "tekst": lang.count(c.display),
                    "beschermd": bound is not None,
                    "rol": role_name(block, r),
                    "beschrijving": f"{r}, {col}: {lang.count(c.display)}"
                    + (lang.gettext(" (afgerond op vijftallen)") if fig.rounded else ""),
                }
            )
    return out


def undrawn_symbols(fig: PublishedFigure) -> list[str]:
    """The symbols (as the tables show them) of the cells of drawn rows that have nothing to draw: a blank
    cell (`.`) or a symbol without a bound (the strict policy's `x`)."""
    from jaarcijfers.render.publication import shown

    out: list[str] = []
    for b in fig.blocks:
        rows, cols = set(chart_rows(b)), set(chart_columns(b))
        for c in b.cells:
            if c.row in rows and c.column in cols and _num(c.display) is None and c.below is None:
                if c.kind != CellKind.PERCENT and shown(c.display) not in out:
                    out.append(shown(c.display))
    return out


def _axis_title(fig: PublishedFigure, lang: Language = NL) -> str:
    _ = lang.gettext
    unit = re.split(r"[;(]", fig.unit)[0].strip()
    return _("Aantal {unit}").format(unit=unit) if unit and len(unit) <= 32 else _("Aantal")


def wrap(text: str, width_px: float, size: float = FONT_SIZE) -> list[str]:
    """A label in lines that fit `width_px` at `size` px (breaking at spaces, or after '/' and '-')."""
    chars = max(6, int(width_px / (CHAR_WIDTH * size / FONT_SIZE)))
    spaced = re.sub(r"([/-])(?=[^\W\d_])", "\\1\x00 ", text)  # may break after a '/' or '-' inside a word
    lines = textwrap.wrap(spaced, chars, break_long_words=False, break_on_hyphens=False) or [text]
    return [line.replace("\x00 ", "").replace("\x00", "") for line in lines]


def _label_expr(labels: list[str], width_px: float, size: float = FONT_SIZE) -> str | None:
    """A Vega expression that shows each label wrapped into lines (None when every label fits on one)."""
    table = {t: wrap(t, width_px, size) for t in labels}
    if all(len(lines) == 1 for lines in table.values()):
        return None
    return f"{json.dumps(table, ensure_ascii=False, sort_keys=True)}[datum.value] || datum.value"


def _lines(labels: list[str], width_px: float, size: float = FONT_SIZE) -> int:
    return max((len(wrap(t, width_px, size)) for t in labels), default=1)


def _colour(field: str = "rol") -> dict[str, object]:
    return {
        "field": field,
        "type": "nominal",
        "scale": {"domain": list(ROLE_COLOURS), "range": list(ROLE_COLOURS.values())},
        "legend": None,
    }


def _value_axis(fig: PublishedFigure, title: bool, ticks: int, lang: Language = NL) -> dict[str, object]:
    axis: dict[str, object] = {"format": ",d", "tickMinStep": 1, "tickCount": ticks, "labelFlush": True}
    return {
        "field": "waarde",
        "type": "quantitative",
        "title": _axis_title(fig, lang) if title else None,
        "axis": axis,
    }


def _year_layers(fig: PublishedFigure, cols: list[str], size: Size, ticks: int) -> list[dict[str, object]]:
    """The marks of a panel with one column per year: bars (or a line) for a part, a line for a total,
    open dashed marks for protected cells, and every value as a label."""
    x = {
        "field": "kolom",
        "type": "ordinal",
        "sort": cols,
        "title": None,
        "axis": {"labelAngle": 0, "labelPadding": 4},
        "scale": {"paddingInner": 0.25, "paddingOuter": 0.15},
    }
    y = _value_axis(fig, False, ticks)
    y_height = {"field": "hoogte", "type": "quantitative"}
    desc = {"field": "beschrijving"}
    colour = _colour()
    line_rows = "true" if fig.chart == Chart.LINE else "datum.rol == 'totaal'"  # drawn as a line
    layers: list[dict[str, object]] = [
        {  # bars of the parts
            "transform": [{"filter": f"!({line_rows}) && datum.waarde != null"}],
            "mark": {"type": "bar"},
            "encoding": {"x": x, "y": y, "color": colour, "description": desc},
        },
        {  # protected cells of the parts: an open bar up to the bound
            "transform": [{"filter": f"!({line_rows}) && datum.beschermd"}],
            "mark": {"type": "bar", "fill": "white", "strokeWidth": 1.5, "strokeDash": [3, 2]},
            "encoding": {"x": x, "y": {**y_height, "stack": None}, "stroke": colour, "description": desc},
        },
        {  # totals (and every series of a line chart): a line through the values ...
            "transform": [{"filter": f"({line_rows}) && datum.waarde != null"}],
            "mark": {"type": "line", "strokeWidth": 2.5, "aria": False},
            "encoding": {"x": x, "y": y, "color": colour},
        },
        {  # ... with a point on each
            "transform": [{"filter": f"({line_rows}) && datum.waarde != null"}],
            "mark": {"type": "point", "filled": True, "size": 60, "opacity": 1},
            "encoding": {"x": x, "y": y, "color": colour, "description": desc},
        },
        {  # protected cells of a line: an open point at the bound
            "transform": [{"filter": f"({line_rows}) && datum.beschermd"}],
            "mark": {"type": "point", "filled": False, "size": 70, "strokeWidth": 1.5, "strokeDash": [2, 2]},
            "encoding": {"x": x, "y": y_height, "color": colour, "description": desc},
        },
        {  # the value of every bar and point
            "mark": {
                "type": "text",
                "baseline": "bottom",
                "dy": -5,
                "fontSize": FONT_SIZE,
                "color": TEXT,
                "aria": False,
            },
            "encoding": {"x": x, "y": y_height, "text": {"field": "tekst"}},
        },
    ]
    return layers


def _year_block(fig: PublishedFigure, block: PublishedBlock, size: Size) -> dict[str, object]:
    rows = list(chart_rows(block))
    cols = list(chart_columns(block))
    if len(rows) <= 1:
        width = size.width - 2 * PADDING - 70
        return {
            "width": width,
            "height": size.year_height + 60,
            "layer": _year_layers(fig, cols, size, 5),
        }
    columns = min(size.year_columns, len(rows))
    return {
        "facet": {
            "field": "rij",
            "type": "nominal",
            "sort": rows,
            "header": _header(rows, size.year_panel + 30),
        },
        "columns": columns,
        "spacing": {"row": 18, "column": 28},
        "resolve": {"scale": {"y": "shared"}, "axis": {"x": "independent", "y": "independent"}},
        "spec": {
            "width": size.year_panel,
            "height": size.year_height,
            "layer": _year_layers(fig, cols, size, 3),
        },
    }


LINE_HEIGHT = 15  # px of a line of 12 px text
BAR_HEIGHT = 12


def _category_step(labels: list[str], width: float) -> int:
    """The height of one category of a horizontal panel: its label (wrapped) above its bar."""
    return LINE_HEIGHT * _lines(labels, width) + BAR_HEIGHT + 7


def _category_layers(
    fig: PublishedFigure, field: str, labels: list[str], width: float, ticks: int
) -> list[dict[str, object]]:
    """Horizontal bars of one panel, each with its category label above it (wrapped to the panel's width,
    so a narrow screen keeps the whole width for the bars) and its value at its end."""
    lines = _lines(labels, width)
    below = LINE_HEIGHT * lines + 4  # the bar's top, from the top of its band
    shift = below + BAR_HEIGHT / 2 - _category_step(labels, width) / 2  # from the band's centre
    y = {
        "field": field,
        "type": "nominal",
        "sort": labels,
        "title": None,
        "axis": None,
        "scale": {"paddingInner": 0, "paddingOuter": 0},
    }
    x = {**_value_axis(fig, False, ticks)}
    x_height = {"field": "hoogte", "type": "quantitative"}
    desc = {"field": "beschrijving"}
    colour = _colour()
    wrapped = {t: "\n".join(wrap(t, width)) for t in labels}
    return [
        {
            "transform": [{"filter": "datum.waarde != null"}],
            "mark": {"type": "bar", "height": BAR_HEIGHT, "yOffset": shift},
            "encoding": {"y": y, "x": x, "color": colour, "description": desc},
        },
        {
            "transform": [{"filter": "datum.beschermd"}],
            "mark": {
                "type": "bar",
                "height": BAR_HEIGHT,
                "yOffset": shift,
                "fill": "white",
                "strokeWidth": 1.5,
                "strokeDash": [3, 2],
            },
            "encoding": {"y": y, "x": {**x_height, "stack": None}, "stroke": colour, "description": desc},
        },
        {  # the category's label above its bar
            "transform": [
                {
                    "calculate": f"{json.dumps(wrapped, ensure_ascii=False, sort_keys=True)}[datum.{field}]",
                    "as": "naam",
                }
            ],
            "mark": {
                "type": "text",
                "align": "left",
                "baseline": "top",
                "lineBreak": "\n",
                "lineHeight": LINE_HEIGHT,
                "yOffset": 2,
                "fontSize": FONT_SIZE,
                "color": TEXT,
                "aria": False,
            },
            "encoding": {"y": {**y, "bandPosition": 0}, "x": {"value": 0}, "text": {"field": "naam"}},
        },
        {  # the value at the end of the bar
            "mark": {
                "type": "text",
                "align": "left",
                "baseline": "middle",
                "dx": 4,
                "yOffset": shift,
                "fontSize": FONT_SIZE,
                "color": TEXT,
                "aria": False,
            },
            "encoding": {"y": y, "x": x_height, "text": {"field": "tekst"}},
        },
    ]


def _category_block(fig: PublishedFigure, block: PublishedBlock, size: Size) -> dict[str, object]:
    """A block without year columns: horizontal bars; with several columns, one panel per row label."""
    rows = list(chart_rows(block))
    cols = list(chart_columns(block))
    width = size.label_area + size.bar_area
    if len(cols) == 1:
        return {
            "width": width,
            "height": {"step": _category_step(rows, width)},
            "layer": _category_layers(fig, "rij", rows, width, 3),
        }
    columns = min(size.category_columns, len(rows))
    return {
        "facet": {"field": "rij", "type": "nominal", "sort": rows, "header": _header(rows, width)},
        "columns": columns,
        "spacing": {"row": 18, "column": 28},
        "resolve": {"scale": {"x": "shared"}, "axis": {"x": "independent"}},
        "spec": {
            "width": width,
            "height": {"step": _category_step(cols, width)},
            "layer": _category_layers(fig, "kolom", cols, width, 3),
        },
    }


def _header(labels: list[str], width: float) -> dict[str, object]:
    """The heading of each panel of a facet: its row label, bold, wrapped to the panel's width."""
    header: dict[str, object] = {
        "title": None,
        "labelAnchor": "start",
        "labelAlign": "left",
        "labelOrient": "top",
        "labelFontSize": 13,
        "labelFontWeight": "bold",
        "labelColor": TEXT,
        "labelLimit": 0,
        "labelPadding": 6,
    }
    expr = _label_expr(labels, width, 13)
    if expr:
        header["labelExpr"] = expr
    return header


def block_heading(fig: PublishedFigure, block: PublishedBlock, lang: Language = NL) -> str | None:
    """The sub-title of one block of a figure with two blocks (in the edition's language)."""
    _ = lang.gettext
    if len(fig.blocks) < 2:
        return None
    if is_year_block(block):
        return _("Per jaar")
    years = fig.years
    period = f"{years[0]}-{years[-1]}" if years else ""
    return (
        _("Per vorm van mensenhandel (totaal {period})").format(period=period)
        if block.period == "total" or (block.part == "vorm" and _("totaal") in fig.title)
        else (_("Per vorm van mensenhandel") + (f" ({years[-1]})" if years else ""))
    )


def chart_spec(
    fig: PublishedFigure, layout: Layout = "breed", part: str | None = None, lang: Language = NL
) -> dict[str, Any]:
    """The Vega-Lite 5 specification of a figure in a layout (one chart per block, stacked vertically);
    `part`: only that block's chart (the PDF places each block's chart on its own, so none is taller than
    a page), with the figure's notes above the first block's."""
    size = SIZES[layout]
    charts = []
    for block in fig.blocks:
        if part is not None and block.part != part:
            continue
        data = records(fig, block, lang)
        if not data:
            continue
        body = _year_block(fig, block, size) if is_year_block(block) else _category_block(fig, block, size)
        chart: dict[str, object] = {"data": {"values": data}, **body}
        heading = block_heading(fig, block, lang)
        if heading:
            chart["title"] = {
                "text": wrap(heading, size.width - 2 * PADDING, 13),
                "anchor": "start",
                "fontSize": 13,
                "fontWeight": "bold",
                "color": TEXT,
                "offset": 10,
            }
        charts.append(chart)
    spec: dict[str, Any] = {
        "$schema": SCHEMA,
        "description": f"{fig.name}. {fig.title}",
        "config": config(lang),
        "background": "white",
        "padding": PADDING,
    }
    notes = chart_notes(fig, lang) if part is None or drawn_parts(fig)[:1] == [part] else []
    if notes:
        spec["title"] = {
            "text": [line for note in notes for line in wrap(note, size.width - 2 * PADDING)],
            "anchor": "start",
            "color": MUTED,
            "fontSize": FONT_SIZE,
            "fontWeight": "normal",
            "offset": 14,
        }
    if len(charts) == 1:
        spec.update(charts[0])
    else:
        spec["vconcat"] = charts
        spec["spacing"] = 32
        spec["align"] = "none"  # each block's chart starts at the left edge
    return spec


def drawn_parts(fig: PublishedFigure) -> list[str]:
    """The blocks of a figure that have a chart (some cell to draw), in order."""
    return [b.part for b in fig.blocks if records(fig, b)]


def chart_notes(fig: PublishedFigure, lang: Language = NL) -> list[str]:
    """The lines at a chart's top: rounding, how protected and blank cells and totals are drawn (in the
    edition's language)."""
    _ = lang.gettext
    out = []
    if fig.rounded:
        out.append(_("Afgerond op vijftallen."))
    bounds = {c.display: c.below for b in fig.blocks for c in b.cells if c.below is not None}
    symbols = sorted(bounds, key=lambda s: (bounds[s], s))
    if symbols:
        drawn_as = {
            "punt" if fig.chart == Chart.LINE or role_name(b, c.row) == "totaal" else "staaf"
            for b in fig.blocks
            for c in b.cells
            if c.below is not None and c.row in chart_rows(b) and c.column in chart_columns(b)
        }
        shape = (
            _(PROTECTED_BAR)
            if drawn_as == {"staaf"}
            else _(PROTECTED_POINT)
            if drawn_as == {"punt"}
            else _("open staaf of punt met gestippelde rand")
        )
        or_ = _(" of ")
        out.append(
            _("{shape}: {symbols}, geen exacte waarde (getekend tot {bounds}).").format(
                shape=cap_first(shape),
                symbols=or_.join(symbols),
                bounds=or_.join(str(bounds[s]) for s in symbols),
            )
        )
    undrawn = undrawn_symbols(fig)
    if undrawn:
        out.append(
            _("Geen staaf of punt: niet weergegeven (in de tabel: {symbols}).").format(
                symbols=or_join(undrawn, lang)
            )
        )
    totals = [r for b in fig.blocks for r in chart_rows(b) if role_name(b, r) == "totaal"]
    parts = [r for b in fig.blocks for r in chart_rows(b) if role_name(b, r) != "totaal"]
    if totals and parts and fig.chart != Chart.LINE:
        out.append(_("Totalen zijn als lijn getekend, de onderdelen als staven."))
    return out


def or_join(items: list[str], lang: Language = NL) -> str:
    return lang.gettext(" of ").join(items)


def cap_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def config(lang: Language = NL) -> dict[str, object]:
    return {
        "font": FONT,
        "locale": locale(lang),
        "view": {"stroke": None},
        "aria": True,
        "axis": {
            "aria": False,
            "labelColor": TEXT,
            "titleColor": TEXT,
            "gridColor": GRID,
            "domainColor": MUTED,
            "tickColor": MUTED,
            "labelFontSize": FONT_SIZE,
            "titleFontSize": FONT_SIZE,
            "titleFontWeight": "normal",
        },
        "header": {"labelFontSize": 13, "titleFontSize": 13},
        "legend": {"labelColor": TEXT, "titleColor": TEXT, "aria": False, "labelFontSize": FONT_SIZE},
        "title": {"color": TEXT, "subtitleColor": MUTED, "fontSize": 13},
        "text": {"fontSize": FONT_SIZE},
        "bar": {"continuousBandSize": 14},
    }


def spec_json(
    fig: PublishedFigure, layout: Layout = "breed", part: str | None = None, lang: Language = NL
) -> str:
    """The specification as canonical JSON (sorted keys): byte-identical for the same figure."""
    return json.dumps(
        chart_spec(fig, layout, part, lang), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


@lru_cache(maxsize=256)
def _svg(spec: str) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(json.loads(spec), vl_version=VL_VERSION)


def chart_svg(
    fig: PublishedFigure, layout: Layout = "breed", part: str | None = None, lang: Language = NL
) -> str:
    """The static SVG of a figure (for the site), or of one block's chart (for the PDF); none for a figure
    without data."""
    return "" if fig.no_data else _svg(spec_json(fig, layout, part, lang))


def views(spec: dict[str, Any]) -> list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """(data records, layers) of every chart of a specification (a block's chart, facetted or not)."""
    out = []
    for chart in spec.get("vconcat", [spec]):
        layers = chart["spec"]["layer"] if "spec" in chart else chart["layer"]
        out.append((chart["data"]["values"], layers))
    return out


def series_colours(spec: dict[str, Any]) -> list[tuple[str, list[str], bool]]:
    """For each chart of a specification: the field its colour encodes, the colours of the series it shows,
    and whether its series are directly labelled (a panel per series, headed by its label). The colour test
    reads this (tests/render/test_charts.py)."""
    out = []
    for chart in spec.get("vconcat", [spec]):
        data, layers = (
            chart["data"]["values"],
            chart["spec"]["layer"] if "spec" in chart else chart["layer"],
        )
        facet_field = chart.get("facet", {}).get("field")
        for layer in layers:
            enc = layer.get("encoding", {})
            for channel in ("color", "stroke"):
                c = enc.get(channel)
                if not isinstance(c, dict) or "field" not in c:
                    continue
                scale = dict(zip(c["scale"]["domain"], c["scale"]["range"], strict=True))
                used = sorted({str(v[c["field"]]) for v in data})
                series = sorted({str(v["rij"]) for v in data})
                labelled = facet_field == "rij" or len(series) == 1 or labels_rows(layers)
                out.append((c["field"], [scale[u] for u in used], labelled))
    return out


def labels_rows(layers: list[dict[str, Any]]) -> bool:
    """Whether a chart writes each row's label beside its mark (a horizontal bar chart of one column)."""
    return any(
        layer["mark"]["type"] == "text"
        and any(
            t.get("as") == "naam" and "datum.rij]" in t.get("calculate", "")
            for t in layer.get("transform", [])
        )
        for layer in layers
    )


def omitted_from_chart(fig: PublishedFigure) -> list[str]:
    """Rows in the table that the chart does not draw (means, percentages), for a note."""
    out = []
    for b in fig.blocks:
        drawn = set(chart_rows(b))
        out += [r for r in b.rows if r not in drawn and r not in out]
        out += [c for c in b.columns if c not in chart_columns(b) and c not in out]
    return out
