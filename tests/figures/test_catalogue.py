"""Every catalogue entry is documented and declares the rows and columns the reference edition lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from jaarcijfers.figures.catalogue import CATALOGUE, SECTIONS
from jaarcijfers.figures.docs import render
from jaarcijfers.synth.targets import load_targets

DOCS = Path(__file__).resolve().parents[2] / "docs" / "figures.md"
REF = load_targets()


def test_docs_are_current():
    assert DOCS.read_text(encoding="utf-8") == render(), (
        "run: uv run python -m jaarcijfers.figures.docs > docs/figures.md"
    )


@pytest.mark.parametrize("fig", CATALOGUE, ids=lambda f: f.id)
def test_entry_is_documented(fig):
    assert fig.title and fig.source and fig.unit and fig.description and fig.section
    assert fig.section in {s for _, s in SECTIONS}
    assert fig.chart in {"line", "grouped_bar", "bar", "stacked_bar"}
    assert f"## {fig.name}. {fig.title}" in render()


def test_catalogue_covers_every_reference_figure():
    """Every figure of the reference edition is declared (the catalogue may hold figures the 2024 report
    did not have)."""
    assert {k[0] for k in REF.cells} <= {f.id for f in CATALOGUE}


@pytest.mark.parametrize(
    "fig", [f for f in CATALOGUE if f.id in {k[0] for k in REF.cells}], ids=lambda f: f.id
)
def test_declared_labels_match_the_reference(fig):
    """Rows and columns declared for the 2024 window are exactly the reference's (data-driven axes aside:
    Tabel 1 rows; optional labels may be absent in the reference)."""
    for block in fig.blocks:
        ref_rows = REF.rows(fig.id, block.part)
        ref_cols = REF.columns(fig.id, block.part)
        assert ref_rows, f"{fig.id}/{block.part}: not in the reference"
        if block.columns.years:
            assert all(c.isdigit() for c in ref_cols)
        else:
            declared = [label for label, _ in block.columns.labels]
            assert [c for c in declared if c not in block.columns.optional] == [
                c for c in ref_cols if c not in block.columns.optional
            ]
            assert set(ref_cols) <= set(declared)
        if block.kind == "top":
            continue
        declared_rows = [label for label, _ in block.rows.labels] + [m.label for m in block.means]
        if block.sort_rows_by_count:
            assert sorted(declared_rows) == sorted(ref_rows)
        else:
            assert [r for r in declared_rows if r not in block.rows.optional] == [
                r for r in ref_rows if r not in block.rows.optional
            ]
