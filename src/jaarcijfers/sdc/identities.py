"""How the identities of an edition are derived from the figure catalogue (see `structure.py`).

Each side of a `Link` is a sum of published cells (`Expr`) with a relation (`Rel`) to the number of units
of its slice, read from the coverage of the axis summed over; two sides of the same units combine into
`==`, `<=` or `>=` (`_combine`). `_Edition` looks the cells up and enforces that an edition fits the
catalogue; `_Deriver` walks the catalogue: totals within blocks, links between blocks, percentages, and
the relations of the facts catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING

from jaarcijfers.figures.catalogue import CATALOGUE, by_id
from jaarcijfers.figures.model import COUNTS, CellKey, CellKind, RawCell
from jaarcijfers.figures.spec import (
    NUMERIC_ROLES,
    REPORTING_YEAR,
    Along,
    Axis,
    Block,
    BlockKind,
    Coverage,
    Figure,
    Label,
    Link,
    Match,
    Relation,
    Role,
    Side,
)
from jaarcijfers.sdc.policy import plain_text
from jaarcijfers.sdc.structure import (
    FACT_FIGURE,
    CatalogueError,
    Identity,
    IdentityKind,
    Op,
    Structure,
    aux,
    cell_name,
    fact_key,
    figure_name,
    is_year,
    merge_terms,
    reporting_year,
    variable_kind,
)

if TYPE_CHECKING:
    from jaarcijfers.facts.catalogue import Cells, LinearForm
    from jaarcijfers.facts.values import Interval


# ------------------------------------------------------------------------------- how a sum relates to units
class Rel(StrEnum):
    """How a sum of published cells relates to the number of units of its slice."""

    EQ = "=="  # the sum is the number of units
    GE = ">="  # at least (units counted in several cells)
    GE_DATA = ">=?"  # at least, if no unit lacks a code (the data decide)
    LE = "<="  # at most (units left out)
    NONE = "?"  # no relation


_GE = (Rel.GE, Rel.GE_DATA)


def coverage_rel(coverage: Coverage) -> Rel:
    return {
        Coverage.PARTITION: Rel.EQ,
        Coverage.OVERLAP: Rel.GE,
        Coverage.MISSING: Rel.LE,
        Coverage.OVERLAP_MISSING: Rel.GE_DATA,
        Coverage.MEASURES: Rel.NONE,
    }[coverage]


def compose(a: Rel, b: Rel) -> Rel:
    """The relation of a sum of sums: the inner sums relate to their slices by `b`, the slices to the whole
    by `a` (both when the slices are disjoint: EQ)."""
    if a == Rel.EQ:
        return b
    if b == Rel.EQ:
        return a
    if Rel.NONE in (a, b):
        return Rel.NONE
    if a in _GE and b in _GE:
        return Rel.GE_DATA if Rel.GE_DATA in (a, b) else Rel.GE
    if a == b == Rel.LE:
        return Rel.LE
    return Rel.NONE


def partial(rel: Rel) -> Rel:
    """The relation to a larger set of units than the sum's own."""
    return Rel.LE if rel in (Rel.EQ, Rel.LE) else Rel.NONE


def _combine(a: Rel, b: Rel, relation: Relation) -> tuple[Op, bool] | None:
    """The operator between two sums `a` and `b` (their relations to the units) and whether it holds only
    if no unit lacks a code. SAME: both count the same units; SUBSET: a's units are among b's."""
    data = Rel.GE_DATA in (a, b)
    if relation == Relation.SUBSET:
        if a in (Rel.EQ, Rel.LE) and b in (Rel.EQ, *_GE):
            return "<=", data
        return None
    if a == Rel.EQ and b == Rel.EQ:
        return "==", False
    if (a == Rel.EQ and b == Rel.LE) or (a in _GE and b in (Rel.EQ, Rel.LE)):
        return ">=", data
    if (a == Rel.EQ and b in _GE) or (a == Rel.LE and b in (Rel.EQ, *_GE)):
        return "<=", data
    return None


@dataclass(frozen=True)
class Expr:
    """A sum of published cells (absent optional labels left out: they are 0) and its relation to the
    number of units of its slice; `blank`: a deliberately blank cell was left out."""

    terms: tuple[CellKey, ...]
    rel: Rel
    text: str
    blank: bool = False
    partial: bool = False  # the relation is to the units of the other side of a link, which has more

    def widen(self) -> Expr:
        """The same sum against a larger set of units than its own."""
        return replace(self, rel=partial(self.rel), partial=True)

    @property
    def exact(self) -> bool:
        return self.rel == Rel.EQ and not self.blank


class _NotShown(Exception):
    """A label of an axis read from the data that is not in this edition (e.g. a nationality outside the
    top ten): the link does not apply."""


class _Absent(Exception):
    """A block that is not in the edition at all (no data): its links do not apply."""


_ZERO, _BLANK = "zero", "blank"


def _join(labels: Sequence[str]) -> str:
    return " + ".join(labels)


