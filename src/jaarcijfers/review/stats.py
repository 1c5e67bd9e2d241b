"""The two exact tests of the plausibility review (docs/editions.md, "The review").

- **A change of a count beyond noise.** Two counts `a` (year Y-1) and `b` (year Y) are taken as Poisson
  counts. Under "the same rate in both years", given their sum `n = a + b`, `b` is Binomial(n, 1/2)
  (the conditional test of two Poisson means, Przyborowski and Wilenski 1940). The two-sided p-value is
  twice the smaller tail, at most 1.
- **A rising share of unknowns.** `u1` of `n1` unknown in year Y-1, `u2` of `n2` in year Y. Under "the
  same share", given the `u1 + u2` unknowns, the number in year Y is hypergeometric (Fisher's exact
  test); the one-sided p-value is the upper tail.

Both are computed exactly in log space from `math.lgamma`, without a statistics library.
"""

from __future__ import annotations

from math import exp, lgamma, log


def _log_comb(n: int, k: int) -> float:
    return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1)


def _sum_exp(logs: list[float]) -> float:
    if not logs:
        return 0.0
    top = max(logs)
    return exp(top) * sum(exp(x - top) for x in logs)


def poisson_change_p(a: int, b: int) -> float:
    """Two-sided p-value of the conditional test that counts `a` and `b` have the same Poisson mean."""
    n = a + b
    if n == 0:
        return 1.0
    half = n * log(0.5)
    lower = _sum_exp([_log_comb(n, k) + half for k in range(0, b + 1)])
    upper = _sum_exp([_log_comb(n, k) + half for k in range(b, n + 1)])
    return min(1.0, 2 * min(lower, upper))


def share_increase_p(u1: int, n1: int, u2: int, n2: int) -> float:
    """One-sided p-value of Fisher's exact test that the share `u2/n2` is not higher than `u1/n1`."""
    total, unknown = n1 + n2, u1 + u2
    if n1 == 0 or n2 == 0 or unknown == 0:
        return 1.0
    denominator = _log_comb(total, unknown)
    top = min(unknown, n2)
    logs = [
        _log_comb(n2, k) + _log_comb(n1, unknown - k) - denominator
        for k in range(u2, top + 1)
        if unknown - k <= n1
    ]
    return min(1.0, _sum_exp(logs))
