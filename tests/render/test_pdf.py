"""The printed report: every figure with its title, no number the edition does not publish, PDF/UA,
deterministic.

The PDF of the reference edition is compiled once per module. Text is read with `pdftotext` (poppler-utils,
installed by `make test`), falling back to pypdf where only the plain text is needed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from jaarcijfers.edition.files import read_edition
from jaarcijfers.edition.model import Estimate, NoEstimate
from jaarcijfers.paths import REFERENCE_2024
from jaarcijfers.render.checks import numbers_not_in_edition
from jaarcijfers.render.pdf import compile_pdf, document, render_pdf, typst_arguments

HAS_PDFTOTEXT = shutil.which("pdftotext") is not None
needs_poppler = pytest.mark.skipif(not HAS_PDFTOTEXT, reason="pdftotext (poppler-utils) is not installed")


@pytest.fixture(scope="module")
def edition():  # type: ignore[no-untyped-def]
    return read_edition(REFERENCE_2024)


@pytest.fixture(scope="module")
def arguments(edition):  # type: ignore[no-untyped-def]
    return typst_arguments(edition)


@pytest.fixture(scope="module")
def pdf(edition, arguments, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("pdf") / f"jaarcijfers-{edition.year}.pdf"
    path.write_bytes(compile_pdf(edition, arguments))
    return path


def plain_text(pdf: Path) -> str:
    if HAS_PDFTOTEXT:
        return subprocess.run(  # -raw: in the order the page is drawn (chart panels side by side stay apart)
            ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)


def squash(text: str) -> str:
    """Text without white space and hyphens: a title broken over lines still matches."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)


def test_every_figure_with_number_and_title(pdf, edition) -> None:  # type: ignore[no-untyped-def]
    text = plain_text(pdf)
    flat = squash(text)
    for fig in edition.figures:
        assert re.search(rf"\b{fig.name}\b", text), fig.name
        assert squash(fig.name + fig.title) in flat, fig.name
        assert squash("Bron: " + fig.source) in flat, fig.name
        for note in fig.notes:
            assert squash(note) in flat, (fig.name, note)
    assert "Tabel 1" in text


def test_every_table_row_and_cell(pdf, edition) -> None:  # type: ignore[no-untyped-def]
    flat = squash(plain_text(pdf))
    for fig in edition.figures:
        for b in fig.blocks:
            for row in b.rows:
                assert squash(row) in flat, (fig.name, row)


def test_chapters_toelichting_symbols(pdf, edition) -> None:  # type: ignore[no-untyped-def]
    text = plain_text(pdf)
    flat = squash(text)
    for heading in (
        "Inhoud",
        "Introductie",
        "Slachtoffers",
        "Plegers",
        "Belangrijkste ontwikkelingen",
        "Toelichting op de gebruikte cijfers",
        "Tekens in de tabellen",
        "Herkomst van de cijfers",
        "Colofon",
    ):
        assert squash(heading) in flat, heading
    for symbol in edition.disclosure.symbols:
        assert squash(symbol.meaning) in flat


def test_findings_of_the_narrative_are_printed(pdf, edition) -> None:  # type: ignore[no-untyped-def]
    # the running header, as one line or two (pdftotext's reading order depends on the page)
    running = {
        f"Jaarcijfers Mensenhandel {edition.year}",
        "Nationaal Rapporteur",
        f"Jaarcijfers Mensenhandel {edition.year} Nationaal Rapporteur",
    }
    body = "\n".join(
        line
        for line in plain_text(pdf).splitlines()
        if line.strip() not in running and not line.strip().isdigit()
    )
    flat = squash(body)
    doc = document(edition)
    printed = [p for ch in doc["chapters"] for s in ch["sections"] for p in s["findings"]]
    printed += [
        p
        for ch in doc["chapters"]
        for s in ch["sections"]
        for g in s.get("groups", [])
        for p in [*g["paragraphs"], *([g["headline"]] if g["headline"] else [])]
    ]
    assert printed, "no findings"
    for p in printed:
        assert squash(p) in flat, p


