"""Every figure as a chart: a Vega-Lite 5 specification and its static SVG (via vl-convert).

Charts show published values only. A protected cell (`<5`, `<10`) is never drawn as a value: it is an
open, dashed bar (or an open point on a line) reaching the symbol's bound (`PublishedCell.below`: 5, 10), with the
symbol as its label; a blank cell is left out. Figures of sources rounded to fives (IND, Raad voor de
rechtspraak) carry a subtitle saying so. Means and percentages stay in the table (different units).
The same figure always gives the same specification and byte-identical SVG.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from jaarcijfers.edition.model import PublishedBlock, PublishedFigure
from jaarcijfers.figures.model import CellKind

VL_VERSION = "5.21"
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"

# A restrained palette after the Rijkshuisstijl; every colour has at least 3:1 contrast on white
# (WCAG 2.1 SC 1.4.11, tested), the first (dark blue) is the publication's accent colour.
PALETTE = (
    "#154273",  # donkerblauw
    "#e17000",  # oranje
    "#007bc7",  # hemelblauw
    "#a90061",  # violet
    "#39870c",  # groen
    "#673327",  # donkerbruin
    "#777c00",  # mosgroen
    "#42145f",  # paars
    "#ca005d",  # robijnrood
)
ACCENT = PALETTE[0]
UNKNOWN = "#6e6e6e"  # grey for "Onbekend" categories (5.1:1 on white)
TEXT = "#1a1a1a"
MUTED = "#4d4d4d"
GRID = "#d9d9d9"
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"

WIDTH = 600


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
        if c not in ("Rang", "Percentage")
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
        r for r in block.rows if not (kinds.get(r, set()) & {CellKind.MEAN, CellKind.PERCENT, CellKind.RANK})
    )


def records(fig: PublishedFigure, block: PublishedBlock) -> list[dict[str, object]]:
    """One record per drawn cell: published label, numeric value or the symbol's bound."""
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
                    "label": c.display,
                    "beschermd": bound is not None,
                    "beschrijving": f"{r}, {col}: {c.display}"
                    + (" (afgerond op vijftallen)" if fig.rounded else ""),
                }
            )
    return out


def _axis_title(fig: PublishedFigure) -> str:
    unit = re.split(r"[;(]", fig.unit)[0].strip()
    return f"Aantal {unit}" if unit and len(unit) <= 32 else "Aantal"


def colours(domain: list[str]) -> list[str]:
    """A colour per category: unknown categories neutral grey, the others the palette in order."""
    out, i = [], 0
    for label in domain:
        if re.search(r"onbekend", label, re.IGNORECASE):
            out.append(UNKNOWN)
        else:
            out.append(PALETTE[i % len(PALETTE)])
            i += 1
    return out


def _color(domain: list[str], legend_title: str | None, orient: str = "bottom") -> dict[str, object]:
    long = max((len(d) for d in domain), default=0) > 45
    return {
        "field": "rij" if legend_title != "__kolom__" else "kolom",
        "type": "nominal",
        "sort": domain,
        "scale": {"domain": domain, "range": colours(domain)},
        "legend": None
        if len(domain) <= 1
        else {
            "title": None,
            "orient": orient,
            "direction": "vertical",
            "columns": 1 if long else 2 if len(domain) > 3 else len(domain),
            "labelLimit": 560,
            "symbolStrokeWidth": 2,
            "labelFontSize": 12,
        },
    }


