"""A progress bar on the terminal (stderr) for long validations and loads; silent elsewhere.

Work reports `step(text, done, total)` (bytes of the delivery read so far, of the total); this module
turns that into a rich progress bar when stderr is a terminal, and into nothing otherwise (pipes, CI,
tests), so output stays the same wherever it is captured.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

Step = Callable[[str, int, int], None]


def _silent(text: str, done: int, total: int) -> None:
    return None


@contextmanager
def terminal_progress(title: str) -> Iterator[Step]:
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield _silent
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=console, transient=True
    ) as bar:
        task = bar.add_task(title, total=1)

        def step(text: str, done: int, total: int) -> None:
            bar.update(task, description=f"{title}: {text}", completed=done, total=max(total, 1))

        yield step
