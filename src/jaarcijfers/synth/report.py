"""The fit report of a synthetic delivery: which published cells and facts it meets, and why not.

Cells and facts are compared with an independent count of the written rows (`check.Counted`). For a
cell that is not met the report shows the published and the synthetic value and, where the published
tables contradict each other, the sums that do not agree (row over years vs. over forms, column of a
five-year form block vs. the five-year totals of Figuur 18). A fact that is not met names the unmet
cells it was computed from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jaarcijfers.synth import factspecs as fs
from jaarcijfers.synth.targets import Targets, parse_count


@dataclass
class Miss:
    what: str  # "cel" | "feit"
    key: str
    published: str
    synthetic: str
    reason: str


@dataclass
class FitReport:
    cells_total: dict[str, int] = field(default_factory=dict)
    cells_met: dict[str, int] = field(default_factory=dict)
    facts_total: int = 0
    facts_met: int = 0
    misses: list[Miss] = field(default_factory=list)
    unspecified: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    comensha_unmet: list[tuple[str, str]] = field(default_factory=list)

    @property
    def n_cells(self) -> int:
        return sum(self.cells_total.values())

    @property
    def n_cells_met(self) -> int:
        return sum(self.cells_met.values())

    def text(self) -> str:
        lines = ["Synthetische levering: aansluiting op de gepubliceerde cijfers", ""]
        lines.append(f"{'figuur':<8}{'cellen':>8}{'gehaald':>9}")
        for fig in sorted(self.cells_total, key=lambda f: (len(f), f)):
            lines.append(f"{fig:<8}{self.cells_total[fig]:>8}{self.cells_met[fig]:>9}")
        lines.append(f"{'totaal':<8}{self.n_cells:>8}{self.n_cells_met:>9}")
        lines.append("")
        lines.append(f"Feiten (tekst): {self.facts_met} van {self.facts_total} gehaald")
        if self.misses:
            lines.append("")
            lines.append("Niet gehaald:")
            for m in self.misses:
                lines.append(
                    f"- {m.what} {m.key}: gepubliceerd {m.published or '(leeg)'}, "
                    f"synthetisch {m.synthetic or '(leeg)'}"
                )
                if m.reason:
                    lines.append(f"  reden: {m.reason}")
        if self.unspecified:
            lines.append("")
            lines.append("Feiten zonder rekenregel (niet gecontroleerd): " + ", ".join(self.unspecified))
        for note in self.notes:
            lines.append(f"Let op: {note}")
        for p in self.pending:
            lines.append(f"Nog niet geleverd: {p}")
        if self.comensha_unmet:
            lines.append("")
            lines.append("CoMensha, niet gehaald:")
            lines += [f"- {k}: {why}" for k, why in self.comensha_unmet]
        return "\n".join(lines) + "\n"


def _cell_met(published: str, got) -> bool:
    published = published.strip()
    if published == "":
        return got in ("", None)
    if got in ("", None):
        return False
    if isinstance(got, str):
        return got == published
    iv = parse_count(published)
    return iv is not None and got in iv


def _fmt_iv(lo: int, hi: int) -> str:
    return str(lo) if lo == hi else f"{lo}–{hi}"


def _sum_iv(t: Targets, keys) -> tuple[int, int] | None:
    lo = hi = 0
    for k in keys:
        iv = t.cell(*k)
        if iv is None:
            return None
        lo += iv.lo
        hi += iv.hi
    return lo, hi


def _block_reason(t: Targets, fig: str, part: str, row: str, col: str, yrs: fs.Years) -> str:
    """Where a two-block figure contradicts itself or Figuur 18, in published numbers."""
    if not t.rows(fig, "jaar") or not t.rows(fig, "vorm") or fig == "22" and row == fs.MEAN_ROW:
        return ""
    parts = []
    years = [c for c in t.columns(fig, "jaar")]
    forms = [c for c in t.columns(fig, "vorm")]
    rows = [r for r in t.rows(fig, "vorm") if r != fs.MEAN_ROW]
    a = _sum_iv(t, [(fig, "jaar", row, y) for y in years])
    b = _sum_iv(t, [(fig, "vorm", row, f) for f in forms])
    if a and b and (a[1] < b[0] or b[1] < a[0]):
        parts.append(f"rij '{row}' telt over de jaren op tot {_fmt_iv(*a)}, over de vormen tot {_fmt_iv(*b)}")
    if part == "vorm" and fig in ("19", "22", "23", "24"):
        col_sum = _sum_iv(t, [(fig, "vorm", r, col) for r in rows])
        others = []
        for other in ("19", "22", "23", "24"):
            if other == fig:
                continue
            orows = [r for r in t.rows(other, "vorm") if r != fs.MEAN_ROW]
            s = _sum_iv(t, [(other, "vorm", r, col) for r in orows])
            if s and col_sum and (s[1] < col_sum[0] or col_sum[1] < s[0]):
                others.append(f"Figuur {other}: {_fmt_iv(*s)}")
        if others and col_sum:  # `others` is only filled when col_sum is known
            parts.append(f"kolom '{col}' telt op tot {_fmt_iv(*col_sum)}, maar in " + ", ".join(others))
    if not parts:
        return "niet tegelijk haalbaar met de andere gepubliceerde cellen"
    return "de publicatie is hier inconsistent: " + "; ".join(parts)


class _Recorder:
    def __init__(self, inner) -> None:
        self.inner = inner
        self.cells: list[tuple] = []

    def cell(self, *k):
        self.cells.append(k)
        return self.inner.cell(*k)

    def measure(self, *a):
        return self.inner.measure(*a)


def fit_report(t: Targets, counted, solver_violations=(), notes=(), pending=()) -> FitReport:
    yrs = fs.Years(t.year)
    rep = FitReport(notes=list(notes), pending=list(pending))
    missed_cells: set[tuple] = set()
    for key in sorted(t.cells, key=lambda k: (len(k[0]), k)):
        fig, part, row, col = key
        if fig not in fs.MY_FIGURES:
            continue
        published = t.cells[key]
        got = counted.cells.get(key)
        rep.cells_total[fig] = rep.cells_total.get(fig, 0) + 1
        if _cell_met(published, got):
            rep.cells_met[fig] = rep.cells_met.get(fig, 0) + 1
            continue
        rep.cells_met.setdefault(fig, 0)
        missed_cells.add(key)
        label = f"Figuur {fig} {part + ' ' if part else ''}'{row}' / '{col}'"
        rep.misses.append(
            Miss(
                "cel",
                label,
                published,
                "" if got is None else str(got),
                _block_reason(t, fig, part, row, col, yrs),
            )
        )
    specs = fs.specs_for(yrs, set(t.facts))
    for f in sorted(t.facts.values(), key=lambda f: f.id):
        if not f.derivable or f.section not in fs.MY_SECTIONS:
            continue
        spec = specs.get(f.id)
        if spec is None:
            rep.unspecified.append(f.id)
            continue
        rep.facts_total += 1
        rec = _Recorder(counted)
        got = fs.evaluate(spec, rec, yrs)
        if fs.matches(spec, f.value, got):
            rep.facts_met += 1
            continue
        touched = sorted({k for k in rec.cells if k in missed_cells})
        if touched:
            reason = "berekend uit gepubliceerde cellen die onderling tegenstrijdig zijn: " + "; ".join(
                f"Figuur {k[0]} '{k[2]}' / '{k[3]}'" for k in touched
            )
        else:
            reason = "niet gehaald door de solver"
        rep.misses.append(Miss("feit", f.id, f.value, fs.approx_display(spec, got), reason))
    extra = [(k, s) for k, s in solver_violations if k[0] not in ("cell", "fact", "som")]
    for k, s in extra:
        rep.notes.append(f"regel niet gehaald: {' '.join(map(str, k))} (afwijking {s:g})")
    return rep
