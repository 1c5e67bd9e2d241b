"""Fixture-file tests in the style of sqlglot: each folder under `fixtures/` is a small hand-made delivery
(only the files it needs; the others are written empty, header only) with `case.toml` (reporting year,
what it checks) and `expected.csv` (`figure,table_part,row,column,value[,raw]`: the published value and,
optionally, the true count before disclosure control; `(absent)` = the cell must not be published) and
optionally `expected_facts.csv` (`id,value`). Only the cells listed are checked, so a case stays small
enough to review by hand.
"""

from __future__ import annotations

import csv
import shutil
import tomllib
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def cases() -> list[str]:
    return sorted(p.name for p in FIXTURES.iterdir() if (p / "case.toml").exists())


def prepare(case: str, tmp: Path) -> tuple[Path, dict]:  # type: ignore[type-arg]
    from jaarcijfers.contract.schema import FILES

    src = FIXTURES / case
    dst = tmp / case
    dst.mkdir(parents=True)
    for spec in FILES.values():
        target = dst / f"{spec.name}.csv"
        if (src / target.name).exists():
            shutil.copy(src / target.name, target)
        else:
            target.write_text(",".join(c.name for c in spec.columns) + "\n", encoding="utf-8")
    with open(src / "case.toml", "rb") as f:
        meta = tomllib.load(f)
    return dst, meta


def expected(case: str, name: str = "expected.csv") -> list[dict[str, str]]:
    path = FIXTURES / case / name
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def compute(delivery: Path, year: int):  # type: ignore[no-untyped-def]
    """Raw cells, published edition and facts for a fixture delivery."""
    from jaarcijfers.edition.model import Provenance
    from jaarcijfers.edition.publish import publish
    from jaarcijfers.facts.compute import compute_facts
    from jaarcijfers.figures.engine import compute_all
    from jaarcijfers.warehouse.load import open_delivery

    con = open_delivery(delivery)
    year, figures = compute_all(con, year)
    facts = compute_facts(con, year, figures)
    edition = publish(year, figures, facts, "publicatie", Provenance())
    raw = {(c.key.figure, c.key.part, c.key.row, c.key.column): c for f in figures for c in f.cells()}
    shown = {
        (f.id, b.part, c.row, c.column): c.display for f in edition.figures for b in f.blocks for c in b.cells
    }
    con.close()
    return raw, shown, {f.id: f.value for f in edition.facts}


@pytest.mark.parametrize("case", cases())
def test_fixture(case, tmp_path):
    delivery, meta = prepare(case, tmp_path)
    raw, shown, facts = compute(delivery, int(meta["year"]))
    rows = expected(case)
    fact_rows = expected(case, "expected_facts.csv")
    assert rows or fact_rows, f"{case}: no expectations"
    problems = []
    for r in rows:
        key = (r["figure"], r["table_part"], r["row"], r["column"])
        if r["value"] == "(absent)":
            if key in shown:
                problems.append(f"{key}: expected absent, got {shown[key]!r}")
            if r.get("raw") and (key not in raw or str(raw[key].value) != r["raw"]):
                problems.append(
                    f"{key}: true value {raw[key].value if key in raw else None!r}, expected {r['raw']}"
                )
            continue
        if key not in shown:
            problems.append(f"{key}: missing")
            continue
        if shown[key] != r["value"]:
            problems.append(f"{key}: published {shown[key]!r}, expected {r['value']!r}")
        if r.get("raw"):
            value = raw[key].value
            if str(value) != r["raw"]:
                problems.append(f"{key}: true value {value!r}, expected {r['raw']}")
    for r in fact_rows:
        got = facts.get(r["id"], "(absent)")
        if got != r["value"]:
            problems.append(f"fact {r['id']}: {got!r}, expected {r['value']!r}")
    assert not problems, f"{case} ({meta.get('checks', '')}):\n" + "\n".join(problems)
