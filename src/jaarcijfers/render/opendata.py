"""Open data: one CSV per figure and a Frictionless Data Package (`datapackage.json`) describing them.

Each CSV is one row per published cell (long format), with typed columns a spreadsheet or a script
reads without guessing (docs/publication.md, "Open data"):

| column | content |
|---|---|
| `figuur` | `Figuur 2`, `Tabel 1` |
| `tabeldeel` | the block of a figure with two (`jaar`, `vorm`); empty for a figure with one |
| `rij`, `kolom` | the published labels |
| `rij_code`, `kolom_code` | the codes of the contract's code lists the label counts (`+` between several: a total), or the year; empty for a label taken from the data |
| `maat` | `aantal`, `percentage`, `gemiddelde` or `rang` |
| `waarde` | the published number (a percentage as 52 for 52%), empty when the cell is not a number |
| `status` | the symbol of a cell that is not a number (`<5`, `<10`, `x`, `.`), empty otherwise |

With more than one language (`build --lang nl,en`), each edition's files also carry the labels of the
other editions beside its own, named by the column and the language's code: `figuur_en`, `rij_en`,
`kolom_en` in the Dutch files, `figure_nl`, `row_nl`, `column_nl` in the English files (docs/language.md).
The codes, values and symbols are the same in every language; a Dutch-only build writes the columns above.

`datapackage.json` (profile `tabular-data-package`) holds the licence (CC BY 4.0), the publication date
(`created`), the publisher, the sources, the symbols with their meanings, the other outputs of the
edition (relative links) and per resource its Table Schema (types, `missingValues`). A `.json` beside
each CSV holds that resource's description on its own.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from jaarcijfers.edition.model import (
    NO_DATA,
    Edition,
    PublishedBlock,
    PublishedCell,
    PublishedFigure,
    Revision,
)
from jaarcijfers.figures.model import CellKind
from jaarcijfers.figures.spec import Role
from jaarcijfers.language import N_, NL, Language
from jaarcijfers.render import Output

COLUMNS = ("figuur", "tabeldeel", "rij", "rij_code", "kolom", "kolom_code", "maat", "waarde", "status")
MEASURES = ("aantal", "percentage", "gemiddelde", "rang")

NAMES = {
    "en": {
        "figuur": "figure",
        "tabeldeel": "table_part",
        "rij": "row",
        "rij_code": "row_code",
        "kolom": "column",
        "kolom_code": "column_code",
        "maat": "measure",
        "waarde": "value",
        "status": "status",
        "aantal": "count",
        "percentage": "percentage",
        "gemiddelde": "mean",
        "rang": "rank",
    }
}
"""The column names and the measures of the open data in another language than Dutch (identifiers, not
prose: the codes and the values are the same in every language, docs/language.md)."""


LABELS = ("figuur", "rij", "kolom")
"""The columns holding a published label (the other columns hold codes, numbers and symbols)."""

EDITION_NAMES = {"nl": N_("Nederlandse"), "en": N_("Engelse")}
"""Each language as the adjective of its edition ("de Engelse editie"), for the open data's field titles."""


def name(word: str, lang: Language = NL) -> str:
    """A column name or a measure of the open data in the edition's language; a label in another
    language is the label's column name with that language's code (`rij_en` in Dutch, `row_nl` in
    English)."""
    base, _, code = word.rpartition("_")
    if base in LABELS and code in EDITION_NAMES:
        return f"{name(base, lang)}_{code}"
    return NAMES.get(lang.code.value, {}).get(word, word)


def columns(others: tuple[Language, ...] = ()) -> tuple[str, ...]:
    """The columns of a figure's CSV (by their Dutch names): each label followed by the same label in
    the other languages of the publication."""
    out: list[str] = []
    for c in COLUMNS:
        out.append(c)
        if c in LABELS:
            out += [f"{c}_{o.code.value}" for o in others]
    return tuple(out)


Beside = tuple[tuple[Language, PublishedFigure], ...]
"""The same figure in the other languages of the publication (for their label columns)."""


