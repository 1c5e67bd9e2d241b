"""Small dense linear algebra of the estimate: solve and column rank of matrices with a few
dozen rows, called thousands of times by the model searches.

`numpy.linalg`'s functions spend much of their time on these sizes in their wrapper (type checks), not
in LAPACK. `solve` calls the same LAPACK routine through the same numpy ufunc as `numpy.linalg.solve` (so
the result is bit for bit the same) and falls back to that function (which raises `LinAlgError`) when the
matrix is singular.

`column_rank(X)` is `numpy.linalg.matrix_rank(X)` (singular values above max(n, p) eps s_max), with a
cheap certificate for the common case of a well-conditioned X of full column rank: the Cholesky factor L
of X'X gives s_min(X)^2 = lambda_min(X'X) >= 1 / ||L^-1||_F^2, and s_max(X) <= ||X||_F, so
||X||_F^2 ||L^-1||_F^2 < `CERTAIN_CONDITION` bounds the condition number of X by 10^6. Rounding in the
Cholesky factor and its inverse changes that bound by a relative p eps kappa(X'X) < 10^-2 at most, and the
computed singular values of `matrix_rank` are within about p eps s_max of the true ones, so its tolerance
(about 10^-14 s_max) is then far below s_min: it would count p as well. Without the certificate (X'X not
positive definite in floating point, or the bound above 10^12) the singular values decide, as before.
"""

from __future__ import annotations

from typing import Any

CERTAIN_CONDITION = 1e12  # bound on kappa(X)^2 below which the certificate counts full column rank


def _ufuncs() -> Any:
    import numpy as np

    return getattr(np.linalg, "_umath_linalg", None)


def solve(a, b):
    """`numpy.linalg.solve(a, b)` for a square float64 `a` and a float64 vector `b`: the same LAPACK
    call (bit for bit the same result); a singular `a` goes to `numpy.linalg.solve`, which raises."""
    import numpy as np

    u = _ufuncs()
    if u is not None:
        with np.errstate(all="ignore"):
            x = u.solve1(a, b, signature="dd->d")
        if np.isfinite(x).all():
            return x
    return np.linalg.solve(a, b)


def certainly_full_rank(X) -> bool:
    """True when X (n x p, float64) provably has full column rank as `numpy.linalg.matrix_rank` counts it
    (see the module docstring); False says nothing."""
    import numpy as np

    n, p = X.shape
    if p == 0:
        return True
    if n < p:
        return False
    u = _ufuncs()
    with np.errstate(all="ignore"):
        gram = X.T @ X
        if u is not None:
            lower = u.cholesky_lo(gram, signature="d->d")
            if not np.isfinite(lower).all():
                return False
            lower_inv = u.inv(lower, signature="d->d")
        else:  # pragma: no cover - numpy without its linalg ufuncs
            try:
                lower = np.linalg.cholesky(gram)
                lower_inv = np.linalg.inv(lower)
            except np.linalg.LinAlgError:
                return False
        bound = float((X * X).sum()) * float((lower_inv * lower_inv).sum())
    return bool(np.isfinite(bound) and bound < CERTAIN_CONDITION)


def column_rank(X) -> int:
    """`numpy.linalg.matrix_rank(X)` of an n x p float64 matrix."""
    import numpy as np

    if certainly_full_rank(X):
        return int(X.shape[1])
    return int(np.linalg.matrix_rank(X))
