"""The strict policy: cell suppression with a proof that no hidden count can be recovered.

1. Primary suppression: every count 1..4 (CoMensha, EMM, OM) is withheld. Zeros are never withheld
   (an attacker therefore knows that every withheld cell is at least 1; the audit models that).
2. Secondary suppression over all figures of the edition at once, by the Benders-type cutting-plane
   method of Fischetti & Salazar (2001), with HiGHS for both the master integer program and the
   attacker's linear programs:
   - master: binary y_j per candidate cell (a published count >= 1 that occurs in an identity),
     minimise sum c_j y_j subject to the cuts found so far (primary cells are fixed to 1);
   - for the current pattern, the attacker's LP max and min of every withheld cell (all identities
     of the edition, published cells fixed, withheld cells in 1..inf); every unmet requirement
     yields a cut from the LP's optimal duals ("capacity constraint"): the dual objective, written
     as a function of y, bounds the attacker's optimum for every pattern, so requiring it to reach
     the protection level is valid for every protected pattern and cuts off the current one;
   - requirements: a primary cell must keep the full 1..4 (its maximum at least 4, its minimum at
     most 1 -- or at most the lowest value the structure itself implies when every non-zero count
     is withheld, e.g. 2 for a total of two withheld cells); every withheld cell must keep at least four values
     (max - min >= 3: cut `cap_max(y) + cap_min(y) >= 3 y_i`);
   - when the LP requirements hold, the exact audit (integer programming, `audit.audit_cells`, the
     outsider's model of the display strings) checks the pattern; a cell that fails there (an
     integrality gap, or an identity the raw values contradict) adds the cut "suppress at least one
     more published cell of its component" and the loop continues.
   Prose count facts that occur in a relation of the facts catalogue are variables too (figure
   `FACT_FIGURE`, see `edition.publish.fact_cells`), with the same primary and secondary suppression.
   Costs prefer facts and small inner cells: c_j = w_j (10 + v_j) with w = 0.5 for facts, 1 for inner cells, 5 for the
   five-year blocks and 1000 for totals and headline numbers (Figuur 1, Figuur 15, every row or
   column labelled as a total), which are therefore only withheld if nothing else can protect.
3. Rounded sources (figures 10, 11, 20, 21) are passed through as delivered; percentages whose count
   is withheld are withheld too; the other percentages, means and ranks are shown.

Deterministic: cells are sorted by key before anything is built, solver settings are fixed (the solver
layer: one thread, seed 0, work limits only), ties in the master are broken by a tiny cost that depends
on the sorted position.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from jaarcijfers.figures.model import CellKey, CellKind, RawCell
from jaarcijfers.sdc.identities import (
    build_structure,
    data_dependent_check,
)
from jaarcijfers.sdc.policy import (
    BLANK,
    MIN_MEAN_PERSONS,
    PROTECTED_UPPER,
    ROUNDED_SMALL,
    SMALL_COUNTS,
    SMALL_IN_WORDS,
    DisclosurePolicy,
    Symbol,
    plain_text,
)
from jaarcijfers.sdc.prior import PriorEdition
from jaarcijfers.sdc.structure import (
    AUX_FIGURE,
    FACT_FIGURE,
    FIVE_YEAR_FIGURES,
    HEADLINE_FIGURES,
    INF,
    ROUNDED_FIGURES,
    STRICT_SYMBOL,
    Domain,
    Identity,
    IdentityKind,
    Structure,
    cell_name,
    is_count,
    is_total_label,
    reporting_year,
    share_base,
    variable_domain,
)
from jaarcijfers.sdc.unprotectable import Unprotectable, interval_text, unprotectable

W_FACT, W_INNER, W_FIVE_YEAR, W_HEADLINE = 0.5, 1.0, 5.0, 1000.0
W_BEFORE = 0.2
"""A cell an earlier edition withheld costs a fifth: suppression prefers the pattern published before."""
W_ZERO = 100.0
"""A zero (a candidate only when zeros may be withheld) costs as much as a cell of about 1000."""
TOL = 1e-6
MAX_ROUNDS = 2000
CUTS_PER_ROUND = 40
"""A round of the cutting-plane loop stops after this many cuts: the cells that missed a requirement are
checked first, the rest only when those hold (fewer attacker LPs per round, somewhat more rounds)."""


WITHHELD = Symbol(
    STRICT_SYMBOL,
    "niet getoond ter bescherming van de privacy (klein aantal, of een aantal waaruit een klein aantal "
    "te herleiden zou zijn)",
    withholds=True,
)
NOTE = (
    f"Onthullingscontrole. In deze editie zijn aantallen van {SMALL_IN_WORDS} (personen of zaken) niet "
    "gepubliceerd. Omdat zo'n aantal anders vaak uit een totaal of uit een andere figuur terug te "
    "rekenen is, zijn daarnaast zo weinig mogelijk andere cellen weggelaten, bij voorkeur kleine cellen "
    "en nooit totalen of kerncijfers tenzij het niet anders kan. Elke weggelaten cel is aangegeven met "
    f"'{STRICT_SYMBOL}'; aan het teken is niet te zien of het om een klein aantal gaat of om een cel die "
    "ter bescherming is weggelaten. Een weggelaten cel is nooit 0: nullen worden getoond (tenzij hierna "
    "anders vermeld). Een "
    "percentage, verandering of ander getal in de tekst dat uit een weggelaten aantal is berekend, is ook "
    f"weggelaten; een gemiddelde leeftijd over minder dan {MIN_MEAN_PERSONS} personen ook. Met een wiskundige "
    "controle (lineaire en geheeltallige programmering over alle optellingen binnen en tussen de figuren, de "
    "percentages en de getallen in de tekst) is vastgesteld dat geen weggelaten aantal uit de gepubliceerde "
    "cijfers nauwkeuriger te bepalen is dan tot op ten minste vier mogelijke waarden, dat voor elk klein "
    f"aantal alle waarden van {SMALL_IN_WORDS} mogelijk blijven (voor zover de opbouw van de tabellen dat "
    f"toelaat), en dat elke weggelaten cel ook {PROTECTED_UPPER} of meer kan zijn, zodat een weggelaten cel "
    "niet als klein aantal te herkennen is. "
    "De cijfers van de IND en de Raad voor de rechtspraak zijn door de bron afgerond op vijftallen en "
    "worden getoond zoals geleverd. Totalen zijn berekend met de werkelijke aantallen; de getoonde "
    "cellen tellen daardoor niet altijd zichtbaar op tot het totaal."
)
"""The paragraph for the report's Toelichting (Dutch)."""


