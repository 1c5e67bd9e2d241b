"""The workbook `jaarcijfers-YYYY.xlsx`: every published table as an accessible spreadsheet.

Follows the UK Analysis Function guidance "Releasing statistics in spreadsheets" (the guidance the
`gptables` package implements). XlsxWriter is used directly because gptables writes fixed English
headings ("Introductory information", "Sheet name", ...) that a Dutch publication cannot show.

- a cover sheet (`Omslag`) with the publication's information, sources, symbols and contact;
- a contents sheet (`Inhoud`) with a link to every sheet;
- a notes sheet (`Toelichting`) with every note, each symbol's meaning and where it applies;
- one table per sheet (`Figuur_1` ... `Tabel_1`): title in A1, the lines that describe the table
  below it, then the table itself as an Excel table with a header row, no merged cells and no blank
  rows; note markers "[noot N]" in the title;
- cells exactly as published: numbers stored as numbers (percentages as fractions with a percent
  format), the symbols `<5` and `<10` as text, a cell the publication leaves blank stays blank.

Output is deterministic: the document properties carry a fixed date derived from the edition year
and XlsxWriter writes fixed timestamps inside the zip file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jaarcijfers.edition.model import NO_DATA, Edition, PublishedBlock, PublishedCell, PublishedFigure
from jaarcijfers.figures.model import CellKind
from jaarcijfers.figures.spec import Role
from jaarcijfers.language import N_, NL, Language
from jaarcijfers.render import Output
from jaarcijfers.render.publication import (
    BLANK_MARK,
    CONTACT,
    LICENCE,
    PUBLISHER,
    WEBSITE,
    WEBSITE_TEXT,
    citation,
    files,
    symbols,
)

SOURCE_NAMES = {
    "comensha": N_(
        "Coördinatiecentrum tegen Mensenhandel (CoMensha): registratie van (vermoedelijke) slachtoffers"
    ),
    "ind": N_("Immigratie- en Naturalisatiedienst (IND): tabellen over verblijfsrechtelijke bescherming"),
    "emm": N_("Expertisecentrum Mensenhandel en Mensensmokkel (EMM): opsporingsonderzoeken en verdachten"),
    "om": N_("Openbaar Ministerie (OM): ingeschreven, afgehandelde en berechte mensenhandelzaken"),
    "rechtspraak": N_("Raad voor de rechtspraak: tabellen over hoger beroep en cassatie"),
}
LANGUAGE = "nl-NL"
LANGUAGES = {"nl": "nl-NL", "en": "en-GB"}
"""The document language (`dc:language`) of each language's workbook."""
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


# ---------------------------------------------------------------------------------------------
# The table of a figure, shared with the PDF renderer


@dataclass(frozen=True)
class TableColumn:
    part: str  # the block (table_part) the column belongs to
    column: str  # the published column label
    header: str  # the header shown in the workbook (unique within the table)
    group: str  # the group the column belongs to (shown as a spanning header in the PDF)


@dataclass(frozen=True)
class FigureTable:
    stub: str
    columns: tuple[TableColumn, ...]
    rows: tuple[tuple[str, tuple[PublishedCell | None, ...]], ...]
    unit: str = ""  # what a number of this table is, when not the figure's unit (a table of means)


def is_mean_row(blocks: tuple[PublishedBlock, ...], row: str) -> bool:
    """A row of means (Figuur 22's mean age): another unit than the counts beside it."""
    return any(
        b.meaning(row).role == Role.MEAN or any(c.row == row and c.kind == CellKind.MEAN for c in b.cells)
        for b in blocks
    )


def sheet_name(fig: PublishedFigure) -> str:
    return fig.name.replace(" ", "_")


def block_period_label(fig: PublishedFigure, part: str, edition: Edition, lang: Language = NL) -> str:
    """What the columns of a second block (by form of exploitation) cover: the year or the total period."""
    if fig.block(part).period == "total" and fig.years:
        return lang.gettext("totaal {first}-{last}").format(first=fig.years[0], last=fig.years[-1])
    return str(edition.year)


