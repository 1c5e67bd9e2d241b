"""Number tokens in text, and every number an edition publishes (for the checks of rendered text and of
the analysts' text).

`numbers_not_in_edition(text, edition)` lists the numbers in a text that the edition does not publish:
every number a reader sees must be a published cell, a fact, a label or note of a figure, or a value of
the edition's provenance, symbols, disclosure note and reason, revisions, reflection or estimate. Years (2000-2100) and the
numbers of chapters, figures and tables are not data and are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from jaarcijfers.edition.model import Edition

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
# "Figuur 12", "Tabel 1", "Figuren 2 en 3", "hoofdstuk 4", "§ 2" — references, not data
REFERENCE = re.compile(
    r"\b(?:Figuur|Figuren|figuur|figuren|Tabel|Tabellen|tabel|tabellen|Hoofdstuk|hoofdstuk|Noot|noot|§)\s*"
    r"\d+(?:\s*(?:,|en|t/m|-|–)\s*\d+)*"
)
# a chapter number opening a line: "1 Slachtoffers", "3. Reflectie"
CHAPTER = re.compile(r"(?m)^\s*\d{1,2}\.?\s+(?=[A-ZÀ-Ý])")


def normalise(token: str) -> str:
    """'1.013' -> '1013' (Dutch thousands); '0,5' -> '0.5'; any other token unchanged."""
    if _THOUSANDS.fullmatch(token):
        return token.replace(".", "")
    return token.replace(",", ".")


def numbers_in(text: str) -> list[str]:
    return [normalise(t) for t in _NUMBER.findall(text)]


def strings(value: Any) -> Iterable[str]:
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
            yield from strings(k)
            yield from strings(v)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from strings(v)
    elif hasattr(value, "__dataclass_fields__"):
        yield from strings(asdict(value))


def edition_numbers(edition: Edition, analysts: bool = True) -> set[str]:
    """Every number token the edition publishes (normalised), in any of its texts; `analysts` False
    leaves out the analysts' own text (to check that text against the data)."""
    texts: list[str] = [str(edition.year)] + [str(y) for y in edition.years]
    for fig in edition.figures:
        texts += [fig.name, fig.title, fig.source, fig.unit, fig.description, *fig.notes]
        for b in fig.blocks:
            texts += [b.stub, *b.rows, *b.columns]
            texts += [c.display for c in b.cells]
    texts += [f.value for f in edition.facts]
    texts += list(strings([(s.text, s.meaning) for s in edition.disclosure.symbols]))
    texts += list(strings(edition.disclosure.note))
    texts += list(strings(edition.disclosure.reason))
    if edition.revisions is not None:  # the revisions table and its count (render/revisions.py)
        texts += list(strings(asdict(edition.revisions))) + [str(len(edition.revisions.revisions))]
    texts += list(strings(asdict(edition.provenance)))
    texts += list(strings(asdict(edition.estimate) if edition.estimate is not None else None))
    ed = edition.editorial
    texts += list(strings(ed.settings.contact))
    texts += [q.text + " " + q.source for q in ed.quotes] + [x.text + " " + x.source for x in ed.externals]
    if analysts:
        if edition.reflection_markdown:
            texts.append(edition.reflection_markdown)
        texts += [b.markdown + " " + b.title for b in ed.boxes] + [f.text for f in ed.footnotes]
    out: set[str] = set()
    for t in texts:
        out.update(numbers_in(t))
    return out


def ignorable(token: str) -> bool:
    return token.isdigit() and 2000 <= int(token) <= 2100


def numbers_not_in(text: str, known: set[str]) -> list[str]:
    """The numbers in `text` (in order, each once) that are not in `known` (nor years or references)."""
    text = REFERENCE.sub(" ", text)
    text = CHAPTER.sub(" ", text)
    out: list[str] = []
    for token in numbers_in(text):
        if token in known or ignorable(token) or token in out:
            continue
        # a decimal written with a comma or a point may also be a pair of numbers ("2,5" in a list)
        parts = re.split(r"[.,]", token)
        if len(parts) > 1 and all(p in known or ignorable(p) for p in parts):
            continue
        out.append(token)
    return out


def numbers_not_in_edition(text: str, edition: Edition) -> list[str]:
    """The numbers in `text` (in order, each once) that appear nowhere in the edition."""
    return numbers_not_in(text, edition_numbers(edition))
