"""Every word the publication needs in another language, from the code (docs/language.md): the figure
catalogue's, the sections' and the policies' words under their keys (`edition.translate.catalogue_words`)
and every fixed text of the renderers, the edition's translation and the audit's note: `_("...")` in
Python and in the Jinja templates (extracted with Babel's and Jinja's extractors; no network).

`scripts/messages.py` updates the catalogues from it; `tests/test_language.py` checks every entry has a
translation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).parent
SOURCES = (
    "render/*.py",
    "edition/audit.py",
    "edition/translate.py",
    "editorial/settings.py",
    "render/templates/*.j2",
)


def source_messages() -> list[tuple[str, str, str]]:
    """(context, Dutch msgid, where) of every word to translate, sorted, each once."""
    from jaarcijfers.edition.translate import catalogue_words

    found: dict[tuple[str, str], str] = {}
    for key, text in catalogue_words():
        found.setdefault((key, text), "catalogue")
    for ctx, msgid, where in _extracted():
        found.setdefault((ctx, msgid), where)
    for msgid in _constants():
        found.setdefault(("", msgid), "render/pdf.py")
    from jaarcijfers.story.en import phrase_words
    from jaarcijfers.story.nl import EXPLANATIONS

    for key, text in phrase_words():
        found.setdefault((key, text), "figures/catalogue.py")

    from jaarcijfers.story.en_estimate import words as estimate_words

    for key, text in estimate_words():
        found.setdefault((key, text), "estimate/result.py")
    from jaarcijfers.story.en_story import words as story_words

    for key, text in story_words():
        found.setdefault((key, text), "story/chain.py")
    for text in EXPLANATIONS.values():
        found.setdefault(("explanation", text), "story/nl.py")
    return sorted((ctx, msgid, where) for (ctx, msgid), where in found.items())


def _extracted() -> list[tuple[str, str, str]]:
    from babel.messages.extract import extract_python
    from jinja2.ext import babel_extract

    keywords: Any = {"_": None, "N_": None, "gettext": None}
    out = []
    for pattern in SOURCES:
        for path in sorted(PACKAGE.glob(pattern)):
            extract = babel_extract if path.suffix == ".j2" else extract_python
            options: Any = {"trim_blocks": "true", "lstrip_blocks": "true"} if path.suffix == ".j2" else {}
            with path.open("rb") as f:
                for _lineno, _func, found, _comments in extract(f, keywords, [], options):
                    message = found[0] if isinstance(found, tuple) else found  # _("...", name=value)
                    if isinstance(message, str) and message:
                        out.append(("", message, str(path.relative_to(PACKAGE))))
    return out


def _constants() -> list[str]:
    """Text kept in tables of constants that a renderer translates where it uses it (not `N_`-marked)."""
    from jaarcijfers.edition.model import NO_DATA
    from jaarcijfers.render.pdf import SOURCE_SHORT, SOURCE_TEXT, SOURCE_TITLES

    out = [NO_DATA, *SOURCE_TITLES.values(), *SOURCE_SHORT.values()]
    for paragraphs, items in SOURCE_TEXT.values():
        out += [*paragraphs, *items]
    return out
