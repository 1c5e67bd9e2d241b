"""The capture histories of a CoMensha delivery: per year, per stratum; opening a delivery."""

from __future__ import annotations

from pathlib import Path

from jaarcijfers.errors import UserError
from jaarcijfers.estimate.histories import from_memberships, from_rows
from jaarcijfers.estimate.warning_texts import Code, warning

REPORTERS = ("politie", "kmar", "nla", "zorgcoordinator", "fairwork", "overig")
STRATA = ("geslacht", "leeftijd", "vorm", "herkomst")


def _age_class(age) -> str:
    if age is None:
        return "onbekend"
    age = int(age)
    if age < 18:
        return "minderjarig"
    if age <= 22:
        return "18-22"
    if age <= 29:
        return "23-29"
    if age <= 39:
        return "30-39"
    return "40+"


MAIN_FORMS = ("seksueel", "arbeid", "crimineel")


def _strata_of(stratum: str, geslacht, leeftijd, nationaliteit, vormen) -> list[str]:
    """The stratum (or, for `vorm`, strata) a victim belongs to.

    `vorm`: a victim with several forms counts in each of them (the strata overlap and do not add up
    to the total); bedelarij, orgaanverwijdering, onbekend and no registered form are `overig-onbekend`
    unless the victim also has one of the three main forms.
    """
    if stratum == "geslacht":
        return [geslacht if geslacht in ("man", "vrouw") else "onbekend"]
    if stratum == "leeftijd":
        return [_age_class(leeftijd)]
    if stratum == "herkomst":
        if not nationaliteit:
            return ["onbekend"]
        return ["nederlands" if nationaliteit == "NL" else "niet-nederlands"]
    forms = [f for f in MAIN_FORMS if f in (vormen or [])]
    return forms or ["overig-onbekend"]


STRATUM_ORDER = {
    "geslacht": ("man", "vrouw", "onbekend"),
    "leeftijd": ("minderjarig", "18-22", "23-29", "30-39", "40+", "onbekend"),
    "vorm": (*MAIN_FORMS, "overig-onbekend"),
    "herkomst": ("nederlands", "niet-nederlands", "onbekend"),
}


def histories_for_year(con, year: int, stratum: str | None = None):
    """Capture histories of the year's non-anonymous victims over the reporters (`comensha_melders`).

    Returns (table or {stratum value: table}, notes in Dutch). Without a stratum the victims are counted
    per set of reporters in DuckDB (one row per capture history reaches Python, not one per victim).
    """
    year_victims = """
        WITH victims AS (
            SELECT registratie_id, geslacht, leeftijd, nationaliteit FROM comensha_registraties
            WHERE jaar = ? AND NOT coalesce(anoniem, false)
        ), melders AS (
            SELECT registratie_id, list_sort(list(DISTINCT melder)) AS melders
            FROM comensha_melders WHERE registratie_id IN (SELECT registratie_id FROM victims)
            GROUP BY registratie_id
        )"""
    if stratum is None:
        counted = con.execute(
            year_victims
            + """
            SELECT m.melders, count(*) FROM victims r LEFT JOIN melders m USING (registratie_id)
            GROUP BY 1 ORDER BY 1""",
            [year],
        ).fetchall()
        rows = [(None, None, None, None, melders, None, int(n)) for melders, n in counted]
    else:
        rows = [
            (*r, 1)
            for r in con.execute(
                year_victims
                + """, vormen AS (
                    SELECT registratie_id, list_sort(list(DISTINCT vorm)) AS vormen
                    FROM comensha_uitbuiting WHERE registratie_id IN (SELECT registratie_id FROM victims)
                    GROUP BY registratie_id
                )
                SELECT r.registratie_id, r.geslacht, r.leeftijd, r.nationaliteit, m.melders, v.vormen
                FROM victims r
                LEFT JOIN melders m USING (registratie_id)
                LEFT JOIN vormen v USING (registratie_id)
                ORDER BY r.registratie_id""",
                [year],
            ).fetchall()
        ]
    notes = []
    if not rows:
        raise UserError(f"Geen niet-anonieme registraties in {year}; een schatting is niet mogelijk.")
    extra = sorted({m for r in rows for m in (r[4] or []) if m not in REPORTERS})
    lists = (*REPORTERS, *extra)
    without = sum(r[6] for r in rows if not r[4])
    if without:
        notes.append(warning(Code.NO_REPORTER, n=without))
    if stratum is None:
        return _counted(lists, [(r[4] or [], r[6]) for r in rows]), notes
    groups: dict[str, list] = {k: [] for k in STRATUM_ORDER[stratum]}
    for r in rows:
        for key in _strata_of(stratum, r[1], r[2], r[3], r[5]):
            groups.setdefault(key, []).append(r[4] or [])
    return {k: from_memberships(lists, v) for k, v in groups.items()}, notes


