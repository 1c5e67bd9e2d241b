"""Which findings are told where (docs/narrative.md, "Selection"). Selection is data: every decision
can be read back from the findings' scores, `can_lead`, `covers` and this module's constants.

- **Per figure** (the text beside each figure, as in the report): the candidates of the figure, best
  first; a finding implied by a better one is dropped (`covers`: a driver tells its crossing cell and,
  in its own figure, the series it explains; two drivers of one crossing cell are one finding); the
  first that can lead gives the headline, else the best finding that may stand as a headline; at most
  `MAX_PER_GROUP` findings with a score of at least `MIN_SCORE` are told, context facts after them.
- **Press summary** and **chapter 3** ("Belangrijkste ontwikkelingen"): the best findings across the
  edition that can lead and are about a main series (a total, a breakdown of all units, or a driver of
  a main series' change beyond noise): one per section, at least one about perpetrators (chapter 2).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from jaarcijfers.story.model import Finding, FindingKind

MAX_PER_GROUP = 7
MAX_DRIVERS_PER_GROUP = 2
MAX_STABLE = 2
MIN_TOLD = 20
MAX_STRUCTURE_PER_GROUP = 2
STRUCTURE_KINDS = frozenset({FindingKind.CONCENTRATION, FindingKind.CONTRAST, FindingKind.LARGEST})
MIN_SCORE = 0.3
PRESS_ITEMS = 5
DEVELOPMENTS = 6
CHANGE_KINDS = frozenset({FindingKind.CHANGE, FindingKind.DRIVER, FindingKind.SHARE, FindingKind.TOP_NEW})
HEADLINE_KINDS = frozenset(
    {
        FindingKind.CHANGE,
        FindingKind.CROSSING,
        FindingKind.DRIVER,
        FindingKind.SHARE,
        FindingKind.TOP_NEW,
        FindingKind.CONTRAST,
        FindingKind.CONCENTRATION,
        FindingKind.LARGEST,
        FindingKind.TOP,
    }
)


@dataclass(frozen=True)
class GroupPlan:
    figure: str
    section: str
    lead: Finding | None
    told: tuple[Finding, ...]  # in the order they are told (the lead first)
    no_data: Finding | None = None


def _series(f: Finding) -> str:
    return f.change.series.key if f.change is not None else ""


def dedupe(found: Iterable[Finding]) -> list[Finding]:
    """Best first; a finding implied by a better one is dropped: what a driver covers (its crossing
    cell and, in its own figure, the series it explains), a second finding about the same crossing cell,
    the shift of a row's share when the row's count change is told, a second share shift in the same
    column (in a partition one part's gain is another's loss)."""
    covered: set[str] = set()
    cells: set[str] = set()
    shares: set[str] = set()
    out = []
    found = list(found)
    driven = {f.detail.series.key for f in found if f.kind == FindingKind.DRIVER and f.detail is not None}
    for f in sorted(found, key=lambda f: (-f.score, f.id)):
        if f.kind == FindingKind.CROSSING and _series(f) in driven:
            continue  # a driver tells this cell's change
        if f.id in covered:
            continue
        if f.kind == FindingKind.DRIVER and f.detail is not None:
            if f.detail.series.key in cells:
                continue
            cells.add(f.detail.series.key)
        elif f.kind in (FindingKind.CROSSING, FindingKind.CHANGE) and f.change is not None:
            if _series(f) in cells:
                continue
            cells.add(_series(f))
        elif f.kind == FindingKind.SHARE:
            fig, part, row = f.id.split(":")[1:4]
            block, key = f"{fig}:{part}", "|".join((fig, part, row, ""))
            if block in shares or key in cells:
                continue
            shares.add(block)
            cells.add(key)  # the share's shift tells the row's change
        out.append(f)
        covered.update(f.covers)
    return out


def told_at_all(f: Finding) -> bool:
    """Worth a sentence at all: a change of counts that never reached twenty is not told (a total is)."""
    if f.kind in (FindingKind.CHANGE, FindingKind.CROSSING) and "klein" in f.tags and f.level > 0:
        return False
    if f.kind == FindingKind.DRIVER and f.change is not None:
        if max(f.change.new_n, f.change.old_n) < MIN_TOLD:
            return False  # a series of fewer than twenty is not explained
    return f.kind != FindingKind.NO_DATA


ORDER = {
    FindingKind.DRIVER: 0,
    FindingKind.CHANGE: 0,
    FindingKind.CROSSING: 1,
    FindingKind.SHARE: 1,
    FindingKind.TOP: 0,
    FindingKind.TOP_NEW: 1,
    FindingKind.TOP_LEFT: 1,
    FindingKind.CONCENTRATION: 2,
    FindingKind.CONTRAST: 2,
    FindingKind.LARGEST: 2,
    FindingKind.CONTEXT: 3,
}
"""The order of a figure's text after its lead: changes, then how things stand, then context."""


