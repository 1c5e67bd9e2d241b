"""Capture histories: the table of counts per combination of lists.

A `CaptureTable` holds one count for every non-empty combination of `m` lists (the all-zero
history, the "dark figure", is never observed). Cell `k` (1 .. 2**m - 1) is the history whose
bit `j` says whether the case is on list `j`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import SupportsInt

from jaarcijfers.errors import UserError

MAX_LISTS = 12
MAX_COUNT = 10**9  # a count of one capture history above this is not a count of persons
MAX_LISTS_FILE_SIZE = 16 * 1024 * 1024  # 2**12 histories of a few bytes each need far less


@lru_cache(maxsize=MAX_LISTS + 1)
def history_matrix(m: int):
    """(2**m - 1) x m array of 0/1: row k - 1 is the history of cell k (bit j: on list j). Read-only."""
    import numpy as np

    codes = np.arange(1, 2**m)
    out = ((codes[:, None] >> np.arange(m)[None, :]) & 1).astype(float)
    out.setflags(write=False)
    return out


@dataclass(frozen=True)
class CaptureTable:
    lists: tuple[str, ...]
    counts: tuple[int, ...]  # length 2**m - 1; counts[k - 1] is the count of history code k

    def __post_init__(self) -> None:
        m = len(self.lists)
        if len(self.counts) != 2**m - 1:
            raise ValueError("counts must have one entry per non-empty history")

    @property
    def m(self) -> int:
        return len(self.lists)

    @property
    def observed(self) -> int:
        return int(sum(self.counts))

    def histories(self):
        """(2**m - 1) x m array of 0/1 with the history of each cell (shared, read-only)."""
        return history_matrix(self.m)

    def count_array(self):
        import numpy as np

        return np.asarray(self.counts, dtype=float)

    def list_totals(self) -> dict[str, int]:
        out = {}
        for j, name in enumerate(self.lists):
            out[name] = sum(c for k, c in enumerate(self.counts, start=1) if k >> j & 1)
        return out

    def overlap(self, i: int, j: int) -> int:
        """Number of cases on both list i and list j (whatever their other lists)."""
        return sum(c for k, c in enumerate(self.counts, start=1) if (k >> i & 1) and (k >> j & 1))

    def rows(self) -> list[tuple[tuple[int, ...], int]]:
        """Non-zero cells as (history, count)."""
        out = []
        for k, c in enumerate(self.counts, start=1):
            if c:
                out.append((tuple(k >> j & 1 for j in range(self.m)), c))
        return out

    def with_counts(self, counts: Iterable[SupportsInt]) -> CaptureTable:
        return CaptureTable(self.lists, tuple(int(c) for c in counts))

    def drop_lists(self, keep: Sequence[int]) -> CaptureTable:
        """Collapse the table onto the lists with the given indices."""
        keep = list(keep)
        new = [0] * (2 ** len(keep) - 1)
        for k, c in enumerate(self.counts, start=1):
            code = sum(1 << n for n, j in enumerate(keep) if k >> j & 1)
            if code:
                new[code - 1] += c
        return CaptureTable(tuple(self.lists[j] for j in keep), tuple(new))


def from_rows(lists: Sequence[str], rows: Iterable[tuple[Sequence[int], int]]) -> CaptureTable:
    """Build a table from (history, count) pairs; repeated histories are added, all-zero ones ignored."""
    lists = tuple(lists)
    m = len(lists)
    counts = [0] * (2**m - 1)
    for hist, count in rows:
        code = sum(1 << j for j, v in enumerate(hist) if v)
        if code:
            counts[code - 1] += int(count)
    return CaptureTable(lists, tuple(counts))


def from_memberships(lists: Sequence[str], memberships: Iterable[Iterable[str]]) -> CaptureTable:
    """Build a table from one set of list names per case (cases on no list are ignored)."""
    index = {name: j for j, name in enumerate(lists)}
    counts = [0] * (2 ** len(lists) - 1)
    for member in memberships:
        code = 0
        for name in member:
            code |= 1 << index[name]
        if code:
            counts[code - 1] += 1
    return CaptureTable(tuple(lists), tuple(counts))


_LIST_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def read_lists_csv(path: Path) -> CaptureTable:
    """Read a CSV with one 0/1 column per list and a `count` column. Errors are `UserError` in Dutch."""
    import io
    import os
    import stat

    path = Path(path)
    try:
        st = os.stat(path)
    except OSError:
        raise UserError(f"Het bestand met lijsten bestaat niet: {path}") from None
    if not stat.S_ISREG(st.st_mode):
        raise UserError(f"{path} is geen gewoon bestand (een map, apparaat of pipe wordt niet gelezen).")
    if st.st_size > MAX_LISTS_FILE_SIZE:
        raise UserError(f"{path.name}: het bestand is groter dan {MAX_LISTS_FILE_SIZE // (1024 * 1024)} MiB.")
    try:
        with path.open("rb") as raw_file:
            data = raw_file.read(MAX_LISTS_FILE_SIZE + 1)
    except OSError as exc:
        raise UserError(f"{path} kan niet gelezen worden: {exc.strerror or exc}") from None
    if len(data) > MAX_LISTS_FILE_SIZE:
        raise UserError(f"{path.name}: het bestand is groter dan {MAX_LISTS_FILE_SIZE // (1024 * 1024)} MiB.")
    try:
        with io.StringIO(data.decode("utf-8-sig"), newline="") as fh:
            reader = csv.reader(fh)
            try:
                header = [h.strip() for h in next(reader)]
            except StopIteration:
                raise UserError(f"{path.name}: het bestand is leeg.") from None
            body = [row for row in reader if any(cell.strip() for cell in row)]
    except UnicodeDecodeError:
        raise UserError(f"{path.name}: het bestand is geen UTF-8-tekst.") from None
    except csv.Error as exc:
        raise UserError(f"{path.name}: het bestand is geen geldige CSV ({exc}).") from None
    if "count" not in header:
        raise UserError(f"{path.name}: de kolom 'count' ontbreekt (kolommen: {', '.join(header)}).")
    if len(set(header)) != len(header):
        dupes = sorted({h for h in header if header.count(h) > 1})
        raise UserError(f"{path.name}: kolomnaam komt meer dan eens voor: {', '.join(dupes)}.")
    lists = [h for h in header if h != "count"]
    if len(lists) < 2:
        raise UserError(f"{path.name}: er zijn minstens twee lijstkolommen nodig naast 'count'.")
    if len(lists) > MAX_LISTS:
        raise UserError(f"{path.name}: te veel lijsten ({len(lists)}); het maximum is {MAX_LISTS}.")
    for name in lists:
        if not _LIST_NAME.match(name):
            raise UserError(
                f"{path.name}: ongeldige lijstnaam '{name}' (alleen letters, cijfers en '_', niet beginnend met een cijfer)."
            )
    icount = header.index("count")
    rows = []
    for lineno, row in enumerate(body, start=2):
        if len(row) != len(header):
            raise UserError(f"{path.name}, regel {lineno}: {len(row)} velden, verwacht {len(header)}.")
        hist = []
        for name, cell in zip(header, row, strict=True):
            if name == "count":
                continue
            cell = cell.strip()
            if cell not in ("0", "1"):
                raise UserError(
                    f"{path.name}, regel {lineno}: kolom '{name}' moet 0 of 1 zijn, niet '{cell}'."
                )
            hist.append(int(cell))
        raw = row[icount].strip()
        if not re.fullmatch(r"\d+", raw):
            raise UserError(
                f"{path.name}, regel {lineno}: 'count' moet een geheel getal van 0 of meer zijn, niet '{raw}'."
            )
        if len(raw) > 10 or int(raw) > MAX_COUNT:
            limit = f"{MAX_COUNT:,}".replace(",", ".")
            shown = raw[:20] + ("…" if len(raw) > 20 else "")
            raise UserError(
                f"{path.name}, regel {lineno}: 'count' {shown} is groter dan {limit} (geen aantal personen)."
            )
        rows.append((hist, int(raw)))
    table = from_rows(lists, rows)
    if table.observed == 0:
        raise UserError(f"{path.name}: er zijn geen waarnemingen (alle aantallen zijn 0).")
    return table


def tables_from_mapping(lists: Sequence[str], per_stratum: Mapping[str, Iterable[Iterable[str]]]) -> dict:
    return {key: from_memberships(lists, members) for key, members in per_stratum.items()}
