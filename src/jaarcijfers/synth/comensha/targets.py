"""The published CoMensha cells of an edition as targets: a spec, a year and an interval.

Which victims a cell counts is read from the figure catalogue: the block's `where`, the row label's
and (for blocks of one year) the column label's conditions (`vocabulary.label_condition`); a block of
years counts the column's year. Tabel 1 (`kind="top"`) names countries by their Dutch name (code list),
Figuur 7 (`kind="count_share"`) has a count and a share of the form mentions per row.
"""

from __future__ import annotations

from dataclasses import dataclass

from jaarcijfers.errors import UserError
from jaarcijfers.synth import labels as L
from jaarcijfers.synth.comensha.specs import Spec, World
from jaarcijfers.synth.comensha.vocabulary import COMENSHA_FIGURES, condition, label_condition
from jaarcijfers.synth.labels import LabelError
from jaarcijfers.synth.targets import Interval, Targets, parse_count


@dataclass
class Target:
    """One published cell or fact as a constraint on one year's victims."""

    name: str  # e.g. "F8/jaar[Vrouw|2024]" or "fact oekraine_2024"
    year: int
    kind: str  # count | share | cap (every listed spec <= hi)
    spec: Spec = ()
    interval: Interval | None = None
    # share: round_half_up(100 * count(spec) / sum(count(d) for d in den)) == pct
    den: tuple[Spec, ...] = ()
    pct: int = 0
    caps: tuple[Spec, ...] = ()
    is_fact: bool = False


def lookup(cells: list[Target], year: int, spec: Spec) -> Interval | None:
    """The interval of the count target of `year` with exactly these conditions (None if not published)."""
    key = frozenset(spec)
    for t in cells:
        if t.kind == "count" and t.year == year and frozenset(t.spec) == key:
            return t.interval
    return None


def mid(iv: Interval | None) -> float:
    return 0.0 if iv is None else (iv.lo + iv.hi) / 2


def interval(t: Target) -> Interval:
    assert t.interval is not None
    return t.interval


def _where(fig: str, part: str) -> Spec:
    out: Spec = ()
    for dim, codes in L.block(fig, part).where:
        out += condition(dim, tuple(codes))
    return out


def _two_columns(fig: str, part: str) -> tuple[str, str]:
    """The two column labels of a `top` (rank, count) or `count_share` (count, share) block."""
    cols = [lab for lab, _ in L.block(fig, part).columns.labels]
    if len(cols) != 2:
        raise LabelError(f"figure {fig!r} {part!r}: expected two columns, found {cols}")
    return cols[0], cols[1]


def rank_columns() -> list[tuple[str, str, str]]:
    """(figure, part, rank column label) of the CoMensha rankings (Tabel 1)."""
    out = []
    for fig in COMENSHA_FIGURES:
        for b in L.figure(fig).blocks:
            if b.kind == "top":
                out.append((fig, b.part, _two_columns(fig, b.part)[0]))
    return out


def cell_spec(fig: str, part: str, row: str, col: str, year: int) -> tuple[int, Spec] | None:
    """The (year, spec) a count cell of a CoMensha figure counts; None if not a count cell."""
    b = L.block(fig, part)
    spec = _where(fig, part) + label_condition(fig, part, "rows", row)
    if b.columns.years:
        return int(col), spec
    if b.period != "year":
        raise LabelError(f"figure {fig!r} {part!r}: period {b.period!r} is not synthesised")
    if b.kind == "count_share":
        return (year, spec) if col == _two_columns(fig, part)[0] else None
    return year, spec + label_condition(fig, part, "columns", col)


def cell_targets(t: Targets, world: World) -> list[Target]:
    """Every published CoMensha cell as a target (a label the catalogue does not know: a clear error)."""
    try:
        return _cell_targets(t, world)
    except LabelError as exc:
        raise UserError(
            f"De CoMensha-figuren van de referentie passen niet bij de catalogus: {exc}"
        ) from None


def _cell_targets(t: Targets, world: World) -> list[Target]:
    year = t.year
    out: list[Target] = []
    naam_to_code = {v: k for k, v in world.naam.items()}
    t1_counts: list[tuple[str, Interval]] = []
    top_name = ""
    for (fig, part, row, col), raw in t.cells.items():
        if fig not in COMENSHA_FIGURES:
            continue
        label = fig if fig.startswith("T") else f"F{fig}"
        name = f"{label}/{part}[{row}|{col}]" if part else f"{label}[{row}|{col}]"
        kind = L.block(fig, part).kind
        if kind == "top":
            rank_col, _ = _two_columns(fig, part)
            if col == rank_col:
                continue
            if row not in naam_to_code:
                raise LabelError(f"{label}: country {row!r} is not in the code list")
            code = naam_to_code[row]
            iv = parse_count(raw)
            if iv is None:
                continue
            t1_counts.append((code, iv))
            top_name = label
            out.append(Target(name, year, "count", (("c", code),), iv))
            continue
        if kind == "count_share" and col == _two_columns(fig, part)[1]:
            pct = int(raw.rstrip("%"))
            where = _where(fig, part)
            den = tuple(where + label_condition(fig, part, "rows", r) for r in t.rows(fig, part))
            spec = where + label_condition(fig, part, "rows", row)
            out.append(Target(name, year, "share", spec, den=den, pct=pct))
            continue
        cs = cell_spec(fig, part, row, col, year)
        if cs is None:
            continue
        iv = parse_count(raw)
        if iv is None:
            continue
        out.append(Target(name, cs[0], "count", cs[1], iv))
    if t1_counts:
        # Tabel 1 is the top ten: every other country stays strictly below the last listed count.
        low = min(iv.lo for _, iv in t1_counts)
        listed = {c for c, _ in t1_counts}
        out.append(
            Target(
                f"{top_name} (others below rank 10)",
                year,
                "cap",
                (),
                Interval(0, low - 1),
                caps=tuple((("c", c),) for c in sorted(world.naam) if c not in listed),
            )
        )
    return out
