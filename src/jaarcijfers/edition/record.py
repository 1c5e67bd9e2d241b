"""The record of a published edition: what the edition register keeps of it (docs/editions.md).

A `RecordedEdition` holds every published cell and fact of an edition with what it was made from: its
year and disclosure policy, the delivery versions it read (per source the files and their sha256) and
the version of the processing rules. The register (`edition.register`) stores and reads them; a record
of a freshly built `Edition` is `record_of(edition)`. Revisions (`edition.revisions`) compare two
records; disclosure control across editions reads the cells and facts of the earlier ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from jaarcijfers.edition.model import Edition, Provenance
from jaarcijfers.figures.model import CellKey

Deliveries = Mapping[str, frozenset[tuple[str, str]]]
"""Per contract source (`comensha`, …) the delivered files it read: {(file, sha256)}."""


@dataclass(frozen=True)
class RecordedEdition:
    """A published edition as the register knows it."""

    year: int
    policy: str
    cells: Mapping[CellKey, str]  # every published cell, in publication order
    facts: Mapping[str, str]  # every published fact, in publication order
    deliveries: Deliveries | None = None  # None: unknown (an edition imported without its provenance)
    rules_version: str | None = None  # None: unknown
    edition_id: int | None = None  # in the register (None: not recorded)
    version: int = 1  # the n-th recorded edition of this year and policy
    imported: bool = False  # imported from published files (`jaarcijfers editions import`)
    built_at: str | None = None  # `gebouwd_op` of its metadata.json
    records: Mapping[str, Any] = field(
        default_factory=dict
    )  # its disclosure records (`files.DISCLOSURE_RECORDS`)


def published_cells(edition: Edition) -> dict[CellKey, str]:
    """Every published cell of an edition (key -> published string), in the order of figures.csv."""
    out: dict[CellKey, str] = {}
    for fig in edition.figures:
        for block in fig.blocks:
            cells = {(c.row, c.column): c.display for c in block.cells}
            for row in block.rows:
                for column in block.columns:
                    if (row, column) in cells:
                        out[CellKey(fig.id, block.part, row, column)] = cells[(row, column)]
    return out


def deliveries_of(provenance: Provenance) -> Deliveries | None:
    """The delivery versions named in an edition's provenance (`deliveries` of metadata.json)."""
    if provenance.deliveries is None:
        return None
    out: dict[str, set[tuple[str, str]]] = {}
    for d in provenance.deliveries:
        out.setdefault(d.bron, set()).add((d.bestand, d.sha256))
    return {source: frozenset(files) for source, files in out.items()}


def record_of(edition: Edition) -> RecordedEdition:
    """The record of an edition built now (not yet in the register)."""
    from jaarcijfers.edition.files import disclosure_metadata, disclosure_records, identities_metadata

    records = {
        "identiteiten_gegevensafhankelijk": identities_metadata(edition.disclosure.data_identities),
        **disclosure_metadata(edition.disclosure),
    }
    return RecordedEdition(
        year=edition.year,
        policy=edition.disclosure.policy,
        cells=published_cells(edition),
        facts={f.id: f.value for f in edition.facts},
        deliveries=deliveries_of(edition.provenance),
        rules_version=edition.provenance.rules_version,
        records=disclosure_records(records),
    )
