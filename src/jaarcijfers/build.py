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

if TYPE_CHECKING:
    from collections.abc import Sequence

    from jaarcijfers.edition.model import (  # noqa: F401 - NoEstimate in annotation
        Edition,
        Estimate,
        NoEstimate,
        Provenance,
    )
    from jaarcijfers.estimate.apart import Apart
    from jaarcijfers.language import Language
    from jaarcijfers.sdc.audit import AuditResult
    from jaarcijfers.sdc.prior import PriorEdition


def compute_edition(
    data: Path | None,
    year: int | None,
    sdc: str | None = None,
    step=lambda text: None,
    *,
    con=None,
    editorial: Path | None = None,
    reflection: str | None = None,
    earlier: Sequence[Path] = (),
    prior: Sequence[PriorEdition] = (),
    estimate: bool = True,
) -> tuple[Edition, AuditResult]:
    """Everything up to and including disclosure control and its audit; returns the published Edition
    (with the audit's verdict) and the audit. `step(text)` is told what is being done (for progress on the
    terminal).

    The delivery is the folder `data`, or `con`: an open connection on chosen loads of the warehouse
    (`warehouse.snapshot.open_loads`; closed here). The disclosure policy is `sdc` (`build --sdc`), else
    the edition's editorial setting (`editorial`, else `DATA/redactie/YYYY/`), else the strict policy
    (docs/editions.md). The reflection is `reflection`, else read from `data`. What an outsider knows
    (docs/sdc.md, "Across editions"): the earlier editions `prior` (from the edition register) and the
    published folders `earlier` (`build --met-eerdere`). `estimate` False leaves the estimate out whatever
    the editorial settings say (`jaarcijfers findings` does not need it)."""
    from jaarcijfers.estimate.apart import Apart
    from jaarcijfers.sdc.policy import get_policy

    if sdc is not None:
        get_policy(sdc)  # an unknown policy is an error before any work is done
    check_year_argument(year)
    # the estimate's process starts first, so that its imports overlap this process's imports and the
    # reading of the delivery (estimate.apart; ended unused when the edition shows no estimate)
    with Apart.start() if estimate else _no_estimate() as apart:
        from dataclasses import replace

        from jaarcijfers.edition.audit import check_earlier, with_verdict
        from jaarcijfers.edition.files import read_prior
        from jaarcijfers.edition.publish import publish, with_estimate
        from jaarcijfers.editorial.settings import edition_policy
        from jaarcijfers.facts.compute import compute_facts
        from jaarcijfers.figures.engine import compute_all, default_year
        from jaarcijfers.sdc.prior import combine_same_year
        from jaarcijfers.warehouse.load import open_delivery
        from jaarcijfers.warehouse.years import check_reporting_year, delivery_years

        known = combine_same_year([*prior, *(read_prior(folder) for folder in earlier)])
        if con is None:
            assert data is not None
            step("levering valideren en laden")
            con = open_delivery(data)
        delivered = delivery_years(con)
        year = default_year(con) if year is None else year
        check_reporting_year(year, delivered)
        warn_sources_without_data(year, delivered)
        # handed over before the editorial settings are read, the sooner to start; taken back when the
        # edition shows no estimate
        submitted = _submit_estimate(apart, con, year) if apart is not None else None
        content = editorial_content(editorial_of(data, year, editorial))
        if not content.settings.show_estimate and apart is not None:
            apart.close()
            submitted = None
        policy_name, reason = edition_policy(content.settings, sdc)
        policy = get_policy(policy_name)
        step("regels toepassen en figuren berekenen")
        year, figures = compute_all(con, year, delivered)
        step("feiten berekenen")
        facts = compute_facts(con, year, figures, without=frozenset(delivered.without((year,))))
        provenance = delivery_provenance(con, data)
        if reflection is None and data is not None:
            reflection = _reflection(data, year)
        con.close()
        check_earlier(year, known)  # before any disclosure work
        step(f"onthullingscontrole ({policy.name})")
        edition = publish(
            year,
            figures,
            facts,
            policy,
            provenance,
            reflection=reflection,
            prior=known,
            published_on=content.published_on,
        )
        edition = replace(edition, disclosure=replace(edition.disclosure, reason=reason))
        # the audit reads the cells and the facts of the catalogue, never the estimate's numbers (its facts
        # `schatting_*` are in no relation: sdc.facts.related_facts), so it runs while the estimate is computed
        step("audit van de onthullingscontrole")
        edition, audit = with_verdict(edition, policy, known)
        if apart is not None and submitted is not None:
            step("schatting van het verborgen aantal slachtoffers")
            edition = with_estimate(edition, _estimate_result(apart, submitted, year))
    return with_editorial(edition, replace(content, published_on=edition.published_on)), audit


