"""The prose facts in the attacker's model: which published facts the audit and the strict policy read."""

from __future__ import annotations

import re
from collections.abc import Mapping

from jaarcijfers.facts.catalogue import fact_forms, related_fact_ids
from jaarcijfers.figures.model import CellKey
from jaarcijfers.sdc.structure import fact_key


def related_facts(values: Mapping[str, str], year: int | None) -> dict[CellKey, str]:
    """The published facts (id -> value) that are in the attacker's model, as cells of the pseudo-figure
    `FACT_FIGURE`: the count facts of the relations of the facts catalogue and the facts that declare a
    linear form (a sum, share, change or factor of cells; the change facts of every series). A count fact
    is a variable; a share or change is a constraint on the cells it reads (docs/sdc.md, "Prose facts")."""
    if year is None:
        return {}
    modelled = related_fact_ids(year) | {fid for fid, _ in fact_forms(year)}
    series = re.compile(rf"^reeks_.*_(verschil|pct)_{year}$")
    return {
        fact_key(fid): value.strip()
        for fid, value in values.items()
        if (fid in modelled or series.match(fid)) and value.strip()
    }
