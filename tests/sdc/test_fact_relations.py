"""Prose count facts in the attacker's model: relations of the facts catalogue, the strict policy's
secondary suppression over facts and cells, and the audit of facts."""

from __future__ import annotations

from jaarcijfers.edition.files import read_cells, read_fact_values
from jaarcijfers.facts.catalogue import RELATIONS, related_fact_ids, relation_terms
from jaarcijfers.figures.model import CellKey, CellKind, RawCell
from jaarcijfers.paths import REFERENCE_2024
from jaarcijfers.sdc.audit import audit_cells
from jaarcijfers.sdc.facts import related_facts
from jaarcijfers.sdc.identities import (
    build_structure,
)
from jaarcijfers.sdc.strict import suppress
from jaarcijfers.sdc.structure import (
    STRICT_SYMBOL,
    Identity,
    Structure,
    fact_key,
    reporting_year,
)


def test_relations_are_year_templated_and_name_known_facts():
    from jaarcijfers.facts.catalogue import FACTS
    from jaarcijfers.facts.compute import fact_id

    ids = {fact_id(f.id, 2024) for f in FACTS}
    assert related_fact_ids(2024) <= ids
    assert "minderjarig_crim_overig_2024" in related_fact_ids(2024)
    assert "minderjarig_crim_overig_2025" in related_fact_ids(2025)
    assert len(list(relation_terms(2024))) == len(RELATIONS)
    assert all(r.op in ("==", "<=") for r in RELATIONS)


def test_hand_made_partition_withholds_a_fact_not_the_cell():
    """total (a shown cell, 20) = a (12) + b (5) + c (3): c is a small count, so another part must go,
    and a fact is preferred to the cell; the audit of the result (facts included) passes."""
    total = CellKey("9", "", "Totaal", "2024")
    a, b, c = fact_key("a"), fact_key("b"), fact_key("c")
    cells = [
        RawCell(total, 20, CellKind.COUNT),
        RawCell(a, 12, CellKind.COUNT),
        RawCell(b, 5, CellKind.COUNT),
        RawCell(c, 3, CellKind.COUNT),
    ]
    s = Structure([Identity("partitie", ((1, a), (1, b), (1, c), (-1, total)), "==", 0)])
    res = suppress(cells, structure=s)
    assert res.primary == [c]
    assert res.secondary == [b]  # the cheapest part; never the total
    assert res.display[total] == "20" and res.display[a] == "12"
    result = audit_cells(res.display, structure=s, required=res.required)
    assert result.ok
    assert result.interval(c) == (1, 7) and result.interval(b) == (1, 7)
    # without the secondary suppression the small fact is disclosed exactly
    leak = audit_cells({total: "20", a: "12", b: "5", c: STRICT_SYMBOL}, structure=s)
    assert not leak.ok and leak.interval(c) == (3, 3)


def test_structure_links_facts_only_when_present():
    published = read_cells(REFERENCE_2024 / "figures.csv")
    assert reporting_year(published) == 2024
    assert not any(i.name.startswith("Feiten") for i in build_structure(published).identities)
    facts = related_facts(read_fact_values(REFERENCE_2024 / "facts.csv"), 2024)
    assert facts[fact_key("minderjarig_crim_overig_2024")] == "<5"
    names = {i.name for i in build_structure({**published, **facts}).identities}
    assert "Feiten: minderjarigen criminele uitbuiting naar nationaliteit" in names
    assert "Feiten: geslacht: man + vrouw + onbekend = Figuur 1" in names


def test_audit_finds_the_prose_leaks_of_the_reference_edition():
    """The reference report prints 34 and 5 of the 42 minors: the third part, '<5', is derivable exactly."""
    published = read_cells(REFERENCE_2024 / "figures.csv")
    published.update(related_facts(read_fact_values(REFERENCE_2024 / "facts.csv"), 2024))
    result = audit_cells(published)
    leaks = {c.key: c.ip for c in result.leaks}
    assert leaks[fact_key("minderjarig_crim_overig_2024")] == (3, 3)
