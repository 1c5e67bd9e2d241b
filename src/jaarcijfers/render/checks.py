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

from jaarcijfers import dutch
from jaarcijfers.edition.model import Edition
from jaarcijfers.story.numbers import edition_numbers, normalise, numbers_in, numbers_not_in


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


def numbers_not_in_edition(text: str, edition: Edition) -> list[str]:
    """The numbers in `text` (in order, each once) that appear nowhere in the edition; the publication's
    own date, contact and licence are not data."""
    for own in publication_texts(edition):
        if own:
            text = text.replace(own, " ")
    return numbers_not_in(text, edition_numbers(edition))


__all__ = [
    "edition_numbers",
    "html_text",
    "normalise",
    "numbers_in",
    "numbers_not_in_edition",
    "publication_texts",
]

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
