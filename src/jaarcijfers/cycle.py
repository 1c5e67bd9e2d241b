"""The annual cycle: editions built from the warehouse and recorded in the edition register, and
rebuilds of recorded editions (docs/editions.md).

- `build_recorded` (`jaarcijfers build --warehouse FILE [--data DIR]`): loads `DIR` first when given,
  builds the edition from the warehouse's current loads, compares it with the recorded edition of the
  year before (its revisions go into the edition) and records it. Without `--data` and `--redactie` the
  editorial folder and reflection are those the latest recorded edition of the year was built with.
- `rebuild` (`jaarcijfers build --editie YYYY --warehouse FILE`): builds a recorded edition again from
  exactly the delivery versions, editorial files, reflection, options, earlier editions and build time
  it was recorded with, and checks the result against the register: the same cells and facts, and every
  output file byte-identical.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from jaarcijfers.build import (
    check_output,
    check_year_argument,
    compute_edition,
    editorial_of,
    progress,
    write_outputs,
)
from jaarcijfers.errors import UserError

if TYPE_CHECKING:
    from jaarcijfers.edition.register import EditorialInputs


@contextmanager
def fixed_build_time(iso: str | None = None) -> Iterator[str]:
    """One build time for the whole build, as `SOURCE_DATE_EPOCH` (docs/reproducibility.md): `iso` (a
    recorded `gebouwd_op`) when given, else `SOURCE_DATE_EPOCH` when set, else now. Yields the time as
    metadata.json writes it; the variable is restored afterwards."""
    from jaarcijfers.edition.files import build_time

    before = os.environ.get("SOURCE_DATE_EPOCH")
    if iso is not None:
        epoch = int(dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())
    elif before and before.strip().isdigit():
        epoch = int(before)
    else:
        epoch = int(dt.datetime.now(dt.UTC).timestamp())
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield build_time()
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def output_hashes(out: Path, written: list[str]) -> dict[str, str]:
    """sha256 of every file a build wrote (a name ending in `/` is a folder: every file in it)."""
    paths: list[Path] = []
    for name in written:
        target = out / name
        if target.is_dir():
            paths += sorted(p for p in target.rglob("*") if p.is_file() and not p.is_symlink())
        elif target.is_file():
            paths.append(target)
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def _versions() -> dict[str, str]:
    from jaarcijfers import __version__
    from jaarcijfers.contract.schema import CONTRACT_VERSION

    return {"software_version": __version__, "contract_version": CONTRACT_VERSION}


def build_recorded(
    warehouse: Path,
    data: Path | None,
    year: int | None,
    out: Path | None,
    sdc: str | None,
    only_figures: bool,
    *,
    editorial: Path | None = None,
    record: bool = True,
    languages: tuple = (),
) -> int:
    from jaarcijfers.contract.schema import SOURCE_NAMES, SOURCES
    from jaarcijfers.edition import register
    from jaarcijfers.edition.audit import print_verdict
    from jaarcijfers.edition.record import record_of
    from jaarcijfers.edition.revisions import compare, with_revisions
    from jaarcijfers.figures.engine import default_year
    from jaarcijfers.warehouse.snapshot import open_loads

    check_year_argument(year)
    check_output(out)
    if data is not None:
        from jaarcijfers.warehouse.load import run_load

        if run_load(data, warehouse, None) != 0:
            raise UserError(f"de levering in {data} is niet geladen; er is niets gebouwd")
    with fixed_build_time() as built_at, progress() as step, ExitStack() as stack:
        step("leveringen uit het warehouse lezen")
        con, loads = open_loads(warehouse)
        try:
            missing = [SOURCE_NAMES[s] for s in SOURCES if s not in loads]
            if missing:
                raise UserError(
                    f"het warehouse {warehouse} heeft nog geen levering van {', '.join(missing)}; "
                    "een editie heeft elke bron nodig"
                )
            year = year if year is not None else default_year(con)
        except BaseException:
            con.close()
            raise
        with register.connect(warehouse) as reg:
            # what an outsider knows: every earlier recorded edition (disclosure control across editions
            # receives it; docs/editions.md)
            prior = register.prior_editions(reg, year)
            kept = register.recorded_editorial(reg, year) if data is None and editorial is None else None
        reflection = None
        if data is None and editorial is None:  # the warehouse alone: the recorded editorial folder
            print_editorial_source(year, kept, sdc)
            files = {} if kept is None else kept.editorial
            reflection = None if kept is None else kept.reflection
            folder = stack.enter_context(written_editorial(files))
        else:
            folder = editorial_of(data, year, editorial)
            files = register.editorial_files(folder)
        edition, audit = compute_edition(
            data,
            year,
            sdc,
            step,
            con=con,
            editorial=folder,
            reflection=reflection,
            prior=register.as_prior(prior),
        )
        with register.connect(warehouse) as reg:
            previous = register.previous_edition(reg, edition.year, edition.disclosure.policy)
        edition = with_revisions(edition, compare(previous, record_of(edition)) if previous else None)
        out = out or Path("out") / str(edition.year)
        written = write_outputs(edition, out, only_figures, step, languages)
    print(f"Jaarcijfers Mensenhandel {edition.year} geschreven naar {out}/: {', '.join(written)}")
    print(revisions_line(edition))
    print_verdict(audit)
    if not record:
        print("Niet vastgelegd (--niet-vastleggen).")
        return 0
    with register.connect(warehouse, write=True) as reg:
        outcome = register.record(
            reg,
            record_of(edition),
            loads=loads,
            built_at=built_at,
            versions=_versions(),
            sdc_option=sdc,
            origin=None if data is None else str(data),
            reflection=edition.reflection_markdown,
            editorial=files,
            compared_with=None if previous is None else previous.edition_id,
            knowledge=[p.edition_id for p in prior if p.edition_id is not None],
            files=output_hashes(out, written),
        )
    what = f"editie {edition.year} ({edition.disclosure.policy})"
    if outcome.new:
        print(
            f"De {what} is vastgelegd in {warehouse} als versie {outcome.version} (editie-id {outcome.edition_id})."
        )
    else:
        print(f"De {what} was al vastgelegd (versie {outcome.version}); niets gewijzigd in het register.")
    return 0


@contextmanager
def written_editorial(files: Mapping[str, bytes]) -> Iterator[Path | None]:
    """Recorded editorial files written back into a private temporary folder (None: there are none)."""
    from jaarcijfers.edition import register

    if not files:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="jaarcijfers-") as tmp:
        os.chmod(tmp, 0o700)
        folder = Path(tmp) / "redactie"
        folder.mkdir()
        register.write_editorial(files, folder)
        yield folder


def print_editorial_source(year: int, kept: EditorialInputs | None, sdc: str | None) -> None:
    """Say where the editorial settings of a build from the warehouse alone come from (docs/editions.md):
    the recorded edition of the year (stdout), or nowhere, and then which policy applies (stderr)."""
    import sys

    policy = (
        f"het beleid voor onthullingscontrole is {sdc} (--sdc)"
        if sdc is not None
        else "zonder instellingen geldt het strikte beleid voor onthullingscontrole (veilig als standaard)"
    )
    if kept is None:
        print(
            f"let op: geen redactiemap: zonder --data of --redactie gebruikt de bouw de redactiemap waarmee "
            f"editie {year} is vastgelegd, maar er is geen editie {year} vastgelegd; {policy}. Geef de "
            "redactiemap met --redactie DIR (of de levering met --data DIR; docs/editorial.md).",
            file=sys.stderr,
        )
        return
    e = kept.entry
    how = f"{e.policy}, versie {e.version}" + (f", uit {e.origin}" if e.origin else "")
    if kept.editorial:
        print(
            f"Redactie: de redactiemap waarmee editie {year} is vastgelegd ({how}): "
            f"{', '.join(sorted(kept.editorial))}; een andere redactiemap geeft u met --redactie DIR."
        )
    else:
        print(f"Redactie: editie {year} is vastgelegd zonder redactiemap ({how}), deze bouw ook; {policy}.")


def revisions_line(edition) -> str:
    r = edition.revisions
    if r is None:
        return f"Herzieningen: geen editie {edition.year - 1} vastgelegd om mee te vergelijken."
    n = len(r.revisions)
    return (
        f"Herzieningen ten opzichte van editie {r.previous_year} ({r.previous_policy}, versie {r.previous_version}): "
        f"{n} van {r.compared} gedeelde cellen {'is' if n == 1 else 'zijn'} herzien."
    )


def rebuild(
    warehouse: Path, year: int, sdc: str | None, out: Path | None, only_figures: bool, languages: tuple = ()
) -> int:
    """Build the recorded edition of `year` again; exit 0 when every cell, fact and output file that was
    recorded is reproduced exactly, else 1 with what differs."""
    from jaarcijfers import __version__
    from jaarcijfers.edition import register
    from jaarcijfers.edition.record import record_of
    from jaarcijfers.edition.revisions import compare, with_revisions
    from jaarcijfers.warehouse.snapshot import open_loads

    check_output(out)
    with register.connect(warehouse) as reg:
        inputs = register.build_inputs(reg, year, sdc)
        recorded = register.read(reg, inputs.entry.edition_id)
        previous = None if inputs.compared_with is None else register.read(reg, inputs.compared_with)
        # the earlier editions the original build knew: disclosure control across editions receives them
        prior = register.prior_editions(reg, year, ids=inputs.knowledge)
    e = inputs.entry
    assert all(p.year < year for p in prior)
    if e.software_version not in (None, __version__):
        print(f"let op: editie {year} is gebouwd met jaarcijfers {e.software_version}, dit is {__version__}")
    with (
        fixed_build_time(e.built_at),
        progress() as step,
        written_editorial(inputs.editorial) as folder,
    ):
        step("vastgelegde leveringen uit het warehouse lezen")
        con, _ = open_loads(warehouse, inputs.loads)
        edition, _ = compute_edition(
            None,
            year,
            inputs.sdc_option,
            step,
            con=con,
            editorial=folder,
            reflection=inputs.reflection,
            prior=register.as_prior(prior),
        )
        edition = with_revisions(edition, compare(previous, record_of(edition)) if previous else None)
        out = out or Path("out") / f"{year}-opnieuw"
        written = write_outputs(edition, out, only_figures, step, languages)
    print(f"Jaarcijfers Mensenhandel {edition.year} opnieuw gebouwd naar {out}/: {', '.join(written)}")
    problems = []
    again = record_of(edition)
    if register.content_hash(again.cells, again.facts) != register.content_hash(
        recorded.cells, recorded.facts
    ):
        cells = sum(1 for k, v in again.cells.items() if recorded.cells.get(k) != v)
        cells += sum(1 for k in recorded.cells if k not in again.cells)
        facts = sum(1 for k, v in again.facts.items() if recorded.facts.get(k) != v)
        facts += sum(1 for k in recorded.facts if k not in again.facts)
        problems.append(f"{cells} cellen en {facts} feiten wijken af van de vastgelegde editie")
    hashes = output_hashes(out, written)
    compared = sorted(set(hashes) & set(inputs.files))
    differ = [name for name in compared if hashes[name] != inputs.files[name]]
    if differ:
        problems.append(f"{len(differ)} bestand(en) niet byte-identiek: {', '.join(differ[:10])}")
    if problems:
        print(
            f"fout: de editie {year} ({e.policy}, versie {e.version}) is niet gelijk herbouwd: "
            + "; ".join(problems)
        )
        return 1
    print(
        f"Gelijk aan de vastgelegde editie {year} ({e.policy}, versie {e.version}): alle cellen en feiten, "
        f"{len(compared)} bestanden byte-identiek."
    )
    return 0
