"""The strict policy: primary + secondary suppression that the audit cannot break."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jaarcijfers.edition.files import read_cells
from jaarcijfers.figures.model import CellKey, CellKind, RawCell
from jaarcijfers.paths import REFERENCE_2024
from jaarcijfers.sdc.audit import audit_cells
from jaarcijfers.sdc.identities import (
    build_structure,
)
from jaarcijfers.sdc.strict import POLICY, protect, suppress
from jaarcijfers.sdc.structure import (
    STRICT_SYMBOL,
    Structure,
    is_total_label,
)
from jaarcijfers.sdc.witness import raw_cells_from_published


@pytest.fixture(scope="module")
def edition():
    published = read_cells(REFERENCE_2024 / "figures.csv")
    raw = raw_cells_from_published(published)
    return published, raw, suppress(raw)


def test_strict_edition_passes_the_audit(edition):
    _, raw, res = edition
    assert audit_cells(res.display).ok
    result = audit_cells(res.display, required=res.required)
    assert result.ok, [(c.key, c.ip) for c in result.leaks]
    # in the edition every small cell keeps 1..4, and can be 5 or more (the symbol does not read '<5')
    assert all(r == (1, 5) for r in res.required.values())
    assert not result.dropped  # the repaired raw edition is consistent
    for c in result.cells:
        if c.status == "withheld":
            assert c.ip[1] - c.ip[0] >= 3 and c.ip[1] >= 5
    truth = {c.key: c.value for c in raw}
    for c in result.cells:  # the attacker's intervals always contain the truth
        if c.status == "withheld":
            assert c.ip[0] <= truth[c.key] <= c.ip[1]


def test_strict_edition_rules(edition):
    published, raw, res = edition
    by_key = {c.key: c for c in raw}
    hidden = {k for k, v in res.display.items() if v == STRICT_SYMBOL}
    counts = {k for k, c in by_key.items() if c.kind == "count"}
    assert {k for k in counts if 1 <= by_key[k].value <= 4} == set(res.primary) <= hidden
    assert all(by_key[k].value != 0 for k in hidden if k in counts)  # zeros are never withheld
    assert not any(k.figure in ("1", "15") for k in hidden)  # headline numbers
    assert not any(is_total_label(k.row) or is_total_label(k.column) for k in hidden)
    for k, c in by_key.items():  # rounded sources as delivered
        if c.kind == "rounded":
            assert res.display[k] == c.display == published[k]
    # a percentage of a withheld count is withheld; the others are shown
    for k, c in by_key.items():
        if c.kind == "percent":
            aantal = CellKey(k.figure, k.part, k.row, "Aantal")
            assert (res.display[k] == STRICT_SYMBOL) == (aantal in hidden)
    # the strict edition has no '<5'
    assert "<5" not in res.display.values()
    assert len(res.secondary) < 60


def test_strict_is_deterministic_and_independent_of_input_order(edition):
    _, raw, res = edition
    shuffled = list(raw)
    random.Random(7).shuffle(shuffled)
    assert protect(shuffled) == res.display


def test_strict_figuur_16_is_protected(edition):
    _, _, res = edition
    f16 = {k: v for k, v in res.display.items() if k.figure == "16" and k.column == "2020"}
    assert f16[CellKey("16", "", "Onbekend", "2020")] == STRICT_SYMBOL
    assert sum(v == STRICT_SYMBOL for v in f16.values()) >= 2


def test_note_for_the_reader():
    text = POLICY.note
    assert text is not None and "'x'" in text and "1 tot en met 4" in text and "vijftallen" in text


def test_structure_follows_the_years_of_the_data():
    """The same edition one year later (every year label + 1): the same identities, shifted."""
    published = read_cells(REFERENCE_2024 / "figures.csv")

    def shift(label: str) -> str:
        return str(int(label) + 1) if label.isdigit() and len(label) == 4 else label

    moved = {CellKey(k.figure, k.part, k.row, shift(k.column)): v for k, v in published.items()}
    a, b = build_structure(published), build_structure(moved)
    assert len(a.identities) == len(b.identities)
    leaks_a = {
        (c.key.figure, c.key.part, c.key.row, shift(c.key.column), c.ip) for c in audit_cells(published).leaks
    }
    leaks_b = {(c.key.figure, c.key.part, c.key.row, c.key.column, c.ip) for c in audit_cells(moved).leaks}
    assert leaks_a == leaks_b


# ------------------------------------------------------------------------------------- property tests


@st.composite
def linked_tables(draw):
    """Table A (rows x cols with row, column and grand totals) and table B (a breakdown of the same
    units by another variable), linked by A's grand total = B's total; small counts, some zeros."""
    nr, nc, nb = draw(st.integers(2, 3)), draw(st.integers(2, 4)), draw(st.integers(2, 3))
    val = st.integers(0, 14)
    a = [[draw(val) for _ in range(nc)] for _ in range(nr)]
    grand = sum(map(sum, a))
    # B: nb parts adding up to the same grand total
    cuts = sorted(draw(st.lists(st.integers(0, grand), min_size=nb - 1, max_size=nb - 1)))
    b = [y - x for x, y in zip([0] + cuts, cuts + [grand], strict=True)]
    return a, b


def build(a, b):
    cells: list[RawCell] = []
    s = Structure()
    rows = [f"r{i}" for i in range(len(a))]
    cols = [f"c{j}" for j in range(len(a[0]))]
    A = lambda r, c: CellKey("A", "", r, c)  # noqa: E731
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            cells.append(RawCell(A(r, c), a[i][j], CellKind.COUNT))
        cells.append(RawCell(A(r, "Totaal"), sum(a[i]), CellKind.COUNT))
        s.add(f"A {r}", [A(r, c) for c in cols], "==", [A(r, "Totaal")])
    for j, c in enumerate(cols):
        cells.append(RawCell(A("Totaal", c), sum(a[i][j] for i in range(len(a))), CellKind.COUNT))
        s.add(f"A {c}", [A(r, c) for r in rows], "==", [A("Totaal", c)])
    cells.append(RawCell(A("Totaal", "Totaal"), sum(map(sum, a)), CellKind.COUNT))
    s.add("A totaal rijen", [A(r, "Totaal") for r in rows], "==", [A("Totaal", "Totaal")])
    s.add("A totaal kolommen", [A("Totaal", c) for c in cols], "==", [A("Totaal", "Totaal")])
    B = [CellKey("B", "", f"b{i}", "2024") for i in range(len(b))]
    for k, v in zip(B, b, strict=True):
        cells.append(RawCell(k, v, CellKind.COUNT))
    s.add("B = A totaal", B, "==", [A("Totaal", "Totaal")])
    return cells, s


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(linked_tables(), st.randoms(use_true_random=False))
def test_strict_protected_linked_tables_pass_the_audit(tables, rnd):
    a, b = tables
    cells, s = build(a, b)
    res = suppress(cells, structure=s)
    truth = {c.key: c.value for c in cells}
    assert audit_cells(res.display, structure=s).ok  # the outsider's audit
    result = audit_cells(res.display, structure=s, required=res.required)
    assert result.ok, [(c.key, c.ip) for c in result.leaks]
    assert not res.exposed
    for k, (lo, hi) in res.required.items():  # 1..4 and 5 (or what the structure allows) kept
        assert 1 <= lo <= truth[k] <= hi <= 5
    hidden = {k for k, v in res.display.items() if v == STRICT_SYMBOL}
    assert {k for k, v in truth.items() if 1 <= v <= 4} <= hidden
    assert all(truth[k] > 0 for k in hidden)
    # deterministic, independent of the input order
    shuffled = list(cells)
    rnd.shuffle(shuffled)
    assert suppress(shuffled, structure=s).display == res.display


def test_percent_of_withheld_count_is_withheld():
    """A share column (Figuur 7's Percentage, `Role.SHARE` in the catalogue) is withheld with its count."""
    rows = ["Criminele uitbuiting", "Arbeidsuitbuiting", "Binnenlandse seksuele uitbuiting"]
    values = [40, 3, 20]
    cells, s = [], Structure()
    keys = [CellKey("7", "", r, "Aantal") for r in rows]
    for k, v in zip(keys, values, strict=True):
        cells.append(RawCell(k, v, CellKind.COUNT))
        cells.append(
            RawCell(CellKey("7", "", k.row, "Percentage"), Fraction(v, sum(values)), CellKind.PERCENT)
        )
    total = CellKey("6", "jaar", "Minderjarig", "2024")
    cells.append(RawCell(total, sum(values), CellKind.COUNT))
    s.add("7 totaal", keys, "==", [total])
    res = suppress(cells, structure=s)
    assert res.display[CellKey("7", "", "Arbeidsuitbuiting", "Aantal")] == STRICT_SYMBOL
    assert res.display[CellKey("7", "", "Arbeidsuitbuiting", "Percentage")] == STRICT_SYMBOL
    shown = [r for r in rows if res.display[CellKey("7", "", r, "Aantal")] != STRICT_SYMBOL]
    for r in shown:
        assert res.display[CellKey("7", "", r, "Percentage")].endswith("%")