def figure_tables(
    fig: PublishedFigure, edition: Edition, separate_units: bool = False, lang: Language = NL
) -> list[FigureTable]:
    """The figure as tables of the report: blocks with the same rows side by side (as published).
    `separate_units`: rows of means get a table of their own (the workbook: one unit per table)."""
    _ = lang.gettext
    if fig.no_data:
        return [FigureTable(_("Gegevens"), (), ((_(NO_DATA).capitalize(), ()),))]
    if not fig.blocks:
        return []
    first = fig.blocks[0]
    same_rows = all(b.rows == first.rows for b in fig.blocks)
    groups = [fig.blocks] if same_rows else [(b,) for b in fig.blocks]
    tables = []
    for blocks in groups:
        columns: list[TableColumn] = []
        for i, b in enumerate(blocks):
            if i == 0:
                group = _("Jaar") if b.columns and all(c.isdigit() and len(c) == 4 for c in b.columns) else ""
                columns += [TableColumn(b.part, c, c, group) for c in b.columns]
            else:
                label = block_period_label(fig, b.part, edition, lang)
                group = _("Naar vorm van mensenhandel, {label}").format(label=label)
                columns += [TableColumn(b.part, c, f"{c} ({label})", group) for c in b.columns]
        cells = {(b.part, c.row, c.column): c for b in blocks for c in b.cells}
        stub = next((b.stub for b in blocks if b.stub), "") or _("Categorie")
        means = [r for r in blocks[0].rows if separate_units and is_mean_row(blocks, r)]
        for selected, unit in (
            ([r for r in blocks[0].rows if r not in means], ""),
            (means, "; ".join(m.lower() for m in means)),
        ):
            if selected:
                rows = tuple(
                    (r, tuple(cells.get((col.part, r, col.column)) for col in columns)) for r in selected
                )
                tables.append(FigureTable(stub, tuple(columns), rows, unit))
    return tables


def cell_value(display: str) -> tuple[str, float | int | str | None, str]:
    """The value to store for a published display: (type, value, number format).

    type is "number", "percent", "text" or "blank". Dutch decimal commas are read as decimals.
    """
    if display == "":
        return "blank", None, ""
    text = display.strip()
    percent = text.endswith("%")
    core = text[:-1] if percent else text
    if not _NUMBER.fullmatch(core):
        return "text", display, "@"
    decimals = len(re.split(r"[.,]", core)[1]) if re.search(r"[.,]", core) else 0
    number: float | int = float(core.replace(",", ".")) if decimals else int(core)
    if percent:
        fmt = "0%" if decimals == 0 else "0." + "0" * decimals + "%"
        return "percent", round(number / 100, decimals + 2), fmt
    fmt = "#,##0" if decimals == 0 else "#,##0." + "0" * decimals
    return "number", number, fmt


def symbols_in(fig: PublishedFigure) -> list[str]:
    """The symbols the figure's cells show (a blank cell: `BLANK_MARK`)."""
    used = set()
    for b in fig.blocks:
        for c in b.cells:
            if c.display == "":
                used.add(BLANK_MARK)
            elif cell_value(c.display)[0] == "text":
                used.add(c.display)
    return sorted(used, key=lambda s: (0, s) if s != BLANK_MARK else (1, s))


# ---------------------------------------------------------------------------------------------
# Notes


@dataclass(frozen=True)
class Note:
    number: int
    text: str
    sheets: tuple[str, ...]


def symbol_note(symbol: str, meaning: str, lang: Language = NL) -> str:
    return lang.gettext("Het teken {symbol} = {meaning}.").format(symbol=symbol, meaning=meaning)


@dataclass(frozen=True)
class Sheet:
    """One table sheet of the workbook: a figure's table (a figure with a table of means has two sheets)."""

    name: str
    fig: PublishedFigure
    table: FigureTable


