"""The charts are designed for reading: colours that survive colour blindness or direct labels, totals as
lines, one meaning per colour, Dutch numbers, text of 12 px or more, layouts that fit a phone."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from jaarcijfers.render import charts, colour


@pytest.fixture(params=["synthetic", "reference"])
def any_edition(request, edition, reference_edition):  # type: ignore[no-untyped-def]
    return edition if request.param == "synthetic" else reference_edition


def test_role_colours_stay_apart_under_colour_blindness() -> None:
    for a, b in itertools.combinations(charts.ROLE_COLOURS.values(), 2):
        assert colour.distinguishable(a, b) >= colour.MIN_DELTA_E, (a, b)


def test_every_chart_is_distinguishable_or_directly_labelled(any_edition) -> None:  # type: ignore[no-untyped-def]
    """For every chart: every pair of the colours of its series keeps ΔE2000 >= MIN_DELTA_E for normal vision
    and under simulated protanopia, deuteranopia and tritanopia, or its series are directly labelled."""
    checked = 0
    for fig in any_edition.figures:
        for layout in charts.LAYOUTS:
            for field, colours, labelled in charts.series_colours(charts.chart_spec(fig, layout)):
                checked += 1
                if labelled:
                    continue
                for a, b in itertools.combinations(sorted(set(colours)), 2):
                    assert colour.distinguishable(a, b) >= colour.MIN_DELTA_E, (fig.id, layout, field, a, b)
    assert checked > 0


def test_series_are_directly_labelled(any_edition) -> None:  # type: ignore[no-untyped-def]
    """No chart has a legend: a block with several series is one panel per series, headed by its label."""
    for fig in any_edition.figures:
        for layout in charts.LAYOUTS:
            spec = charts.chart_spec(fig, layout)
            assert '"legend": {' not in str(spec)
            for chart in spec.get("vconcat", [spec]):
                series = {v["rij"] for v in chart["data"]["values"]}
                if len(series) > 1 and "facet" in chart:
                    assert chart["facet"]["field"] == "rij", (fig.id, layout)
                elif len(series) > 1:  # one column: each bar with its row's label above it
                    assert charts.labels_rows(chart["layer"]), (fig.id, layout)


def test_one_meaning_per_colour(any_edition) -> None:  # type: ignore[no-untyped-def]
    """Within a figure, and across figures, a colour always stands for the same kind of label."""
    for fig in any_edition.figures:
        for layout in charts.LAYOUTS:
            for _, layers in charts.views(charts.chart_spec(fig, layout)):
                for layer in layers:
                    for channel in ("color", "stroke"):
                        enc = layer["encoding"].get(channel)
                        if isinstance(enc, dict) and "field" in enc:
                            assert enc["field"] == "rol"
                            assert dict(zip(enc["scale"]["domain"], enc["scale"]["range"], strict=True)) == (
                                charts.ROLE_COLOURS
                            )


def _layers_of(spec: dict[str, Any], row: str) -> set[str]:
    """The mark types that draw a row (by the filters of the layers, evaluated for that row's records)."""
    out = set()
    for data, layers in charts.views(spec):
        rows = [v for v in data if v["rij"] == row]
        for layer in layers:
            flt = next((t["filter"] for t in layer.get("transform", []) if "filter" in t), "true")
            for v in rows:
                expr = (
                    flt.replace("datum.", "v_")
                    .replace("!(", "not (")
                    .replace("&&", " and ")
                    .replace("||", " or ")
                    .replace("!= null", "is not None")
                    .replace("true", "True")
                )
                env = {f"v_{k}": x for k, x in v.items()}
                if eval(expr, {}, env):  # noqa: S307 - our own filter expressions
                    out.add(layer["mark"]["type"])
    return out


def test_totals_are_lines_not_bars(reference_edition) -> None:  # type: ignore[no-untyped-def]
    for fid, total in (("14", "Totaal"), ("18", "Totaal"), ("18", "Seksuele uitbuiting - totaal")):
        spec = charts.chart_spec(reference_edition.figure(fid))
        assert _layers_of(spec, total) == {"line", "point", "text"}, (fid, total)
        assert "bar" in _layers_of(spec, "Arbeidsuitbuiting" if fid == "18" else "Mannen")
    assert any(
        "Totalen zijn als lijn getekend" in n for n in charts.chart_notes(reference_edition.figure("14"))
    )


def test_dutch_numbers_and_text_sizes(any_edition) -> None:  # type: ignore[no-untyped-def]
    for fig in any_edition.figures:
        for layout in charts.LAYOUTS:
            spec = charts.chart_spec(fig, layout)
            assert spec["config"]["locale"]["number"]["thousands"] == "."
            assert spec["config"]["locale"]["number"]["decimal"] == ","
            text = str(spec)
            for size in re.findall(r"'(?:fontSize|labelFontSize|titleFontSize)': (\d+)", text):
                assert int(size) >= 12, (fig.id, layout)
            for axis_format in re.findall(r"'format': '([^']*)'", text):
                assert axis_format == ",d"
            for data, _ in charts.views(spec):
                for v in data:
                    assert v["tekst"] == v["label"] if not str(v["label"]).isdigit() else True
    big = [v for f in any_edition.figures for d, _ in charts.views(charts.chart_spec(f)) for v in d]
    assert all(
        v["tekst"] == f"{int(v['label']):,}".replace(",", ".") for v in big if str(v["label"]).isdigit()
    )


def test_thousands_on_axes_in_the_svg() -> None:
    """vl-convert draws the axes with the Dutch locale: 1.000, not 1000."""
    from tests.render.conftest import make_edition

    e = make_edition()
    svg = charts.chart_svg(e.figure("1"))
    assert re.search(r">1\.000<", svg) and not re.search(r">1000<", svg)
    assert ">1.013<" in svg  # the value label


def test_charts_fit_their_layout(any_edition) -> None:  # type: ignore[no-untyped-def]
    """The narrow layout fits the 342 px a 390 px phone leaves, so it is never scaled down there."""
    for fig in any_edition.figures:
        for layout in charts.LAYOUTS:
            svg = charts.chart_svg(fig, layout)
            width = float(re.search(r'<svg[^>]*\swidth="([\d.]+)"', svg).group(1))  # type: ignore[union-attr]
            assert width <= charts.SIZES[layout].width, (fig.id, layout, width)
    assert charts.NARROW_WIDTH <= 390 - 2 * 24


def test_the_chart_says_how_it_draws_protected_cells(reference_edition) -> None:  # type: ignore[no-untyped-def]
    """The Figuur 20 note no longer says 'gearceerd'; how a protected cell is drawn is said by the chart."""
    f20 = reference_edition.figure("20")
    assert not any("gearceerd" in n for n in f20.notes)
    notes = charts.chart_notes(f20)
    assert "Open staaf met gestippelde rand: <10, geen exacte waarde (getekend tot 10)." in notes
    layers = [layer for _, ls in charts.views(charts.chart_spec(f20)) for layer in ls]
    dashed = [layer for layer in layers if layer["mark"].get("strokeDash")]
    assert dashed and all(
        layer["mark"].get("fill", "white") == "white" or layer["mark"]["type"] == "point" for layer in dashed
    )
    f18 = charts.chart_notes(reference_edition.figure("18"))
    assert any("niet weergegeven" in n for n in f18)  # the hidden split of 2024 is said, not left blank
