"""Facts the findings engine needs beyond the report's own sentences, generated from the catalogue's
declarations rather than one by one (docs/narrative.md, "Facts for the findings").

- **Crossings of the year before.** A block of the reporting year alone (Figuur 4, the form blocks of
  Figuur 6, 8, 9 and 12) crosses two breakdowns; the same block computed for the year before gives each
  cell's count then (`kruising_f6_vorm_minderjarig_criminele_uitbuiting_2023`) and, for a change, its
  percentage (`kruising_..._pct_2024`). It is the block the previous edition published, recomputed by the
  same rules.
- **Shares of a partition.** For every year block whose rows partition the units (age, region, gender,
  form of an OM case, decision, verdict, country of birth): each row's share of its year column in the
  reporting year and the year before (`aandeel_f9_jaar_latijns_amerika_2024`); for the five-year form
  blocks (Figuur 17, 19, 22, 23, 24) each row's share of its form column (`aandeel_f17_vorm_..._2020_2024`).
- **Movers in the top ten.** The nationalities new in Tabel 1 (`top10_nieuw_<land>_<Y>` = their rank) and
  those that left it (`top10_weg_<land>_<Y>` = their rank the year before), with their counts.
- **The chain.** The totals of the chain overview that no figure has as one cell: investigations started
  and cases decided by the OM, in both years.

Protection: a count is a `COUNT` fact (withheld when small, like a table cell); a percentage rests on
cells or count facts (`guard`, `guard_facts`) and is left out when one of them is small: a change when
either count is, a share when any cell of its column is (its denominator would tell their sum).
"""

from __future__ import annotations

from collections.abc import Iterator

from jaarcijfers.facts import values as v
from jaarcijfers.facts.catalogue import FactSpec
from jaarcijfers.facts.context import FactContext
from jaarcijfers.facts.ids import slug
from jaarcijfers.facts.values import FactValue
from jaarcijfers.figures.model import CellKey, CellKind

PREFIX_CROSSING = "kruising"
PREFIX_SHARE = "aandeel"
PREFIX_TOP_NEW = "top10_nieuw"
PREFIX_TOP_LEFT = "top10_weg"


def crossing_stem(figure: str, part: str, row: str, column: str) -> str:
    """The id stem of the facts of one cell of a reporting-year block (`kruising_f6_vorm_<row>_<col>`)."""
    return f"{PREFIX_CROSSING}_f{figure.lower()}{('_' + part) if part else ''}_{slug(row)}_{slug(column)}"


def share_stem(figure: str, part: str, row: str, column: str = "") -> str:
    """The id stem of a share fact: of a row in a year block, or of a row within a column of a block."""
    col = f"_{slug(column)}" if column else ""
    return f"{PREFIX_SHARE}_f{figure.lower()}{('_' + part) if part else ''}_{slug(row)}{col}"


def top_new_id(slug_: str, year: int) -> str:
    return f"{PREFIX_TOP_NEW}_{slug_}_{year}"


def top_left_id(slug_: str, year: int) -> str:
    return f"{PREFIX_TOP_LEFT}_{slug_}_{year}"


# --- single facts -----------------------------------------------------------------------------------
OP, VV = "Opsporing", "Vervolging"

EXTRA_FACTS: tuple[FactSpec, ...] = (
    FactSpec(
        "onderzoeken_{P}",
        OP,
        "gestarte opsporingsonderzoeken, jaar ervoor",
        lambda x: v.count(x.scalar("SELECT count(*) FROM investigations WHERE jaar = ?", x.P)),
    ),
    FactSpec(
        "onderzoeken_pct_{Y}",
        OP,
        "verandering gestarte opsporingsonderzoeken",
        lambda x: v.change(
            x.scalar("SELECT count(*) FROM investigations WHERE jaar = ?", x.Y),
            x.scalar("SELECT count(*) FROM investigations WHERE jaar = ?", x.P),
        ),
    ),
    FactSpec(
        "om_afgehandeld_{P}",
        VV,
        "door het OM afgehandelde zaken, jaar ervoor",
        lambda x: v.count(x.col_sum("17", "jaar", x.P)),
    ),
    FactSpec(
        "om_afgehandeld_pct_{Y}",
        VV,
        "verandering door het OM afgehandelde zaken",
        lambda x: v.change(x.col_sum("17", "jaar", x.Y), x.col_sum("17", "jaar", x.P)),
    ),
)
"""Count facts computed like the catalogue's (`FactSpec`); the chain overview reads them."""

GUARDED_BY = {
    "onderzoeken_pct_{Y}": ("onderzoeken_{Y}", "onderzoeken_{P}"),
    "om_afgehandeld_pct_{Y}": ("om_afgehandeld_{Y}", "om_afgehandeld_{P}"),
}
"""A percentage of `EXTRA_FACTS` and the count facts it rests on (left out when one of them is small)."""


# --- generated facts --------------------------------------------------------------------------------
def story_facts(
    x: FactContext, without: frozenset[str] = frozenset()
) -> Iterator[tuple[str, FactValue, str, str, frozenset[CellKey], frozenset[str]]]:
    """(id, value, section, description, guard cells, guard facts) of every generated fact. `without`: the
    sources without records for the reporting year; nothing read from one of them is a fact (as in
    `compute_facts`)."""
    yield from _crossings(x, without)
    yield from _shares(x, without)
    yield from _top_movers(x, without)


def _reads_absent(x: FactContext, without: frozenset[str]) -> bool:
    """Whether what `x` read since its last reset comes from a source without records."""
    return bool(without) and bool(x.sources() & without)


