"""The copy into the warehouse, started while the checks still run (an optimisation of `load`, nothing else).

Once every file of a delivery is read and staged (`check_delivery`'s `after_reads`), its rows cannot
change any more, and the checks that remain (the rules of the later files, the references between
files) only decide *whether* the rows are loaded. So `load` copies them straight away, in a thread of
its own and on a cursor of the staging database of its own: it attaches the warehouse and runs the first
half of the load's transaction (`copy.begin_copy`: tables, the changed sources' rows, typed) beside the
checks, on the core the checks leave idle. The transaction stays open until the checks are done:

- a delivery without any rejected row: the load finishes on that transaction (`copy.finish_copy`:
  `loads`, `provenance`, `current_load`, rows in = loaded + rejected, commit);
- an error found by the checks before the copy starts, or while it runs (`Staged.errors`, asked before
  each file): the copy does not start, or stops, since the delivery will not load as a whole; that keeps
  a delivery with rejected rows under `--quarantine` as fast as before the early copy (the copy after
  the checks is needed anyway), and the small files are copied first, so that an error found late
  rarely costs a large copy;
- anything else (an invalid delivery, rejected rows with `--quarantine`, a failure of the early copy:
  a lock, a full disk, a file that is no warehouse): the transaction is rolled back, the warehouse
  detached, a file it created removed, and `load` goes its ordinary way (which reports a failure
  itself). So the outcome is the same as without it, row for row in the warehouse's tables
  (`tests/warehouse/test_early.py`). A warehouse file the copy created is removed again, with the
  folders it made. One trace can stay: DuckDB writes a large copy's blocks into the file before the
  commit, and after a rollback the file keeps its larger size (those blocks belong to no table, and the
  file is owner-only like every warehouse) until the next load that changes the warehouse, whose
  checkpoint truncates it.

Why a second cursor: a DuckDB transaction may write to one attached database only (the checks write
their problems into `memory`), and sees `memory` as it was when it began, which is why it begins only
after the last file is staged (docs/validation.md, "The copy into the warehouse beside the checks").
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from jaarcijfers.contract.schema import FILES

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

    from jaarcijfers.contract.validate import Staged
    from jaarcijfers.warehouse.copy import Begun


@dataclass
class EarlyCopy:
    """`start` is `check_delivery`'s `after_reads`; `take()` waits for the copy and hands over the open
    transaction (or None); `abandon()` rolls back whatever is left. Call them under `private_umask()`."""

    path: Path
    _thread: threading.Thread | None = None
    _cursor: duckdb.DuckDBPyConnection | None = None
    _begun: Begun | None = None
    _attached: bool = False
    _created: bool = False
    _folders: tuple[Path, ...] = ()  # folders the attach created (deepest first)
    notes: list[str] = field(default_factory=list)

    def start(self, staged: Staged) -> None:
        """`check_delivery`'s `after_reads`: start copying in a thread (not when a file is unreadable or
        an error is known already: the delivery will not load as a whole; the copy stops between files
        when the checks find one later)."""
        self._cursor = cursor = staged.cursor
        reads = staged.reads
        if staged.errors.is_set() or not all(r.readable for r in reads.values()):
            return
        # the small files first: their copies run on one core, beside the checks still running on the
        # other; the large ones (copied on both cores) once the checks are done
        names = sorted((name for name in FILES if name in reads), key=lambda name: reads[name].rows)
        files = [(name, reads[name].sha256) for name in names]
        thread = threading.Thread(
            target=self._run, args=(cursor, files, staged.errors), name="jaarcijfers-copy"
        )
        try:
            thread.start()
        except RuntimeError:  # no thread to be had: the ordinary way
            return
        self._thread = thread

    def _run(
        self, cursor: duckdb.DuckDBPyConnection, files: list[tuple[str, str | None]], errors: threading.Event
    ) -> None:
        from jaarcijfers.warehouse import copy, database

        try:
            self._created = not self.path.exists()
            self._folders = tuple(p for p in self.path.parents if not p.exists())
            self.notes = database.attach(cursor, self.path)
            self._attached = True
            cursor.execute(f"USE {database.ALIAS}")
            self._begun = copy.begin_copy(cursor, files, {}, marker=True, stop=errors.is_set)
        except Exception:  # noqa: BLE001 - the ordinary way reports it (or the delivery's problems)
            self._begun = None

    def take(self) -> tuple[duckdb.DuckDBPyConnection, Begun] | None:
        """Wait for the copy; the cursor with its open transaction, or None (nothing to take)."""
        if self._thread is not None:
            self._thread.join()
        if self._begun is None or self._cursor is None:
            return None
        return self._cursor, self._begun

    def done(self) -> None:
        """After `copy.finish_copy` committed on the taken cursor: detach and close."""
        from jaarcijfers.warehouse import database

        cursor, self._cursor, self._begun = self._cursor, None, None
        if cursor is not None:
            try:
                if self._attached:
                    database.detach(cursor)
            finally:
                cursor.close()

    def abandon(self) -> None:
        """Roll back what was copied, detach, remove a warehouse file the copy created; idempotent."""
        import duckdb

        from jaarcijfers.warehouse import database

        if self._thread is not None:
            self._thread.join()
        cursor, self._cursor = self._cursor, None
        if cursor is None:
            return
        try:
            if self._begun is not None:
                try:
                    cursor.execute("ROLLBACK")
                except duckdb.Error:
                    pass
            if self._attached:
                try:
                    database.detach(cursor)
                except Exception:  # noqa: BLE001 - nothing was committed; the ordinary way reports
                    pass
                if self._created:
                    for leftover in (self.path, Path(f"{self.path}.wal")):
                        leftover.unlink(missing_ok=True)
                    for folder in self._folders:
                        try:
                            folder.rmdir()
                        except OSError:
                            break
        finally:
            self._begun = None
            self._attached = False
            cursor.close()
