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

from collections.abc import Mapping
from dataclasses import dataclass, field

from jaarcijfers.figures.model import CellKey
from jaarcijfers.sdc.identities import (
    NEGATION,
    build_structure,
)
from jaarcijfers.sdc.policy import SMALL_COUNTS
from jaarcijfers.sdc.structure import (
    INF,
    ROUNDED_FIGURES,
    IdentityKind,
    Structure,
    cell_kind,
    figure_name,
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
    else:
        req, ok, bad = "breedte >= 4 waarden", ip[1] - ip[0] >= 3, "lek"
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
) -> AuditResult:
    """Audit in-memory published cells (key -> published string).

    `structure`: the identities (default: those of an edition, `build_structure(published)`);
    `required`: extra intervals that must be covered (the strict policy requires 1..4 for its primary
    suppressions); `rounded_is_leak`: count a narrowed rounded cell as a leak instead of a warning;
    `domains`: a-priori domains that replace those of the symbols for some hidden cells;
    `record`: the build's record of the data-dependent identities (`metadata.json`): those that failed
    are replaced by their negation, which the record tells an outsider (without a record every one is
    kept as it is: an extra identity can only make the attacker stronger);
    `year`: the reporting year (default: the last year column).
    """
    from jaarcijfers.sdc.model import ComponentSolver, build_system, component_rows, minimal_contradicted

    if structure is None:
        structure = build_structure(published, year=year, failed=(record or {}).get("gelden_niet", []))
    override = dict(domains or {})
    domains = {}
    status: dict[CellKey, str] = {}
    fixed: dict[CellKey, int] = {}
    for k, s in published.items():
        if cell_kind(k, s) != "count":
            continue
        d = variable_domain(k, s, rounded_figures)
        if d.hidden:
            domains[k] = override.get(k, (d.lo, d.hi))
            status[k] = d.status
        else:
            fixed[k] = d.lo
    identities = [
        i
        for i in structure.identities
        if all(v in domains or v in fixed or v.figure == "_" for v in i.variables)
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
    results: dict[CellKey, CellAudit] = {}
    for comp in system.components():
        targets = [c for c in comp if system.variables[c] in domains]
        if not targets:
            continue
        solver = ComponentSolver(system, comp, component_rows(system, comp))
        for c in targets:
            key = system.variables[c]
            lp, ip = solver.interval(c)
            req, verdict = _judge(status[key], domains[key], ip, (required or {}).get(key), rounded_is_leak)
            results[key] = CellAudit(key, published[key], status[key], domains[key], lp, ip, req, verdict)
    order = {k: n for n, k in enumerate(published)}
    cells = sorted(results.values(), key=lambda c: order[c.key])
    data = [i.name for i in identities if i.kind == IdentityKind.DATA]
    negated = sorted(n.removeprefix(NEGATION) for n in data if n.startswith(NEGATION))
    used = sorted(n for n in data if not n.startswith(NEGATION))
    return AuditResult(cells, dropped, len(published), len(identities), used, negated, record is not None)


def related_facts(values: Mapping[str, str], year: int | None) -> dict[CellKey, str]:
    """The published facts (id -> value) that occur in a relation of the facts catalogue, as cells of the
    pseudo-figure `FACT_FIGURE`; only counts and withheld facts (a fact in another form, e.g. a
    percentage, leaves its relations out of the model)."""
    from jaarcijfers.facts.catalogue import related_fact_ids
    from jaarcijfers.sdc.structure import (
        SMALL_SYMBOL,
        STRICT_SYMBOL,
        fact_key,
    )

    if year is None:
        return {}
    related = related_fact_ids(year)
    return {
        fact_key(fid): value.strip()
        for fid, value in values.items()
        if fid in related and (value.strip().isdigit() or value.strip() in (STRICT_SYMBOL, SMALL_SYMBOL))
    }


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
    console.print()
    if result.ok:
        console.print("[green]Geslaagd:[/green] geen verborgen cel is nauwer te herleiden dan toegestaan.")
    else:
        console.print(f"[red]Niet geslaagd:[/red] {len(result.leaks)} verborgen cellen lekken.")
