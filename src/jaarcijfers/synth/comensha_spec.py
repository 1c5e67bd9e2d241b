"""Targets of the CoMensha part of the synthetic delivery, as predicates over victim records.

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

`match(cond, rec)` is True/False, or None when the record does not know the attribute (the spec is
then not expressible in that stage). The cell and fact targets of an edition are turned into specs
here (`cell_targets`, `parse_facts`), from the labels and ids only: no number is known in this file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from jaarcijfers.contract import codelists
from jaarcijfers.numbers import format_change, round_half_up
from jaarcijfers.synth.targets import Interval, Targets, parse_count

FORM_ATOMS = "SLCO"
GENDERS = ("man", "vrouw", "?")
AGES = ("min", "18-22", "23-29", "30-39", "40+", "?")
REGIONS = ("Nederland", "Europa", "Afrika", "Azië", "Latijns-Amerika", "Overig", "?")
REPORTERS = ("politie", "kmar", "nla", "zorgcoordinator", "fairwork", "overig")
NNW = "#nnw"
ONB = "#onb"

# Labels of the published tables (the report's structure; years, countries and values are read).
FORM_COLS = {
    "Binnenlandse seksuele uitbuiting": "dom",
    "Internationale seksuele uitbuiting": "intl",
    "Seksuele uitbuiting": "sex",
    "Arbeidsuitbuiting": "L",
    "Criminele uitbuiting": "C",
    "Gedwongen orgaanverwijdering": "O",
    "Onbekend/nog niet gewerkt": "none",
    "Overig/onbekend": "OO",
}
AGE_ROWS = {
    "Minderjarig": "min",
    "18-22 (adolescent)": "18-22",
    "23-29": "23-29",
    "30-39": "30-39",
    "40+": "40+",
    "Onbekend": "?",
}
GENDER_ROWS = {"Man": "man", "Vrouw": "vrouw"}
COMENSHA_FIGURES = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "12", "T1")


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
    sex_labels: Mapping[str, str]
    lab_labels: Mapping[str, str]
    reporter_labels: Mapping[str, str]

    def singleton_region(self, code: str) -> str | None:
        r = self.region_of.get(code)
        if r is None:
            return None
        return r if sum(1 for v in self.region_of.values() if v == r) == 1 else None


def load_world() -> World:
    cs = codelists.countries()
    sex = tuple(s for s in codelists.sectors("seksueel") if s not in ("nog_niet_gewerkt", "onbekend"))
    lab = tuple(s for s in codelists.sectors("arbeid") if s not in ("nog_niet_gewerkt", "onbekend"))
    return World(
        region_of={c.code: c.regio for c in cs.values()},
        naam={c.code: c.naam for c in cs.values()},
        slug={c.slug: c.code for c in cs.values()},
        sex_sectors=sex,
        lab_sectors=lab,
        sex_labels=dict(codelists.sector_labels("seksueel")),
        lab_labels=dict(codelists.sector_labels("arbeid")),
        reporter_labels=dict(codelists.labels("melders")),
    )


# ----------------------------------------------------------------------------------------- matching

Cond = tuple[str, Any]
Spec = tuple[Cond, ...]


def _form(key: str, rec: Mapping) -> bool | None:
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
    if val == "#unk":
        return secs[0] in (NNW, ONB)
    return val in secs


def match(cond: Cond, rec: Mapping, world: World) -> bool | None:
    attr, val = cond
    if attr == "form":
        return _form(val, rec)
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


def implied_form(spec: Spec) -> Spec:
    """Sector conditions imply their form: make it explicit (needed where a record knows F)."""
    extra: list[Cond] = []
    for attr, _ in spec:
        if attr == "ss" and ("form", "sex") not in spec:
            extra.append(("form", "sex"))
        if attr == "ls" and ("form", "L") not in spec:
            extra.append(("form", "L"))
    return tuple(spec) + tuple(dict.fromkeys(extra))


# ----------------------------------------------------------------------------------------- targets


@dataclass
class Target:
    """One published cell or fact as a constraint on one year's victims."""

    name: str  # e.g. "F8/jaar[Vrouw|2024]" or "fact oekraine_2024"
    year: int
    kind: str  # count | share | cap (every listed spec <= hi) | anon
    spec: Spec = ()
    interval: Interval | None = None
    # share: round_half_up(100 * count(spec) / sum(count(d) for d in den)) == pct
    den: tuple[Spec, ...] = ()
    pct: int = 0
    caps: tuple[Spec, ...] = ()
    is_fact: bool = False