@dataclass
class StrictResult:
    display: dict[CellKey, str]
    primary: list[CellKey]
    secondary: list[CellKey]
    dropped: list[str] = field(default_factory=list)  # identities the raw values contradict
    rounds: int = 0
    cuts: int = 0
    required: dict[CellKey, tuple[int, int]] = field(default_factory=dict)  # per primary cell
    # cells no pattern can protect (the audit reports them), the build's links to earlier editions, and
    # whether some zero is withheld (an outsider must then take every x to be 0 or more)
    exposed: list[CellKey] = field(default_factory=list)
    links: dict[tuple[int, CellKey], bool] = field(default_factory=dict)
    zeros: bool = False


def protect(cells: Sequence[RawCell], prior: Sequence[PriorEdition] = ()) -> dict[CellKey, str]:
    """The strict policy: display strings for every cell (see the module docstring)."""
    return suppress(cells, prior=prior).display


POLICY = DisclosurePolicy(
    name="strict",
    protects="geen weggelaten aantal is nauwkeuriger te herleiden dan tot op vier mogelijke waarden, en elk "
    f"klein aantal ({SMALL_IN_WORDS}) kan elk van die vier waarden zijn",
    symbols=(WITHHELD, ROUNDED_SMALL, BLANK),
    protect=protect,
    models_facts=True,
    withholds_derived=True,
    note=NOTE,
)


def cost_weight(key: CellKey) -> float:
    if key.figure == FACT_FIGURE:  # a prose fact: withheld in preference to any figure cell
        return W_FACT
    if key.figure in HEADLINE_FIGURES or is_total_label(key.row) or is_total_label(key.column):
        return W_HEADLINE
    if key.figure in FIVE_YEAR_FIGURES and key.part == "vorm":
        return W_FIVE_YEAR
    return W_INNER


def _display(cells: Sequence[RawCell], hidden: set[CellKey]) -> dict[CellKey, str]:
    out: dict[CellKey, str] = {}
    for c in cells:
        k = c.key
        if k in hidden:
            out[k] = STRICT_SYMBOL
        elif c.kind == CellKind.PERCENT and share_base(k) in hidden:
            out[k] = STRICT_SYMBOL
        else:
            out[k] = plain_text(c)
    return out


