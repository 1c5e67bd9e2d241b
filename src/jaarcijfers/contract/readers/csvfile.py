"""CSV: DuckDB's reader with strict options, checked against an independent count of the records.

DuckDB parses (RFC 4180: comma, double quote, doubled quote as escape, no header detection, no type
detection: every column VARCHAR, `strict_mode`, no `null_padding`, ragged and malformed lines stored as
rejects, not dropped). DuckDB's reader on its own loses rows silently in some cases (an unterminated
quote swallows the rest of the file; a mix of line endings, or an explicit `new_line`, can return
nothing), so one streaming pass over the bytes (`scan`, in a thread while DuckDB reads the file; its
verdicts are judged first) computes the SHA-256, checks UTF-8, and counts the records the way RFC 4180
frames them (a line break inside quotes does not end a record), noting the empty ones. Afterwards
every record must be exactly one of: the header, a row DuckDB returned, a line DuckDB rejected, or an
empty line. If the numbers do not add up the file is refused (`E113`), never loaded with rows missing.

The same pass notes whether the file is *plain*: it holds no control or invisible character and no
white space that cleaning strips (`text.STRIPPED`) other than the ASCII space, and no line break inside
quotes (tested on the bytes: a byte that starts such a character makes the file not plain, even when
the character is a harmless one with the same first byte, as `°` or `€`). Then no value can hold such a character: the validator skips the characters rule (`E210`,
`E211`) for the file and cleans a value by trimming spaces only (the same values, found cheaper). When
moreover no space stands next to a comma, a quote or a line break (nor at the start or end of the
file) and no row is ragged, no value starts or ends with a space and none is empty (DuckDB reads an
empty field, quoted or not, as NULL): cleaning would change nothing, and the file is *trimmed*.

Row numbers are spreadsheet row numbers: a record is one row (a quoted line break stays inside it), an
empty line is a row too (skipped, counted as blank).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from jaarcijfers.contract.problems import Problem, make
from jaarcijfers.contract.readers.common import ReadResult, insert_batch, short, unreadable
from jaarcijfers.contract.safefiles import Limits, OpenFile
from jaarcijfers.contract.schema import FileSpec
from jaarcijfers.contract.text import CONTROL_RANGES, INVISIBLE_RANGES, STRIPPED

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

#: An empty record in the middle of a piece: a line break, an optional CR, and the next line break.
EMPTY_LINE = re.compile(rb"\n\r?(?=\n)")

#: At most this many header columns (a header of thousands of fields is not a contract file).
MAX_COLUMNS = 1024

#: The header row is looked for in the first bytes of the file.
HEADER_WINDOW = 4 << 20

#: Dutch names of DuckDB's reject types that make a line unreadable.
REJECT_LABELS = {
    "UNQUOTED VALUE": "een aanhalingsteken midden in een waarde",
    "INVALID ENCODING": "geen geldige UTF-8",
    "LINE SIZE OVER MAXIMUM": "de regel is te lang",
    "INVALID STATE": "de regel volgt RFC 4180 niet",
}


@dataclass
class Scan:
    """What one pass over the bytes found (see the module docstring)."""

    sha256: str = ""
    records: int = 0  # every record, empty ones and a last one without line break included
    empty: list[int] = field(default_factory=list)  # record numbers of empty records
    crlf: int = 0
    lf: int = 0  # line breaks outside quotes without a CR before them
    lone_cr: int = 0  # CRs outside quotes not followed by a line break
    open_quote: int | None = None  # the record where a quote opens that is never closed
    bad_utf8_line: int | None = None  # the physical line of the first invalid byte
    in_quote: bool = False
    content: bool = False  # the current record has content
    plain: bool = True  # no value can hold a control, invisible or stripped character but a space
    padded: bool = False  # a value may start or end with a space (`PADDED`; seen in a plain file only)

    def feed(self, piece: bytes) -> None:
        """Account for `piece`: whole lines (it ends with a line break) or the file's last bytes."""
        # (a piece without a quote is one segment: not split, so not copied)
        for i, seg in enumerate(piece.split(b'"') if b'"' in piece else (piece,)):
            if i:
                self.in_quote = not self.in_quote
                self.content = True
                if self.in_quote:
                    self.open_quote = self.records + 1
            if self.in_quote:
                if b"\n" in seg or b"\r" in seg:
                    self.plain = False  # a value holds a line break
                continue
            if not seg:
                continue
            first = seg.find(b"\n")
            cr = seg.count(b"\r") if b"\r" in seg else 0
            if first < 0:
                self.lone_cr += cr
                if seg.strip(b"\r"):
                    self.content = True
                continue
            n = seg.count(b"\n")
            crlf = seg.count(b"\r\n") if cr else 0
            self.crlf += crlf
            self.lf += n - crlf
            self.lone_cr += cr - crlf
            if not self.content and not seg[:first].strip(b"\r"):
                self.empty.append(self.records + 1)
            self.records += 1
            pos, count = first + 1, 0
            for m in EMPTY_LINE.finditer(seg, first):
                count += seg.count(b"\n", pos, m.end() + 1)
                pos = m.end() + 1
                self.empty.append(self.records + count)
            self.records += n - 1
            self.content = bool(seg[seg.rfind(b"\n") + 1 :].strip(b"\r"))

    def finish(self) -> None:
        if self.content:
            self.records += 1


