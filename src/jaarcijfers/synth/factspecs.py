"""What each prose fact of the EMM, OM, IND and Rechtspraak sections measures.

A spec names a fact by a template over the reporting year (`{Y}` = Y, `{P}` = Y-1, `{Y2}` = Y-2,
`{W0}` = Y-4) and says how to compute it from an *accessor*: `acc.cell(figure, part, row, column)` and
`acc.measure(name, *args)`. The same spec is evaluated on integer counts (the fit report) and on linear
expressions of the integer program (where the fact becomes a soft constraint), so a fact is declared
once. An accessor raises KeyError for what it does not know; such a fact is skipped there.

Kinds: `count` (value = expression), `pct` (share num/den in whole percent), `change` (relative change
num/den, signed), `mean` (num/den rounded to whole units), `raw` (a delivered table value, compared as
text), `approx` (a verbal approximation: ratio, factor or "zo'n"; met within a tolerance, never a
constraint), `report` (integers only, e.g. a number of years of decline).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from jaarcijfers.numbers import round_half_up
from jaarcijfers.synth import labels as L

# Labels of the published figures, read from the figure catalogue (`synth.labels`): label -> token of
# the models and the counter, and token -> label for the specs below.
F13_FORMS = L.tokens("13", L.EMM_FORM)
F14_GENDERS = L.tokens("14", L.SUSPECT_GENDER)
F16_FORMS = L.tokens("16", L.CASE_FORM)
F17_TYPES = L.tokens("17", L.DECISION, "jaar")
FORM5 = L.tokens("19", L.CASE_FORM5, "vorm", "columns")
FORM5_TO_FORM = L.FORM5_TO_FORM
SEXUAL5 = tuple(f for f in FORM5.values() if FORM5_TO_FORM[f] == FORM5_TO_FORM["binnen"])
F18_ROWS = L.token_tuples("18", L.CASE_FORM5)
F18_SPLIT_ROWS = L.block("18").blank_rows_when_split_hidden
VERDICTS = L.tokens("19", L.VERDICT, "jaar")
GENDERS = L.tokens("23", L.CASE_GENDER, "jaar")
HERKOMST = L.tokens("24", L.HERKOMST, "jaar")
MEAN_ROW = L.block("22", "jaar").means[0].label
AGE_CODES = tuple(cs[0] for _, cs in L.labels("22", "jaar") if cs != ("onbekend",))
IND_ROWS = {lab: cs[0] for fig in ("10", "11") for lab, cs in L.labels(fig)}
RECHTSPRAAK_ROWS = {lab: cs[0] for fig in ("20", "21") for lab, cs in L.labels(fig)}
MY_FIGURES = L.figures_of("ind", "emm", "om", "rechtspraak")
MY_SECTIONS = (*L.sections_of("ind", "emm", "om", "rechtspraak"), "EMM-data")  # EMM-data: prose only

# token -> label, for the specs
R13 = L.label_of_token("13", L.EMM_FORM)
R14 = L.label_of_token("14", L.SUSPECT_GENDER)
R14_TOTAL = L.label("14", tuple(L.SUSPECT_GENDER))
R15 = L.label("15", "alle")
R16 = L.label_of_token("16", L.CASE_FORM)
R17 = L.label_of_token("17", L.DECISION, "jaar")
R18 = L.label_of_token("18", L.CASE_FORM5)
R18_SEX = L.label("18", tuple(c for c, f in L.CASE_FORM5.items() if f in SEXUAL5))
R18_TOTAL = L.label("18", tuple(L.CASE_FORM5))
R19 = L.label_of_token("19", L.VERDICT, "jaar")
R22 = {code: L.label("22", code, "jaar") for code in AGE_CODES}
R23 = L.label_of_token("23", L.CASE_GENDER, "jaar")
R24 = L.label_of_token("24", L.HERKOMST, "jaar")
RFORM5 = {f: lab for lab, f in FORM5.items()}


@dataclass(frozen=True)
class Years:
    Y: int

    @property
    def window(self) -> list[int]:
        return list(range(self.Y - 4, self.Y + 1))

    def fmt(self, template: str) -> str:
        return template.format(Y=self.Y, P=self.Y - 1, Y2=self.Y - 2, W0=self.Y - 4)


@dataclass(frozen=True)
class FactSpec:
    template: str
    kind: str
    fn: Callable[[Any, Years], Any]
    tolerance: float = 0.0  # for `approx`: allowed relative deviation


def _s(items):
    items = list(items)
    out = items[0]
    for i in items[1:]:
        out = out + i
    return out


def _f18(acc, yrs: Years, row: str, year: int):
    return acc.cell("18", "", row, str(year))


def _f18_total(acc, yrs: Years):
    return _s(_f18(acc, yrs, R18_TOTAL, y) for y in yrs.window)


def _vorm_col(acc, fig: str, rows, col: str):
    return _s(acc.cell(fig, "vorm", r, col) for r in rows)


def _jaar_row(acc, fig: str, row: str, yrs: Years):
    return _s(acc.cell(fig, "jaar", row, str(y)) for y in yrs.window)


AGE_ROWS = tuple(R22[c] for c in AGE_CODES)
SEX_COLS = tuple(k for k, v in FORM5.items() if v in SEXUAL5)


def _pct_vorm(fig: str, row: str, cols: tuple[str, ...], rows: tuple[str, ...]):
    def fn(acc, yrs):
        return (
            _s(acc.cell(fig, "vorm", row, c) for c in cols),
            _s(_vorm_col(acc, fig, rows, c) for c in cols),
        )

    return fn


def _f16(acc, form_label: str, y: int):
    return acc.cell("16", "", form_label, str(y))


def _f17_dec(acc, y: int):
    return _s(acc.cell("17", "jaar", t, str(y)) for t in F17_TYPES)


def _decline_years(acc, yrs: Years):
    tot = [acc.cell("18", "", R18_TOTAL, str(y)) for y in yrs.window]
    if not all(isinstance(t, int) for t in tot):
        raise KeyError("report only")
    n = 0
    for i in range(len(tot) - 2, 0, -1):
        if tot[i] < tot[i - 1]:
            n += 1
        else:
            break
    return n


def _ind_fact(m: str, off: int):
    return lambda acc, yrs: acc.measure("ind", yrs.Y - off, m)


def _hb_fact(who: str):
    return lambda acc, yrs: acc.measure("rechtspraak", yrs.Y, f"ingesteld_{who}")


def _share_reg(lab: str):
    return lambda acc, yrs: (
        _s(_f16(acc, lab, y) for y in yrs.window),
        _s(acc.cell("15", "", R15, str(y)) for y in yrs.window),
    )


def _f18_fact(lab: str, off: int):
    return lambda acc, yrs: _f18(acc, yrs, lab, yrs.Y - off)


def _nat_fact(cc: str):
    return lambda acc, yrs: acc.measure("emm_nat", yrs.Y, cc)


F23_ROWS = tuple(GENDERS)
F24_ROWS = tuple(HERKOMST)
F19_ROWS = tuple(VERDICTS)

SPECS: list[FactSpec] = [
    # IND (table delivered rounded: compared as delivered)
    *[
        FactSpec(f"{m}_{{{y}}}", "raw", _ind_fact(m, 0 if y == "Y" else 1))
        for m in (
            "b8_aanvragen",
            "b8_verleend",
            "b9_aanvragen",
            "b9_verleend",
            "schrijnend_aanvragen",
            "schrijnend_verleend",
            "uitstel_vertrek_kort",
            "uitstel_vertrek_lang",
        )
        for y in ("Y", "P")
    ],
    # Raad voor de rechtspraak
    FactSpec(
        "hoger_beroep_{Y}", "raw", lambda acc, yrs: acc.measure("rechtspraak", yrs.Y, "hoger_beroep_totaal")
    ),
    *[FactSpec(f"hoger_beroep_{who}_{{Y}}", "raw", _hb_fact(who)) for who in ("verdachte", "om", "beide")],
    FactSpec(
        "hoger_beroep_gemiddeld",
        "approx",
        lambda acc, yrs: (
            _s(acc.measure("rechtspraak_num", y, "hoger_beroep_totaal") for y in yrs.window),
            len(yrs.window),
        ),
        tolerance=0.1,
    ),
    FactSpec(
        "hoger_beroep_schuldig_pct",
        "approx",
        lambda acc, yrs: (
            _s(acc.measure("rechtspraak_num", y, "eindarrest_schuldig") for y in yrs.window),
            _s(acc.measure("rechtspraak_num", y, "hoger_beroep_totaal") for y in yrs.window),
        ),
        tolerance=0.05,
    ),
    FactSpec(
        "cassatie_aandeel",
        "approx",
        lambda acc, yrs: (
            _s(acc.measure("rechtspraak_num", y, "cassatie_ingesteld") for y in yrs.window),
            _s(acc.measure("rechtspraak_num", y, "hoger_beroep_totaal") for y in yrs.window),
        ),
        tolerance=0.1,
    ),
    FactSpec(
        "cassatie_per_jaar",
        "approx",
        lambda acc, yrs: (
            _s(acc.measure("rechtspraak_num", y, "cassatie_ingesteld") for y in yrs.window),
            len(yrs.window),
        ),
        tolerance=0.1,
    ),
    # EMM
    FactSpec("onderzoeken_{Y}", "count", lambda acc, yrs: acc.measure("emm_onderzoeken", yrs.Y)),
    FactSpec(
        "onderzoeken_gemiddelde_{W0}_{Y}",
        "mean",
        lambda acc, yrs: (_s(acc.measure("emm_onderzoeken", y) for y in yrs.window), len(yrs.window)),
    ),
    FactSpec(
        "onderzoeken_seks_pct_{Y}",
        "change",
        lambda acc, yrs: (
            acc.cell("13", "", R13["seksueel"], str(yrs.Y))
            - acc.cell("13", "", R13["seksueel"], str(yrs.Y - 1)),
            acc.cell("13", "", R13["seksueel"], str(yrs.Y - 1)),
        ),
    ),
    FactSpec(
        "onderzoeken_arbeid_{P}",
        "count",
        lambda acc, yrs: acc.cell("13", "", R13["arbeid"], str(yrs.Y - 1)),
    ),
    FactSpec(
        "onderzoeken_arbeid_{Y}",
        "count",
        lambda acc, yrs: acc.cell("13", "", R13["arbeid"], str(yrs.Y)),
    ),
    FactSpec(
        "onderzoeken_arbeid_factor_{Y}",
        "approx",
        lambda acc, yrs: (
            acc.cell("13", "", R13["arbeid"], str(yrs.Y)),
            acc.cell("13", "", R13["arbeid"], str(yrs.Y - 1)),
        ),
        tolerance=0.15,
    ),
    FactSpec("verdachten_{Y}", "count", lambda acc, yrs: acc.cell("14", "", R14_TOTAL, str(yrs.Y))),
    FactSpec("verdachten_{P}", "count", lambda acc, yrs: acc.cell("14", "", R14_TOTAL, str(yrs.Y - 1))),
    FactSpec(
        "verdachten_verschil_{Y}",
        "count",
        lambda acc, yrs: (
            acc.cell("14", "", R14_TOTAL, str(yrs.Y - 1)) - acc.cell("14", "", R14_TOTAL, str(yrs.Y))
        ),
    ),
    FactSpec("verdachten_mannen_{Y}", "count", lambda acc, yrs: acc.cell("14", "", R14["man"], str(yrs.Y))),
    FactSpec(
        "verdachten_vrouwen_{Y}", "count", lambda acc, yrs: acc.cell("14", "", R14["vrouw"], str(yrs.Y))
    ),
    FactSpec("verdachten_onbekend_{Y}", "count", lambda acc, yrs: acc.cell("14", "", R14[""], str(yrs.Y))),
    FactSpec("verdachten_volwassen_pct_{Y}", "pct", lambda acc, yrs: acc.measure("emm_volwassen", yrs.Y)),
    FactSpec("verdachten_nat_onbekend_{Y}", "count", lambda acc, yrs: acc.measure("emm_nat", yrs.Y, "")),
    FactSpec("emm_nla_niet_u02", "count", lambda acc, yrs: acc.measure("emm_nla_zonder_arbeid")),
    # OM: registration and decision
    FactSpec(
        "om_zaken_{Y}",
        "count",
        lambda acc, yrs: acc.cell("15", "", R15, str(yrs.Y)),
    ),
    FactSpec(
        "om_zaken_{P}",
        "count",
        lambda acc, yrs: acc.cell("15", "", R15, str(yrs.Y - 1)),
    ),
    FactSpec(
        "om_zaken_pct_{Y}",
        "change",
        lambda acc, yrs: (
            acc.cell("15", "", R15, str(yrs.Y)) - acc.cell("15", "", R15, str(yrs.Y - 1)),
            acc.cell("15", "", R15, str(yrs.Y - 1)),
        ),
    ),
    FactSpec("om_zaken_politie_{Y}", "count", lambda acc, yrs: acc.measure("om_instantie", yrs.Y, "politie")),
    *[
        FactSpec(f"om_{k}_aandeel_{{W0}}_{{Y}}", "pct", _share_reg(lab))
        for k, lab in (
            ("seks", R16["seks"]),
            ("arbeid", R16["arbeid"]),
            ("crim", R16["crim"]),
        )
    ],
    FactSpec("om_seks_{P}", "count", lambda acc, yrs: _f16(acc, R16["seks"], yrs.Y - 1)),
    FactSpec("om_seks_{Y}", "count", lambda acc, yrs: _f16(acc, R16["seks"], yrs.Y)),
    FactSpec("om_crim_{Y}", "count", lambda acc, yrs: _f16(acc, R16["crim"], yrs.Y)),
    FactSpec(
        "om_crim_verschil_{P}",
        "count",
        lambda acc, yrs: _f16(acc, R16["crim"], yrs.Y) - _f16(acc, R16["crim"], yrs.Y - 1),
    ),
    FactSpec(
        "om_crim_verschil_{Y2}",
        "count",
        lambda acc, yrs: _f16(acc, R16["crim"], yrs.Y) - _f16(acc, R16["crim"], yrs.Y - 2),
    ),
    FactSpec("om_afgehandeld_{Y}", "count", lambda acc, yrs: _f17_dec(acc, yrs.Y)),
    FactSpec(
        "om_afgehandeld_verschil_{P}",
        "count",
        lambda acc, yrs: _f17_dec(acc, yrs.Y - 1) - _f17_dec(acc, yrs.Y),
    ),
    FactSpec(
        "om_dagvaarding_pct_{Y}",
        "pct",
        lambda acc, yrs: (
            acc.cell("17", "jaar", R17["dag"], str(yrs.Y)),
            _f17_dec(acc, yrs.Y),
        ),
    ),
    FactSpec(
        "om_sepot_{P}",
        "count",
        lambda acc, yrs: acc.cell("17", "jaar", R17["sepot"], str(yrs.Y - 1)),
    ),
    FactSpec("om_sepot_{Y}", "count", lambda acc, yrs: acc.cell("17", "jaar", R17["sepot"], str(yrs.Y))),
    *[
        FactSpec(
            f"om_dagvaarding_{k}_pct",
            "pct",
            _pct_vorm("17", R17["dag"], (lab,), tuple(F17_TYPES)),
        )
        for k, lab in (
            ("seks", R16["seks"]),
            ("arbeid", R16["arbeid"]),
            ("crim", R16["crim"]),
        )
    ],
    # OM: first-instance judgments
    FactSpec("berecht_{Y}", "count", lambda acc, yrs: _f18(acc, yrs, R18_TOTAL, yrs.Y)),
    FactSpec(
        "berecht_verschil_{P}",
        "count",
        lambda acc, yrs: _f18(acc, yrs, R18_TOTAL, yrs.Y) - _f18(acc, yrs, R18_TOTAL, yrs.Y - 1),
    ),
    FactSpec("berecht_daling_jaren", "report", _decline_years),
    FactSpec("berecht_seks_{Y}", "count", lambda acc, yrs: _f18(acc, yrs, R18_SEX, yrs.Y)),
    FactSpec(
        "berecht_seks_verschil_{P}",
        "count",
        lambda acc, yrs: _f18(acc, yrs, R18_SEX, yrs.Y) - _f18(acc, yrs, R18_SEX, yrs.Y - 1),
    ),
    *[
        FactSpec(f"berecht_{k}_{{{y}}}", "count", _f18_fact(lab, 0 if y == "Y" else 1))
        for k, lab in (("arbeid", R18["arbeid"]), ("crim", R18["crim"]))
        for y in ("Y", "P")
    ],
    FactSpec(
        "veroordeeld_pct_{W0}_{Y}",
        "pct",
        lambda acc, yrs: (_jaar_row(acc, "19", R19["veroordeeld"], yrs), _f18_total(acc, yrs)),
    ),
    *[
        FactSpec(f"veroordeeld_{k}_pct", "pct", _pct_vorm("19", R19["veroordeeld"], (lab,), F19_ROWS))
        for k, lab in (
            ("binnen_seks", RFORM5["binnen"]),
            ("intl_seks", RFORM5["intl"]),
            ("arbeid", RFORM5["arbeid"]),
            ("crim", RFORM5["crim"]),
        )
    ],
    FactSpec(
        "berecht_adolescent_pct",
        "pct",
        lambda acc, yrs: (_jaar_row(acc, "22", AGE_ROWS[0], yrs), _f18_total(acc, yrs)),
    ),
    FactSpec(
        "berecht_onder30_pct",
        "pct",
        lambda acc, yrs: (
            _jaar_row(acc, "22", AGE_ROWS[0], yrs) + _jaar_row(acc, "22", AGE_ROWS[1], yrs),
            _f18_total(acc, yrs),
        ),
    ),
    FactSpec(
        "berecht_40plus_pct",
        "pct",
        lambda acc, yrs: (_jaar_row(acc, "22", R22["40+"], yrs), _f18_total(acc, yrs)),
    ),
    FactSpec(
        "berecht_gem_leeftijd",
        "mean",
        lambda acc, yrs: acc.measure("om_age", tuple(yrs.window), tuple(FORM5.values())),
    ),
    FactSpec(
        "berecht_gem_leeftijd_{P}",
        "mean",
        lambda acc, yrs: acc.measure("om_age", (yrs.Y - 1,), tuple(FORM5.values())),
    ),
    FactSpec(
        "berecht_gem_leeftijd_{Y}",
        "mean",
        lambda acc, yrs: acc.measure("om_age", (yrs.Y,), tuple(FORM5.values())),
    ),
    FactSpec(
        "berecht_onder22_{P}", "count", lambda acc, yrs: acc.cell("22", "jaar", AGE_ROWS[0], str(yrs.Y - 1))
    ),
    FactSpec(
        "berecht_onder22_{Y}", "count", lambda acc, yrs: acc.cell("22", "jaar", AGE_ROWS[0], str(yrs.Y))
    ),
    FactSpec(
        "berecht_binnen_adolescent_pct",
        "pct",
        _pct_vorm("22", AGE_ROWS[0], (RFORM5["binnen"],), AGE_ROWS),
    ),
    FactSpec(
        "berecht_binnen_40plus_pct",
        "pct",
        _pct_vorm("22", R22["40+"], (RFORM5["binnen"],), AGE_ROWS),
    ),
    FactSpec(
        "berecht_arbeid_adolescent_pct", "pct", _pct_vorm("22", AGE_ROWS[0], (RFORM5["arbeid"],), AGE_ROWS)
    ),
    FactSpec("berecht_arbeid_40plus_pct", "pct", _pct_vorm("22", R22["40+"], (RFORM5["arbeid"],), AGE_ROWS)),
    FactSpec(
        "berecht_man_aandeel_kop",
        "approx",
        lambda acc, yrs: (_jaar_row(acc, "23", R23["man"], yrs), _f18_total(acc, yrs)),
        tolerance=0.05,
    ),
    FactSpec(
        "berecht_man_pct",
        "pct",
        lambda acc, yrs: (_jaar_row(acc, "23", R23["man"], yrs), _f18_total(acc, yrs)),
    ),
    FactSpec(
        "berecht_vrouw_pct",
        "pct",
        lambda acc, yrs: (_jaar_row(acc, "23", R23["vrouw"], yrs), _f18_total(acc, yrs)),
    ),
    FactSpec("berecht_vrouw_arbeid_pct", "pct", _pct_vorm("23", R23["vrouw"], (RFORM5["arbeid"],), F23_ROWS)),
    FactSpec("berecht_vrouw_crim_pct", "pct", _pct_vorm("23", R23["vrouw"], (RFORM5["crim"],), F23_ROWS)),
    FactSpec("berecht_vrouw_seks_pct", "pct", _pct_vorm("23", R23["vrouw"], SEX_COLS, F23_ROWS)),
    FactSpec(
        "berecht_nl_aandeel_kop",
        "approx",
        lambda acc, yrs: (_jaar_row(acc, "24", R24["nl"], yrs), _f18_total(acc, yrs)),
        tolerance=0.05,
    ),
    FactSpec(
        "berecht_nl_pct",
        "pct",
        lambda acc, yrs: (_jaar_row(acc, "24", R24["nl"], yrs), _f18_total(acc, yrs)),
    ),
    FactSpec(
        "berecht_eer_pct",
        "pct",
        lambda acc, yrs: (_jaar_row(acc, "24", R24["eer"], yrs), _f18_total(acc, yrs)),
    ),
    FactSpec(
        "berecht_overig_pct",
        "pct",
        lambda acc, yrs: (_jaar_row(acc, "24", R24["overig"], yrs), _f18_total(acc, yrs)),
    ),
    FactSpec(
        "berecht_eer_pct_{Y}",
        "pct",
        lambda acc, yrs: (
            acc.cell("24", "jaar", R24["eer"], str(yrs.Y)),
            _f18(acc, yrs, R18_TOTAL, yrs.Y),
        ),
    ),
    FactSpec(
        "berecht_overig_pct_{Y}",
        "pct",
        lambda acc, yrs: (
            acc.cell("24", "jaar", R24["overig"], str(yrs.Y)),
            _f18(acc, yrs, R18_TOTAL, yrs.Y),
        ),
    ),
    FactSpec(
        "berecht_binnen_nl_pct",
        "pct",
        _pct_vorm("24", R24["nl"], (RFORM5["binnen"],), F24_ROWS),
    ),
    FactSpec(
        "berecht_intl_eer_pct",
        "pct",
        _pct_vorm("24", R24["eer"], (RFORM5["intl"],), F24_ROWS),
    ),
    FactSpec("berecht_arbeid_nl_pct", "pct", _pct_vorm("24", R24["nl"], (RFORM5["arbeid"],), F24_ROWS)),
    FactSpec(
        "berecht_arbeid_overig_pct", "pct", _pct_vorm("24", R24["overig"], (RFORM5["arbeid"],), F24_ROWS)
    ),
    FactSpec(
        "berecht_crim_nl_pct",
        "pct",
        _pct_vorm("24", R24["nl"], (RFORM5["crim"],), F24_ROWS),
    ),
]


def specs_for(yrs: Years, fact_ids) -> dict[str, FactSpec]:
    """The specs of the facts present in the edition, by fact id (nationality facts included)."""
    out: dict[str, FactSpec] = {}
    for s in SPECS:
        fid = yrs.fmt(s.template)
        if fid in fact_ids:
            out[fid] = s
    suffix = f"_{yrs.Y}"
    for fid in fact_ids:
        parts = fid.split("_")
        if len(parts) == 3 and parts[0] == "verdachten" and len(parts[1]) == 2 and fid.endswith(suffix):
            cc = parts[1].upper()
            out[fid] = FactSpec(fid, "count", _nat_fact(cc))
    return out


# --- parsing published values into intervals of exact rationals --------------------------------------


def rounding_bounds(v: int) -> tuple[Fraction, bool, Fraction, bool]:
    """(lo, lo_strict, hi, hi_strict): the x with round_half_up(x) == v (half away from zero)."""
    half = Fraction(1, 2)
    if v > 0:
        return v - half, False, v + half, True
    if v < 0:
        return v - half, True, v + half, False
    return -half, True, half, True


def parse_number(value: str) -> int | None:
    v = value.strip().rstrip("%")
    if v.startswith("+"):
        v = v[1:]
    try:
        return int(v)
    except ValueError:
        return None


def parse_approx(value: str) -> Fraction | None:
    v = value.strip()
    if v.startswith(">"):
        v = v[1:]
    if v.startswith("x"):
        try:
            return Fraction(v[1:])
        except ValueError:
            return None
    if v.endswith("%"):
        n = parse_number(v)
        return None if n is None else Fraction(n, 100)
    try:
        return Fraction(v)
    except ValueError:
        return None


def evaluate(spec: FactSpec, acc, yrs: Years) -> str | None:
    """The fact's value as it would be printed, from integer counts (None if not computable)."""
    try:
        res = spec.fn(acc, yrs)
    except (KeyError, ZeroDivisionError):
        return None
    if spec.kind in ("count", "report"):
        return str(res)
    if spec.kind == "raw":
        return res
    num, den = res
    if den == 0:
        return None
    q = Fraction(num, den)
    if spec.kind == "pct":
        return f"{round_half_up(q * 100)}%"
    if spec.kind == "change":
        p = round_half_up(q * 100)
        return f"+{p}%" if p > 0 else f"{p}%"
    if spec.kind == "mean":
        return str(round_half_up(q))
    if spec.kind == "approx":
        return str(q)
    return None


def matches(spec: FactSpec, published: str, computed: str | None) -> bool:
    if computed is None:
        return False
    if spec.kind == "approx":
        target = parse_approx(published)
        if target is None or target == 0:
            return False
        got = Fraction(computed)
        return abs(got - target) <= Fraction(spec.tolerance).limit_denominator(1000) * target
    if spec.kind == "count" and published.strip() in ("<5", "<10"):
        n = int(computed)
        return 1 <= n <= 4 if published.strip() == "<5" else 0 <= n <= 9
    return published.strip() == computed.strip()


def approx_display(spec: FactSpec, computed: str | None) -> str:
    if computed is None or spec.kind != "approx":
        return computed or ""
    return f"{float(Fraction(computed)):.3f}"