def suppress(
    cells: Sequence[RawCell],
    *,
    structure: Structure | None = None,
    rounded_figures: frozenset[str] = ROUNDED_FIGURES,
    verify: bool = True,
    prior: Sequence[PriorEdition] = (),
    zeros: bool | None = None,
) -> StrictResult:
    """Primary and secondary suppression; `structure` defaults to the edition's identities; `prior`: the
    earlier published editions, whose published values an outsider knows (docs/sdc.md, "Across editions").

    Zeros are shown (`x` is then at least 1 for an outsider). Only when some withheld count cannot be
    protected that way (`exposed`: typically a count an earlier edition gave away, which pins others through
    zeros) is the suppression done again with zeros as candidates of last resort (`zeros=None`, the default;
    `True`/`False` forces it); the edition then records it (an `x` may be 0) and the result with fewer
    exposed cells is kept.

    A pattern that protects every cell that can be protected may not exist (typically an earlier edition
    published values that pin a cell whatever this edition withholds): `sdc.unprotectable.Unprotectable`,
    a user's error that names the cells, the earlier editions' values involved and what to do."""
    if zeros is not None:
        return _suppress(cells, structure, rounded_figures, verify, prior, zeros)
    try:
        first = _suppress(cells, structure, rounded_figures, verify, prior, False)
    except Unprotectable as stuck:  # no pattern with zeros shown: zeros may help; else this error
        try:
            return _suppress(cells, structure, rounded_figures, verify, prior, True)
        except Unprotectable:
            raise stuck from None
    if not first.exposed:
        return first
    second = _suppress(cells, structure, rounded_figures, verify, prior, True)
    return second if len(second.exposed) < len(first.exposed) else first


def _suppress(
    cells: Sequence[RawCell],
    structure: Structure | None,
    rounded_figures: frozenset[str],
    verify: bool,
    prior: Sequence[PriorEdition],
    zeros: bool,
) -> StrictResult:
    from jaarcijfers.sdc.audit import audit_cells
    from jaarcijfers.sdc.model import ComponentSolver, build_system, component_rows, minimal_contradicted

    cells = sorted(cells, key=lambda c: c.key)
    if len({c.key for c in cells}) != len(cells):
        raise ValueError("dubbele cel")
    shown = {c.key: plain_text(c) for c in cells}
    custom = structure is not None
    year = reporting_year(shown)
    failed = data_dependent_check(cells, year)["gelden_niet"] if not custom else []
    if structure is None:  # the edition's identities, without the data-dependent ones the data break
        structure = build_structure(shown, failed=failed)
    truth: dict[CellKey, int] = {}
    for c in cells:
        if c.kind == CellKind.COUNT and c.key.figure not in rounded_figures:
            if not isinstance(c.value, int) or c.value < 0:
                raise ValueError(f"geen aantal: {cell_name(c.key)} = {c.value!r}")
            truth[c.key] = c.value
    knowledge = _Knowledge.of(truth, shown, structure, prior, year, rounded_figures, zeros)
    # identities among the counts we protect (rounded sources are passed through and not linked), the
    # earlier editions' identities and the links (their published numbers substituted)
    idents = [
        i
        for i in knowledge.identities
        if all(v in truth or v in knowledge.domains or v.figure == AUX_FIGURE for v in i.variables)
    ]
    # which identities do the raw values contradict? (an inconsistent input, e.g. the 2024 Figuur 19)
    system = build_system(idents, knowledge.domains, truth)
    dropped = sorted(i.name for i, holds in system.constant_rows if not holds)
    bad: set[str] = set(dropped)
    for comp in system.components():
        rows = component_rows(system, comp)
        if rows and not ComponentSolver(system, comp, rows).feasible():
            names = [system.rows[r][0].name for r in minimal_contradicted(system, comp, rows)]
            bad.update(names)
            dropped.extend(sorted(names))
    linked = idents  # all identities among the counts (also contradicted ones: the outsider uses them)
    idents = [i for i in idents if i.name not in bad]

    primary = sorted(k for k, v in truth.items() if v in SMALL_COUNTS)
    in_ident = {v for i in linked for v in i.variables}
    candidates = sorted(
        k
        for k, v in truth.items()
        if (v >= 1 or zeros) and k not in set(primary) and k in in_ident and k not in knowledge.known
    )
    # What the structure alone allows a cell that is always withheld (a primary cell, an earlier edition's
    # withheld cell): with every candidate withheld, a total of two withheld cells is still at least 2.
    # Lower requirements ask for no more than that; a requirement the structure alone breaks is exposed.
    fixed_targets = primary + sorted(knowledge.targets)
    probe = _structural(idents, truth, fixed_targets, candidates, linked, knowledge)
    need: dict[CellKey, _Need] = {}
    exposed: list[CellKey] = []
    for k in fixed_targets:
        lo, hi = probe.get(k, (1.0, INF))
        if k in knowledge.known:  # shown by an earlier edition: nothing to protect any more
            exposed.append(k)
            continue
        want = _Need(1, PROTECTED_UPPER) if k in truth else knowledge.requirement[k]
        best = _Need(max(want.lo, int(lo)), min(want.hi, hi), min(3.0, hi - lo))
        if best.hi < want.hi or best.width < 3 or (k not in truth and lo > want.lo):
            exposed.append(k)  # the structure (with what was published before) allows no more: reported
        need[k] = best
    solver = _Attacker(idents, truth, primary, candidates, linked, need, knowledge)
    master = _Master(candidates, truth, knowledge.withheld_before)

    def stuck(found: Sequence[tuple[CellKey, str]]) -> Unprotectable:
        return unprotectable(found, solver.adj, prior)

    try:
        for cut in _singleton_cuts(idents, set(primary) - set(exposed), set(candidates)):
            master.add_cut(*cut)
    except _NoPattern as exc:
        raise stuck([(k, NO_PATTERN) for k in exc.cells]) from None
    hidden_final: set[CellKey] = set()
    rounds = 0
    required = {k: (n.lo, int(n.hi)) for k, n in need.items() if k in truth}
    last: list[CellKey] = []  # the cells of the cuts added last
    while True:
        rounds += 1
        if rounds > MAX_ROUNDS:
            raise RuntimeError("strikte onthullingscontrole convergeert niet")
        try:
            y = master.solve()
            cuts = solver.cuts(y)
            for cut in cuts:
                master.add_cut(*cut)
        except _NoPattern as exc:
            raise stuck([(k, NO_PATTERN) for k in exc.cells or last]) from None
        if cuts:
            last = sorted({cell for *_, cell in cuts})
            continue
        hidden = set(primary) | {k for k in candidates if y[k]}
        if not verify:
            hidden_final = hidden
            break
        display = _display(cells, hidden)
        result = audit_cells(
            display,
            rounded_figures=rounded_figures,
            required=required,
            structure=_published_structure(structure, display) if custom else None,
            record={"gelden": [], "gelden_niet": list(failed)},
            year=year,
            prior=prior,
            links=knowledge.links,
            zeros=zeros,
        )
        failing = [a for a in result.leaks if a.key not in set(exposed)]
        if not failing:
            hidden_final = hidden
            break
        near = {a.key: solver.neighbours(a.key, hidden) for a in failing}
        blocked = [a for a in failing if not near[a.key]]
        if blocked:  # no published cell is left to withhold beside it: no pattern protects it
            raise stuck(
                [
                    (
                        a.key,
                        f"te herleiden tot {interval_text(*a.ip)} (vereist: {a.required}), en geen andere "
                        "cel is nog weg te laten",
                    )
                    for a in blocked
                ]
            )
        last = sorted(near)
        for a in failing:  # suppress at least one more published cell linked to the failing one
            master.add_cut({k: 1.0 for k in near[a.key]}, 1.0, a.key)
    secondary = sorted(hidden_final - set(primary))
    return StrictResult(
        _display(cells, hidden_final),
        primary,
        secondary,
        dropped,
        rounds,
        master.n_cuts,
        required,
        sorted(exposed),
        dict(knowledge.links),
        zeros and any(truth.get(k) == 0 for k in hidden_final),
    )


