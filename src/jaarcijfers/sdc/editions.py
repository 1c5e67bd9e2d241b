"""Disclosure control across editions: what an outsider knows from the earlier published editions.

Each edition repeats four years of the one before, so a cell (figure, part, row, year column) or a count
fact whose id names a year is published again. An earlier edition's published values are knowledge: its
cells and facts, with its own identities (derived from the catalogue for its reporting year, its
data-dependent identities as its `metadata.json` records them), enter the attacker's model as variables of
that edition (`structure.of_edition`: '2023:17'), and a **link** ties a cell to the same cell of the next
edition that publishes it (an equality, kind `LINK`).

The same key in two editions is the same unknown only where the true value did not change; a cell revised
between the editions (a new delivery version) is a different unknown. Hence the rule (docs/sdc.md,
"Across editions"):

- **building** an edition, the builder knows the true values of the current edition and the published
  values of the earlier ones: a cell is linked when the earlier published value is consistent with the
  current true value (a shown number equal to it, a symbol whose range contains it);
- **auditing** from the published files alone, same keys are linked when their published values do not
  contradict each other (`consistent`), except the cells the later edition records as revised
  (`metadata.json`, `onthullingscontrole.niet_gekoppeld`: the withheld cells whose earlier published value
  the build found inconsistent with the true value, which the published values alone would link); a link
  that the identities and the published values contradict is dropped by the audit and named.

The record tells an outsider that those cells changed: where the earlier value was a range (`<5`: 1..4),
the cell is outside it, which both the strict policy and the audit model (`revised_domain`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from jaarcijfers.figures.catalogue import by_id
from jaarcijfers.figures.model import CellKey
from jaarcijfers.sdc.facts import related_facts
from jaarcijfers.sdc.prior import PriorEdition
from jaarcijfers.sdc.structure import (
    AUX_FIGURE,
    FACT_FIGURE,
    INF,
    Domain,
    Identity,
    IdentityKind,
    Structure,
    cell_name,
    edition_of,
    is_count,
    of_edition,
    variable_domain,
)

_FIGURES = by_id()
_YEAR_IN_ID = re.compile(r"(?<![0-9])(19|20)[0-9][0-9](?![0-9])")


def published(prior: PriorEdition) -> dict[CellKey, str]:
    """An earlier edition's cells and the facts in the attacker's model (`sdc.facts.related_facts`), untagged."""
    return {**prior.cells, **related_facts(prior.facts, prior.year)}


def linkable(key: CellKey) -> bool:
    """Is this the same quantity in every edition that publishes it? A cell of a block whose columns are
    years (not a reporting-year or five-year block), or a fact whose id names a year."""
    _, key = edition_of(key)
    if key.figure == FACT_FIGURE:
        return bool(_YEAR_IN_ID.search(key.row))
    if key.figure == AUX_FIGURE:
        return False
    fig = _FIGURES.get(key.figure)
    block = fig.block(key.part) if fig else None
    return block is not None and block.columns.years


def domain(key: CellKey, display: str, zeros: bool = False) -> Domain:
    return variable_domain(key, display, zeros=zeros)


def consistent(a: Domain, b: Domain) -> bool:
    """Can two published values stand for the same number?"""
    return max(a.lo, b.lo) <= min(a.hi, b.hi)


def holds(value: int, d: Domain) -> bool:
    """Is a true value consistent with a published value?"""
    return d.lo <= value <= d.hi


def revised_domain(current: Domain, earlier: Domain) -> tuple[float, float] | None:
    """What an outsider learns from the record that a withheld cell is not the value an earlier edition
    published: outside the earlier range. Only a range at the bottom of the current one gives a range
    (`<5` before, `x` now: at least 5); a single excluded value is not modelled (it removes one value)."""
    if (
        earlier.lo <= current.lo
        and earlier.hi < INF
        and earlier.hi >= current.lo
        and earlier.lo != earlier.hi
    ):
        return (earlier.hi + 1, current.hi)
    return None


@dataclass(frozen=True)
class EditionCells:
    """One edition in the joint model: its year, its published cells and facts (untagged), its record of
    data-dependent identities, its record of revised cells, and whether it is the edition audited (its
    variables keep their keys) or an earlier one (tagged with its year)."""

    year: int
    published: Mapping[CellKey, str]
    failed: tuple[str, ...] | None = None
    unlinked: Mapping[int, frozenset[CellKey]] = field(default_factory=dict)
    current: bool = False
    zeros: bool = False  # the edition withheld zeros: its `x` is 0..inf

    @classmethod
    def of(cls, prior: PriorEdition) -> EditionCells:
        return cls(prior.year, published(prior), prior.failed, prior.unlinked, zeros=prior.zeros)

    def var(self, key: CellKey) -> CellKey:
        return key if self.current else of_edition(key, self.year)


@dataclass
class Joint:
    """The joint model of several editions: the published values of every variable (tagged keys for the
    earlier editions), the identities of every edition and the links between them."""

    published: dict[CellKey, str]
    identities: list[Identity]
    links: list[Identity]
    unlinked: list[str]  # same keys not linked, with the reason (Dutch)
    domains: dict[CellKey, tuple[float, float]]  # a-priori domains that replace a symbol's (revised cells)
    linked_later: set[CellKey]  # variables tied to a cell of a later edition (that cell stands for them)
    years: tuple[int, ...]
    earlier_of: dict[CellKey, CellKey] = field(default_factory=dict)  # a variable -> the one it is tied to
    # in the next earlier edition


def joint(
    editions: Sequence[EditionCells],
    links: Mapping[tuple[int, CellKey], bool] | None = None,
    current_identities: Sequence[Identity] | None = None,
) -> Joint:
    """The joint model of `editions` (any order). `links`: the builder's decisions, (year of the earlier
    edition, key) -> linked, for the pairs with the current edition (the build knows the true values);
    without it the auditor's rule applies (published values consistent, the later edition's record).
    `current_identities`: the current edition's identities when already derived."""
    eds = sorted(editions, key=lambda e: -e.year)
    published: dict[CellKey, str] = {}
    identities: list[Identity] = []
    domains: dict[CellKey, tuple[float, float]] = {}
    for ed in eds:
        if ed.current and current_identities is not None:
            identities.extend(current_identities)
        else:
            structure = _earlier_structure(ed)
            identities.extend(_rename(ident, ed) for ident in structure.identities)
        for k, s in ed.published.items():
            published[ed.var(k)] = s
            if ed.zeros and is_count(k, s) and domain(k, s, True).status == "withheld":
                domains[ed.var(k)] = (0, INF)  # an edition that withheld zeros: its x may be 0
    out_links: list[Identity] = []
    unlinked: list[str] = []
    linked_later: set[CellKey] = set()
    earlier_of: dict[CellKey, CellKey] = {}
    keys = sorted({k for ed in eds for k, s in ed.published.items() if is_count(k, s) and linkable(k)})
    for k in keys:
        having = [ed for ed in eds if k in ed.published]
        for later, earlier in zip(having, having[1:], strict=False):
            d_later = domain(k, later.published[k], later.zeros)
            d_earlier = domain(k, earlier.published[k], earlier.zeros)
            what = f"{cell_name(k)}: editie {earlier.year} ({earlier.published[k]}) en editie {later.year} ({later.published[k]})"
            if later.current and links is not None and (earlier.year, k) in links:
                linked = links[(earlier.year, k)]
                if not linked and consistent(d_later, d_earlier):
                    unlinked.append(f"{what}: herzien volgens de bouw")
                    revised = revised_domain(d_later, d_earlier)
                    if revised is not None and d_later.status == "withheld":
                        domains[later.var(k)] = revised
            elif k in later.unlinked.get(earlier.year, frozenset()):
                linked = False
                unlinked.append(f"{what}: herzien volgens metadata.json van editie {later.year}")
                revised = revised_domain(d_later, d_earlier)
                if revised is not None and d_later.status == "withheld":
                    domains[later.var(k)] = revised
            else:
                linked = consistent(d_later, d_earlier)
                if not linked:
                    unlinked.append(f"{what}: de gepubliceerde waarden spreken elkaar tegen (herzien)")
            if linked:
                a, b = later.var(k), earlier.var(k)
                out_links.append(
                    Identity(
                        f"{cell_name(k)}: editie {earlier.year} = editie {later.year}",
                        tuple(sorted(((1, a), (-1, b)), key=lambda t: t[1])),
                        "==",
                        0,
                        IdentityKind.LINK,
                    )
                )
                linked_later.add(b)
                earlier_of[a] = b
    return Joint(
        published,
        identities,
        out_links,
        unlinked,
        domains,
        linked_later,
        tuple(e.year for e in eds),
        earlier_of,
    )


