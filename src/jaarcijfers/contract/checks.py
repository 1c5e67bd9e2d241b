"""The contract's rules as set operations in DuckDB.

Each rule is one query over a staged file (`_stg_<file>`: `_row`, `_fields`, the raw columns and one
cleaned column per contract column) that inserts its failing rows into `_stg_problems` with file, row,
column, value, code and the parameters of the Dutch message. Nothing is checked row by row in Python.

Order and scope are those of the contract (docs/validation.md): a ragged row (`E114`) is not checked
further; a cell with a control or invisible character (`E210`, `E211`) is not type-checked; a cell
check of a column that is missing from the header is skipped; a uniqueness key with a missing column is
not checked; a foreign key into an unreadable file is not checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from jaarcijfers.contract.schema import NULL_MARKERS, Column, FileSpec, Kind
from jaarcijfers.contract.staging import PARAMS, PROBLEMS, staged_table
from jaarcijfers.contract.text import RE2_CONTROL, RE2_CONTROL_IN_TEXT, RE2_INVISIBLE

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

#: Any character a value may not hold anywhere (control or invisible).
RE2_BAD = "[" + RE2_CONTROL[1:-1] + RE2_INVISIBLE[1:-1] + "]"
RE2_BAD_IN_TEXT = "[" + RE2_CONTROL_IN_TEXT[1:-1] + RE2_INVISIBLE[1:-1] + "]"


def lit(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class YearWindow:
    lo: int
    hi: int
    basis: str  # Dutch: where `hi` comes from


#: Code lists up to this long are tested with `IN`; a longer one by a semi-join with a table of its
#: codes (`code_tables`), made once per validation: a hash lookup per value instead of a comparison
#: with each code (0.016 s against 0.06 s for the nationalities of a delivery of 738,700 rows, and
#: planning it costs as little as an `IN` list).
SHORT_LIST = 8

#: The tables of the long code lists in the staging database (dropped with the staging tables).
CODE_TABLE = "_stg_cl_"

#: Keys of the code lists that are not lists of `codelists.codes`.
COUNTRIES, SECTOR_PAIRS = "_countries", "_sector_pairs"


@lru_cache
def code_lists() -> dict[str, tuple[str, ...]]:
    """Every code list a rule tests, by key: the contract's code lists by name, the countries, and the
    allowed `vorm/sector` pairs."""
    from jaarcijfers.contract import codelists
    from jaarcijfers.contract.schema import FILES

    names = sorted({c.codelist for spec in FILES.values() for c in spec.columns if c.codelist})
    lists = {name: tuple(codelists.codes(name)) for name in names}
    lists[COUNTRIES] = tuple(sorted(codelists.countries()))
    lists[SECTOR_PAIRS] = tuple(
        f"{v}/{s}" for v in codelists.codes("comensha_vormen") for s in codelists.allowed_sectors(v)
    )
    return lists


def code_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The tables of the long code lists (`SHORT_LIST`), one column `code`."""
    for key, values in code_lists().items():
        if len(values) > SHORT_LIST:
            con.execute(
                f"CREATE OR REPLACE TABLE {ident(CODE_TABLE + key)} AS SELECT unnest(?::VARCHAR[]) AS code",
                [list(values)],
            )


def in_list(values: tuple[str, ...]) -> str:
    """`IN (…)` for a short code list."""
    return "IN (" + ", ".join(lit(v) for v in values) + ")"


PARAM_NAMES = tuple(name for name, _ in PARAMS)

#: A rule over one row: (condition that holds when it fails, column, value, code, parameters).
RowRule = tuple[str, str | None, str, str, dict[str, str]]


def _param(name: str, rule: RowRule) -> str:
    return rule[4].get(name, "NULL")


def _select(
    grp: int, file: str, source: str, where: str, row: str, column: str, value: str, code: str, **params: str
) -> str:
    """One branch of a file's problem query: every problem column, NULL for parameters not given."""
    values = ", ".join(params.get(name, "NULL") for name in PARAM_NAMES)
    return (
        f"SELECT {grp}, {lit(file)}, {row}, {column}, {value}, {lit(code)}, {values} "
        f"FROM {source} WHERE {where}"
    )


