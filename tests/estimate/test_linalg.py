"""The cheaper linear algebra of the model searches (estimate/linalg.py, the designs and the Newton fit of
estimate/loglinear.py) gives what the straightforward numpy computation gives, bit for bit."""

import math
from itertools import combinations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jaarcijfers.estimate.histories import CaptureTable
from jaarcijfers.estimate.linalg import certainly_full_rank, column_rank, solve
from jaarcijfers.estimate.loglinear import (
    FitError,
    all_pairs,
    build_design,
    newton_poisson,
    normalise_terms,
)

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _reference_design(table: CaptureTable, terms):
    """The design as it was built before the columns were computed once per table."""
    terms = normalise_terms(terms)
    H = table.histories()
    y = table.count_array()
    keep = np.ones(len(y), dtype=bool)
    fitted, empty = [], []
    for i, j in terms:
        both = (H[:, i] * H[:, j]) > 0
        if y[both].sum() == 0:
            empty.append((i, j))
            keep &= ~both
        else:
            fitted.append((i, j))
    cols = [np.ones(len(y))] + [H[:, j] for j in range(table.m)] + [H[:, i] * H[:, j] for i, j in fitted]
    return np.column_stack(cols)[keep], y[keep], np.flatnonzero(keep), tuple(fitted), tuple(empty)


def _reference_newton(X, y, offset=None, beta0=None, tol=1e-12, max_iter=200):
    """The Newton iterations as they were written before the per-call savings."""
    n, p = X.shape
    off = np.zeros(n) if offset is None else offset
    if beta0 is None:
        beta, *_ = np.linalg.lstsq(X, np.log(y + 0.5) - off, rcond=None)
    else:
        beta = np.array(beta0, dtype=float)

    def objective(b):
        eta = X @ b + off
        if np.max(eta) > 700:
            return -np.inf, None
        mu = np.exp(eta)
        return float(np.sum(y * eta - mu)), mu

    ll, mu = objective(beta)
    if mu is None:
        beta, *_ = np.linalg.lstsq(X, np.log(y + 0.5) - off, rcond=None)
        ll, mu = objective(beta)
    for _ in range(max_iter):
        grad = X.T @ (y - mu)
        info = X.T @ (X * mu[:, None])
        try:
            step = np.linalg.solve(info, grad)
        except np.linalg.LinAlgError:
            step = np.linalg.lstsq(info, grad, rcond=None)[0]
        t = 1.0
        for _halving in range(60):
            new_beta = beta + t * step
            new_ll, new_mu = objective(new_beta)
            if new_mu is not None and new_ll >= ll - 1e-12 * max(1.0, abs(ll)):
                break
            t /= 2
        else:
            raise FitError("step halving failed")
        change = new_ll - ll
        beta, ll, mu = new_beta, new_ll, new_mu
        if abs(change) <= tol * max(1.0, abs(ll)) and np.max(np.abs(t * step)) < 1e-7:
            break
    else:
        raise FitError("no convergence")
    return beta, mu, X.T @ (X * mu[:, None])


@st.composite
def tables(draw, min_lists=3, max_lists=5):
    m = draw(st.integers(min_lists, max_lists))
    counts = draw(
        st.lists(
            st.one_of(st.just(0), st.integers(1, 5), st.integers(6, 400)),
            min_size=2**m - 1,
            max_size=2**m - 1,
        )
    )
    if sum(counts) == 0:
        counts[0] = 1
    return CaptureTable(tuple(f"L{j}" for j in range(m)), tuple(counts))


def _models(table: CaptureTable, size: int):
    return list(combinations(all_pairs(table.m), size))


@SETTINGS
@given(tables(), st.integers(0, 4), st.randoms(use_true_random=False))
def test_design_equals_the_column_by_column_construction(table, size, rnd):
    models = _models(table, min(size, len(all_pairs(table.m))))
    for terms in rnd.sample(models, min(len(models), 5)):
        d = build_design(table, terms)
        X, y, cells, fitted, empty = _reference_design(table, terms)
        assert d.X.flags.c_contiguous
        assert np.array_equal(d.X, X) and np.array_equal(d.y, y) and np.array_equal(d.cells, cells)
        assert (d.fitted_terms, d.empty_terms) == (fitted, empty)