class _Edition:
    """The published cells of an edition against the catalogue."""

    def __init__(self, published: Mapping[CellKey, str], year: int | None):
        self.catalogue = by_id()
        self.kinds = {k: variable_kind(k, v) for k, v in published.items()}
        self.rows: dict[tuple[str, str], list[str]] = {}
        self.cols: dict[tuple[str, str], list[str]] = {}
        for k in published:
            if k.figure == FACT_FIGURE:
                continue
            block = self.block(k.figure, k.part)
            self._check(k, block.rows, k.row, rows=True, block=block)
            self._check(k, block.columns, k.column, rows=False, block=block)
            rows = self.rows.setdefault((k.figure, k.part), [])
            cols = self.cols.setdefault((k.figure, k.part), [])
            if k.row not in rows:
                rows.append(k.row)
            if k.column not in cols:
                cols.append(k.column)
        ry = year if year is not None else reporting_year(published)
        self.year = ry
        self.window = [str(y) for y in range(ry - 4, ry + 1)] if ry is not None else []

    def block(self, fig_id: str, part: str) -> Block:
        fig = self.catalogue.get(fig_id)
        if fig is None:
            raise CatalogueError(f"figuur {fig_id!r} staat niet in de catalogus")
        block = fig.block(part)
        if block is None:
            raise CatalogueError(f"{fig.name}: geen deel {part!r} in de catalogus")
        return block

    @staticmethod
    def _check(k: CellKey, axis: Axis, text: str, rows: bool, block: Block) -> None:
        if axis.years:
            ok = is_year(text)
        elif axis.from_data:
            ok = bool(text)
        else:
            ok = axis.get(text) is not None or (rows and any(m.label == text for m in block.means))
        if not ok:
            what = "rij" if rows else "kolom"
            raise CatalogueError(f"{cell_name(k)}: {what} {text!r} staat niet in de catalogus")

    def present(self, fig_id: str, part: str) -> bool:
        return (fig_id, part) in self.rows

    def shown(self, fig_id: str, part: str, along: Along) -> list[str]:
        return (self.rows if along == Along.ROWS else self.cols).get((fig_id, part), [])

    def at_label(self, text: str) -> str:
        if text == REPORTING_YEAR:
            if self.year is None:
                raise CatalogueError("geen verslagjaar: de editie heeft geen jaarkolommen")
            return str(self.year)
        return text

    def _absent_label(self, fig_id: str, block: Block, axis: Axis, text: str, what: str) -> str:
        """What an absent label's cells are: 0 (optional label, or a window year without units), blank (a
        window year without a row of a delivered table) or not shown (a label read from the data)."""
        if axis.years:
            if text in self.window:
                return _BLANK if block.kind == BlockKind.TABLE else _ZERO
        elif axis.from_data:
            raise _NotShown(text)
        else:
            entry = axis.get(text)
            if entry is None:
                raise CatalogueError(f"{figure_name(fig_id)}: {what} {text!r} staat niet in de catalogus")
            if entry.optional:
                return _ZERO
        raise CatalogueError(f"{figure_name(fig_id)} ({block.part}): {what} {text!r} ontbreekt in de editie")

    def term(self, fig_id: str, part: str, row: str, col: str) -> CellKey | str:
        """The variable of a count cell, or `_ZERO` (known 0) or `_BLANK` (deliberately not shown)."""
        if not self.present(fig_id, part):
            raise _Absent(f"{fig_id}/{part}")
        k = CellKey(fig_id, part, row, col)
        kind = self.kinds.get(k)
        if kind in COUNTS:
            return k
        if kind == CellKind.BLANK:
            return _BLANK
        if kind is not None:
            raise CatalogueError(f"{cell_name(k)} is geen aantal ({kind})")
        block = self.block(fig_id, part)
        for axis, text, what, shown in (
            (block.rows, row, "rij", self.rows[(fig_id, part)]),
            (block.columns, col, "kolom", self.cols[(fig_id, part)]),
        ):
            if text not in shown:
                return self._absent_label(fig_id, block, axis, text, what)
        raise CatalogueError(f"{cell_name(k)} ontbreekt in de editie")


# ------------------------------------------------------------------------------------------- label algebra
def _numeric(axis: Axis) -> list[Label]:
    """The count labels of an axis that are not totals."""
    return [e for e in axis.entries if e.role in NUMERIC_ROLES and e.role != Role.TOTAL]


def _exclusive(axis: Axis, a: str, b: str) -> bool:
    """Do two labels of the axis never share a unit?"""
    if axis.years or not axis.coverage.overlap:
        return True
    ea, eb = axis.get(a), axis.get(b)
    if (ea and ea.role == Role.UNKNOWN) or (eb and eb.role == Role.UNKNOWN):
        return True
    return any(a in group and b in group for group in axis.exclusive)


def _group_rel(axis: Axis, group: Sequence[str]) -> Rel:
    """How the sum over some labels of an axis relates to the units having any of them."""
    if len(group) <= 1 or axis.from_data:
        return Rel.EQ
    pairs = [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]
    return Rel.EQ if all(_exclusive(axis, a, b) for a, b in pairs) else Rel.GE


