from pathlib import Path

from jaarcijfers.contract.docs import render_validation_doc
from jaarcijfers.contract.problems import PROBLEM_TYPES

DOC = Path(__file__).resolve().parents[2] / "docs" / "validation.md"


def test_validation_doc_is_current():
    assert DOC.read_text(encoding="utf-8") == render_validation_doc(), (
        "docs/validation.md is stale: run `uv run python -m jaarcijfers.contract.docs`"
    )


def test_validation_doc_lists_every_code():
    text = DOC.read_text(encoding="utf-8")
    for code, ptype in PROBLEM_TYPES.items():
        assert f"`{code}` | `{ptype.name}`" in text
