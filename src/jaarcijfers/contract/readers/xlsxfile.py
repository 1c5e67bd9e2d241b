"""XLSX: the first worksheet, read by a bounded, streaming parser of the sheet's XML.

Why not openpyxl's read-only mode: it trusts the sheet's `<dimension ref>` tag, so a workbook whose tag
is smaller than its data loses rows silently; and with `data_only` a formula without a stored value
reads as an empty cell. This reader:

- ignores `<dimension>`: every `<row>`/`<c>` element is read, by the row and cell references it carries;
- refuses a formula cell without a stored value (`E120`, naming the cell: the workbook was written by a
  script and never calculated; reading it as empty would turn known values into "unknown");
- streams the XML through expat in chunks, refuses any DTD (no entity can be declared, so no "billion
  laughs"), and bounds what the zip archive may unpack to (`E119`);
- converts values as openpyxl would (numbers `25`, not `25.0`; date-formatted numbers as ISO dates;
  `TRUE`/`FALSE`; shared and inline strings), so the three formats stage identical text.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from jaarcijfers.contract.problems import Problem, make
from jaarcijfers.contract.readers.common import ReadResult, insert_batch, raw_table_ddl, short, unreadable
from jaarcijfers.contract.safefiles import MAX_MEMBER_RATIO, Limits, OpenFile
from jaarcijfers.contract.schema import FileSpec

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

BATCH = 50_000
MAX_MEMBERS = 10_000
MAX_COLUMNS = 16_384  # Excel's own limit
MAX_ROW = 1_048_576
CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class XlsxError(Exception):
    """The workbook cannot be read (E115) or unpacks too large / holds a DTD (E119)."""

    def __init__(self, code: str, error: str):
        super().__init__(error)
        self.code = code
        self.error = error


class Archive:
    """The zip archive with an account of every byte it unpacks."""

    def __init__(self, opened: OpenFile, limits: Limits):
        import zipfile

        self.limits = limits
        self.unpacked = 0
        self._file = os.fdopen(os.dup(opened.fd), "rb")
        self._file.seek(0)
        try:
            self.zip = zipfile.ZipFile(self._file)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            self._file.close()
            raise XlsxError("E115", short(exc) or "geen werkmap") from None
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            self.close()
            raise XlsxError("E119", f"het archief bevat {len(infos)} onderdelen")
        self.names = {info.filename: info for info in infos}

    def close(self) -> None:
        self.zip.close()
        self._file.close()

    def has(self, name: str) -> bool:
        return name in self.names

    def stream(self, name: str) -> Iterator[bytes]:
        info = self.names.get(name)
        if info is None:
            raise XlsxError("E115", f"het onderdeel {name} ontbreekt")
        member = 0
        with self.zip.open(info) as handle:
            while chunk := handle.read(1 << 16):
                member += len(chunk)
                self.unpacked += len(chunk)
                if self.unpacked > self.limits.max_unpacked:
                    raise XlsxError("E119", f"meer dan {self.limits.max_unpacked >> 20} MiB uitgepakt")
                if member > (1 << 20) and member > MAX_MEMBER_RATIO * max(info.compress_size, 1):
                    raise XlsxError(
                        "E119", f"{name} pakt uit tot meer dan {MAX_MEMBER_RATIO} keer zijn omvang"
                    )
                yield chunk


def parse(chunks: Iterator[bytes], start: Callable, end: Callable, text: Callable | None = None) -> None:
    """Feed XML chunks to expat; element names without namespace; a DTD is refused."""
    import pyexpat

    parser = pyexpat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True

    def refuse(*_: Any) -> None:
        raise XlsxError("E119", "het XML-bestand bevat een DTD (niet toegestaan)")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = lambda name, attrs: start(name.rpartition("}")[2], attrs)
    parser.EndElementHandler = lambda name: end(name.rpartition("}")[2])
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except pyexpat.ExpatError as exc:
        raise XlsxError("E115", f"ongeldige XML: {exc}") from None


def _attr(attrs: dict[str, str], local: str) -> str | None:
    for key, value in attrs.items():
        if key.rpartition("}")[2] == local:
            return value
    return None


def first_sheet_path(archive: Archive) -> str:
    """The part name of the first worksheet in workbook order."""
    workbook = "xl/workbook.xml"
    if archive.has("_rels/.rels"):
        rels = _relationships(archive, "_rels/.rels", "")
        workbook = next((t for t, kind in rels.values() if kind.endswith("/officeDocument")), workbook)
    sheets: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == "sheet":
            rid = attrs.get(f"{REL_NS}}}id") or _attr(attrs, "id")
            if rid:
                sheets.append(rid)

    parse(archive.stream(workbook), start, lambda name: None)
    if not sheets:
        raise XlsxError("E115", "de werkmap heeft geen werkblad")
    rels_name = posixpath.join(posixpath.dirname(workbook), "_rels", posixpath.basename(workbook) + ".rels")
    rels = _relationships(archive, rels_name, posixpath.dirname(workbook))
    for rid in sheets:
        target, kind = rels.get(rid, ("", ""))
        if kind.endswith("/worksheet"):
            return target
    raise XlsxError("E115", "de werkmap heeft geen werkblad met gegevens")


def _relationships(archive: Archive, name: str, base: str) -> dict[str, tuple[str, str]]:
    rels: dict[str, tuple[str, str]] = {}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "Relationship" and "Id" in attrs and "Target" in attrs:
            target = attrs["Target"]
            path = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(base, target))
            )
            rels[attrs["Id"]] = (path, attrs.get("Type", ""))

    parse(archive.stream(name), start, lambda tag: None)
    return rels


def shared_strings(archive: Archive, limit: int) -> list[str]:
    """The shared string table (rich-text runs joined; phonetic runs left out)."""
    name = "xl/sharedStrings.xml"
    if not archive.has(name):
        return []
    strings: list[str] = []
    parts: list[str] = []
    state = {"t": False, "skip": 0, "size": 0}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "si":
            parts.clear()
        elif tag in ("rPh", "phoneticPr"):
            state["skip"] += 1
        elif tag == "t" and not state["skip"]:
            state["t"] = True

    def end(tag: str) -> None:
        if tag == "si":
            value = "".join(parts)
            state["size"] += len(value)
            if state["size"] > limit:
                raise XlsxError("E119", "de tabel met gedeelde teksten is te groot")
            strings.append(value)
        elif tag in ("rPh", "phoneticPr"):
            state["skip"] -= 1
        elif tag == "t":
            state["t"] = False

    def text(data: str) -> None:
        if state["t"]:
            parts.append(data)

    parse(archive.stream(name), start, end, text)
    return strings


def date_styles(archive: Archive) -> set[int]:
    """Indexes of the cell formats (`s` attribute) that show a number as a date or time."""
    name = "xl/styles.xml"
    if not archive.has(name):
        return set()
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    custom: dict[int, str] = {}
    formats: list[int] = []
    depth = {"xfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "numFmt" and "numFmtId" in attrs:
            custom[int(attrs["numFmtId"])] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            depth["xfs"] = True
        elif tag == "xf" and depth["xfs"]:
            formats.append(int(attrs.get("numFmtId", "0") or 0))

    def end(tag: str) -> None:
        if tag == "cellXfs":
            depth["xfs"] = False

    parse(archive.stream(name), start, end)
    result = set()
    for i, fmt_id in enumerate(formats):
        code = custom.get(fmt_id, BUILTIN_FORMATS.get(fmt_id, "General"))
        if is_date_format(code):
            result.add(i)
    return result


def number_text(raw: str, as_date: bool) -> str:
    """A numeric cell as the text a CSV would hold (as openpyxl reads it)."""
    raw = raw.strip()
    if not raw:
        return ""
    try:
        value: float | int = float(raw) if any(c in raw for c in ".eE") else int(raw)
    except ValueError:
        return raw
    if as_date:
        from openpyxl.utils.datetime import from_excel

        try:
            moment = from_excel(value)
        except (ValueError, OverflowError, TypeError):
            moment = None
        if isinstance(moment, dt.datetime):
            return moment.date().isoformat() if moment.time() == dt.time(0) else moment.isoformat()
        if isinstance(moment, (dt.date, dt.time)):
            return moment.isoformat()
    if isinstance(value, float):
        if value != value:
            return ""
        if value.is_integer() and abs(value) < 1e18:
            return str(int(value))
        return repr(value)
    return str(value)


def column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


class Sheet:
    """Streams the worksheet's rows: `(row number, {column index: text})`, and formula cells without
    a stored value."""

    def __init__(self, strings: list[str], dates: set[int], emit: Callable[[int, dict[int, str]], None]):
        self.strings, self.dates, self.emit = strings, dates, emit
        self.row = 0
        self.cells: dict[int, str] = {}
        self.col = 0
        self.cell: dict[str, Any] | None = None
        self.buffer: list[str] = []
        self.capture = False
        self.missing: list[tuple[int, int, str]] = []  # (row, column, reference) of formulas w/o value

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "row":
            r = attrs.get("r")
            number = int(r) if r and r.isdigit() else self.row + 1
            if number <= self.row or number > MAX_ROW:
                raise XlsxError("E115", f"rijnummer {number} staat niet in oplopende volgorde")
            self.row, self.col, self.cells = number, 0, {}
        elif tag == "c":
            ref = attrs.get("r")
            m = CELL_REF.fullmatch(ref) if ref else None
            col = column_index(m.group(1)) if m else self.col + 1
            if col > MAX_COLUMNS or (m and int(m.group(2)) != self.row):
                raise XlsxError("E115", f"ongeldige celverwijzing {ref}")
            self.col = col
            self.cell = {"t": attrs.get("t", "n"), "s": attrs.get("s"), "f": False, "v": None, "is": None}
        elif self.cell is not None:
            if tag == "f":
                self.cell["f"] = True
            elif tag == "v":
                self.buffer, self.capture = [], True
            elif tag == "is":
                self.cell["is"] = []
            elif tag == "t" and self.cell["is"] is not None:
                self.buffer, self.capture = [], True

    def text(self, data: str) -> None:
        if self.capture:
            self.buffer.append(data)

    def end(self, tag: str) -> None:
        cell = self.cell
        if tag == "row":
            self.emit(self.row, self.cells)
            self.cells = {}
        elif tag == "c" and cell is not None:
            value = self.value(cell)
            if value:
                self.cells[self.col] = value
            self.cell = None
        elif cell is not None and tag == "v":
            cell["v"] = "".join(self.buffer)
            self.capture = False
        elif cell is not None and tag == "t" and cell["is"] is not None:
            cell["is"].append("".join(self.buffer))
            self.capture = False

    def value(self, cell: dict[str, Any]) -> str:
        kind, v = cell["t"], cell["v"]
        if kind == "inlineStr":
            return "".join(cell["is"] or [])
        if cell["f"] and (v is None or (not v.strip() and kind != "str")):
            # a formula whose result was never stored (`<v/>` or no `<v>`): its value is unknown
            self.missing.append((self.row, self.col, f"{_letters(self.col)}{self.row}"))
            return ""
        if v is None:
            return ""
        if kind == "s":
            try:
                return self.strings[int(v)]
            except (ValueError, IndexError):
                raise XlsxError(
                    "E115", f"cel {_letters(self.col)}{self.row} verwijst naar een onbekende tekst"
                ) from None
        if kind == "b":
            return "TRUE" if v.strip() in ("1", "true") else "FALSE"
        if kind in ("str", "e"):
            return v
        if kind == "d":
            return v[:10] if v.endswith("T00:00:00") or len(v) == 10 else v
        style = cell["s"]
        as_date = style is not None and style.isdigit() and int(style) in self.dates
        return number_text(v, as_date)


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def read(
    con: duckdb.DuckDBPyConnection, table: str, opened: OpenFile, spec: FileSpec, limits: Limits
) -> ReadResult:
    import hashlib

    digest = hashlib.sha256()
    for chunk in opened.chunks(limits.max_file_size):
        digest.update(chunk)
    sha = digest.hexdigest()
    try:
        archive = Archive(opened, limits)
    except XlsxError as exc:
        return unreadable(make(exc.code, file=spec.name, error=exc.error), sha)
    state: dict[str, Any] = {"header": None, "width": 0, "rows": 0, "last": 0, "header_row": 0}
    batch: list[tuple] = []

    def emit(number: int, cells: dict[int, str]) -> None:
        if not any(v.strip() for v in cells.values()):
            return  # an empty row: counted as blank below
        if state["header"] is None:
            width = max(cells)
            header = [cells.get(i, "") for i in range(1, width + 1)]
            while header and not header[-1].strip():
                header.pop()
            state.update(header=header, width=len(header), header_row=number)
            con.execute(raw_table_ddl(table, len(header)))
            return
        width = state["width"]
        last = max(i for i, v in cells.items() if v.strip())
        fields = last if last > width else None
        batch.append((number, fields, *(cells.get(i, "") for i in range(1, width + 1))))
        state["rows"] += 1
        state["last"] = number
        if len(batch) >= BATCH:
            insert_batch(con, table, width, batch)
            batch.clear()

    try:
        try:
            sheet_path = first_sheet_path(archive)
            strings = shared_strings(archive, limits.max_file_size)
            dates = date_styles(archive)
            sheet = Sheet(strings, dates, emit)
            parse(archive.stream(sheet_path), sheet.start, sheet.end, sheet.text)
        finally:
            archive.close()
        if state["header"] is not None:
            insert_batch(con, table, state["width"], batch)
    except XlsxError as exc:
        return unreadable(make(exc.code, file=spec.name, error=exc.error), sha)
    except (KeyError, ValueError, OSError, EOFError, RuntimeError) as exc:  # a damaged archive member
        return unreadable(make("E115", file=spec.name, error=short(exc)), sha)
    header = state["header"]
    if header is None:
        return unreadable(make("E112", file=spec.name), sha)
    if sheet.missing:
        problems: list[Problem] = []
        for row, col, ref in sheet.missing:
            column = header[col - 1] if col <= len(header) and header[col - 1].strip() else None
            problems.append(make("E120", file=spec.name, row=row, column=column, cell=ref))
        return ReadResult(tuple(header), 0, 0, tuple(problems), readable=False, sha256=sha)
    rows = state["rows"]
    blank = max(state["last"] - state["header_row"] - rows, 0)
    return ReadResult(tuple(header), rows, blank, (), readable=True, sha256=sha)