def total_children(axis: Axis, total: Label) -> list[Label]:
    """The labels a total is made of: its declared `parts`, else the largest labels within its codes."""
    if total.parts:
        out = [axis.get(p) for p in total.parts]
        if any(e is None for e in out):
            raise CatalogueError(f"totaal {total.text!r}: onbekend deel in {total.parts}")
        return [e for e in out if e is not None]
    inside = [
        e
        for e in axis.entries
        if e is not total and e.role in NUMERIC_ROLES and e.codes and set(e.codes) < set(total.codes)
    ]
    children = [e for e in inside if not any(set(e.codes) < set(o.codes) for o in inside)]
    if {c for e in children for c in e.codes} != set(total.codes):
        raise CatalogueError(f"totaal {total.text!r}: de delen dekken de codes {total.codes} niet")
    return children


def _whole(axis: Axis) -> Label | None:
    """The label that counts every unit of the axis: its only count label, or a total of all others."""
    counts = [e for e in axis.entries if e.role in NUMERIC_ROLES]
    if len(counts) == 1:
        return counts[0]
    parts = _numeric(axis)
    for e in counts:
        if e.role != Role.TOTAL:
            continue
        if e.parts:
            covered = set(e.parts) | {p.text for p in parts if p.within in e.parts}
            if covered >= {p.text for p in parts}:
                return e
        elif {c for p in parts for c in p.codes} <= set(e.codes):
            return e
    return None


@dataclass(frozen=True)
class _Slice:
    """A slice of a block: the labels `group` of the `along` axis, read at `at` of the other axis or
    summed over its labels `over` (with relation `over_rel` to the slice's units; `over_text` names them)."""

    fig: str
    part: str
    along: Along
    group: tuple[str, ...]
    at: str = ""
    over: tuple[str, ...] = ()
    over_rel: Rel = Rel.EQ
    over_text: str = ""
    partial: bool = False  # `over` covers only some of the codes the slice's units have