def insert_all(con: duckdb.DuckDBPyConnection, branches: list[str]) -> None:
    """Run many rules as one statement (one plan, one pass per rule over in-memory data)."""
    if not branches:
        return
    columns = ", ".join(f'"{name}"' for name in PARAM_NAMES)
    con.execute(
        f'INSERT INTO {PROBLEMS} (grp, file, "row", "column", value, code, {columns}) '
        + "\nUNION ALL\n".join(branches)
    )


class Checker:
    """Collects every rule of one staged file. Rules over single rows are evaluated in one pass over
    the file (a list of problems per row, unnested); rules over several rows (keys) are extra branches
    of the same INSERT … UNION ALL statement."""

    def __init__(self, spec: FileSpec, grp: int, present: set[str], width: int):
        self.spec, self.grp, self.present, self.width = spec, grp, present, width
        self.table = ident(staged_table(spec.name))
        self.branches: list[str] = []
        self.row_rules: list[RowRule] = []
        self.lookups: list[str] = []  # membership of long code lists, as columns of the rows tested

    def member(self, value: str, key: str) -> str:
        """SQL: `value` (never NULL) is one of the codes of the code list `key` (`code_lists`). A short
        list is an `IN` list; a long one a semi-join with its table (`code_tables`), computed as a
        column of the rows beside them (inside the rules' condition, DuckDB would test every other rule
        twice for the rows the join is needed for)."""
        values = code_lists()[key]
        if len(values) <= SHORT_LIST:
            return f"(({value}) {in_list(values)})"
        alias = f"_in{len(self.lookups) + 1}"
        self.lookups.append(f"(({value}) IN (SELECT code FROM {ident(CODE_TABLE + key)})) AS {alias}")
        return alias

    def add(self, where: str, column: str | None, value: str, code: str, **params: str) -> None:
        """A rule over one row (of the non-ragged rows): `where` holds when it fails."""
        self.row_rules.append((where, column, value, code, params))

    def add_branch(
        self, source: str, where: str, column: str | None, value: str, code: str, **params: str
    ) -> None:
        col = "NULL" if column is None else lit(column)
        self.branches.append(
            _select(self.grp, self.spec.name, source, where, "_row", col, value, code, **params)
        )

    def statement_branches(self) -> list[str]:
        """The single-row rules in one pass: every row is tested against all of them at once; only a
        failing row gets the list of the rules it fails (`r`), which is unnested into problems."""
        branches = list(self.branches)
        if not self.row_rules:
            return branches

        def by_rule(expr_of: Callable[[RowRule], str]) -> str:
            whens = [(i, expr_of(rule)) for i, rule in enumerate(self.row_rules, start=1)]
            whens = [(i, e) for i, e in whens if e != "NULL"]
            if not whens:
                return "NULL"
            return "CASE r " + " ".join(f"WHEN {i} THEN {e}" for i, e in whens) + " END"

        rules = self.row_rules
        column = by_rule(lambda rule: "NULL" if rule[1] is None else lit(rule[1]))
        value = by_rule(lambda rule: rule[2])
        code = by_rule(lambda rule: lit(rule[3]))
        params = ", ".join(by_rule(partial(_param, name)) for name in PARAM_NAMES)
        failing = " OR ".join(f"({rule[0]})" for rule in rules)
        marks = ", ".join(f"CASE WHEN {rule[0]} THEN {i} END" for i, rule in enumerate(rules, start=1))
        source = self.table
        if self.lookups:
            source = f"(SELECT *, {', '.join(self.lookups)} FROM {self.table})"
        branches.insert(
            0,
            f"SELECT {self.grp}, {lit(self.spec.name)}, _row, {column}, {value}, {code}, {params} FROM ("
            f"SELECT *, unnest(list_filter([{marks}], lambda x: x IS NOT NULL)) AS r "
            f"FROM {source} WHERE _fields IS NULL AND ({failing}))",
        )
        return branches

    # ---- the row as a whole ----------------------------------------------------------------------

    def ragged(self) -> None:
        self.add_branch(
            self.table, "_fields IS NOT NULL", None, "NULL", "E114", found="_fields", expected=str(self.width)
        )

    # ---- cells -----------------------------------------------------------------------------------

    def cells(self, column: Column, window: YearWindow) -> None:
        c = ident(column.name)
        name = column.name
        if not column.nullable:
            self.add(f"{c} IS NULL", name, "NULL", "E201")

        def fail(code: str, condition: str, **params: str) -> None:
            # a cell that also holds a control or invisible character is reported for that only
            # (`drop_shadowed`)
            self.add(f"{c} IS NOT NULL AND ({condition})", name, f"_pv({c})", code, **params)

        kind = column.kind
        if kind in (Kind.ID, Kind.STRING):
            markers = ", ".join(lit(m) for m in sorted(NULL_MARKERS))
            # `lower` maps each character to one character: a value longer than the longest marker
            # cannot be one (and is not lowered: most ids are)
            longest = max(len(m) for m in NULL_MARKERS)
            fail("E209", f"length({c}) <= {longest} AND lower({c}) IN ({markers})")
        elif kind is Kind.YEAR:
            fail("E202", f"NOT regexp_full_match({c}, '[0-9]{{4}}')")
            # a year in the window passes without the regular expression; any other value is one of
            # four digits outside the window
            fail(
                "E212",
                f"CASE WHEN TRY_CAST({c} AS INTEGER) BETWEEN {window.lo} AND {window.hi} THEN false "
                f"ELSE regexp_full_match({c}, '[0-9]{{4}}') END",
                lo=str(window.lo),
                hi=str(window.hi),
                basis=lit(window.basis),
            )
        elif kind is Kind.AGE:
            fail(
                "E203", f"NOT regexp_full_match({c}, '0|[1-9][0-9]{{0,2}}') OR TRY_CAST({c} AS INTEGER) > 120"
            )
        elif kind is Kind.BOOL:
            fail("E204", f"{c} NOT IN ('ja', 'nee')")
        elif kind is Kind.CODE:
            assert column.codelist is not None
            fail("E205", f"NOT {self.member(c, column.codelist)}", codelist=lit(column.codelist))
        elif kind is Kind.COUNTRY:
            fail("E206", f"NOT {self.member(c, COUNTRIES)}")
        elif kind is Kind.POSINT:
            fail("E207", f"NOT regexp_full_match({c}, '[1-9][0-9]*') OR TRY_CAST({c} AS INTEGER) IS NULL")
        elif kind is Kind.AANTAL:
            fail(
                "E208",
                f"NOT regexp_full_match({c}, '0|<10|[1-9][0-9]*') OR ({c} NOT IN ('0', '<10') "
                f"AND (right({c}, 1) NOT IN ('0', '5') OR length({c}) < 2))",
            )
        # Kind.SECTOR is checked by the row rule sector-per-vorm

    # ---- characters ------------------------------------------------------------------------------

    def characters(self) -> None:
        """`E210`/`E211`: the rows holding any control or invisible character (one regular expression
        per row), unpivoted to their cells, each cell tested once."""
        columns = [c for c in self.spec.columns if c.name in self.present]
        if not columns:
            return
        cells = ", ".join(
            f"struct_pack(col := {lit(c.name)}, v := {ident(c.name)}, text := {str(c.kind is Kind.STRING).lower()})"
            for c in columns
        )
        concat = ", ".join(ident(c.name) for c in columns)
        control = f"CASE WHEN cell.text THEN regexp_matches(cell.v, '{RE2_CONTROL_IN_TEXT}') ELSE regexp_matches(cell.v, '{RE2_CONTROL}') END"
        source = (
            f"(SELECT _row, cell, {control} AS is_control FROM (SELECT _row, unnest([{cells}]) AS cell "
            f"FROM {self.table} WHERE _fields IS NULL AND regexp_matches(concat({concat}), '{RE2_BAD}')))"
        )
        self.branches.append(
            f"SELECT {self.grp}, {lit(self.spec.name)}, _row, cell.col, _pv(cell.v), "
            f"CASE WHEN is_control THEN 'E210' ELSE 'E211' END, "
            + ", ".join(
                "CASE WHEN is_control THEN _cp(regexp_extract(cell.v, CASE WHEN cell.text THEN "
                f"'{RE2_CONTROL_IN_TEXT}' ELSE '{RE2_CONTROL}' END)) ELSE _cp(regexp_extract(cell.v, '{RE2_INVISIBLE}')) END"
                if name == "char"
                else "NULL"
                for name in PARAM_NAMES
            )
            + f" FROM {source} WHERE cell.v IS NOT NULL AND (is_control OR regexp_matches(cell.v, '{RE2_INVISIBLE}'))"
        )

    # ---- keys ------------------------------------------------------------------------------------

    def unique(self) -> None:
        spec = self.spec
        for key in spec.unique:
            if not all(c in self.present for c in key):
                continue
            value = " || ', ' || ".join(f"coalesce(t.{ident(c)}, '')" for c in key)
            all_null = " AND ".join(f"{ident(c)} IS NULL" for c in key)
            source = self._repeats(key, f"{value} AS v", f"NOT ({all_null})")
            self.add_branch(
                source, "_row > first_row", ", ".join(key), "_pv(v)", "E401", first_row="first_row"
            )
        if not spec.unique and all(c in self.present for c in spec.column_names):
            source = self._repeats(spec.column_names, "NULL AS v", "true")
            self.add_branch(source, "_row > first_row", None, "NULL", "W402", first_row="first_row")

    def _repeats(self, key: tuple[str, ...], value: str, where: str) -> str:
        """The rows whose `key` occurred before (NULL equal to NULL), with the first row of their key: the
        keys that occur more than once are found by grouping, and only their rows are looked up again
        (a window over every row costs about twice as much). The grouping is by a 64-bit hash of the
        key first (equal keys have equal hashes; grouping numbers costs about half of grouping text);
        only the rows of a hash that occurs more than once are grouped by the key itself."""
        cols = ", ".join(ident(c) for c in key)
        match = " AND ".join(f"t.{ident(c)} IS NOT DISTINCT FROM d.{ident(c)}" for c in key)
        rows = f"FROM {self.table} WHERE _fields IS NULL AND {where}"
        repeated = f"SELECT hash({cols}) AS h {rows} GROUP BY h HAVING count(*) > 1"
        return (
            f"(SELECT t._row, {value}, d.first_row FROM {self.table} t JOIN ("
            f"SELECT {cols}, min(_row) AS first_row {rows} AND hash({cols}) IN ({repeated}) "
            f"GROUP BY {cols} HAVING count(*) > 1) d ON {match} WHERE t._fields IS NULL)"
        )


