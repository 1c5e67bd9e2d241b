"""Every identity the audit uses, derived from the catalogue alone, holds on the true values.

The identities are derived (`build_structure`) from the cells of an edition with nothing withheld, and
checked against the true counts: of the demo delivery and of seeded random deliveries with the corner
cases the catalogue's coverage declarations are about (`deliveries.py`). An identity that holds by
construction (`exact`, `percent`, the fact relations) must hold on every delivery; a data-dependent one
(`data`) on every delivery without a unit missing a code, and the build's record says which held.
A wrong declaration (declaring the reporters of Figuur 12 a full cover) is caught.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from jaarcijfers.figures.model import CellKey, RawCell
from jaarcijfers.sdc.identities import (
    build_structure,
    data_dependent_check,
)
from jaarcijfers.sdc.policy import plain_text
from jaarcijfers.sdc.structure import (
    AUX_FIGURE,
    ROUNDED_FIGURES,
    Identity,
    IdentityKind,
)

from . import deliveries

RANDOM_SEEDS = range(8)
# three seeds in `make test`, the other five in the slow target (CI runs both)
SEED_PARAMS = [pytest.param(s, marks=pytest.mark.slow) if s >= 3 else s for s in RANDOM_SEEDS]


def true_cells(delivery: Path, year: int | None) -> tuple[int, list[RawCell]]:
    """The figure cells and the related count facts (as the strict policy sees them), true values."""
    from jaarcijfers.edition.publish import fact_cells
    from jaarcijfers.facts.compute import compute_facts
    from jaarcijfers.figures.engine import compute_all
    from jaarcijfers.warehouse.load import open_delivery

    con = open_delivery(delivery)
    year, figures = compute_all(con, year)
    facts = compute_facts(con, year, figures)
    con.close()
    return year, [c for f in figures for c in f.cells()] + fact_cells(facts, year)


def violated(identities: list[Identity], values: Mapping[CellKey, int]) -> list[Identity]:
    """The identities the true values break. An auxiliary variable (a count no figure shows) takes the
    value its defining equality gives; identities on the rounded tables are left out (their true counts
    are not delivered)."""
    usable = [i for i in identities if not any(v.figure in ROUNDED_FIGURES for v in i.variables)]
    aux_value: dict[CellKey, int] = {}
    for i in sorted(usable, key=lambda i: i.name):
        auxes = [(c, v) for c, v in i.terms if v.figure == AUX_FIGURE]
        if i.op == "==" and len(auxes) == 1 and auxes[0][1] not in aux_value and abs(auxes[0][0]) == 1:
            c, a = auxes[0]
            rest = sum(k * values[v] for k, v in i.terms if v != a)
            aux_value[a] = (i.rhs - rest) // c
    known = {**values, **aux_value}
    out = []
    for i in usable:
        lhs = sum(c * known[v] for c, v in i.terms)
        if not {"==": lhs == i.rhs, "<=": lhs <= i.rhs, ">=": lhs >= i.rhs}[i.op]:
            out.append(i)
    return out


def check(cells: list[RawCell], year: int) -> tuple[list[Identity], list[Identity], list[Identity]]:
    """(all identities, violated exact ones, violated data-dependent ones)."""
    values = {c.key: c.value for c in cells if c.kind == "count" and isinstance(c.value, int)}
    identities = build_structure({c.key: plain_text(c) for c in cells}, year=year).identities
    bad = violated(identities, values)
    return (
        identities,
        [i for i in bad if i.kind != IdentityKind.DATA],
        [i for i in bad if i.kind == IdentityKind.DATA],
    )


@pytest.fixture(scope="module")
def demo() -> tuple[int, list[RawCell]]:
    from jaarcijfers.paths import DEMO_DELIVERY

    return true_cells(DEMO_DELIVERY, None)


def test_every_identity_holds_on_the_demo_delivery(demo):
    year, cells = demo
    identities, exact, data = check(cells, year)
    kinds = {i.kind for i in identities}
    assert kinds == {IdentityKind.EXACT, IdentityKind.DATA, IdentityKind.PERCENT, IdentityKind.FACT}
    assert any(i.name.startswith("Feiten: ") for i in identities)  # the fact relations are in the model
    assert not exact, [i.name for i in exact]
    assert not data, [i.name for i in data]
    assert data_dependent_check(cells, year)["gelden_niet"] == []


@pytest.mark.parametrize("seed", SEED_PARAMS)
def test_exact_identities_hold_on_random_deliveries(seed, tmp_path):
    year, cells = true_cells(deliveries.write(tmp_path / "levering", seed), deliveries.YEAR)
    identities, exact, data = check(cells, year)
    assert len(identities) > 100
    assert not exact, [i.name for i in exact]
    # the build's record names exactly the data-dependent identities the data break
    assert sorted(i.name for i in data) == data_dependent_check(cells, year)["gelden_niet"]


@pytest.mark.parametrize("seed", SEED_PARAMS)
def test_every_identity_holds_without_missing_codes(seed, tmp_path):
    """Every victim has a reporter row and no sexually exploited victim is of unknown nationality: the
    data-dependent identities hold too."""
    year, cells = true_cells(deliveries.write(tmp_path / "levering", seed, complete=True), deliveries.YEAR)
    _, exact, data = check(cells, year)
    assert not exact, [i.name for i in exact]
    assert not data, [i.name for i in data]


def test_data_dependent_identities_do_fail_on_some_data(tmp_path):
    """They are data-dependent for a reason: a victim without a reporter row or a sexually exploited victim
    of unknown nationality breaks some of them."""
    failed: set[str] = set()
    for seed in RANDOM_SEEDS[:3]:
        folder = deliveries.write(tmp_path / str(seed), seed, single_form=True)
        year, cells = true_cells(folder, deliveries.YEAR)
        _, exact, data = check(cells, year)
        assert not exact, [i.name for i in exact]
        failed |= {i.name for i in data}
    assert any(n.startswith("Figuur 12 (jaar) [* |") for n in failed)  # reporters >= victims
    assert any(n.startswith("Figuur 2 [* |") for n in failed)  # forms >= victims


@contextmanager
def declared(fig_id: str, part: str, **axis_changes: object) -> Iterator[None]:
    """The catalogue with the row axis of one block changed (a planted wrong declaration)."""
    from jaarcijfers.figures import catalogue
    from jaarcijfers.sdc import identities, structure

    original = catalogue.CATALOGUE
    figures = []
    for f in original:
        if f.id == fig_id:
            blocks = tuple(
                dataclasses.replace(b, rows=dataclasses.replace(b.rows, **axis_changes))
                if b.part == part
                else b
                for b in f.blocks
            )
            f = dataclasses.replace(f, blocks=blocks)
        figures.append(f)
    planted = tuple(figures)
    saved = (catalogue.CATALOGUE, identities.CATALOGUE, structure.CATALOGUE)
    saved_figures = dict(structure._FIGURES)
    try:
        catalogue.CATALOGUE = identities.CATALOGUE = structure.CATALOGUE = planted  # type: ignore[misc]
        structure._FIGURES.clear()
        structure._FIGURES.update({f.id: f for f in planted})
        yield
    finally:
        catalogue.CATALOGUE, identities.CATALOGUE, structure.CATALOGUE = saved  # type: ignore[misc]
        structure._FIGURES.clear()
        structure._FIGURES.update(saved_figures)


def test_a_wrong_coverage_declaration_is_caught(tmp_path):
    """Declaring that every victim has a reporter (Figuur 12 `overlap` instead of `overlap_missing`) makes
    'reporters >= victims' an identity that holds by construction; a delivery with a victim without a
    reporter row breaks it, and the check above reports it."""
    from jaarcijfers.figures.spec import Coverage

    year, cells = true_cells(deliveries.write(tmp_path / "levering", 0), deliveries.YEAR)
    assert not check(cells, year)[1]
    with declared("12", "jaar", coverage=Coverage.OVERLAP):
        _, exact, _ = check(cells, year)
    assert any(i.name.startswith("Figuur 12 (jaar) [* |") for i in exact)


def test_strict_policy_uses_only_the_data_dependent_identities_that_hold(tmp_path):
    """Where the data break a data-dependent identity, the strict policy uses its negation instead (the
    build's record tells an outsider it is false; nothing is contradicted by the raw values), and the
    audit with the record passes."""
    from jaarcijfers.sdc.audit import audit_cells
    from jaarcijfers.sdc.strict import suppress

    folder = deliveries.write(tmp_path / "levering", 1, single_form=True)
    year, cells = true_cells(folder, deliveries.YEAR)
    record = data_dependent_check(cells, year)
    assert record["gelden_niet"]
    res = suppress(cells)
    assert not res.dropped
    result = audit_cells(res.display, record=record, year=year, required=res.required)
    assert result.ok, [(c.key, c.ip) for c in result.leaks]
    assert result.data_record and result.data_negated == sorted(record["gelden_niet"])
    # only the random rounded tables (IND, Raad voor de rechtspraak) contradict their own totals
    assert all(n.startswith(("Figuur 20 ", "Figuur 21 ")) for n in result.dropped), result.dropped
