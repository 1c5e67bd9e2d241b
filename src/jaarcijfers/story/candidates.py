"""Candidate findings, generated from every series and breakdown of an edition (docs/narrative.md).

Nothing here names a subject: every candidate comes from the figure catalogue's declarations (roles of
labels, coverage of axes, links between blocks) applied to the published values of the edition:

- the change of every count (or mean) series of a year block, with its percentage, difference, factor
  word, record within the window, run of rises or falls, and "still below the level of";
- the change of every cell of a reporting-year crossing against the same cell a year earlier (a fact of
  `facts/story.py`), and the crossing cell that carries most of a series' change (a driver, "vooral");
- concentrations: most of a row's units in one column of a crossing, far more than that column's share;
- shares of a partition and their shift against the year before (with a record over the window), and
  the contrast of a row's share between the columns of a five-year block;
- the largest category of a block; Tabel 1's first nationalities, the nationalities new in it and those
  that left it; the most frequent nationalities of a group (families of the facts catalogue);
- context facts of the catalogue (`story.context`) and figures without data.

Every candidate carries its score (`story.scoring`), whether it can lead, and its claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from fractions import Fraction

from jaarcijfers.edition.model import Edition, PublishedBlock, PublishedFigure
from jaarcijfers.figures.spec import REPORTING_YEAR, Along, BlockKind, Coverage, Match, Period, Role
from jaarcijfers.story import scoring, words
from jaarcijfers.story.context import CONTEXTS, NATIONALITIES, fill
from jaarcijfers.story.model import Change, Claim, ClaimKind, Finding, FindingKind, Ref, Series
from jaarcijfers.story.published import Values, upper_bound

STRUCTURE_WEIGHT = 0.4
"""How things stand counts for less than what changed: concentrations, contrasts and largest categories."""
MIN_STREAK_STEPS = 2
MIN_CONCENTRATION_SHARE = Fraction(2, 5)
MIN_DRIVER_DELTA = 5
_UNKNOWN = re.compile(r"onbekend", re.IGNORECASE)
_PCT = re.compile(r"[+-]?\d+%")
_SIGNED = re.compile(r"-?\d+")


def unknownish(label: str) -> bool:
    return bool(_UNKNOWN.search(label))


def revised_refs(edition: Edition) -> frozenset[Ref]:
    """The published cells of the edition that differ from what the previous recorded edition published
    (`Edition.revisions`, from the edition register; none for an edition built without one)."""
    if edition.revisions is None:
        return frozenset()
    return frozenset(Ref(r.figure, r.part, r.row, r.column) for r in edition.revisions.revisions)


def candidates(edition: Edition) -> list[Finding]:
    """Every candidate finding of the edition, best first (ties by id). A finding that rests on a revised
    value (`revised_refs`) is tagged `herzien`: its text says so."""
    gen = _Generator(edition, Values.of_edition(edition))
    found = gen.run()
    revised = revised_refs(edition)
    if revised:
        found = [
            replace(f, tags=f.tags + ("herzien",))
            if any(r in revised for c in f.claims for r in c.refs)
            else f
            for f in found
        ]
    return sorted(found, key=lambda f: (-f.score, f.id))


# --- claims of a change --------------------------------------------------------------------------------
def change_claims(ch: Change, values: Values) -> tuple[Claim, ...]:
    years = (ch.year, ch.prior)
    out = [
        Claim(ClaimKind.VALUE, (ch.new,), values.text(ch.new) or "", years),
        Claim(ClaimKind.VALUE, (ch.old,), values.text(ch.old) or "", years),
        Claim(ClaimKind.DIRECTION, (ch.new, ch.old), ch.direction, years),
        Claim(ClaimKind.DIFFERENCE, (ch.new, ch.old), str(abs(ch.new_n - ch.old_n)), years),
        Claim(ClaimKind.MAGNITUDE, (ch.new, ch.old), ch.magnitude, years),
    ]
    if ch.pct is not None:
        out.append(Claim(ClaimKind.VALUE, (ch.pct,), values.text(ch.pct) or "", years))
        out.append(Claim(ClaimKind.PERCENT, (ch.pct, ch.new, ch.old), "", years))
    if ch.diff is not None:
        out.append(Claim(ClaimKind.VALUE, (ch.diff,), values.text(ch.diff) or "", years))
    if ch.factor is not None:
        out.append(Claim(ClaimKind.FACTOR, (ch.new, ch.old), ch.factor, years))
    if ch.extreme is not None:
        out.append(Claim(ClaimKind.EXTREME, ch.window, ch.extreme, ch.window_years))
    if ch.streak_from is not None:
        out.append(
            Claim(ClaimKind.STREAK, ch.streak, ch.direction, tuple(range(ch.streak_from, ch.year + 1)))
        )
    if ch.below is not None and ch.below_year is not None:
        out.append(Claim(ClaimKind.BELOW, (ch.new, ch.below), "", (ch.year, ch.below_year)))
    return tuple(out)


class _Generator:
    def __init__(self, edition: Edition, values: Values) -> None:
        from jaarcijfers.figures.catalogue import by_id

        self.e = edition
        self.v = values
        self.Y, self.P = edition.year, edition.year - 1
        self.catalogue = by_id()
        self.changes: dict[str, Finding] = {}

    # ------------------------------------------------------------------------------------------------
    def run(self) -> list[Finding]:
        out: list[Finding] = []
        out += self.year_changes()
        out += self.crossings()
        out += self.drivers(out)
        out += self.concentrations()
        out += self.shares()
        out += self.contrasts()
        out += self.largest()
        out += self.top_ten()
        out += self.contexts()
        out += self.nationalities()
        out += self.no_data()
        return out

    # --- helpers ---------------------------------------------------------------------------------------
    def spec(self, fig: PublishedFigure):
        return self.catalogue.get(fig.id)

    def level(self, fig: PublishedFigure, part: str, row: str) -> int:
        """0 a total, 1 a breakdown of all units of a figure, 2 of a subset (or a crossing)."""
        spec = self.spec(fig)
        sb = spec.block(part) if spec else None
        if sb is None:
            return 1
        entry = sb.rows.get(row)
        if (entry is not None and entry.role == Role.TOTAL) or len(sb.rows.entries) == 1:
            return 0
        if sb.period != Period.YEARS or sb.where:
            return 2
        if any(link.other.over_codes for link in spec.links):
            return 2
        return 1

    def num(self, ref: Ref) -> Fraction:
        """A published plain number, 0 for anything else (only used on refs checked to be plain)."""
        return self.v.number(ref) or Fraction(0)

    def total(self, refs: Sequence[Ref]) -> Fraction:
        return sum((self.num(r) for r in refs), Fraction(0))

    def fact_ref(self, fact_id: str, pattern: re.Pattern[str] | None = None) -> Ref | None:
        value = self.v.fact(fact_id)
        if value is None or (pattern is not None and not pattern.fullmatch(value)):
            return None
        return Ref.of_fact(fact_id)

    def make_change(
        self, series: Series, new: Ref, old: Ref, *, mean: bool = False, rounded: bool = False
    ) -> Change | None:
        a, b = self.v.number(new), self.v.number(old)
        if a is None or b is None:
            return None
        return Change(
            series=series,
            year=self.Y,
            prior=self.P,
            new=new,
            old=old,
            new_n=a,
            old_n=b,
            mean=mean,
            rounded=rounded,
            factor=None if mean or rounded else words.factor_key(a, b),
            magnitude=words.magnitude_key(a, b),
        )

    def _finding(self, kind: FindingKind, fid: str, fig: PublishedFigure, ch: Change, level: int) -> Finding:
        record = ch.extreme is not None
        streak = ch.streak_from is not None and self.Y - ch.streak_from >= MIN_STREAK_STEPS
        if ch.mean:
            # a mean of ages: scored as a small change (no count behind it in the text)
            score, p, can, why = 0.6 * abs(float(ch.new_n - ch.old_n)), None, False, "gemiddelde"
        else:
            score, p, can, why = scoring.change_score(ch.new_n, ch.old_n, level, ch.rounded, record, streak)
        small = not ch.mean and max(ch.new_n, ch.old_n) < scoring.MIN_TOP
        return Finding(
            id=fid,
            kind=kind,
            section=fig.section,
            figure=fig.id,
            score=score,
            can_lead=can and ch.direction != "same",
            level=level,
            claims=change_claims(ch, self.v),
            change=ch,
            p_value=p,
            why=why,
            tags=("klein",) if small else (),
        )

    # --- year series -----------------------------------------------------------------------------------
    def series_change(self, fig: PublishedFigure, b: PublishedBlock, row: str) -> Change | None:
        from jaarcijfers.facts.catalogue import Change as Declared
        from jaarcijfers.facts.catalogue import series_facts
        from jaarcijfers.facts.compute import series_fact_stem

        spec = self.spec(fig)
        sb = spec.block(b.part) if spec else None
        mean = sb is not None and row in {m.label for m in sb.means}
        y, p = str(self.Y), str(self.P)
        series = Series(fig.id, b.part, row)
        ch = self.make_change(
            series,
            Ref.cell(fig.id, b.part, row, y),
            Ref.cell(fig.id, b.part, row, p),
            mean=mean,
            rounded=fig.rounded,
        )
        if ch is None:
            return None
        stem = series_fact_stem(fig.id, b.part, row)
        named = series_facts()

        def declared(kind: Declared, pattern: re.Pattern[str]) -> Ref | None:
            template = named.get((kind, fig.id, b.part, row))
            return None if template is None else self.fact_ref(fill(template, self.Y), pattern)

        pct = self.fact_ref(f"{stem}_pct_{self.Y}", _PCT) or declared(Declared.PERCENT, _PCT)
        diff = self.fact_ref(f"{stem}_verschil_{self.Y}", _SIGNED) or declared(Declared.DIFFERENCE, _SIGNED)
        if diff is not None and abs(int(self.v.fact(diff.fact) or 0)) != abs(ch.new_n - ch.old_n):
            diff = None
        years = [c for c in b.columns if c.isdigit()]
        window = [Ref.cell(fig.id, b.part, row, c) for c in years]
        nums = [self.v.number(r) for r in window]
        extreme = None
        if len(years) >= 3 and all(n is not None for n in nums) and not mean:
            others = [n for c, n in zip(years, nums, strict=True) if c != y]
            if all(ch.new_n > o for o in others):  # type: ignore[operator]
                extreme = "max"
            elif all(ch.new_n < o for o in others):  # type: ignore[operator]
                extreme = "min"
        ordered = [window[years.index(y)]] + [r for c, r in zip(years, window, strict=True) if c != y]
        streak_from, streak = self._streak(years, nums, window, ch)
        below_year, below = None, None
        if ch.direction == "up" and not mean:
            earlier = [
                (int(c), r)
                for c, r, n in zip(years, window, nums, strict=True)
                if int(c) < self.Y and n is not None and n > ch.new_n
            ]
            if earlier:
                below_year, below = max(earlier)
        return replace(
            ch,
            pct=pct,
            diff=diff,
            extreme=extreme,
            window=tuple(ordered) if extreme else (),
            window_years=tuple(int(c) for c in [y] + [c for c in years if c != y]) if extreme else (),
            streak_from=streak_from,
            streak=streak,
            below_year=below_year,
            below=below,
        )

    def _streak(self, years: list[str], nums: list[Fraction | None], window: list[Ref], ch: Change):
        if ch.direction == "same" or str(self.Y) not in years:
            return None, ()
        i = years.index(str(self.Y))
        start = i
        while start > 0:
            a, b = nums[start - 1], nums[start]
            if a is None or b is None or int(years[start]) - int(years[start - 1]) != 1:
                break
            if not (b > a if ch.direction == "up" else b < a):
                break
            start -= 1
        if i - start < MIN_STREAK_STEPS:
            return None, ()
        return int(years[start]), tuple(window[start : i + 1])

    def year_changes(self) -> list[Finding]:
        out = []
        for fig in self.e.figures:
            spec = self.spec(fig)
            if spec is None:
                continue
            for b in fig.blocks:
                if b.period != "years" or str(self.Y) not in b.columns or str(self.P) not in b.columns:
                    continue
                sb = spec.block(b.part)
                if sb is None:
                    continue
                means = {m.label for m in sb.means}
                for row in b.rows:
                    entry = sb.rows.get(row)
                    if row not in means and (entry is None or entry.role not in (Role.PART, Role.TOTAL)):
                        continue
                    if unknownish(row) or (entry is not None and entry.within):
                        continue
                    ch = self.series_change(fig, b, row)
                    if ch is None:
                        continue
                    f = self._finding(
                        FindingKind.CHANGE,
                        f"change:{fig.id}:{b.part}:{row}",
                        fig,
                        ch,
                        self.level(fig, b.part, row),
                    )
                    self.changes[ch.series.key] = f
                    out.append(f)
        return out

    # --- crossings -------------------------------------------------------------------------------------
    def crossing_blocks(self) -> Iterable[tuple[PublishedFigure, PublishedBlock]]:
        for fig in self.e.figures:
            spec = self.spec(fig)
            if spec is None:
                continue
            for sb in spec.blocks:
                if sb.period == Period.YEAR and sb.kind == BlockKind.COUNT:
                    try:
                        yield fig, fig.block(sb.part)
                    except KeyError:
                        continue

    def crossing_change(self, fig: PublishedFigure, b: PublishedBlock, row: str, col: str) -> Change | None:
        from jaarcijfers.facts.story import crossing_stem

        stem = crossing_stem(fig.id, b.part, row, col)
        old = self.fact_ref(f"{stem}_{self.P}")
        if old is None:
            return None
        ch = self.make_change(Series(fig.id, b.part, row, col), Ref.cell(fig.id, b.part, row, col), old)
        if ch is None:
            return None
        return replace(ch, pct=self.fact_ref(f"{stem}_pct_{self.Y}", _PCT))

    def parent(self, fig: PublishedFigure, part: str, along: Along, label: str) -> tuple[Ref, Ref] | None:
        """The reporting-year total of a row (or column) of a crossing block and its value a year earlier,
        through the catalogue's links (a row of the figure's year block, a row of another figure)."""
        from jaarcijfers.facts.story import crossing_stem

        spec = self.spec(fig)
        sb = spec.block(part) if spec else None
        if sb is None:
            return None
        axis = sb.rows if along == Along.ROWS else sb.columns
        entry = axis.get(label)
        if entry is None or not entry.codes:
            return None
        for link in spec.links:
            this, other = link.this, link.other
            if (this.figure or spec.id) != spec.id or this.part != part or this.along != along:
                continue
            if link.match != Match.CODES or not other.at or other.along != Along.ROWS:
                continue
            ofig = self.catalogue.get(other.figure or spec.id)
            ob = ofig.block(other.part) if ofig else None
            if ofig is None or ob is None:
                continue
            match = [e.text for e in ob.rows.entries if set(e.codes) == set(entry.codes)]
            if len(match) != 1:
                continue
            if other.at == REPORTING_YEAR:
                return (
                    Ref.cell(ofig.id, ob.part, match[0], str(self.Y)),
                    Ref.cell(ofig.id, ob.part, match[0], str(self.P)),
                )
            return (
                Ref.cell(ofig.id, ob.part, match[0], other.at),
                Ref.of_fact(f"{crossing_stem(ofig.id, ob.part, match[0], other.at)}_{self.P}"),
            )
        return None

    def crossings(self) -> list[Finding]:
        out = []
        for fig, b in self.crossing_blocks():
            spec = self.spec(fig)
            sb = spec.block(b.part)
            for row in b.rows:
                re_ = sb.rows.get(row)
                if re_ is None or re_.role != Role.PART or unknownish(row):
                    continue
                row_parent = self.parent(fig, b.part, Along.ROWS, row)
                for col in b.columns:
                    ce = sb.columns.get(col)
                    if ce is None or ce.role != Role.PART or unknownish(col):
                        continue
                    ch = self.crossing_change(fig, b, row, col)
                    if ch is None:
                        continue
                    col_parent = self.parent(fig, b.part, Along.COLUMNS, col)
                    if any(
                        p is not None and (self.v.number(p[0]), self.v.number(p[1])) == (ch.new_n, ch.old_n)
                        for p in (row_parent, col_parent)
                    ):
                        continue  # the cell is its whole row (or column): told by that series
                    out.append(
                        self._finding(
                            FindingKind.CROSSING, f"crossing:{fig.id}:{b.part}:{row}:{col}", fig, ch, 2
                        )
                    )
        return out

    def subset_parent(self, fig: PublishedFigure) -> tuple[Ref, Ref] | None:
        """The series a subset figure breaks down (Figuur 5's sectors: Figuur 2's labour exploitation),
        through its link `over_codes`, when one row of the other figure has exactly those codes."""
        spec = self.spec(fig)
        for link in spec.links if spec else ():
            if not link.other.over_codes or link.match != Match.YEARS:
                continue
            ofig = self.catalogue.get(link.other.figure or spec.id)
            ob = ofig.block(link.other.part) if ofig else None
            if ofig is None or ob is None:
                continue
            match = [e.text for e in ob.rows.entries if set(e.codes) == set(link.other.over_codes)]
            if len(match) == 1:
                return (
                    Ref.cell(ofig.id, ob.part, match[0], str(self.Y)),
                    Ref.cell(ofig.id, ob.part, match[0], str(self.P)),
                )
        return None

    def drivers(self, found: list[Finding]) -> list[Finding]:
        """A series' change carried mostly by one cell of a crossing, or by one row of a figure that breaks
        the series down: 'vooral' (CONTRIBUTION claim)."""
        out = self._crossing_drivers(found)
        by_id = {f.id: f for f in found}
        for fig in self.e.figures:
            parent = self.subset_parent(fig)
            if parent is None:
                continue
            for b in fig.blocks:
                cells = []
                for row in b.rows:
                    f = by_id.get(f"change:{fig.id}:{b.part}:{row}")
                    if f is not None and f.change is not None:
                        cells.append((f, f.change))
                d = self._driver(fig, b, parent, cells, "rows", "subset")
                if d is not None:
                    out.append(d)
        return out

    def _driver(self, fig, b, parent, cells, along: str, label: str) -> Finding | None:
        pnew, pold = (self.v.number(r) for r in parent)
        if pnew is None or pold is None or pnew == pold or not cells:
            return None
        up = pnew > pold
        best_f, best = max(
            cells, key=lambda t: ((t[1].new_n - t[1].old_n) * (1 if up else -1), t[0].id if t[0] else "")
        )
        delta = best.new_n - best.old_n
        if (delta > 0) != up or abs(delta) < MIN_DRIVER_DELTA or abs(delta) * 2 < abs(pnew - pold):
            return None
        siblings = [c for _, c in cells if c is not best]
        if any(((s.new_n - s.old_n) > 0) == up and abs(s.new_n - s.old_n) >= abs(delta) for s in siblings):
            return None
        if best_f is None:
            return None
        parent_key = Series(parent[0].figure, parent[0].part, parent[0].row).key
        parent_f = self.changes.get(parent_key) if parent[0].column == str(self.Y) else None
        pch = parent_f.change if parent_f is not None else None
        if pch is None:
            pch = self.make_change(
                Series(parent[0].figure, parent[0].part, parent[0].row, parent[0].column),
                parent[0],
                parent[1],
            )
        if pch is None:
            return None
        refs: list[Ref] = [best.new, best.old, parent[0], parent[1]]
        for sib in siblings:
            refs += [sib.new, sib.old]
        claims = (
            change_claims(pch, self.v)
            + best_f.claims
            + (Claim(ClaimKind.CONTRIBUTION, tuple(refs), "", (self.Y, self.P)),)
        )
        parent_beyond = (
            parent_f is not None and parent_f.p_value is not None and parent_f.p_value < scoring.ALPHA
        )
        own = parent[0].figure == fig.id
        covers = (best_f.id,) + ((parent_f.id,) if parent_f is not None and own else ())
        # a driver tells its cell's change and what it explains: it counts at least as much as the cell,
        # and as much as the series it explains when that series changed beyond noise
        score = best_f.score
        if parent_beyond and parent_f is not None:
            score = max(parent_f.score, score) * scoring.DRIVER_BONUS
        if own:
            score *= scoring.OWN_PARENT_BONUS
        return Finding(
            id=f"driver:{fig.id}:{b.part}:{along}:{label}",
            kind=FindingKind.DRIVER,
            section=fig.section,
            figure=fig.id,
            score=score,
            can_lead=best_f.can_lead,
            level=2,
            claims=claims,
            change=pch,
            detail=best,
            labels=(along, label),
            p_value=best_f.p_value,
            why=f"draagt {abs(delta)} van de verandering {pnew - pold}"
            + ("" if parent_beyond else " (die binnen de ruis valt)")
            + "; "
            + best_f.why,
            covers=covers,
            tags=(("verklaart",) if parent_beyond else ()) + (("eigen",) if own else ()),
            main_score=parent_f.score * scoring.DRIVER_BONUS
            if parent_beyond and parent_f is not None
            else 0.0,
        )

    def _crossing_drivers(self, found: list[Finding]) -> list[Finding]:
        crossings = {f.id: f for f in found if f.kind == FindingKind.CROSSING}
        out = []
        for fig, b in self.crossing_blocks():
            for along in (Along.ROWS, Along.COLUMNS):
                labels = b.rows if along == Along.ROWS else b.columns
                others = b.columns if along == Along.ROWS else b.rows
                for label in labels:
                    if unknownish(label):
                        continue
                    parent = self.parent(fig, b.part, along, label)
                    if parent is None:
                        continue
                    pnew, pold = (self.v.number(r) for r in parent)
                    if pnew is None or pold is None or pnew == pold:
                        continue
                    cells = []
                    for other in others:
                        row, col = (label, other) if along == Along.ROWS else (other, label)
                        f = crossings.get(f"crossing:{fig.id}:{b.part}:{row}:{col}")
                        ch = f.change if f is not None else self.crossing_change(fig, b, row, col)
                        if ch is not None and not unknownish(other):
                            cells.append((f, ch))
                    d = self._driver(fig, b, parent, cells, str(along), label)
                    if d is not None:
                        out.append(d)
        return out

    # --- concentrations --------------------------------------------------------------------------------
    def concentrations(self) -> list[Finding]:
        out: list[Finding] = []
        for fig, b in self.crossing_blocks():
            rows = [r for r in b.rows if not unknownish(r)]
            cols = [c for c in b.columns if not unknownish(c)]
            row_tot = {r: self.parent(fig, b.part, Along.ROWS, r) for r in rows}
            col_tot = {c: self.parent(fig, b.part, Along.COLUMNS, c) for c in cols}
            rn = {r: self.num(p[0]) for r, p in row_tot.items() if p is not None and self.num(p[0])}
            cn = {c: self.num(p[0]) for c, p in col_tot.items() if p is not None and self.num(p[0])}
            rn_all, cn_all = sum(rn.values(), Fraction(0)), sum(cn.values(), Fraction(0))
            best: dict[tuple[str, str], Finding] = {}
            for r in rows:
                for c in cols:
                    ref = Ref.cell(fig.id, b.part, r, c)
                    n = self.v.number(ref)
                    if n is None or n < scoring.MIN_TOP:
                        continue
                    views: list[tuple[str, tuple[Ref, Ref], Fraction, Fraction, list[Ref]]] = []
                    rt, ct = row_tot.get(r), col_tot.get(c)
                    if r in rn and c in cn and len(cn) > 1 and rt is not None:
                        views.append(
                            (
                                "row",
                                rt,
                                rn[r],
                                cn[c] / cn_all,
                                [Ref.cell(fig.id, b.part, r, o) for o in b.columns if o != c],
                            )
                        )
                    if c in cn and r in rn and len(rn) > 1 and ct is not None:
                        views.append(
                            (
                                "column",
                                ct,
                                cn[c],
                                rn[r] / rn_all,
                                [Ref.cell(fig.id, b.part, o, c) for o in b.rows if o != r],
                            )
                        )
                    for view, tot, whole, expected, siblings in views:
                        share = n / whole
                        if share < MIN_CONCENTRATION_SHARE or share > 1:
                            continue
                        score, p, can, why = scoring.concentration_score(int(n), int(whole), float(expected))
                        score *= STRUCTURE_WEIGHT
                        key = words.share_key(share)
                        claims = [
                            Claim(ClaimKind.VALUE, (ref,), self.v.text(ref) or "", (self.Y,)),
                            Claim(ClaimKind.VALUE, (tot[0],), self.v.text(tot[0]) or "", (self.Y,)),
                            Claim(ClaimKind.RANK, (ref, *siblings), "max", (self.Y,)),
                        ]
                        if key:
                            claims.append(Claim(ClaimKind.SHARE, (ref, tot[0]), key, (self.Y,)))
                        f = Finding(
                            id=f"concentration:{fig.id}:{b.part}:{r}:{c}",
                            kind=FindingKind.CONCENTRATION,
                            section=fig.section,
                            figure=fig.id,
                            score=score,
                            can_lead=False,
                            level=2,
                            claims=tuple(claims),
                            refs=(ref, tot[0]),
                            labels=(r, c, view),
                            word=key or "",
                            p_value=p,
                            why=why,
                        )
                        if self._rank_holds(claims[2]) and ((r, c) not in best or best[(r, c)].score < score):
                            best[(r, c)] = f
            out += best.values()
        return out

    def _rank_holds(self, claim: Claim) -> bool:
        from jaarcijfers.story.claims import evaluate

        return evaluate(claim, self.v) is None

    # --- shares ----------------------------------------------------------------------------------------
    def _partition(self, fig: PublishedFigure, b: PublishedBlock) -> list[str] | None:
        spec = self.spec(fig)
        sb = spec.block(b.part) if spec else None
        if sb is None or sb.kind != BlockKind.COUNT or sb.rows.coverage != Coverage.PARTITION:
            return None
        rows = [e.text for e in sb.rows.entries if e.role in (Role.PART, Role.UNKNOWN) and e.text in b.rows]
        return rows if len(rows) >= 2 else None

    def _column(self, fig: PublishedFigure, b: PublishedBlock, rows: list[str], col: str) -> list[Ref] | None:
        refs = [Ref.cell(fig.id, b.part, r, col) for r in rows]
        return refs if all(self.v.number(r) is not None for r in refs) else None

    def shares(self) -> list[Finding]:
        from jaarcijfers.facts.story import share_stem

        out = []
        y, p = str(self.Y), str(self.P)
        for fig in self.e.figures:
            for b in fig.blocks:
                if b.period != "years" or y not in b.columns or p not in b.columns:
                    continue
                rows = self._partition(fig, b)
                if rows is None:
                    continue
                now, before = self._column(fig, b, rows, y), self._column(fig, b, rows, p)
                if now is None or before is None:
                    continue
                years = [c for c in b.columns if c.isdigit()]
                columns = {c: col for c in years if (col := self._column(fig, b, rows, c)) is not None}
                for i, row in enumerate(rows):
                    if unknownish(row):
                        continue
                    sy = self.fact_ref(f"{share_stem(fig.id, b.part, row)}_{self.Y}", _PCT)
                    sp = self.fact_ref(f"{share_stem(fig.id, b.part, row)}_{self.P}", _PCT)
                    if sy is None or sp is None:
                        continue
                    x1, n1 = int(self.num(now[i])), int(self.total(now))
                    x2, n2 = int(self.num(before[i])), int(self.total(before))
                    if not n1 or not n2:
                        continue
                    record = None
                    if (
                        len(years) >= 3
                        and len(columns) == len(years)
                        and all(self.total(c) for c in columns.values())
                    ):
                        shares = {c: self.num(col[i]) / self.total(col) for c, col in columns.items()}
                        others = [v for c, v in shares.items() if c != y]
                        if all(shares[y] > v for v in others):
                            record = "max"
                        elif all(shares[y] < v for v in others):
                            record = "min"
                    score, pv, can, why = scoring.share_score(
                        x1, n1, x2, n2, self.level(fig, b.part, row), scoring.RECORD_BONUS if record else 1.0
                    )
                    direction = (
                        "gt"
                        if Fraction(x1, n1) > Fraction(x2, n2)
                        else "lt"
                        if Fraction(x1, n1) < Fraction(x2, n2)
                        else "eq"
                    )
                    claims = [
                        Claim(ClaimKind.VALUE, (sy,), self.v.text(sy) or "", (self.Y,)),
                        Claim(ClaimKind.VALUE, (sp,), self.v.text(sp) or "", (self.P,)),
                    ]
                    if direction != "eq":
                        claims.append(
                            Claim(
                                ClaimKind.SHARE_EXTREME,
                                (now[i], *now, before[i], *before),
                                "max" if direction == "gt" else "min",
                                (self.Y, self.P),
                                (1 + len(now), 1 + len(before)),
                            )
                        )
                    if record:
                        flat: list[Ref] = []
                        order = [y] + [c for c in years if c != y]
                        for c in order:
                            flat += [columns[c][i], *columns[c]]
                        claims.append(
                            Claim(
                                ClaimKind.SHARE_EXTREME,
                                tuple(flat),
                                record,
                                tuple(int(c) for c in order),
                                tuple(1 + len(rows) for _ in order),
                            )
                        )
                    out.append(
                        Finding(
                            id=f"share:{fig.id}:{b.part}:{row}",
                            kind=FindingKind.SHARE,
                            section=fig.section,
                            figure=fig.id,
                            score=score,
                            can_lead=can and direction != "eq",
                            level=self.level(fig, b.part, row),
                            claims=tuple(claims),
                            refs=(sy, sp),
                            labels=(b.part, row),
                            word=direction + (":" + record if record else ""),
                            p_value=pv,
                            why=why + (f", record ({record})" if record else ""),
                        )
                    )
        return out

    def contrasts(self) -> list[Finding]:
        """A row's share (or mean) is highest in one column of a five-year block and lowest in another."""
        from jaarcijfers.facts.story import share_stem

        out = []
        for fig in self.e.figures:
            spec = self.spec(fig)
            for b in fig.blocks:
                if b.period != "total" or spec is None:
                    continue
                sb = spec.block(b.part)
                rows = self._partition(fig, b)
                cols = [c for c in b.columns if not unknownish(c)]
                if rows is None or len(cols) < 2:
                    continue
                colrefs = {c: col for c in cols if (col := self._column(fig, b, rows, c)) is not None}
                usable = [c for c in cols if c in colrefs and self.total(colrefs[c]) >= scoring.MIN_TOP]
                span = f"{self.Y - 4}_{self.Y}"
                for i, row in enumerate(rows):
                    if unknownish(row):
                        continue
                    facts: dict[str, Ref] = {}
                    for c in usable:
                        ref = self.fact_ref(f"{share_stem(fig.id, b.part, row, c)}_{span}", _PCT)
                        if ref is not None:
                            facts[c] = ref
                    ok = [c for c in usable if c in facts]
                    if len(ok) < 2:
                        continue
                    share = {c: self.num(colrefs[c][i]) / self.total(colrefs[c]) for c in ok}
                    hi = max(ok, key=lambda c: (share[c], c))
                    lo = min(ok, key=lambda c: (share[c], c))
                    if (
                        share[hi] == share[lo]
                        or sum(1 for c in ok if share[c] == share[hi]) > 1
                        or sum(1 for c in ok if share[c] == share[lo]) > 1
                    ):
                        continue
                    claims = [
                        Claim(ClaimKind.VALUE, (facts[hi],), self.v.text(facts[hi]) or "", ()),
                        Claim(ClaimKind.VALUE, (facts[lo],), self.v.text(facts[lo]) or "", ()),
                    ]
                    for key, first in (("max", hi), ("min", lo)):
                        flat: list[Ref] = [colrefs[first][i], *colrefs[first]]
                        for c in ok:
                            if c != first:
                                flat += [colrefs[c][i], *colrefs[c]]
                        claims.append(
                            Claim(
                                ClaimKind.SHARE_EXTREME,
                                tuple(flat),
                                key,
                                (),
                                tuple(1 + len(rows) for _ in ok),
                            )
                        )
                    x1, n1 = int(self.num(colrefs[hi][i])), int(self.total(colrefs[hi]))
                    x2, n2 = int(self.num(colrefs[lo][i])), int(self.total(colrefs[lo]))
                    score, pv, can, why = scoring.share_score(x1, n1, x2, n2, 2)
                    out.append(
                        Finding(
                            id=f"contrast:{fig.id}:{b.part}:{row}",
                            kind=FindingKind.CONTRAST,
                            section=fig.section,
                            figure=fig.id,
                            score=score * STRUCTURE_WEIGHT,
                            can_lead=False,
                            level=2,
                            claims=tuple(claims),
                            refs=(facts[hi], facts[lo]),
                            labels=(row, hi, lo),
                            word="share",
                            p_value=pv,
                            why=why,
                        )
                    )
                for mean in sb.means if sb is not None else ():
                    refs = {c: Ref.cell(fig.id, b.part, mean.label, c) for c in cols}
                    nums = {c: self.v.number(r) for c, r in refs.items()}
                    ok = [c for c in cols if nums[c] is not None]
                    if len(ok) < 2:
                        continue
                    hi = max(ok, key=lambda c: (nums[c], c))
                    lo = min(ok, key=lambda c: (nums[c], c))
                    claims = [
                        Claim(ClaimKind.VALUE, (refs[hi],), self.v.text(refs[hi]) or "", ()),
                        Claim(ClaimKind.VALUE, (refs[lo],), self.v.text(refs[lo]) or "", ()),
                        Claim(ClaimKind.RANK, (refs[hi], *(refs[c] for c in cols if c != hi)), "max", ()),
                        Claim(ClaimKind.RANK, (refs[lo], *(refs[c] for c in cols if c != lo)), "min", ()),
                    ]
                    if not all(self._rank_holds(c) for c in claims[2:]):
                        continue
                    out.append(
                        Finding(
                            id=f"contrast:{fig.id}:{b.part}:{mean.label}",
                            kind=FindingKind.CONTRAST,
                            section=fig.section,
                            figure=fig.id,
                            score=0.5 * float((nums[hi] or 0) - (nums[lo] or 0)) * STRUCTURE_WEIGHT,
                            can_lead=False,
                            level=2,
                            claims=tuple(claims),
                            refs=(refs[hi], refs[lo]),
                            labels=(mean.label, hi, lo),
                            word="mean",
                            why="gemiddelde per vorm",
                        )
                    )
        return out

    # --- largest -----------------------------------------------------------------------------------------
    def largest(self) -> list[Finding]:
        out = []
        y = str(self.Y)
        for fig in self.e.figures:
            spec = self.spec(fig)
            if spec is None:
                continue
            for b in fig.blocks:
                sb = spec.block(b.part)
                if sb is None:
                    continue
                if sb.rows.coverage == Coverage.MEASURES or any(
                    e.role == Role.TOTAL for e in sb.rows.entries
                ):
                    continue  # separate measures, or parts beside their totals: no largest category
                if sb.kind == BlockKind.COUNT_SHARE:
                    count_col = next((e.text for e in sb.columns.entries if e.role == Role.COUNT), None)
                    share_col = next((e.text for e in sb.columns.entries if e.role == Role.SHARE), None)
                    column, extra = count_col, share_col
                elif (
                    b.period == "years"
                    and y in b.columns
                    and len(b.rows) > 1
                    and self.level(fig, b.part, b.rows[0]) <= 1
                ):
                    column, extra = y, None
                else:
                    continue
                if column is None:
                    continue
                rows = [r for r in b.rows if sb.rows.get(r) is not None and sb.rows.get(r).role == Role.PART]
                refs = {r: Ref.cell(fig.id, b.part, r, column) for r in rows}
                known = {r: self.v.number(ref) for r, ref in refs.items() if not unknownish(r)}
                known = {r: n for r, n in known.items() if n is not None}
                if len(known) < 2:
                    continue
                ranked = sorted(known, key=lambda r: (-known[r], r))  # type: ignore[operator]
                first, second = ranked[0], ranked[1]
                if known[first] == known[second]:
                    continue
                claims = [
                    Claim(ClaimKind.VALUE, (refs[first],), self.v.text(refs[first]) or "", (self.Y,)),
                    Claim(ClaimKind.VALUE, (refs[second],), self.v.text(refs[second]) or "", (self.Y,)),
                    Claim(
                        ClaimKind.RANK,
                        (refs[first], *(refs[r] for r in rows if r != first)),
                        "max",
                        (self.Y,),
                    ),
                    Claim(
                        ClaimKind.RANK,
                        (refs[second], *(refs[r] for r in rows if r not in (first, second))),
                        "max",
                        (self.Y,),
                    ),
                ]
                if not all(self._rank_holds(c) for c in claims[2:]):
                    continue
                printed = [refs[first], refs[second]]
                if extra is not None:
                    share = Ref.cell(fig.id, b.part, first, extra)
                    if self.v.percent(share) is not None:
                        claims.append(Claim(ClaimKind.VALUE, (share,), self.v.text(share) or "", (self.Y,)))
                        printed.append(share)
                        key = words.share_key(self.v.percent(share))  # type: ignore[arg-type]
                        if key:
                            total = [refs[r] for r in rows]
                            if all(self.v.number(r) is not None for r in total):
                                claims.append(Claim(ClaimKind.SHARE, (refs[first], *total), key, (self.Y,)))
                out.append(
                    Finding(
                        id=f"largest:{fig.id}:{b.part}",
                        kind=FindingKind.LARGEST,
                        section=fig.section,
                        figure=fig.id,
                        score=1.0 * (1.5 if extra else 1.0),
                        can_lead=False,
                        level=1,
                        claims=tuple(claims),
                        refs=tuple(printed),
                        labels=(b.part, first, second),
                        word="count_share" if extra else "",
                        why="grootste categorie",
                    )
                )
        return out

    # --- Tabel 1 ---------------------------------------------------------------------------------------
    def top_ten(self) -> list[Finding]:
        from jaarcijfers.contract.codelists import countries
        from jaarcijfers.facts.story import PREFIX_TOP_LEFT, PREFIX_TOP_NEW

        out: list[Finding] = []
        table = next((f for f in self.e.figures if f.id == "T1"), None)
        if table is None or not table.blocks:
            return out
        b = table.blocks[0]
        spec = self.spec(table)
        count_col = (
            next((e.text for e in spec.blocks[0].columns.entries if e.role == Role.COUNT), None)
            if spec
            else None
        )
        if count_col is None:
            return out
        refs = [Ref.cell(table.id, b.part, r, count_col) for r in b.rows]
        plain_rows = [r for r, ref in zip(b.rows, refs, strict=True) if self.v.number(ref) is not None]
        if len(plain_rows) >= 2:
            first, second = plain_rows[0], plain_rows[1]
            r1, r2 = (
                Ref.cell(table.id, b.part, first, count_col),
                Ref.cell(table.id, b.part, second, count_col),
            )
            claims = (
                Claim(ClaimKind.VALUE, (r1,), self.v.text(r1) or "", (self.Y,)),
                Claim(ClaimKind.VALUE, (r2,), self.v.text(r2) or "", (self.Y,)),
                Claim(ClaimKind.RANK, (r1, *(x for x in refs if x != r1)), "max", (self.Y,)),
                Claim(ClaimKind.RANK, (r2, *(x for x in refs if x not in (r1, r2))), "max", (self.Y,)),
            )
            if all(self._rank_holds(c) for c in claims[2:]):
                out.append(
                    Finding(
                        "top:T1",
                        FindingKind.TOP,
                        table.section,
                        table.id,
                        1.4,
                        False,
                        1,
                        claims,
                        refs=(r1, r2),
                        labels=(first, second),
                        why="eerste nationaliteiten",
                    )
                )
        names = {c.slug: c.naam for c in countries().values()}
        for prefix, kind in ((PREFIX_TOP_NEW, FindingKind.TOP_NEW), (PREFIX_TOP_LEFT, FindingKind.TOP_LEFT)):
            movers = sorted(
                (int(v), fid[len(prefix) + 1 : -len(f"_{self.Y}")])
                for fid, v in self.v.facts.items()
                if fid.startswith(prefix + "_") and fid.endswith(f"_{self.Y}") and v.isdigit()
            )
            movers = [(rank, slug_) for rank, slug_ in movers if slug_ in names]
            if not movers:
                continue
            claims_: list[Claim] = []
            printed: list[Ref] = []
            labels: list[str] = []
            zs = []
            for rank, slug_ in movers:
                marker = Ref.of_fact(f"{prefix}_{slug_}_{self.Y}")
                claims_.append(Claim(ClaimKind.VALUE, (marker,), str(rank), (self.Y,)))
                name = names[slug_]
                now = (
                    Ref.cell(table.id, b.part, name, count_col)
                    if kind == FindingKind.TOP_NEW
                    else Ref.of_fact(f"{slug_}_{self.Y}")
                )
                before = Ref.of_fact(f"{slug_}_{self.P}")
                if self.v.number(now) is None or self.v.number(before) is None:
                    continue
                labels.append(name)
                printed += [now, before]
                claims_ += [
                    Claim(ClaimKind.VALUE, (now,), self.v.text(now) or "", (self.Y,)),
                    Claim(ClaimKind.VALUE, (before,), self.v.text(before) or "", (self.P,)),
                    Claim(
                        ClaimKind.DIRECTION,
                        (now, before),
                        "up"
                        if (self.v.number(now) or 0) > (self.v.number(before) or 0)
                        else "down"
                        if (self.v.number(now) or 0) < (self.v.number(before) or 0)
                        else "same",
                        (self.Y, self.P),
                    ),
                ]
                zs.append(
                    scoring.change_z(self.v.number(now) or Fraction(0), self.v.number(before) or Fraction(0))
                )
                if kind == FindingKind.TOP_NEW:
                    for extra in (
                        f"{slug_}_arbeid_{self.Y}",
                        f"{slug_}_seks_{self.Y}",
                        f"{slug_}_{self.Y - 2}",
                    ):
                        ref = Ref.of_fact(extra)
                        if self.v.number(ref) is not None:
                            printed.append(ref)
                            claims_.append(Claim(ClaimKind.VALUE, (ref,), self.v.text(ref) or "", ()))
                        else:
                            printed.append(Ref())
            if not labels:
                continue
            base = 1.8 if kind == FindingKind.TOP_NEW else 0.9
            out.append(
                Finding(
                    id=f"{kind}:T1",
                    kind=kind,
                    section=table.section,
                    figure=table.id,
                    score=base + 0.3 * len(labels) + 0.2 * max(zs, default=0.0),
                    can_lead=False,
                    level=1,
                    claims=tuple(claims_),
                    refs=tuple(printed),
                    labels=tuple(labels),
                    why=f"{len(labels)} nationaliteit(en)",
                )
            )
        return out

    # --- context facts -----------------------------------------------------------------------------------
    def contexts(self) -> list[Finding]:
        out = []
        figures = {f.id: f for f in self.e.figures}
        for ctx in CONTEXTS:
            fig = figures.get(ctx.figure)
            if fig is None:
                continue
            refs = tuple(Ref.of_fact(fill(t, self.Y)) for t in ctx.facts)
            texts = [self.v.fact(r.fact) for r in refs]
            if any(t is None or not t[0].isdigit() for t in texts):
                continue
            claims = [Claim(ClaimKind.VALUE, (r,), t or "", ()) for r, t in zip(refs, texts, strict=True)]
            word = []
            for a, b in ctx.compare:
                na, nb = self.v.number(refs[a]), self.v.number(refs[b])
                if na is None or nb is None:
                    continue
                rel = "gt" if na > nb else "lt" if na < nb else "eq"
                claims.append(Claim(ClaimKind.COMPARE, (refs[a], refs[b]), rel, ()))
                word.append(rel)
            out.append(
                Finding(
                    id=f"context:{ctx.key}",
                    kind=FindingKind.CONTEXT,
                    section=fig.section,
                    figure=fig.id,
                    score=ctx.score,
                    can_lead=False,
                    level=1,
                    claims=tuple(claims),
                    refs=refs,
                    word=",".join(word),
                    template=ctx.key,
                    why="context" + (" (kop)" if ctx.headline else ""),
                    tags=("kop",) if ctx.headline else (),
                )
            )
        return out

    def nationalities(self) -> list[Finding]:
        from jaarcijfers.contract.codelists import countries

        out = []
        by_slug = {c.slug: c.naam for c in countries().values()}
        by_code = {c.code.lower(): c.naam for c in countries().values()}
        figures = {f.id: f for f in self.e.figures}
        for nat in NATIONALITIES:
            fig = figures.get(nat.figure)
            if fig is None:
                continue
            key = "code" if "{code}" in nat.pattern else "slug"
            head, tail = nat.pattern.split("{" + key + "}")
            tail = fill(tail, self.Y)
            names = by_code if key == "code" else by_slug
            found = []
            for fid, value in self.v.facts.items():
                if fid.startswith(head) and fid.endswith(tail) and value.isdigit():
                    middle = fid[len(head) : len(fid) - len(tail)]
                    if middle in names:
                        found.append((-int(value), names[middle], fid))
            found.sort()
            found = found[: nat.count]
            if len(found) < 2:
                continue
            refs = tuple(Ref.of_fact(fid) for _, _, fid in found)
            claims = [Claim(ClaimKind.VALUE, (r,), self.v.text(r) or "", (self.Y,)) for r in refs]
            claims += [
                Claim(ClaimKind.COMPARE, (a, b), "gt" if self.v.number(a) != self.v.number(b) else "eq", ())
                for a, b in zip(refs, refs[1:], strict=False)
            ]
            out.append(
                Finding(
                    id=f"nationalities:{nat.key}",
                    kind=FindingKind.CONTEXT,
                    section=fig.section,
                    figure=fig.id,
                    score=0.9,
                    can_lead=False,
                    level=2,
                    claims=tuple(claims),
                    refs=refs,
                    labels=tuple(name for _, name, _ in found),
                    template=f"nationaliteiten:{nat.key}",
                    why="meest voorkomende nationaliteiten",
                )
            )
        return out

    # --- no data ---------------------------------------------------------------------------------------
    def no_data(self) -> list[Finding]:
        out = []
        y = str(self.Y)
        for fig in self.e.figures:
            shown = [c for b in fig.blocks for c in b.cells if c.display != ""]
            year_blocks = [b for b in fig.blocks if b.period == "years"]
            this_year = [c for b in year_blocks for c in b.cells if c.column == y and c.display != ""]
            if shown and (not year_blocks or this_year):
                continue
            out.append(
                Finding(
                    id=f"no_data:{fig.id}",
                    kind=FindingKind.NO_DATA,
                    section=fig.section,
                    figure=fig.id,
                    score=0.0,
                    can_lead=False,
                    level=1,
                    claims=(),
                    labels=(fig.source, "jaar" if shown else ""),
                    why="geen gegevens over het verslagjaar" if shown else "geen gegevens",
                )
            )
        return out


def rank_ok(claims: Sequence[Claim], values: Values) -> bool:
    from jaarcijfers.story.claims import evaluate

    return all(evaluate(c, values) is None for c in claims)


__all__ = ["candidates", "revised_refs", "change_claims", "unknownish", "upper_bound"]
