"""Synthetic table deliveries of the IND (`ind_tabel`) and the Raad voor de rechtspraak (`rechtspraak_tabel`).

Both arrive rounded to fives with small counts as `<10`, and are published as delivered: the published
cells of figures 10, 11, 20 and 21 are passed through unchanged. Measures that only the prose gives
(B9 and schrijnend-pad applications, who lodged the appeal) take the fact's value where the edition has
one and a plausible rounded value consistent with the rest otherwise (applications >= grants; appeals
lodged by suspect + OM + both about the total).
"""

from __future__ import annotations

from jaarcijfers.synth import factspecs as fs
from jaarcijfers.synth.targets import Targets, parse_count


def round5(x: float) -> str:
    """A count as the tables deliver it: 0, `<10`, or a multiple of five of at least 10."""
    if x <= 0:
        return "0"
    if x < 10:
        return "<10"
    return str(int(5 * round(x / 5)))


def numeric(raw: str) -> float:
    """A representative number for a delivered value (`<10` -> 5)."""
    iv = parse_count(raw)
    if iv is None:
        return 0.0
    return (iv.lo + iv.hi) / 2


def _passthrough(t: Targets, figures: tuple[str, ...], mapping: dict[str, str]) -> dict[tuple[int, str], str]:
    out: dict[tuple[int, str], str] = {}
    for (fig, _part, row, col), raw in t.cells.items():
        if fig in figures and col.isdigit() and raw.strip() != "":
            m = mapping.get(row)
            if m is None:
                from jaarcijfers.errors import UserError

                raise UserError(f"Figuur {fig}: onbekende rij {row!r}")
            out[int(col), m] = raw.strip()
    return out


def _fact_years(t: Targets, measure: str, years: list[int]) -> dict[int, str]:
    out = {}
    for y in years:
        v = t.fact(f"{measure}_{y}")
        if v is not None and parse_count(v) is not None:
            out[y] = v.strip()
    return out


def synthesize_ind(t: Targets) -> list[dict[str, str]]:
    yrs = fs.Years(t.year)
    years = yrs.window
    vals = _passthrough(t, ("10", "11"), fs.IND_ROWS)
    present = sorted({y for y, _ in vals})
    # applications that only the prose gives: facts, else a ratio learnt from the years with a fact
    for apply_m, grant_m in (
        ("b9_aanvragen", "b9_verleend"),
        ("schrijnend_aanvragen", "schrijnend_verleend"),
        ("b8_aanvragen", "b8_verleend"),
    ):
        facts = _fact_years(t, apply_m, years)
        for y, v in facts.items():
            vals.setdefault((y, apply_m), v)
        ratios = [
            numeric(vals[y, apply_m]) / numeric(vals[y, grant_m])
            for y in present
            if (y, apply_m) in vals and (y, grant_m) in vals and numeric(vals[y, grant_m]) > 0
        ]
        ratio = max(1.0, sum(ratios) / len(ratios)) if ratios else 1.5
        for y in present:
            if (y, apply_m) in vals or (y, grant_m) not in vals:
                continue
            grant = vals[y, grant_m]
            if grant == "0":
                vals[y, apply_m] = "<10"
            elif grant == "<10":
                vals[y, apply_m] = "10" if ratio >= 1.5 else "<10"
            else:
                vals[y, apply_m] = round5(max(numeric(grant) * ratio, numeric(grant)))
    return [{"jaar": str(y), "maatstaf": m, "aantal": v} for (y, m), v in sorted(vals.items())]


def synthesize_rechtspraak(t: Targets) -> list[dict[str, str]]:
    vals = _passthrough(t, ("20", "21"), fs.RECHTSPRAAK_ROWS)
    present = sorted({y for y, _ in vals})
    who = ("verdachte", "om", "beide")
    for y in present:
        given = {w: t.fact(f"hoger_beroep_{w}_{y}") for w in who}
        known = {w: v.strip() for w, v in given.items() if v}
        total = numeric(vals.get((y, "hoger_beroep_totaal"), "0"))
        if len(known) == len(who):
            for w in who:
                vals[y, f"ingesteld_{w}"] = known[w]
            continue
        suspect = round(total * 0.72)
        om = round(total * 0.14)
        both = max(0, round(total) - suspect - om)
        for w, n in zip(who, (suspect, om, both), strict=True):
            vals[y, f"ingesteld_{w}"] = (given[w] or "").strip() or round5(n)
    return [{"jaar": str(y), "maatstaf": m, "aantal": v} for (y, m), v in sorted(vals.items())]
