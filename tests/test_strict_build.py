"""`build --sdc strict` on the demo delivery: every output shows the strict policy and the audit passes;
the default edition's audit lists the leaks (Figuur 16, 2020 'Onbekend' among them)."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from jaarcijfers.paths import DEMO_DELIVERY


def run(*args):
    return subprocess.run([sys.executable, "-m", "jaarcijfers.cli", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def strict_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("strict")
    res = run("build", "--data", str(DEMO_DELIVERY), "--out", str(out), "--sdc", "strict", "--only-figures")
    assert res.returncode == 0, res.stderr
    return out


def test_strict_edition_passes_the_audit(strict_out):
    res = run("audit", str(strict_out))
    assert res.returncode == 0, res.stdout
    assert "Geslaagd" in res.stdout


def test_strict_edition_uses_one_symbol_and_never_the_small_count_symbol(strict_out):
    with open(strict_out / "figures.csv", encoding="utf-8") as f:
        values = [r["value"] for r in csv.DictReader(f)]
    assert "x" in values and "<5" not in values
    with open(strict_out / "facts.csv", encoding="utf-8") as f:
        facts = {r["id"]: r["value"] for r in csv.DictReader(f)}
    assert "<5" not in facts.values()
    # a fact computed from a withheld cell is withheld too
    assert facts["berecht_arbeid_2023"] == "x"


def test_default_edition_audit_lists_the_leaks(tmp_path):
    res = run("build", "--data", str(DEMO_DELIVERY), "--out", str(tmp_path), "--only-figures")
    assert res.returncode == 0, res.stderr
    audit = run("audit", str(tmp_path), "--json")
    assert audit.returncode == 1
    import json

    leaks = json.loads(audit.stdout)
    text = json.dumps(leaks, ensure_ascii=False)
    assert '"16"' in text and "Onbekend" in text and "2020" in text
