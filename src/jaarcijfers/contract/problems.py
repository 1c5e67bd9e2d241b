"""Validation problems as data: a registry of stable codes and the `Problem` record.

Every problem the validator can report has a code here (`E…` = error, `W…` = warning), a stable
kebab-case name, a scope, an English description of the rule (for `docs/validation.md`) and Dutch
templates for the message and the hint that the user sees. Codes are never reused or renumbered;
`docs/validation.md` is generated from `PROBLEM_TYPES` (see `jaarcijfers.contract.docs`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from jaarcijfers.contract.text import escape_text

ERROR = "error"
WARNING = "warning"

#: Dutch labels for the severities (what the user sees).
SEVERITY_LABELS = {ERROR: "fout", WARNING: "waarschuwing"}


@dataclass(frozen=True)
class ProblemType:
    code: str
    name: str
    scope: str  # levering | bestand | kopregel | cel | rij | sleutel | verwijzing | metadata
    description: str  # English: the rule, for the documentation
    message: str  # Dutch template
    hint: str  # Dutch template

    @property
    def severity(self) -> str:
        return ERROR if self.code.startswith("E") else WARNING


_TYPES = (
    # ---- the delivery folder -------------------------------------------------------------------
    ProblemType(
        "E001",
        "delivery-not-found",
        "levering",
        "The delivery path does not exist.",
        "De map {value} bestaat niet.",
        "Geef het pad naar de map met de bestanden van de levering.",
    ),
    ProblemType(
        "E002",
        "not-a-directory",
        "levering",
        "The delivery path is not a directory.",
        "{value} is geen map.",
        "Geef de map met de bestanden van de levering, niet één bestand.",
    ),
    ProblemType(
        "E003",
        "empty-delivery",
        "levering",
        "The folder holds no file of the contract.",
        "De map bevat geen enkel bestand van het datacontract.",
        "Verwacht worden bestanden als comensha_registraties.csv of om_zaken.xlsx (namen in kleine letters).",
    ),
    ProblemType(
        "E004",
        "missing-file",
        "levering",
        "A required file is absent. A source (CoMensha, IND, EMM, OM, Rechtspraak) is delivered "
        "completely or not at all: once one of its files is present, all its files except "
        "`om_dossiercodering` must be. `build` needs every source.",
        "Het bestand {file} ontbreekt ({reason}).",
        "Voeg {file}.csv (of .parquet/.xlsx) toe aan de levering.",
    ),
    ProblemType(
        "E005",
        "ambiguous-file",
        "levering",
        "The same contract file is present in more than one format.",
        "Het bestand {file} is in meer dan één formaat aangeleverd: {value}.",
        "Lever elk bestand in precies één formaat (CSV, Parquet of XLSX).",
    ),
    ProblemType(
        "W006",
        "unknown-file",
        "levering",
        "A file in the folder is not part of the contract; it is ignored.",
        "Het bestand {value} hoort niet bij het datacontract en wordt genegeerd.",
        "Controleer de bestandsnaam (exact, kleine letters, bijv. om_zaken.csv).",
    ),
    ProblemType(
        "E007",
        "unreadable-delivery",
        "levering",
        "The folder cannot be listed.",
        "De map {value} kan niet worden gelezen: {error}.",
        "Controleer de leesrechten van de map.",
    ),
    ProblemType(
        "E008",
        "not-a-regular-file",
        "levering",
        "A name of a contract file (or `levering.toml`) is not a regular file: a symbolic link, a folder, "
        "a named pipe (FIFO), a device or a socket. It is not opened: a link could point anywhere (a system "
        "file, `/dev/zero`), a pipe would block the reading forever.",
        "{value} is {kind}, geen gewoon bestand; het wordt niet gelezen.",
        "Lever echte bestanden in de map: symbolische koppelingen, named pipes, apparaten en mappen worden nooit gevolgd of gelezen.",
    ),
    ProblemType(
        "E009",
        "file-too-large",
        "bestand",
        "A file is larger than the size limit (default 256 MiB, `--max-file-size`); it is not read.",
        "Het bestand is {size}, groter dan de grens van {limit}; het wordt niet gelezen.",
        "Controleer of dit het bedoelde bestand is; is het dat, verhoog dan de grens met --max-file-size.",
    ),
    # ---- reading a file ------------------------------------------------------------------------
    ProblemType(
        "E101",
        "missing-column",
        "kopregel",
        "A column of the contract is missing from the header row; every row of the file is rejected.",
        "De verplichte kolom {column} ontbreekt.",
        "Kolommen van {file}: {expected}. Namen zijn exact en in kleine letters; de volgorde is vrij.",
    ),
    ProblemType(
        "W102",
        "unknown-column",
        "kopregel",
        "The header row holds a column the contract does not know; it is ignored.",
        "De kolom '{column}' hoort niet bij {file} en wordt genegeerd.",
        "Kolommen van {file}: {expected}.",
    ),
    ProblemType(
        "E103",
        "duplicate-column",
        "kopregel",
        "A column name occurs more than once in the header row; every row of the file is rejected.",
        "De kolom {column} komt meer dan eens voor in de kopregel.",
        "Geef elke kolom precies één keer.",
    ),
    ProblemType(
        "E110",
        "unreadable-file",
        "bestand",
        "The file cannot be read (permissions, I/O error).",
        "Het bestand kan niet worden gelezen: {error}.",
        "Controleer of het bestand bestaat en leesbaar is.",
    ),
    ProblemType(
        "E111",
        "invalid-encoding",
        "bestand",
        "A CSV file is not valid UTF-8 (a byte order mark is tolerated).",
        "Het bestand is geen geldige UTF-8-tekst (eerste ongeldige teken in regel {line}).",
        "Sla het bestand op als 'CSV UTF-8 (door komma's gescheiden)'.",
    ),
    ProblemType(
        "E112",
        "empty-file",
        "bestand",
        "The file is empty: it has no header row.",
        "Het bestand is leeg; er is geen kopregel.",
        "Een bestand begint met één kopregel met de kolomnamen; lever een bestand zonder rijen met alleen de kopregel.",
    ),
    ProblemType(
        "E113",
        "malformed-csv",
        "bestand",
        "The CSV file cannot be parsed under RFC 4180 (an unterminated quote, a quote inside an unquoted "
        "value, mixed line endings, a header that cannot be read), or not every line of it can be accounted "
        "for; the file is not used.",
        "Het CSV-bestand is ongeldig: {error}.",
        "Gebruik komma's als scheidingsteken en dubbele aanhalingstekens volgens RFC 4180.",
    ),
    ProblemType(
        "E114",
        "field-count",
        "rij",
        "A row has fewer fields than the header row (or more, and the extra ones are not empty); the row is rejected.",
        "De rij heeft {found} velden, de kopregel {expected}.",
        "Controleer scheidingstekens en aanhalingstekens in deze rij.",
    ),
    ProblemType(
        "E115",
        "invalid-xlsx",
        "bestand",
        "A .xlsx file is not an Excel workbook.",
        "Het bestand is geen geldige Excel-werkmap: {error}.",
        "Sla het bestand op als Excel-werkmap (.xlsx); de gegevens staan op het eerste werkblad.",
    ),
    ProblemType(
        "E116",
        "invalid-parquet",
        "bestand",
        "A .parquet file cannot be read as Parquet (e.g. truncated).",
        "Het bestand is geen geldig Parquet-bestand: {error}.",
        "Schrijf het bestand opnieuw weg als Parquet.",
    ),
    ProblemType(
        "W117",
        "no-rows",
        "bestand",
        "The file has a header row but no data rows.",
        "Het bestand bevat geen gegevensrijen.",
        "Controleer of dit de bedoelde inhoud is.",
    ),
    ProblemType(
        "E118",
        "wrong-delimiter",
        "bestand",
        "The header row looks separated by semicolons or tabs instead of commas.",
        "De kopregel lijkt gescheiden door {delimiter} in plaats van komma's.",
        "Sla het bestand op als 'CSV UTF-8 (door komma's gescheiden)'.",
    ),
    ProblemType(
        "E119",
        "unpacks-too-large",
        "bestand",
        "An XLSX workbook or a Parquet file unpacks to more than the limit (8 times the size limit) or "
        'to more than 200 times its packed size (a "zip bomb"), or an XLSX sheet holds a DTD; it is '
        "not read.",
        "Het bestand wordt uitgepakt te groot of is ongeldig opgebouwd: {error}.",
        "Lever het bestand als CSV, of controleer de werkmap; klopt de omvang, verhoog dan de grens met --max-file-size.",
    ),
    ProblemType(
        "E120",
        "formula-without-value",
        "cel",
        "An XLSX cell holds a formula without a stored (cached) value, as a workbook written by a script "
        "that was never opened in Excel. Its value is unknown, so the whole file is refused (never read as "
        "empty).",
        "Cel {cell} bevat een formule zonder opgeslagen waarde.",
        "Open de werkmap in Excel en sla haar opnieuw op (dan worden de waarden berekend en bewaard), of lever waarden in plaats van formules.",
    ),
    # ---- cell values ---------------------------------------------------------------------------
    ProblemType(
        "E201",
        "empty-value",
        "cel",
        "A cell that may not be empty is empty.",
        "De verplichte waarde in {column} ontbreekt.",
        "Vul {column} in; een lege cel is hier niet toegestaan.",
    ),
    ProblemType(
        "E202",
        "invalid-year",
        "cel",
        "A year is not a 4-digit integer.",
        "'{value}' is geen geldig jaar.",
        "Een jaar bestaat uit 4 cijfers, bijv. 2024.",
    ),
    ProblemType(
        "E203",
        "invalid-age",
        "cel",
        "An age is not a whole number of years 0..120.",
        "'{value}' is geen geldige leeftijd.",
        "Een leeftijd is een geheel aantal jaren van 0 tot en met 120 (zonder voorloopnullen), of leeg.",
    ),
    ProblemType(
        "E204",
        "invalid-boolean",
        "cel",
        "A boolean is not `ja` or `nee`.",
        "'{value}' is geen geldige ja/nee-waarde.",
        "Gebruik ja of nee (kleine letters).",
    ),
    ProblemType(
        "E205",
        "not-in-codelist",
        "cel",
        "A code is not in its code list (codes are lower case; no mapping, no guessing).",
        "'{value}' komt niet voor in de codelijst {codelist}.",
        "Toegestaan: {allowed}.",
    ),
    ProblemType(
        "E206",
        "unknown-country",
        "cel",
        "A country is not an ISO 3166-1 alpha-2 code in upper case, `XK` or `XX`.",
        "'{value}' is geen geldige landcode.",
        "Gebruik een ISO 3166-1 alpha-2-code in hoofdletters (bijv. NL), XK voor Kosovo, XX voor staatloos, of laat de cel leeg.",
    ),
    ProblemType(
        "E207",
        "invalid-integer",
        "cel",
        "An integer ≥ 1 (`feit_nr`) is not one.",
        "'{value}' is geen geheel getal groter dan of gelijk aan 1.",
        "Gebruik 1, 2, 3, … (zonder voorloopnullen).",
    ),
    ProblemType(
        "E208",
        "invalid-aantal",
        "cel",
        "A rounded count (`aantal`) is not `0`, a multiple of 5 that is at least 10, or `<10`.",
        "'{value}' is geen geldig afgerond aantal.",
        "Toegestaan: 0, een vijfvoud van minstens 10 (10, 15, 20, …) of <10.",
    ),
    ProblemType(
        "E209",
        "null-marker",
        "cel",
        "An identifier or text cell holds a null marker (`NULL`, `NA`, `-`, …); unknown is an empty cell.",
        "'{value}' is geen geldige waarde voor {column}.",
        "Een onbekende waarde is een lege cel; markeringen als NULL, NA of - zijn niet toegestaan.",
    ),
    ProblemType(
        "E210",
        "control-character",
        "cel",
        "A value holds a control character (U+0000–U+001F, U+007F–U+009F: NUL, escape, …); in free text "
        "(`wetsartikel`) a tab or line break is allowed.",
        "De waarde in {column} bevat het stuurteken {char}.",
        "Verwijder stuurtekens (zoals NUL of escape) uit de waarde; ze zijn onzichtbaar en horen niet in gegevens.",
    ),
    ProblemType(
        "E211",
        "invisible-character",
        "cel",
        "A value holds an invisible or direction-changing character (zero-width space or joiner, byte "
        "order mark, soft hyphen, bidi mark/override/isolate, line separator, …): two values that look "
        "the same would differ.",
        "De waarde in {column} bevat het onzichtbare teken {char}.",
        "Verwijder onzichtbare tekens (zoals een spatie zonder breedte of een richtingsteken); ze maken gelijk ogende waarden verschillend.",
    ),
    ProblemType(
        "E212",
        "year-out-of-range",
        "cel",
        "A year lies outside the plausible window: from 2000 up to the year of the file's `peildatum` "
        "(else the latest `peildatum` of the delivery, else the declared `verslagjaar` + 1, else the "
        "current year).",
        "Het jaar {value} ligt buiten de periode {lo}–{hi}.",
        "Jaren lopen van {lo} tot en met {hi} ({basis}).",
    ),
    # ---- rules across the columns of a row -----------------------------------------------------
    ProblemType(
        "E301",
        "sector-not-allowed",
        "rij",
        "`comensha_uitbuiting`: the sector must belong to the form: the listed sectors for `seksueel` "
        "and `arbeid`, `nog_niet_gewerkt` or empty for `onbekend`, empty for every other form.",
        "Sector '{value}' is niet toegestaan bij vorm '{vorm}'.",
        "Toegestaan bij vorm '{vorm}': {allowed}.",
    ),
    ProblemType(
        "E302",
        "afdoeningsjaar-missing",
        "rij",
        "`om_zaken`: `afdoeningsjaar` is required when `afdoening` is set.",
        "afdoeningsjaar ontbreekt, terwijl afdoening '{afdoening}' is ingevuld.",
        "Vul het jaar van de afdoening in, of laat afdoening leeg als de zaak nog niet is afgedaan.",
    ),
    ProblemType(
        "E303",
        "afdoeningsjaar-without-afdoening",
        "rij",
        "`om_zaken`: `afdoeningsjaar` must be empty when `afdoening` is empty.",
        "afdoeningsjaar '{value}' is ingevuld, terwijl afdoening leeg is.",
        "Vul de afdoening in, of laat afdoeningsjaar leeg.",
    ),
    ProblemType(
        "E304",
        "subvorm-without-seksueel",
        "rij",
        "`om_dossiercodering`: `subvorm` may only be set when `vorm` is `seksueel`.",
        "subvorm '{value}' is alleen toegestaan bij vorm 'seksueel' (hier: '{vorm}').",
        "Laat subvorm leeg, of corrigeer de vorm.",
    ),
    # ---- keys ----------------------------------------------------------------------------------
    ProblemType(
        "E401",
        "duplicate-key",
        "sleutel",
        "A uniqueness key occurs more than once; every occurrence after the first is rejected. "
        "Keys: see the file tables below.",
        "({column}) = ({value}) komt al voor in rij {first_row}.",
        "Elke combinatie van {column} mag maar één keer voorkomen in {file}.",
    ),
    ProblemType(
        "W402",
        "duplicate-row",
        "sleutel",
        "A file without a uniqueness key (`emm_onderzoek_vormen`) holds the same row twice.",
        "Deze rij is gelijk aan rij {first_row}.",
        "Verwijder de dubbele rij.",
    ),
    # ---- references between files --------------------------------------------------------------
    ProblemType(
        "E501",
        "unknown-reference",
        "verwijzing",
        "A foreign key does not exist in the file it refers to.",
        "{column} '{value}' komt niet voor in {ref_file}.",
        "Elke {column} in {file} moet ook in {ref_file} staan.",
    ),
    ProblemType(
        "E502",
        "parent-rejected",
        "verwijzing",
        "Only when loading with `--quarantine`: the row refers to a row that was rejected, so it is "
        "rejected too.",
        "{column} '{value}' verwijst naar een afgekeurde rij van {ref_file}.",
        "Corrigeer eerst de afgekeurde rij in {ref_file}.",
    ),
    # ---- levering.toml -------------------------------------------------------------------------
    ProblemType(
        "E601",
        "metadata-unreadable",
        "metadata",
        "`levering.toml` is not valid TOML (or not UTF-8).",
        "levering.toml kan niet worden gelezen: {error}.",
        "Zie docs/validation.md voor de opbouw: een tabel per bestand, bijv. [om_zaken] met bron, peildatum en omschrijving.",
    ),
    ProblemType(
        "W602",
        "metadata-unknown-file",
        "metadata",
        "`levering.toml` describes a file that is not part of the contract; the entry is ignored.",
        "levering.toml beschrijft het onbekende bestand '{value}'.",
        "Gebruik de bestandsnaam zonder extensie als tabelnaam, bijv. [om_zaken].",
    ),
    ProblemType(
        "W603",
        "metadata-unknown-key",
        "metadata",
        "`levering.toml` holds a key other than `bron`, `peildatum`, `omschrijving`; it is ignored.",
        "levering.toml: onbekende sleutel '{value}'.",
        "Toegestaan: bron, peildatum, omschrijving.",
    ),
    ProblemType(
        "E604",
        "metadata-invalid-peildatum",
        "metadata",
        "`peildatum` in `levering.toml` is not an ISO date (YYYY-MM-DD).",
        "levering.toml: {column} = '{value}' is geen geldige datum.",
        "Schrijf de peildatum als JJJJ-MM-DD, bijv. peildatum = 2025-03-01.",
    ),
    ProblemType(
        "E605",
        "metadata-invalid-value",
        "metadata",
        "A value in `levering.toml` has the wrong type (an entry that is not a table, `bron` or "
        "`omschrijving` that is not a string).",
        "levering.toml: '{value}' is geen geldige waarde voor {column}.",
        "bron en omschrijving zijn tekst tussen aanhalingstekens; elk bestand is een tabel [naam].",
    ),
    ProblemType(
        "E606",
        "metadata-invalid-verslagjaar",
        "metadata",
        "`verslagjaar` in `levering.toml` (the reporting year the delivery is for) is not a whole year "
        "within the plausible window.",
        "levering.toml: verslagjaar = '{value}' is geen geldig verslagjaar ({lo}–{hi}).",
        "Schrijf het verslagjaar als geheel getal bovenaan levering.toml, bijv. verslagjaar = 2024.",
    ),
)

PROBLEM_TYPES: dict[str, ProblemType] = {t.code: t for t in _TYPES}
BY_NAME: dict[str, ProblemType] = {t.name: t for t in _TYPES}
assert len(PROBLEM_TYPES) == len(_TYPES) and len(BY_NAME) == len(_TYPES), "duplicate problem code or name"

MAX_VALUE_LENGTH = 80


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "?"


@dataclass(frozen=True)
class Problem:
    """One problem found in a delivery. `row` counts as a spreadsheet does: header = 1, first data row = 2."""

    code: str
    severity: str
    file: str | None
    row: int | None
    column: str | None
    value: str | None
    rule: str  # the Dutch message: which rule is broken
    hint: str  # the Dutch hint: how to fix it

    @property
    def name(self) -> str:
        return PROBLEM_TYPES[self.code].name

    @property
    def message(self) -> str:
        return self.rule

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["name"] = self.name
        return data

    def sort_key(self) -> tuple:
        return (self.row if self.row is not None else 0, self.column or "", self.code, self.value or "")


def make(
    code: str,
    *,
    file: str | None = None,
    row: int | None = None,
    column: str | None = None,
    value: str | None = None,
    **params: Any,
) -> Problem:
    """Create a problem of a registered type, filling the Dutch templates."""
    ptype = PROBLEM_TYPES[code]
    if value is not None and len(value) > MAX_VALUE_LENGTH:
        value = value[: MAX_VALUE_LENGTH - 1] + "…"
    # every parameter is shown to a person: control and invisible characters become <U+XXXX>
    fields = _Default({k: escape_text(v) if isinstance(v, str) else v for k, v in params.items()})
    fields.update(
        file=escape_text(file or ""),
        column=escape_text(column or ""),
        value=escape_text(value) if value is not None else "",
        row=row or "",
    )
    return Problem(
        code=code,
        severity=ptype.severity,
        file=file,
        row=row,
        column=column,
        value=value,
        rule=ptype.message.format_map(fields),
        hint=ptype.hint.format_map(fields),
    )
