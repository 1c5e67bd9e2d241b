"""Which sources of the contract a query reads, through the rules' views.

Derived, not declared: the tables each rule's view reads are found by DuckDB's parser
(`get_table_names`) in the view's SQL, and followed down to the contract files, whose source the
contract names (`schema.FILES`). The facts use it to leave out a fact that reads a source without
records for the reporting year (docs/outputs.md, "Years and sources without data").
"""

from __future__ import annotations

import re
from functools import cache

from jaarcijfers.contract.schema import FILES

_CREATE = re.compile(r"\s*CREATE\s+OR\s+REPLACE\s+TEMP\s+VIEW\s+(\w+)(?:\s*\([^)]*\))?\s+AS\s", re.IGNORECASE)


@cache
def view_inputs() -> dict[str, frozenset[str]]:
    """Every rule view -> the tables and views its SQL reads."""
    import duckdb

    from jaarcijfers.rules import RULES

    out: dict[str, frozenset[str]] = {}
    for rule in RULES:
        for sql in rule.views():
            m = _CREATE.match(sql)
            if m is None:  # pragma: no cover - every rule writes its views this way (tests/unit)
                raise ValueError(f"{rule.__name__}: a view statement not of the form CREATE ... VIEW x AS")
            out[m.group(1)] = frozenset(duckdb.get_table_names(sql[m.end() :], qualified=False))
    return out


def sources_of_tables(tables: frozenset[str] | set[str]) -> frozenset[str]:
    """The contract sources behind these tables and views."""
    inputs = view_inputs()
    seen: set[str] = set()
    todo = list(tables)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(inputs.get(name, ()))
    return frozenset(FILES[name].source for name in seen if name in FILES)


@cache
def sources_of_query(sql: str) -> frozenset[str]:
    """The contract sources a SELECT statement reads (its `?` parameters do not matter for that)."""
    import duckdb

    return sources_of_tables(set(duckdb.get_table_names(sql.replace("?", "NULL"), qualified=False)))
