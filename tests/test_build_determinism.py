"""The same delivery gives byte-identical outputs (with SOURCE_DATE_EPOCH fixing metadata.json's build time)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from jaarcijfers.paths import DEMO_DELIVERY


def build(out: Path) -> dict[str, bytes]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735689600"}
    res = subprocess.run(
        [sys.executable, "-m", "jaarcijfers.cli", "build", "--data", str(DEMO_DELIVERY), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    first, second = build(tmp_path / "a"), build(tmp_path / "b")
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
    assert expected <= set(first)
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert different == []