class _Deriver:
    def __init__(self, edition: _Edition):
        self.ed = edition
        self.out: list[Identity] = []
        self.names: set[str] = set()
        self.resolved: dict[tuple[str, int], int] = {}  # (figure, link index) -> pairs with a relation

    # --------------------------------------------------------------------------------------------- output
    def emit(
        self, name: str, lhs: Sequence[CellKey], op: Op, rhs: Sequence[CellKey], kind: IdentityKind
    ) -> None:
        terms = merge_terms([(1, v) for v in lhs] + [(-1, v) for v in rhs])
        if not terms or name in self.names:
            return
        self.names.add(name)
        self.out.append(Identity(name, terms, op, 0, kind))

    def relate(self, a: Expr, b: Expr, relation: Relation) -> None:
        """The identity between two sums of the same units (or a's among b's), if one follows."""
        if (a.blank and not a.terms) or (b.blank and not b.terms):
            return  # a side with nothing but blank cells says nothing
        found = _combine(a.rel, b.rel, relation)
        if found is None:
            return
        op, data = found
        kind = IdentityKind.DATA if data else IdentityKind.EXACT
        self.emit(f"{a.text} {op} {b.text}", a.terms, op, b.terms, kind)

    # ------------------------------------------------------------------------------------------- slices
    def label_text(self, fig: str, part: str) -> str:
        return figure_name(fig) + (f" ({part})" if part else "")

    def slice_of(self, fig: str, side: Side, group: Sequence[str]) -> _Slice:
        """A side's slice for the labels `group` of its `along` axis."""
        block = self.ed.block(fig, side.part)
        other = block.axis(Along.COLUMNS if side.along == Along.ROWS else Along.ROWS)
        if side.at:
            return _Slice(fig, side.part, side.along, tuple(group), at=self.ed.at_label(side.at))
        over, rel, text = self.over_labels(fig, other, side.over, side.over_codes)
        return _Slice(
            fig,
            side.part,
            side.along,
            tuple(group),
            over=tuple(over),
            over_rel=rel,
            over_text=text,
            partial=rel != Rel.EQ and bool(side.over_codes),
        )

    def over_labels(
        self, fig: str, axis: Axis, over: Sequence[str], over_codes: Sequence[str]
    ) -> tuple[list[str], Rel, str]:
        """The labels a side sums over, how that sum relates to the slice's units, and its name."""
        if axis.years:
            return list(self.ed.window), Rel.EQ, "*"
        if axis.from_data:
            raise CatalogueError(f"{figure_name(fig)}: een som over de rijen uit de gegevens")
        if over:
            for text in over:
                if axis.get(text) is None:
                    raise CatalogueError(f"{figure_name(fig)}: geen label {text!r}")
            return list(over), _group_rel(axis, over), _join(over)
        if over_codes:
            inside = [e.text for e in _numeric(axis) if e.codes and set(e.codes) <= set(over_codes)]
            if not inside:
                raise CatalogueError(f"{figure_name(fig)}: geen label binnen de codes {over_codes}")
            covered = {c for e in _numeric(axis) if e.text in inside for c in e.codes}
            rel = _group_rel(axis, inside)
            return inside, (rel if covered == set(over_codes) else partial(rel)), _join(inside)
        whole = _whole(axis)
        if whole is not None:
            return [whole.text], Rel.EQ, whole.text
        return [e.text for e in _numeric(axis)], coverage_rel(axis.coverage), "*"

    def expr(self, s: _Slice) -> Expr:
        """The sum of a slice's cells, and its relation to the slice's units."""
        block = self.ed.block(s.fig, s.part)
        rel = _group_rel(block.axis(s.along), s.group)
        if not s.at:
            rel = compose(rel, s.over_rel)
        others = [s.at] if s.at else list(s.over)
        terms: list[CellKey] = []
        blank = False
        for g in s.group:
            for o in others:
                row, col = (g, o) if s.along == Along.ROWS else (o, g)
                t = self.ed.term(s.fig, s.part, row, col)
                if t == _BLANK:
                    blank = True
                elif isinstance(t, CellKey):
                    terms.append(t)
        if blank:
            rel = Rel.LE if rel in (Rel.EQ, Rel.LE) else Rel.NONE
        other_text = s.at or s.over_text
        rows_, cols_ = (_join(s.group), other_text) if s.along == Along.ROWS else (other_text, _join(s.group))
        return Expr(
            tuple(terms), rel, f"{self.label_text(s.fig, s.part)} [{rows_} | {cols_}]", blank, s.partial
        )

    # -------------------------------------------------------------------------------------------- links
    def side_labels(self, fig: str, side: Side) -> list[str]:
        """The labels of a side's `along` axis that take part (in declaration order)."""
        block = self.ed.block(fig, side.part)
        axis = block.axis(side.along)
        if side.labels:
            return [self.ed.at_label(x) for x in side.labels]
        if axis.years:
            return list(self.ed.window)
        if axis.from_data:
            return list(self.ed.shown(fig, side.part, side.along))
        entries = _numeric(axis)
        if side.codes:
            entries = [e for e in entries if e.codes and set(e.codes) <= set(side.codes)]
        return [e.text for e in entries]

    def pairs(self, fig: Figure, link: Link) -> Iterator[tuple[Expr, Expr, _Slice, _Slice]]:
        """(this side, other side, this slice, other slice) for every pair of slices a link declares."""
        this_fig, other_fig = fig.id, link.other.figure or fig.id
        if not (self.ed.present(this_fig, link.this.part) and self.ed.present(other_fig, link.other.part)):
            return
        this_block = self.ed.block(this_fig, link.this.part)
        other_block = self.ed.block(other_fig, link.other.part)
        this_axis, other_axis = this_block.axis(link.this.along), other_block.axis(link.other.along)
        groups: list[
            tuple[tuple[str, ...], tuple[str, ...], Rel, Rel]
        ] = []  # (this, other, adjust this, other)
        if link.match == Match.YEARS:
            if not (this_axis.years and other_axis.years):
                raise CatalogueError(f"{fig.name}: koppeling per jaar zonder jaaras")
            groups = [((y,), (y,), Rel.EQ, Rel.EQ) for y in self.ed.window]
        elif link.match == Match.ONE:
            groups = [
                (
                    tuple(self.side_labels(this_fig, link.this)),
                    tuple(self.side_labels(other_fig, link.other)),
                    Rel.EQ,
                    Rel.EQ,
                )
            ]
        else:
            groups = self.code_groups(fig, link, this_axis, other_axis)
        for this_group, other_group, adj_this, adj_other in groups:
            try:
                a_slice = self.slice_of(this_fig, link.this, this_group)
                b_slice = self.slice_of(other_fig, link.other, other_group)
                a, b = self.expr(a_slice), self.expr(b_slice)
            except _NotShown:
                continue
            if adj_this != Rel.EQ:
                a = a.widen()
            if adj_other != Rel.EQ:
                b = b.widen()
            yield a, b, a_slice, b_slice

    def code_groups(
        self, fig: Figure, link: Link, this_axis: Axis, other_axis: Axis
    ) -> list[tuple[tuple[str, ...], tuple[str, ...], Rel, Rel]]:
        """Pair the labels of two axes of one dimension by their codes: each connected group of labels
        sharing codes; the side whose codes are fewer counts some of the other side's units."""
        if this_axis.dim != other_axis.dim:
            raise CatalogueError(f"{fig.name}: koppeling op codes tussen {this_axis.dim} en {other_axis.dim}")
        this_fig, other_fig = fig.id, link.other.figure or fig.id
        p = [this_axis.get(x) for x in self.side_labels(this_fig, link.this)]
        q = [other_axis.get(x) for x in self.side_labels(other_fig, link.other)]
        p_ = [e for e in p if e is not None]
        q_ = [e for e in q if e is not None]
        out = []
        seen: set[str] = set()
        for start in p_:
            if start.text in seen:
                continue
            ps, qs = {start.text}, set()
            codes_p, codes_q = set(start.codes), set()
            grew = True
            while grew:
                grew = False
                for e in q_:
                    if e.text not in qs and set(e.codes) & codes_p:
                        qs.add(e.text)
                        codes_q |= set(e.codes)
                        grew = True
                for e in p_:
                    if e.text not in ps and set(e.codes) & codes_q:
                        ps.add(e.text)
                        codes_p |= set(e.codes)
                        grew = True
            seen |= ps
            if not qs:
                raise CatalogueError(
                    f"{fig.name}: label {start.text!r} heeft geen tegenhanger in de koppeling"
                )
            if codes_p == codes_q:
                adj = (Rel.EQ, Rel.EQ)
            elif codes_q < codes_p:
                adj = (Rel.EQ, Rel.LE)  # the other side counts some of this side's units
            elif codes_p < codes_q:
                adj = (Rel.LE, Rel.EQ)
            else:
                raise CatalogueError(
                    f"{fig.name}: labels {sorted(ps)} en {sorted(qs)} hebben verschillende codes"
                )
            out.append(
                (
                    tuple(e.text for e in p_ if e.text in ps),
                    tuple(e.text for e in q_ if e.text in qs),
                    *adj,
                )
            )
        return out

    def links(self) -> None:
        pending: dict[str, list[tuple[Expr, Expr, _Slice, Link, Figure]]] = {}
        for fig in CATALOGUE:
            for n, link in enumerate(fig.links):
                self.resolved.setdefault((fig.id, n), 0)
                for a, b, _, b_slice in self.pairs(fig, link):
                    if _combine(a.rel, b.rel, link.relation) is not None:
                        self.resolved[(fig.id, n)] += 1
                    if link.missing_in is not None:
                        self.missing(fig, link, a, b)
                    if link.relation == Relation.SAME and not b.partial:
                        pending.setdefault(b.text, []).append((a, b, b_slice, link, fig))
                    else:  # (a side that counts some of the other's units is not a count of them)
                        self.relate(a, b, link.relation)
        via_aux: dict[str, CellKey] = {}
        for key, items in sorted(pending.items()):
            b = items[0][1]
            if len(items) >= 2 and not b.exact and b.rel != Rel.NONE:
                # several figures count these units, which no figure shows exactly: a shared unknown
                u = aux(f"eenheden van {b.text}")
                via_aux[key] = u
                unit = Expr((u,), Rel.EQ, u.row)
                self.relate(b, unit, Relation.SAME)
                for a, *_ in items:
                    self.relate(a, unit, Relation.SAME)
            else:
                for a, b, *_ in items:
                    self.relate(a, b, Relation.SAME)
        self.totals_of_shared(pending, via_aux)

    def totals_of_shared(self, pending: Mapping[str, list], via_aux: Mapping[str, CellKey]) -> None:
        """A total of labels whose units several figures count through auxiliary variables: the total's
        units are its parts' (the five-year sexual total of Figuur 18 = domestic + international + unknown)."""
        done: set[str] = set()
        for items in pending.values():
            for _, _, s, link, fig in items:
                if link.match != Match.CODES or s.at:
                    continue
                other_fig = link.other.figure or fig.id
                axis = self.ed.block(other_fig, s.part).axis(s.along)
                for total in (e for e in axis.entries if e.role == Role.TOTAL):
                    children = total_children(axis, total)
                    child_exprs = [self.expr(replace(s, group=(c.text,))) for c in children]
                    if not any(e.text in via_aux for e in child_exprs):
                        continue
                    whole = self.expr(replace(s, group=(total.text,)))
                    if whole.text in done:
                        continue
                    done.add(whole.text)
                    terms: list[CellKey] = []
                    for e in child_exprs:
                        if e.text in via_aux:
                            terms.append(via_aux[e.text])
                        elif e.exact:
                            terms.extend(e.terms)
                        else:
                            break
                    else:
                        parts = Expr(
                            tuple(terms),
                            Rel.EQ,
                            f"eenheden van {_join([c.text for c in children])} in {whole.text}",
                        )
                        self.relate(parts, whole, Relation.SAME)

    def missing(self, fig: Figure, link: Link, a: Expr, b: Expr) -> None:
        """`missing_in`: the units of slice `a` missing from the axis it sums over are among the units of a
        larger slice missing from (or shown under other codes of) that slice's axis."""
        side = link.missing_in
        assert side is not None
        this_block = self.ed.block(fig.id, link.this.part)
        a_axis = this_block.axis(Along.COLUMNS if link.this.along == Along.ROWS else Along.ROWS)
        if link.this.at or a_axis.coverage != Coverage.MISSING:
            raise CatalogueError(
                f"{fig.name}: missing_in vraagt een som over een as met ontbrekende eenheden"
            )
        if not b.exact or a.blank:
            return
        t_fig = side.figure or fig.id
        if not self.ed.present(t_fig, side.part):
            return
        t_block = self.ed.block(t_fig, side.part)
        t_axis = t_block.axis(Along.COLUMNS if side.along == Along.ROWS else Along.ROWS)
        if t_axis.dim != a_axis.dim:
            raise CatalogueError(f"{fig.name}: missing_in over een andere dimensie ({t_axis.dim})")
        t_group = tuple(self.side_labels(t_fig, side))
        shown_codes = {c for e in a_axis.entries for c in e.codes}
        extra = [e.text for e in _numeric(t_axis) if not set(e.codes) & shown_codes]
        lhs, rhs = [*b.terms], [*a.terms]  # units of a - shown in a <= ...
        texts = []
        if extra:
            ex = self.expr(
                _Slice(t_fig, side.part, side.along, t_group, over=tuple(extra), over_text=_join(extra))
            )
            if ex.blank:
                return
            rhs += ex.terms
            texts.append(ex.text)
        if t_axis.coverage.missing:
            units = self.exact_units(self.ed.catalogue[t_fig], side, t_group)
            shown = self.expr(self.slice_of(t_fig, replace(side, labels=()), t_group))
            if units is None or shown.blank:
                return
            rhs += units.terms
            lhs += shown.terms
            texts.append(f"({units.text} - {shown.text})")
        if not texts:
            return
        self.emit(f"{b.text} - {a.text} <= {' + '.join(texts)}", lhs, "<=", rhs, IdentityKind.EXACT)

    def exact_units(self, fig: Figure, side: Side, group: tuple[str, ...]) -> Expr | None:
        """The exact number of units of a slice summed over its other axis, from the figure's own links."""
        for link in fig.links:
            t = link.this
            if t.part != side.part or t.along != side.along or t.at or t.over or t.over_codes:
                continue
            if link.relation != Relation.SAME:
                continue
            for _, b, a_slice, _ in self.pairs(fig, link):
                if a_slice.group == group:
                    return b if b.exact else None
        return None

    # ------------------------------------------------------------------------------------ within blocks
    def totals(self) -> None:
        for fig in CATALOGUE:
            for block in fig.blocks:
                if not self.ed.present(fig.id, block.part):
                    continue
                for along in (Along.ROWS, Along.COLUMNS):
                    self.block_totals(fig, block, along)

    def block_totals(self, fig: Figure, block: Block, along: Along) -> None:
        """A total = the sum of its parts, and a label `within` another at most that label, at every label
        of the other axis."""
        axis = block.axis(along)
        across = Along.COLUMNS if along == Along.ROWS else Along.ROWS
        other = block.axis(across)
        if other.years:
            others = list(self.ed.window)
        else:
            others = [
                x
                for x in self.ed.shown(fig.id, block.part, across)
                if x not in {m.label for m in block.means}
            ]
        if len([e for e in axis.entries if e.role in NUMERIC_ROLES]) < 2:
            return
        for e in axis.entries:
            for o in others:
                if e.role == Role.TOTAL:
                    children = tuple(c.text for c in total_children(axis, e))
                    parts = self.expr(_Slice(fig.id, block.part, along, children, at=o))
                    whole = self.expr(_Slice(fig.id, block.part, along, (e.text,), at=o))
                    self.relate(parts, whole, Relation.SAME)
                if e.within:
                    sub = self.expr(_Slice(fig.id, block.part, along, (e.text,), at=o))
                    container = self.expr(_Slice(fig.id, block.part, along, (e.within,), at=o))
                    self.relate(sub, container, Relation.SUBSET)

    def percentages(self, published: Mapping[CellKey, str]) -> None:
        """`p%` of a count `a` in a column of counts summing to S: `(2p-1) S <= 200 a <= (2p+1) S - 1`."""
        from jaarcijfers.facts.values import FactKind, written_interval

        for fig in CATALOGUE:
            for block in fig.blocks:
                shares = [e.text for e in block.columns.entries if e.role == Role.SHARE]
                counts = [e.text for e in block.columns.entries if e.role == Role.COUNT]
                if not shares or len(counts) != 1 or not self.ed.present(fig.id, block.part):
                    continue
                rows = self.ed.shown(fig.id, block.part, Along.ROWS)
                keys = [CellKey(fig.id, block.part, r, counts[0]) for r in rows]
                if any(self.ed.kinds.get(k) not in COUNTS for k in keys):
                    continue
                for r in rows:
                    for share in shares:
                        pk = CellKey(fig.id, block.part, r, share)
                        text = published.get(pk, "").strip()
                        interval = written_interval(FactKind.PERCENT, text)
                        if self.ed.kinds.get(pk) != CellKind.PERCENT or interval is None:
                            continue
                        a = CellKey(fig.id, block.part, r, counts[0])
                        name = f"{figure_name(fig.id)} {r}: {text} = {counts[0]} / som van {counts[0]} (afgerond)"
                        for ident in ratio_identities(name, [a], keys, interval, IdentityKind.PERCENT, pk):
                            self.out.append(ident)

    def ranks(self, published: Mapping[CellKey, str]) -> None:
        """A ranking (a `TOP` block, Tabel 1): the count of each rank is at least the next one's, and more
        when the tie would have been broken the other way (ties go to the name first in the alphabet)."""
        for fig in CATALOGUE:
            for block in fig.blocks:
                if block.kind != BlockKind.TOP or not self.ed.present(fig.id, block.part):
                    continue
                rank = [e.text for e in block.columns.entries if e.role == Role.RANK]
                count = [e.text for e in block.columns.entries if e.role == Role.COUNT]
                if len(rank) != 1 or len(count) != 1:
                    continue
                ranked = []
                for row in self.ed.shown(fig.id, block.part, Along.ROWS):
                    text = published.get(CellKey(fig.id, block.part, row, rank[0]), "").strip()
                    key = CellKey(fig.id, block.part, row, count[0])
                    if text.isdigit() and self.ed.kinds.get(key) in COUNTS:
                        ranked.append((int(text), row, key))
                ranked.sort()
                for (r1, row1, a), (r2, row2, b) in zip(ranked, ranked[1:], strict=False):
                    if r2 != r1 + 1:
                        continue  # a gap: a category left out
                    name = f"{figure_name(fig.id)}: rang {r1} ({row1}) >= rang {r2} ({row2})"
                    if name not in self.names:
                        self.names.add(name)
                        self.out.append(
                            Identity(name, merge_terms([(1, a), (-1, b)]), ">=", 0 if row1 < row2 else 1)
                        )

    def facts(self, published: Mapping[CellKey, str]) -> None:
        """The relations of the facts catalogue (`facts.catalogue.RELATIONS`) among the facts present: a
        relation with an absent or non-count fact is left out; its cells are looked up like a link's. Then
        the linear forms the facts declare (`facts.catalogue.fact_forms`, the change facts of every series)."""
        from jaarcijfers.facts.catalogue import relation_terms

        if self.ed.year is None or not any(k.figure == FACT_FIGURE for k in self.ed.kinds):
            return
        for name, terms, op in relation_terms(self.ed.year):
            lhs: list[CellKey] = []
            rhs: list[CellKey] = []
            try:
                for c, (fig, part, row, col) in terms:
                    if fig == "":
                        k: CellKey | str = fact_key(row)
                        if self.ed.kinds.get(fact_key(row)) not in COUNTS:
                            raise _NotShown(row)
                    else:
                        k = self.ed.term(fig, part, row, col)
                        if k == _BLANK:
                            raise _NotShown(col)
                    if isinstance(k, CellKey):
                        (lhs if c > 0 else rhs).append(k)
            except (_NotShown, _Absent):
                continue
            self.emit(f"Feiten: {name}", lhs, op, rhs, IdentityKind.EXACT)
        for fid, form in self.forms():
            key = fact_key(fid)
            text = published.get(key)
            if text is None:
                continue
            try:
                num = self.cells(form.num)
                den = self.cells(form.den) if form.den is not None else []
            except (_NotShown, _Absent, CatalogueError):
                continue  # a fact whose cells the edition does not show is protected by its own value only
            self.fact_form(fid, form, text.strip(), num, den)

    def forms(self) -> Iterator[tuple[str, LinearForm]]:
        """The linear forms of the facts of the catalogue and of the change facts of every count series."""
        from jaarcijfers.facts.catalogue import fact_forms
        from jaarcijfers.facts.compute import series_forms

        assert self.ed.year is not None
        yield from fact_forms(self.ed.year)
        now, before = str(self.ed.year), str(self.ed.year - 1)
        for (fig, part), cols in self.ed.cols.items():
            if now not in cols or before not in cols:
                continue
            for row in self.ed.rows[(fig, part)]:
                if all(self.ed.kinds.get(CellKey(fig, part, row, y)) in COUNTS for y in (now, before)):
                    yield from series_forms(fig, part, row, self.ed.year)

    def cells(self, cells: Cells) -> list[CellKey]:
        """The variables of a sum of cells a fact declares (absent optional labels are 0); raises
        `_NotShown` when a cell of the sum is deliberately blank."""
        assert self.ed.year is not None

        def rows_of(fig: str, part: str) -> list[str]:
            if not self.ed.present(fig, part):
                raise _Absent(f"{fig}/{part}")
            return [
                r
                for r in self.ed.rows[(fig, part)]
                if any(
                    self.ed.kinds.get(CellKey(fig, part, r, col)) in COUNTS
                    for col in self.ed.cols[(fig, part)]
                )
            ]

        def columns_of(fig: str, part: str) -> list[str]:
            if not self.ed.present(fig, part):
                raise _Absent(f"{fig}/{part}")
            return list(self.ed.cols[(fig, part)])

        out: list[CellKey] = []
        for fig, part, row, col in cells.keys(self.ed.year, rows_of, columns_of):
            t = self.ed.term(fig, part, row, col)
            if t == _BLANK:
                raise _NotShown(col)
            if isinstance(t, CellKey):
                out.append(t)
        return out

    def fact_form(
        self, fid: str, form: LinearForm, text: str, num: list[CellKey], den: list[CellKey]
    ) -> None:
        """The constraints a published fact puts on the cells it is computed from."""
        from jaarcijfers.facts.catalogue import FormKind
        from jaarcijfers.facts.values import written_interval

        assert self.ed.year is not None
        key = fact_key(fid)
        what = form.num.text(self.ed.year) + (
            f" / {form.den.text(self.ed.year)}" if form.den is not None else ""
        )
        name = f"Feit {fid}: {text} = {what}"
        if form.kind == FormKind.COUNT:
            if self.ed.kinds.get(key) in COUNTS:
                self.emit(name, [key], "==", num, IdentityKind.FACT)
            return
        if form.kind == FormKind.DIFFERENCE:
            if _SIGNED.match(text):
                terms = merge_terms([(1, v) for v in num] + [(-1, v) for v in den])
                if terms and name not in self.names:
                    self.names.add(name)
                    self.out.append(Identity(name, terms, "==", int(text), IdentityKind.FACT, key))
            return
        interval = written_interval(form.written, text)
        if interval is None:
            return  # withheld, or written otherwise
        if form.kind == FormKind.CHANGE:  # (new - old) / old in the interval: new / old in 1 + interval
            interval = interval.shifted(Fraction(1))
        if name in self.names:
            return
        self.names.add(name)
        self.out.extend(ratio_identities(name, num, den, interval, IdentityKind.FACT, key))


