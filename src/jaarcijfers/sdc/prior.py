"""An earlier published edition as an outsider knows it (docs/sdc.md, "Across editions"): data only, so that
the policy records (`sdc.policy`) can name it without importing the attacker's model."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from jaarcijfers.figures.model import CellKey


@dataclass(frozen=True)
class PriorEdition:
    """An earlier published edition as an outsider knows it. `cells`: its figures (key -> published string);
    `facts`: its prose facts (id -> published value); `failed`: the data-dependent identities its
    `metadata.json` records as not holding (None: no record, all are kept); `unlinked`: per earlier
    reporting year, the cells it recorded as revised against that edition (not the same unknown)."""

    year: int
    cells: Mapping[CellKey, str]
    facts: Mapping[str, str] = field(default_factory=dict)
    failed: tuple[str, ...] | None = None
    unlinked: Mapping[int, frozenset[CellKey]] = field(default_factory=dict)
    policy: str = ""
    source: str = ""
    zeros: bool = False  # it records that it withheld zeros: its `x` is 0..inf