_Cut = tuple[dict[CellKey, float], float, CellKey]
"""A cut of the master: sum coef_j y_j >= rhs, found for the requirement of a cell."""

NO_PATTERN = "geen patroon van weggelaten cellen houdt deze cel (samen met de andere) ruim genoeg"


class _NoPattern(Exception):
    """The master has no pattern left: the requirements of `cells` (empty: of the cuts added last) cannot
    all be met (`_suppress` turns it into `Unprotectable`)."""

    def __init__(self, cells: tuple[CellKey, ...]):
        super().__init__(cells)
        self.cells = cells


@dataclass(frozen=True)
class _Need:
    """What a cell that is always withheld must keep: its minimum at most `lo`, its maximum at least `hi`
    (and at least four values)."""

    lo: int
    hi: float
    width: float = 3.0  # hi - lo: at least four values


@dataclass
class _Knowledge:
    """What the earlier editions add to the attacker's model of the current one (docs/sdc.md, "Across
    editions"): their identities and the links (their published numbers substituted), the domains of their
    withheld cells, the current cells they fix (shown before: no candidates), the candidates withheld
    before (cheaper), the earlier withheld cells this edition must not narrow, and the build's links."""

    identities: list[Identity]
    domains: dict[CellKey, tuple[float, float]]  # earlier editions' withheld cells
    hidden_lo: dict[CellKey, float]  # current cells: the least value when withheld (revised from '<5')
    known: set[CellKey]  # current cells an earlier edition shows (linked): fixed knowledge
    withheld_before: set[CellKey]  # current cells an earlier edition withheld (linked)
    targets: set[CellKey]  # earlier editions' withheld cells that no later edition publishes again
    requirement: dict[CellKey, _Need]
    links: dict[tuple[int, CellKey], bool]
    least: float = 1.0  # the least value of a withheld current cell (0 when zeros may be withheld)

    @classmethod
    def of(
        cls,
        truth: Mapping[CellKey, int],
        shown: Mapping[CellKey, str],
        structure: Structure,
        prior: Sequence[PriorEdition],
        year: int | None,
        rounded_figures: frozenset[str],
        zeros: bool = False,
    ) -> _Knowledge:
        least = 0.0 if zeros else 1.0
        if not prior or year is None:
            return cls(list(structure.identities), {}, {}, set(), set(), set(), {}, {}, least)
        from jaarcijfers.sdc.audit import narrowed_before
        from jaarcijfers.sdc.editions import (
            EditionCells,
            builder_links,
            domain,
            edition_of,
            joint,
            revised_domain,
        )
        from jaarcijfers.sdc.editions import (
            published as prior_cells,
        )

        earlier = [p for p in prior if p.year < year]
        links = builder_links(truth, earlier, year)
        current = EditionCells(year, shown, current=True, zeros=zeros)
        j = joint(
            [current, *(EditionCells.of(p) for p in earlier)],
            links,
            current_identities=structure.identities,
        )
        fixed: dict[CellKey, int] = {}
        domains: dict[CellKey, tuple[float, float]] = {}
        status: dict[CellKey, str] = {}
        for k, text in j.published.items():
            if edition_of(k)[0] is None or not is_count(k, text):
                continue
            d = variable_domain(k, text, rounded_figures)
            if d.hidden:
                domains[k] = j.domains.get(k, (d.lo, d.hi))
                status[k] = d.status
            else:
                fixed[k] = d.lo
        identities, known = _substitute(list(j.identities) + j.links, fixed, set(truth))
        published = {p.year: prior_cells(p) for p in earlier}
        prior_zeros = {p.year: p.zeros for p in earlier}
        hidden_lo: dict[CellKey, float] = {}
        withheld_before: set[CellKey] = set()
        for (y, k), is_linked in links.items():
            d = domain(k, published[y][k], prior_zeros[y])
            if is_linked and d.hidden:
                withheld_before.add(k)
            elif not is_linked:
                revised = revised_domain(Domain(int(least), INF, "withheld"), d)
                if revised is not None:
                    hidden_lo[k] = revised[0]
        before = narrowed_before(earlier, set(domains) - j.linked_later)
        targets = {
            k
            for k in domains
            if k not in j.linked_later and status[k] in ("small", "withheld") and k not in before
        }
        requirement = {
            k: _Need(SMALL_COUNTS[0], SMALL_COUNTS[-1])
            if status[k] == "small"
            else _Need(10**9, PROTECTED_UPPER)
            for k in targets
        }
        return cls(identities, domains, hidden_lo, known, withheld_before, targets, requirement, links, least)