_SIGNED = re.compile(r"^[+-]?\d+$")


def ratio_identities(
    name: str,
    num: Sequence[CellKey],
    den: Sequence[CellKey],
    interval: Interval,
    kind: IdentityKind,
    guard: CellKey | None,
) -> list[Identity]:
    """num / den in `interval` (a rounded share, change or factor: `facts.values.written_interval`), as
    linear constraints on the counts: for a bound a/b, `b num - a den >= 0` (open: `>= 1`, counts are whole
    numbers), and the denominator is at least 1. Rounding of the published value is the interval."""
    out = []
    bounds: tuple[tuple[str, Fraction | None, bool, Op], ...] = (
        ("ondergrens", interval.lo, interval.lo_open, ">="),
        ("bovengrens", interval.hi, interval.hi_open, "<="),
    )
    for label, bound, is_open, op in bounds:
        if bound is None:
            continue
        terms = merge_terms([(bound.denominator, v) for v in num] + [(-bound.numerator, v) for v in den])
        rhs = (1 if op == ">=" else -1) if is_open else 0
        if terms:
            out.append(Identity(f"{name} ({label})", terms, op, rhs, kind, guard))
    den_terms = merge_terms([(1, v) for v in den])
    if den_terms:
        out.append(Identity(f"{name} (noemer)", den_terms, ">=", 1, kind, guard))
    return out


