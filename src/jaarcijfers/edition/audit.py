"""`jaarcijfers audit EDITION`: the disclosure audit of a published edition, from its files alone.

Reads `figures.csv` (and the related prose facts of `facts.csv` next to it, when present) and hands the
published cells to the audit of the disclosure-control layer (`sdc.audit`, docs/sdc.md).
"""

from __future__ import annotations

import json
from pathlib import Path

from jaarcijfers.edition.files import read_cells, read_fact_values
from jaarcijfers.errors import UserError
from jaarcijfers.sdc.audit import audit_cells, print_result, related_facts, result_json
from jaarcijfers.sdc.structure import reporting_year


def run_audit(edition: Path, json_out: bool) -> int:
    """Audit `edition/figures.csv` (or a figures.csv given directly) with the related prose facts of
    `facts.csv` next to it; 0 = no leak, 1 = leaks."""
    path = edition / "figures.csv" if edition.is_dir() else edition
    published = read_cells(path)
    facts = path.parent / "facts.csv"
    if facts.is_file():
        published.update(related_facts(read_fact_values(facts), reporting_year(published)))
    try:
        result = audit_cells(published)
    except ValueError as exc:
        raise UserError(f"{path}: {exc}") from exc
    if json_out:
        print(json.dumps(result_json(result, str(edition)), ensure_ascii=False, indent=2))
    else:
        print_result(result, str(edition))
    return 0 if result.ok else 1