def _substitute(
    identities: Sequence[Identity], fixed: Mapping[CellKey, int], current: set[CellKey]
) -> tuple[list[Identity], set[CellKey]]:
    """The identities with the earlier editions' published numbers as constants; and the current cells an
    equality then fixes on its own (a link to a shown number: the cell is known)."""
    out: list[Identity] = []
    known: set[CellKey] = set()
    for i in identities:
        if not any(v in fixed for v in i.variables):
            out.append(i)
            continue
        const = sum(c * fixed[v] for c, v in i.terms if v in fixed)
        terms = tuple((c, v) for c, v in i.terms if v not in fixed)
        j = Identity(i.name, terms, i.op, i.rhs - const, i.kind, i.guard)
        if terms:
            out.append(j)
            if i.kind == IdentityKind.LINK and len(terms) == 1 and terms[0][1] in current:
                known.add(terms[0][1])
        else:
            out.append(j)  # a constant row: build_system checks whether it holds
    return out, known


def _structural(
    idents: list[Identity],
    truth: Mapping[CellKey, int],
    targets: list[CellKey],
    candidates: list[CellKey],
    linked: list[Identity],
    knowledge: _Knowledge,
) -> dict[CellKey, tuple[float, float]]:
    """For every cell that is always withheld, the attacker's exact interval when every candidate is
    withheld too (LP first; the integer program only where the LP bounds are tight)."""
    from jaarcijfers.sdc.model import ComponentSolver, build_system, component_rows

    primary = [k for k in targets if k in truth]
    loose = {k: _Need(10**9, 0.0, 0.0) for k in targets}
    probe = _Attacker(idents, truth, primary, candidates, linked, loose, knowledge)
    probe._set_pattern(set(primary) | set(candidates))
    out: dict[CellKey, tuple[float, float]] = {}
    exact = []
    for k in targets:
        if k not in probe.pos:
            out[k] = knowledge.domains.get(k, (1.0, INF))
            continue
        dn, _, _ = probe._capacity(k, -1.0)
        up, _, _ = probe._capacity(k, 1.0)
        lo, hi = math.ceil(-dn - TOL), (INF if up >= probe.big - 0.5 else math.floor(up + TOL))
        out[k] = (lo, hi)
        if lo > 1 or hi < PROTECTED_UPPER + 2 or hi - lo < 5:  # near a requirement: the exact interval
            exact.append(k)
    if exact:
        everything = {
            k: (knowledge.hidden_lo.get(k, knowledge.least), INF) for k in set(primary) | set(candidates)
        }
        everything.update(knowledge.domains)
        fixed = {k: v for k, v in truth.items() if k not in everything}
        system = build_system(idents, everything, fixed)
        index = system.index
        for comp in system.components():
            members = set(comp)
            mine = [k for k in exact if index.get(k) in members]
            if mine:
                solver = ComponentSolver(system, comp, component_rows(system, comp))
                for k in mine:
                    out[k] = solver.interval(index[k])[1]
    return out