def derive(published: Mapping[CellKey, str], year: int | None) -> list[Identity]:
    """Every identity of an edition (unordered): totals, links, percentages, fact relations."""
    return _derived(published, year).out


def link_pairs(published: Mapping[CellKey, str], year: int | None) -> dict[tuple[str, int], int]:
    """(figure id, index of its link) -> how many slice pairs of the link give an identity in an edition
    (a link that gives none on a complete edition is a declaration that says nothing)."""
    return _derived(published, year).resolved


def _derived(published: Mapping[CellKey, str], year: int | None) -> _Deriver:
    d = _Deriver(_Edition(published, year))
    d.totals()
    d.links()
    d.percentages(published)
    d.ranks(published)
    d.facts(published)
    return d


# ------------------------------------------------------------------------------- an edition's identities
def build_structure(
    published: Mapping[CellKey, str], *, year: int | None = None, failed: Iterable[str] = ()
) -> Structure:
    """All identities of an edition, from its published cells (key -> published string) and the catalogue.

    `year`: the reporting year (default: the last year column); `failed`: names of data-dependent
    identities known not to hold on the true values (the build's record, `data_dependent_check`): each is
    replaced by its negation, which the record tells an outsider (`sum >= 0` false: `sum <= -1`).
    Raises `CatalogueError` for an edition that does not fit the catalogue.
    """
    drop = set(failed)
    identities = [
        negation(i) if i.kind == IdentityKind.DATA and i.name in drop else i for i in derive(published, year)
    ]
    # deterministic order, independent of the order of the input cells
    identities.sort(key=lambda i: (i.name, i.terms, i.op, i.rhs))
    return Structure(identities)


