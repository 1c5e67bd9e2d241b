"""Checks on rendered text, shared by every renderer's tests (HTML site, press summary, PDF).

`numbers_not_in_edition(text, edition)` lists the numbers in a text that the edition does not publish
(the rule lives in `story.numbers`, which the checks of the analysts' text use too); `html_text` is the
text a reader sees in an HTML page.
"""

from __future__ import annotations

import html
import re

from jaarcijfers.story.numbers import edition_numbers, normalise, numbers_in, numbers_not_in_edition

__all__ = ["edition_numbers", "html_text", "normalise", "numbers_in", "numbers_not_in_edition"]

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
