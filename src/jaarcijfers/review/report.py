"""The review's files: `plausibiliteit.html` for the analysts and `terugkoppeling-<bron>.html` per
organisation (Dutch). Every value from a delivery (categories, file names) is escaped: control and
invisible characters as `<U+XXXX>` (`contract.text.escape_text`), then HTML. Files are created
owner-only (0600): they quote counts of confidential microdata.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from pathlib import Path

from jaarcijfers import dutch
from jaarcijfers.contract.text import escape_text
from jaarcijfers.errors import UserError, describe_os_error
from jaarcijfers.review import checks
from jaarcijfers.review.model import Question, Review, SourceReview

STYLE = (
    "body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:.5em 0 1.5em}"
    "td,th{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}"
    "td.getal{text-align:right}caption{text-align:left;font-weight:bold}.geen{color:#555}"
)


def e(value: object) -> str:
    return html.escape(escape_text("" if value is None else str(value)))


def n(value: int | None) -> str:
    return "" if value is None else dutch.count(str(value))


def _page(title: str, body: Iterable[str]) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>{e(title)}</title>'
        f"<style>{STYLE}</style></head><body>\n<h1>{e(title)}</h1>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _write(path: Path, text: str) -> None:
    try:
        if path.is_symlink():
            path.unlink()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with open(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise UserError(f"{path} kan niet worden geschreven: {describe_os_error(exc)}") from None


METHOD = (
    f"Per bron wordt het verslagjaar vergeleken met het jaar ervoor. Een verandering van een aantal geldt als "
    f"meer dan toeval bij de voorwaardelijke Poissontoets (p &lt; {checks.ALPHA:g}) en als zij minstens "
    f"{round(100 * checks.MIN_CHANGE)}% van het eerdere aantal is; een aandeel onbekend als het volgens de exacte "
    f"toets van Fisher meer dan toeval is gestegen (p &lt; {checks.ALPHA:g}) en met minstens "
    f"{round(100 * checks.MIN_SHARE_RISE)} procentpunt. Tussen twee versies van een levering worden de records "
    "per jaar vergeleken op hun sleutel. Zie docs/editions.md."
)


def _questions(questions: Iterable[Question]) -> list[str]:
    found = list(questions)
    if not found:
        return ['<p class="geen">Geen vragen.</p>']
    return ["<ol>", *(f"<li><strong>{e(q.kind)}</strong>: {e(q.text)}</li>" for q in found), "</ol>"]


def _changes(source: SourceReview) -> list[str]:
    if source.previous_load is None:
        return [
            '<p class="geen">Er is geen eerdere versie van deze levering om mee te vergelijken (of de levering is '
            "gelijk aan de vorige).</p>"
        ]
    head = f"Wijzigingen ten opzichte van de vorige levering (lading {source.previous_load} → {source.load})"
    if not source.changes:
        return [f"<p>{e(head)}: geen.</p>"]
    rows = "".join(
        f"<tr><td>{e(c.file)}</td><td>{e(c.year if c.year is not None else 'onbekend')}</td>"
        f'<td class="getal">{n(c.rows_before)}</td><td class="getal">{n(c.rows_after)}</td>'
        f'<td class="getal">{n(c.added)}</td><td class="getal">{n(c.removed)}</td>'
        f'<td class="getal">{n(c.changed)}</td></tr>'
        for c in source.changes
    )
    return [
        f"<table><caption>{e(head)}</caption><tr><th>bestand</th><th>jaar</th><th>rijen vorige versie</th>"
        "<th>rijen deze versie</th><th>erbij</th><th>eraf</th><th>gewijzigd</th></tr>" + rows + "</table>"
    ]


def _counts(source: SourceReview, years: list[int]) -> list[str]:
    table: dict[str, dict[int, int]] = {}
    for file, year, rows in source.counts:
        table.setdefault(file, {})[year] = rows
    if not table:
        return []
    head = "".join(f"<th>{y}</th>" for y in years)
    body = "".join(
        f"<tr><td>{e(file)}</td>"
        + "".join(f'<td class="getal">{n(by.get(y, 0))}</td>' for y in years)
        + "</tr>"
        for file, by in table.items()
    )
    return [f"<table><caption>Rijen per jaar</caption><tr><th>bestand</th>{head}</tr>{body}</table>"]


def _validation(source: SourceReview) -> str:
    if source.validation is None:
        extra = f" Bij het laden zijn {n(source.rejected)} rijen afgekeurd." if source.rejected else ""
        return f"<p>Validatie: bij het laden gedaan.{e(extra)}</p>"
    if source.validation == 0:
        return "<p>Validatie: geen problemen gevonden.</p>"
    name = f"terugkoppeling-{source.source}-validatie.csv"
    return (
        f'<p>Validatie: {n(source.validation)} problemen; de volledige lijst staat in <a href="{e(name)}">'
        f"{e(name)}</a>.</p>"
    )


def write_report(review: Review, out: Path) -> str:
    """`plausibiliteit.html`: every source's questions, counts and version changes."""
    years = list(range(review.year - 4, review.year + 1))
    body = [
        f"<p>Plausibiliteitstoets van de leveringen voor de editie {review.year}, voor de analisten. "
        f"{len(review.questions)} vragen in totaal.</p>",
        f"<p>{METHOD}</p>",
        *(f"<p>{e(note)}</p>" for note in review.notes),
    ]
    for source in review.sources:
        body += [
            f"<h2>{e(source.name)} (lading {e(source.load)})</h2>",
            _validation(source),
            "<h3>Vragen</h3>",
            *_questions(source.questions),
            "<h3>Aantallen</h3>",
            *_counts(source, years),
            "<h3>Versies</h3>",
            *_changes(source),
        ]
    _write(out / "plausibiliteit.html", _page(f"Plausibiliteitstoets jaarcijfers {review.year}", body))
    return "plausibiliteit.html"


def write_feedback(review: Review, out: Path, validation_files: list[str]) -> list[str]:
    """Per organisation `terugkoppeling-<bron>.html`; returns the names written (and the validation files)."""
    written = []
    for source in review.sources:
        name = f"terugkoppeling-{source.source}.html"
        body = [
            f"<p>Aan: {e(source.name)}. Bij het voorbereiden van de Jaarcijfers Mensenhandel {review.year} hebben "
            "wij uw levering gecontroleerd. Hieronder staan de vragen die dat opleverde. Wilt u ze beantwoorden, "
            "of een gecorrigeerde levering sturen?</p>",
            _validation(source),
            "<h2>Vragen over de aantallen</h2>",
            *_questions(source.questions),
            "<h2>Wat is veranderd ten opzichte van uw vorige levering</h2>",
            *_changes(source),
            f"<p>{METHOD}</p>",
        ]
        _write(out / name, _page(f"Terugkoppeling op de levering van {source.name}", body))
        written.append(name)
    return written + [v for v in validation_files if v not in written]