def table_sheets(edition: Edition, lang: Language = NL) -> list[Sheet]:
    out = []
    for fig in edition.figures:
        tables = figure_tables(fig, edition, separate_units=True, lang=lang)
        for i, table in enumerate(tables):
            name = sheet_name(fig) if len(tables) == 1 else f"{sheet_name(fig)}{'abcdefghij'[i]}"
            out.append(Sheet(name, fig, table))
    return out


def workbook_notes(edition: Edition, lang: Language = NL) -> list[Note]:
    """Symbol explanations first, then every distinct figure note, in order of first appearance."""
    symbol_meaning = dict(symbols(edition))
    texts: dict[str, list[str]] = {}
    for symbol, meaning in symbol_meaning.items():
        texts[symbol_note(symbol, meaning, lang)] = []
    for sheet in table_sheets(edition, lang):
        for symbol in sheet_symbols(sheet):
            meaning = symbol_meaning.get(symbol, lang.gettext("zoals gepubliceerd (geen exacte waarde)"))
            texts.setdefault(symbol_note(symbol, meaning, lang), []).append(sheet.name)
        for n in sheet.fig.notes:
            texts.setdefault(n, []).append(sheet.name)
    return [Note(i, t, tuple(dict.fromkeys(s))) for i, (t, s) in enumerate(texts.items(), start=1)]


def sheet_symbols(sheet: Sheet) -> list[str]:
    """The symbols the cells of a sheet's table show, in the order of `symbols_in`."""
    shown = {shown_symbol(c) for _, cells in sheet.table.rows for c in cells}
    return [s for s in symbols_in(sheet.fig) if s in shown]


def _note_refs(sheet: str, notes: list[Note]) -> list[int]:
    return [n.number for n in notes if sheet in n.sheets]


# ---------------------------------------------------------------------------------------------
# The workbook


def provenance_lines(edition: Edition, lang: Language = NL) -> list[str]:
    """The provenance of the edition in its language, one line each (only the known keys)."""
    _ = lang.gettext
    p = edition.provenance
    lines = []
    if p.software_version:
        lines.append(
            _("Software: {software} {version}").format(
                software="jaarcijfers" if p.software is None else p.software, version=p.software_version
            )
        )
    if p.rules_version:
        lines.append(_("Versie van de verwerkingsregels: {version}").format(version=p.rules_version))
    if p.contract_version:
        lines.append(_("Versie van het datacontract: {version}").format(version=p.contract_version))
    for d in p.deliveries or ():
        peil = _(", peildatum {date}").format(date=d.peildatum) if d.peildatum else ""
        lines.append(
            _("Levering {source}: {file} ({rows} rijen{date})").format(
                source=d.bron, file=d.bestand, rows=d.rijen, date=peil
            )
        )
    if not lines:
        lines.append(
            _(
                "Deze editie is ingelezen uit de gepubliceerde cijfers (figures.csv en facts.csv); "
                "er zijn geen gegevens over de aanleveringen bijgevoegd."
            )
        )
    return lines


SHEETS = {"cover": N_("Omslag"), "contents": N_("Inhoud"), "notes": N_("Toelichting")}
"""The names of the workbook's own sheets (in the workbook's language)."""


