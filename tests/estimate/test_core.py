"""Fit, selection, intervals, input handling and the command."""

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jaarcijfers.errors import UserError
from jaarcijfers.estimate.bootstrap import parametric_interval
from jaarcijfers.estimate.checks import check_model, tidy_lists
from jaarcijfers.estimate.display import run_estimate
from jaarcijfers.estimate.histories import CaptureTable, from_memberships, read_lists_csv
from jaarcijfers.estimate.intervals import profile_interval, wald_interval
from jaarcijfers.estimate.loglinear import all_pairs, fit_model
from jaarcijfers.estimate.run import estimate_histories
from jaarcijfers.estimate.selection import ModelKind, ModelSpec, parse_model_spec, search, stepwise

DATA = Path(__file__).resolve().parents[1] / "data" / "mse"


def simulate(n, probs, seed):
    rng = np.random.default_rng(seed)
    m = len(probs)
    H = (np.arange(2**m)[:, None] >> np.arange(m)) & 1
    p = np.prod(np.where(H == 1, probs, 1 - np.asarray(probs)), axis=1)
    counts = rng.multinomial(n, p)
    return CaptureTable(tuple("ABCDEF"[:m]), tuple(int(c) for c in counts[1:]))


def test_newton_fit_equals_statsmodels_glm():
    import statsmodels.api as sm

    t = read_lists_csv(DATA / "bruno_diabetes.csv")
    f = fit_model(t, [(0, 2), (1, 3), (2, 3)])
    ref = sm.GLM(f.design.y, f.design.X, family=sm.families.Poisson()).fit(tol=1e-14)
    np.testing.assert_allclose(f.coef, ref.params, rtol=1e-9, atol=1e-10)
    np.testing.assert_allclose(f.cov, ref.cov_params(), rtol=1e-7)
    assert f.loglik == pytest.approx(ref.llf, rel=1e-12)
    assert f.aic == pytest.approx(ref.aic, rel=1e-12)


def test_profile_interval_contains_estimate_and_matches_deviance():
    from jaarcijfers.estimate.loglinear import profile_loglik_dark

    t = read_lists_csv(DATA / "darroch_r3.csv")
    f = fit_model(t, [(0, 1), (1, 2)])
    lo, hi = profile_interval(f)
    assert t.observed < lo < f.estimate < hi
    for bound in (lo, hi):
        ll, _ = profile_loglik_dark(f, math.log(bound - t.observed))
        assert 2 * (f.loglik - ll) == pytest.approx(3.841458820694124, abs=1e-6)
    wlo, whi = wald_interval(f)
    assert wlo < f.estimate < whi


def test_empty_overlap_is_removed_and_counted_in_aic():
    t = read_lists_csv(DATA / "artificial_3.csv")
    f = fit_model(t, [(0, 2)])
    assert f.design.empty_terms == ((0, 2),)
    assert len(f.design.y) == 5  # 7 cells minus 101 and 111
    assert f.n_params == 4 + 1  # intercept, 3 main effects, the -inf parameter of A:C
    assert f.aic == pytest.approx(-2 * f.loglik + 2 * 5)


def test_stepwise_follows_sparsemse():
    t = read_lists_csv(DATA / "darroch_r3.csv")
    # the Poisson p-value of the E1:E2 overlap under main effects is 0.028 > 0.02
    assert stepwise(t).terms == ()
    assert stepwise(t, pthresh=0.05).terms[0] == (0, 1)


def test_stepwise_never_adds_a_failing_term():
    t = read_lists_csv(DATA / "artificial_3.csv")
    f = stepwise(t, pthresh=1.0 - 1e-9)
    assert check_model(t, f.terms) == 0


def test_search_finds_the_true_interaction():
    t = simulate(20000, [0.1, 0.1, 0.1, 0.1], 5)
    # add a strong A:B dependence
    counts = list(t.counts)
    counts[3 - 1] *= 4  # history A+B only
    t = t.with_counts(counts)
    for kind in ("aic", "bic"):
        assert (0, 1) in search(t, kind).terms


def test_parametric_bootstrap_is_deterministic_and_not_below_observed():
    t = simulate(2000, [0.2, 0.15, 0.1], 1)
    f = fit_model(t)
    a = parametric_interval(f, ModelSpec(ModelKind.STEPWISE), n_boot=200, seed=7)
    b = parametric_interval(f, ModelSpec(ModelKind.STEPWISE), n_boot=200, seed=7)
    assert a == b
    assert min(a.replicates) >= t.observed
    assert a.lower < f.estimate < a.upper


def test_estimate_histories_result():
    t = read_lists_csv(DATA / "bruno_diabetes.csv")
    r = estimate_histories(t, model="c1:c3,c2:c4,c3:c4")
    assert round(r.estimate) == 2472
    assert r.model_terms == ("c1:c3", "c2:c4", "c3:c4")
    assert r.ci_lower < r.estimate < r.ci_upper
    assert r.sensitivity and r.sensitivity[0].model == "gekozen"
    json.dumps(r.to_dict())


