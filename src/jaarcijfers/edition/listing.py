"""`jaarcijfers editions`: the recorded editions on the terminal, and `editions import` (docs/editions.md)."""

from __future__ import annotations

import json
from pathlib import Path

from jaarcijfers.edition import register


def _warehouse(path: Path | None) -> Path:
    from jaarcijfers.warehouse.load import default_warehouse

    return default_warehouse() if path is None else Path(path)


def print_editions(warehouse: Path | None, json_out: bool = False) -> int:
    path = _warehouse(warehouse)
    with register.connect(path) as con:
        found = register.entries(con)
    if json_out:
        print(
            json.dumps(
                [
                    {
                        "editie_id": e.edition_id,
                        "verslagjaar": e.year,
                        "onthullingscontrole": e.policy,
                        "versie": e.version,
                        "ingelezen": e.imported,
                        "gebouwd_op": e.built_at,
                        "software_version": e.software_version,
                        "rules_version": e.rules_version,
                        "contract_version": e.contract_version,
                        "herkomst": e.origin,
                        "cellen": e.cells,
                        "feiten": e.facts,
                        "ladingen": e.loads,
                    }
                    for e in found
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not found:
        print(
            f"Er zijn nog geen edities vastgelegd in {path} (jaarcijfers build --warehouse, editions import)."
        )
        return 0
    print(f"Vastgelegde edities in {path}:")
    for e in found:
        loads = ", ".join(f"{s} {i}" for s, i in e.loads.items())
        if len(set(e.loads.values())) == 1 and len(e.loads) > 1:
            loads = f"{next(iter(e.loads.values()))} (alle bronnen)"
        origin = "ingelezen uit gepubliceerde bestanden" if e.imported else f"gebouwd op {e.built_at}"
        print(
            f"  editie {e.edition_id}: {e.year}, {e.policy}, versie {e.version}, {origin}; {e.cells} cellen, "
            f"{e.facts} feiten"
            + (f"; ladingen {loads}" if loads else "")
            + (f"; regels {e.rules_version}" if e.rules_version else "")
        )
    return 0


def run_import(folder: Path, year: int | None, policy: str | None, warehouse: Path | None) -> int:
    path = _warehouse(warehouse)
    with register.connect(path, write=True) as con:
        recorded, outcome = register.import_folder(con, Path(folder), year, policy)
    what = f"editie {recorded.year} ({recorded.policy}, {len(recorded.cells)} cellen, {len(recorded.facts)} feiten)"
    if outcome.new:
        print(
            f"De {what} is ingelezen in {path} als versie {outcome.version} (editie-id {outcome.edition_id})."
        )
    else:
        print(f"De {what} was al vastgelegd (versie {outcome.version}); niets gewijzigd.")
    return 0
