"""The `jaarcijfers` command line.

Each command lives in its own module under `jaarcijfers.commands`; this file only registers them.
Command modules import nothing heavy at module level (no DuckDB, charting, PDF or solver libraries),
so `jaarcijfers --help` stays instant (tests/test_cli_help.py checks this).
"""

from __future__ import annotations

import os
import sys

import typer

from jaarcijfers.commands import (
    audit,
    build,
    editions,
    estimate,
    findings,
    load,
    reconcile,
    review,
    synth,
    validate,
)

app = typer.Typer(
    name="jaarcijfers",
    help="Jaarcijfers Mensenhandel: valideer leveringen, bereken de cijfers en publiceer het rapport.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command("validate")(validate.command)
app.command("load")(load.command)
app.command("build")(build.command)
app.command("reconcile")(reconcile.command)
app.command("synth")(synth.command)
app.command("estimate")(estimate.command)
app.command("audit")(audit.command)
app.command("findings")(findings.command)
app.add_typer(editions.app, name="editions")
app.command("review")(review.command)


def main() -> None:
    """Entry point. Typer handles usage errors (exit 2); a user error prints its message; anything else
    is reported as an internal error. Never a traceback (unless JAARCIJFERS_DEBUG is set). Ctrl-C and
    SIGTERM stop the command the same way: every `finally` runs (a build removes its unfinished folder)."""
    import signal

    from jaarcijfers.errors import UserError

    def terminated(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminated)
    single_threaded_blas()
    try:
        app()
    except UserError as exc:
        typer.echo(f"fout: {exc.message}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("afgebroken", err=True)
        sys.exit(130)
    except Exception as exc:  # the last line of defence: a traceback shown to a user is a bug
        if os.environ.get("JAARCIJFERS_DEBUG"):
            raise
        typer.echo(
            f"interne fout ({type(exc).__name__}): {exc}\n"
            "Dit is een fout in jaarcijfers, niet in uw invoer. Zet JAARCIJFERS_DEBUG=1 voor details.",
            err=True,
        )
        sys.exit(70)


def single_threaded_blas() -> None:
    """One thread for numpy's and scipy's linear algebra (OpenBLAS), unless the user chose otherwise;
    set before either is imported. Their products here are small (an inner dimension of at most 63 in
    the model averaging, docs/performance.md): OpenBLAS's threads, which wait by spinning, cost more
    than they give, about three times the CPU of the estimate on two shared cores. Results are the same."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


if __name__ == "__main__":
    main()
