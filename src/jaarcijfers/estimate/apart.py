"""The build's estimate of the hidden number in a process of its own.

`build` computes the estimate (the approaches without resampling: `approaches.report_from_table`)
beside the rules, figures, facts and disclosure control. In a thread of the same process its model
searches (Python) and the build's own Python work take turns on Python's lock; in a process of its own
they run on two cores at once. The process is started before the delivery is validated, so that it
imports numpy and the estimate's modules while DuckDB reads the files; it then waits for the table of
capture histories (`submit`), computes and writes the result back (`result`).

Nothing about the result depends on where it was computed: the table goes to the process as the plain
numbers it is (JSON: lists and counts), the same code computes from it, and when the process cannot be
started or fails (it printed nothing usable, it died) the estimate is computed here instead, from the same
table. The process reads from and writes to pipes only (no file holds the table); its own error output
is discarded so that a failing process never shows the user a traceback. It is started with `-P` (no
folder of the current directory on its module path) and the module path of this package first, so that
it runs exactly this code.

Protocol: the parent writes one JSON object `{"lists": [...], "counts": [...], "notes": [...], "year":
N, "level": x}` to the process's input and closes it; the process writes the pickled
`ReportEstimate` (or the `UserError` message as `("fout", text)`) to its output. An empty input means
the estimate is not needed: the process ends without output.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jaarcijfers.errors import UserError

if TYPE_CHECKING:
    from jaarcijfers.estimate.histories import CaptureTable
    from jaarcijfers.estimate.result import ReportEstimate

#: What the process imports while it waits for its table (the estimate's modules import numpy only where
#: they use it, so it is named here).
_WARM = (
    "numpy",
    "numpy.linalg",
    "jaarcijfers.estimate.approaches",
    "jaarcijfers.estimate.bma",
    "jaarcijfers.estimate.graphs",
    "jaarcijfers.estimate.intervals",
    "jaarcijfers.estimate.checks",
    "jaarcijfers.estimate.linalg",
    "jaarcijfers.estimate.loglinear",
    "jaarcijfers.estimate.numerics",
    "jaarcijfers.estimate.run",
    "jaarcijfers.estimate.selection",
)


def _warm() -> None:
    """Imports, and the decomposable graphs on the usual number of lists (one per reporter of the
    contract): what the estimate needs before it can start, done while the table is not there yet."""
    import importlib

    for module in _WARM:
        importlib.import_module(module)
    from jaarcijfers.estimate.delivery import REPORTERS
    from jaarcijfers.estimate.graphs import MAX_ENUMERATED_LISTS, incidences

    incidences(min(len(REPORTERS), MAX_ENUMERATED_LISTS))


class Apart:
    """One estimate in a process of its own: `Apart.start()`, then `submit` once, then `result`; `close`
    (or leaving the `with` block) ends a process that got no table."""

    def __init__(self, process: subprocess.Popen[bytes] | None):
        self._process = process
        self._job: tuple[CaptureTable, tuple[str, ...], int, float] | None = None

    @classmethod
    def start(cls) -> Apart:
        """Starts the process (no process, and the estimate computed here, when the system refuses one)."""
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        if not sys.executable:  # an embedding interpreter without a program to start
            return cls(None)
        try:
            process = subprocess.Popen(
                _command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
            )
        except OSError:
            process = None
        return cls(process)

    def __enter__(self) -> Apart:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def submit(self, table: CaptureTable, notes: tuple[str, ...], year: int, level: float) -> None:
        """Hands the table to the process (at most once)."""
        assert self._job is None, "one estimate per process"
        self._job = (table, notes, year, level)
        if self._process is None or self._process.stdin is None:
            return
        message = {"lists": table.lists, "counts": table.counts, "notes": notes, "year": year, "level": level}
        try:
            self._process.stdin.write(json.dumps(message).encode())
            self._process.stdin.close()
        except OSError:  # the process died: computed here in `result`
            self._end()

    def result(self) -> ReportEstimate:
        """The estimate for the submitted table; a `UserError` when none is possible (as computed here)."""
        assert self._job is not None, "submit a table first"
        answer = self._answer()
        if answer is None:
            table, notes, year, level = self._job
            return _compute(table, notes, year, level)
        if isinstance(answer, tuple) and answer[:1] == ("fout",):
            raise UserError(str(answer[1]))
        return answer

    def close(self) -> None:
        """Ends the process if it is still running (nothing submitted, or the result not asked for)."""
        self._end()

    def _answer(self):
        process, self._process = self._process, None
        if process is None:
            return None
        try:
            assert process.stdout is not None
            with process.stdout:
                output = process.stdout.read()
            process.wait()
        except OSError:
            process.kill()
            process.wait()
            return None
        if process.returncode != 0 or not output:
            return None
        try:
            return pickle.loads(output)  # noqa: S301 - written by this module's own process
        except Exception:  # a truncated or foreign output: computed here instead
            return None

    def _end(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        try:
            if process.stdin is not None and not process.stdin.closed:
                process.stdin.close()  # an empty input: the process ends without output
        except OSError:
            pass
        if process.poll() is None:
            process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _command() -> list[str]:
    """The process's command line: this interpreter, without the current folder on its module path."""
    return [sys.executable, "-P", "-m", __name__]


def _compute(table: CaptureTable, notes: tuple[str, ...], year: int, level: float) -> ReportEstimate:
    from jaarcijfers.estimate.approaches import report_from_table

    return report_from_table(table, notes, year, level=level, resample=False)


def _serve() -> int:
    """The process's side: import, wait for the table, compute, answer."""
    _warm()
    raw = sys.stdin.buffer.read()
    if not raw:
        return 0
    from jaarcijfers.estimate.histories import CaptureTable

    message = json.loads(raw)
    table = CaptureTable(tuple(message["lists"]), tuple(message["counts"]))
    try:
        answer: object = _compute(
            table, tuple(message["notes"]), int(message["year"]), float(message["level"])
        )
    except UserError as exc:
        answer = ("fout", exc.message)
    sys.stdout.buffer.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_serve())
