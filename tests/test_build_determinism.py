"""The same delivery gives byte-identical outputs (with SOURCE_DATE_EPOCH fixing metadata.json's build time):
a fresh build equals the shared build of the demo, every file."""

from __future__ import annotations

from pathlib import Path

import pytest

from jaarcijfers.paths import DEMO_DELIVERY

pytestmark = pytest.mark.slow


def files(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != ".complete"
    }


def test_two_builds_are_byte_identical(demo_build, cli, tmp_path):
    shared = files(demo_build("--data", str(DEMO_DELIVERY)))
    res = cli("build", "--data", str(DEMO_DELIVERY), "--out", str(tmp_path / "b"))
    assert res.returncode == 0, res.stderr
    fresh = files(tmp_path / "b")
    expected = {
        "figures.csv",
        "facts.csv",
        "metadata.json",
        "index.html",
        "persbericht.html",
        "jaarcijfers-2024.pdf",
        "jaarcijfers-2024.xlsx",
        "open-data/datapackage.json",
    }
    assert expected <= set(fresh)
    assert shared.keys() == fresh.keys()
    assert [name for name in fresh if fresh[name] != shared[name]] == []
