"""The report site and the charts: snapshot, structure, accessibility basics, numbers, determinism.

Regenerate the snapshots with `JAARCIJFERS_UPDATE_SNAPSHOTS=1 uv run pytest tests/render`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from jaarcijfers.edition.model import Estimate
from jaarcijfers.render import charts
from jaarcijfers.render.checks import html_text, numbers_not_in_edition
from jaarcijfers.render.site import interactive_spec, render_site, vega_bundle, write_site

BUNDLE_PLACEHOLDER = "/* vl_convert.javascript_bundle() */"


def test_site_snapshot(edition, snapshot):
    page = render_site(edition)
    assert page.count(vega_bundle()) == 1
    snapshot("site-synthetic.html", page.replace(vega_bundle(), BUNDLE_PLACEHOLDER))


def spec_scripts(page: str) -> list[tuple[str, str]]:
    return re.findall(
        r'<script type="application/json" class="vl-spec" data-layout="(\w+)">(.*?)</script>', page, re.DOTALL
    )


def test_every_figure_embeds_its_interactive_spec(edition):
    page = render_site(edition)
    scripts = spec_scripts(page)
    assert len(scripts) == len(edition.figures) * len(charts.LAYOUTS)
    assert page.count("<script>") == 2  # the Vega bundle (once) and the script drawing the charts
    expected = [(fig, layout) for fig in edition.figures for layout in charts.LAYOUTS]
    for (fig, layout), (name, text) in zip(expected, scripts, strict=True):
        assert name == layout
        assert "<" not in text and ">" not in text and "&" not in text  # nothing can end the <script>
        spec = json.loads(text)
        assert spec == json.loads(json.dumps(interactive_spec(fig, layout)))
        assert spec["$schema"] == charts.SCHEMA


def test_tooltips_show_published_values_only(edition, make):
    published = {c.display for f in edition.figures for b in f.blocks for c in b.cells}
    for fig in edition.figures:
        for layout in charts.LAYOUTS:
            for data, layers in charts.views(interactive_spec(fig, layout)):
                for v in data:
                    value = v["tooltip"].split(": ", 1)[1].removesuffix(" (afgerond op vijftallen)")
                    assert value.replace(".", "") in published and value.replace(".", "") == v["label"], v
                    assert v["tooltip"].startswith(f"{v['rij']}, {v['kolom']}: ")
                for layer in layers:
                    tip = layer["encoding"].get("tooltip")
                    if layer["mark"]["type"] in ("bar", "point"):
                        assert tip == {"field": "tooltip", "type": "nominal"}
                    else:  # a line's tooltip would show one value; a label is not a mark
                        assert tip is None and "point" not in layer["mark"]
    f20 = interactive_spec(edition.figure("20"))
    assert {v["tooltip"] for v in f20["data"]["values"] if v["beschermd"]} == {
        f"Eindarrest vrijspraak, {y}: <10 (afgerond op vijftallen)" for y in range(2020, 2025)
    }
    big = make(figures=(charts_figure_with(make().figure("1"), "1013"),))
    assert "Geregistreerde slachtoffers, 2020: 1.013" in {
        v["tooltip"] for v in interactive_spec(big.figure("1"))["data"]["values"]
    }


def charts_figure_with(fig, value):
    import dataclasses

    block = fig.blocks[0]
    cells = tuple(dataclasses.replace(c, display=value) if c.column == "2020" else c for c in block.cells)
    return dataclasses.replace(fig, blocks=(dataclasses.replace(block, cells=cells),))


def test_interactive_spec_draws_like_the_static_chart(edition):
    import vl_convert

    for fid in ("2", "6"):
        fig = edition.figure(fid)
        for layout in charts.LAYOUTS:
            static = vl_convert.vegalite_to_svg(charts.chart_spec(fig, layout), vl_version=charts.VL_VERSION)
            live = vl_convert.vegalite_to_svg(interactive_spec(fig, layout), vl_version=charts.VL_VERSION)
            assert static == live, (fid, layout)


def test_chart_spec_snapshot(edition, snapshot):
    specs = {
        f"{f.id} {layout}": charts.chart_spec(f, layout) for f in edition.figures for layout in charts.LAYOUTS
    }
    snapshot("charts-synthetic.json", json.dumps(specs, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def test_site_is_deterministic(edition, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert write_site(edition, a) == ["index.html"]
    write_site(edition, b)
    assert (a / "index.html").read_bytes() == (b / "index.html").read_bytes()
    assert charts.chart_svg(edition.figure("2")) == charts.chart_svg(edition.figure("2"))


def test_no_unpublished_number_in_the_site(edition, reference_edition):
    for e in (edition, reference_edition):
        assert numbers_not_in_edition(html_text(render_site(e)), e) == []


def test_structure_and_accessibility(edition):
    page = render_site(edition)
    assert page.startswith('<!DOCTYPE html>\n<html lang="nl">')
    for chapter in (
        "Introductie",
        "1</span> Slachtoffers",
        "2</span> Plegers",
        "3</span> Belangrijkste ontwikkelingen",
        "4</span> Toelichting op de cijfers",
    ):
        assert chapter in page
    for fig in edition.figures:
        block = page.split(f'<figure class="figuur" id="figuur-{fig.id.lower()}"', 1)[1].split(
            "</figure>", 1
        )[0]
        assert f"{fig.name}.</span> {fig.title}" in block
        assert block.count("<svg") == len(charts.LAYOUTS) and f"Bron: {fig.source}" in block
        assert "Beschrijving van de grafiek" in block
        assert block.count("<table>") == len(fig.blocks) and "<caption>" in block
        assert '<th scope="col">' in block and '<th scope="row">' in block
        assert '<th scope="col"></th>' not in block  # every header cell has a text
    assert "<script src" not in page and "http://" not in html_text(page) and "<link" not in page
    # the publication as one set: the other outputs, the date, the colophon
    for href in (
        "jaarcijfers-2024.pdf",
        "jaarcijfers-2024.xlsx",
        "open-data/datapackage.json",
        "persbericht.html",
    ):
        assert f'<a href="{href}">' in page
    assert '<time datetime="2025-06-12">12 juni 2025</time>' in page
    assert 'id="colofon"' in page and "CC BY 4.0" in page
    assert '<a class="skiplink" href="#inhoud">' in page
    # no timestamps (outside the Vega library, which has fixed date examples of its own)
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", page.replace(vega_bundle(), ""))


def test_protected_and_rounded_cells_are_marked(edition):
    spec = charts.chart_spec(edition.figure("20"))
    assert "Afgerond op vijftallen." in spec["title"]["text"]
    values = spec["data"]["values"]
    protected = [v for v in values if v["beschermd"]]
    assert protected and all(
        v["waarde"] is None and v["grens"] == 10 and v["label"] == "<10" and v["hoogte"] == 10
        for v in protected
    )
    f16 = charts.records(edition.figure("16"), edition.figure("16").blocks[0])
    assert not any(r["kolom"] == "2024" and r["rij"] == "Onbekend" for r in f16)  # blank cell: nothing drawn
    assert {r["label"] for r in f16 if r["beschermd"]} == {"<5"}


def test_means_and_percentages_stay_in_the_table(reference_edition):
    drawn = {
        r["rij"]
        for b in reference_edition.figure("22").blocks
        for r in charts.records(reference_edition.figure("22"), b)
    }
    assert "Gemiddelde leeftijd in jaren" not in drawn
    f7 = charts.records(reference_edition.figure("7"), reference_edition.figure("7").blocks[0])
    assert {r["kolom"] for r in f7} == {"Aantal"}


def test_palette_contrast():
    for colour in charts.ROLE_COLOURS.values():
        assert charts.contrast_ratio(colour) >= 3.0, colour  # graphical objects (SC 1.4.11)
    for colour in (charts.TEXT, charts.MUTED, charts.ACCENT):
        assert charts.contrast_ratio(colour) >= 4.5, colour  # text (SC 1.4.3)
    css = (Path(charts.__file__).parent / "templates" / "style.css").read_text()
    for colour in re.findall(r"--(?:tekst|gedempt|accent): (#[0-9a-f]{6})", css):
        assert charts.contrast_ratio(colour) >= 4.5
    assert charts.contrast_ratio("#ffffff", "#154273") >= 4.5  # header text
    assert charts.contrast_ratio("#154273", "#e6ecf2") >= 4.5  # accent on the light table header


def test_blank_cells_show_their_symbol(edition):
    page = render_site(edition)
    f16 = page.split('id="figuur-16"', 1)[1].split("</figure>", 1)[0]
    assert '<td><span aria-hidden="true">.</span><span class="verborgen">niet weergegeven</span></td>' in f16
    assert "<td></td>" not in page


def test_reflection_markdown_is_rendered(make):
    e = make(reflection_markdown="## Eigen reflectie\n\nDe **stijging** is opvallend.\n\n- punt een")
    page = render_site(e)
    assert "<strong>stijging</strong>" in page and "<li>punt een</li>" in page
    assert "3</span> Reflectie" in page and "Belangrijkste ontwikkelingen" not in page
    assert "3</span> Belangrijkste ontwikkelingen" in render_site(make())


def test_reflection_cannot_inject_markup(make):
    nasty = '<script>alert(1)</script> <img src=x onerror="alert(2)"> [klik](javascript:alert(3))'
    page = render_site(make(reflection_markdown=f"Tekst {nasty}"))
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and 'onerror="alert(2)"' not in page
    assert "javascript:alert(3)" not in page and "klik" in page


def test_estimate_section_only_when_present(make):
    from jaarcijfers.edition.publish import with_estimate

    assert "Hoeveel slachtoffers zijn er?" not in render_site(make())
    e = with_estimate(
        make(),
        Estimate(
            year=2024,
            observed=944,
            total=5012,
            ci_lower=4100,
            ci_upper=6300,
            ci_level=0.95,
            ci_method="profile",
            method="Schatting op basis van overlap tussen melders.",
            model="stepwise",
            model_terms=(),
            lists=(),
        ),
    )
    page = render_site(e)
    assert "Hoeveel slachtoffers zijn er?" in page and "5.012" in page and "4.100 tot 6.300" in page
    assert "Experimentele statistiek" in page
    assert numbers_not_in_edition(html_text(page), e) == []
