"""The disclosure audit: what can an outsider derive about every hidden cell of a published edition?

Works from the published cells only (`figures.csv` of an edition, or an in-memory mapping). Every
count is a variable with the domain of its symbol, every identity of `structure.py` a constraint;
for every hidden cell (`<5`, `<10`, rounded, `x`) the smallest and largest value consistent with all
published cells is computed twice: by linear programming (what any LP solver gives; rounded inward to
whole numbers) and by integer programming (exact). A cell leaks when its exact interval is narrower
than required:

- `<5`: the full 1..4;
- `x` (strict policy): at least four values (hi - lo >= 3);
- a rounded cell (figures 10, 11, 20, 21): the full R-2..R+2 (`0`: 0..2, `<10`: 0..9). These values
  are passed through as delivered by the source (contract: never "un-rounded"), so a narrowing is
  reported as a warning, not as a leak (the project cannot change them; the source should).

When the published values contradict an identity (an inconsistent edition), the audit finds the
fewest identities whose removal makes the edition consistent again (elastic integer program), names
them, and audits without them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from jaarcijfers.figures.model import CellKey
from jaarcijfers.sdc.identities import (
    NEGATION,
    build_structure,
)
from jaarcijfers.sdc.policy import PROTECTED_UPPER, SMALL_COUNTS
from jaarcijfers.sdc.prior import PriorEdition
from jaarcijfers.sdc.structure import (
    AUX_FIGURE,
    INF,
    ROUNDED_FIGURES,
    Identity,
    IdentityKind,
    Structure,
    edition_of,
    figure_name,
    is_count,
    reporting_year,
    variable_domain,
)


@dataclass(frozen=True)
class CellAudit:
    key: CellKey
    published: str
    status: str  # "small" | "rounded" | "rounded_small" | "withheld"
    domain: tuple[float, float]
    lp: tuple[float, float]
    ip: tuple[float, float]
    required: str
    verdict: str  # "ok" | "lek" | "waarschuwing"


@dataclass
class AuditResult:
    cells: list[CellAudit]
    dropped: list[str] = field(default_factory=list)
    n_cells: int = 0
    n_identities: int = 0
    data_used: list[str] = field(default_factory=list)  # data-dependent identities in the model as they are
    data_negated: list[str] = field(default_factory=list)  # ... negated: the build recorded they are false
    data_record: bool = False  # whether the build's record of them was available
    earlier: tuple[int, ...] = ()  # the reporting years of the earlier editions audited together with it
    links: int = 0  # cells tied to the same cell of another edition
    unlinked: list[str] = field(default_factory=list)  # same cells not tied (revised), with the reason
    before: list[CellAudit] = field(default_factory=list)  # earlier editions' cells narrowed before this one

    @property
    def leaks(self) -> list[CellAudit]:
        return [c for c in self.cells if c.verdict == "lek"]

    @property
    def warnings(self) -> list[CellAudit]:
        return [c for c in self.cells if c.verdict == "waarschuwing"]

    @property
    def ok(self) -> bool:
        return not self.leaks

    def interval(self, key: CellKey) -> tuple[float, float]:
        for c in self.cells:
            if c.key == key:
                return c.ip
        raise KeyError(key)


def _covers(iv: tuple[float, float], need: tuple[float, float]) -> bool:
    return iv[0] <= need[0] and iv[1] >= need[1]


def _judge(
    status: str,
    domain: tuple[float, float],
    ip: tuple[float, float],
    extra: tuple[int, int] | None,
    rounded_is_leak: bool,
) -> tuple[str, str]:
    if status == "small":
        small = (SMALL_COUNTS[0], SMALL_COUNTS[-1])
        req, ok, bad = f"{small[0]}..{small[1]}", _covers(ip, small), "lek"
    elif status in ("rounded", "rounded_small"):
        req = f"{int(domain[0])}..{int(domain[1])}"
        ok, bad = _covers(ip, domain), ("lek" if rounded_is_leak else "waarschuwing")
    else:  # withheld: at least four values, and not only small ones (else the symbol would read '<5')
        req = f"breedte >= 4 waarden, tot ten minste {PROTECTED_UPPER}"
        ok, bad = ip[1] - ip[0] >= 3 and ip[1] >= PROTECTED_UPPER, "lek"
    if extra is not None:
        req += f", {extra[0]}..{extra[1]}"
        ok = ok and _covers(ip, extra)
    return req, ("ok" if ok else bad)


def audit_cells(
    published: Mapping[CellKey, str],
    *,
    structure: Structure | None = None,
    rounded_figures: frozenset[str] = ROUNDED_FIGURES,
    required: Mapping[CellKey, tuple[int, int]] | None = None,
    rounded_is_leak: bool = False,
    domains: Mapping[CellKey, tuple[float, float]] | None = None,
    record: Mapping[str, list[str]] | None = None,
    year: int | None = None,
    prior: Sequence[PriorEdition] = (),
    revised: Mapping[int, frozenset[CellKey]] | None = None,
    links: Mapping[tuple[int, CellKey], bool] | None = None,
    zeros: bool = False,
) -> AuditResult:
    """Audit in-memory published cells (key -> published string).

    `structure`: the identities (default: those of an edition, `build_structure(published)`);
    `required`: extra intervals that must be covered (the strict policy requires 1..4 for its primary
    suppressions); `rounded_is_leak`: count a narrowed rounded cell as a leak instead of a warning;
    `domains`: a-priori domains that replace those of the symbols for some hidden cells;
    `record`: the build's record of the data-dependent identities (`metadata.json`): those that failed
    are replaced by their negation, which the record tells an outsider (without a record every one is
    kept as it is: an extra identity can only make the attacker stronger);
    `year`: the reporting year (default: the last year column);
    `prior`: earlier published editions, audited together with this one (`sdc/editions.py`): their cells
    are knowledge, and their withheld cells that no later edition publishes again must not be narrowed
    by this edition beyond what they allowed before; `revised`: this edition's record of revised cells
    per earlier year (`metadata.json`); `links`: the build's own linking decisions (instead of the
    auditor's rule); `zeros`: the edition records that it withheld zeros (its `x` is 0..inf).
    """
    from jaarcijfers.sdc.editions import EditionCells, joint

    if year is None:
        year = reporting_year(published)
    failed = (record or {}).get("gelden_niet", [])
    if structure is None:
        structure = build_structure(published, year=year, failed=failed)
    if not prior:
        override = dict(domains or {})
        if zeros:
            for k, s in published.items():
                if is_count(k, s) and variable_domain(k, s, zeros=True).status == "withheld":
                    override.setdefault(k, (0, INF))
        result = _solve(
            published, structure.identities, override, None, required, rounded_is_leak, rounded_figures
        )
        result.data_record = record is not None
        return result
    if year is None:
        raise ValueError("geen verslagjaar: de editie heeft geen jaarkolommen")
    current = EditionCells(year, published, tuple(failed), revised or {}, current=True, zeros=zeros)
    earlier = [EditionCells.of(p) for p in prior if p.year < year]
    j = joint([current, *earlier], links, current_identities=structure.identities)
    identities = j.identities + j.links
    override = {**j.domains, **(domains or {})}
    targets = _targets(j.published, j.linked_later, rounded_figures)
    result = _solve(j.published, identities, override, targets, required, rounded_is_leak, rounded_figures)
    result.data_record = record is not None
    result.earlier = tuple(sorted(p.year for p in prior if p.year < year))
    result.links = len(j.links)
    result.unlinked = j.unlinked
    failing = [c for c in result.cells if c.verdict != "ok"]
    if failing:  # what the earlier editions already gave away together is not a leak of this edition
        origin = {
            c.key: c.key if edition_of(c.key)[0] is not None else j.earlier_of.get(c.key) for c in failing
        }
        known = intervals_before(
            [p for p in prior if p.year < year],
            {v for v in origin.values() if v is not None},
            rounded_figures,
        )
        already = set()
        for c in failing:
            was = origin[c.key]
            if was is not None and was in known and _covers(c.ip, known[was]):  # not narrower than before
                already.add(c.key)
        result.before = [c for c in result.cells if c.key in already]
        result.cells = [c for c in result.cells if c.key not in already]
    return result


def intervals_before(
    prior: Sequence[PriorEdition], keys: set[CellKey], rounded_figures: frozenset[str] = ROUNDED_FIGURES
) -> dict[CellKey, tuple[float, float]]:
    """What the earlier editions together tell about their cells `keys` (tagged): the exact interval of a
    withheld one, the value of a shown one."""
    from jaarcijfers.sdc.editions import EditionCells, joint

    if not prior or not keys:
        return {}
    before = joint([EditionCells.of(p) for p in prior])
    out: dict[CellKey, tuple[float, float]] = {}
    for k in keys:
        text = before.published.get(k)
        if text is not None and is_count(k, text):
            d = variable_domain(k, text, rounded_figures)
            if not d.hidden:
                out[k] = (d.lo, d.lo)
    hidden = keys - set(out)
    if hidden:
        alone = _solve(
            before.published,
            before.identities + before.links,
            before.domains,
            hidden,
            None,
            False,
            rounded_figures,
        )
        out.update({c.key: c.ip for c in alone.cells})
    return out


def narrowed_before(
    prior: Sequence[PriorEdition], keys: set[CellKey], rounded_figures: frozenset[str] = ROUNDED_FIGURES
) -> dict[CellKey, tuple[float, float]]:
    """Which of the earlier editions' withheld cells `keys` (tagged) the earlier editions together already
    narrow beyond what their symbols allow, with their interval: no later edition can undo that."""
    from jaarcijfers.sdc.editions import EditionCells, joint

    if not prior or not keys:
        return {}
    before = joint([EditionCells.of(p) for p in prior])
    targets = _targets(before.published, before.linked_later, rounded_figures) & keys
    alone = _solve(
        before.published,
        before.identities + before.links,
        before.domains,
        targets,
        None,
        False,
        rounded_figures,
    )
    return {c.key: c.ip for c in alone.cells if c.verdict != "ok"}


def edition_of_var(identity: Identity) -> bool:
    """Is an identity of the joint model one of an earlier edition (its variables are tagged)?"""
    return any(edition_of(v)[0] is not None for v in identity.variables)


def _targets(
    published: Mapping[CellKey, str], linked_later: set[CellKey], rounded_figures: frozenset[str]
) -> set[CellKey]:
    """The hidden cells to audit in a joint model: those of the edition audited, and the withheld cells of
    the earlier editions that no later edition publishes again (a cell tied to a later one is that cell;
    shown there, this edition publishes it)."""
    out = set()
    for k, s in published.items():
        if not is_count(k, s):
            continue
        d = variable_domain(k, s, rounded_figures)
        if not d.hidden:
            continue
        if edition_of(k)[0] is None or (k not in linked_later and d.status in ("small", "withheld")):
            out.add(k)
    return out


def _solve(
    published: Mapping[CellKey, str],
    all_identities: Sequence[Identity],
    override: Mapping[CellKey, tuple[float, float]],
    targets: set[CellKey] | None,
    required: Mapping[CellKey, tuple[int, int]] | None,
    rounded_is_leak: bool,
    rounded_figures: frozenset[str],
) -> AuditResult:
    """The audit proper: the interval of every hidden cell in `targets` (None: every hidden cell)."""
    from jaarcijfers.sdc.model import ComponentSolver, build_system, component_rows, minimal_contradicted

    domains: dict[CellKey, tuple[float, float]] = {}
    status: dict[CellKey, str] = {}
    fixed: dict[CellKey, int] = {}
    for k, s in published.items():
        if not is_count(k, s):
            continue
        d = variable_domain(k, s, rounded_figures)
        if d.hidden:
            domains[k] = override.get(k, (d.lo, d.hi))
            status[k] = d.status
        else:
            fixed[k] = d.lo
    identities = [
        i
        for i in all_identities
        if all(v in domains or v in fixed or v.figure == AUX_FIGURE for v in i.variables)
    ]
    system = build_system(identities, domains, fixed)
    dropped = sorted(i.name for i, holds in system.constant_rows if not holds)
    # drop contradicted identities, component by component
    drop_rows: set[int] = set()
    for comp in system.components():
        rows = component_rows(system, comp)
        if not rows:
            continue
        if not ComponentSolver(system, comp, rows).feasible():
            bad = minimal_contradicted(system, comp, rows)
            drop_rows.update(bad)
            dropped.extend(sorted(system.rows[r][0].name for r in bad))
    if drop_rows:
        keep = [i for r, (i, _, _, _) in enumerate(system.rows) if r not in drop_rows]
        system = build_system(keep + [i for i, holds in system.constant_rows if holds], domains, fixed)
    wanted = set(domains) if targets is None else targets & set(domains)
    results: dict[CellKey, CellAudit] = {}
    for comp in system.components():
        mine = [c for c in comp if system.variables[c] in wanted]
        if not mine:
            continue
        solver = ComponentSolver(system, comp, component_rows(system, comp))
        for c in mine:
            key = system.variables[c]
            lp, ip = solver.interval(c)
            req, verdict = _judge(status[key], domains[key], ip, (required or {}).get(key), rounded_is_leak)
            results[key] = CellAudit(key, published[key], status[key], domains[key], lp, ip, req, verdict)
    order = {k: n for n, k in enumerate(published)}
    cells = sorted(results.values(), key=lambda c: order[c.key])
    data = [i.name for i in identities if i.kind == IdentityKind.DATA and not edition_of_var(i)]
    negated = sorted(n.removeprefix(NEGATION) for n in data if n.startswith(NEGATION))
    used = sorted(n for n in data if not n.startswith(NEGATION))
    return AuditResult(cells, dropped, len(published), len(identities), used, negated, False)


def _fmt(iv: tuple[float, float]) -> str:
    lo = "-∞" if iv[0] == -INF else str(int(iv[0]))
    hi = "∞" if iv[1] == INF else str(int(iv[1]))
    return lo if lo == hi else f"{lo}..{hi}"


def _json_iv(iv: tuple[float, float]) -> list[int | None]:
    return [None if abs(x) == INF else int(x) for x in iv]


def result_json(result: AuditResult, edition: str = "") -> dict:
    def cell(c: CellAudit) -> dict:
        return {
            "figuur": c.key.figure,
            "deel": c.key.part,
            "rij": c.key.row,
            "kolom": c.key.column,
            "gepubliceerd": c.published,
            "domein": _json_iv(c.domain),
            "lp": _json_iv(c.lp),
            "ip": _json_iv(c.ip),
            "vereist": c.required,
            "oordeel": c.verdict,
        }

    return {
        "editie": edition,
        "cellen": result.n_cells,
        "verborgen_cellen": len(result.cells),
        "identiteiten": result.n_identities,
        "tegenstrijdige_identiteiten": result.dropped,
        "gegevensafhankelijke_identiteiten": {
            "registratie_in_metadata": result.data_record,
            "gelden": result.data_used,
            "gelden_niet": result.data_negated,
        },
        "lekken": [cell(c) for c in result.leaks],
        "waarschuwingen": [cell(c) for c in result.warnings],
        "eerdere_edities": list(result.earlier),
        "koppelingen_tussen_edities": result.links,
        "niet_gekoppeld": result.unlinked,
        "al_eerder_te_herleiden": [cell(c) for c in result.before],
        "geslaagd": result.ok,
    }


def print_result(result: AuditResult, edition: str = "", console=None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = console or Console(highlight=False, width=170)  # fixed width: deterministic output
    console.print(f"[bold]Audit onthullingscontrole[/bold] {edition}".rstrip())
    console.print(
        f"{result.n_cells} gepubliceerde cellen, {len(result.cells)} verborgen of afgeronde cellen, "
        f"{result.n_identities} identiteiten"
    )
    if result.earlier:
        console.print(
            f"Samen met de eerdere edities {', '.join(map(str, result.earlier))}: {result.links} cellen gekoppeld "
            f"(dezelfde onbekende), {len(result.unlinked)} niet (herzien)"
        )
        for text in result.unlinked:
            console.print(f"  - niet gekoppeld: {text}")
    if result.data_record:
        console.print(
            f"Gegevensafhankelijke identiteiten: volgens metadata.json gelden er {len(result.data_used)} op de "
            f"werkelijke aantallen en {len(result.data_negated)} niet (die zijn omgekeerd gebruikt)"
        )
        for name in result.data_negated:
            console.print(f"  - geldt niet: {name}")
    elif result.data_used:
        console.print(
            f"Gegevensafhankelijke identiteiten: {len(result.data_used)}, alle gebruikt: metadata.json vermeldt "
            "niet of ze gelden (voorzichtig: een extra identiteit maakt de aanvaller alleen sterker)"
        )
    if result.dropped:
        console.print(
            f"\n[bold]Tegenstrijdig met de gepubliceerde waarden[/bold] ({len(result.dropped)} identiteiten, "
            "genegeerd in de audit):"
        )
        for name in result.dropped:
            console.print(f"  - {name}")

    def table(title: str, cells: list[CellAudit]) -> Table:
        t = Table(title=title, title_justify="left")
        for col in (
            "Figuur",
            "Deel",
            "Rij",
            "Kolom",
            "Gepubliceerd",
            "Herleid (LP)",
            "Herleid (IP)",
            "Vereist",
        ):
            t.add_column(col)
        for c in cells:
            t.add_row(
                figure_name(c.key.figure),
                c.key.part,
                c.key.row,
                c.key.column,
                c.published,
                _fmt(c.lp),
                _fmt(c.ip),
                c.required,
            )
        return t

    if result.leaks:
        console.print()
        console.print(
            table(
                f"Lekken: {len(result.leaks)} verborgen cellen zijn nauwer te herleiden dan toegestaan",
                result.leaks,
            )
        )
    if result.warnings:
        console.print()
        console.print(
            table(
                f"Waarschuwing: {len(result.warnings)} afgeronde broncellen (doorgegeven zoals geleverd) "
                "zijn nauwer te herleiden dan hun afronding",
                result.warnings,
            )
        )
    if result.before:
        console.print()
        console.print(
            table(
                f"Al eerder te herleiden: {len(result.before)} cellen, uit de eerdere edities samen even nauw "
                "(geen lek van deze editie)",
                result.before,
            )
        )
    console.print()
    if result.ok:
        console.print("[green]Geslaagd:[/green] geen verborgen cel is nauwer te herleiden dan toegestaan.")
    else:
        console.print(f"[red]Niet geslaagd:[/red] {len(result.leaks)} verborgen cellen lekken.")