def _singleton_cuts(
    idents: list[Identity], primary: set[CellKey], candidates: set[CellKey]
) -> Iterator[_Cut]:
    """Obvious valid cuts that save rounds: in an equality between cells (no auxiliary), a withheld cell
    that is the only withheld one is disclosed exactly. So a primary cell needs another withheld cell in
    each of its equalities. (The same cut for candidates, conditional on y_j, slows the master down more
    than it saves; the capacity cuts find those when needed.)"""
    seen = set()
    for i in idents:
        if i.op != "==" or i.kind != "exact" or any(v.figure == AUX_FIGURE for v in i.variables):
            continue
        prim = [v for v in i.variables if v in primary]
        cand = [v for v in i.variables if v in candidates]
        if len(prim) != 1:
            continue
        coefs = {k: 1.0 for k in cand}
        key = tuple(sorted(coefs.items()))
        if key not in seen:
            seen.add(key)
            yield coefs, 1.0, prim[0]


def _published_structure(structure: Structure, display: Mapping[CellKey, str]) -> Structure:
    """A custom structure as the outsider sees it: percentage identities only while shown."""
    return Structure(
        [
            i
            for i in structure.identities
            if i.guard is None or display.get(i.guard, "") not in ("", STRICT_SYMBOL)
        ]
    )


class _Master:
    """min sum c_j y_j over the candidates, subject to the cuts (binary y)."""

    def __init__(
        self,
        candidates: list[CellKey],
        truth: Mapping[CellKey, int],
        withheld_before: set[CellKey] | frozenset[CellKey] = frozenset(),
    ):
        from jaarcijfers.sdc.model import MIP
        from jaarcijfers.solver.model import Model

        self.keys = candidates
        self.pos = {k: i for i, k in enumerate(candidates)}
        self.model = Model(MIP, name="strikt: hoofdprobleem")
        n = len(candidates)
        self.n_cuts = 0
        if n:
            costs = [
                cost_weight(k)
                * (W_BEFORE if k in withheld_before else 1.0)
                * (W_ZERO if truth[k] == 0 else 1.0)
                * (10 + truth[k])
                + 1e-4 * (i + 1) / n
                for i, k in enumerate(candidates)
            ]
            self.model.add_columns([0.0] * n, [1.0] * n, costs, integer=True)

    def add_cut(self, coefs: Mapping[CellKey, float], rhs: float, cell: CellKey) -> None:
        """Require sum coefs y >= rhs (for the requirement of `cell`)."""
        items = sorted((self.pos[k], c) for k, c in coefs.items() if abs(c) > TOL and k in self.pos)
        if not items:
            if rhs > 0:  # no withheld cell can meet the requirement
                raise _NoPattern((cell,))
            return
        self.model.add_row(rhs, INF, [i for i, _ in items], [c for _, c in items])
        self.n_cuts += 1

    def solve(self) -> dict[CellKey, bool]:
        from jaarcijfers.sdc.model import solved
        from jaarcijfers.solver.model import Status

        if not self.keys:
            return {}
        res = solved(self.model, self.model.solve())
        if res.status in (Status.INFEASIBLE, Status.UNBOUNDED_OR_INFEASIBLE):  # (binaries: never unbounded)
            # the requirements of the cells cut last exclude each other
            raise _NoPattern(())
        if res.status is not Status.OPTIMAL:
            raise RuntimeError(f"strikte onthullingscontrole: hoofdprobleem niet opgelost ({res.detail})")
        x = res.values
        return {k: x[i] > 0.5 for k, i in self.pos.items()}


