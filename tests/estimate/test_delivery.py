"""Capture histories from a CoMensha delivery, per year and per stratum."""

import json

import pytest

from jaarcijfers.estimate import delivery as delivery_module
from jaarcijfers.estimate.display import run_estimate
from jaarcijfers.estimate.run import REPORTERS, csv_connection, estimate_for_year, histories_for_year


def test_histories_exclude_anonymous_and_other_years(delivery):
    con = csv_connection(delivery)
    table, notes = histories_for_year(con, 2024)
    n_reg = con.execute(
        "SELECT count(*) FROM comensha_registraties WHERE jaar = 2024 AND NOT anoniem AND registratie_id NOT LIKE 'zonder%'"
    ).fetchone()[0]
    assert table.observed == n_reg
    assert table.lists == tuple(REPORTERS)
    assert any("zonder melder" in n for n in notes)


def test_estimate_for_year_is_close_to_truth(delivery):
    con = csv_connection(delivery)
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
    con = csv_connection(delivery)
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
    monkeypatch.setattr(delivery_module, "open_connection", lambda data: csv_connection(data))


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
