"""Renderers: each turns a published `Edition` into one output. A renderer never queries the warehouse.

An output format is one module of this package that declares `OUTPUT = Output(...)`: `outputs()` finds
every such module, so adding a format touches that module only (docs/architecture.md). The other modules
(charts, colour, publication, narrative, markdown, checks) are shared by the renderers and declare no
output.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jaarcijfers.edition.model import Edition
from jaarcijfers.language import NL, Language

Write = Callable[[Edition, Path, Language, tuple[Language, ...]], list[str]]
"""Writes an edition in a language into a folder (the other languages it is published in, for links);
returns the names written."""


@dataclass(frozen=True)
class Output:
    what: str  # Dutch, for the progress line of `build`: "werkboek"
    write: Write
    order: int  # position in the build (the list of files printed follows it)


def outputs() -> list[Output]:
    """Every output format of the package, in build order."""
    import pkgutil
    from importlib import import_module

    found = []
    for info in pkgutil.iter_modules(__path__):
        module = import_module(f"{__name__}.{info.name}")
        output = getattr(module, "OUTPUT", None)
        if isinstance(output, Output):
            found.append(output)
    return sorted(found, key=lambda o: o.order)


def render_all(
    edition: Edition,
    out: Path,
    step: Callable[[str], None] = lambda text: None,
    languages: tuple[Language, ...] = (NL,),
) -> list[str]:
    """Write every output of the publication into `out`, in each language (docs/language.md: the Dutch
    edition in `out`, another language in `out/<code>/`, a translation of the same `Edition`); returns the
    file names written (relative to `out`). `step(text)` is told which output is being made (for progress
    on the terminal)."""
    from jaarcijfers.edition.translate import translate
    from jaarcijfers.render.publication import folder

    written = []
    for lang in languages:
        others = tuple(o for o in languages if o != lang)
        shown = translate(edition, lang)
        where = folder(lang)
        for output in outputs():
            step(f"{output.what} maken" + (f" ({lang.code.value})" if not lang.source else ""))
            names = output.write(shown, out / where if where else out, lang, others)
            written += [f"{where}/{n}" if where else n for n in names]
    return written