def write_workbook(edition: Edition, path: Path, lang: Language = NL) -> None:
    import xlsxwriter

    _ = lang.gettext
    cover, contents, notes_sheet = (_(SHEETS[k]) for k in ("cover", "contents", "notes"))
    wb = xlsxwriter.Workbook(
        str(path), {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    )
    published = datetime(edition.published_on.year, edition.published_on.month, edition.published_on.day)
    wb.set_properties(
        {
            "title": _("Jaarcijfers Mensenhandel {year}").format(year=edition.year),
            "subject": _("Tabellen bij de Jaarcijfers Mensenhandel"),
            "author": _(PUBLISHER),
            "company": _(PUBLISHER),
            "keywords": _("mensenhandel, jaarcijfers, statistiek"),
            "comments": _("Gepubliceerd op {date}. Gemaakt met jaarcijfers.").format(
                date=lang.date(edition.published_on)
            ),
            "created": published,
        }
    )
    wb.set_custom_property(_("Taal"), LANGUAGES[lang.code.value])
    wb.set_custom_property(_("Publicatiedatum"), edition.published_on.isoformat())
    font = {"font_name": "Arial", "font_size": 10}
    f_title = wb.add_format({**font, "bold": True, "font_size": 15})
    f_heading = wb.add_format({**font, "bold": True, "font_size": 12})
    f_text = wb.add_format({**font})
    f_link = wb.add_format({**font, "font_color": "#0B4F8A", "underline": 1})
    f_header = wb.add_format({**font, "bold": True, "text_wrap": True, "valign": "top", "bottom": 1})
    f_header_num = wb.add_format(
        {**font, "bold": True, "text_wrap": True, "valign": "top", "align": "right", "bottom": 1}
    )
    f_stub = wb.add_format({**font, "valign": "top"})
    f_wrap = wb.add_format({**font, "text_wrap": True, "valign": "top"})
    f_symbol = wb.add_format({**font, "align": "right"})
    num_formats: dict[str, object] = {}

    def f_num(fmt: str):
        if fmt not in num_formats:
            num_formats[fmt] = wb.add_format({**font, "num_format": fmt, "align": "right"})
        return num_formats[fmt]

    notes = workbook_notes(edition, lang)
    sheets = table_sheets(edition, lang)
    names = files(edition, lang)

    # --- cover -------------------------------------------------------------------------------
    ws = wb.add_worksheet(cover)
    ws.hide_gridlines(2)
    ws.set_column(0, 0, 110)
    r = 0

    def line(text: str, fmt=f_text) -> None:
        nonlocal r
        ws.write_string(r, 0, text, fmt)
        r += 1

    def link(url: str, text: str) -> None:
        nonlocal r
        ws.write_url(r, 0, url, f_link, string=text)
        r += 1

    first, last = edition.years[0], edition.years[-1]
    line(_("Jaarcijfers Mensenhandel {year}: tabellen").format(year=edition.year), f_title)
    line(
        _(
            "Dit werkboek bevat alle tabellen van de Jaarcijfers Mensenhandel {year} van de {publisher}. "
            "De cijfers gaan over {year}, met ter vergelijking de jaren {first} tot en met {last}."
        ).format(year=edition.year, publisher=_(PUBLISHER), first=first, last=last - 1)
    )
    line(_("Publicatiedatum: {date}").format(date=lang.date(edition.published_on)))
    line(_("Over deze publicatie"), f_heading)
    line(
        _(
            "De Jaarcijfers geven een cijfermatig beeld van slachtoffers en (potentiële) plegers van mensenhandel "
            "die in beeld zijn bij de betrokken organisaties. Slechts een deel van de slachtoffers en plegers komt "
            "in beeld."
        )
    )
    line(_("Verslagjaar: {year}").format(year=edition.year))
    line(_("Periode in de tabellen: {first}-{last}").format(first=first, last=last))
    line(_("Aantal tabellen: {n}").format(n=len(sheets)))
    line(_("De publicatie"), f_heading)
    link(
        f"external:{names.site}",
        _("Het rapport met toelichting en grafieken: {file} (in dezelfde map)").format(file=names.site),
    )
    link(f"external:{names.pdf}", _("Het rapport als PDF: {file}").format(file=names.pdf))
    link(f"external:{names.datapackage}", _("Open data (CSV): {file}").format(file=names.datapackage))
    link(f"external:{names.press}", _("Het persbericht: {file}").format(file=names.press))
    line(_("Inhoud van het werkboek"), f_heading)
    link(f"internal:'{contents}'!A1", _("Inhoud: een overzicht van alle tabellen, met links"))
    link(
        f"internal:'{notes_sheet}'!A1",
        _("Toelichting: de noten bij de tabellen en de betekenis van de tekens"),
    )
    line(_("Bronnen"), f_heading)
    used_sources = list(dict.fromkeys(f.source_id for f in edition.figures))
    for sid in used_sources:
        line(_(SOURCE_NAMES.get(sid, sid)))
    line(_("Tekens in de tabellen"), f_heading)
    for symbol, meaning in symbols(edition):
        line(f"{symbol} = {meaning}")
    line(
        _("Getallen staan als getal in de cellen; een cel zonder getal heeft een teken (tekst) en een noot.")
    )
    line(_("Onthullingscontrole"), f_heading)
    line(
        _(
            "Alle cijfers zijn na onthullingscontrole gepubliceerd (beleid: {policy}). Kleine aantallen "
            "worden niet precies getoond ter bescherming van de privacy."
        ).format(policy=edition.disclosure.policy)
    )
    if edition.disclosure.reason:
        line(edition.disclosure.reason)
    if edition.disclosure.note:  # as the audit of this edition allows it (docs/sdc.md, "Safe by default")
        line(edition.disclosure.note)
    line(_("Herkomst van de cijfers"), f_heading)
    for text in provenance_lines(edition, lang):
        line(text)
    line(_("Hergebruik"), f_heading)
    line(
        _("Licentie: {licence}. Bronvermelding: {citation}.").format(
            licence=_(LICENCE.title), citation=citation(edition, lang)
        )
    )
    link(LICENCE.path, LICENCE.path)
    line(_("Contact"), f_heading)
    for text in CONTACT:
        line(_(text))
    link(WEBSITE, WEBSITE_TEXT)

    # --- contents ----------------------------------------------------------------------------
    ws = wb.add_worksheet(contents)
    ws.hide_gridlines(2)
    ws.set_column(0, 0, 14)
    ws.set_column(1, 1, 100)
    ws.set_column(2, 2, 36)
    ws.set_column(3, 3, 40)
    ws.write_string(0, 0, contents, f_title)
    ws.write_string(
        1, 0, _("Dit werkblad bevat één tabel. Klik op de naam van een tabblad om ernaartoe te gaan."), f_text
    )
    entries = [(notes_sheet, _("Noten bij de tabellen en de betekenis van de tekens"), "", "")]
    if edition.revisions is not None:
        entries.append(
            (
                _(REVISIONS_SHEET),
                _("Herzieningen ten opzichte van de editie {year}").format(year=edition.year - 1),
                "",
                "",
            )
        )
    entries += [(sh.name, sheet_title(sh), sh.fig.source, sh.fig.section) for sh in sheets]
    ws.add_table(
        2,
        0,
        2 + len(entries),
        3,
        {
            "name": f"{contents}_tabel" if lang.source else "Contents_table",
            "style": None,
            "autofilter": False,
            "columns": [
                {"header": _(h), "header_format": f_header}
                for h in (N_("Tabblad"), N_("Titel"), N_("Bron"), N_("Onderwerp"))
            ],
        },
    )
    for i, (name, title, source, section) in enumerate(entries, start=3):
        ws.write_url(i, 0, f"internal:'{name}'!A1", f_link, string=name)
        ws.write_string(i, 1, title, f_text)
        ws.write_string(i, 2, source, f_text) if source else ws.write_blank(i, 2, None, f_text)
        ws.write_string(i, 3, section, f_text) if section else ws.write_blank(i, 3, None, f_text)

    # --- notes -------------------------------------------------------------------------------
    ws = wb.add_worksheet(notes_sheet)
    ws.hide_gridlines(2)
    ws.set_column(0, 0, 12)
    ws.set_column(1, 1, 110)
    ws.set_column(2, 2, 40)
    ws.write_string(0, 0, notes_sheet, f_title)
    ws.write_string(
        1,
        0,
        _(
            "Dit werkblad bevat één tabel. Naar een noot wordt in de titel van een tabel verwezen met [noot N]."
        ),
        f_text,
    )
    ws.add_table(
        2,
        0,
        2 + len(notes),
        2,
        {
            "name": f"{notes_sheet}_tabel" if lang.source else "Notes_table",
            "style": None,
            "autofilter": False,
            "columns": [
                {"header": _(h), "header_format": f_header}
                for h in (N_("Noot"), N_("Toelichting"), N_("Van toepassing op"))
            ],
        },
    )
    for i, n in enumerate(notes, start=3):
        ws.write_string(i, 0, _("noot {n}").format(n=n.number), f_stub)
        ws.write_string(i, 1, n.text, f_wrap)
        ws.write_string(i, 2, ", ".join(n.sheets) if n.sheets else _("geen tabel in deze editie"), f_wrap)

    if edition.revisions is not None:
        revisions_sheet(
            wb, edition, {"title": f_title, "text": f_text, "header": f_header, "stub": f_stub}, f_num, lang
        )

    # --- one table per sheet -----------------------------------------------------------------
    meanings = dict(symbols(edition))
    for sheet in sheets:
        fig, table = sheet.fig, sheet.table
        ws = wb.add_worksheet(sheet.name)
        ws.hide_gridlines(2)
        refs = "".join(_(" [noot {n}]").format(n=n) for n in _note_refs(sheet.name, notes))
        meta = [
            (f"{sheet_title(sheet)}{refs}", f_title),
            (_("Dit werkblad bevat één tabel. De noten staan op het tabblad Toelichting."), f_text),
            (_("Eenheid: {unit}").format(unit=table.unit or fig.unit), f_text),
            (_("Bron: {source}").format(source=fig.source), f_text),
        ]
        used = [
            s for s in symbols_in(fig) if any(s == shown_symbol(c) for _, cells in table.rows for c in cells)
        ]
        if used:
            meta.append(
                (_("Tekens in deze tabel. ") + "; ".join(f"{s} = {meanings.get(s, s)}" for s in used), f_text)
            )
        for i, (text, fmt) in enumerate(meta):
            ws.write_string(i, 0, text, fmt)
        top = len(meta)
        headers = [table.stub] + [c.header for c in table.columns]
        ws.add_table(
            top,
            0,
            top + len(table.rows),
            len(table.columns),
            {
                "name": sheet.name,
                "style": None,
                "autofilter": False,
                "columns": [
                    {"header": h, "header_format": f_header if j == 0 else f_header_num}
                    for j, h in enumerate(headers)
                ],
            },
        )
        ws.set_column(0, 0, max(28, min(60, max((len(r_) for r_, _ in table.rows), default=0) + 2)))
        for j, col in enumerate(table.columns, start=1):
            ws.set_column(j, j, 10 if col.header.isdigit() else max(14, min(24, len(col.header) // 2 + 4)))
        ws.set_row(top, 15 if all(len(h) <= 12 for h in headers[1:]) else 45)
        for i, (row_label, cells) in enumerate(table.rows, start=top + 1):
            ws.write_string(i, 0, row_label, f_stub)
            for j, cell in enumerate(cells, start=1):
                kind, value, fmt = cell_value(cell.display if cell is not None else "")
                if kind in ("number", "percent"):
                    ws.write_number(i, j, value, f_num(fmt))
                elif kind == "text":
                    ws.write_string(i, j, str(value), f_symbol)
                else:  # a blank cell: its symbol, explained in the notes
                    ws.write_string(i, j, BLANK_MARK, f_symbol)
        ws.freeze_panes(top + 1, 1)
    wb.close()
    set_language(path, LANGUAGES[lang.code.value])


def shown_symbol(cell: PublishedCell | None) -> str:
    """The symbol a cell shows in the workbook ('' for a number)."""
    display = cell.display if cell is not None else ""
    if display == "":
        return BLANK_MARK
    return display if cell_value(display)[0] == "text" else ""


def sheet_title(sheet: Sheet) -> str:
    title = f"{sheet.fig.name}: {sheet.fig.title}"
    return title + (f" ({sheet.table.unit})" if sheet.table.unit else "")


def set_language(path: Path, language: str) -> None:
    """Write the document's language (`dc:language` of docProps/core.xml), which XlsxWriter cannot set.

    The zip file is rewritten entry by entry with the same names, dates and order, so the output stays
    byte-identical for the same edition."""
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                if "<dc:language>" not in text:
                    text = text.replace(
                        "</cp:coreProperties>", f"<dc:language>{language}</dc:language></cp:coreProperties>"
                    )
                body = text.encode("utf-8")
            clone = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            clone.compress_type = info.compress_type
            clone.external_attr = info.external_attr
            clone.create_system = info.create_system
            dst.writestr(clone, body)
    path.write_bytes(out.getvalue())


REVISIONS_SHEET = N_("Herzieningen")


def revisions_sheet(wb, edition: Edition, formats: dict, f_num, lang: Language = NL) -> None:
    """The sheet `Herzieningen` (docs/editions.md): one table, a row per revised cell, the values as
    published (numbers as numbers, symbols as text)."""
    from jaarcijfers.render.revisions import HEADERS, NOT_SHOWN, POLICY, rows, summary, turns

    _ = lang.gettext
    ws = wb.add_worksheet(_(REVISIONS_SHEET))
    ws.hide_gridlines(2)
    meta = [
        (_("Herzieningen ten opzichte van de editie {year}").format(year=edition.year - 1), formats["title"]),
        (
            _(
                "Dit werkblad bevat één tabel: elke gepubliceerde cel van een eerder jaar die anders is dan in de "
                "vorige editie."
            ),
            formats["text"],
        ),
        (summary(edition, lang), formats["text"]),
        *((t, formats["text"]) for t in turns(edition, lang)),
        (_(POLICY), formats["text"]),
    ]
    for i, (text, fmt) in enumerate(meta):
        ws.write_string(i, 0, text, fmt)
    top = len(meta)
    table = rows(edition, lang)
    ws.add_table(
        top,
        0,
        top + max(len(table), 1),
        len(HEADERS) - 1,
        {
            "name": "Herzieningen_tabel" if lang.source else "Revisions_table",
            "style": None,
            "autofilter": False,
            "columns": [{"header": _(h), "header_format": formats["header"]} for h in HEADERS],
        },
    )
    for j, width in enumerate((12, 10, 40, 8, 14, 14, 10, 40)):
        ws.set_column(j, j, width)
    if not table:
        ws.write_string(top + 1, 0, _("geen herzieningen"), formats["stub"])
    for i, r in enumerate(table, start=top + 1):
        for j, text in enumerate((r.figure, r.part, r.row, r.year)):
            ws.write_string(i, j, text, formats["stub"])
        for j, display in ((4, r.previous), (5, r.new)):
            kind, value, fmt = cell_value("" if display == _(NOT_SHOWN) else display)
            if kind in ("number", "percent"):
                ws.write_number(i, j, value, f_num(fmt))
            else:
                ws.write_string(i, j, display, formats["stub"])
        if r.difference_value is not None:
            ws.write_number(i, 6, r.difference_value, f_num("+#,##0;-#,##0;0"))
        else:
            ws.write_blank(i, 6, None, formats["stub"])
        ws.write_string(i, 7, r.reasons, formats["stub"])
    ws.freeze_panes(top + 1, 0)


def render_workbook(
    edition: Edition, out: Path, lang: Language = NL, others: tuple[Language, ...] = ()
) -> list[str]:
    name = files(edition, lang).workbook
    out.mkdir(parents=True, exist_ok=True)
    write_workbook(edition, out / name, lang)
    return [name]


OUTPUT = Output("werkboek", render_workbook, order=20)