def _words_outside_charts(pdf: Path, arguments: dict) -> str:  # type: ignore[type-arg]
    """The text of the report body: cover and contents, page headers and footers, and chart graphics left out."""
    import typst

    def query(label: str) -> list[dict]:  # type: ignore[type-arg]
        return typst.query(
            arguments["input"],
            label,
            field="value",
            root=arguments["root"],
            font_paths=arguments["font_paths"],
            ignore_system_fonts=True,
            sys_inputs=arguments["sys_inputs"],
            format="json",
        )  # type: ignore[return-value]

    import json

    def pt(v: str) -> float:
        return float(v.removesuffix("pt"))

    body = json.loads(query("<body-start>"))
    first_page = body[0]["pos"]["page"]
    boxes: dict[int, list[tuple[float, float]]] = {}
    marks = json.loads(query("<chart>"))
    starts = {m["id"]: m["pos"] for m in marks if m["edge"] == "start"}
    for m in marks:
        if m["edge"] == "end":
            s = starts[m["id"]]
            assert s["page"] == m["pos"]["page"]
            boxes.setdefault(s["page"], []).append((pt(s["y"]), pt(m["pos"]["y"])))
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ET.fromstring(xml)
    lines = []
    for number, page in enumerate(root.iter("page"), start=1):
        if number < first_page:
            continue
        height = float(page.get("height", "842"))
        for line in page.iter("line"):
            words = []
            for w in line.iter("word"):
                y0, y1 = float(w.get("yMin", 0)), float(w.get("yMax", 0))
                if y0 < 60 or y1 > height - 60:  # running header and page number
                    continue
                if any(top - 1 <= y0 and y1 <= bottom + 1 for top, bottom in boxes.get(number, [])):
                    continue
                words.append(w.text or "")
            if words:
                lines.append(" ".join(words))
    return "\n".join(lines)


@needs_poppler
def test_no_number_outside_the_edition(pdf, edition, arguments) -> None:  # type: ignore[no-untyped-def]
    text = _words_outside_charts(pdf, arguments)
    assert "Introductie" in text and "Figuur 24" in text
    assert numbers_not_in_edition(text, edition) == []


@needs_poppler
def test_the_numbers_check_sees_a_stray_number(pdf, edition, arguments) -> None:  # type: ignore[no-untyped-def]
    text = _words_outside_charts(pdf, arguments) + "\nIn totaal 987654 slachtoffers."
    assert numbers_not_in_edition(text, edition) == ["987654"]