def beside(
    edition: Edition, lang: Language, others: tuple[Language, ...]
) -> tuple[tuple[Language, Edition], ...]:
    """The edition in each other language it is published in (the same cells, other labels): the Dutch
    edition it translates, or its translation."""
    if not others:
        return ()
    from jaarcijfers.edition.translate import translate

    source = edition if lang.source else edition.translates
    assert source is not None, "an edition in another language translates a Dutch one"
    return tuple((o, source if o.source else translate(source, o)) for o in others)


def measure(block: PublishedBlock, cell: PublishedCell) -> str:
    """What the number of a cell is: `aantal`, `percentage`, `gemiddelde` or `rang`."""
    if cell.kind == CellKind.PERCENT:
        return "percentage"
    if cell.kind == CellKind.MEAN:
        return "gemiddelde"
    if cell.kind == CellKind.RANK:
        return "rang"
    roles = {block.meaning(cell.row).role, block.meaning(cell.column).role}
    if Role.MEAN in roles:
        return "gemiddelde"
    if Role.SHARE in roles:
        return "percentage"
    if Role.RANK in roles:
        return "rang"
    return "aantal"


def number(display: str) -> int | float | None:
    """The number a published string stands for (52% -> 52), None for a symbol or a blank."""
    text = display.strip().removesuffix("%").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in text else value


def code(block: PublishedBlock, label: str) -> str:
    meaning = block.meaning(label)
    if meaning.codes:
        return "+".join(meaning.codes)
    return label if label.isdigit() and len(label) == 4 else ""


def rows(fig: PublishedFigure, lang: Language = NL, also: Beside = ()) -> list[dict[str, Any]]:
    from jaarcijfers.render.publication import symbol_text

    if fig.no_data:  # as in figures.csv: one row saying so
        return [
            {
                "figuur": fig.name,
                **{f"figuur_{o.code.value}": of.name for o, of in also},
                **{f"{c}_{o.code.value}": "" for o, _ in also for c in ("rij", "kolom")},
                "tabeldeel": "",
                "rij": "",
                "rij_code": "",
                "kolom": "",
                "kolom_code": "",
                "maat": "",
                "waarde": None,
                "status": lang.gettext(NO_DATA),
            }
        ]
    out = []
    for i, b in enumerate(fig.blocks):
        cells = {(c.row, c.column): c for c in b.cells}
        # the same block in the other languages: the same rows and columns in the same order
        blocks = [(o.code.value, of.name, of.blocks[i]) for o, of in also]
        for ri, r in enumerate(b.rows):
            for ci, col in enumerate(b.columns):
                c = cells.get((r, col))
                if c is None:
                    continue
                value = number(c.display)
                out.append(
                    {
                        "figuur": fig.name,
                        **{f"figuur_{k}": n for k, n, _ in blocks},
                        "tabeldeel": b.part,
                        "rij": r,
                        **{f"rij_{k}": ob.rows[ri] for k, _, ob in blocks},
                        "rij_code": code(b, r),
                        "kolom": col,
                        **{f"kolom_{k}": ob.columns[ci] for k, _, ob in blocks},
                        "kolom_code": code(b, col),
                        "maat": name(measure(b, c), lang),
                        "waarde": value,
                        "status": "" if value is not None else symbol_text(c.display or "(leeg)"),
                    }
                )
    return out


def figure_csv(fig: PublishedFigure, lang: Language = NL, also: Beside = ()) -> str:
    cols = columns(tuple(o for o, _ in also))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([name(c, lang) for c in cols])
    for r in rows(fig, lang, also):
        w.writerow(["" if r[c] is None else r[c] for c in cols])
    return buf.getvalue()


OTHER_TITLES = {
    "figuur": N_("Figuur of tabel, zoals genoemd in de {edition} editie"),
    "rij": N_("Rij, zoals gepubliceerd in de {edition} editie"),
    "kolom": N_("Kolom, zoals gepubliceerd in de {edition} editie"),
}
"""The titles of a label column in another language (`rij_en`)."""