def _label_code(label: str, labels: Mapping[str, str]) -> str | None:
    for code, lab in labels.items():
        if lab == label or lab.startswith(label) or label.startswith(lab):
            return code
    return None


def _region_of_label(label: str) -> str | None:
    for r in REGIONS[:-1]:
        if label == r or label.startswith(r):
            return r
    return "?" if label == "Onbekend" else None


def _sector_row(label: str, labels: Mapping[str, str], prefix: str) -> Cond | None:
    attr = "ss" if prefix == "S" else "ls"
    low = label.lower()
    if "uitsluitend" in low or low == "onbekend/nog niet gewerkt":
        if "nog niet gewerkt" in low and "onbekend" in low:
            return (attr, "#unk")
        if "nog niet gewerkt" in low:
            return (attr, NNW)
        return (attr, ONB)
    code = _label_code(label, {k: v for k, v in labels.items() if k not in ("nog_niet_gewerkt", "onbekend")})
    return None if code is None else (attr, code)


def cell_spec(fig: str, part: str, row: str, col: str, year: int, world: World) -> tuple[int, Spec] | None:
    """The (year, spec) a count cell of a CoMensha figure counts; None if not a count cell."""
    colyear = int(col) if col.isdigit() else year
    if fig == "1":
        return colyear, ()
    if fig == "2":
        return colyear, (("form", FORM_COLS[row]),)
    if fig == "3":
        c = _sector_row(row, world.sex_labels, "S")
        return None if c is None else (colyear, (c,))
    if fig == "4":
        c = _sector_row(row, world.sex_labels, "S")
        return None if c is None else (year, (c, ("r", _region_of_label(col))))
    if fig == "5":
        c = _sector_row(row, world.lab_labels, "L")
        return None if c is None else (colyear, (c,))
    if fig == "6":
        second = ("form", FORM_COLS[col]) if part == "vorm" else None
        spec: Spec = (("a", AGE_ROWS[row]),)
        return colyear, spec + ((second,) if second else ())
    if fig == "7":
        if col != "Aantal":
            return None
        return year, (("a", "min"), ("form", FORM_COLS[row]))
    if fig == "8":
        spec = (("g", GENDER_ROWS[row]),)
        return colyear, spec + ((("form", FORM_COLS[col]),) if part == "vorm" else ())
    if fig == "9":
        spec = (("r", _region_of_label(row)),)
        return colyear, spec + ((("form", FORM_COLS[col]),) if part == "vorm" else ())
    if fig == "12":
        code = _label_code(row, world.reporter_labels)
        spec = (("rep", code),)
        return colyear, spec + ((("form", FORM_COLS[col]),) if part == "vorm" else ())
    return None