@contextmanager
def _no_estimate():
    yield None


def editorial_content(folder: Path | None):
    """The edition's editorial folder (settings and the analysts' content; docs/editorial.md)."""
    from jaarcijfers.edition.sections import section_titles
    from jaarcijfers.editorial.content import read_editorial

    return read_editorial(folder, section_titles())


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


def editorial_of(data: Path | None, year: int, editorial: Path | None) -> Path | None:
    """The editorial folder of the edition: `editorial` (`--redactie DIR`) when given, else
    `DATA/redactie/YEAR/` of the delivery folder when it exists, else None (docs/editorial.md)."""
    from jaarcijfers.editorial.settings import editorial_folder

    if data is not None:
        return editorial_folder(data, year, editorial)
    return None if editorial is None else editorial_folder(Path(), year, editorial)


@contextmanager
def progress():
    """A spinner with the current step on the terminal (stderr); silent when not on a terminal (and then
    the terminal library is not even imported)."""
    import sys

    if not sys.stderr.isatty():
        yield lambda text: None
        return
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda text: None
        return
    with console.status("Jaarcijfers bouwen …") as status:
        yield lambda text: status.update(f"Jaarcijfers bouwen: {text} …")


def _submit_estimate(apart: Apart, con, year: int) -> NoEstimate | bool:
    """Reads the year's capture histories and hands them to the estimate's process (`estimate.apart`);
    True when submitted, the reason when no estimate is possible (a `NoEstimate`). The build computes the
    approaches without resampling (stepwise, AIC, BIC with profile intervals, and Bayesian model
    averaging); the bootstraps stay with `jaarcijfers estimate --approaches` (docs/estimate.md)."""
    from jaarcijfers.edition.model import NoEstimate
    from jaarcijfers.estimate.approaches import LEVEL, capture_table

    try:
        table, notes = capture_table(con, year)
    except UserError as exc:
        return NoEstimate(exc.message)
    apart.submit(table, notes, year, LEVEL)
    return True


def _estimate_result(apart: Apart, submitted: NoEstimate | bool, year: int) -> Estimate | NoEstimate:
    """The estimate of the hidden number of victims for the report, rounded to tens for publication, or
    the reason there is none."""
    from jaarcijfers.edition.model import NoEstimate
    from jaarcijfers.edition.publish import published_estimate

    if isinstance(submitted, NoEstimate):
        return submitted
    try:
        return published_estimate(apart.result(), year)
    except UserError as exc:
        return NoEstimate(exc.message)


def delivery_provenance(con, data: Path | None) -> Provenance:
    from jaarcijfers import RULES_VERSION, __version__
    from jaarcijfers.contract.schema import CONTRACT_VERSION
    from jaarcijfers.edition.model import DeliveredFile, Provenance

    try:
        rows = con.execute(
            "SELECT source, file, sha256, rows, peildatum, bron, omschrijving FROM provenance "
            "ORDER BY source, file"
        ).fetchall()
    except Exception:  # noqa: BLE001 - provenance is informative; a warehouse without it still builds
        rows = []
    return Provenance(
        software="jaarcijfers",
        software_version=__version__,
        rules_version=RULES_VERSION,
        contract_version=CONTRACT_VERSION,
        deliveries=tuple(
            DeliveredFile(s, f, h, int(n), None if p is None else str(p), b, o)
            for s, f, h, n, p, b, o in rows
        ),
    )


def check_story(edition: Edition, out: Path, languages: tuple[Language, ...] = ()) -> list[str]:
    """Write the findings with their claims (`bevindingen.json`) and check every claim against the
    figures.csv and facts.csv just written: a false claim stops the build with a clear message. The
    English sentences (`--lang en`) carry the same findings' claims: written to the English edition's
    claims file (`en/findings.json`) and checked the same way, from the file."""
    from jaarcijfers.story.checker import check_folder, write_claims

    written = write_claims(edition, out)
    problems = check_folder(out)
    if any(lang.code == "en" for lang in languages):
        from jaarcijfers.render.publication import files, folder
        from jaarcijfers.story import en_check
        from jaarcijfers.story.published import Values

        en = next(lang for lang in languages if lang.code == "en")
        name = f"{folder(en)}/{files(edition, en).claims}"
        written += en_check.write_claims(edition, out, name)
        problems += en_check.check_file(out / name, Values.of_folder(out))
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

    from jaarcijfers.contract.safefiles import read_text
    from jaarcijfers.render.markdown import MAX_SIZE

    for name in (f"reflectie-{year}.md", "reflectie.md"):
        p = data / name
        if os.path.lexists(p):  # a regular file only: a link (to /etc/passwd …) is never followed
            return read_text(p, MAX_SIZE)
    return None