def scan(opened: OpenFile, limits: Limits) -> Scan:
    """One streaming pass: SHA-256, UTF-8, record framing, whether the file is `plain` (raises
    FileRefused past the size limit)."""
    result = Scan()
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    carry = b""
    offset = 0  # bytes before the current chunk
    last = b"\n"  # the byte before the current chunk (the file starts as after a line break)
    # a byte order mark at the start belongs to the header row, never to a value: not tested
    bom = len(codecs.BOM_UTF8) if os.pread(opened.fd, len(codecs.BOM_UTF8), 0) == codecs.BOM_UTF8 else 0
    for chunk in opened.chunks(limits.max_file_size):
        digest.update(chunk)
        if result.plain and not _plain(chunk[max(bom - offset, 0) :] if offset < bom else chunk):
            result.plain = False
        if result.bad_utf8_line is None and not (chunk.isascii() and not decoder.getstate()[0]):
            try:  # (ASCII after a complete character is UTF-8: no need to decode it)
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                before = _newlines(opened, offset)
                result.bad_utf8_line = before + chunk[: max(exc.start, 0)].count(b"\n") + 1
                result.plain = False
        if result.plain and not result.padded and (b" " in chunk or last == b" "):
            result.padded = PADDED.search(chunk) is not None or PADDED.search(last + chunk[:1]) is not None
        last = chunk[-1:]
        offset += len(chunk)
        data = carry + chunk
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            carry = data
            continue
        result.feed(data[:cut])
        carry = data[cut:]
    if result.bad_utf8_line is None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            result.bad_utf8_line = _newlines(opened, offset) + 1
            result.plain = False
    if last == b" ":
        result.padded = True
    result.feed(carry)
    result.finish()
    result.sha256 = digest.hexdigest()
    return result


def _not_plain_bytes() -> bytes:
    """The bytes that start a character a plain file may not hold: a control or invisible character, or
    white space that cleaning strips (`text.STRIPPED`), other than the space and the line breaks (a
    line break inside quotes is seen by `Scan.feed`). For a character beyond ASCII that is the first
    byte of its UTF-8 form, shared with harmless characters (U+00A0 and `°` both start with 0xC2):
    a file holding one of those is not plain either (conservative; é, ë, ü, ß and most letters are
    not affected)."""
    chars = {chr(c) for lo, hi in CONTROL_RANGES + INVISIBLE_RANGES for c in range(lo, hi + 1)}
    chars |= set(STRIPPED)
    chars -= {" ", "\n", "\r"}
    return bytes(sorted({ch.encode()[0] for ch in chars}))


