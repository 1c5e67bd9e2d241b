"""The numbers the analysts typed, checked against the edition (docs/editorial.md, "Numbers").

Every number in the reflection, a box or a footnote must be published by the edition (a cell, a fact, a
label, the estimate) or be declared under `[[extern]]` with its source; quotes (`[[citaat]]`) carry their
own source. Years and references to figures, tables and chapters are not data. A number that is neither
stops the build with a message naming the file, the number and what to do.
"""

from __future__ import annotations

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