def check_year_argument(year: int | None) -> None:
    """`--year` is a plausible year of the contract (four digits, from `schema.MIN_YEAR`) before any work
    is done; whether the delivery has data for it is checked once it is read (`check_reporting_year`)."""
    from jaarcijfers.contract.schema import MIN_YEAR

    if year is not None and not MIN_YEAR <= year <= 9999:
        raise UserError(
            f"--year {year}: geen geldig verslagjaar (een jaar van vier cijfers, vanaf {MIN_YEAR})"
        )


def warn_sources_without_data(year: int, delivered) -> None:
    """Name, on stderr, the sources without records for the reporting year or its whole window: their
    figures and facts say "geen gegevens" or are left out (docs/outputs.md)."""
    import sys

    from jaarcijfers.contract.schema import SOURCE_NAMES
    from jaarcijfers.figures.engine import window

    none_in_window = delivered.without(window(year))
    for source in delivered.without((year,)):
        what = f"{year - 4}-{year}" if source in none_in_window else str(year)
        consequence = (
            "de figuren van deze bron tonen 'geen gegevens'"
            if source in none_in_window
            else f"de figuren van deze bron tonen {year} niet"
        )
        print(
            f"let op: de levering bevat geen records van {SOURCE_NAMES[source]} over {what}; {consequence} "
            "en de feiten die haar lezen worden weggelaten",
            file=sys.stderr,
        )


def run_build(
    data: Path | None,
    year: int | None,
    out: Path | None,
    sdc: str | None = None,
    only_figures: bool = False,
    editorial: Path | None = None,
    earlier: Sequence[Path] = (),
    languages: tuple[Language, ...] = (),
) -> int:
    """`jaarcijfers build` from a delivery folder (default: the demo delivery), in memory: nothing is
    recorded (builds from the warehouse, recorded in the edition register: `jaarcijfers.cycle`). Every
    argument is checked before any work is done; the output is written atomically (`write_outputs`)."""
    from jaarcijfers.clock import source_date_epoch
    from jaarcijfers.edition.audit import print_verdict
    from jaarcijfers.paths import DEMO_DELIVERY

    source_date_epoch()  # an invalid SOURCE_DATE_EPOCH is an error before any work is done
    check_year_argument(year)
    check_output(out)
    data = data or DEMO_DELIVERY
    with progress() as step:
        edition, audit = compute_edition(data, year, sdc, step, editorial=editorial, earlier=earlier)
        out = out or Path("out") / str(edition.year)
        written = write_outputs(edition, out, only_figures, step, languages)
    print(f"Jaarcijfers Mensenhandel {edition.year} geschreven naar {out}/: {', '.join(written)}")
    print_verdict(audit)
    return 0


def check_output(out: Path | None) -> None:
    """What is at `out` can be replaced by a new edition (`outdir.check_target`), checked before any work
    is done (no `out`: the default folder is checked when it is known)."""
    from jaarcijfers.edition.files import is_edition_folder
    from jaarcijfers.outdir import check_target

    if out is not None:
        check_target(out, is_edition_folder)


def write_outputs(
    edition: Edition,
    out: Path,
    only_figures: bool,
    step=lambda text: None,
    languages: tuple[Language, ...] = (),
) -> list[str]:
    """figures.csv, facts.csv, metadata.json and (unless `only_figures`) every rendered output, written into
    a new folder beside `out` that replaces `out` only when complete (`outdir.py`); returns the names
    written."""
    from jaarcijfers.edition.files import is_edition_folder, write_files
    from jaarcijfers.outdir import replaced_folder

    with replaced_folder(out, is_edition_folder) as work:
        step("figures.csv, facts.csv en metadata.json schrijven")
        written = write_files(edition, work)
        if not only_figures:
            step("de beweringen in de tekst controleren")
            written += check_story(edition, work, languages)
            from jaarcijfers.language import NL
            from jaarcijfers.render import render_all

            warn_left_out(edition, languages)
            written += render_all(edition, work, step, languages or (NL,))
    return written


def warn_left_out(edition: Edition, languages: tuple[Language, ...]) -> None:
    """Name, on stderr, the analysts' content an edition in another language leaves out because the
    analysts did not write it in that language (`redactie/YYYY/en/`; docs/language.md)."""
    import sys

    from jaarcijfers.edition.translate import left_out

    for lang in languages:
        for item in left_out(edition, lang):
            print(f"let op (editie in het {lang.code}): {item}", file=sys.stderr)