def test_tidy_lists_drops_empty_and_duplicate_lists():
    t = from_memberships(["a", "b", "c", "d"], [["a", "c"], ["b"], ["a", "c"], ["b", "a", "c"]])
    reduced, warnings = tidy_lists(t)
    assert reduced.lists == ("a", "b")
    assert len(warnings) == 2


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("A,B\n1,0\n", "'count' ontbreekt"),
        ("A,count\n1,4\n", "minstens twee lijst"),
        ("A,B,count\n1,2,4\n", "moet 0 of 1 zijn"),
        ("A,B,count\n1,0,-1\n", "geheel getal"),
        ("A,B,count\n1,0\n", "velden"),
        ("A,B,count\n0,0,5\n", "geen waarnemingen"),
        ("", "leeg"),
    ],
)
def test_bad_lists_file_gives_dutch_user_error(tmp_path, content, fragment):
    p = tmp_path / "lists.csv"
    p.write_text(content)
    with pytest.raises(UserError, match=fragment):
        read_lists_csv(p)


def test_all_zero_row_is_ignored(tmp_path):
    p = tmp_path / "lists.csv"
    p.write_text("A,B,count\n1,1,10\n1,0,20\n0,1,30\n0,0,99\n")
    t = read_lists_csv(p)
    assert t.observed == 60
    assert fit_model(t).estimate == pytest.approx(30 * 40 / 10)


@pytest.mark.parametrize("bad", ["A", "A:A", "A:B:C", "foo,", "", "A:"])
def test_bad_model_spec(bad):
    with pytest.raises(UserError):
        parse_model_spec(bad)


def test_cli_json(capsys):
    rc = run_estimate(
        data=None,
        year=None,
        lists=DATA / "darroch_r3.csv",
        model="E1:E2,E2:E3",
        ci="profile",
        stratum=None,
        seed=1,
        json_out=True,
    )
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert out["observed"] == 414
    assert round(out["estimate"]) == 850
    assert out["ci_method"] == "profile"
    assert out["model_terms"] == ["E1:E2", "E2:E3"]
    assert out["ci_lower"] < out["estimate"] < out["ci_upper"]


def test_cli_unknown_list_in_model():
    with pytest.raises(UserError, match="Onbekende lijst"):
        run_estimate(
            data=None,
            year=None,
            lists=DATA / "darroch_r3.csv",
            model="E1:X",
            ci="profile",
            stratum=None,
            seed=1,
            json_out=True,
        )


def test_cli_missing_delivery(tmp_path):
    with pytest.raises(UserError):
        run_estimate(
            data=tmp_path / "nope",
            year=None,
            lists=None,
            model="main",
            ci="profile",
            stratum=None,
            seed=1,
            json_out=True,
        )


# ---------------------------------------------------------------- properties

counts3 = st.lists(st.integers(0, 400), min_size=7, max_size=7)


def _overlapping(counts):
    t = CaptureTable(("A", "B", "C"), tuple(counts))
    reduced, _ = tidy_lists(t)
    return t if reduced.m == 3 and all(t.overlap(i, j) > 0 for i, j in all_pairs(3)) else None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(counts3)
def test_estimate_never_below_observed(counts):
    t = _overlapping(counts)
    if t is None:
        return
    for terms in ((), ((0, 1),), ((0, 1), (1, 2))):
        if check_model(t, terms):
            continue
        f = fit_model(t, terms)
        assert f.estimate >= t.observed
        lo, hi = profile_interval(f)
        assert t.observed <= lo <= f.estimate * (1 + 1e-9)
        assert hi >= f.estimate * (1 - 1e-9)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 500), st.integers(1, 500), st.integers(1, 500), st.integers(1, 50))
def test_two_lists_monotone_in_overlap(a, b, m, extra):
    """Lincoln-Petersen: more overlap (same list sizes) means a smaller estimate; never below observed."""
    t1 = CaptureTable(("A", "B"), (a + extra, b + extra, m))
    t2 = CaptureTable(("A", "B"), (a, b, m + extra))
    e1, e2 = fit_model(t1).estimate, fit_model(t2).estimate
    assert e1 >= t1.observed and e2 >= t2.observed
    assert e2 < e1
    assert e1 == pytest.approx((a + extra + m) * (b + extra + m) / m, rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 300), st.integers(1, 300), st.integers(1, 300), st.integers(1, 100))
def test_more_singletons_more_hidden(a, b, m, extra):
    """Adding cases seen by only one list (the rest unchanged) raises the main-effects estimate."""
    t1 = CaptureTable(("A", "B"), (a, b, m))
    t2 = CaptureTable(("A", "B"), (a + extra, b, m))
    assert fit_model(t2).estimate > fit_model(t1).estimate
