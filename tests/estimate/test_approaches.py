"""The estimate under each approach side by side, and the one call the report needs."""

import dataclasses
import json
from pathlib import Path

import pytest

from jaarcijfers.estimate.approaches import compare_approaches, report_estimate
from jaarcijfers.estimate.bootstrap import bca_interval
from jaarcijfers.estimate.display import run_estimate
from jaarcijfers.estimate.histories import read_lists_csv
from jaarcijfers.estimate.result import Approach, IntervalKind, ReportEstimate
from jaarcijfers.estimate.run import csv_connection
from jaarcijfers.estimate.selection import ModelKind, ModelSpec, stepwise

DATA = Path(__file__).resolve().parents[1] / "data" / "mse"


def test_compare_approaches_on_western():
    t = read_lists_csv(DATA / "western_5.csv")
    rows = compare_approaches(t, seed=2, n_boot=150, ntop=3)
    assert [r.approach for r in rows] == list(Approach)
    by = {r.approach: r for r in rows}
    step = by[Approach.STEPWISE]
    assert round(step.estimate) == 2483 and step.model_terms == ("A:E",)
    boot = bca_interval(t, stepwise(t).estimate, ModelSpec(ModelKind.STEPWISE), n_boot=150, seed=2)
    assert (step.interval.lower, step.interval.upper) == (boot.lower, boot.upper)
    assert step.interval.kind is IntervalKind.BCA and step.interval.lower_mcse is not None
    assert by[Approach.BIC].estimate == by[Approach.BIC_TOP].estimate
    assert by[Approach.BMA].interval.kind is IntervalKind.CREDIBLE
    for r in rows:
        assert r.bounded and r.interval.lower <= r.estimate <= r.interval.upper
        assert r.label  # Dutch name of the approach
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.estimate = 1.0  # type: ignore[misc]


def test_report_estimate_is_one_typed_call(delivery):
    con = csv_connection(delivery)
    rep = report_estimate(con, 2024, seed=1, n_boot=100, ntop=3)
    assert isinstance(rep, ReportEstimate)
    assert rep.experimental and rep.label.startswith("Experimenteel")
    assert rep.headline.approach is Approach.STEPWISE and rep.headline is rep.sensitivity[0]
    assert [r.approach for r in rep.sensitivity] == list(Approach)
    assert rep.lists == ("politie", "kmar", "nla", "zorgcoordinator", "fairwork", "overig")
    d = rep.to_dict()
    json.dumps(d)
    assert d["sensitivity"][3]["label"].startswith("Bayesiaanse")
    # independent lists of about 2,940 non-anonymous people: every approach is in the right region
    for r in rep.sensitivity:
        assert 1500 < r.estimate < 6000


def test_report_estimate_without_a_bounded_estimate(tmp_path):
    d = tmp_path / "levering"
    d.mkdir()
    reg = ["registratie_id,jaar,anoniem,geslacht,leeftijd,nationaliteit"]
    mel = ["registratie_id,melder"]
    for i in range(60):
        reg.append(f"r{i},2024,nee,man,30,NL")
        mel.append(f"r{i},{'politie' if i < 40 else 'kmar'}")
    (d / "comensha_registraties.csv").write_text("\n".join(reg) + "\n")
    (d / "comensha_melders.csv").write_text("\n".join(mel) + "\n")
    (d / "comensha_uitbuiting.csv").write_text("registratie_id,vorm,sector\n")
    rep = report_estimate(csv_connection(d), 2024, n_boot=200)
    assert rep.headline.estimate is None and not rep.headline.bounded
    assert rep.headline.status == "niet begrensd"
    assert {i.name for i in rep.isolated} == {"politie", "kmar"}
    assert json.loads(json.dumps(rep.to_dict()))["headline"]["estimate"] is None


def test_command_prints_the_approaches(tmp_path, capsys):
    rc = run_estimate(
        None,
        None,
        DATA / "korea_3.csv",
        "stepwise",
        None,
        None,
        1,
        False,
        n_boot=200,
        ntop=3,
        approaches=True,
    )
    assert rc == 0
    out = capsys.readouterr().out
    assert "Experimenteel" in out and "modelmiddeling" in out


@pytest.mark.slow
def test_report_estimate_on_the_demo():
    """The demo's 2024 section: every approach side by side (the report shows this table, labelled as
    experimental)."""
    from jaarcijfers.paths import DEMO_DELIVERY
    from jaarcijfers.warehouse.load import open_delivery

    rep = report_estimate(open_delivery(DEMO_DELIVERY), 2024, seed=1, n_boot=500, ntop=10)
    assert rep.observed == 944
    assert [r.approach for r in rep.sensitivity] == list(Approach)
    assert all(r.estimate is not None and r.interval is not None for r in rep.sensitivity)
    assert rep.experimental