class _Attacker:
    """The attacker's LP over all identities; bounds follow the suppression pattern. Variables: the current
    edition's counts (published: their true value; withheld: at least 1, or more when the record of a
    revision says so), auxiliaries (free) and the earlier editions' withheld cells (their symbol's domain,
    whatever the pattern)."""

    def __init__(
        self,
        idents: list[Identity],
        truth: Mapping[CellKey, int],
        primary: list[CellKey],
        candidates: list[CellKey],
        linked: list[Identity],
        need: Mapping[CellKey, _Need],
        knowledge: _Knowledge,
    ):
        from jaarcijfers.sdc.model import BIG, LIMITS
        from jaarcijfers.solver.model import Model, Settings

        self.big = BIG
        self.truth = truth
        self.primary = set(primary)
        self.need = dict(need)
        self.candidates = set(candidates)
        self.earlier = {v: (lo, BIG if hi == INF else hi) for v, (lo, hi) in knowledge.domains.items()}
        self.hidden_lo = {v: float(knowledge.hidden_lo.get(v, knowledge.least)) for v in truth}
        self.vars = sorted({v for i in linked for v in i.variables} | set(primary) | set(need))
        self.pos = {v: j for j, v in enumerate(self.vars)}
        self.idents = idents
        # the simplex method without presolve: its duals after warm starts give the capacity cuts
        self.model = Model(Settings(limits=LIMITS, presolve=False, simplex=True), name="strikt: aanvaller LP")
        bounds = [self._fixed_bounds(v) for v in self.vars]
        self.model.add_columns([b[0] for b in bounds], [b[1] for b in bounds])
        self.row_lo: list[float] = []
        self.row_hi: list[float] = []
        self.guard_of_row: list[CellKey | None] = []
        self.adj: dict[CellKey, set[CellKey]] = {v: set() for v in self.vars}
        for i in idents:
            rl = float(i.rhs) if i.op in ("==", ">=") else -INF
            rh = float(i.rhs) if i.op in ("==", "<=") else INF
            self.model.add_row(rl, rh, [self.pos[v] for _, v in i.terms], [float(c) for c, _ in i.terms])
            self.row_lo.append(rl)
            self.row_hi.append(rh)
            self.guard_of_row.append(share_base(i.guard) if i.guard is not None else None)
        for i in linked:
            for v in i.variables:
                self.adj[v].update(i.variables)
        self.n = len(self.vars)
        # connected components (through all identities) and the patterns already proven protected
        self.component: dict[CellKey, int] = {}
        for v in self.vars:
            if v in self.component:
                continue
            cid, todo = len(set(self.component.values())), [v]
            self.component[v] = cid
            while todo:
                u = todo.pop()
                for w in self.adj[u]:
                    if w not in self.component:
                        self.component[w] = cid
                        todo.append(w)
        self.passed: set[tuple[int, frozenset[CellKey]]] = set()
        self.recent: set[CellKey] = set()  # the cells that missed a requirement in the last round
        self.recent_now: set[CellKey] = set()

    def _fixed_bounds(self, v: CellKey) -> tuple[float, float]:
        """Bounds the pattern does not change (auxiliaries, earlier editions); a current cell published."""
        if v.figure == AUX_FIGURE:
            return -self.big, self.big
        if v in self.earlier:
            return self.earlier[v]
        return float(self.truth[v]), float(self.truth[v])

    def neighbours(self, key: CellKey, hidden: set[CellKey]) -> list[CellKey]:
        """The published candidate cells nearest to `key` in the identity graph (sharing an identity
        with it; if all of those are withheld already, one step further, and so on)."""
        seen, frontier = {key}, [key]
        while frontier:
            nxt = sorted({w for v in frontier for w in self.adj.get(v, ()) if w not in seen})
            seen.update(nxt)
            found = [k for k in nxt if k in self.candidates and k not in hidden]
            if found:
                return found
            frontier = nxt
        return []

    def _set_pattern(self, hidden: set[CellKey]) -> None:
        lo, hi = [], []
        for v in self.vars:
            if v in self.truth and v in hidden:
                lo.append(self.hidden_lo[v])
                hi.append(INF)
            else:
                a, b = self._fixed_bounds(v)
                lo.append(a)
                hi.append(b)
        self.model.set_bounds(lo, hi)
        for r, g in enumerate(self.guard_of_row):
            if g is not None:
                if g in hidden:
                    self.model.set_row_bounds(r, -INF, INF)
                else:
                    self.model.set_row_bounds(r, self.row_lo[r], self.row_hi[r])
        self.hidden = hidden

    def _capacity(self, target: CellKey, sense: float) -> tuple[float, float, dict[CellKey, float]]:
        """Maximise sense * x_target. Returns (optimum, constant, {candidate: coefficient}) such that
        for every pattern y: optimum(y) <= constant + sum coef_j y_j (coefficients may be inf)."""
        from jaarcijfers.sdc.model import solved
        from jaarcijfers.solver.model import Status

        j0 = self.pos[target]
        self.model.set_cost(j0, -sense)
        res = self.model.solve(values=False, duals=True)
        if res.status not in (Status.OPTIMAL, Status.UNBOUNDED):
            self.model.reset()  # a warm start gone wrong: solve from scratch once
            res = self.model.solve(values=False, duals=True)
        self.model.set_cost(j0, 0.0)
        res = solved(self.model, res)
        if res.status is Status.UNBOUNDED:
            return INF, INF, {}
        if res.status is not Status.OPTIMAL:
            raise RuntimeError(f"aanvallersmodel: {res.detail}")
        opt = -res.objective
        if opt >= self.big - 0.5:
            return INF, INF, {}
        const = 0.0
        coefs: dict[CellKey, float] = {}
        for r, p in enumerate(res.row_duals):
            if abs(p) <= 1e-7:
                continue
            bound = self.row_lo[r] if p > 0 else self.row_hi[r]
            const -= p * bound
            g = self.guard_of_row[r]
            if g is not None and g in self.candidates:  # the row exists only while its count is shown
                coefs[g] = INF
        for j, d in enumerate(res.col_duals):
            if abs(d) <= 1e-7:
                continue
            v = self.vars[j]
            if v not in self.truth:  # auxiliary or earlier edition: bounds independent of the pattern
                a, b = self._fixed_bounds(v)
                const -= d * (a if d > 0 else b)
                continue
            a = float(self.truth[v])
            low = self.hidden_lo[v]
            if v in self.primary:  # always withheld: bounds [low, inf)
                const -= d * low if d > 0 else -INF
                continue
            # published: [a, a]; withheld: [low, BIG]
            const -= d * a
            if v in self.candidates:
                gain = d * (a - low) if d > 0 else INF
                coefs[v] = coefs.get(v, 0.0) + gain
        return opt, const, coefs

    def cuts(self, y: Mapping[CellKey, bool]) -> list[_Cut]:
        """Capacity cuts for every withheld cell whose LP interval misses a requirement."""
        hidden = self.primary | {k for k, on in y.items() if on}
        self._set_pattern(hidden)
        self.recent_now = set()
        out: list[_Cut] = []
        by_comp: dict[int, list[CellKey]] = {}
        for k in sorted(hidden | set(self.need)):
            if k in self.pos:  # (a primary cell in no identity: its interval is its domain 1..inf)
                by_comp.setdefault(self.component[k], []).append(k)
        for cid, members in sorted(by_comp.items()):
            pattern = (cid, frozenset(m for m in members if m in hidden))
            if pattern in self.passed:
                continue  # nothing changed in this component since it was proven protected
            # the cells that missed a requirement last time first; a round stops after CUTS_PER_ROUND cuts
            # (the master then moves on; a pattern counts as protected only when every cell was checked)
            ordered = [m for m in members if m in self.recent] + [m for m in members if m not in self.recent]
            found, complete = self._component_cuts(ordered, CUTS_PER_ROUND - len(out))
            out.extend(found)
            if complete and not found:
                self.passed.add(pattern)
            if len(out) >= CUTS_PER_ROUND:
                break
        self.recent = set(self.recent_now)
        return out

    def _component_cuts(self, members: list[CellKey], budget: int) -> tuple[list[_Cut], bool]:
        """The cuts of a component's cells, until `budget` cuts are found; and whether every cell was checked."""
        out: list[_Cut] = []
        for k in members:
            if len(out) >= budget:
                return out, False
            up, up_c, up_g = self._capacity(k, 1.0)
            dn, dn_c, dn_g = self._capacity(k, -1.0)  # dn = max(-x) = -(min x)
            need: list[tuple[float, dict[CellKey, float], float]] = []
            if k in self.need:
                want = self.need[k]
                if up < want.hi - TOL:
                    need.append((up_c, up_g, want.hi))
                if -dn > want.lo + TOL:
                    need.append((dn_c, dn_g, -float(want.lo)))
            width = self.need[k].width if k in self.need else 3.0
            if up + dn < width - TOL:
                g = dict(up_g)
                for kk, c in dn_g.items():
                    g[kk] = g.get(kk, 0.0) + c
                need.append((up_c + dn_c, g, width))
            for const, g, level in need:
                own = g.pop(k, 0.0)  # the target's own term (a candidate that is withheld now)
                r = level - const - own
                if not math.isfinite(r):
                    continue
                r -= 1e-4  # numerical safety: a valid cut may only be weakened
                if r <= 0:
                    continue
                coefs = {kk: min(c, r) for kk, c in g.items() if c > TOL}
                self.recent_now.add(k)
                if k in self.candidates:  # conditional on y_k: sum coef y >= r y_k
                    coefs[k] = -r
                    out.append((coefs, 0.0, k))
                else:
                    out.append((coefs, r, k))
        return out, True