def headline_choice(ranked: list[Finding]) -> Finding | None:
    """The lead: the best finding that can lead; else the figure's grand total (unless it barely moved and
    a context fact is meant as the figure's headline); else that context fact; else the best other
    finding whose base is not small, a change before how things stand."""
    lead = next((f for f in ranked if f.can_lead), None)
    if lead is not None:
        return lead
    totals = [f for f in ranked if f.kind == FindingKind.CHANGE and f.level == 0 and f.change is not None]
    total = max(totals, key=lambda f: (f.change.new_n if f.change else 0, f.id), default=None)
    kop = next((f for f in ranked if "kop" in f.tags), None)
    if total is not None and (
        kop is None or (total.change is not None and total.change.magnitude != "slight")
    ):
        return total
    if kop is not None:
        return kop
    if total is not None:
        return total
    # what changed before how things stand
    for kinds in (CHANGE_KINDS, HEADLINE_KINDS):
        found = next((f for f in ranked if f.kind in kinds and "klein" not in f.tags), None)
        if found is not None:
            return found
    return None


def plan_group(figure: str, section: str, found: list[Finding]) -> GroupPlan:
    no_data = next((f for f in found if f.kind == FindingKind.NO_DATA), None)
    ranked = [f for f in dedupe(found) if told_at_all(f)]
    lead = headline_choice(ranked)
    rest = [f for f in ranked if f is not lead]
    main = [
        f
        for f in rest
        if f.kind != FindingKind.CONTEXT
        and (f.score >= MIN_SCORE or (f.kind == FindingKind.CHANGE and f.level == 0))
    ]
    drivers = 1 if lead is not None and lead.kind == FindingKind.DRIVER else 0
    structure = 1 if lead is not None and lead.kind in STRUCTURE_KINDS else 0
    kept = []
    for f in main:
        if f.kind == FindingKind.DRIVER:
            if drivers >= MAX_DRIVERS_PER_GROUP:
                continue
            drivers += 1
        if f.kind in STRUCTURE_KINDS:
            if structure >= MAX_STRUCTURE_PER_GROUP:
                continue
            structure += 1
        kept.append(f)
    main = kept[: MAX_PER_GROUP - (1 if lead else 0)]
    # a main series that barely moved is worth a short sentence when there is room
    stable = [
        replace(f, tags=f.tags + ("stabiel",))
        for f in rest
        if f.kind == FindingKind.CHANGE
        and f not in main
        and f.level <= 1
        and f.change is not None
        and f.change.magnitude == "slight"
        and "klein" not in f.tags
    ][: max(0, MAX_PER_GROUP - 1 - len(main))][:MAX_STABLE]
    main += stable
    context = [f for f in rest if f.kind == FindingKind.CONTEXT and f.score >= MIN_SCORE]
    body = sorted(main + context, key=lambda f: (ORDER.get(f.kind, 3), -f.score, f.id))
    told = ([lead] if lead else []) + body
    return GroupPlan(figure, section, lead, tuple(told), no_data)


def one_driver_per_series(found: list[Finding]) -> list[Finding]:
    """A series explained from another figure (a form's change by age, by region, ...) is explained once,
    by its best driver; the others are dropped (their crossing cells stay candidates)."""
    best: dict[str, Finding] = {}
    for f in found:
        if f.kind == FindingKind.DRIVER and "eigen" not in f.tags and f.change is not None:
            key = f.change.series.key
            if key not in best or (best[key].score, best[key].id) < (f.score, f.id):
                best[key] = f
    keep = {id(f) for f in best.values()}
    return [
        f for f in found if not (f.kind == FindingKind.DRIVER and "eigen" not in f.tags and id(f) not in keep)
    ]


def main_series(f: Finding) -> bool:
    """About a main series: a total, a breakdown of all units, or a driver that explains a main
    series' change beyond noise."""
    return f.level <= 1 or (f.kind == FindingKind.DRIVER and "verklaart" in f.tags)


def news(f: Finding) -> float:
    """What a finding is worth across the edition: a driver by the change of the main series it explains
    (its cell's own change, however large, is a detail), anything else by its score."""
    return f.main_score if f.kind == FindingKind.DRIVER else f.score


def across(
    found: Iterable[Finding], chapters: dict[str, str], n: int, skip: Iterable[str] = ()
) -> list[Finding]:
    """The n best findings across the edition that can lead and are about a main series: one per section,
    at least one of chapter 2 when there is one."""
    skipped = set(skip)
    pool = [f for f in dedupe(found) if f.can_lead and main_series(f) and f.id not in skipped]
    pool.sort(key=lambda f: (-news(f), f.id))
    chosen: list[Finding] = []
    for f in pool:
        if len(chosen) >= n:
            break
        if any(c.section == f.section for c in chosen):
            continue
        chosen.append(f)
    if chosen and not any(chapters.get(c.section) == "2" for c in chosen):
        extra = next((f for f in pool if chapters.get(f.section) == "2" and f not in chosen), None)
        if extra is not None:
            chosen = chosen[: n - 1] + [extra] if len(chosen) >= n else chosen + [extra]
    return chosen