def _same(a, b) -> bool:
    return a.shape == b.shape and a.tobytes() == b.tobytes()


@SETTINGS
@given(tables(), st.integers(0, 4), st.randoms(use_true_random=False))
def test_newton_is_bit_for_bit_the_reference(table, size, rnd):
    models = _models(table, min(size, len(all_pairs(table.m))))
    for terms in rnd.sample(models, min(len(models), 4)):
        d = build_design(table, terms)
        if np.linalg.matrix_rank(d.X) < d.X.shape[1]:
            continue
        offset = np.full(len(d.y), 1.5)
        for kwargs in ({}, {"offset": offset}, {"beta0": np.full(d.X.shape[1], 0.1)}):
            X = d.X[:, 1:] if "offset" in kwargs else d.X
            try:
                expected = _reference_newton(X, d.y, **kwargs)
            except FitError:
                with pytest.raises(FitError):
                    newton_poisson(X, d.y, **kwargs)
                continue
            got = newton_poisson(X, d.y, **kwargs)
            assert all(_same(a, b) for a, b in zip(got, expected, strict=True))


def _designs_of_every_model(table: CaptureTable):
    for size in range(len(all_pairs(table.m)) + 1):
        for terms in combinations(all_pairs(table.m), size):
            yield build_design(table, terms).X


def test_column_rank_agrees_with_matrix_rank_on_every_design():
    # A and B share no case: with all pairs, six columns on the five remaining cells
    no_overlap = CaptureTable(("A", "B", "C"), (10, 8, 0, 6, 3, 2, 0))
    sparse = CaptureTable(("A", "B", "C", "D"), (30, 12, 0, 9, 0, 0, 0, 14, 3, 0, 0, 0, 0, 0, 1))
    full = CaptureTable(("A", "B", "C", "D"), tuple(range(5, 20)))
    deficient = 0
    for table in (no_overlap, sparse, full):
        for X in _designs_of_every_model(table):
            rank = int(np.linalg.matrix_rank(X))
            assert column_rank(X) == rank
            if rank < X.shape[1]:
                deficient += 1
                assert not certainly_full_rank(X)
    assert deficient > 0


@SETTINGS
@given(
    st.integers(3, 40),
    st.integers(1, 12),
    st.sampled_from([0.0, 1e-15, 1e-9, 1e-4]),
    st.randoms(use_true_random=False),
)
def test_column_rank_agrees_with_matrix_rank_near_dependence(n, p, eps, rnd):
    rng = np.random.default_rng(rnd.randrange(2**32))
    X = rng.integers(0, 2, size=(n, p)).astype(float)
    if p > 1:
        X[:, -1] = X[:, 0] + X[:, 1 % p] * (1 - eps) + eps * rng.standard_normal(n)
    assert column_rank(X) == int(np.linalg.matrix_rank(X))


def test_certificate_needs_a_well_conditioned_matrix():
    X = np.column_stack([np.ones(8), np.arange(8.0), np.arange(8.0) + 1e-8 * np.arange(8.0) ** 2])
    assert not certainly_full_rank(X)  # full rank, but kappa > 1e6: the singular values decide
    assert column_rank(X) == int(np.linalg.matrix_rank(X))
    assert certainly_full_rank(np.eye(5)) and certainly_full_rank(np.zeros((4, 0)))
    assert not certainly_full_rank(np.ones((2, 3)))


def test_solve_is_numpys_solve():
    rng = np.random.default_rng(5)
    for p in (1, 3, 12, 22):
        a = rng.standard_normal((p, p))
        a = a @ a.T + p * np.eye(p)
        b = rng.standard_normal(p)
        assert _same(solve(a, b), np.linalg.solve(a, b))
    with pytest.raises(np.linalg.LinAlgError):
        solve(np.ones((3, 3)), np.ones(3))
    assert math.isfinite(float(solve(np.eye(2), np.array([1.0, 2.0]))[1]))
