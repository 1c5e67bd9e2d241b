"""`jaarcijfers build`: validate, compute, protect, publish.

The order is fixed: the delivery is validated and loaded; the rules and the catalogue compute every
figure and fact (true values); the disclosure-control policy turns them into published values ONCE;
every renderer then receives only the published `Edition`.
"""

from __future__ import annotations

import csv
import io
import json
from contextlib import contextmanager
from pathlib import Path

from jaarcijfers.errors import UserError


def compute_edition(data: Path, year: int | None, sdc: str = "publicatie", step=lambda text: None):
    """Everything up to and including disclosure control; returns the published Edition.
    `step(text)` is told what is being done (for progress on the terminal)."""
    from jaarcijfers.facts.compute import compute_facts
    from jaarcijfers.figures.engine import compute_all
    from jaarcijfers.publish import publish
    from jaarcijfers.warehouse.load import open_delivery

    step("levering valideren en laden")
    con = open_delivery(data)
    step("regels toepassen en figuren berekenen")
    year, figures = compute_all(con, year)
    step("feiten berekenen")
    facts = compute_facts(con, year, figures)
    provenance = delivery_provenance(con, data)
    step(f"onthullingscontrole ({sdc})")
    edition = publish(year, figures, facts, sdc, provenance, reflection=_reflection(data, year))
    step("schatting van het verborgen aantal slachtoffers")
    estimate = hidden_number(con, year)
    con.close()
    return with_estimate(edition, estimate)


@contextmanager
def progress():
    """A spinner with the current step on the terminal (stderr); silent when not on a terminal."""
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda text: None
        return
    with console.status("Jaarcijfers bouwen …") as status:
        yield lambda text: status.update(f"Jaarcijfers bouwen: {text} …")


def with_estimate(edition, estimate: dict | None):
    """Attach the estimate to the edition, and publish its numbers as facts (every number in an output
    comes from figures.csv or facts.csv)."""
    from dataclasses import replace

    from jaarcijfers.figures.model import PublishedFact

    if not estimate:
        return edition
    edition = edition.with_extras(estimate=estimate)
    if not estimate.get("available"):
        return edition
    y = edition.year
    section = "Hoeveel slachtoffers zijn er?"
    extra = tuple(
        PublishedFact(f"schatting_{name}_{y}", str(estimate[key]), "count", section, desc)
        for name, key, desc in (
            ("totaal", "estimate", "geschat totaal aantal slachtoffers (afgerond op tientallen)"),
            (
                "ondergrens",
                "ci_lower",
                "ondergrens van het 95%-betrouwbaarheidsinterval (afgerond op tientallen)",
            ),
            (
                "bovengrens",
                "ci_upper",
                "bovengrens van het 95%-betrouwbaarheidsinterval (afgerond op tientallen)",
            ),
        )
        if estimate.get(key) is not None
    )
    return replace(edition, facts=edition.facts + extra)


def hidden_number(con, year: int) -> dict | None:
    """The estimate of the hidden number of victims for the report (multiple systems estimation over the
    reporting organisations; docs/estimate.md). Not a count of persons: it is rounded to tens for the
    report and never reveals a small cell. Left out, with the reason, when the data do not allow it."""
    from jaarcijfers.estimate.run import estimate_for_year

    try:
        res = estimate_for_year(con, year, sensitivity=False)
    except UserError as exc:
        return {"available": False, "reason": exc.message}

    def tens(x: float) -> int | None:
        return None if x is None or x != x or x == float("inf") else int(round(x / 10.0)) * 10

    return {
        "available": True,
        "year": year,
        "observed": res.observed,
        "estimate": tens(res.estimate),
        "ci_lower": tens(res.ci_lower),
        "ci_upper": tens(res.ci_upper),
        "ci_level": res.ci_level,
        "ci_method": res.ci_method,
        "method": "multiple systems estimation (log-lineair Poissonmodel, stapsgewijze modelkeuze)",
        "model": res.model,
        "model_terms": list(res.model_terms),
        "lists": list(res.lists),
        "warnings": list(res.warnings),
    }