def foreign_keys(
    con: duckdb.DuckDBPyConnection, specs: list[tuple[int, FileSpec]], usable: dict[str, set[str]]
) -> None:
    """`E501`: a reference that does not exist in the file it refers to (every row of the parent
    counts, valid or not). `usable`: per readable file, the contract columns its header holds. The
    references to the same key of the same file (`comensha_uitbuiting` and `comensha_melders` to
    `comensha_registraties`) are tested together: one anti-join, so the parent's keys are hashed once."""
    groups: dict[tuple[str, tuple[str, ...]], list[tuple[int, FileSpec, tuple[str, ...]]]] = {}
    for grp, spec in specs:
        for fk in spec.foreign_keys:
            parent_cols = usable.get(fk.ref_file)
            if parent_cols is None or not all(c in parent_cols for c in fk.ref_columns):
                continue
            if not all(c in usable.get(spec.name, set()) for c in fk.columns):
                continue
            groups.setdefault((fk.ref_file, fk.ref_columns), []).append((grp, spec, fk.columns))
    branches = []
    for (ref_file, ref_columns), refs in groups.items():
        keys = [f"_k{i}" for i in range(1, len(ref_columns) + 1)]
        children = "\nUNION ALL\n".join(
            f"SELECT {grp} AS _grp, {lit(spec.name)} AS _file, _row, {lit(', '.join(columns))} AS _column, "
            + ", ".join(f"{ident(c)} AS {k}" for c, k in zip(columns, keys, strict=True))
            + f" FROM {ident(staged_table(spec.name))} WHERE _fields IS NULL AND "
            + " AND ".join(f"{ident(c)} IS NOT NULL" for c in columns)
            for grp, spec, columns in refs
        )
        parent = ident(staged_table(ref_file))
        match = " AND ".join(f"p.{ident(r)} = c.{k}" for r, k in zip(ref_columns, keys, strict=True))
        value = " || ', ' || ".join(f"c.{k}" for k in keys)
        params = ", ".join(lit(ref_file) if name == "ref_file" else "NULL" for name in PARAM_NAMES)
        branches.append(
            f"SELECT c._grp, c._file, c._row, c._column, _pv({value}), 'E501', {params} "
            f"FROM ({children}) c ANTI JOIN {parent} p ON {match}"
        )
    insert_all(con, branches)