#: The bytes a plain file may hold (`bytes.translate` deletes them; what is left is not plain).
PLAIN_BYTES = bytes(sorted(set(range(256)) - set(_not_plain_bytes())))


def _plain(chunk: bytes) -> bool:
    """Whether a chunk holds no byte that starts a character a plain file may not hold."""
    return not chunk.translate(None, PLAIN_BYTES)


#: A space next to the start or the end of a value: after a line break, a comma or a quote, or before
#: one (conservative: a doubled quote inside a quoted value counts too). Written to start with the
#: space, so that the search skips to the next space (a pattern starting with a class of bytes is
#: tried at every byte: 20 times slower).
PADDED = re.compile(rb' (?:(?<=[\n,"] )|[\r\n,"])')


def _newlines(opened: OpenFile, end: int) -> int:
    """The line breaks in the first `end` bytes of the file (only for the line of an encoding error)."""
    count, pos = 0, 0
    while pos < end:
        block = os.pread(opened.fd, min(1 << 20, end - pos), pos)
        if not block:
            break
        count += block.count(b"\n")
        pos += len(block)
    return count


def _header(opened: OpenFile) -> tuple[int, list[str]] | None:
    """The header: the first record with content in the first bytes, and its record number (None:
    none found). DuckDB's first row must equal it (checked by the caller), so a header cut off by the
    window is refused, not misread."""
    head = os.pread(opened.fd, HEADER_WINDOW, 0)  # no seek: the byte pass may be reading the same file
    complete = len(head) < HEADER_WINDOW
    if not complete:
        head = head[: head.rfind(b"\n") + 1]
    try:
        text = codecs.getincrementaldecoder("utf-8-sig")("strict").decode(head, final=complete)
    except UnicodeDecodeError:  # reported by the byte pass (`E111`), which is judged first
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for number, record in enumerate(reader, start=1):
            if any(cell.strip() for cell in record):
                return number, record
    except csv.Error:
        return None
    return None


