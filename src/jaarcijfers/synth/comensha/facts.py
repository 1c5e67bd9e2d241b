"""The CoMensha prose facts of an edition: parsed from their ids, as targets, and their value checks.

Fact ids are read word by word (`vocabulary.FACT_WORDS`, country slugs and sector codes of the code
lists); the last word or the suffix gives the kind (`_pct`, `_factor`, `_aandeel`, `_verschil`,
`_stijging_vanaf`, …, see docs/synth-comensha.md). Facts that compare a year with the year after become
targets of the earlier year once the later one is solved (`fact_targets`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from jaarcijfers.numbers import format_change, round_half_up
from jaarcijfers.synth import labels as L
from jaarcijfers.synth.comensha.specs import Spec, World, count, top_countries
from jaarcijfers.synth.comensha.targets import Target, lookup
from jaarcijfers.synth.comensha.vocabulary import FACT_WORDS, Cond, word_condition
from jaarcijfers.synth.targets import Interval, Targets, parse_count

COMENSHA_SECTIONS = frozenset(L.sections_of("comensha"))


@dataclass
class FactSpec:
    """A parsed CoMensha fact: how to evaluate it on synthesized victims."""

    id: str
    kind: str  # count | pct | share | mshare | factor | diff | anon | top10new | rising_from | below | falling_after
    year: int
    value: str
    spec: Spec = ()
    den: Spec | None = None
    subject: str = ""
    country_group: tuple[str, Spec] | None = None  # (country, rest spec) for top-k groups
    years: tuple[int, ...] = ()


def _tokens_to_spec(tokens: list[str], world: World) -> Spec | None:
    conds: list[Cond] = []
    i = 0
    while i < len(tokens):
        matched = False
        for n in (3, 2, 1):
            if i + n > len(tokens):
                continue
            tok = "_".join(tokens[i : i + n])
            c = _token_cond(tok, conds, world)
            if c is not None:
                conds.extend(c)
                i += n
                matched = True
                break
        if not matched:
            return None
    return tuple(conds)


def _token_cond(tok: str, before: list[Cond], world: World) -> list[Cond] | None:
    reporter = tok in FACT_WORDS and FACT_WORDS[tok][0] == "victim_melder"
    if not reporter:
        c = word_condition(tok)
        if c is not None:
            return list(c)
    if tok in world.slug:
        return [("c", world.slug[tok])]
    if reporter:
        return list(word_condition(tok) or ())
    labour = ("form", "L") in before
    for code in world.lab_sectors if labour else ():
        if tok == code or code.startswith(tok + "_") or code.split("_")[0] == tok:
            return [("ls", code)]
    for code in world.sex_sectors:
        if tok == code:
            return [("ss", code)]
    for code in world.lab_sectors:
        if tok == code or code.startswith(tok + "_"):
            return [("ls", code)]
    return None


def parse_facts(t: Targets, world: World) -> tuple[list[FactSpec], list[str]]:
    """The CoMensha facts of an edition (derivable ones), and ids that look CoMensha but were not understood."""
    out: list[FactSpec] = []
    unknown: list[str] = []
    facts = [f for f in t.derivable_facts()]
    ids = {f.id for f in facts}
    for f in facts:
        m = re.match(r"^(.*?)((?:_\d{4})*)$", f.id)
        assert m is not None
        body, ys = m.group(1), [int(y) for y in re.findall(r"\d{4}", m.group(2))]
        year = ys[-1] if ys else t.year
        toks = body.split("_")
        fs: FactSpec | None = None
        if body == "slachtoffers" and ys:
            fs = FactSpec(f.id, "count", year, f.value)
        elif body == "slachtoffers_verschil" and len(ys) == 2:
            fs = FactSpec(f.id, "diff", ys[1], f.value, years=(ys[0], ys[1]))
        elif body.endswith("_stijging_vanaf"):
            sp = _tokens_to_spec(
                [x for x in body[: -len("_stijging_vanaf")].split("_") if x != "slachtoffers"], world
            )
            fs = None if sp is None else FactSpec(f.id, "rising_from", t.year, f.value, sp)
        elif body.endswith("_onder_niveau_van"):
            sp = _tokens_to_spec(
                [x for x in body[: -len("_onder_niveau_van")].split("_") if x != "slachtoffers"], world
            )
            fs = None if sp is None else FactSpec(f.id, "below", t.year, f.value, sp)
        elif body.endswith("_daling_na"):
            sp = _tokens_to_spec(body[: -len("_daling_na")].split("_"), world)
            fs = None if sp is None else FactSpec(f.id, "falling_after", t.year, f.value, sp)
        elif body == "anoniem" and ys:
            fs = FactSpec(f.id, "anon", year, f.value)
        elif body == "top10_nieuw" and ys:
            fs = FactSpec(f.id, "top10new", year, f.value, subject=f.subject)
        elif toks[-1] in ("pct", "factor") and ys:
            sp = _tokens_to_spec(toks[:-1], world)
            fs = None if sp is None else FactSpec(f.id, toks[-1], year, f.value, sp, subject=f.subject)
        elif toks[-1] == "aandeel" and ys:
            sp = _tokens_to_spec(toks[:-1], world)
            if sp is not None:
                last = sp[-1]
                if last[0] == "form" and ("minor", True) in sp and "/" in f.value:
                    fs = FactSpec(f.id, "mshare", year, f.value, sp, subject=f.subject)
                elif last[0] != "form":
                    den = list(sp[:-1])
                    if last[0] == "ss":
                        den.append(("form", "sex"))
                    if last[0] == "ls":
                        den.append(("form", "L"))
                    fs = FactSpec(f.id, "share", year, f.value, sp, den=tuple(den), subject=f.subject)
        elif ys:
            if toks[-1] == "overig" and len(toks) > 1:
                prefix = "_".join(toks[:-1])
                siblings = [
                    i2[len(prefix) + 1 : -5]
                    for i2 in ids
                    if i2.startswith(prefix + "_") and i2.endswith(f"_{year}") and i2 != f.id
                ]
                base = _tokens_to_spec(toks[:-1], world)
                regs: set[str] = set()
                for s in siblings:
                    sp2 = _tokens_to_spec([s], world)
                    if sp2 and len(sp2) == 1 and sp2[0][0] in ("r", "c"):
                        regs.add(sp2[0][1] if sp2[0][0] == "r" else world.region_of[sp2[0][1]])
                if base is not None and regs:
                    fs = FactSpec(f.id, "count", year, f.value, base + (("r_notin", frozenset(regs)),))
            else:
                sp = _tokens_to_spec(toks, world)
                if sp is not None and sp:
                    fs = FactSpec(f.id, "count", year, f.value, sp)
                    cs = [c for c in sp if c[0] == "c"]
                    if len(cs) == 1:
                        rest = tuple(c for c in sp if c[0] != "c")
                        fs.country_group = (cs[0][1], rest)
        if fs is None:
            if f.section in COMENSHA_SECTIONS:
                unknown.append(f.id)
            continue
        out.append(fs)
    return out, unknown


def country_groups(facts: list[FactSpec]) -> dict[tuple[int, Spec], list[FactSpec]]:
    """Count facts on one country each, grouped by (year, the rest of the spec): a group of two or more
    names the most frequent countries (every other country stays strictly below the smallest)."""
    groups: dict[tuple[int, Spec], list[FactSpec]] = {}
    for f in facts:
        if f.kind == "count" and f.country_group is not None and f.country_group[1]:
            groups.setdefault((f.year, f.country_group[1]), []).append(f)
    return {k: v for k, v in groups.items() if len(v) >= 2}


def count_interval(value: str) -> Interval | None:
    return parse_count(value)


def pct_ok(value: str, new: int, old: int) -> bool:
    if old == 0:
        return False
    return format_change(Fraction(new - old, old)) == value


def factor_ok(value: str, subject: str, new: int, old: int) -> bool:
    if old == 0:
        return False
    ratio = Fraction(new, old)
    more = value.startswith(">")
    k = Fraction(value.lstrip(">").lstrip("x"))
    if more:
        return ratio > k
    if "bijna" in subject.lower():
        return k * Fraction(9, 10) <= ratio < k
    return abs(ratio - k) <= k / 10


def share_ok(value: str, subject: str, num: int, den: int) -> bool:
    if den == 0:
        return False
    q = Fraction(num, den)
    if value.endswith("%"):
        return round_half_up(q * 100) == int(value.rstrip("%"))
    k = Fraction(value)
    s = subject.lower()
    if "iets meer dan" in s or "ruim" in s:
        return k < q <= k * Fraction(6, 5)
    if "bijna" in s:
        return k * Fraction(9, 10) <= q < k
    return abs(q - k) <= k / 20


def admissible(pred, lo: int = 0, hi: int = 5000) -> Interval | None:
    vals = [v for v in range(lo, hi + 1) if pred(v)]
    if not vals:
        return None
    return Interval(min(vals), max(vals))


def fact_targets(
    facts: list[FactSpec],
    cells: list[Target],
    year: int,
    years_done: dict[int, list[dict]],
    world: World,
    unmet: list[tuple[str, str]],
) -> list[Target]:
    """The fact constraints on one year; facts comparing with the next year use its solved values."""
    out: list[Target] = []
    for f in facts:
        name = f"fact {f.id}"
        if f.kind == "count" and f.year == year:
            iv = count_interval(f.value)
            if iv is not None:
                out.append(Target(name, year, "count", f.spec, iv, is_fact=True))
        elif f.kind == "share" and f.year == year and f.value.endswith("%"):
            out.append(
                Target(
                    name,
                    year,
                    "share",
                    f.spec,
                    den=(f.den or (),),
                    pct=int(f.value.rstrip("%")),
                    is_fact=True,
                )
            )
        elif f.kind in ("pct", "factor") and f.year == year + 1 and f.year in years_done:
            new = count(years_done[f.year], f.spec, world)
            if f.kind == "pct":
                iv = admissible(lambda v, f=f, new=new: pct_ok(f.value, new, v))
            else:
                iv = admissible(lambda v, f=f, new=new: factor_ok(f.value, f.subject, new, v))
            pinned = lookup(cells, year, f.spec)
            if iv is None:
                unmet.append((name, f"no value of {year} gives {f.value} from {new} in {f.year}"))
                continue
            if pinned is not None and (pinned.hi < iv.lo or pinned.lo > iv.hi):
                unmet.append(
                    (
                        name,
                        f"conflicts with the published cells: {f.year} = {new} and {year} = "
                        f"{pinned.lo if pinned.lo == pinned.hi else pinned} give "
                        f"{relative(f, new, pinned.lo)}, the prose says {f.value} "
                        f"(it needs {year} in {iv.lo}..{iv.hi})",
                    )
                )
                continue
            out.append(Target(name, year, "count", f.spec, iv, is_fact=True))
    for (gy, rest), members in country_groups(facts).items():
        if gy != year:
            continue
        named = {country_of(m)[0] for m in members}
        low = min(count_value(m.value).lo for m in members)
        out.append(
            Target(
                top_name(members),
                year,
                "cap",
                rest,
                Interval(0, low - 1),
                caps=tuple((("c", c),) for c in sorted(world.naam) if c not in named),
                is_fact=True,
            )
        )
    return out


def top_name(members: list[FactSpec]) -> str:
    return f"fact top {len(members)} of {', '.join(m.id for m in members)}"


def count_value(value: str) -> Interval:
    iv = count_interval(value)
    assert iv is not None, value
    return iv


def country_of(f: FactSpec) -> tuple[str, Spec]:
    assert f.country_group is not None
    return f.country_group


def relative(f: FactSpec, new: int, old: int) -> str:
    if old == 0:
        return "n/a"
    if f.kind == "pct":
        ch = Fraction(new - old, old) * 100
        return f"{float(ch):+.1f}%"
    return f"x{float(Fraction(new, old)):.2f}"


def _skeleton(word: str) -> str:
    return "".join(ch for ch in word.lower() if ch.isalpha() and ch not in "aeiouyjëïéèöüä")[:3]


def top10_plan(
    f: FactSpec, later: list[dict], world: World, facts: list[FactSpec], weights: dict[str, float], year: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    top = top_countries(later, world)
    k = int(f.value)
    words = {_skeleton(w) for w in f.subject.replace(",", " ").replace("(", " ").replace(")", " ").split()}
    new = [c for c in top if len(_skeleton(world.naam[c])) == 3 and _skeleton(world.naam[c]) in words]
    tenth = Counter(v["c"] for v in later if v["c"])[top[-1]] if top else 0
    for g in facts:
        if g.kind == "count" and g.year == year and len(g.spec) == 1 and g.spec[0][0] == "c":
            c = g.spec[0][1]
            iv = count_interval(g.value)
            if c in top and c not in new and iv is not None and iv.hi < tenth and len(new) < k:
                new.append(c)
    for c in reversed(top):
        if len(new) >= k:
            break
        if c not in new and c != "NL":
            new.append(c)
    new = new[:k]
    keep = [c for c in top if c not in new]
    extra = sorted((c for c in weights if c not in top), key=lambda c: (-weights[c], c))[: 10 - len(keep)]
    members = tuple(keep + extra)
    others = tuple(c for c in sorted(weights) if c not in members)
    return members, others
