"""Characters a delivered value may not hide, and how every echoed value is made visible.

One list of code points, used three ways: the validator's SQL rules (RE2 classes, `E210`/`E211`), the
cleaning of values (which white space is stripped at both ends), and `escape_text`, which every printer
(terminal, CSV, JSON, HTML reports, quarantine files, messages) applies before a delivered value is
shown: a control character, an ANSI/OSC escape sequence, a bidirectional override or a zero-width
character is written as `<U+XXXX>`, never passed through raw.
"""

from __future__ import annotations

import re

#: C0 and C1 control characters (NUL, ESC, BEL, DEL, CSI …).
CONTROL_RANGES: tuple[tuple[int, int], ...] = ((0x00, 0x1F), (0x7F, 0x9F))

#: Characters that show nothing, or change the direction of the text around them: format characters
#: (zero-width space/joiners, bidi marks, embeddings, overrides and isolates, byte order mark, soft
#: hyphen, word joiner, invisible operators, tags), line and paragraph separators, fillers and
#: variation selectors.
INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF9, 0xFFFB),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE007F),
    (0xE0100, 0xE01EF),
)

#: Control characters a free-text column (`wetsartikel`) may hold inside its value.
TEXT_CONTROLS_ALLOWED = "\t\n\r"

#: White space stripped from both ends of every value: ASCII space, tab, line breaks, and the Unicode
#: spaces. Unlike Python's `str.strip()`, the separators U+001C–U+001F, U+0085, U+2028 and U+2029 are
#: NOT stripped: they are control characters or invisible, and reported (`E210`, `E211`).
STRIPPED = (
    " \t\n\r\x0b\x0c\u00a0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u202f\u205f\u3000"
)


def _python_class(ranges: tuple[tuple[int, int], ...], exclude: str = "") -> str:
    parts = []
    for lo, hi in ranges:
        parts.append(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
    cls = "[" + "".join(parts) + "]"
    if exclude:
        return f"(?![{re.escape(exclude)}]){cls}"
    return cls


def _re2_class(ranges: tuple[tuple[int, int], ...], exclude: str = "") -> str:
    excluded = {ord(c) for c in exclude}
    parts = []
    for lo, hi in ranges:
        start = lo
        for c in range(lo, hi + 2):
            if c > hi or c in excluded:
                if start <= c - 1:
                    end = c - 1
                    parts.append(f"\\x{{{start:x}}}" if start == end else f"\\x{{{start:x}}}-\\x{{{end:x}}}")
                start = c + 1
    return "[" + "".join(parts) + "]"


UNSAFE = re.compile(_python_class(CONTROL_RANGES + INVISIBLE_RANGES))

#: RE2 classes (DuckDB `regexp_*`) for the validator's rules.
RE2_CONTROL = _re2_class(CONTROL_RANGES)
RE2_CONTROL_IN_TEXT = _re2_class(CONTROL_RANGES, exclude=TEXT_CONTROLS_ALLOWED)
RE2_INVISIBLE = _re2_class(INVISIBLE_RANGES)
RE2_UNSAFE = _re2_class(CONTROL_RANGES + INVISIBLE_RANGES)


def code_point(char: str) -> str:
    """`U+200B` for a character."""
    return f"U+{ord(char):04X}"


def escape_text(text: str) -> str:
    """`text` with every control and invisible character written as `<U+XXXX>` (idempotent)."""
    if not UNSAFE.search(text):
        return text
    return UNSAFE.sub(lambda m: f"<{code_point(m.group())}>", text)


def escape_optional(text: str | None) -> str | None:
    return None if text is None else escape_text(text)


#: Cells a spreadsheet would run as a formula when the CSV is opened (CSV injection).
FORMULA_START = ("=", "+", "-", "@")


def spreadsheet_safe(text: str) -> str:
    """An escaped value for a CSV meant to be opened in a spreadsheet: a value that would start a
    formula gets a leading apostrophe (the usual guard), except a plain negative number."""
    text = escape_text(text)
    if text.startswith(FORMULA_START) and not re.fullmatch(r"-[0-9]+([.,][0-9]+)?", text):
        return "'" + text
    return text
