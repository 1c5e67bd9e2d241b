"""Victim records and the predicates ("specs") the CoMensha targets put on them.

A *spec* is a tuple of conditions `(attr, value)` that a victim must all meet to be counted. A record
is a dict holding some of the victim's attributes (a stage of the solver knows only some of them):

    g   gender: 'man' | 'vrouw' | '?'
    a   age class: 'min' | '18-22' | '23-29' | '30-39' | '40+' | '?'
    minor  bool (when only minor/not minor is known)
    r   region: 'Nederland' | 'Europa' | 'Afrika' | 'Azië' | 'Latijns-Amerika' | 'Overig' | '?'
    F   form set, a string over the atoms S (sexual), L (labour), C (criminal), O (organ removal)
    sk  sexual kind: 'dom' | 'intl' | 'unk' | None (derived from r and F when absent)
    c   country code ('' = unknown)
    R   frozenset of reporters (contract codes)
    SS  sexual sectors: tuple of known sector codes, or ('#nnw',) / ('#onb',)
    LS  labour sectors: the same for the labour form
    lab / sexrec  True on records that stand only for labour / sexual victims

The tokens are those of `vocabulary.py` (derived from the figure catalogue). `match(cond, rec)` is
True/False, or None when the record does not know the attribute (the spec is then not expressible in
that stage).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from jaarcijfers.synth.comensha.vocabulary import NNW, ONB, UNK_SECTOR, Cond

Spec = tuple[Cond, ...]

FORMSETS = tuple(  # every subset of the form atoms, by size
    sorted(
        {"".join(a for j, a in enumerate("SLCO") if mask >> j & 1) for mask in range(16)},
        key=lambda s: (len(s), s),
    )
)


def sexual_kind(r: str, forms: str) -> str | None:
    if "S" not in forms:
        return None
    if r == "Nederland":
        return "dom"
    if r == "?":
        return "unk"
    return "intl"


@dataclass(frozen=True)
class World:
    """Code lists the specs refer to."""

    region_of: Mapping[str, str]  # country code -> region
    naam: Mapping[str, str]  # country code -> Dutch name
    slug: Mapping[str, str]  # slug -> country code
    sex_sectors: tuple[str, ...]
    lab_sectors: tuple[str, ...]

    def singleton_region(self, code: str) -> str | None:
        r = self.region_of.get(code)
        if r is None:
            return None
        return r if sum(1 for v in self.region_of.values() if v == r) == 1 else None


def load_world() -> World:
    from jaarcijfers.contract import codelists

    cs = codelists.countries()
    sex = tuple(s for s in codelists.sectors("seksueel") if s not in ("nog_niet_gewerkt", "onbekend"))
    lab = tuple(s for s in codelists.sectors("arbeid") if s not in ("nog_niet_gewerkt", "onbekend"))
    return World(
        region_of={c.code: c.regio for c in cs.values()},
        naam={c.code: c.naam for c in cs.values()},
        slug={c.slug: c.code for c in cs.values()},
        sex_sectors=sex,
        lab_sectors=lab,
    )


def form_matches(key: str, rec: Mapping) -> bool | None:
    """Does the record have the form column `key` (a `victim_vorm` token)?"""
    forms = rec.get("F")
    if forms is None:
        if rec.get("lab"):
            return True if key == "L" else None
        if rec.get("sexrec"):
            if key == "sex":
                return True
            if key in ("dom", "intl") and "r" in rec:
                return sexual_kind(rec["r"], "S") == key
        return None
    sk = rec["sk"] if "sk" in rec else (sexual_kind(rec["r"], forms) if "r" in rec else None)
    if key in ("dom", "intl"):
        if "S" in forms and "sk" not in rec and "r" not in rec:
            return None
        return sk == key
    if key == "sex":
        return "S" in forms
    if key in ("L", "C", "O"):
        return key in forms
    if key == "none":
        return forms == ""
    if key == "OO":
        return forms == "" or "O" in forms
    raise ValueError(key)


def _sectors(val: str, secs: tuple | None) -> bool | None:
    if secs is None:
        return None
    if val == UNK_SECTOR:
        return secs[0] in (NNW, ONB)
    return val in secs


def match(cond: Cond, rec: Mapping, world: World) -> bool | None:
    attr, val = cond
    if attr == "form":
        return form_matches(val, rec)
    if attr == "g":
        return rec["g"] == val if "g" in rec else None
    if attr == "a":
        return rec["a"] == val if "a" in rec else None
    if attr == "minor":
        if "a" in rec:
            return (rec["a"] == "min") == val
        return rec["minor"] == val if "minor" in rec else None
    if attr == "r":
        if "r" in rec:
            return rec["r"] == val
        if "c" in rec:
            return (world.region_of.get(rec["c"], "?") if rec["c"] else "?") == val
        return None
    if attr == "r_notin":
        if "r" in rec:
            return rec["r"] not in val
        return None
    if attr == "c":
        if "c" in rec:
            return rec["c"] == val
        sr = world.singleton_region(val)
        if sr is not None and "r" in rec:
            return rec["r"] == sr
        return None
    if attr == "rep":
        return val in rec["R"] if "R" in rec else None
    if attr == "ss":
        if "SS" in rec:
            return _sectors(val, rec["SS"])
        return None
    if attr == "ls":
        if "LS" in rec:
            return _sectors(val, rec["LS"])
        return None
    raise ValueError(attr)


def matches(spec: Spec, rec: Mapping, world: World) -> bool | None:
    out = True
    for cond in spec:
        m = match(cond, rec, world)
        if m is None:
            return None
        out = out and m
    return out


def count(victims: list[dict], spec: Spec, world: World) -> int:
    return sum(1 for v in victims if matches(spec, v, world) is True)


def top_countries(victims: list[dict], world: World, k: int = 10) -> list[str]:
    """The k most frequent nationalities (ties by Dutch name)."""
    cnt = Counter(v["c"] for v in victims if v["c"])
    return [c for c, _ in sorted(cnt.items(), key=lambda kv: (-kv[1], world.naam[kv[0]]))][:k]
