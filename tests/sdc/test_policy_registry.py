"""Every disclosure-control policy in the registry is one complete, documented record (datasette style)."""

from pathlib import Path

import pytest

from jaarcijfers.figures.model import CellKey, CellKind, RawCell
from jaarcijfers.sdc.policy import BLANK, DEFAULT, REGISTRY, SMALL_COUNTS, DisclosurePolicy, get_policy

DOC = (Path(__file__).resolve().parents[2] / "docs" / "sdc.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_policy_is_one_documented_record(name):
    assert f"`{name}`" in DOC, f"docs/sdc.md does not document the policy `{name}`"
    assert f"`{REGISTRY[name].removeprefix('jaarcijfers.').replace('.', '/')}.py`" in DOC
    policy = get_policy(name)
    assert isinstance(policy, DisclosurePolicy) and policy.name == name
    assert policy.protects, "every policy says what it protects"
    texts = [s.text for s in policy.symbols]
    assert len(set(texts)) == len(texts) and all(s.meaning for s in policy.symbols)
    assert BLANK in policy.symbols, "every policy explains an empty cell"
    assert policy.withheld in policy.symbols


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_policy_withholds_every_small_count(name):
    """The small-count rule (contract rule 11) holds for every policy: a count in its small range is never
    published as a number; any other count is shown as itself or withheld."""
    policy = get_policy(name)
    assert policy.small == SMALL_COUNTS
    from jaarcijfers.figures.catalogue import by_id

    # cells of a real figure (Figuur 2): a policy may read the catalogue's identities
    values = [0, *SMALL_COUNTS, SMALL_COUNTS.stop, 250]
    rows = [label for label, _ in by_id()["2"].blocks[0].rows.labels]
    places = [(row, year) for year in ("2023", "2024") for row in rows]
    assert len(places) >= len(values)
    cells = [
        RawCell(CellKey("2", "", r, y), v, CellKind.COUNT) for (r, y), v in zip(places, values, strict=False)
    ]
    shown = policy.protect(cells)
    for c in cells:
        if c.value in SMALL_COUNTS:
            assert shown[c.key] == policy.withheld.text
        else:
            assert shown[c.key] in (str(c.value), policy.withheld.text)


def test_default_is_the_publication_policy():
    assert DEFAULT == "publicatie"


def test_unknown_policy_is_a_user_error():
    from jaarcijfers.errors import UserError

    with pytest.raises(UserError):
        get_policy("geen")


def test_a_record_has_exactly_one_withholding_symbol():
    with pytest.raises(ValueError):
        DisclosurePolicy("leeg", "niets", (BLANK,), protect=lambda cells: {})
