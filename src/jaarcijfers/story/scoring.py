"""News value: the documented rule that ranks candidate findings (docs/narrative.md, "Scoring").

A change of a count from `old` to `new`:

    score = z × (1 + m) × level weight × bonuses,   z = |new − old| / √(new + old),   m = min(|ln(new/old)|, ln 4)

- z weighs the absolute size of the change against the noise of a count (the Poisson standard error
  of the difference), so a change of 40 on 120 counts for more than a change of 4 on 12;
- (1 + m) weighs the relative change, capped at four times as many (or a quarter);
- the level weight: 1 for a total and for a breakdown of all units of a figure, 0.7 for a breakdown of
  a subset (sectors of one form) or a crossing of two breakdowns;
- a record of the window (the highest or lowest of the years shown) ×1.2, a run of at least three years
  in one direction ×1.15;
- a change that is not beyond noise (the exact conditional test of equal Poisson rates: new given
  new + old is binomial(½), two-sided p ≥ 0.05) ×0.35.

A finding **can lead** (a headline, the press summary, chapter 3) only when it is beyond noise and its
base is not small: the smaller of the two counts at least 10 and the larger at least 20. For the sources
that round to fives (IND, Raad voor de rechtspraak) the variance gets the rounding error (2 × 25/12) and
the smaller count must be at least 20.

A share (a part of its column) or a contrast of shares is scored the same way with the z of the
two-proportion test; a concentration with the z of the cell's share in its row against the column's
share of all units; context facts (no comparison) get a fixed low score.
"""

from __future__ import annotations

import math
from fractions import Fraction

ALPHA = 0.05
NOISE_WEIGHT = 0.35
SUB_WEIGHT = 0.7
RECORD_BONUS = 1.2
STREAK_BONUS = 1.15
MIN_BASE, MIN_TOP = 10, 20
MIN_BASE_ROUNDED = 20
ROUNDING_VARIANCE = 2 * 25 / 12
CONTEXT_SCORE = 0.8
DRIVER_BONUS = 1.15
OWN_PARENT_BONUS = 1.05
CONCENTRATION_Z_CAP = 4.0


def binomial_p(new: int, old: int) -> float:
    """Two-sided p-value of the exact conditional test of equal Poisson rates (new | new + old ~ Bin(½))."""
    n = new + old
    if n == 0:
        return 1.0
    logs = [
        math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) - n * math.log(2)
        for k in range(n + 1)
    ]
    observed = logs[new]
    total = sum(math.exp(x) for x in logs if x <= observed + 1e-9)
    return min(1.0, total)


def normal_p(z: float) -> float:
    """Two-sided p-value of a standard normal statistic."""
    return math.erfc(abs(z) / math.sqrt(2))


def change_z(new: Fraction, old: Fraction, rounded: bool = False) -> float:
    var = float(new + old) + (ROUNDING_VARIANCE if rounded else 0.0)
    return 0.0 if var <= 0 else abs(float(new - old)) / math.sqrt(var)


def change_p(new: Fraction, old: Fraction, rounded: bool = False) -> float:
    if rounded or new.denominator != 1 or old.denominator != 1:
        return normal_p(change_z(new, old, rounded))
    return binomial_p(int(new), int(old))


def relative(new: Fraction, old: Fraction) -> float:
    if new <= 0 or old <= 0:
        return math.log(4)
    return min(abs(math.log(float(new / old))), math.log(4))


def change_score(
    new: Fraction,
    old: Fraction,
    level: int,
    rounded: bool = False,
    record: bool = False,
    streak: bool = False,
) -> tuple[float, float, bool, str]:
    """(score, p-value, can lead, why) of a change from old to new."""
    z = change_z(new, old, rounded)
    p = change_p(new, old, rounded)
    weight = SUB_WEIGHT if level >= 2 else 1.0
    score = z * (1 + relative(new, old)) * weight
    why = [f"z={z:.2f}", f"p={p:.3f}", f"rel={relative(new, old):.2f}", f"niveau {level}"]
    if record:
        score *= RECORD_BONUS
        why.append("record")
    if streak:
        score *= STREAK_BONUS
        why.append("reeks")
    beyond = p < ALPHA
    if not beyond:
        score *= NOISE_WEIGHT
        why.append("binnen de ruis")
    base = MIN_BASE_ROUNDED if rounded else MIN_BASE
    small = min(new, old) < base or max(new, old) < MIN_TOP
    if small:
        why.append("kleine basis")
    return score, p, beyond and not small, ", ".join(why)


def proportion_z(x1: int, n1: int, x2: int, n2: int) -> float:
    """The two-proportion z statistic (pooled)."""
    if n1 == 0 or n2 == 0:
        return 0.0
    p = (x1 + x2) / (n1 + n2)
    var = p * (1 - p) * (1 / n1 + 1 / n2)
    return 0.0 if var <= 0 else abs(x1 / n1 - x2 / n2) / math.sqrt(var)


def share_score(
    x1: int, n1: int, x2: int, n2: int, level: int = 1, bonus: float = 1.0
) -> tuple[float, float, bool, str]:
    """(score, p, can lead, why) of the difference between two shares x1/n1 and x2/n2."""
    z = proportion_z(x1, n1, x2, n2)
    p = normal_p(z)
    diff = abs(x1 / n1 - x2 / n2) if n1 and n2 else 0.0
    score = z * (1 + 2 * diff) * (SUB_WEIGHT if level >= 2 else 1.0) * bonus
    beyond = p < ALPHA
    if not beyond:
        score *= NOISE_WEIGHT
    small = min(x1, x2, n1 - x1, n2 - x2) < 0 or min(n1, n2) < MIN_TOP
    why = f"z={z:.2f}, p={p:.3f}, verschil {100 * diff:.0f} procentpunt" + (
        "" if beyond else ", binnen de ruis"
    )
    return score, p, beyond and not small, why


def concentration_score(cell: int, row: int, expected: float) -> tuple[float, float, bool, str]:
    """(score, p, can lead, why): a cell's share of its row against the share expected from its column."""
    if row <= 0 or not 0 < expected < 1:
        return 0.0, 1.0, False, "geen verwachting"
    share = cell / row
    z = (share - expected) / math.sqrt(expected * (1 - expected) / row)
    p = normal_p(z)
    score = min(max(z, 0.0), CONCENTRATION_Z_CAP) * (1 + share) * SUB_WEIGHT
    beyond = z > 0 and p < ALPHA
    if not beyond:
        score *= NOISE_WEIGHT
    small = cell < MIN_TOP
    why = f"aandeel {100 * share:.0f}% tegen verwacht {100 * expected:.0f}%, z={z:.2f}"
    return score, p, beyond and not small, why
