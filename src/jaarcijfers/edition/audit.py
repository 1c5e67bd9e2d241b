"""`jaarcijfers audit EDITION`: the disclosure audit of a published edition, from its files alone.

Reads `figures.csv` (and the related prose facts of `facts.csv` next to it, when present) and hands the
published cells to the audit of the disclosure-control layer (`sdc.audit`, docs/sdc.md).
"""

from __future__ import annotations

import json
from pathlib import Path

from jaarcijfers.edition.files import read_cells, read_fact_values, read_metadata
from jaarcijfers.errors import UserError
from jaarcijfers.sdc.audit import audit_cells, print_result, related_facts, result_json
from jaarcijfers.sdc.structure import reporting_year


def run_audit(edition: Path, json_out: bool) -> int:
    """Audit `edition/figures.csv` (or a figures.csv given directly) with the related prose facts of
    `facts.csv` next to it; 0 = no leak, 1 = leaks."""
    path = edition / "figures.csv" if edition.is_dir() else edition
    published = read_cells(path)
    year, record = read_metadata(path.parent / "metadata.json")
    year = year or reporting_year(published)
    facts = path.parent / "facts.csv"
    if facts.is_file():
        published.update(related_facts(read_fact_values(facts), year))
    identities = None if record is None else {"gelden": list(record.held), "gelden_niet": list(record.failed)}
    try:
        result = audit_cells(published, record=identities, year=year)
    except ValueError as exc:  # includes CatalogueError: an edition that does not fit the catalogue
        raise UserError(f"{path}: {exc}") from exc
    if json_out:
        print(json.dumps(result_json(result, str(edition)), ensure_ascii=False, indent=2))
    else:
        print_result(result, str(edition))
    return 0 if result.ok else 1
