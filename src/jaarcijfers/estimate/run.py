"""The estimate of the hidden number: library API and the `jaarcijfers estimate` command.

Public API:
- `estimate_histories(table, model="stepwise", ci="profile", seed=1) -> EstimateResult`
- `estimate_for_year(con, year, stratum=None, ...) -> EstimateResult | dict[str, EstimateResult]`
- `histories_for_year(con, year, stratum=None) -> (CaptureTable | dict[str, CaptureTable], notes)`
- `run_estimate(...) -> int` (the CLI)
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path

from jaarcijfers.errors import UserError
from jaarcijfers.estimate.checks import check_model, describe_error, overlap_warnings, tidy_lists
from jaarcijfers.estimate.histories import CaptureTable, from_memberships, read_lists_csv
from jaarcijfers.estimate.loglinear import Fit, FitError, all_pairs, term_names
from jaarcijfers.estimate.selection import (
    ModelCache,
    ModelSpec,
    bootstrap_totals,
    parse_model_spec,
    percentile_interval,
    search,
    select,
    stepwise,
)

REPORTERS = ("politie", "kmar", "nla", "zorgcoordinator", "fairwork", "overig")
STRATA = ("geslacht", "leeftijd", "vorm", "herkomst")
CI_METHODS = ("profile", "bootstrap", "multinomial", "wald")
LEVEL = 0.95


@dataclass(frozen=True)
class SensitivityRow:
    model: str  # how the model was found: main, stepwise, aic, bic, single term, all pairs, chosen
    terms: tuple[str, ...]
    estimate: float | None
    ci_lower: float | None
    ci_upper: float | None
    aic: float | None
    bic: float | None
    deviance: float | None
    df: int | None
    status: str  # "ok" or a Dutch reason

    @classmethod
    def failed(cls, model: str, terms: tuple[str, ...], reason: str) -> SensitivityRow:
        """A candidate model that could not be fitted, with the reason in Dutch."""
        return cls(model, terms, None, None, None, None, None, None, None, reason)


@dataclass(frozen=True)
class EstimateResult:
    observed: int
    estimate: float
    ci_lower: float
    ci_upper: float
    ci_method: str
    ci_level: float
    model: str
    model_terms: tuple[str, ...]
    lists: tuple[str, ...]
    dark_figure: float
    se_estimate: float
    aic: float
    bic: float
    deviance: float
    df: int
    warnings: tuple[str, ...] = ()
    sensitivity: tuple[SensitivityRow, ...] = field(default=(), repr=False)
    n_boot: int | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["model_terms"] = list(self.model_terms)
        d["lists"] = list(self.lists)
        d["warnings"] = list(self.warnings)
        d["sensitivity"] = [asdict(r) | {"terms": list(r.terms)} for r in self.sensitivity]
        return _json_safe(d)


def _json_safe(obj):
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _json_safe(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_json_safe(v) for v in obj]
    return obj


def _interval(
    fit: Fit, ci: str, spec: ModelSpec, seed: int, n_boot: int | None
) -> tuple[float, float, int | None]:
    from jaarcijfers.estimate.intervals import multinomial_profile_interval, profile_interval, wald_interval

    if ci == "profile":
        lo, hi = profile_interval(fit, LEVEL)
        return lo, hi, None
    if ci == "multinomial":
        _, lo, hi = multinomial_profile_interval(fit, LEVEL)
        return lo, hi, None
    if ci == "wald":
        lo, hi = wald_interval(fit, LEVEL)
        return lo, hi, None
    if n_boot is None:
        n_boot = 200 if spec.kind in ("aic", "bic") and fit.table.m > 5 else 1000
    totals = bootstrap_totals(fit, spec, n_boot=n_boot, seed=seed)
    lo, hi = percentile_interval(totals, LEVEL)
    return lo, hi, n_boot


def _row(label: str, fit: Fit | None, status: str = "ok", with_ci: bool = True) -> SensitivityRow:
    from jaarcijfers.estimate.intervals import profile_interval

    if fit is None:
        return SensitivityRow(label, (), None, None, None, None, None, None, None, status)
    lo = hi = None
    if with_ci:
        try:
            lo, hi = profile_interval(fit, LEVEL)
        except (FitError, ValueError, ArithmeticError):
            lo = hi = None
    return SensitivityRow(
        model=label,
        terms=tuple(fit.term_names()),
        estimate=fit.estimate,
        ci_lower=lo,
        ci_upper=hi,
        aic=fit.aic,
        bic=fit.bic,
        deviance=fit.deviance,
        df=fit.df_resid,
        status=status,
    )


def sensitivity_table(
    table: CaptureTable, chosen: Fit, cache: ModelCache | None = None
) -> tuple[SensitivityRow, ...]:
    """The estimate across candidate models: main, stepwise, AIC, BIC, each single term, all pairs."""
    cache = cache or ModelCache(table)
    rows: list[SensitivityRow] = []
    seen: set[tuple] = set()

    def add(label: str, terms=None, fit: Fit | None = None) -> None:
        if fit is None:
            ierr = check_model(table, terms)
            if ierr:
                rows.append(
                    SensitivityRow.failed(label, tuple(term_names(table, terms)), describe_error(ierr))
                )
                return
            fit = cache.get(terms)
            if fit is None:
                rows.append(
                    SensitivityRow.failed(label, tuple(term_names(table, terms)), "model niet te schatten")
                )
                return
        key = fit.terms
        if key in seen:
            return
        seen.add(key)
        rows.append(_row(label, fit))

    add("gekozen", fit=chosen)
    add("main", terms=())
    for label, finder in (
        ("stepwise", lambda: stepwise(table)),
        ("aic", lambda: search(table, "aic", cache)),
        ("bic", lambda: search(table, "bic", cache)),
    ):
        try:
            add(label, fit=finder())
        except FitError:
            rows.append(
                SensitivityRow(label, (), None, None, None, None, None, None, None, "geen geldig model")
            )
    for pair in all_pairs(table.m):
        add("één term", terms=(pair,))
    add("alle paren", terms=all_pairs(table.m))
    return tuple(rows)


def estimate_histories(
    table: CaptureTable,
    model: str = "stepwise",
    ci: str = "profile",
    seed: int = 1,
    n_boot: int | None = None,
    sensitivity: bool = True,
) -> EstimateResult:
    """Estimate the total population (observed + dark figure) from a table of capture histories."""
    if ci not in CI_METHODS:
        raise UserError(f"Onbekende --ci '{ci}': kies profile of bootstrap (of multinomial, wald).")
    spec = parse_model_spec(model)
    if table.observed == 0:
        raise UserError("Er zijn geen waarnemingen; een schatting is niet mogelijk.")
    reduced, warnings = tidy_lists(table)
    if reduced.m < 2:
        raise UserError(
            "Te weinig bruikbare lijsten (minstens twee lijsten met overlap nodig); een schatting is niet mogelijk."
        )
    if spec.kind == "fixed":
        dropped = {n for n in table.lists if n not in reduced.lists}
        bad = [f"{a}:{b}" for a, b in spec.names if a in dropped or b in dropped]
        if bad:
            raise UserError(f"Modelterm verwijst naar een weggelaten lijst: {', '.join(bad)}.")
    warnings = list(warnings) + overlap_warnings(reduced)
    cache = ModelCache(reduced)
    try:
        fit = select(reduced, spec, cache)
    except FitError:
        raise UserError(
            "Geen enkel model voldoet aan de controles; een schatting is niet mogelijk."
        ) from None
    ierr = check_model(reduced, fit.terms)
    if ierr:
        warnings.append(
            f"Let op: voor het gekozen model geldt: {describe_error(ierr)}. De schatting is onbetrouwbaar."
        )
    if not math.isfinite(fit.estimate) or fit.log_dark > 700:
        raise UserError("De schatting is oneindig groot: de lijsten overlappen te weinig voor dit model.")
    lo, hi, used_boot = _interval(fit, ci, spec, seed, n_boot)
    if not math.isfinite(hi):
        warnings.append("De bovengrens van het betrouwbaarheidsinterval is oneindig.")
    if fit.estimate > 20 * reduced.observed:
        warnings.append("De schatting is meer dan twintig keer het waargenomen aantal; wees voorzichtig.")
    rows = sensitivity_table(reduced, fit, cache) if sensitivity else ()
    return EstimateResult(
        observed=reduced.observed,
        estimate=fit.estimate,
        ci_lower=lo,
        ci_upper=hi,
        ci_method=ci,
        ci_level=LEVEL,
        model=spec.label,
        model_terms=tuple(fit.term_names()),
        lists=reduced.lists,
        dark_figure=fit.dark,
        se_estimate=fit.se_estimate,
        aic=fit.aic,
        bic=fit.bic,
        deviance=fit.deviance,
        df=fit.df_resid,
        warnings=tuple(warnings),
        sensitivity=rows,
        n_boot=used_boot,
    )


# ---------------------------------------------------------------- data from a delivery


def _age_class(age) -> str:
    if age is None:
        return "onbekend"
    age = int(age)
    if age < 18:
        return "minderjarig"
    if age <= 22:
        return "18-22"
    if age <= 29:
        return "23-29"
    if age <= 39:
        return "30-39"
    return "40+"


MAIN_FORMS = ("seksueel", "arbeid", "crimineel")


def _strata_of(stratum: str, geslacht, leeftijd, nationaliteit, vormen) -> list[str]:
    """The stratum (or, for `vorm`, strata) a victim belongs to.

    `vorm`: a victim with several forms counts in each of them (the strata overlap and do not add up
    to the total); bedelarij, orgaanverwijdering, onbekend and no registered form are `overig-onbekend`
    unless the victim also has one of the three main forms.
    """
    if stratum == "geslacht":
        return [geslacht if geslacht in ("man", "vrouw") else "onbekend"]
    if stratum == "leeftijd":
        return [_age_class(leeftijd)]
    if stratum == "herkomst":
        if not nationaliteit:
            return ["onbekend"]
        return ["nederlands" if nationaliteit == "NL" else "niet-nederlands"]
    forms = [f for f in MAIN_FORMS if f in (vormen or [])]
    return forms or ["overig-onbekend"]


STRATUM_ORDER = {
    "geslacht": ("man", "vrouw", "onbekend"),
    "leeftijd": ("minderjarig", "18-22", "23-29", "30-39", "40+", "onbekend"),
    "vorm": (*MAIN_FORMS, "overig-onbekend"),
    "herkomst": ("nederlands", "niet-nederlands", "onbekend"),
}


def histories_for_year(con, year: int, stratum: str | None = None):
    """Capture histories of the year's non-anonymous victims over the reporters (`comensha_melders`).

    Returns (table or {stratum value: table}, notes in Dutch).
    """
    rows = con.execute(
        """
        WITH vormen AS (
            SELECT registratie_id, list_sort(list(DISTINCT vorm)) AS vormen
            FROM comensha_uitbuiting GROUP BY registratie_id
        ), melders AS (
            SELECT registratie_id, list_sort(list(DISTINCT melder)) AS melders
            FROM comensha_melders GROUP BY registratie_id
        )
        SELECT r.registratie_id, r.geslacht, r.leeftijd, r.nationaliteit, m.melders, v.vormen
        FROM comensha_registraties r
        LEFT JOIN melders m ON m.registratie_id = r.registratie_id
        LEFT JOIN vormen v ON v.registratie_id = r.registratie_id
        WHERE r.jaar = ? AND NOT coalesce(r.anoniem, false)
        ORDER BY r.registratie_id
        """,
        [year],
    ).fetchall()
    notes = []
    if not rows:
        raise UserError(f"Geen niet-anonieme registraties in {year}; een schatting is niet mogelijk.")
    extra = sorted({m for r in rows for m in (r[4] or []) if m not in REPORTERS})
    lists = (*REPORTERS, *extra)
    without = sum(1 for r in rows if not r[4])
    if without:
        notes.append(f"{without} registratie(s) zonder melder tellen niet mee in de schatting.")
    if stratum is None:
        return from_memberships(lists, [r[4] or [] for r in rows]), notes
    groups: dict[str, list] = {k: [] for k in STRATUM_ORDER[stratum]}
    for r in rows:
        for key in _strata_of(stratum, r[1], r[2], r[3], r[5]):
            groups.setdefault(key, []).append(r[4] or [])
    return {k: from_memberships(lists, v) for k, v in groups.items()}, notes


def latest_year(con) -> int:
    row = con.execute("SELECT max(jaar) FROM comensha_registraties").fetchone()
    if not row or row[0] is None:
        raise UserError("De levering bevat geen registraties van CoMensha; een schatting is niet mogelijk.")
    return int(row[0])


def estimate_for_year(
    con,
    year: int,
    stratum: str | None = None,
    model: str = "stepwise",
    ci: str = "profile",
    seed: int = 1,
    sensitivity: bool = True,
):
    """The estimate for a reporting year (or one per stratum value) from a warehouse connection."""
    if stratum is not None and stratum not in STRATA:
        raise UserError(f"Onbekende laag '{stratum}': kies {', '.join(STRATA)}.")
    tables, notes = histories_for_year(con, year, stratum)
    if stratum is None:
        res = estimate_histories(tables, model=model, ci=ci, seed=seed, sensitivity=sensitivity)
        return _with_warnings(res, notes)
    out: dict[str, EstimateResult | str] = {}  # a stratum without an estimate: the reason
    for key, table in tables.items():
        try:
            res = estimate_histories(table, model=model, ci=ci, seed=seed, sensitivity=False)
        except UserError as exc:
            out[key] = exc.message
            continue
        out[key] = _with_warnings(res, notes)
    return out


def _with_warnings(res: EstimateResult, notes) -> EstimateResult:
    from dataclasses import replace

    return replace(res, warnings=tuple(notes) + res.warnings) if notes else res


def _csv_fallback(path: Path):
    """Private stand-in for `warehouse.load.open_delivery` (CSV only, no validation)."""
    import duckdb

    con = duckdb.connect()
    specs = {
        "comensha_registraties": (
            "registratie_id",
            "jaar",
            "anoniem",
            "geslacht",
            "leeftijd",
            "nationaliteit",
        ),
        "comensha_melders": ("registratie_id", "melder"),
        "comensha_uitbuiting": ("registratie_id", "vorm", "sector"),
    }
    for name, cols in specs.items():
        f = path / f"{name}.csv"
        if f.is_file():
            src = f"read_csv('{f.as_posix()}', all_varchar=true, header=true)"
            present = [
                c
                for (c,) in con.execute(f"SELECT column_name FROM (DESCRIBE SELECT * FROM {src})").fetchall()
            ]
        else:
            src, present = None, []
        exprs = []
        for c in cols:
            if c in present:
                raw = f"nullif(trim(\"{c}\"), '')"
                if c in ("jaar", "leeftijd"):
                    exprs.append(f"CAST({raw} AS INTEGER) AS {c}")
                elif c == "anoniem":
                    exprs.append(f"({raw} = 'ja') AS {c}")
                else:
                    exprs.append(f"{raw} AS {c}")
            else:
                typ = "INTEGER" if c in ("jaar", "leeftijd") else "BOOLEAN" if c == "anoniem" else "VARCHAR"
                exprs.append(f"CAST(NULL AS {typ}) AS {c}")
        if src is None:
            con.execute(f"CREATE TABLE {name} AS SELECT {', '.join(exprs)} WHERE false")
        else:
            con.execute(f"CREATE TABLE {name} AS SELECT {', '.join(exprs)} FROM {src}")
    return con


def open_connection(data: Path | None):
    from jaarcijfers import paths

    path = Path(data) if data is not None else paths.DEMO_DELIVERY
    if not path.is_dir():
        if data is None:
            raise UserError(
                f"De demolevering ontbreekt ({path}); geef een levering op met --data of lijsten met --lists."
            )
        raise UserError(f"De map met de levering bestaat niet: {path}")
    if not any(path.glob("comensha_registraties.*")):
        raise UserError(
            f"De levering in {path} bevat geen comensha_registraties; een schatting is niet mogelijk."
        )
    try:
        from jaarcijfers.warehouse.load import open_delivery
    except ImportError:
        return _csv_fallback(path)
    return open_delivery(path)


# ---------------------------------------------------------------- the command


def _fmt(x) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        if not math.isfinite(x):
            return "∞"
        from jaarcijfers.dutch import whole

        return whole(x)
    return str(x)


def _print_result(console, title: str, res: EstimateResult) -> None:
    from rich.table import Table

    ci_name = {
        "profile": "profielaannemelijkheid",
        "bootstrap": "parametrische bootstrap",
        "multinomial": "multinomiale profielaannemelijkheid",
        "wald": "log-normaal (Wald)",
    }[res.ci_method]
    console.print(f"[bold]{title}[/bold]")
    console.print(f"Lijsten: {', '.join(res.lists)}")
    console.print(f"Waargenomen: {_fmt(float(res.observed))}")
    console.print(
        f"Geschat totaal: [bold]{_fmt(res.estimate)}[/bold] "
        f"(95%-interval {_fmt(res.ci_lower)} – {_fmt(res.ci_upper)}, {ci_name}"
        + (f", {res.n_boot} trekkingen" if res.n_boot else "")
        + ")"
    )
    console.print(
        f"Model ({res.model}): hoofdeffecten"
        + (" + " + ", ".join(res.model_terms) if res.model_terms else "")
    )
    console.print(
        f"AIC {res.aic:.2f}  BIC {res.bic:.2f}  deviantie {res.deviance:.2f} (vrijheidsgraden {res.df})"
    )
    for w in res.warnings:
        console.print(f"[yellow]Waarschuwing:[/yellow] {w}")
    if res.sensitivity:
        t = Table(title="Gevoeligheid voor de modelkeuze")
        for col in ("herkomst model", "termen", "schatting", "95%-interval", "AIC", "BIC", "status"):
            t.add_column(col)
        for r in res.sensitivity:
            t.add_row(
                r.model,
                ", ".join(r.terms) or "(hoofdeffecten)",
                _fmt(r.estimate),
                f"{_fmt(r.ci_lower)} – {_fmt(r.ci_upper)}" if r.estimate is not None else "–",
                f"{r.aic:.1f}" if r.aic is not None else "–",
                f"{r.bic:.1f}" if r.bic is not None else "–",
                r.status,
            )
        console.print(t)


def run_estimate(data, year, lists, model, ci, stratum, seed, json_out) -> int:
    from rich.console import Console

    if ci not in ("profile", "bootstrap", "multinomial", "wald"):
        raise UserError(f"Onbekende --ci '{ci}': kies profile of bootstrap.")
    parse_model_spec(model)
    if stratum is not None and stratum not in STRATA:
        raise UserError(f"Onbekende --stratum '{stratum}': kies {', '.join(STRATA)}.")
    console = Console()
    if lists is not None:
        if stratum is not None:
            raise UserError("--stratum kan niet samen met --lists worden gebruikt.")
        table = read_lists_csv(Path(lists))
        res = estimate_histories(table, model=model, ci=ci, seed=seed)
        if json_out:
            print(json.dumps(res.to_dict(), ensure_ascii=False))
        else:
            _print_result(console, f"Schatting uit {Path(lists).name}", res)
        return 0
    con = open_connection(data)
    if year is None:
        year = latest_year(con)
    result = estimate_for_year(con, year, stratum=None, model=model, ci=ci, seed=seed, sensitivity=True)
    strata = estimate_for_year(con, year, stratum=stratum, model=model, ci=ci, seed=seed) if stratum else None
    if json_out:
        out = result.to_dict() | {"year": year}
        if strata is not None:
            out["stratum"] = stratum
            out["strata"] = [
                ({"value": k} | v.to_dict()) if isinstance(v, EstimateResult) else {"value": k, "error": v}
                for k, v in strata.items()
            ]
        print(json.dumps(out, ensure_ascii=False))
        return 0
    _print_result(console, f"Schatting van het totale aantal slachtoffers in {year}", result)
    if strata is not None:
        from rich.table import Table

        t = Table(title=f"Schatting per {stratum}")
        for col in (stratum, "waargenomen", "schatting", "95%-interval", "model"):
            t.add_column(col)
        for k, v in strata.items():
            if isinstance(v, EstimateResult):
                t.add_row(
                    k,
                    str(v.observed),
                    _fmt(v.estimate),
                    f"{_fmt(v.ci_lower)} – {_fmt(v.ci_upper)}",
                    ", ".join(v.model_terms) or "(hoofdeffecten)",
                )
            else:
                t.add_row(k, "–", "–", "–", v)
        console.print(t)
        if stratum == "vorm":
            console.print(
                "Een slachtoffer met meerdere vormen telt in elke vorm mee; de lagen tellen niet op tot het totaal."
            )
    return 0
