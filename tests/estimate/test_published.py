"""The same model gives the published estimate, to the published precision (see tests/data/mse/SOURCES.md)."""

from pathlib import Path

import pytest

from jaarcijfers.estimate.checks import check_model
from jaarcijfers.estimate.histories import read_lists_csv
from jaarcijfers.estimate.intervals import multinomial_profile_interval
from jaarcijfers.estimate.loglinear import all_pairs, fit_model
from jaarcijfers.estimate.selection import resolve_terms

DATA = Path(__file__).resolve().parents[1] / "data" / "mse"


def table(name):
    return read_lists_csv(DATA / name)


def fit(name, spec):
    t = table(name)
    terms = (
        all_pairs(t.m)
        if spec == "all"
        else resolve_terms(t, [tuple(p.split(":")) for p in spec.split(",") if p])
    )
    return fit_model(t, terms)


def test_darroch_r3_saturated():
    f = fit("darroch_r3.csv", "all")
    assert round(f.estimate) == 1240
    assert round(f.se_estimate) == 451


def test_darroch_r3_two_interactions():
    f = fit("darroch_r3.csv", "E1:E2,E2:E3")
    assert round(f.estimate) == 850
    assert round(f.se_estimate) == 186
    assert round(f.deviance, 1) == 3.8
    assert f.df_resid == 1


def test_bruno_diabetes_bruno_model():
    t = table("bruno_diabetes.csv")
    f = fit_model(t, [p for p in all_pairs(4) if p != (0, 3)])
    assert round(f.estimate) == 2771
    assert round(f.se_estimate) == 145
    assert round(f.deviance, 2) == 7.62
    assert f.df_resid == 5


def test_bruno_diabetes_rivest_model():
    f = fit("bruno_diabetes.csv", "c1:c3,c2:c4,c3:c4")
    assert round(f.estimate) == 2472
    assert round(f.se_estimate) == 53
    assert round(f.deviance, 2) == 21.97
    assert f.df_resid == 7


@pytest.mark.parametrize(
    ("spec", "estimate", "deviance", "df"),
    [
        ("", 215, 87.1, 10),
        ("wcc:mosh", 215, None, 9),
        ("wcc:mosh,death:wcc", None, 7.7, 8),
        ("death:ntof,death:wcc,wcc:mosh", 218, 2.6, 7),
    ],
)
def test_cormack_four_lists(spec, estimate, deviance, df):
    f = fit("cormack_4lists.csv", spec)
    if estimate is not None:
        assert round(f.estimate) == estimate
    if deviance is not None:
        assert round(f.deviance, 1) == deviance
    assert f.df_resid == df


def test_cormack_four_lists_all_pairs_explodes():
    f = fit("cormack_4lists.csv", "all")
    assert f.estimate > 1_000_000
    assert round(f.deviance, 1) == 1.3
    assert f.df_resid == 4


def test_cormack_three_lists_main_effects_with_profile_interval():
    f = fit("cormack_3lists.csv", "")
    assert round(f.estimate) == 209
    assert round(f.deviance, 1) == 75.1
    assert f.df_resid == 3
    _, lo, hi = multinomial_profile_interval(f)
    assert (round(lo), round(hi)) == (203, 217)


def test_cormack_three_lists_interaction_models():
    f = fit("cormack_3lists.csv", "c2:c3")
    assert round(f.deviance, 1) == 1.2
    assert f.df_resid == 2
    assert round(multinomial_profile_interval(f)[1]) == 210
    f = fit("cormack_3lists.csv", "c1:c3,c2:c3")
    assert round(f.estimate) == 233
    assert f.df_resid == 1
    assert round(multinomial_profile_interval(f)[1]) == 204


def test_seber_lincoln_petersen():
    f = fit("seber_2lists.csv", "")
    assert round(f.estimate, 1) == 2389.9
    assert round(f.se_estimate, 1) == 130.4


@pytest.mark.parametrize(
    ("spec", "ierr"),
    [
        ("all", 2),
        ("A:B", 1),
        ("A:B,A:C", 1),
        ("A:B,B:C", 1),
        ("", 0),
        ("A:C", 0),
        ("B:C", 0),
        ("A:C,B:C", 0),
    ],
)
def test_artificial_3_checkident_pattern(spec, ierr):
    t = table("artificial_3.csv")
    terms = (
        all_pairs(3)
        if spec == "all"
        else resolve_terms(t, [tuple(p.split(":")) for p in spec.split(",") if p])
    )
    assert check_model(t, terms) == ierr