def read(
    con: duckdb.DuckDBPyConnection, table: str, opened: OpenFile, spec: FileSpec, limits: Limits
) -> ReadResult:
    """Stage the file. The byte pass (`scan`) runs in a thread while DuckDB reads the file (DuckDB
    releases the GIL); its verdicts still come first: a file it refuses is refused, and what DuckDB
    read of it is dropped."""
    import threading

    header_found = _header(opened)
    outcome: dict[str, object] = {}

    def run_scan() -> None:
        try:
            outcome["scan"] = scan(opened, limits)
        except BaseException as exc:  # re-raised in the caller's thread, after DuckDB's read
            outcome["error"] = exc

    scanner = threading.Thread(target=run_scan, name="csv-scan")
    scanner.start()
    staged: tuple[int, list, list] | None = None
    stage_error: Exception | None = None
    refused = _header_refusal(header_found, spec)
    try:
        if refused is None:
            assert header_found is not None
            try:
                staged = _stage(con, table, opened, len(header_found[1]))
            except Exception as exc:  # DuckDB refusing the file as a whole (its message, escaped)
                stage_error = exc
    finally:
        scanner.join()
    if "error" in outcome:
        _drop_work(con, table)
        raise outcome["error"]  # type: ignore[misc]
    scanned = outcome["scan"]
    assert isinstance(scanned, Scan)
    verdict = _scan_refusal(scanned, spec.name)
    if verdict is not None:
        _drop_work(con, table)
        return verdict
    sha = scanned.sha256
    name = spec.name
    if refused is not None:
        return unreadable(refused, sha)
    assert header_found is not None
    header_row, header = header_found
    width = len(header)
    if stage_error is not None:
        _drop_work(con, table)
        return unreadable(make("E113", file=name, error=short(stage_error)), sha)
    assert staged is not None
    out_rows, first_cells, rejects = staged

    problems: list[Problem] = []
    skipped = set(scanned.empty)
    blank_rejects: set[int] = set()
    ragged: list[tuple] = []
    for line, error_type, csv_line in rejects:
        skipped.add(line)
        if error_type not in ("MISSING COLUMNS", "TOO MANY COLUMNS"):
            label = REJECT_LABELS.get(error_type, error_type.lower())
            problems.append(make("E113", file=name, row=line, error=f"{label} (rij {line})"))
            continue
        cells = _cells(csv_line)
        if cells is None:
            problems.append(
                make("E113", file=name, row=line, error=f"de regel volgt RFC 4180 niet (rij {line})")
            )
        elif len(cells) <= 1 and not "".join(cells).strip():
            blank_rejects.add(line)
        elif len(cells) > width and not any(c.strip() for c in cells[width:]):
            ragged.append((line, None, *cells[:width]))
        else:
            padded = cells[:width] + [""] * (width - len(cells))
            ragged.append((line, len(cells), *padded))

    accounted = out_rows + len(skipped)
    header_first = header_row not in skipped and all(r in skipped for r in range(1, header_row))
    same_header = [c or "" for c in first_cells] == header
    if accounted != scanned.records or not header_first or not same_header:
        error = (
            f"niet elke regel kan eenduidig worden gelezen ({scanned.records} rijen in het bestand, "
            f"{accounted} verantwoord)"
        )
        if not same_header or not header_first:
            error = "de kopregel kan niet eenduidig worden gelezen"
        _drop_work(con, table)
        return unreadable(make("E113", file=name, error=error), sha)

    _finish(con, table, width, sorted(skipped), ragged)
    blank = sum(1 for r in set(scanned.empty) | blank_rejects if r > header_row)
    rows = out_rows - 1 + len(ragged)
    if problems:
        return ReadResult(tuple(header), 0, 0, tuple(problems), readable=False, sha256=sha)
    trimmed = scanned.plain and not scanned.padded and not ragged
    return ReadResult(
        tuple(header), rows, blank, (), readable=True, sha256=sha, plain=scanned.plain, trimmed=trimmed
    )


def _scan_refusal(scanned: Scan, name: str) -> ReadResult | None:
    """What the byte pass refuses, in the order it is checked (None: nothing)."""
    sha = scanned.sha256
    if scanned.bad_utf8_line is not None:
        line = scanned.bad_utf8_line
        return unreadable(make("E111", file=name, row=line, line=line), sha)
    if scanned.in_quote and scanned.open_quote is not None:
        row = scanned.open_quote
        error = f"een aanhalingsteken in rij {row} wordt nergens gesloten; de rest van het bestand valt erin"
        return unreadable(make("E113", file=name, row=row, error=error), sha)
    if scanned.records == len(scanned.empty):
        return unreadable(make("E112", file=name), sha)
    if scanned.crlf and scanned.lf:
        error = f"de regeleinden zijn gemengd ({scanned.crlf} keer CRLF, {scanned.lf} keer alleen LF)"
        return unreadable(make("E113", file=name, error=error), sha)
    if scanned.lone_cr:
        error = "er staan regeleinden met alleen CR (zonder LF) in het bestand"
        return unreadable(make("E113", file=name, error=error), sha)
    return None


def _header_refusal(found: tuple[int, list[str]] | None, spec: FileSpec) -> Problem | None:
    """Why the header cannot be used (None: it can)."""
    name = spec.name
    if found is None:
        return make("E113", file=name, row=1, error="de kopregel kan niet worden gelezen")
    header_row, header = found
    if len(header) == 1 and len(spec.columns) > 1:
        for delimiter, label in ((";", "puntkomma's"), ("\t", "tabs")):
            if delimiter in header[0]:
                return make("E118", file=name, row=header_row, delimiter=label)
    if len(header) > MAX_COLUMNS:
        error = f"de kopregel heeft {len(header)} kolommen (ten hoogste {MAX_COLUMNS})"
        return make("E113", file=name, row=header_row, error=error)
    return None