def _year_block_layers(fig: PublishedFigure, block: PublishedBlock, kind: str) -> dict[str, object]:
    rows = list(chart_rows(block))
    cols = list(chart_columns(block))
    y_title = _axis_title(fig)
    x = {
        "field": "kolom",
        "type": "ordinal",
        "sort": cols,
        "title": None,
        "axis": {"labelAngle": 0, "labelFontSize": 12},
    }
    y_value = {
        "field": "waarde",
        "type": "quantitative",
        "title": y_title,
        "axis": {"format": "d", "tickMinStep": 1},
    }
    y_bound = {"field": "grens", "type": "quantitative"}
    color = _color(rows, None)
    desc = {"field": "beschrijving"}
    layers: list[dict[str, object]] = []
    if kind == "line":
        layers.append(
            {
                "transform": [{"filter": "datum.waarde != null"}],
                "mark": {"type": "line", "strokeWidth": 2.5, "point": {"filled": True, "size": 60}},
                "encoding": {"x": x, "y": y_value, "color": color, "description": desc},
            }
        )
        layers.append(
            {
                "transform": [{"filter": "datum.beschermd"}],
                "mark": {
                    "type": "point",
                    "filled": False,
                    "size": 70,
                    "strokeWidth": 1.5,
                    "strokeDash": [2, 2],
                },
                "encoding": {"x": x, "y": y_bound, "color": color, "description": desc},
            }
        )
    else:
        stacked = kind == "stacked_bar"
        grouped = len(rows) > 1 and not stacked
        base_enc: dict[str, object] = {"x": x, "color": color, "description": desc}
        if grouped:
            base_enc["xOffset"] = {"field": "rij", "type": "nominal", "sort": rows}
        layers.append(
            {
                "transform": [{"filter": "datum.waarde != null"}],
                "mark": {"type": "bar"},
                "encoding": {**base_enc, "y": {**y_value, "stack": "zero" if stacked else None}},
            }
        )
        if not stacked:
            layers.append(
                {
                    "transform": [{"filter": "datum.beschermd"}],
                    "mark": {"type": "bar", "fill": "white", "strokeWidth": 1.2, "strokeDash": [3, 2]},
                    "encoding": {
                        **{k: v for k, v in base_enc.items() if k != "color"},
                        "y": {**y_bound, "stack": None},
                        "stroke": {**color, "legend": None},
                    },
                }
            )
    return {"width": WIDTH, "height": 260, "layer": layers}


def _category_block_layers(fig: PublishedFigure, block: PublishedBlock) -> dict[str, object]:
    """A block without year columns: horizontal bars, rows on the y axis, columns as coloured groups."""
    rows = list(chart_rows(block))
    cols = list(chart_columns(block))
    x_value = {
        "field": "waarde",
        "type": "quantitative",
        "title": _axis_title(fig),
        "axis": {"format": "d", "tickMinStep": 1, "tickCount": 6},
    }
    x_bound = {"field": "grens", "type": "quantitative"}
    y = {
        "field": "rij",
        "type": "nominal",
        "sort": rows,
        "title": None,
        "axis": {"labelLimit": 260, "labelFontSize": 12},
    }
    single = len(cols) == 1
    color = _color(cols, "__kolom__") if not single else {"value": ACCENT}
    base: dict[str, object] = {"y": y, "description": {"field": "beschrijving"}}
    if not single:
        base["yOffset"] = {"field": "kolom", "type": "nominal", "sort": cols}
    step = 9 if not single else 22
    height = max(120, len(rows) * max(1, len(cols)) * step + len(rows) * 6)
    layers = [
        {
            "transform": [{"filter": "datum.waarde != null"}],
            "mark": {"type": "bar"},
            "encoding": {**base, "x": x_value, "color": color},
        },
        {
            "transform": [{"filter": "datum.beschermd"}],
            "mark": {"type": "bar", "fill": "white", "strokeWidth": 1.2, "strokeDash": [3, 2]},
            "encoding": {
                **base,
                "x": x_bound,
                "stroke": {**color, "legend": None} if not single else {"value": ACCENT},
            },
        },
    ]
    return {"width": WIDTH - 100, "height": height, "layer": layers}


def block_heading(fig: PublishedFigure, block: PublishedBlock) -> str | None:
    """The sub-title of one block of a figure with two blocks (Dutch)."""
    if len(fig.blocks) < 2:
        return None
    if is_year_block(block):
        return "Per jaar"
    years = fig.years
    period = f"{years[0]}-{years[-1]}" if years else ""
    return (
        f"Per vorm van mensenhandel (totaal {period})"
        if block.part == "vorm" and "totaal" in fig.title
        else ("Per vorm van mensenhandel" + (f" ({years[-1]})" if years else ""))
    )


