"""The catalogue's meaning is complete and consistent: every label has a role and a reader phrase, every
axis a coverage consistent with its labels, every link resolves, and the narrative and the fact
catalogue name only what the catalogue knows."""

from __future__ import annotations

import pytest

from jaarcijfers.figures.catalogue import CATALOGUE, by_id, label_phrase, phrase
from jaarcijfers.figures.spec import NUMERIC_ROLES, Axis, BlockKind, Coverage, Figure, Role
from jaarcijfers.sdc.identities import (
    build_structure,
    total_children,
)
from jaarcijfers.sdc.policy import CellKey
from jaarcijfers.sdc.structure import (
    CatalogueError,
)

YEAR = 2024
WINDOW = [str(y) for y in range(YEAR - 4, YEAR + 1)]


def axes(fig: Figure) -> list[tuple[str, Axis]]:
    return [
        (f"{fig.id}/{b.part}/{which}", ax)
        for b in fig.blocks
        for which, ax in (("rij", b.rows), ("kolom", b.columns))
    ]


def label_axes() -> list[tuple[str, Axis]]:
    return [(name, ax) for fig in CATALOGUE for name, ax in axes(fig) if ax.entries]


@pytest.mark.parametrize(("name", "axis"), label_axes(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_label_has_a_role_and_a_reader_phrase(name, axis):
    for e in axis.entries:
        assert isinstance(e.role, Role), (name, e.text)
        assert e.phrase or axis.phrase, f"{name}: {e.text!r} has no reader phrase and the axis no template"
        text = label_phrase(axis, e)
        assert text and "{" not in text and "}" not in text, (name, e.text, text)


@pytest.mark.parametrize(("name", "axis"), label_axes(), ids=lambda x: x if isinstance(x, str) else "")
def test_coverage_is_consistent_with_the_labels(name, axis):
    assert axis.why, f"{name}: the coverage needs its reason (the rule behind it)"
    texts = [e.text for e in axis.entries]
    assert len(set(texts)) == len(texts), f"{name}: a label twice"
    parts = [e for e in axis.entries if e.role in NUMERIC_ROLES and e.role != Role.TOTAL]
    if axis.coverage == Coverage.MEASURES:
        assert all(e.role != Role.UNKNOWN for e in axis.entries), name
    else:
        assert all(e.codes for e in parts), f"{name}: a counted label without codes"
        assert all(e.role in NUMERIC_ROLES for e in axis.entries), f"{name}: a measure on a counted axis"
        if not axis.coverage.overlap:  # a unit has at most one label: the parts share no code
            codes = [c for e in parts for c in e.codes]
            assert len(set(codes)) == len(codes), f"{name}: parts share a code but the axis does not overlap"
    for e in axis.entries:
        if e.role == Role.TOTAL and len([x for x in axis.entries if x.role in NUMERIC_ROLES]) > 1:
            total_children(axis, e)  # raises when the parts do not make up the total
        if e.within:
            assert axis.get(e.within) is not None, (name, e.within)
    for group in axis.exclusive:
        assert axis.coverage.overlap, f"{name}: exclusive groups only make sense on an overlapping axis"
        assert all(axis.get(t) is not None for t in group), (name, group)
    measures = [e.role for e in axis.entries if e.role in (Role.COUNT, Role.SHARE, Role.RANK)]
    assert len(measures) == len(set(measures)), f"{name}: a measure role twice"


def full_edition() -> dict[CellKey, str]:
    """Every cell the catalogue declares, for the whole window (optional labels included), from the
    catalogue alone; Tabel 1 with two nationalities."""
    out: dict[CellKey, str] = {}
    for fig in CATALOGUE:
        for b in fig.blocks:
            if b.rows.from_data:
                rows = ["Nederland", "Roemenië"]
            else:
                rows = [e.text for e in b.rows.entries] + [m.label for m in b.means]
            cols = WINDOW if b.columns.years else [e.text for e in b.columns.entries]
            for r in rows:
                for c in cols:
                    entry = b.columns.get(c)
                    role = entry.role if entry else Role.PART
                    mean = any(m.label == r for m in b.means)
                    out[CellKey(fig.id, b.part, r, c)] = (
                        "50%" if role == Role.SHARE else "30" if mean else "1" if role == Role.RANK else "7"
                    )
    return out


def test_every_link_resolves_and_says_something():
    from jaarcijfers.sdc.identities import link_pairs

    published = full_edition()
    structure = build_structure(published, year=YEAR)
    assert len(structure.identities) > 200
    counts = link_pairs(published, YEAR)
    assert set(counts) == {(f.id, n) for f in CATALOGUE for n in range(len(f.links))}
    silent = [(fig, n, by_id()[fig].links[n].why) for (fig, n), k in counts.items() if k == 0]
    assert not silent, silent


def test_every_figure_with_counts_is_tied_to_another_or_has_totals():
    """A figure of counted units without a link and without a total is a figure the disclosure audit cannot
    relate to anything; only Figuur 13 (investigations, no other figure counts them) is like that."""
    loose = [
        f.id
        for f in CATALOGUE
        if not f.links
        and not f.headline
        and not any(e.role == Role.TOTAL for b in f.blocks for e in b.rows.entries)
        and not any(f.id == (link.other.figure or g.id) for g in CATALOGUE for link in g.links)
        and all(b.kind == BlockKind.COUNT for b in f.blocks)
    ]
    assert loose == ["13"]


def test_a_label_the_catalogue_does_not_know_is_an_error():
    published = full_edition()
    published[CellKey("6", "jaar", "Bejaard", "2024")] = "3"
    with pytest.raises(CatalogueError, match="Bejaard"):
        build_structure(published, year=YEAR)
    published = full_edition()
    published[CellKey("42", "", "x", "2024")] = "3"
    with pytest.raises(CatalogueError, match="42"):
        build_structure(published, year=YEAR)


def test_a_missing_row_is_an_error_an_absent_optional_row_a_zero():
    published = {k: v for k, v in full_edition().items() if not (k.figure == "6" and k.row == "40+")}
    with pytest.raises(CatalogueError, match="40\\+"):
        build_structure(published, year=YEAR)
    # Figuur 4's region Overig is shown only when non-zero: absent, it is a known 0, so Figuur 9's
    # sexually exploited victims from Overig are 0 too (every one of them has a sector row)
    published = {k: v for k, v in full_edition().items() if not (k.figure == "4" and k.column == "Overig")}
    names = {i.name: i for i in build_structure(published, year=YEAR).identities}
    zero = names["Figuur 4 [* | Overig] >= Figuur 9 (vorm) [Overig | Seksuele uitbuiting]"]
    assert zero.terms == ((-1, CellKey("9", "vorm", "Overig", "Seksuele uitbuiting")),)


def test_a_blank_cell_drops_only_the_identities_that_need_it():
    """Figuur 18's split hidden in the reporting year: the yearly split identity goes, the five-year
    totals of the split forms become bounds through a shared unknown, the rest stays."""
    published = full_edition()
    full = {i.name for i in build_structure(published, year=YEAR).identities}
    for row in (
        "Binnenlandse seksuele uitbuiting",
        "Internationale seksuele uitbuiting",
        "Seksuele uitbuiting - onbekend",
    ):
        published[CellKey("18", "", row, "2024")] = ""
    blank = {i.name: i for i in build_structure(published, year=YEAR).identities}
    split = "Figuur 18 [Binnenlandse seksuele uitbuiting + Internationale seksuele uitbuiting + Seksuele uitbuiting - onbekend | {}] == Figuur 18 [Seksuele uitbuiting - totaal | {}]"
    assert split.format(2023, 2023) in full and split.format(2023, 2023) in blank
    assert split.format(2024, 2024) in full and split.format(2024, 2024) not in blank
    assert (
        "Figuur 18 [Binnenlandse seksuele uitbuiting | *] <= eenheden van Figuur 18 [Binnenlandse seksuele uitbuiting | *]"
        in blank
    )
    total = "Figuur 18 [Seksuele uitbuiting - totaal + Arbeidsuitbuiting + Criminele/overige uitbuiting + Onbekend | 2024] == Figuur 18 [Totaal | 2024]"
    assert total in full and total in blank
    lost = set(full) - set(blank)
    assert split.format(2024, 2024) in lost
    for name in lost - {split.format(2024, 2024)}:
        # a five-year form total Figuur 18 no longer gives exactly: the figures share an unknown instead
        a, b = name.split(" == ")
        assert b.startswith("Figuur 18 [") and f"{a} == eenheden van {b}" in blank, name
        assert f"{b} <= eenheden van {b}" in blank


def test_the_narrative_names_series_from_the_catalogue():
    from jaarcijfers.story.model import Series
    from jaarcijfers.story.nl import phrase_of

    for fig in CATALOGUE:
        for b in fig.blocks:
            for e in b.rows.entries:
                assert (
                    phrase_of(Series(fig.id, b.part, e.text))
                    == phrase(fig, e.text)
                    == label_phrase(b.rows, e)
                )
    assert phrase_of(Series("6", "jaar", "Minderjarig")) == "minderjarige slachtoffers"
    assert (
        phrase_of(Series("12", "jaar", "Zorgcoördinatoren")) == "slachtoffers gemeld door zorgcoördinatoren"
    )
    # a crossing cell: the phrases of its row and column merged on their shared head noun
    assert (
        phrase_of(Series("6", "vorm", "Minderjarig", "Criminele uitbuiting"), 2024)
        == "minderjarige slachtoffers van criminele uitbuiting"
    )
    assert (
        phrase_of(Series("4", "", "Hotelprostitutie", "Latijns-Amerika en de Caraïben"), 2024)
        == "Latijns-Amerikaanse slachtoffers van seksuele uitbuiting in de hotelprostitutie"
    )


def test_fact_declarations_name_catalogue_cells():
    """The change facts the narrative looks up (`chg`, `diff`, `fct`) and the relations of the facts
    catalogue read cells the catalogue declares."""
    from jaarcijfers.facts.catalogue import RELATIONS, series_facts

    for kind, fig_id, part, row in series_facts():
        block = by_id()[fig_id].block(part)
        assert block is not None and block.rows.get(row) is not None, (kind, fig_id, part, row)
        assert block.columns.years, (fig_id, part)
    for relation in RELATIONS:
        for ref in relation.lhs + relation.rhs:
            if ref.fact:
                continue
            block = by_id()[ref.figure].block(ref.part)
            assert block is not None and block.rows.get(ref.row) is not None, (relation.name, ref)
            assert block.columns.years or block.columns.get(ref.column) is not None, (relation.name, ref)
