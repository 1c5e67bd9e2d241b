"""Rejected rows written to the quarantine folder (`load --quarantine DIR`): `DIR/<file>.csv` with the
original row number (`rij`), the delivered text of each header column and the reasons (`redenen`).

The folder is created owner-only (0700) and every file owner-only (0600) at creation; an existing file
is replaced, a symbolic link in its place is never followed. Values are escaped (control and invisible
characters as `<U+XXXX>`, an apostrophe before a would-be spreadsheet formula): the file is for reading
and sending back, the delivery itself is the exact copy.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from jaarcijfers.contract.problems import Problem
from jaarcijfers.contract.staging import PARAMS, PROBLEMS
from jaarcijfers.contract.text import spreadsheet_safe
from jaarcijfers.errors import UserError, describe_os_error

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

    from jaarcijfers.contract.staging import ProblemStore
    from jaarcijfers.contract.validate import CheckedDelivery, CheckedFile

CASCADE = "_stg_cascade"
REJECTED = "_stg_rejected"


def write_quarantine(
    folder: Path, checked: CheckedDelivery, store: ProblemStore, rejected: dict[str, int]
) -> list[Path]:
    """One CSV per file with rejected rows; returns the files written."""
    assert checked.con is not None
    written: list[Path] = []
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for name, cf in checked.files.items():
            if not rejected.get(name):
                continue
            target = folder / f"{name}.csv"
            _replace_link(target)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with open(fd, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                columns = list(dict.fromkeys(cf.header))
                writer.writerow(["rij", *columns, "redenen"])
                for row, cells, reasons in _rows(checked.con, cf, store):
                    text = "; ".join(
                        f"{p.code} {p.column + ': ' if p.column else ''}{p.rule}" for p in reasons
                    )
                    writer.writerow(
                        [row, *(spreadsheet_safe(c or "") for c in cells), spreadsheet_safe(text)]
                    )
            written.append(target)
    except OSError as exc:
        raise UserError(
            f"de quarantainemap {folder} kan niet worden beschreven: {describe_os_error(exc)}; er is niets geladen."
        ) from None
    return written


def _replace_link(target: Path) -> None:
    if target.is_symlink():
        target.unlink()


def _rows(
    con: duckdb.DuckDBPyConnection, cf: CheckedFile, store: ProblemStore
) -> Iterator[tuple[int, list[str | None], list[Problem]]]:
    """The rejected rows of a file in row order, with their original cells (first position of each
    header name) and reasons."""
    positions = list(cf.positions.values())
    cells = ", ".join(f's."_c{i}"' for i in positions) or "NULL"
    data = con.cursor()
    data.execute(
        f"""SELECT s._row, {cells} FROM "{cf.raw_table}" s
            WHERE s._row IN (SELECT "row" FROM {REJECTED} WHERE file = ?) ORDER BY s._row""",
        [cf.name],
    )
    names = ["grp", "py", "file", "row", "column", "value", "code", *(n for n, _ in PARAMS)]
    reasons_cursor = con.cursor()
    reasons_cursor.execute(
        f"""SELECT grp, py, file, "row", "column", value, code, {", ".join(f'"{n}"' for n, _ in PARAMS)} FROM (
              SELECT * FROM {PROBLEMS} WHERE file = ? AND code LIKE 'E%' AND "row" >= 2 AND py IS NULL
              UNION ALL SELECT * FROM {CASCADE} WHERE file = ?)
            ORDER BY "row", coalesce("column", ''), code, coalesce(value, '')""",
        [cf.name, cf.name],
    )
    pending: tuple | None = None
    try:
        while batch := data.fetchmany(10_000):
            for row, *values in batch:
                reasons: list[Problem] = []
                while True:
                    if pending is None:
                        pending = reasons_cursor.fetchone()
                        if pending is None:
                            break
                    if pending[3] < row:
                        pending = None
                        continue
                    if pending[3] > row:
                        break
                    reasons.append(store.problem(dict(zip(names, pending, strict=True))))
                    pending = None
                yield row, list(values), reasons
    finally:
        data.close()
        reasons_cursor.close()
