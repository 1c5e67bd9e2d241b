"""The staging database of a validation: an in-memory DuckDB connection holding every delivered file as
text (`_raw_<file>`, written by the readers), the cleaned values (`_stg_<file>`) and every problem found
(`_stg_problems`). The warehouse loads from it (`jaarcijfers.warehouse.load`).

Problems live in DuckDB, not in Python lists: two million invalid rows are two million rows of a table,
counted and sorted by SQL; only the ones shown (the first examples, a page of a report file) become
`Problem` objects (`ProblemStore.iter`).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jaarcijfers.contract.problems import Problem, make
from jaarcijfers.contract.text import RE2_UNSAFE, STRIPPED

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

PROBLEMS = "_stg_problems"

#: Parameters a SQL rule stores with a problem (the Dutch templates of problems.py use them).
PARAMS: tuple[tuple[str, str], ...] = (
    ("codelist", "VARCHAR"),
    ("vorm", "VARCHAR"),
    ("afdoening", "VARCHAR"),
    ("first_row", "INTEGER"),
    ("ref_file", "VARCHAR"),
    ("char", "VARCHAR"),
    ("lo", "INTEGER"),
    ("hi", "INTEGER"),
    ("basis", "VARCHAR"),
    ("found", "INTEGER"),
    ("expected", "INTEGER"),
)

#: What the staging database may hold in memory before it spills to its private folder.
MEMORY_LIMIT = "1GB"

#: Longest value kept with a problem (as `problems.MAX_VALUE_LENGTH`: longer ones end in `…`).
VALUE_SQL = "CASE WHEN length({v}) > 80 THEN left({v}, 79) || '…' ELSE {v} END"


def raw_table(name: str) -> str:
    return f"_raw_{name}"


def staged_table(name: str) -> str:
    return f"_stg_{name}"


def connect() -> duckdb.DuckDBPyConnection:
    """A fresh staging connection. DuckDB may spill to disk only into a private folder (mode 0700,
    removed at exit): the data are confidential."""
    import duckdb

    con = duckdb.connect(":memory:")
    spill = tempfile.mkdtemp(prefix="jaarcijfers-")
    atexit.register(shutil.rmtree, spill, True)
    con.execute(f"SET temp_directory = '{spill}'")
    # DuckDB keeps at most this much in memory and spills the rest (its default is 80% of the machine)
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    # white space stripped at both ends; a value whose first and last characters are visible ASCII
    # (nearly all; neither is white space, so trimming would change nothing) skips the slow trim over a
    # set of Unicode spaces
    con.execute(
        "CREATE MACRO _clean(v) AS CASE WHEN ascii(v) BETWEEN 33 AND 126 AND ascii(right(v, 1)) BETWEEN 33 "
        f"AND 126 THEN v ELSE nullif(trim(v, '{STRIPPED}'), '') END"
    )
    # the same for a plain file (`readers.csvfile`): its values hold no white space to strip but the
    # ASCII space, so the first character is tested by comparison (a byte) and the last by `suffix`
    con.execute(
        "CREATE MACRO _clean_plain(v) AS CASE WHEN v >= '!' AND NOT suffix(v, ' ') THEN v "
        "ELSE nullif(trim(v, ' '), '') END"
    )
    con.execute(f"CREATE MACRO _pv(v) AS {VALUE_SQL.format(v='v')}")
    con.execute("CREATE MACRO _cp(ch) AS printf('U+%04X', unicode(ch))")
    # escape_text in SQL: every control or invisible character as <U+XXXX>
    con.execute(
        f"CREATE MACRO _esc(v) AS CASE WHEN regexp_matches(v, '{RE2_UNSAFE}') THEN array_to_string("
        f"list_transform(string_split(v, ''), lambda ch: CASE WHEN regexp_matches(ch, '{RE2_UNSAFE}') "
        "THEN '<' || _cp(ch) || '>' ELSE ch END), '') ELSE v END"
    )
    params = "".join(f', "{name}" {kind}' for name, kind in PARAMS)
    con.execute(
        f"""CREATE TABLE {PROBLEMS} (grp INTEGER, py INTEGER, file VARCHAR, "row" INTEGER,
            "column" VARCHAR, value VARCHAR, code VARCHAR{params}, rule VARCHAR, hint VARCHAR)"""
    )
    return con


def add_python_problems(
    con: duckdb.DuckDBPyConnection, grp: int, problems: list[Problem], registry: list[Problem]
) -> None:
    """Record problems found in Python (folder, header, reader) in the table; `registry` keeps the
    objects, the table their place in the order."""
    rows = []
    for p in problems:
        rows.append((grp, len(registry), p.file, p.row, p.column, p.value, p.code, p.rule, p.hint))
        registry.append(p)
    if rows:
        con.executemany(
            f'INSERT INTO {PROBLEMS} (grp, py, file, "row", "column", value, code, rule, hint) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


ORDER = (
    'ORDER BY grp, CASE WHEN grp = 0 THEN py END, coalesce("row", 0), coalesce("column", \'\'), code, '
    "coalesce(value, ''), py"
)


@dataclass(frozen=True)
class ProblemCount:
    code: str
    file: str | None
    count: int


class ProblemStore:
    """Every problem of a validation, in report order, read from the staging database on demand."""

    def __init__(self, con: duckdb.DuckDBPyConnection, registry: list[Problem]):
        self._con = con
        self._registry = registry

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        return self._con

    def counts(self) -> tuple[ProblemCount, ...]:
        rows = self._con.execute(
            f"SELECT code, file, count(*), min(grp) FROM {PROBLEMS} GROUP BY code, file ORDER BY 4, 1, 2"
        ).fetchall()
        return tuple(ProblemCount(code, file, int(n)) for code, file, n, _ in rows)

    def iter(
        self,
        *,
        errors_only: bool = False,
        file: str | None = None,
        limit: int | None = None,
        batch: int = 10_000,
    ) -> Iterator[Problem]:
        where = []
        args: list[Any] = []
        if errors_only:
            where.append("code LIKE 'E%'")
        if file is not None:
            where.append("file = ?")
            args.append(file)
        sql = f"SELECT * FROM {PROBLEMS} {'WHERE ' + ' AND '.join(where) if where else ''} {ORDER}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        cursor = self._con.cursor()
        try:
            cursor.execute(sql, args)
            names = [d[0] for d in cursor.description or ()]
            while chunk := cursor.fetchmany(batch):
                for row in chunk:
                    yield self._problem(dict(zip(names, row, strict=True)))
        finally:
            cursor.close()

    def examples(self, per_group: int) -> Iterator[Problem]:
        """The first `per_group` problems of every (code, file), in report order (a top-N per group:
        no sort of all problems)."""
        cursor = self._con.cursor()
        try:
            rows = []
            for count in self.counts():
                where = "code = ? AND " + ("file IS NULL" if count.file is None else "file = ?")
                args = [count.code] if count.file is None else [count.code, count.file]
                cursor.execute(f"SELECT * FROM {PROBLEMS} WHERE {where} {ORDER} LIMIT {int(per_group)}", args)
                names = [d[0] for d in cursor.description or ()]
                rows += [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        finally:
            cursor.close()
        rows.sort(
            key=lambda r: (
                r["grp"],
                r["py"] if r["grp"] == 0 else 0,
                r["row"] or 0,
                r["column"] or "",
                r["code"],
                r["value"] or "",
            )
        )
        for row in rows:
            yield self._problem(row)

    def problem(self, row: dict[str, Any]) -> Problem:
        """A problem from a row of the problem table (or of the load's cascade table)."""
        return self._problem(row)

    def _problem(self, row: dict[str, Any]) -> Problem:
        if row["py"] is not None:
            return self._registry[row["py"]]
        params = {name: row[name] for name, _ in PARAMS if row[name] is not None}
        code = row["code"]
        if code == "E205":
            from jaarcijfers.contract import codelists

            params["allowed"] = ", ".join(codelists.codes(params["codelist"]))
        elif code == "E301":
            from jaarcijfers.contract.codelists import allowed_sectors

            allowed = allowed_sectors(params["vorm"])
            params["allowed"] = (", ".join(allowed) + " of leeg") if allowed else "alleen leeg"
        return make(
            code, file=row["file"], row=row["row"], column=row["column"], value=row["value"], **params
        )
