"""Honest about infinity: a hidden number the data do not bound is never a number."""

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

from jaarcijfers.errors import UserError
from jaarcijfers.estimate.checks import dark_figure_status, fit_checked
from jaarcijfers.estimate.delivery import REPORTERS
from jaarcijfers.estimate.display import run_estimate
from jaarcijfers.estimate.histories import CaptureTable, read_lists_csv
from jaarcijfers.estimate.loglinear import DarkFigure, all_pairs
from jaarcijfers.estimate.run import EXIT_NOT_BOUNDED, estimate_for_year, estimate_histories

DISJOINT = CaptureTable(("A", "B"), (100, 20, 0))  # two lists, no case in common


def test_two_disjoint_lists_give_no_number():
    res = estimate_histories(DISJOINT)
    assert not res.bounded
    assert res.estimate is None and res.ci_lower is None and res.ci_upper is None
    assert res.status == "niet begrensd"
    assert any("geen enkel geval gemeen" in w for w in res.warnings)
    d = res.to_dict()
    json.dumps(d)
    assert d["estimate"] is None and d["bounded"] is False and d["ci_upper_bounded"] is False


@pytest.mark.parametrize("ci", ["profile", "bca", "bootstrap", "wald", "multinomial"])
def test_no_interval_method_turns_infinity_into_a_number(ci):
    res = estimate_histories(DISJOINT, ci=ci, n_boot=200, sensitivity=False)
    assert res.estimate is None and not res.bounded


def test_the_command_says_niet_begrensd_and_exits_3(tmp_path, capsys):
    p = tmp_path / "disjoint.csv"
    p.write_text("A,B,count\n1,0,100\n0,1,20\n")
    rc = run_estimate(None, None, p, "stepwise", None, None, 1, False)
    assert rc == EXIT_NOT_BOUNDED == 3
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("Geschat totaal"))
    assert "niet begrensd" in line and not re.search(r"\d", line)
    rc = run_estimate(None, None, p, "stepwise", None, None, 1, True)
    assert rc == 3
    d = json.loads(capsys.readouterr().out)
    assert d["estimate"] is None and d["bounded"] is False


def test_the_command_exits_3_in_a_fresh_process(tmp_path, cli):
    p = tmp_path / "disjoint.csv"
    p.write_text("A,B,count\n1,0,100\n0,1,20\n")
    done = cli("estimate", "--lists", str(p), "--json")
    assert done.returncode == 3, done.stderr
    assert json.loads(done.stdout)["estimate"] is None


def test_a_finite_estimate_exits_0(tmp_path, capsys):
    p = tmp_path / "lp.csv"
    p.write_text("A,B,count\n1,0,100\n0,1,20\n1,1,10\n")
    assert run_estimate(None, None, p, "stepwise", None, None, 1, True) == 0
    assert json.loads(capsys.readouterr().out)["bounded"] is True


def test_isolated_list_is_named_with_what_the_estimate_rests_on():
    # A shares no case with B or C; B and C overlap
    t = CaptureTable(("A", "B", "C"), (50, 100, 0, 80, 0, 20, 0))
    res = estimate_histories(t, model="main")
    assert res.bounded  # with three lists the main-effects MLE exists (a large estimate)
    (iso,) = res.isolated
    assert iso.name == "A" and iso.cases == 50
    # kept apart, the hidden number rests on B and C only: Lincoln-Petersen on them, plus A's cases
    assert iso.estimate_apart == pytest.approx(50 + 120 * 100 / 20)
    assert "'A'" in iso.explanation and "B, C" in iso.explanation
    assert any(row.model == "A apart" for row in res.sensitivity)
    assert iso.explanation in res.warnings


def test_extended_mle_is_the_limit_of_perturbed_data():
    """BOUNDARY: no MLE for A:B on this support, but the dark figure's extended MLE is finite and equals the
    limit of the MLEs when the empty cells get a vanishing count."""
    t = CaptureTable(("A", "B", "C"), (0, 0, 5, 5, 0, 7, 3))
    status = dark_figure_status(t, [(0, 1)])
    assert status.dark is DarkFigure.BOUNDARY and status.code & 1
    extended = fit_checked(t, [(0, 1)]).estimate
    limits = [_perturbed(t, [(0, 1)], eps) for eps in (1e-3, 1e-5, 1e-7)]
    errors = [abs(v - extended) for v in limits]
    assert errors[0] > errors[1] > errors[2]
    assert limits[-1] == pytest.approx(extended, rel=1e-4)


def test_unbounded_dark_figure_grows_without_limit_under_perturbation():
    assert dark_figure_status(DISJOINT).dark is DarkFigure.UNBOUNDED
    values = [_perturbed(DISJOINT, (), eps) for eps in (1e-2, 1e-4, 1e-6)]
    assert values[0] < values[1] < values[2] and values[2] > 1e8


def _perturbed(t: CaptureTable, terms, eps: float) -> float:
    """The MLE when every empty cell has count eps (a real-valued Poisson fit)."""
    from jaarcijfers.estimate.loglinear import build_design, newton_poisson

    d = build_design(t, terms)
    y = np.where(d.y > 0, d.y, eps)
    beta, _mu, _info = newton_poisson(d.X, y)
    return t.observed + math.exp(beta[0])


def test_artificial_3_dark_figure():
    t = read_lists_csv(Path(__file__).parents[1] / "data" / "mse" / "artificial_3.csv")
    assert dark_figure_status(t, ()).dark is DarkFigure.EXISTS
    assert dark_figure_status(t, [(0, 2)]).dark is DarkFigure.EXISTS
    for terms in ([(0, 1)], [(0, 1), (0, 2)], all_pairs(3)):
        assert dark_figure_status(t, terms).dark is DarkFigure.UNBOUNDED
        assert not fit_checked(t, terms).bounded


def test_year_estimate_raises_unless_unbounded_is_allowed(tmp_path):
    from jaarcijfers.estimate.run import csv_connection

    d = tmp_path / "levering"
    d.mkdir()
    reg = ["registratie_id,jaar,anoniem,geslacht,leeftijd,nationaliteit"]
    mel = ["registratie_id,melder"]
    for i in range(60):
        reg.append(f"r{i},2024,nee,man,30,NL")
        mel.append(f"r{i},{REPORTERS[0] if i < 40 else REPORTERS[1]}")
    (d / "comensha_registraties.csv").write_text("\n".join(reg) + "\n")
    (d / "comensha_melders.csv").write_text("\n".join(mel) + "\n")
    (d / "comensha_uitbuiting.csv").write_text("registratie_id,vorm,sector\n")
    con = csv_connection(d)
    with pytest.raises(UserError, match="niet begrensd"):
        estimate_for_year(con, 2024, sensitivity=False)
    res = estimate_for_year(con, 2024, sensitivity=False, allow_unbounded=True)
    assert res.estimate is None and not res.bounded