def _earlier_structure(ed: EditionCells) -> Structure:
    """An earlier edition's identities; an edition that does not fit the catalogue (made with another
    version of it, or edited by hand) is the user's error, named (docs/sdc.md, "Across editions")."""
    from jaarcijfers.errors import UserError
    from jaarcijfers.sdc.identities import build_structure
    from jaarcijfers.sdc.structure import CatalogueError

    try:
        return build_structure(ed.published, year=ed.year, failed=ed.failed or ())
    except CatalogueError as exc:
        raise UserError(
            f"de eerdere editie {ed.year} past niet bij de catalogus van de figuren: {exc}. De "
            "onthullingscontrole kan haar daarom niet meewegen; geef alleen eerdere edities die met deze "
            "catalogus zijn gemaakt (--met-eerdere, of de edities in het register; docs/sdc.md)"
        ) from None


def _rename(ident: Identity, ed: EditionCells) -> Identity:
    if ed.current:
        return ident
    terms = tuple(sorted(((c, ed.var(v)) for c, v in ident.terms), key=lambda t: t[1]))
    name = f"editie {ed.year}: {ident.name}"
    return Identity(
        name, terms, ident.op, ident.rhs, ident.kind, None if ident.guard is None else ed.var(ident.guard)
    )


def builder_links(
    truth: Mapping[CellKey, int], priors: Iterable[PriorEdition], year: int
) -> dict[tuple[int, CellKey], bool]:
    """The build's rule: a cell of the current edition (true value known) is linked to the same cell of the
    latest earlier edition that publishes it when that edition's published value is consistent with the
    true value. (year of the earlier edition, key) -> linked."""
    out: dict[tuple[int, CellKey], bool] = {}
    by_key: dict[CellKey, tuple[int, str, bool]] = {}
    for prior in sorted(priors, key=lambda p: p.year):
        if prior.year >= year:
            continue
        for k, s in published(prior).items():
            if k in truth and is_count(k, s) and linkable(k):
                by_key[k] = (prior.year, s, prior.zeros)  # the latest earlier edition wins
    for k, (y, s, zeros) in by_key.items():
        out[(y, k)] = holds(truth[k], domain(k, s, zeros))
    return out


def revised_record(
    display: Mapping[CellKey, str],
    links: Mapping[tuple[int, CellKey], bool],
    priors: Iterable[PriorEdition],
    zeros: bool = False,
) -> dict[int, list[CellKey]]:
    """What the current edition records as revised (`metadata.json`): per earlier year, the cells the build
    did not link although their published values alone would be linked (a withheld cell whose earlier
    value is no longer its true value). Without it the audit from the files would tie them."""
    priors = list(priors)
    earlier = {p.year: published(p) for p in priors}
    prior_zeros = {p.year: p.zeros for p in priors}
    out: dict[int, list[CellKey]] = {}
    for (y, k), linked in sorted(links.items(), key=lambda t: (t[0][0], t[0][1])):
        if linked or k not in display or not is_count(k, display[k]):
            continue
        if consistent(domain(k, display[k], zeros), domain(k, earlier[y][k], prior_zeros[y])):
            out.setdefault(y, []).append(k)
    return out