NEGATION = "niet: "


def negation(identity: Identity) -> Identity:
    """The integer negation of an inequality: `a >= b` false means `a <= b - 1`."""
    if identity.op == "==":
        raise ValueError(f"een gelijkheid heeft geen lineaire ontkenning: {identity.name}")
    if identity.op == ">=":
        return Identity(NEGATION + identity.name, identity.terms, "<=", identity.rhs - 1, identity.kind)
    return Identity(NEGATION + identity.name, identity.terms, ">=", identity.rhs + 1, identity.kind)


def _holds(identity: Identity, values: Mapping[CellKey, int]) -> bool:
    lhs = sum(c * values[v] for c, v in identity.terms)
    return {"==": lhs == identity.rhs, "<=": lhs <= identity.rhs, ">=": lhs >= identity.rhs}[identity.op]


def data_dependent_check(cells: Sequence[RawCell], year: int | None = None) -> dict[str, list[str]]:
    """Which data-dependent identities hold on the true values of an edition's cells:
    {'gelden': [...], 'gelden_niet': [...]} (names)."""
    shown = {c.key: plain_text(c) for c in cells}
    values = {c.key: c.value for c in cells if c.kind == CellKind.COUNT and isinstance(c.value, int)}
    structure = build_structure(shown, year=year)
    held: list[str] = []
    failed: list[str] = []
    for i in structure.identities:
        if i.kind == IdentityKind.DATA:
            (held if _holds(i, values) else failed).append(i.name)
    return {"gelden": held, "gelden_niet": failed}
