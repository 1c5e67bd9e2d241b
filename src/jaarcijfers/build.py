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
    from jaarcijfers.edition.model import Edition, Estimate, NoEstimate  # noqa: F401 - NoEstimate in annotation


def compute_edition(
    data: Path,
    year: int | None,
    sdc: str = DEFAULT,
    step=lambda text: None,
    redactie: Path | None = None,
    estimate: bool = True,
) -> Edition:
    """Everything up to and including disclosure control; returns the published Edition.
    `step(text)` is told what is being done (for progress on the terminal); `redactie`: the editorial
    folder (default `DATA/redactie/YYYY/`); `estimate` False leaves the estimate out whatever the
    editorial settings say (`jaarcijfers findings` does not need it)."""
    from jaarcijfers.edition.publish import publish, with_estimate
    from jaarcijfers.facts.compute import compute_facts
    from jaarcijfers.figures.engine import compute_all
    from jaarcijfers.sdc.policy import get_policy
    from jaarcijfers.warehouse.load import open_delivery

    policy = get_policy(sdc)  # an unknown policy is an error before any work is done
    step("levering valideren en laden")
    con = open_delivery(data)
    step("regels toepassen en figuren berekenen")
    year, figures = compute_all(con, year)
    step("feiten berekenen")
    facts = compute_facts(con, year, figures)
    provenance = delivery_provenance(con, data)
    content = editorial_content(data, year, redactie)
    step(f"onthullingscontrole ({policy.name})")
    edition = publish(year, figures, facts, policy, provenance, reflection=_reflection(data, year))
    hidden = None
    if estimate and content.settings.show_estimate:
        step("schatting van het verborgen aantal slachtoffers")
        hidden = hidden_number(con, year)
    con.close()
    return with_editorial(with_estimate(edition, hidden), content)


def editorial_content(data: Path, year: int, override: Path | None):
    """The edition's editorial folder (settings and the analysts' content), with the publication date
    (the build date when `publicatiedatum` is not set)."""
    import datetime as dt
    from dataclasses import replace

    from jaarcijfers.edition.files import build_time
    from jaarcijfers.edition.sections import section_titles
    from jaarcijfers.editorial.content import read_editorial
    from jaarcijfers.editorial.settings import editorial_folder

    content = read_editorial(editorial_folder(data, year, override), section_titles())
    date = content.published_on or dt.date.fromisoformat(build_time()[:10])
    return replace(content, published_on=date)


def with_editorial(edition: Edition, content) -> Edition:
    """The edition with its editorial content; the numbers the analysts typed are checked against it
    (a number in no figure or fact is an error unless declared external with its source)."""
    from dataclasses import replace

    from jaarcijfers.story.editorial import check_editorial

    edition = replace(
        edition, editorial=content, reflection_markdown=content.reflection or edition.reflection_markdown
    )
    check_editorial(edition)
    return edition


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
    reporting organisations; docs/estimate.md), rounded to tens for publication. A build computes the
    approaches without resampling (stepwise, AIC, BIC with profile intervals: under a second); the
    bootstraps and model averaging stay with `jaarcijfers estimate --approaches`. Left out, with the
    reason, when the data do not allow it."""
    from jaarcijfers.edition.model import NoEstimate
    from jaarcijfers.edition.publish import published_estimate
    from jaarcijfers.estimate.approaches import report_estimate

    try:
        res = report_estimate(con, year, resample=False)
    except UserError as exc:
        return NoEstimate(exc.message)
    return published_estimate(res, year)


def delivery_provenance(con, data: Path) -> dict:
    from jaarcijfers import RULES_VERSION, __version__
    from jaarcijfers.contract.schema import CONTRACT_VERSION

    try:
        rows = con.execute(
            "SELECT source, file, sha256, rows, peildatum, bron, omschrijving FROM provenance "
            "ORDER BY source, file"
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
                "levering_bron": b,
                "omschrijving": o,
            }
            for s, f, h, n, p, b, o in rows
        ],
    }


def check_story(edition: Edition, out: Path) -> list[str]:
    """Write the findings with their claims (`bevindingen.json`) and check every claim against the
    figures.csv and facts.csv just written: a false claim stops the build with a clear message."""
    from jaarcijfers.story.checker import check_folder, write_claims

    written = write_claims(edition, out)
    problems = check_folder(out)
    if problems:
        raise UserError(
            "de tekst bevat beweringen die de gepubliceerde cijfers niet dragen:\n"
            + "\n".join(f"  - {p}" for p in problems)
        )
    return written


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


def run_build(
    data: Path | None,
    year: int | None,
    out: Path | None,
    sdc: str | None = None,
    only_figures: bool = False,
    redactie: Path | None = None,
) -> int:
    from jaarcijfers.edition.files import write_files
    from jaarcijfers.paths import DEMO_DELIVERY

    data = data or DEMO_DELIVERY
    with progress() as step:
        edition = compute_edition(data, year, sdc or DEFAULT, step, redactie=redactie)
        out = out or Path("out") / str(edition.year)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"kan uitvoermap {out} niet maken: {exc}") from None
        step("figures.csv, facts.csv en metadata.json schrijven")
        written = write_files(edition, out)
        if not only_figures:
            step("de beweringen in de tekst controleren")
            written += check_story(edition, out)
            from jaarcijfers.render import render_all

            written += render_all(edition, out, step)
    print(f"Jaarcijfers Mensenhandel {edition.year} geschreven naar {out}/: {', '.join(written)}")
    return 0
