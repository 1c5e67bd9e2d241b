"""The workbook equals the edition cell for cell, follows the spreadsheet guidance and is deterministic."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import pytest

from jaarcijfers.edition.files import figures_csv, read_cells, read_edition
from jaarcijfers.paths import REFERENCE_2024
from jaarcijfers.render.publication import BLANK_MARK
from jaarcijfers.render.workbook import render_workbook, table_sheets


@pytest.fixture(scope="module")
def edition():  # type: ignore[no-untyped-def]
    return read_edition(REFERENCE_2024)


@pytest.fixture(scope="module")
def xlsx(edition, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("wb")
    assert render_workbook(edition, out) == [f"jaarcijfers-{edition.year}.xlsx"]
    return out / f"jaarcijfers-{edition.year}.xlsx"


@pytest.fixture(scope="module")
def book(xlsx):  # type: ignore[no-untyped-def]
    import openpyxl

    return openpyxl.load_workbook(xlsx)


def shown(cell) -> str:  # type: ignore[no-untyped-def]
    """A cell read back as the publication shows it (independent of the renderer's own mapping); the
    blank cell's symbol is the published empty string."""
    v = cell.value
    assert v is not None, f"an empty cell in {cell.coordinate}"
    if v == BLANK_MARK:
        return ""
    if isinstance(v, bool):
        raise AssertionError(f"boolean in {cell.coordinate}")
    if isinstance(v, int | float):
        fmt = cell.number_format
        if fmt.endswith("%"):
            decimals = len(fmt.split(".")[1]) - 1 if "." in fmt else 0
            return f"{v * 100:.{decimals}f}%"
        if isinstance(v, float) and not v.is_integer():
            return f"{v}"
        return str(int(v))
    return str(v)


def read_tables(book) -> dict[str, tuple[list[str], list[list]]]:  # type: ignore[no-untyped-def,type-arg]
    """Every Excel table of every sheet: header and body cells."""
    tables = {}
    for ws in book.worksheets:
        for name, ref in ws.tables.items():
            rows = [list(r) for r in ws[ref]]
            tables[name] = ([c.value for c in rows[0]], rows[1:])
    return tables


def test_sheets_follow_the_guidance(book, edition) -> None:  # type: ignore[no-untyped-def]
    names = book.sheetnames
    assert names[:3] == ["Omslag", "Inhoud", "Toelichting"]
    assert names[3:] == [s.name for s in table_sheets(edition)]
    assert "Figuur_1" in names and "Tabel_1" in names
    assert "Figuur_22a" in names and "Figuur_22b" in names  # the mean age in a table of its own
    for ws in book.worksheets:
        assert not ws.merged_cells.ranges, ws.title
        assert isinstance(ws["A1"].value, str) and ws["A1"].value, ws.title
        for row in ws.iter_rows():  # no double colon in a sentence
            for c in row:
                for sentence in str(c.value or "").split(". "):
                    assert sentence.count(": ") <= 1, (ws.title, c.value)
    for sheet in table_sheets(edition):
        fig = sheet.fig
        ws = book[sheet.name]
        assert ws["A1"].value.startswith(f"{fig.name}: {fig.title}")
        assert list(ws.tables) == [sheet.name]
        ref = ws.tables[sheet.name].ref
        body = ws[ref]
        # header row present, no blank row inside the table, nothing below it
        assert all(isinstance(c.value, str) and c.value for c in body[0])
        for row in body[1:]:
            assert isinstance(row[0].value, str) and row[0].value
        assert ws.max_row == body[-1][0].row
        # the lines above the table: nothing in the rows between them and the header
        for r in range(1, body[0][0].row):
            assert ws.cell(r, 1).value, (fig.id, r)


def test_contents_links_every_sheet(book) -> None:  # type: ignore[no-untyped-def]
    ws = book["Inhoud"]
    (ref,) = [t.ref for t in ws.tables.values()]
    rows = ws[ref][1:]
    linked = [r[0].value for r in rows]
    assert linked == book.sheetnames[2:]
    for r in rows:
        assert r[0].hyperlink is not None and r[0].hyperlink.location == f"'{r[0].value}'!A1"


def test_cover_has_publication_source_and_contact(book, edition) -> None:  # type: ignore[no-untyped-def]
    from jaarcijfers import dutch

    text = "\n".join(str(c.value) for row in book["Omslag"].iter_rows() for c in row if c.value)
    assert f"Jaarcijfers Mensenhandel {edition.year}" in text
    for heading in ("Bronnen", "Tekens in de tabellen", "Contact", "Hergebruik", "De publicatie"):
        assert heading in text
    assert "CoMensha" in text and "Postbus" in text and "CC BY 4.0" in text
    assert f"Publicatiedatum: {dutch.date(edition.published_on)}" in text
    # the properties: language, title and the publication date
    assert book.properties.language == "nl-NL"
    assert book.properties.title == f"Jaarcijfers Mensenhandel {edition.year}"
    assert book.properties.created.date() == edition.published_on
    # links back to the site and to the other outputs, relative (the folder works when moved)
    links = {  # XlsxWriter writes a relative file link with Windows separators, as Excel does
        (c.hyperlink.target or "").replace("\\", "/")
        for row in book["Omslag"].iter_rows()
        for c in row
        if c.hyperlink
    }
    assert {
        "index.html",
        f"jaarcijfers-{edition.year}.pdf",
        "open-data/datapackage.json",
        "persbericht.html",
    } <= links


def test_notes_explain_every_symbol(book, edition) -> None:  # type: ignore[no-untyped-def]
    ws = book["Toelichting"]
    (ref,) = [t.ref for t in ws.tables.values()]
    notes = [r[1].value for r in ws[ref][1:]]
    for symbol in edition.disclosure.symbols:
        assert any(symbol.meaning in n for n in notes), symbol.text
    used = {
        c.display for f in edition.figures for b in f.blocks for c in b.cells if not c.display[:1].isdigit()
    }
    for symbol in used:
        assert any(f"Het teken {symbol or BLANK_MARK} = " in n for n in notes), symbol
    for fig in edition.figures:
        for note in fig.notes:
            assert note in notes


def test_cells_equal_the_edition(book, edition) -> None:  # type: ignore[no-untyped-def]
    tables = read_tables(book)
    for sheet in table_sheets(edition):
        fig, table = sheet.fig, sheet.table
        header, body = tables[sheet.name]
        assert header == [table.stub] + [c.header for c in table.columns]
        assert [r[0].value for r in body] == [label for label, _ in table.rows]
        for (label, cells), row in zip(table.rows, body, strict=True):
            for col, cell, xl in zip(table.columns, cells, row[1:], strict=True):
                expected = edition.figure(fig.id).block(col.part).cell(label, col.column).display
                assert cell is not None and cell.display == expected
                assert shown(xl) == expected, (fig.id, label, col.header)
                # numbers as numbers, symbols (and the blank cell's) as text
                if expected and expected.rstrip("%").isdigit():
                    assert isinstance(xl.value, int | float), (fig.id, label, col.header)
                else:
                    assert xl.data_type == "s"


def test_cells_equal_figures_csv(book, edition) -> None:  # type: ignore[no-untyped-def]
    tables = read_tables(book)
    from_book = []
    for sheet in table_sheets(edition):
        fig, table = sheet.fig, sheet.table
        header, body = tables[sheet.name]
        by_header = {c.header: c for c in table.columns}
        for row in body:
            for h, xl in zip(header[1:], row[1:], strict=True):
                col = by_header[h]
                from_book.append([fig.id, col.part, row[0].value, col.column, shown(xl)])
    rows = list(csv.reader(io.StringIO(figures_csv(edition))))[1:]
    assert sorted(from_book) == sorted(rows)
    assert len(from_book) == len(rows)
    reference = [
        [k.figure, k.part, k.row, k.column, v] for k, v in read_cells(REFERENCE_2024 / "figures.csv").items()
    ]
    assert sorted(from_book) == sorted(reference)


def test_every_cell_that_is_not_a_number_has_a_symbol_and_a_note(book, edition) -> None:  # type: ignore[no-untyped-def]
    tables = read_tables(book)
    notes = {r[1].value for r in book["Toelichting"][next(iter(book["Toelichting"].tables.values())).ref][1:]}
    for sheet in table_sheets(edition):
        _, body = tables[sheet.name]
        ws = book[sheet.name]
        title = ws["A1"].value
        for row in body:
            for xl in row[1:]:
                if isinstance(xl.value, int | float):
                    continue
                assert isinstance(xl.value, str) and xl.value, (sheet.name, xl.coordinate)
                note = next(n for n in notes if n.startswith(f"Het teken {xl.value} = "))
                number = [r[0].value for r in book["Toelichting"].iter_rows() if r[1].value == note][0]
                assert f"[{number}]" in title, (sheet.name, xl.value)


def test_deterministic(edition, xlsx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    render_workbook(edition, tmp_path)
    again = tmp_path / xlsx.name
    assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(xlsx.read_bytes()).digest()
