"""Every claim kind evaluated against published values (docs/narrative.md, "Claims").

`evaluate(claim, values)` returns None when the published values bear the claim out, else the reason
(Dutch) why not. A claim about a value that is not published as a plain number (a symbol, a blank, a
missing cell) is false: the text never names, ranks or compares a withheld or small value.
"""

from __future__ import annotations

from fractions import Fraction

from jaarcijfers.numbers import format_change
from jaarcijfers.story import words
from jaarcijfers.story.model import Claim, ClaimKind, Ref
from jaarcijfers.story.published import Values, upper_bound


def _numbers(claim: Claim, values: Values, refs: tuple[Ref, ...] | None = None) -> list[Fraction] | str:
    out = []
    for r in refs if refs is not None else claim.refs:
        n = values.number(r)
        if n is None:
            return f"{r.label()} is niet als getal gepubliceerd ({values.text(r)!r})"
        out.append(n)
    return out


def evaluate(claim: Claim, values: Values) -> str | None:
    """None when the claim holds on the published values; otherwise why not."""
    k = claim.kind
    if k == ClaimKind.VALUE:
        text = values.text(claim.refs[0])
        return None if text == claim.value else f"{claim.refs[0].label()} is {text!r}, niet {claim.value!r}"
    if k == ClaimKind.PRESENT:
        text = values.text(claim.refs[0])
        return None if text not in (None, "") and text[0].isdigit() else f"{claim.refs[0].label()} ontbreekt"
    if k == ClaimKind.PERCENT:
        nums = _numbers(claim, values, claim.refs[1:3])
        if isinstance(nums, str):
            return nums
        new, old = nums
        if old == 0:
            return "verandering ten opzichte van nul"
        expected = format_change((new - old) / old)
        got = values.text(claim.refs[0])
        return (
            None
            if got == expected
            else f"{claim.refs[0].label()} is {got!r}; uit de aantallen volgt {expected}"
        )
    if k == ClaimKind.RANK:
        return _rank(claim, values)
    nums = _numbers(claim, values)
    if isinstance(nums, str):
        return nums
    if k == ClaimKind.DIRECTION:
        new, old = nums
        got = "up" if new > old else "down" if new < old else "same"
        return None if got == claim.value else f"richting {got}, niet {claim.value} ({new} tegen {old})"
    if k == ClaimKind.DIFFERENCE:
        new, old = nums
        return (
            None
            if abs(new - old) == Fraction(claim.value)
            else f"verschil {abs(new - old)}, niet {claim.value}"
        )
    if k == ClaimKind.FACTOR:
        new, old = nums
        return (
            None if words.factor_holds(claim.value, new, old) else f"{new}/{old} past niet bij {claim.value}"
        )
    if k == ClaimKind.MAGNITUDE:
        new, old = nums
        ok = words.magnitude_holds(claim.value, new, old)
        return None if ok else f"{new} tegen {old} is geen verandering van de orde {claim.value}"
    if k == ClaimKind.EXTREME:
        now, others = nums[0], nums[1:]
        if not others:
            return "geen andere jaren om mee te vergelijken"
        ok = all(now > o for o in others) if claim.value == "max" else all(now < o for o in others)
        return (
            None if ok else f"{now} is niet het {'hoogste' if claim.value == 'max' else 'laagste'} van {nums}"
        )
    if k == ClaimKind.STREAK:
        pairs = list(zip(nums, nums[1:], strict=False))
        if not pairs:
            return "geen reeks"
        ok = all(b > a for a, b in pairs) if claim.value == "up" else all(b < a for a, b in pairs)
        return None if ok else f"geen onafgebroken {'stijging' if claim.value == 'up' else 'daling'}: {nums}"
    if k == ClaimKind.BELOW:
        now, earlier = nums
        return None if now < earlier else f"{now} ligt niet onder {earlier}"
    if k == ClaimKind.COMPARE:
        a, b = nums
        got = "gt" if a > b else "lt" if a < b else "eq"
        return None if got == claim.value else f"{a} tegen {b}: {got}, niet {claim.value}"
    if k == ClaimKind.SHARE:
        part, whole = nums[0], sum(nums[1:])
        if whole == 0:
            return "aandeel van nul"
        ok = words.share_holds(claim.value, part / whole)
        return None if ok else f"{part}/{whole} past niet bij {claim.value}"
    if k == ClaimKind.SHARE_EXTREME:
        sizes = claim.sizes or tuple(2 for _ in range(len(nums) // 2))
        shares: list[Fraction | None] = []
        i = 0
        for n in sizes:
            part, whole = nums[i], sum(nums[i + 1 : i + n])
            shares.append(part / whole if whole else None)
            i += n
        if i != len(nums) or any(s is None for s in shares) or len(shares) < 2:
            return "aandeel van nul of onvolledige groepen"
        first, rest = shares[0], shares[1:]
        ok = all(first > s for s in rest) if claim.value == "max" else all(first < s for s in rest)  # type: ignore[operator]
        return None if ok else f"aandeel {first} is niet het {claim.value} van {shares}"
    if k == ClaimKind.CONTRIBUTION:
        return _contribution(nums)
    if k == ClaimKind.SUM:
        return None if nums[0] == sum(nums[1:]) else f"{nums[0]} is niet de som van {nums[1:]}"
    return f"onbekende bewering {k}"


def _rank(claim: Claim, values: Values) -> str | None:
    winner = values.number(claim.refs[0])
    if winner is None:
        return f"{claim.refs[0].label()} is niet als getal gepubliceerd"
    for r in claim.refs[1:]:
        n = values.number(r)
        if n is None:
            bound = upper_bound(values.text(r))
            if values.text(r) in ("", None):
                continue  # not shown at all: nothing to compare
            if bound is None or (claim.value == "max" and winner < bound) or claim.value == "min":
                return f"{r.label()} ({values.text(r)!r}) is niet te vergelijken met {winner}"
            continue
        if claim.value == "max" and not winner > n:
            return f"{winner} is niet groter dan {r.label()} ({n})"
        if claim.value == "min" and not winner < n:
            return f"{winner} is niet kleiner dan {r.label()} ({n})"
    return None


def _contribution(nums: list[Fraction]) -> str | None:
    """(new, old, whole new, whole old, siblings...): the part changed in the same direction as the whole,
    by at least half of the whole's change, and more than any sibling part in that direction."""
    new, old, wnew, wold = nums[:4]
    delta, whole = new - old, wnew - wold
    if whole == 0 or delta == 0 or (delta > 0) != (whole > 0):
        return f"de verandering {delta} gaat niet mee met de verandering van het geheel {whole}"
    if abs(delta) * 2 < abs(whole):
        return f"de verandering {delta} is minder dan de helft van {whole}"
    siblings = [a - b for a, b in zip(nums[4::2], nums[5::2], strict=True)]
    for s in siblings:
        if (s > 0) == (delta > 0) and abs(s) >= abs(delta):
            return f"een ander deel veranderde evenveel of meer ({s})"
    return None