def cell_targets(t: Targets, world: World) -> list[Target]:
    year = t.year
    out: list[Target] = []
    naam_to_code = {v: k for k, v in world.naam.items()}
    t1_counts: list[tuple[str, Interval]] = []
    for (fig, part, row, col), raw in t.cells.items():
        if fig not in COMENSHA_FIGURES:
            continue
        label = fig if fig.startswith("T") else f"F{fig}"
        name = f"{label}/{part}[{row}|{col}]" if part else f"{label}[{row}|{col}]"
        if fig == "T1":
            if col == "Rang":
                continue
            code = naam_to_code[row]
            iv = parse_count(raw)
            if iv is None:
                continue
            t1_counts.append((code, iv))
            out.append(Target(name, year, "count", (("c", code),), iv))
            continue
        if fig == "7" and col == "Percentage":
            pct = int(raw.rstrip("%"))
            den = tuple((("a", "min"), ("form", FORM_COLS[r])) for r in t.rows("7"))
            out.append(
                Target(name, year, "share", (("a", "min"), ("form", FORM_COLS[row])), den=den, pct=pct)
            )
            continue
        cs = cell_spec(fig, part, row, col, year, world)
        if cs is None:
            continue
        iv = parse_count(raw)
        if iv is None:
            continue
        out.append(Target(name, cs[0], "count", cs[1], iv))
    if t1_counts:
        # Tabel 1 is the top ten: every other country stays strictly below the last listed count.
        low = min(iv.lo for _, iv in t1_counts)
        listed = {c for c, _ in t1_counts}
        out.append(
            Target(
                "T1 (others below rank 10)",
                year,
                "cap",
                (),
                Interval(0, low - 1),
                caps=tuple((("c", c),) for c in sorted(world.naam) if c not in listed),
            )
        )
    return out


# ----------------------------------------------------------------------------------------- facts

REGION_TOKENS = {"europa": "Europa", "afrika": "Afrika", "azie": "Azië", "latam": "Latijns-Amerika"}
FORM_TOKENS = {
    "intl_seks": "intl",
    "binnen_seks": "dom",
    "binnen": "dom",
    "intl": "intl",
    "seks": "sex",
    "arbeid": "L",
    "crim": "C",
    "crimineel": "C",
    "orgaan": "O",
}
GENDER_TOKENS = {
    "vrouwen": "vrouw",
    "meisjes": "vrouw",
    "vrouw": "vrouw",
    "mannen": "man",
    "jongens": "man",
    "man": "man",
}
NOOP_TOKENS = {"overlap", "melder"}


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
    new_countries: tuple[str, ...] = ()
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
    if tok in NOOP_TOKENS:
        return []
    if tok == "geslacht_onbekend":
        return [("g", "?")]
    if tok in FORM_TOKENS:
        return [("form", FORM_TOKENS[tok])]
    if tok in GENDER_TOKENS:
        return [("g", GENDER_TOKENS[tok])]
    if tok == "minderjarig":
        return [("minor", True)]
    if tok == "adolescent":
        return [("a", "18-22")]
    if tok in REGION_TOKENS:
        return [("r", REGION_TOKENS[tok])]
    if tok in world.slug:
        return [("c", world.slug[tok])]
    rep = {
        "zorgcoordinator": "zorgcoordinator",
        "politie": "politie",
        "kmar": "kmar",
        "nla": "nla",
        "fairwork": "fairwork",
    }
    if tok in rep:
        return [("rep", rep[tok])]
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


COMENSHA_SECTIONS = frozenset(
    {"Slachtoffers", "Vormen van mensenhandel", "Leeftijd en geslacht", "Herkomst", "Melders"}
)


def country_groups(facts: list[FactSpec]) -> dict[tuple[int, Spec], list[FactSpec]]:
    """Count facts on one country each, grouped by (year, the rest of the spec): a group of two or more
    names the most frequent countries (every other country stays strictly below the smallest)."""
    groups: dict[tuple[int, Spec], list[FactSpec]] = {}
    for f in facts:
        if f.kind == "count" and f.country_group is not None and f.country_group[1]:
            groups.setdefault((f.year, f.country_group[1]), []).append(f)
    return {k: v for k, v in groups.items() if len(v) >= 2}


# ----------------------------------------------------------------------------------------- values


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


@dataclass
class YearData:
    """Synthesized victims of one year (non-anonymous) as full records, and the anonymous count."""

    victims: list[dict] = field(default_factory=list)
    anonymous: int = 0