def schema(
    fig: PublishedFigure, edition: Edition, lang: Language = NL, others: tuple[Language, ...] = ()
) -> dict[str, Any]:
    """The Frictionless Table Schema of a figure's CSV (with the label columns of the `others`)."""
    _ = lang.gettext
    values = [r["waarde"] for r in rows(fig, lang) if r["waarde"] is not None]
    statuses = sorted({r["status"] for r in rows(fig, lang) if r["status"]})
    fields: list[dict[str, Any]] = []
    for field in _fields(fig, values, statuses, lang):
        fields.append(field)
        base = next((c for c in LABELS if name(c, lang) == field["name"]), None)
        for o in others if base else ():
            fields.append(
                {
                    "name": name(f"{base}_{o.code.value}", lang),
                    "type": "string",
                    "title": _(OTHER_TITLES[str(base)]).format(edition=_(EDITION_NAMES[o.code.value])),
                }
            )
    return {"fields": fields, "missingValues": [""]}


def _fields(
    fig: PublishedFigure, values: list[Any], statuses: list[str], lang: Language
) -> list[dict[str, Any]]:
    _ = lang.gettext
    return [
        {"name": name("figuur", lang), "type": "string", "title": _("Figuur of tabel")},
        {
            "name": name("tabeldeel", lang),
            "type": "string",
            "title": _("Deel van de figuur"),
            "description": _(
                "jaar: per jaar; vorm: per vorm van mensenhandel; leeg bij een figuur met één tabel"
            ),
        },
        {"name": name("rij", lang), "type": "string", "title": _("Rij (zoals gepubliceerd)")},
        {
            "name": name("rij_code", lang),
            "type": "string",
            "title": _("Code van de rij"),
            "description": _(
                "de code(s) uit de codelijsten van het gegevenscontract die de rij telt, met + "
                "ertussen (een totaal); leeg voor een rij uit de gegevens"
            ),
        },
        {"name": name("kolom", lang), "type": "string", "title": _("Kolom (zoals gepubliceerd)")},
        {
            "name": name("kolom_code", lang),
            "type": "string",
            "title": _("Code van de kolom"),
            "description": _("het jaar, of de code(s) uit de codelijsten die de kolom telt"),
        },
        {
            "name": name("maat", lang),
            "type": "string",
            "title": _("Maat"),
            "constraints": {"enum": [name(m, lang) for m in MEASURES]},
        },
        {
            "name": name("waarde", lang),
            "type": "integer" if all(isinstance(v, int) for v in values) else "number",
            "title": _("Waarde"),
            "description": _(
                "het gepubliceerde getal, na onthullingscontrole (een percentage als 52 voor 52%); "
                "leeg als de cel geen getal is (zie status)"
            )
            + (_("; afgerond op vijftallen door de bron") if fig.rounded else ""),
        },
        {
            "name": name("status", lang),
            "type": "string",
            "title": _("Teken"),
            "description": _(
                "het teken van een cel die geen getal is (zie symbolen); leeg als er een waarde is"
            ),
            "constraints": {"enum": statuses} if statuses else {"maxLength": 0},
        },
    ]


def figure_description(
    fig: PublishedFigure, edition: Edition, lang: Language = NL, others: tuple[Language, ...] = ()
) -> dict[str, Any]:
    file = f"figuur-{fig.id.lower()}" if lang.source else f"figure-{fig.id.lower()}"
    keys = KEYS.get(lang.code.value, {})
    return {
        "profile": "tabular-data-resource",
        "name": file,
        "path": f"{file}.csv",
        "title": f"{fig.name}. {fig.title}",
        "description": fig.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "header": True, "lineTerminator": "\n"},
        keys.get("bron", "bron"): fig.source,
        keys.get("eenheid", "eenheid"): fig.unit,
        keys.get("noten", "noten"): list(fig.notes),
        keys.get("afgerond_op_vijftallen", "afgerond_op_vijftallen"): fig.rounded,
        keys.get("jaren", "jaren"): list(fig.years),
        "schema": schema(fig, edition, lang, others),
    }


KEYS = {
    "en": {
        "bron": "source",
        "eenheid": "unit",
        "noten": "notes",
        "afgerond_op_vijftallen": "rounded_to_fives",
        "jaren": "years",
        "bronvermelding": "citation",
        "publicatie": "publication",
        "rapport": "report",
        "pdf": "pdf",
        "werkboek": "workbook",
        "persbericht": "press_release",
        "onthullingscontrole": "disclosure_control",
        "symbolen": "symbols",
        "teken": "symbol",
        "betekenis": "meaning",
        "vertalingen": "translations",
        "taal": "language",
        "pad": "path",
        "vorige_editie": "previous_edition",
        "verslagjaar": "reporting_year",
        "versie": "version",
        "ingelezen": "imported",
        "vergeleken_cellen": "cells_compared",
        "herziene_cellen": "cells_revised",
    }
}
"""The project's own keys of the data package in another language (identifiers, like `NAMES`)."""