def _crossings(
    x: FactContext, without: frozenset[str]
) -> Iterator[tuple[str, FactValue, str, str, frozenset[CellKey], frozenset[str]]]:
    from jaarcijfers.figures.catalogue import CATALOGUE
    from jaarcijfers.figures.engine import compute_block, shown_years
    from jaarcijfers.figures.spec import BlockKind, Period

    for fig in CATALOGUE:
        for block in fig.blocks:
            if block.period != Period.YEAR or block.kind != BlockKind.COUNT:
                continue
            x.reset()
            now = {
                (c.key.row, c.key.column): c
                for b in x._fig(fig.id).blocks
                if b.part == block.part
                for c in b.cells
            }
            if not now or _reads_absent(x, without):
                continue
            before = compute_block(x.con, fig, block, x.P, shown_years(x.con, fig, x.P), set())
            for c in before.cells:
                cur = now.get((c.key.row, c.key.column))
                if cur is None or cur.kind != CellKind.COUNT or c.kind != CellKind.COUNT:
                    continue
                stem = crossing_stem(fig.id, block.part, c.key.row, c.key.column)
                old_id = f"{stem}_{x.P}"
                desc = f"{c.key.row} × {c.key.column} ({fig.name}), jaar ervoor"
                yield old_id, v.count(int(c.value)), fig.section, desc, frozenset(), frozenset()  # type: ignore[arg-type]
                pct = v.change(int(cur.value), int(c.value))  # type: ignore[arg-type]
                if pct is not None:
                    yield (
                        f"{stem}_pct_{x.Y}",
                        pct,
                        fig.section,
                        f"{c.key.row} × {c.key.column} ({fig.name}): verandering in procenten",
                        frozenset({cur.key}),
                        frozenset({old_id}),
                    )


def _partition_rows(block) -> list[str]:
    """The rows of a catalogue block that partition its units (no totals; the mean rows are not rows)."""
    from jaarcijfers.figures.spec import Role

    return [e.text for e in block.rows.entries if e.role in (Role.PART, Role.UNKNOWN)]


def _shares(
    x: FactContext, without: frozenset[str]
) -> Iterator[tuple[str, FactValue, str, str, frozenset[CellKey], frozenset[str]]]:
    from jaarcijfers.figures.catalogue import CATALOGUE
    from jaarcijfers.figures.spec import BlockKind, Coverage, Period

    for fig in CATALOGUE:
        for block in fig.blocks:
            if block.kind != BlockKind.COUNT or block.rows.coverage != Coverage.PARTITION:
                continue
            x.reset()
            rows = [r for r in _partition_rows(block) if r in x.rows(fig.id, block.part)]
            if len(rows) < 2 or _reads_absent(x, without):
                continue
            if block.period == Period.YEARS:
                columns = [str(y) for y in (x.Y, x.P) if str(y) in x.columns(fig.id, block.part)]
                suffix = {str(x.Y): f"_{x.Y}", str(x.P): f"_{x.P}"}
            elif block.period == Period.TOTAL:
                columns = list(x.columns(fig.id, block.part))
                suffix = {c: f"_{x.Y - 4}_{x.Y}" for c in columns}
            else:
                continue
            for col in columns:
                cells = {r: x.raw(fig.id, block.part, r, col) for r in rows}
                if any(c is None or c.kind != CellKind.COUNT for c in cells.values()):
                    continue  # a blank (hidden split) column has no shares
                total = sum(int(c.value) for c in cells.values())
                # a share tells its denominator: it is left out when any cell of the column is small
                guard = frozenset(c.key for c in cells.values() if c is not None)
                for r, c in cells.items():
                    assert c is not None
                    share = v.percent(int(c.value), total)
                    if share is None:
                        continue
                    is_year = block.period == Period.YEARS
                    fid = share_stem(fig.id, block.part, r, "" if is_year else col) + suffix[col]
                    what = f"{r}, {col}" if is_year else f"{r} binnen {col}"
                    yield (
                        fid,
                        share,
                        fig.section,
                        f"aandeel {what} ({fig.name})",
                        guard,
                        frozenset(),
                    )


def _top_movers(
    x: FactContext, without: frozenset[str]
) -> Iterator[tuple[str, FactValue, str, str, frozenset[CellKey], frozenset[str]]]:
    from jaarcijfers.contract.codelists import countries

    names = countries()
    x.reset()
    now = [code for code, _ in x.victim_nationalities(x.Y)[:10]]
    before = [code for code, _ in x.victim_nationalities(x.P)[:10]]
    if not before or _reads_absent(x, without):
        return
    for rank, code in enumerate(now, start=1):
        if code not in before and code in names:
            s = names[code].slug
            yield (
                top_new_id(s, x.Y),
                v.number(rank),
                "Herkomst",
                f"rang van {names[code].naam}, nieuw in de top tien",
                frozenset(),
                frozenset(),
            )
    for rank, code in enumerate(before, start=1):
        if code not in now and code in names:
            s = names[code].slug
            yield (
                top_left_id(s, x.Y),
                v.number(rank),
                "Herkomst",
                f"rang van {names[code].naam} het jaar ervoor, niet meer in de top tien",
                frozenset(),
                frozenset(),
            )
            yield (
                f"{s}_{x.Y}",
                v.count(x.victims(x.Y, nationality=code)),
                "Herkomst",
                f"slachtoffers met nationaliteit {names[code].naam}",
                frozenset(),
                frozenset(),
            )
            yield (
                f"{s}_{x.P}",
                v.count(x.victims(x.P, nationality=code)),
                "Herkomst",
                f"{names[code].naam}: het jaar ervoor",
                frozenset(),
                frozenset(),
            )