def chart_spec(fig: PublishedFigure) -> dict[str, object]:
    """The Vega-Lite 5 specification of a figure (one chart per block, stacked vertically)."""
    charts = []
    for block in fig.blocks:
        data = records(fig, block)
        if not data:
            continue
        if is_year_block(block):
            kind = fig.chart if fig.chart in ("line", "stacked_bar") else "grouped_bar"
            body = _year_block_layers(fig, block, kind)
        else:
            body = _category_block_layers(fig, block)
        chart: dict[str, object] = {"data": {"values": data}, **body}
        heading = block_heading(fig, block)
        if heading:
            chart["title"] = {
                "text": heading,
                "anchor": "start",
                "fontSize": 13,
                "fontWeight": "bold",
                "color": TEXT,
            }
        charts.append(chart)
    subtitle = chart_notes(fig)
    spec: dict[str, object] = {
        "$schema": SCHEMA,
        "description": f"{fig.name}. {fig.title}",
        "config": config(),
        "background": "white",
        "padding": 8,
    }
    if subtitle:
        spec["title"] = {
            "text": subtitle,
            "anchor": "start",
            "color": MUTED,
            "fontSize": 12,
            "fontWeight": "normal",
            "offset": 12,
        }
    if len(charts) == 1:
        spec.update(charts[0])
    else:
        spec["vconcat"] = charts
        spec["spacing"] = 28
        spec["resolve"] = {"scale": {"color": "independent", "stroke": "independent"}}
    return spec


def chart_notes(fig: PublishedFigure) -> list[str]:
    """The lines under a chart's top edge: rounding and how protected cells are drawn (Dutch)."""
    out = []
    if fig.rounded:
        out.append("Afgerond op vijftallen.")
    bounds = {c.display: c.below for b in fig.blocks for c in b.cells if c.below is not None}
    symbols = sorted(bounds, key=lambda s: (bounds[s], s))
    if symbols:
        shape = "open, gestippelde staaf" if fig.chart != "line" else "open punt"
        out.append(
            f"{cap_first(shape)}: {' of '.join(symbols)} (geen exacte waarde; de hoogte is de bovengrens)."
        )
    return out


def cap_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def config() -> dict[str, object]:
    return {
        "font": FONT,
        "view": {"stroke": None},
        "aria": True,
        "axis": {
            "aria": False,
            "labelColor": TEXT,
            "titleColor": TEXT,
            "gridColor": GRID,
            "domainColor": MUTED,
            "tickColor": MUTED,
            "labelFontSize": 12,
            "titleFontSize": 12,
            "titleFontWeight": "normal",
        },
        "legend": {"labelColor": TEXT, "titleColor": TEXT, "aria": False},
        "title": {"color": TEXT, "subtitleColor": MUTED},
        "bar": {"continuousBandSize": 14},
        "range": {"category": list(PALETTE)},
    }


def spec_json(fig: PublishedFigure) -> str:
    """The specification as canonical JSON (sorted keys): byte-identical for the same figure."""
    return json.dumps(chart_spec(fig), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@lru_cache(maxsize=256)
def _svg(spec: str) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(json.loads(spec), vl_version=VL_VERSION)


def chart_svg(fig: PublishedFigure) -> str:
    """The static SVG of a figure (for the site and the PDF); none for a figure without data."""
    return "" if fig.no_data else _svg(spec_json(fig))


def omitted_from_chart(fig: PublishedFigure) -> list[str]:
    """Rows in the table that the chart does not draw (means, percentages), for a note."""
    out = []
    for b in fig.blocks:
        drawn = set(chart_rows(b))
        out += [r for r in b.rows if r not in drawn and r not in out]
        out += [c for c in b.columns if c not in chart_columns(b) and c not in out]
    return out


def contrast_ratio(a: str, b: str = "#ffffff") -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""

    def lum(h: str) -> float:
        rgb = [int(h[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    la, lb = sorted((lum(a), lum(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