def package(
    edition: Edition, resources: list[dict[str, Any]], lang: Language = NL, others: tuple[Language, ...] = ()
) -> dict[str, Any]:
    from jaarcijfers.render import publication
    from jaarcijfers.render.site import SOURCE_NAMES

    _ = lang.gettext
    k = KEYS.get(lang.code.value, {})

    def key(word: str) -> str:
        return k.get(word, word)

    f = publication.files(edition, lang)
    sources = list(dict.fromkeys(fig.source_id for fig in edition.figures))
    translations = {  # the open data of the same edition in the other languages, relative to this file
        key("vertalingen"): [
            {
                key("taal"): o.code.value,
                key("pad"): "../" + publication.link(lang, o) + publication.files(edition, o).datapackage,
            }
            for o in others
        ]
    }
    return {
        "profile": "tabular-data-package",
        "name": f"jaarcijfers-mensenhandel-{edition.year}" + ("" if lang.source else f"-{lang.code.value}"),
        "title": publication.title(edition, lang),
        "description": _(
            "Alle tabellen van de Jaarcijfers Mensenhandel {year}, na onthullingscontrole, één CSV-bestand per figuur."
        ).format(year=edition.year),
        "created": f"{edition.published_on.isoformat()}T00:00:00Z",
        "language": lang.code.value,
        "homepage": publication.WEBSITE,
        "keywords": [_("mensenhandel"), _("jaarcijfers"), _("statistiek")],
        "licenses": [
            {
                "name": publication.LICENCE.name,
                "title": _(publication.LICENCE.title),
                "path": publication.LICENCE.path,
            }
        ],
        "contributors": [
            {"title": _(publication.PUBLISHER), "role": "publisher", "path": publication.WEBSITE}
        ],
        "sources": [{"title": _(SOURCE_NAMES.get(s, s))} for s in sources],
        key("bronvermelding"): publication.citation(edition, lang),
        key("publicatie"): {  # the other outputs, relative to this file
            key("rapport"): f"../{f.site}",
            key("pdf"): f"../{f.pdf}",
            key("werkboek"): f"../{f.workbook}",
            key("persbericht"): f"../{f.press}",
        },
        key("onthullingscontrole"): edition.disclosure.policy,
        key("symbolen"): [{key("teken"): t, key("betekenis"): m} for t, m in publication.symbols(edition)],
        **(translations if others else {}),
        "resources": resources,
    }