def delivery_provenance(con, data: Path) -> dict:
    from jaarcijfers import CONTRACT_VERSION, RULES_VERSION, __version__

    try:
        rows = con.execute(
            "SELECT source, file, sha256, rows, peildatum FROM provenance ORDER BY source, file"
        ).fetchall()
    except Exception:  # noqa: BLE001 - provenance is informative; a warehouse without it still builds
        rows = []
    return {
        "software": "jaarcijfers",
        "software_version": __version__,
        "rules_version": RULES_VERSION,
        "contract_version": CONTRACT_VERSION,
        "deliveries": [
            {
                "bron": s,
                "bestand": f,
                "sha256": h,
                "rijen": int(n),
                "peildatum": None if p is None else str(p),
            }
            for s, f, h, n, p in rows
        ],
    }


def _reflection(data: Path, year: int | None) -> str | None:
    """The analyst's own commentary: `reflectie-YYYY.md` (or `reflectie.md`) in the delivery folder."""
    if year is None:
        return None
    import os

    from jaarcijfers.contract.safefiles import FileRefused, read_small

    for name in (f"reflectie-{year}.md", "reflectie.md"):
        p = data / name
        if os.path.lexists(p):
            try:  # a regular file only: a link (to /etc/passwd …) is never followed into the report
                return read_small(p).decode("utf-8")
            except FileRefused:
                raise UserError(f"{p} is geen gewoon bestand (of te groot) en wordt niet gelezen") from None
            except (OSError, UnicodeDecodeError) as exc:
                raise UserError(f"{p} kan niet gelezen worden als UTF-8-tekst: {exc}") from None
    return None


def figures_csv(edition) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["figure", "table_part", "row", "column", "value"])
    for fig in edition.figures:
        for block in fig.blocks:
            cells = {(c.row, c.column): c for c in block.cells}
            for row in block.rows:
                for col in block.columns:
                    c = cells.get((row, col))
                    if c is not None:
                        w.writerow([fig.id, block.part, row, col, c.display])
    return buf.getvalue()


def facts_csv(edition) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "value"])
    for f in edition.facts:
        w.writerow([f.id, f.value])
    return buf.getvalue()


def build_time() -> str:
    """The build time: `SOURCE_DATE_EPOCH` when set (reproducible builds: byte-identical outputs), else now."""
    import datetime as dt
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    else:
        moment = dt.datetime.now(tz=dt.UTC).replace(microsecond=0)
    return moment.isoformat().replace("+00:00", "Z")


def metadata(edition) -> dict:
    return {
        "gebouwd_op": build_time(),
        "titel": f"Jaarcijfers Mensenhandel {edition.year}",
        "verslagjaar": edition.year,
        "jaren": list(edition.years),
        "onthullingscontrole": edition.sdc_policy,
        "symbolen": dict(edition.sdc_symbols),
        "schatting_verborgen_aantal": edition.extras.get("estimate"),
        **edition.provenance,
    }


def write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def run_build(
    data: Path | None, year: int | None, out: Path | None, sdc: str = "publicatie", only_figures: bool = False
) -> int:
    from jaarcijfers.paths import DEMO_DELIVERY

    data = data or DEMO_DELIVERY
    with progress() as step:
        edition = compute_edition(data, year, sdc, step)
        out = out or Path("out") / str(edition.year)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"kan uitvoermap {out} niet maken: {exc}") from None
        step("figures.csv, facts.csv en metadata.json schrijven")
        write_text(out / "figures.csv", figures_csv(edition))
        write_text(out / "facts.csv", facts_csv(edition))
        write_text(
            out / "metadata.json",
            json.dumps(metadata(edition), ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        )
        written = ["figures.csv", "facts.csv", "metadata.json"]
        if not only_figures:
            from jaarcijfers.render import render_all

            step("rapport, PDF, werkboek, persbericht en open data maken")
            written += render_all(edition, out)
    print(f"Jaarcijfers Mensenhandel {edition.year} geschreven naar {out}/: {', '.join(written)}")
    return 0