# ---- rules across the columns of a row ------------------------------------------------------------


PAIR = "vorm || '/' || sector"


def _rule_sector_per_vorm(ch: Checker) -> None:
    if not {"vorm", "sector"} <= ch.present:
        return
    ch.add(
        f"sector IS NOT NULL AND vorm IS NOT NULL "
        f"AND {ch.member('vorm', 'comensha_vormen')} "
        f"AND NOT {ch.member(PAIR, SECTOR_PAIRS)}",
        "sector",
        "_pv(sector)",
        "E301",
        vorm="vorm",
    )


def _rule_afdoeningsjaar(ch: Checker) -> None:
    if not {"afdoening", "afdoeningsjaar"} <= ch.present:
        return
    ch.add(
        "afdoening IS NOT NULL AND afdoeningsjaar IS NULL",
        "afdoeningsjaar",
        "NULL",
        "E302",
        afdoening="afdoening",
    )
    ch.add(
        "afdoening IS NULL AND afdoeningsjaar IS NOT NULL",
        "afdoeningsjaar",
        "_pv(afdoeningsjaar)",
        "E303",
    )


def _rule_subvorm(ch: Checker) -> None:
    if "subvorm" not in ch.present:
        return
    vorm = "vorm" if "vorm" in ch.present else "NULL::VARCHAR"
    ch.add(
        f"subvorm IS NOT NULL AND ({vorm} IS NULL OR {vorm} <> 'seksueel')",
        "subvorm",
        "_pv(subvorm)",
        "E304",
        vorm=f"coalesce({vorm}, '')",
    )


