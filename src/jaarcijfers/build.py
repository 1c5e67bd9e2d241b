"""`jaarcijfers build`: validate, compute, protect, publish.

The order is fixed: the delivery is validated and loaded; the rules and the catalogue compute every
figure and fact (true values); the disclosure-control policy turns them into published values ONCE;
every renderer then receives only the published `Edition`.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from jaarcijfers.errors import UserError
from jaarcijfers.sdc.policy import DEFAULT

if TYPE_CHECKING:
    from collections.abc import Sequence

    from jaarcijfers.edition.model import Edition, Estimate, NoEstimate  # noqa: F401 - NoEstimate in annotation
    from jaarcijfers.sdc.audit import AuditResult


def compute_edition(
    data: Path,
    year: int | None,
    sdc: str = DEFAULT,
    step=lambda text: None,
    earlier: Sequence[Path] = (),
) -> tuple[Edition, AuditResult]:
    """Everything up to and including disclosure control and its audit; returns the published Edition
    (with the audit's verdict) and the audit. `earlier`: folders of earlier published editions an outsider
    knows (docs/sdc.md, "Across editions"). `step(text)` is told what is being done (for progress on the
    terminal)."""
    from jaarcijfers.edition.audit import check_earlier, with_verdict
    from jaarcijfers.edition.files import read_prior
    from jaarcijfers.edition.publish import publish, with_estimate
    from jaarcijfers.facts.compute import compute_facts
    from jaarcijfers.figures.engine import compute_all
    from jaarcijfers.sdc.policy import get_policy
    from jaarcijfers.warehouse.load import open_delivery

    policy = get_policy(sdc)  # an unknown policy is an error before any work is done
    prior = [read_prior(folder) for folder in earlier]
    step("levering valideren en laden")
    con = open_delivery(data)
    step("regels toepassen en figuren berekenen")
    year, figures = compute_all(con, year)
    step("feiten berekenen")
    facts = compute_facts(con, year, figures)
    provenance = delivery_provenance(con, data)
    check_earlier(year, prior)  # before any disclosure work
    step(f"onthullingscontrole ({policy.name})")
    edition = publish(
        year, figures, facts, policy, provenance, reflection=_reflection(data, year), prior=prior
    )
    step("schatting van het verborgen aantal slachtoffers")
    estimate = hidden_number(con, year)
    con.close()
    step("audit van de onthullingscontrole")
    return with_verdict(with_estimate(edition, estimate), policy, prior)


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


def hidden_number(con, year: int) -> Estimate | NoEstimate:
    """The estimate of the hidden number of victims for the report (multiple systems estimation over the
    reporting organisations; docs/estimate.md), rounded to tens for publication. Left out, with the
    reason, when the data do not allow it."""
    from jaarcijfers.edition.model import NoEstimate
    from jaarcijfers.edition.publish import published_estimate
    from jaarcijfers.estimate.run import estimate_for_year

    try:
        res = estimate_for_year(con, year, sensitivity=False)
    except UserError as exc:
        return NoEstimate(exc.message)
    assert not isinstance(res, dict)  # no stratum asked
    return published_estimate(res, year)


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
    for name in (f"reflectie-{year}.md", "reflectie.md"):
        p = data / name
        if p.is_file():
            try:
                return p.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise UserError(f"{p} kan niet gelezen worden als UTF-8-tekst: {exc}") from None
    return None


def run_build(
    data: Path | None,
    year: int | None,
    out: Path | None,
    sdc: str | None = None,
    only_figures: bool = False,
    earlier: Sequence[Path] = (),
) -> int:
    from jaarcijfers.edition.audit import print_verdict
    from jaarcijfers.edition.files import write_files
    from jaarcijfers.paths import DEMO_DELIVERY

    data = data or DEMO_DELIVERY
    with progress() as step:
        edition, audit = compute_edition(data, year, sdc or DEFAULT, step, earlier)
        out = out or Path("out") / str(edition.year)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"kan uitvoermap {out} niet maken: {exc}") from None
        step("figures.csv, facts.csv en metadata.json schrijven")
        written = write_files(edition, out)
        if not only_figures:
            from jaarcijfers.render import render_all

            written += render_all(edition, out, step)
    print(f"Jaarcijfers Mensenhandel {edition.year} geschreven naar {out}/: {', '.join(written)}")
    print_verdict(audit)
    return 0