def write_open_data(
    edition: Edition, out: Path, lang: Language = NL, others: tuple[Language, ...] = ()
) -> list[str]:
    from jaarcijfers.render import publication

    folder = out / publication.files(edition, lang).open_data
    folder.mkdir(parents=True, exist_ok=True)
    resources = []
    editions = beside(edition, lang, others)
    for i, fig in enumerate(edition.figures):
        desc = figure_description(fig, edition, lang, others)
        also = tuple((o, e.figures[i]) for o, e in editions)
        (folder / desc["path"]).write_text(figure_csv(fig, lang, also), encoding="utf-8", newline="\n")
        (folder / f"{desc['name']}.json").write_text(
            json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        resources.append(desc)
    revisions = write_revisions(edition, folder, lang, editions)
    if revisions is not None:
        resources.append(revisions)
    (folder / "datapackage.json").write_text(
        json.dumps(package(edition, resources, lang, others), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    return [f"{publication.files(edition, lang).open_data}/"]


# --- revisions (docs/editions.md) ----------------------------------------------------------------------
REVISIONS = "herzieningen"
REVISION_FIELDS = (
    ("figure", "string", N_("figuur (id, als in figures.csv)")),
    ("table_part", "string", N_("deel van de tabel")),
    ("row", "string", N_("rij")),
    ("column", "string", N_("jaar")),
    ("previous", "string", N_("waarde in de vorige editie, zoals gepubliceerd (leeg: niet getoond)")),
    ("new", "string", N_("waarde in deze editie, zoals gepubliceerd (leeg: niet getoond)")),
    ("difference", "integer", N_("nieuw min oud als beide een getal zijn (percentages: procentpunten)")),
    ("reason", "string", N_("reden(en) van de herziening, voor zover bekend")),
)
"""The columns of `herzieningen.csv` (the same names in every language; docs/outputs.md)."""

REVISION_LABELS = ("row", "reason")
"""The columns of `herzieningen.csv` holding words in the edition's language: with other languages
published beside it, each is followed by the same words in those (`row_en`, `reason_en`; `row_nl` …)."""

REVISION_OTHER = {
    "row": N_("rij, zoals gepubliceerd in de {edition} editie"),
    "reason": N_("reden(en) van de herziening in de {edition} editie"),
}


def _reasons(r: Revision, lang: Language) -> str:
    return "; ".join(lang.text("revision.reason", str(x)) for x in r.reasons)


def revision_fields(lang: Language = NL, others: tuple[Language, ...] = ()) -> list[tuple[str, str, str]]:
    """(name, type, description in the edition's language) of every column of `herzieningen.csv`."""
    _ = lang.gettext
    out = []
    for n, t, d in REVISION_FIELDS:
        out.append((n, t, _(d)))
        if n in REVISION_LABELS:
            out += [
                (
                    f"{n}_{o.code.value}",
                    t,
                    _(REVISION_OTHER[n]).format(edition=_(EDITION_NAMES[o.code.value])),
                )
                for o in others
            ]
    return out


def revisions_csv(
    edition: Edition, lang: Language = NL, also: tuple[tuple[Language, Edition], ...] = ()
) -> str:
    """Every revised cell: the row and the reasons in the edition's language (and in the `also`
    languages beside them), the figure's id, the part's code and the year as codes."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([n for n, _, _ in revision_fields(lang, tuple(o for o, _ in also))])
    others = [(o, e.revisions.revisions if e.revisions else ()) for o, e in also]
    for i, r in enumerate(edition.revisions.revisions if edition.revisions else ()):
        difference = "" if r.difference is None else r.difference
        rows = [other[i].row for _, other in others]
        reasons = [_reasons(r, o) for o, _ in others]
        w.writerow(
            [
                r.figure,
                r.part,
                r.row,
                *rows,
                r.column,
                r.previous,
                r.new,
                difference,
                _reasons(r, lang),
                *reasons,
            ]
        )
    return buf.getvalue()


def write_revisions(
    edition: Edition, folder: Path, lang: Language = NL, also: tuple[tuple[Language, Edition], ...] = ()
) -> dict | None:
    """`herzieningen.csv` and its description, when the edition was compared with the edition before
    (the file's name and its columns' names are the same in every language; docs/language.md)."""
    from jaarcijfers.render.revisions import summary

    rev = edition.revisions
    if rev is None:
        return None
    k = KEYS.get(lang.code.value, {})

    def key(word: str) -> str:
        return k.get(word, word)

    (folder / f"{REVISIONS}.csv").write_text(
        revisions_csv(edition, lang, also), encoding="utf-8", newline="\n"
    )
    fields = revision_fields(lang, tuple(o for o, _ in also))
    desc = {
        "name": REVISIONS,
        "path": f"{REVISIONS}.csv",
        "title": lang.gettext("Herzieningen ten opzichte van de editie {year}").format(
            year=rev.previous_year
        ),
        "description": summary(edition, lang),
        key("vorige_editie"): {
            key("verslagjaar"): rev.previous_year,
            key("onthullingscontrole"): rev.previous_policy,
            key("versie"): rev.previous_version,
            key("ingelezen"): rev.previous_imported,
        },
        key("vergeleken_cellen"): rev.compared,
        key("herziene_cellen"): len(rev.revisions),
        "schema": {"fields": [{"name": n, "type": t, "description": d} for n, t, d in fields]},
    }
    (folder / f"{REVISIONS}.json").write_text(
        json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return desc


OUTPUT = Output("open data", write_open_data, order=10)