ROW_RULES: dict[str, Callable[[Checker], None]] = {
    "sector-per-vorm": _rule_sector_per_vorm,
    "afdoeningsjaar-iff-afdoening": _rule_afdoeningsjaar,
    "subvorm-only-seksueel": _rule_subvorm,
}


def check_file(
    con: duckdb.DuckDBPyConnection,
    spec: FileSpec,
    grp: int,
    present: set[str],
    width: int,
    window: YearWindow,
    *,
    plain: bool = False,
) -> None:
    """Every rule of one staged file except the foreign keys (which need every file), as one statement.
    A plain file (`ReadResult.plain`: no value can hold a control or invisible character) skips the
    characters rule."""
    checker = Checker(spec, grp, present, width)
    checker.ragged()
    if not plain:
        checker.characters()
    for column in spec.columns:
        if column.name in present:
            checker.cells(column, window)
    for rule in spec.rules:
        ROW_RULES[rule](checker)
    checker.unique()
    insert_all(con, checker.statement_branches())


def drop_shadowed(con: duckdb.DuckDBPyConnection) -> None:
    """A cell with a control or invisible character (`E210`, `E211`) is reported for that only: its
    other problems (a code that is not in the list because of a zero-width space, …) are removed."""
    con.execute(
        f"""DELETE FROM {PROBLEMS} p WHERE p.py IS NULL AND p.code NOT IN ('E210', 'E211')
            AND EXISTS (SELECT 1 FROM {PROBLEMS} q WHERE q.code IN ('E210', 'E211') AND q.file = p.file
                        AND q."row" = p."row" AND q."column" = p."column")"""
    )
