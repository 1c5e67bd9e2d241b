"""Capture histories from a CoMensha delivery, per year and per stratum."""

import json

import numpy as np
import pytest

from jaarcijfers.estimate import run as run_module
from jaarcijfers.estimate.run import _csv_fallback, estimate_for_year, histories_for_year, run_estimate

REPORTERS = ["politie", "kmar", "nla", "zorgcoordinator", "fairwork", "overig"]


@pytest.fixture(scope="module")
def delivery(tmp_path_factory):
    rng = np.random.default_rng(11)
    d = tmp_path_factory.mktemp("levering")
    probs = [0.15, 0.05, 0.06, 0.12, 0.04, 0.08]
    reg = ["registratie_id,jaar,anoniem,geslacht,leeftijd,nationaliteit"]
    mel = ["registratie_id,melder"]
    uit = ["registratie_id,vorm,sector"]
    n = 0
    for year in (2023, 2024):
        for i in range(3000):
            on = [r for r, p in zip(REPORTERS, probs, strict=True) if rng.random() < p]
            if not on:
                continue
            n += 1
            rid = f"r{year}_{i}"
            anon = "ja" if i % 50 == 0 else "nee"
            sex = ["man", "vrouw", ""][i % 3]
            age = "" if i % 7 == 0 else str(10 + i % 50)
            nat = ["NL", "RO", "", "NG"][i % 4]
            reg.append(f"{rid},{year},{anon},{sex},{age},{nat}")
            mel.extend(f"{rid},{r}" for r in on)
            if i % 5 == 0:
                uit.append(f"{rid},seksueel,raam")
                uit.append(f"{rid},arbeid,")
            elif i % 5 == 1:
                uit.append(f"{rid},crimineel,")
            elif i % 5 == 2:
                uit.append(f"{rid},bedelarij,")
        reg.append(f"zonder_{year},{year},nee,man,30,NL")  # a registration without any reporter
    for name, lines in (
        ("comensha_registraties", reg),
        ("comensha_melders", mel),
        ("comensha_uitbuiting", uit),
    ):
        (d / f"{name}.csv").write_text("\n".join(lines) + "\n")
    return d


def test_histories_exclude_anonymous_and_other_years(delivery):
    con = _csv_fallback(delivery)
    table, notes = histories_for_year(con, 2024)
    n_reg = con.execute(
        "SELECT count(*) FROM comensha_registraties WHERE jaar = 2024 AND NOT anoniem AND registratie_id NOT LIKE 'zonder%'"
    ).fetchone()[0]
    assert table.observed == n_reg
    assert table.lists == tuple(REPORTERS)
    assert any("zonder melder" in n for n in notes)


def test_estimate_for_year_is_close_to_truth(delivery):
    con = _csv_fallback(delivery)
    res = estimate_for_year(con, 2024, model="main", sensitivity=False)
    # 3000 people minus the anonymous ones; the lists are independent, so main effects are right
    assert res.ci_lower < 3000 * 0.98 < res.ci_upper


@pytest.mark.parametrize(
    ("stratum", "keys"),
    [
        ("geslacht", {"man", "vrouw", "onbekend"}),
        ("leeftijd", {"minderjarig", "18-22", "23-29", "30-39", "40+", "onbekend"}),
        ("vorm", {"seksueel", "arbeid", "crimineel", "overig-onbekend"}),
        ("herkomst", {"nederlands", "niet-nederlands", "onbekend"}),
    ],
)
def test_strata(delivery, stratum, keys):
    con = _csv_fallback(delivery)
    tables, _ = histories_for_year(con, 2024, stratum)
    assert set(tables) == keys
    total, _ = histories_for_year(con, 2024)
    summed = sum(t.observed for t in tables.values())
    if stratum == "vorm":
        assert summed > total.observed  # several forms count in each form
    else:
        assert summed == total.observed


@pytest.fixture
def csv_loader(monkeypatch):
    """The tests do not depend on the full contract validation of `warehouse.load.open_delivery`."""
    monkeypatch.setattr(run_module, "open_connection", lambda data: _csv_fallback(data))


def test_cli_on_delivery_with_stratum(delivery, capsys, csv_loader):
    rc = run_estimate(
        data=delivery,
        year=None,
        lists=None,
        model="stepwise",
        ci="profile",
        stratum="geslacht",
        seed=1,
        json_out=True,
    )
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert out["year"] == 2024
    assert out["estimate"] >= out["observed"]
    assert {s["value"] for s in out["strata"]} == {"man", "vrouw", "onbekend"}


def test_cli_on_delivery_prints_table(delivery, capsys, csv_loader):
    assert (
        run_estimate(
            data=delivery,
            year=2023,
            lists=None,
            model="bic",
            ci="profile",
            stratum=None,
            seed=1,
            json_out=False,
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Gevoeligheid" in out and "2023" in out
