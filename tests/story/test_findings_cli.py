"""`jaarcijfers findings`: the ranked candidates with their scores and where each is told."""

from __future__ import annotations

import json

import pytest


def test_findings_json(cli):
    res = cli("findings", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["verslagjaar"] == 2024
    cands = data["kandidaten"]
    assert [c["rang"] for c in cands] == list(range(1, len(cands) + 1))
    assert [c["score"] for c in cands] == sorted((c["score"] for c in cands), reverse=True)
    for c in cands:
        assert {"id", "soort", "paragraaf", "figuur", "score", "kan_leiden", "p", "waarom", "verteld"} <= set(
            c
        )
    told = {c["id"]: c["verteld"] for c in cands}
    assert "kop" in told["change:14::Totaal"] and "persbericht" in told["change:14::Totaal"]
    assert any(c["verteld"] == [] for c in cands)  # not everything is told


@pytest.mark.slow
def test_findings_table(cli):
    res = cli("findings", "--year", "2023")
    assert res.returncode == 0, res.stderr
    assert "Kandidaat-bevindingen 2023" in res.stdout
