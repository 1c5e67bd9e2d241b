"""How fact ids are made from labels (one rule for every generated id)."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    """A label as an id part: ASCII, lower case, runs of other characters as one underscore."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_")
