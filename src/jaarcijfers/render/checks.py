"""Checks on rendered text, shared by every renderer's tests (HTML site, press summary, PDF).

`numbers_not_in_edition(text, edition)` lists the numbers in a text that the edition does not publish:
every number a reader sees must be a published cell, a fact, a label or note of a figure, or a value of
the edition's provenance, symbols, disclosure note and reason, revisions, reflection or estimate. Years
(2000-2100), the numbers of chapters, figures and tables, and the publication's own date, contact and
licence (written out as in the colophon) are not data and are ignored.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from jaarcijfers import dutch
from jaarcijfers.edition.model import Edition

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
# "Figuur 12", "Tabel 1", "Figuren 2 en 3", "hoofdstuk 4", "§ 2" — references, not data
_REFERENCE = re.compile(
    r"\b(?:Figuur|Figuren|figuur|figuren|Tabel|Tabellen|tabel|tabellen|Hoofdstuk|hoofdstuk|Noot|noot|§)\s*"
    r"\d+(?:\s*(?:,|en|t/m|-|–)\s*\d+)*"
)
# a chapter number opening a line: "1 Slachtoffers", "3. Reflectie"
_CHAPTER = re.compile(r"(?m)^\s*\d{1,2}\.?\s+(?=[A-ZÀ-Ý])")


def normalise(token: str) -> str:
    """'1.013' -> '1013' (Dutch thousands); '0,5' -> '0.5'; any other token unchanged."""
    if _THOUSANDS.fullmatch(token):
        return token.replace(".", "")
    return token.replace(",", ".")


def numbers_in(text: str) -> list[str]:
    return [normalise(t) for t in _NUMBER.findall(text)]


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int | float):
        yield str(value)
        if isinstance(value, float) and value.is_integer():
            yield str(int(value))
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from _strings(v)


def edition_numbers(edition: Edition) -> set[str]:
    """Every number token the edition publishes (normalised), in any of its texts."""
    texts: list[str] = [str(edition.year)] + [str(y) for y in edition.years]
    for fig in edition.figures:
        texts += [fig.name, fig.title, fig.source, fig.unit, fig.description, *fig.notes]
        for b in fig.blocks:
            texts += [b.stub, *b.rows, *b.columns]
            texts += [c.display for c in b.cells]
    texts += [f.value for f in edition.facts]
    texts += list(_strings([(s.text, s.meaning) for s in edition.disclosure.symbols]))
    texts += list(_strings(edition.disclosure.note))
    texts += list(_strings(edition.disclosure.reason))
    if edition.revisions is not None:  # the revisions table and its count (render/revisions.py)
        texts += list(_strings(asdict(edition.revisions))) + [str(len(edition.revisions.revisions))]
    texts += list(_strings(edition.provenance))
    texts += list(_strings(asdict(edition.estimate) if edition.estimate is not None else None))
    if edition.reflection_markdown:
        texts.append(edition.reflection_markdown)
    out: set[str] = set()
    for t in texts:
        out.update(numbers_in(t))
    return out


def publication_texts(edition: Edition) -> list[str]:
    """The publication's own data, not figures: its date, contact, licence and software (colophon)."""
    from jaarcijfers.render import publication

    return [
        dutch.date(edition.published_on),
        edition.published_on.isoformat(),
        *publication.CONTACT,
        publication.LICENCE.title,
        publication.LICENCE.path,
        publication.software(edition),
    ]


def _ignorable(token: str) -> bool:
    if token.isdigit() and 2000 <= int(token) <= 2100:
        return True
    return False


def numbers_not_in_edition(text: str, edition: Edition) -> list[str]:
    """The numbers in `text` (in order, each once) that appear nowhere in the edition."""
    known = edition_numbers(edition)
    for own in publication_texts(edition):  # the publication's date, contact and licence are not data
        if own:
            text = text.replace(own, " ")
    text = _REFERENCE.sub(" ", text)
    text = _CHAPTER.sub(" ", text)
    out: list[str] = []
    for token in numbers_in(text):
        if token in known or _ignorable(token) or token in out:
            continue
        # a decimal written with a comma or a point may also be a pair of numbers ("2,5" in a list)
        parts = re.split(r"[.,]", token)
        if len(parts) > 1 and all(p in known or _ignorable(p) for p in parts):
            continue
        out.append(token)
    return out


_BLOCK_TAGS = re.compile(
    r"<\s*/?\s*(?:p|div|h[1-6]|li|tr|td|th|caption|figcaption|figure|section|header|footer|nav|br|dt|dd|"
    r"table|thead|tbody|ul|ol|article|aside|main|blockquote)\b[^>]*>",
    re.IGNORECASE,
)


def html_text(document: str) -> str:
    """The text a reader sees in an HTML page: scripts, styles and chart graphics (SVG) left out.

    Block elements become line breaks, so chapter numbers open a line as in the page.
    """
    doc = re.sub(r"(?is)<(script|style|svg|template|head)\b.*?</\1\s*>", " ", document)
    doc = re.sub(r"(?s)<!--.*?-->", " ", doc)
    doc = _BLOCK_TAGS.sub("\n", doc)
    doc = re.sub(r"<[^>]+>", "", doc)
    doc = html.unescape(doc)
    return re.sub(r"[ \t\u00a0]+", " ", doc)
