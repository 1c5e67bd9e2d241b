"""Words about numbers as language-neutral keys with exact bands (docs/narrative.md, "Words").

A factor word ("bijna verviervoudigd"), a magnitude word ("sterke stijging") or a fraction word ("ruim de
helft") is a claim about published numbers: each key here has the exact band of ratios it may describe,
so that a word never overstates (3.9 times as many is "bijna verviervoudigd", never "verviervoudigd") and
the checker can verify it (`story.claims`). The Dutch words for the keys are in `story.nl`.
"""

from __future__ import annotations

from fractions import Fraction

F = Fraction

# --- factors: new/old for a rise, old/new for a fall ---------------------------------------------------
MAX_FACTOR = 10
NEAR = F(20, 100)  # "bijna k": within 0.2 below k
EXACT = F(5, 100)  # "k": up to 5% above k
RUIM = F(1, 2)  # "ruim k": up to k + 0.5; "meer dan k" up to the next "bijna"


def factor_bands() -> dict[str, tuple[Fraction, Fraction]]:
    """key -> [low, high) of the ratio: 'x3-' bijna 3, 'x3' 3, 'x3+' ruim 3, '>x3' meer dan 3; for a fall
    the same with '/' and the inverse ratio, halving only ('/2-', '/2', '/2+', '>/2')."""
    out: dict[str, tuple[Fraction, Fraction]] = {}
    for k in range(2, MAX_FACTOR + 1):
        out[f"x{k}-"] = (k - NEAR, F(k))
        out[f"x{k}"] = (F(k), k * (1 + EXACT))
        out[f"x{k}+"] = (k * (1 + EXACT), k + RUIM)
        out[f">x{k}"] = (k + RUIM, k + 1 - NEAR)
    out["/2-"] = (2 - NEAR, F(2))
    out["/2"] = (F(2), 2 * (1 + EXACT))
    out["/2+"] = (2 * (1 + EXACT), 2 + RUIM)
    out[">/2"] = (2 + RUIM, 3 - NEAR)
    return out


FACTORS = factor_bands()


def factor_key(new: Fraction, old: Fraction) -> str | None:
    """The factor word for a change from old to new, or None when no word fits (less than 1.85 times, or
    more than the largest word)."""
    if new <= 0 or old <= 0:
        return None
    up = new > old
    ratio = new / old if up else old / new
    for key, (lo, hi) in FACTORS.items():
        if key.startswith(("x", ">x")) != up:
            continue
        if lo <= ratio < hi:
            return key
    return None


def factor_holds(key: str, new: Fraction, old: Fraction) -> bool:
    if key not in FACTORS or new <= 0 or old <= 0:
        return False
    up = key.startswith(("x", ">x"))
    ratio = new / old if up else old / new
    lo, hi = FACTORS[key]
    return (new > old) == up and lo <= ratio < hi


def factor_k(key: str) -> int:
    return int(key.strip("x>/+-"))


# --- magnitude of a relative change ------------------------------------------------------------------
MAGNITUDES: dict[str, tuple[Fraction, Fraction]] = {
    "slight": (F(0), F(10, 100)),
    "moderate": (F(10, 100), F(25, 100)),
    "considerable": (F(25, 100), F(50, 100)),
    "strong": (F(50, 100), F(10**9)),
}
"""|new/old - 1| in [low, high): a slight (licht), moderate (no word), considerable (flink) or strong
(sterk) change. A fall is measured the same way (-50% is strong)."""


def magnitude_key(new: Fraction, old: Fraction) -> str:
    if old == 0:
        return "strong"
    rel = abs(new / old - 1)
    return next(k for k, (lo, hi) in MAGNITUDES.items() if lo <= rel < hi)


def magnitude_holds(key: str, new: Fraction, old: Fraction) -> bool:
    return key in MAGNITUDES and magnitude_key(new, old) == key


# --- shares as fractions -----------------------------------------------------------------------------
SIMPLE = (F(1, 10), F(1, 5), F(1, 4), F(1, 3), F(2, 5), F(1, 2), F(3, 5), F(2, 3), F(3, 4), F(4, 5))
EXACT_SHARE = F(15, 1000)  # "de helft" within 1.5 points
NEAR_SHARE = F(6, 100)  # "bijna" / "ruim" within 6 points below / above


def share_bands() -> dict[str, tuple[Fraction, Fraction]]:
    """key -> [low, high] of a share: '1/2' (within 1.5 points), '1/2-' bijna (up to 6 points below),
    '1/2+' ruim (up to 6 points above); 'all' = 1; 'nearly_all' in [0.9, 1)."""
    out: dict[str, tuple[Fraction, Fraction]] = {"all": (F(1), F(1)), "nearly_all": (F(9, 10), F(999, 1000))}
    for f in SIMPLE:
        name = f"{f.numerator}/{f.denominator}"
        out[name] = (f - EXACT_SHARE, f + EXACT_SHARE)
        out[name + "-"] = (f - NEAR_SHARE, f - EXACT_SHARE)
        out[name + "+"] = (f + EXACT_SHARE, f + NEAR_SHARE)
    return out


SHARES = share_bands()


def share_key(share: Fraction) -> str | None:
    """The fraction word for a share (the nearest simple fraction within its bands), or None."""
    if share == 1:
        return "all"
    if share >= F(9, 10):
        return "nearly_all"
    best = min(SIMPLE, key=lambda f: (abs(share - f), f))
    name = f"{best.numerator}/{best.denominator}"
    for key in (name, name + "-", name + "+"):
        lo, hi = SHARES[key]
        if key == name and lo <= share <= hi:
            return key
        if key.endswith("-") and lo <= share < hi:
            return key
        if key.endswith("+") and lo < share <= hi:
            return key
    return None


def share_holds(key: str, share: Fraction) -> bool:
    if key not in SHARES:
        return False
    lo, hi = SHARES[key]
    if key.endswith("-"):
        return lo <= share < hi
    if key.endswith("+"):
        return lo < share <= hi
    return lo <= share <= hi


def shared_start(a: list[str], b: list[str]) -> int:
    """How many words two phrases' tails share at their start, when it is a phrase (two words or more;
    a shared 'van' or 'of' alone is none): how a crossing's row and column phrases are merged (`nl.merge`,
    `en.merge`)."""
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return common if common >= 2 else 0
