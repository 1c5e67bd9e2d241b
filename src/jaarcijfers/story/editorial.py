"""The numbers the analysts typed, checked against the edition (docs/editorial.md, "Numbers").

Every number in the reflection, a box or a footnote must be published by the edition (a cell, a fact, a
label, the estimate) or be declared under `[[extern]]` with its source; quotes (`[[citaat]]`) carry their
own source. Years and references to figures, tables and chapters are not data. A number that is neither
stops the build with a message naming the file, the number and what to do.
"""

from __future__ import annotations

import re

from jaarcijfers.edition.model import Edition
from jaarcijfers.errors import UserError
from jaarcijfers.story.numbers import edition_numbers, numbers_in, numbers_not_in


def editorial_problems(edition: Edition) -> list[str]:
    """Every number of the analysts' text that the edition does not publish and no source covers."""
    ed = edition.editorial
    known = edition_numbers(edition, analysts=False)
    for x in ed.externals:
        known.update(numbers_in(x.text))
    texts: list[tuple[str, str]] = []
    if edition.reflection_markdown:
        texts.append((ed.reflection_file or "reflectie", edition.reflection_markdown))
    texts += [(b.file, b.title + "\n" + b.markdown) for b in ed.boxes]
    texts += [(f"voetnoot bij {f.section}", f.text) for f in ed.footnotes]
    problems = []
    for where, text in texts:
        for n, line in enumerate(text.splitlines(), start=1):
            for token in numbers_not_in(line, known):
                problems.append(
                    f"{where}, regel {n}: het getal {token} staat in geen figuur of feit van deze editie"
                )
    return problems + translation_problems(edition, known)


_GROUPED = re.compile(r"\d+(?:[.,]\d+)+")
# "Figure 12", "Tables 2 and 3", "chapter 4" — references, not data (the Dutch ones: numbers.REFERENCE)
_REFERENCE = re.compile(
    r"\b(?:[Ff]igures?|[Tt]ables?|[Cc]hapters?|[Nn]otes?|[Ss]ections?)\s*\d+(?:\s*(?:,|and|to|-|–)\s*\d+)*"
)


def dutch_notation(text: str) -> str:
    """English number notation as Dutch ('1,013' -> '1.013', '0.5' -> '0,5'), for the Dutch tokens."""
    return _GROUPED.sub(lambda m: m.group().translate(str.maketrans(",.", ".,")), text)


def translation_problems(edition: Edition, known: set[str]) -> list[str]:
    """The numbers of the analysts' text in another language (`en/`, in English notation) that the
    edition does not publish and that no `[[extern]]` of either language covers; `known`: what the
    edition publishes and the Dutch externals cover."""
    problems = []
    for t in edition.editorial.translations:
        mine = set(known)
        for x in t.externals:
            mine.update(numbers_in(dutch_notation(x.text)))
        texts: list[tuple[str, str]] = []
        if t.reflection:
            texts.append((t.reflection_file or "reflectie", t.reflection))
        texts += [(b.file, b.title + "\n" + b.markdown) for b in t.boxes]
        texts += [(f"voetnoot ({t.language}) bij {f.section}", f.text) for f in t.footnotes]
        for where, text in texts:
            for n, line in enumerate(text.splitlines(), start=1):
                for token in numbers_not_in(dutch_notation(_REFERENCE.sub(" ", line)), mine):
                    problems.append(
                        f"{where}, regel {n}: het getal {token} staat in geen figuur of feit van deze editie"
                    )
    return problems


def check_editorial(edition: Edition) -> None:
    problems = editorial_problems(edition)
    if problems:
        raise UserError(
            "getallen in de tekst van de redactie die de editie niet publiceert:\n"
            + "\n".join(f"  - {p}" for p in problems)
            + "\nGebruik de gepubliceerde waarde, of zet een getal van buiten de levering met zijn bron "
            "onder [[extern]] in redactie.toml (docs/editorial.md)."
        )
