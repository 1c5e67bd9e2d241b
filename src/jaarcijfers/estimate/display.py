"""`jaarcijfers estimate`: options to results, results to the terminal or to JSON.

Exit status: 0 when the estimate is a number; `run.EXIT_NOT_BOUNDED` (3) when it is not bounded (the
output says "niet begrensd" and shows no number; in JSON `estimate` is null and `bounded` false); 2 for
a usage or input error (a Dutch message, no output).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from jaarcijfers.errors import UserError
from jaarcijfers.estimate.result import (
    INTERVAL_NAMES,
    NOT_BOUNDED,
    ApproachEstimate,
    EstimateResult,
    IntervalKind,
    json_safe,
    whole,
)

WHOLE = "–"


def fmt(x) -> str:
    """A number for a reader: Dutch thousands separator, no decimals; '–' for none."""
    if x is None:
        return WHOLE
    if isinstance(x, float) and not math.isfinite(x):
        return "∞"
    return whole(x)


def _interval_text(lower, upper, upper_bounded: bool = True) -> str:
    if lower is None and upper is None and upper_bounded:
        return WHOLE
    return f"{fmt(lower)} – {fmt(upper) if upper_bounded else '∞'}"


def _print_result(console, title: str, res: EstimateResult) -> None:
    from rich.table import Table

    console.print(f"[bold]{title}[/bold]")
    console.print(f"Lijsten: {', '.join(res.lists)}")
    console.print(f"Waargenomen: {fmt(res.observed)}")
    ci_name = INTERVAL_NAMES[IntervalKind(res.ci_method)]
    if not res.bounded:
        console.print(f"Geschat totaal: [bold]{NOT_BOUNDED}[/bold] (geen getal: zie de waarschuwingen)")
    else:
        extra = ""
        if res.n_boot:
            extra = f", {res.n_boot} trekkingen, zaad {res.seed}"
        console.print(
            f"Geschat totaal: [bold]{fmt(res.estimate)}[/bold] ({int(res.ci_level * 100)}%-interval "
            f"{_interval_text(res.ci_lower, res.ci_upper, res.ci_upper_bounded)}, {ci_name}{extra})"
        )
        if res.ci_lower_mcse is not None or res.ci_upper_mcse is not None:
            console.print(
                f"Monte-Carlofout van de grenzen: ondergrens ± {fmt(res.ci_lower_mcse)}, "
                f"bovengrens ± {fmt(res.ci_upper_mcse)}"
            )
    if res.model == "bma":
        graphs = res.details.get("graphs", [])
        console.print(
            f"Model: gemiddeld over {res.details.get('n_graphs')} decomposeerbare grafen "
            f"(prior op N: {res.details.get('prior_n')}, delta {res.details.get('delta'):.4g})"
        )
        t = Table(title="Waarschijnlijkste grafen")
        for col in ("kans", "verbindingen", "mediaan"):
            t.add_column(col)
        for g in graphs[:5]:
            t.add_row(f"{g['probability']:.3f}", ", ".join(g["edges"]) or "(geen)", fmt(g["median"]))
        console.print(t)
    else:
        console.print(
            f"Model ({res.model}): hoofdeffecten"
            + (" + " + ", ".join(res.model_terms) if res.model_terms else "")
        )
        if res.aic is not None:
            console.print(
                f"AIC {res.aic:.2f}  BIC {res.bic:.2f}  deviantie {res.deviance:.2f} (vrijheidsgraden {res.df})"
            )
    for w in res.warnings:
        console.print(f"[yellow]Waarschuwing:[/yellow] {w}")
    if "ntop" in res.details:
        t = Table(title="BCa-interval bij keuze uit de k beste modellen")
        for col in ("k", "interval", "trekkingen met waarde"):
            t.add_column(col)
        for row in res.details["ntop"]:
            t.add_row(str(row["ntop"]), _interval_text(row["ci_lower"], row["ci_upper"]), str(row["used"]))
        console.print(t)
    if res.sensitivity:
        t = Table(title="Gevoeligheid voor de modelkeuze (intervallen gegeven het model)")
        for col in ("herkomst model", "termen", "schatting", "95%-interval", "AIC", "BIC", "status"):
            t.add_column(col)
        for r in res.sensitivity:
            t.add_row(
                r.model,
                ", ".join(r.terms) or "(hoofdeffecten)",
                fmt(r.estimate) if r.status != NOT_BOUNDED else NOT_BOUNDED,
                _interval_text(r.ci_lower, r.ci_upper) if r.estimate is not None else WHOLE,
                f"{r.aic:.1f}" if r.aic is not None else WHOLE,
                f"{r.bic:.1f}" if r.bic is not None else WHOLE,
                r.status,
            )
        console.print(t)
    if res.approaches:
        print_approaches(console, res.approaches)


def print_approaches(console, rows: tuple[ApproachEstimate, ...]) -> None:
    from rich.table import Table

    console.print("[bold]Experimenteel: de schatting onder elke aanpak[/bold]")
    t = Table()
    for col in ("aanpak", "schatting", "95%-interval", "Monte-Carlofout"):
        t.add_column(col)
    for r in rows:
        iv = r.interval
        mcse = (
            f"± {fmt(iv.lower_mcse)} / ± {fmt(iv.upper_mcse)}"
            if iv is not None and (iv.lower_mcse is not None or iv.upper_mcse is not None)
            else WHOLE
        )
        t.add_row(
            r.label,
            fmt(r.estimate) if r.bounded else r.status,
            _interval_text(iv.lower, iv.upper, iv.upper_bounded) if iv is not None else WHOLE,
            mcse,
        )
    console.print(t)
    for r in rows:
        kind = INTERVAL_NAMES[r.interval.kind] if r.interval is not None else "geen interval"
        model = ", ".join(r.model_terms) or "hoofdeffecten"
        console.print(f"- {r.label}: model {model}; {kind}" + (f"; {r.note}" if r.note else ""))
        for w in r.warnings:
            console.print(f"  [yellow]Waarschuwing:[/yellow] {w}")


def _console():
    from rich.console import Console

    return Console()


def run_estimate(
    data,
    year,
    lists,
    model,
    ci,
    stratum,
    seed,
    json_out,
    n_boot=None,
    ntop=None,
    approaches=False,
) -> int:
    """The command. Returns the exit status (see the module docstring)."""
    from dataclasses import replace

    from jaarcijfers.estimate.delivery import STRATA, latest_year
    from jaarcijfers.estimate.histories import read_lists_csv
    from jaarcijfers.estimate.run import (
        EXIT_NOT_BOUNDED,
        _resolve_ci,
        estimate_for_year,
        estimate_histories,
    )
    from jaarcijfers.estimate.selection import parse_model_spec

    spec = parse_model_spec(model)
    _resolve_ci(ci, spec)
    if stratum is not None and stratum not in STRATA:
        raise UserError(f"Onbekende --stratum '{stratum}': kies {', '.join(STRATA)}.")
    if n_boot is not None and n_boot < 100:
        raise UserError(f"--n-boot {n_boot} is te klein; gebruik minstens 100 trekkingen.")
    if ntop is not None and ntop < 1:
        raise UserError("--ntop moet minstens 1 zijn.")
    options: dict[str, Any] = dict(model=model, ci=ci, seed=seed, n_boot=n_boot, ntop=ntop)

    def with_approaches(res: EstimateResult) -> EstimateResult:
        if not approaches:
            return res
        from jaarcijfers.estimate.approaches import compare_approaches
        from jaarcijfers.estimate.checks import tidy_lists

        reduced, _ = tidy_lists(table)
        return replace(res, approaches=compare_approaches(reduced, seed=seed, n_boot=n_boot, ntop=ntop))

    if lists is not None:
        if stratum is not None:
            raise UserError("--stratum kan niet samen met --lists worden gebruikt.")
        table = read_lists_csv(Path(lists))
        res = with_approaches(estimate_histories(table, **options))
        if json_out:
            print(json.dumps(res.to_dict(), ensure_ascii=False))
        else:
            _print_result(_console(), f"Schatting uit {Path(lists).name}", res)
        return 0 if res.bounded else EXIT_NOT_BOUNDED
    from jaarcijfers.estimate.delivery import histories_for_year, open_connection

    con = open_connection(data)
    if year is None:
        year = latest_year(con)
    table, _notes = histories_for_year(con, year)
    result = with_approaches(estimate_for_year(con, year, allow_unbounded=True, **options))
    strata = estimate_for_year(con, year, stratum=stratum, **options) if stratum else None
    status = 0 if result.bounded else EXIT_NOT_BOUNDED
    if json_out:
        out = result.to_dict() | {"year": year}
        if strata is not None:
            out["stratum"] = stratum
            out["strata"] = [
                ({"value": k} | v.to_dict()) if isinstance(v, EstimateResult) else {"value": k, "error": v}
                for k, v in strata.items()
            ]
        print(json.dumps(json_safe(out), ensure_ascii=False))
        return status
    console = _console()
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
                    fmt(v.observed),
                    fmt(v.estimate) if v.bounded else NOT_BOUNDED,
                    _interval_text(v.ci_lower, v.ci_upper, v.ci_upper_bounded) if v.bounded else WHOLE,
                    ", ".join(v.model_terms) or "(hoofdeffecten)",
                )
            else:
                t.add_row(k, WHOLE, WHOLE, WHOLE, v)
        console.print(t)
        if stratum == "vorm":
            console.print(
                "Een slachtoffer met meerdere vormen telt in elke vorm mee; de lagen tellen niet op tot het totaal."
            )
    return status