def test_deterministic(pdf, edition, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert render_pdf(edition, tmp_path) == [pdf.name]
    assert (tmp_path / pdf.name).read_bytes() == pdf.read_bytes()


def test_pdf_metadata(pdf, edition) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    assert reader.metadata is not None
    assert reader.metadata.title == f"Jaarcijfers Mensenhandel {edition.year}"
    assert "/CreationDate" not in reader.metadata
    assert len(reader.pages) >= 10
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_user_text_is_never_markup(edition, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Labels and reflection text with Typst's special characters print as they are."""

    nasty = "#set page(fill: red) *vet* _schuin_ $x$ <label> @ref `code` \\ // /* [a] {b} = kop"
    fig = edition.figures[0]
    block = fig.blocks[0]
    cells = tuple(replace(c, row=nasty) if c.row == block.rows[0] else c for c in block.cells)
    block2 = replace(block, rows=(nasty,) + block.rows[1:], cells=cells)
    fig2 = replace(fig, title=fig.title + " " + nasty, blocks=(block2,) + fig.blocks[1:])
    typst_only = "#set page(fill: red) $x$ <label> @ref \\ // /* [a] {b} = kop ~ #"  # no Markdown in it
    ed = replace(
        edition,
        figures=(fig2,) + edition.figures[1:],
        reflection_markdown=f"# Kop\n\nTekst met **vet** en {typst_only}\n\n- punt {typst_only}\n",
    )
    path = tmp_path / "x.pdf"
    path.write_bytes(compile_pdf(ed))
    flat = squash(plain_text(path))
    assert flat.count(squash(nasty)) == 2  # the title and the row label
    assert flat.count(squash(typst_only)) == 2  # the paragraph and the list item


def test_estimate_of_the_hidden_number(edition) -> None:  # type: ignore[no-untyped-def]
    from jaarcijfers.edition.publish import with_estimate

    est = with_estimate(
        edition,
        Estimate(
            year=edition.year,
            observed=944,
            total=4820,
            ci_lower=3900,
            ci_upper=6100,
            ci_level=0.95,
            ci_method="profile",
            method="multiple systems estimation",
            model="stepwise",
            model_terms=(),
            lists=("politie", "kmar"),
        ),
    )
    doc = document(est)
    (sec,) = [s for s in doc["chapters"][0]["sections"] if s["title"] == "Hoeveel slachtoffers zijn er?"]
    text = " ".join(sec["findings"])
    assert "4.820" in text and "3.900" in text and "6.100" in text
    assert numbers_not_in_edition(text, est) == []
    missing = document(replace(edition, estimate=NoEstimate("te weinig overlap")))
    assert "te weinig overlap" in str(missing["toelichting"])
    assert not any(s["title"] == "Hoeveel slachtoffers zijn er?" for s in missing["chapters"][0]["sections"])


def _walk(node, found: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    node = node.get_object()
    if not isinstance(node, dict):
        return
    if "/S" in node:
        found.append(node)
    kids = node.get("/K")
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        _walk(kid, found)


def test_pdf_ua(pdf, edition) -> None:  # type: ignore[no-untyped-def]
    """PDF/UA-1 as far as pypdf can read it. veraPDF (the reference validator) is a Java program that no
    package registry this project uses (PyPI, npm, Debian) ships, so these are the checks it would make
    that can be read from the file: the PDF/UA identification, title shown as the window title, language,
    marked content with a structure tree, an alternative text on every figure, table header cells,
    headings without a skipped level, and a link to the site. Typst itself refuses to write a PDF/UA-1 file
    that breaks the rules it can check (`pdf_standards=["ua-1"]`)."""
    import re as _re

    from pypdf import PdfReader

    from jaarcijfers.render.charts import drawn_parts

    reader = PdfReader(str(pdf))
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert _re.search(r"<pdfuaid:part>1</pdfuaid:part>|pdfuaid:part=\"1\"", xmp)
    assert f"Jaarcijfers Mensenhandel {edition.year}" in xmp
    assert root["/Lang"] == "nl-NL"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    elements: list = []  # type: ignore[type-arg]
    _walk(root["/StructTreeRoot"], elements)
    kinds = [str(e["/S"]) for e in elements]
    figures = [e for e in elements if e["/S"] == "/Figure"]
    assert len(figures) == sum(len(drawn_parts(f)) for f in edition.figures)
    assert all(str(f.get("/Alt", "")).strip() for f in figures)
    from jaarcijfers.render.workbook import figure_tables

    tables = sum(len(figure_tables(f, edition)) for f in edition.figures)
    assert kinds.count("/Table") == tables + 2  # and the symbols and the colophon
    assert kinds.count("/TH") >= kinds.count("/Table")
    levels = [int(k[2:]) for k in kinds if _re.fullmatch(r"/H[1-6]", k)]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    uris = [
        a.get_object()["/A"].get("/URI")
        for page in reader.pages
        for a in page.get("/Annots", []) or []
        if "/A" in a.get_object()
    ]
    assert "index.html" in uris and f"jaarcijfers-{edition.year}.xlsx" in uris


def test_cover_and_blank_cells(pdf, edition) -> None:  # type: ignore[no-untyped-def]
    """The cover's title lines do not touch; it carries the publication date; a blank cell shows its symbol."""
    from jaarcijfers import dutch

    xml = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    words = [
        (float(y0), float(y1), w)
        for y0, y1, w in re.findall(r'yMin="([\d.]+)"[^>]*yMax="([\d.]+)">([^<]*)<', xml)
        if float(y1) - float(y0) > 25  # the title's words (34 pt)
    ]
    assert [w for _, _, w in words] == ["Jaarcijfers", "Mensenhandel", str(edition.year)]
    assert words[0][1] < words[1][0], words  # the first line ends above the second
    text = plain_text(pdf)
    assert f"Gepubliceerd op {dutch.date(edition.published_on)}" in text
    assert re.search(r"Binnenlandse seksuele uitbuiting 42 63 63 55 \.\n", text)
    assert squash(". = niet weergegeven") in squash(text)
