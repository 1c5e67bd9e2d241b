"""Fixtures: small hand-made deliveries written into tmp_path."""

from pathlib import Path

import pytest

from jaarcijfers.contract.example import example_tables, write_delivery


@pytest.fixture
def tables():
    """The example delivery as editable text tables."""
    return example_tables()


@pytest.fixture
def delivery(tmp_path: Path) -> Path:
    """A minimal valid delivery of all 11 files (CSV) with a levering.toml."""
    return write_delivery(tmp_path / "levering")
