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


@dataclass(frozen=True)
class Output:
    what: str  # Dutch, for the progress line of `build`: "werkboek"
    write: Callable[[Edition, Path], list[str]]  # writes into the folder; returns the names written
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


def render_all(edition: Edition, out: Path, step: Callable[[str], None] = lambda text: None) -> list[str]:
    """Write every output of the publication into `out`; returns the file names written. `step(text)` is
    told which output is being made (for progress on the terminal)."""
    written = []
    for output in outputs():
        step(f"{output.what} maken")
        written += output.write(edition, out)
    return written
