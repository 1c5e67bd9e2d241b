"""An earlier published edition as an outsider knows it (docs/sdc.md, "Across editions"): data only, so that
the policy records (`sdc.policy`) can name it without importing the attacker's model."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

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


K = TypeVar("K")

SPECIFICITY = ("<5", "<10", "x")
"""Published symbols from the most to the least specific about the hidden count (a plain number beats all)."""


def _rank(display: str) -> int:
    text = display.strip()
    return -1 if text.isdigit() else SPECIFICITY.index(text) if text in SPECIFICITY else len(SPECIFICITY)


def _most_specific(editions: Sequence[Mapping[K, str]]) -> dict[K, str]:
    """Per key the most specific published value; later editions last, so between equally specific
    values the later one wins."""
    out: dict[K, str] = {}
    for values in editions:
        for k, v in values.items():
            if k not in out or _rank(v) <= _rank(out[k]):
                out[k] = v
    return out


def combine_same_year(priors: Sequence[PriorEdition]) -> list[PriorEdition]:
    """One edition per reporting year: an outsider who saw several editions of the same year (the
    publication's and the strict policy's, or a second version) knows, for every cell and fact, the most
    specific of what they show — a number before `<5` before `<10` before `x`; between two numbers the
    later edition's (a revision). Data-dependent identities failed in any of them are failed, revised cells
    revised in any, and an `x` may be 0 when any of them withheld zeros. Editions of different years are
    returned as they are, oldest first."""
    by_year: dict[int, list[PriorEdition]] = {}
    for p in priors:
        by_year.setdefault(p.year, []).append(p)
    out = []
    for year in sorted(by_year):
        group = by_year[year]
        if len(group) == 1:
            out.append(group[0])
            continue
        cells = _most_specific([p.cells for p in group])
        facts = _most_specific([p.facts for p in group])
        records = [p.failed for p in group]
        failed = (
            None if all(r is None for r in records) else tuple(sorted({n for r in records if r for n in r}))
        )
        unlinked: dict[int, frozenset[CellKey]] = {}
        for p in group:
            for y, keys in p.unlinked.items():
                unlinked[y] = unlinked.get(y, frozenset()) | keys
        out.append(
            PriorEdition(
                year,
                cells,
                facts,
                failed,
                unlinked,
                "+".join(dict.fromkeys(p.policy for p in group)),
                " + ".join(p.source for p in group),
                any(p.zeros for p in group),
            )
        )
    return out
