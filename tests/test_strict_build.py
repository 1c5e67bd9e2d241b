"""`build --sdc strict` on the demo delivery: every output shows the strict policy and the audit passes;
the default edition's audit lists the leaks (Figuur 16, 2020 'Onbekend' among them)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from jaarcijfers.edition.files import read_cells, read_fact_values
from jaarcijfers.figures.model import CellKey
from jaarcijfers.paths import DEMO_DELIVERY


def run(*args):
    return subprocess.run([sys.executable, "-m", "jaarcijfers.cli", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def strict_out(demo_build):
    return demo_build("--data", str(DEMO_DELIVERY), "--sdc", "strict", "--only-figures")


def test_strict_edition_passes_the_audit(strict_out):
    res = run("audit", str(strict_out))
    assert res.returncode == 0, res.stdout
    assert "Geslaagd" in res.stdout


def test_strict_edition_uses_one_symbol_and_never_the_small_count_symbol(strict_out):
    values = list(read_cells(strict_out / "figures.csv").values())
    assert "x" in values and "<5" not in values
    facts = read_fact_values(strict_out / "facts.csv")
    assert "<5" not in facts.values()
    # a fact computed from a withheld cell is withheld too
    assert facts["berecht_arbeid_2023"] == "x"


def test_strict_edition_protects_the_prose_facts(strict_out):
    """The related prose facts are in the audit's model, and the two leaks of the prose are closed:
    the minors' criminal exploitation by nationality (34 + 5 + '<5' = 42) and the victims of unknown
    gender (Figuur 1 - Figuur 8 man - vrouw)."""
    from jaarcijfers.sdc.audit import audit_cells
    from jaarcijfers.sdc.facts import related_facts
    from jaarcijfers.sdc.structure import fact_key, reporting_year

    facts = read_fact_values(strict_out / "facts.csv")
    assert facts["minderjarig_crim_overig_2024"] == "x"
    assert "x" in (facts["minderjarig_crim_nl_2024"], facts["minderjarig_crim_europa_2024"])
    assert facts["geslacht_onbekend_2024"] == "x"
    published = read_cells(strict_out / "figures.csv")
    f1 = published[CellKey("1", "", "Geregistreerde slachtoffers", "2024")]
    men = published[CellKey("8", "jaar", "Man", "2024")]
    women = published[CellKey("8", "jaar", "Vrouw", "2024")]
    assert "x" in (f1, men, women)
    published.update(related_facts(read_fact_values(strict_out / "facts.csv"), reporting_year(published)))
    result = audit_cells(published)
    assert result.ok
    assert not result.dropped
    for fid in ("minderjarig_crim_overig_2024", "geslacht_onbekend_2024"):
        lo, hi = result.interval(fact_key(fid))
        assert lo <= 1 and hi >= 4


def test_every_build_records_the_audits_verdict(demo_build, strict_out):
    """Safe by default: the verdict of the build's own audit is in metadata.json (the cells that leak, never
    what can be derived), and matches `jaarcijfers audit` on the files."""
    import json

    strict = json.loads((strict_out / "metadata.json").read_text(encoding="utf-8"))[
        "onthullingscontrole_audit"
    ]
    assert strict["geslaagd"] is True and strict["lekken"] == [] and strict["verborgen_cellen"] > 100
    default_out = demo_build("--data", str(DEMO_DELIVERY), "--only-figures")
    default = json.loads((default_out / "metadata.json").read_text(encoding="utf-8"))[
        "onthullingscontrole_audit"
    ]
    audit = json.loads(run("audit", str(default_out), "--json").stdout)
    assert default["geslaagd"] is False
    assert [(x["figuur"], x["rij"], x["kolom"]) for x in default["lekken"]] == [
        (x["figuur"], x["rij"], x["kolom"]) for x in audit["lekken"]
    ]
    assert all(set(x) == {"figuur", "deel", "rij", "kolom"} for x in default["lekken"])


def test_build_prints_the_verdict(tmp_path):
    from jaarcijfers.contract.example import write_delivery

    delivery = write_delivery(tmp_path / "levering")
    res = run("build", "--data", str(delivery), "--only-figures", "--out", str(tmp_path / "uit"))
    assert res.returncode == 0, res.stderr
    assert "Audit onthullingscontrole" in res.stdout


def test_default_edition_audit_lists_the_leaks(demo_build):
    out = demo_build("--data", str(DEMO_DELIVERY), "--only-figures")
    audit = run("audit", str(out), "--json")
    assert audit.returncode == 1
    import json

    leaks = json.loads(audit.stdout)
    text = json.dumps(leaks, ensure_ascii=False)
    assert '"16"' in text and "Onbekend" in text and "2020" in text
