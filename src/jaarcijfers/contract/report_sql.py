"""The problem list with its Dutch messages composed by DuckDB, for report files of any size.

`make()` (problems.py) fills a Dutch template per problem in Python; for two million problems that is
the slow part of writing a report. Here the same templates are compiled to SQL (`message_sql`), so one
query yields every row ready to write: file, row, column, value, code, kind, severity, message, hint,
every text escaped as `escape_text` does (`_esc`, staging.py). There is still one text per rule: the
templates of problems.py.
"""

from __future__ import annotations

import string

from jaarcijfers.contract.checks import lit
from jaarcijfers.contract.codelists import allowed_sectors
from jaarcijfers.contract.problems import PROBLEM_TYPES
from jaarcijfers.contract.staging import ORDER, PARAMS

#: Columns of a report row, in order (Dutch, as the CSV header).
COLUMNS = ("bestand", "rij", "kolom", "waarde", "code", "soort", "ernst", "melding", "advies")


def message_sql(template: str) -> str:
    """A Dutch template as a SQL expression over an escaped problem row (as `make` fills it: a missing
    parameter shows as `?`)."""
    params = {name for name, _ in PARAMS}
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            parts.append(lit(literal))
        if name is None:
            continue
        if name in ("value", "column", "file"):
            parts.append(f"coalesce(_e_{name}, '')")
        elif name == "row":
            parts.append("coalesce(CAST(\"row\" AS VARCHAR), '')")
        elif name == "allowed":
            parts.append("coalesce(_allowed, '?')")
        elif name in params:
            parts.append(f"coalesce(_e_{name}, '?')")
        else:
            parts.append("'?'")
    return "concat(" + ", ".join(parts) + ")" if parts else "''"


def _allowed_sql() -> str:
    from jaarcijfers.contract import codelists
    from jaarcijfers.contract.schema import FILES

    lists = sorted({c.codelist for spec in FILES.values() for c in spec.columns if c.codelist})
    by_list = " ".join(f"WHEN {lit(n)} THEN {lit(', '.join(codelists.codes(n)))}" for n in lists)
    whens = []
    for vorm in codelists.codes("comensha_vormen"):
        allowed = allowed_sectors(vorm)
        text = (", ".join(allowed) + " of leeg") if allowed else "alleen leeg"
        whens.append(f"WHEN {lit(vorm)} THEN {lit(text)}")
    return (
        f"CASE WHEN code = 'E205' THEN CASE codelist {by_list} END "
        f"WHEN code = 'E301' THEN CASE vorm {' '.join(whens)} END END"
    )


def rows_sql(table: str) -> str:
    """Every problem of `table` in report order, as report rows (see COLUMNS)."""
    rule = "CASE code " + " ".join(
        f"WHEN '{c}' THEN {message_sql(t.message)}" for c, t in PROBLEM_TYPES.items()
    )
    hint = "CASE code " + " ".join(f"WHEN '{c}' THEN {message_sql(t.hint)}" for c, t in PROBLEM_TYPES.items())
    kind = "CASE code " + " ".join(f"WHEN '{c}' THEN '{t.name}'" for c, t in PROBLEM_TYPES.items()) + " END"
    severity = "CASE WHEN code LIKE 'E%' THEN 'fout' ELSE 'waarschuwing' END"
    escaped = ", ".join(
        [f'_esc("{n}") AS _e_{n}' for n in ("file", "column", "value")]
        + [f'_esc(CAST("{n}" AS VARCHAR)) AS _e_{n}' for n, _ in PARAMS]
    )
    return (
        "SELECT coalesce(_e_file, 'levering'), \"row\", coalesce(_e_column, ''), coalesce(_e_value, ''), code, "
        f"{kind}, {severity}, coalesce(rule, {rule} END), coalesce(hint, {hint} END) "
        f"FROM (SELECT *, {_allowed_sql()} AS _allowed, {escaped} FROM {table}) {ORDER}"
    )