def _cells(csv_line: str) -> list[str] | None:
    text = csv_line.lstrip("\r\n")
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error:
        return None
    if len(records) != 1:
        return [] if not records else None
    return records[0]


def _stage(
    con: duckdb.DuckDBPyConnection, table: str, opened: OpenFile, width: int
) -> tuple[int, list, list]:
    """DuckDB reads the file into `table` (`_row` = DuckDB's ordinal for now, `_fields`, N VARCHAR
    columns); returns the number of rows it returned, the cells of its first row and the rejected lines
    (line, type, text)."""
    columns = "{" + ", ".join(f"'_c{i}': 'VARCHAR'" for i in range(1, width + 1)) + "}"
    path = opened.proc_path.replace("'", "''")
    rejects, scans = f"{table}__rej", f"{table}__scan"
    con.execute(
        f"""CREATE OR REPLACE TABLE "{table}" AS
        SELECT ordinality::INTEGER AS _row, NULL::INTEGER AS _fields, * EXCLUDE (ordinality) FROM read_csv('{path}',
            delim = ',', quote = '"', escape = '"', header = false, auto_detect = false,
            columns = {columns}, strict_mode = true, null_padding = false, encoding = 'utf-8',
            store_rejects = true, rejects_table = '{rejects}', rejects_scan = '{scans}',
            parallel = false) WITH ORDINALITY"""
    )
    first = con.execute(
        f'SELECT (SELECT count(*) FROM "{table}"), * EXCLUDE (_row, _fields) FROM "{table}" WHERE _row = 1'
    ).fetchone()
    lines = con.execute(
        f"""SELECT line, min(error_type), any_value(csv_line) FROM "{rejects}"
            GROUP BY line ORDER BY line"""
    ).fetchall()
    con.execute(f'DROP TABLE IF EXISTS "{rejects}"; DROP TABLE IF EXISTS "{scans}"')
    out_rows = int(first[0]) if first else 0
    cells = list(first[1:]) if first else []
    return out_rows, cells, [(int(a), str(b), str(c or "")) for a, b, c in lines]


def _finish(
    con: duckdb.DuckDBPyConnection, table: str, width: int, skipped: list[int], ragged: list[tuple]
) -> None:
    """Turn DuckDB's ordinals into spreadsheet row numbers, drop the header, add the ragged rows."""
    if not skipped:
        con.execute(f'DELETE FROM "{table}" WHERE _row = 1')
    else:
        # the k-th returned record is record k + (number of skipped records before it): for the j-th
        # skipped record s_j, returned records from ordinal s_j - j + 1 on are shifted by j
        cols = ", ".join(f'o."_c{i}"' for i in range(1, width + 1))
        con.execute(
            f"""CREATE OR REPLACE TABLE "{table}__thr" AS
            SELECT t, max(j) AS off FROM (
                SELECT rec - row_number() OVER (ORDER BY rec) + 1 AS t, row_number() OVER (ORDER BY rec) AS j
                FROM (SELECT unnest($1::BIGINT[]) AS rec)) GROUP BY t""",
            [skipped],
        )
        con.execute(
            f"""CREATE OR REPLACE TABLE "{table}__ord" AS
            SELECT (o._row + coalesce(m.off, 0))::INTEGER AS _row, o._fields, {cols}
            FROM "{table}" o ASOF LEFT JOIN "{table}__thr" m ON o._row >= m.t
            WHERE o._row >= 2;
            DROP TABLE "{table}";
            ALTER TABLE "{table}__ord" RENAME TO "{table}";
            DROP TABLE "{table}__thr";"""
        )
    insert_batch(con, table, width, ragged)


def _drop_work(con: duckdb.DuckDBPyConnection, table: str) -> None:
    con.execute(
        f'DROP TABLE IF EXISTS "{table}__ord"; DROP TABLE IF EXISTS "{table}__thr"; DROP TABLE IF EXISTS "{table}"'
    )