def _counted(lists: tuple[str, ...], groups: list[tuple[list[str], int]]):
    """`from_memberships` for (set of lists, number of victims with exactly that set) pairs."""
    index = {name: j for j, name in enumerate(lists)}
    return from_rows(
        lists, [([1 if name in set(members) else 0 for name in index], n) for members, n in groups]
    )


def latest_year(con) -> int:
    row = con.execute("SELECT max(jaar) FROM comensha_registraties").fetchone()
    if not row or row[0] is None:
        raise UserError("De levering bevat geen registraties van CoMensha; een schatting is niet mogelijk.")
    return int(row[0])


def csv_connection(path: Path):
    """Stand-in for `warehouse.load.open_delivery`: the three CoMensha files as CSV, without validation
    (tests use it so that they do not depend on a complete delivery)."""
    import duckdb

    con = duckdb.connect()
    specs = {
        "comensha_registraties": (
            "registratie_id",
            "jaar",
            "anoniem",
            "geslacht",
            "leeftijd",
            "nationaliteit",
        ),
        "comensha_melders": ("registratie_id", "melder"),
        "comensha_uitbuiting": ("registratie_id", "vorm", "sector"),
    }
    for name, cols in specs.items():
        f = path / f"{name}.csv"
        if f.is_file():
            src = f"read_csv('{f.as_posix()}', all_varchar=true, header=true)"
            present = [
                c
                for (c,) in con.execute(f"SELECT column_name FROM (DESCRIBE SELECT * FROM {src})").fetchall()
            ]
        else:
            src, present = None, []
        exprs = []
        for c in cols:
            if c in present:
                raw = f"nullif(trim(\"{c}\"), '')"
                if c in ("jaar", "leeftijd"):
                    exprs.append(f"CAST({raw} AS INTEGER) AS {c}")
                elif c == "anoniem":
                    exprs.append(f"({raw} = 'ja') AS {c}")
                else:
                    exprs.append(f"{raw} AS {c}")
            else:
                typ = "INTEGER" if c in ("jaar", "leeftijd") else "BOOLEAN" if c == "anoniem" else "VARCHAR"
                exprs.append(f"CAST(NULL AS {typ}) AS {c}")
        if src is None:
            con.execute(f"CREATE TABLE {name} AS SELECT {', '.join(exprs)} WHERE false")
        else:
            con.execute(f"CREATE TABLE {name} AS SELECT {', '.join(exprs)} FROM {src}")
    return con


def open_connection(data: Path | None):
    from jaarcijfers import paths

    path = Path(data) if data is not None else paths.DEMO_DELIVERY
    if not path.is_dir():
        if data is None:
            raise UserError(
                f"De demolevering ontbreekt ({path}); geef een levering op met --data of lijsten met --lists."
            )
        raise UserError(f"De map met de levering bestaat niet: {path}")
    if not any(path.glob("comensha_registraties.*")):
        raise UserError(
            f"De levering in {path} bevat geen comensha_registraties; een schatting is niet mogelijk."
        )
    try:
        from jaarcijfers.warehouse.load import open_delivery
    except ImportError:
        return csv_connection(path)
    return open_delivery(path)
