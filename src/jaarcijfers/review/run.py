"""`jaarcijfers review`: the plausibility review of a delivery before publication (docs/editions.md).

What is reviewed:

- `--warehouse FILE`: the current delivery versions of the warehouse, each compared with the version
  of the same source before it;
- `--data DIR`: the delivery in DIR, validated (its problems go into the feedback files) and loaded
  (its valid rows) into a private temporary warehouse: a copy of `--warehouse FILE` when given (so the
  delivery is compared with what the warehouse holds, which is left unchanged), else an empty one into
  which `--vorige DIR` (an earlier version of the delivery) is loaded first when given.

Writes into OUT (default `out/review/`, created owner-only: the files quote confidential counts):
`plausibiliteit.html` for the analysts, and per organisation `terugkoppeling-<bron>.html` with its
questions and validation problems, plus `terugkoppeling-<bron>-validatie.csv` (the validation report
file of `contract/report_files.py`, that organisation's part) when the delivery was validated here.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from jaarcijfers.contract.schema import FILES, SOURCES
from jaarcijfers.errors import UserError, describe_os_error
from jaarcijfers.review.model import Review

if TYPE_CHECKING:  # pragma: no cover
    from jaarcijfers.contract.report import ValidationReport


def run_review(
    data: Path | None,
    warehouse: Path | None,
    previous: Path | None,
    year: int | None,
    out: Path | None,
) -> int:
    """The `review` command; returns the exit code (0: written, also when there are questions)."""
    review, target, written = make_review(data, warehouse, previous, year, out)
    questions = len(review.questions)
    print(
        f"Plausibiliteitstoets {review.year}: {questions} vra{'ag' if questions == 1 else 'gen'} aan "
        f"{len({q.source for q in review.questions})} organisatie(s); geschreven naar {target}/: {', '.join(written)}"
    )
    return 0


def make_review(
    data: Path | None, warehouse: Path | None, previous: Path | None, year: int | None, out: Path | None
) -> tuple[Review, Path, list[str]]:
    """Review and write the files; returns the review, the folder and the names written."""
    if data is None and warehouse is None:
        raise UserError(
            "geef een levering (--data MAP) of een warehouse (--warehouse BESTAND) om te beoordelen"
        )
    if previous is not None and data is None:
        raise UserError("--vorige hoort bij --data: de vorige versie van die levering")
    if previous is not None and warehouse is not None:
        raise UserError("--vorige en --warehouse samen kan niet: het warehouse bevat de vorige versies al")
    out = out or Path("out") / "review"
    validation: dict[str, int] | None = None
    written: list[str] = []
    with tempfile.TemporaryDirectory(prefix="jaarcijfers-review-") as tmp:
        os.chmod(tmp, 0o700)
        target = _private_folder(out)
        if data is None:
            assert warehouse is not None
            source = Path(warehouse)
        else:
            source, validation, written = _load_into_temporary(
                Path(data), warehouse, previous, Path(tmp), target
            )
        review = review_warehouse(source, year, validation)
    from jaarcijfers.review.report import write_feedback, write_report

    written = [write_report(review, target), *write_feedback(review, target, written)]
    return review, target, written


def _private_folder(out: Path) -> Path:
    try:
        out.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(out, 0o700)
    except OSError as exc:
        raise UserError(f"kan uitvoermap {out} niet maken: {describe_os_error(exc)}") from None
    return out


def _load_into_temporary(
    data: Path, warehouse: Path | None, previous: Path | None, tmp: Path, out: Path
) -> tuple[Path, dict[str, int], list[str]]:
    """Load the delivery (and `previous`) into a private temporary warehouse; the per-organisation
    validation files are written while the validation is at hand. Returns the warehouse, the number of
    problems per source and the validation files written."""
    from jaarcijfers.warehouse.load import load_delivery

    temporary = tmp / "review.duckdb"
    if warehouse is not None:
        if not Path(warehouse).is_file():
            raise UserError(f"het warehouse {warehouse} bestaat niet")
        shutil.copyfile(warehouse, temporary)
        os.chmod(temporary, 0o600)
        wal = Path(f"{warehouse}.wal")  # changes not yet checkpointed into the file
        if wal.is_file():
            shutil.copyfile(wal, f"{temporary}.wal")
    if previous is not None:
        earlier = load_delivery(previous, temporary)
        if not earlier.loaded:
            raise UserError(f"de vorige levering {previous} kan niet worden geladen: {earlier.reason}")
    counts: dict[str, int] = {}
    written: list[str] = []

    def feedback(report: ValidationReport) -> None:
        from jaarcijfers.contract.report_files import write_report

        for src in SOURCES:
            files = [s for s in report.files.values() if s.source == src]
            if not files:
                continue
            counts[src] = sum(s.errors + s.warnings for s in files)
            if counts[src] or _delivery_wide(report):
                name = f"terugkoppeling-{src}-validatie.csv"
                write_report(report, out / name, files=[f for f in FILES if FILES[f].source == src])
                written.append(name)

    result = load_delivery(data, temporary, tmp / "quarantaine", on_report=feedback)
    if not result.loaded:
        where = f"; de validatieproblemen per organisatie staan in {out}" if written else ""
        raise UserError(f"de levering in {data} kan niet worden beoordeeld: {result.reason}{where}")
    return temporary, counts, written


def _delivery_wide(report: ValidationReport) -> bool:
    """Problems of the delivery as a whole (levering.toml, the folder): every organisation hears of them."""
    return any(f is None or f not in FILES for _, f, _ in report.count_rows())


def review_warehouse(path: Path, year: int | None = None, validation: dict[str, int] | None = None) -> Review:
    """The review of the current delivery versions in the warehouse at `path`."""
    from dataclasses import replace

    import duckdb

    from jaarcijfers.figures.engine import default_year
    from jaarcijfers.review.checks import loads, review_source
    from jaarcijfers.warehouse import database
    from jaarcijfers.warehouse.snapshot import open_loads

    if year is None:
        con, _ = open_loads(path)
        try:
            year = default_year(con)
        finally:
            con.close()
    con = duckdb.connect()
    try:
        with database.private_umask():
            database.attach(con, Path(path), read_only=True)
            try:
                sources = []
                for source, (current, before) in loads(con).items():
                    found = review_source(con, source, current, before, year)
                    if validation is not None:
                        found = replace(found, validation=validation.get(source))
                    sources.append(found)
            finally:
                database.detach(con)
    finally:
        con.close()
    order = {s: i for i, s in enumerate(SOURCES)}
    sources.sort(key=lambda s: order.get(s.source, len(order)))
    notes: tuple[str, ...] = ()
    if validation is None:
        notes = (
            "De leveringen zijn bij het laden gevalideerd; hun validatieproblemen staan in het laadverslag.",
        )
    return Review(year, tuple(sources), notes)
