"""`--help` is instant: it must not import DuckDB, charting, PDF or solver libraries.

One fresh process asks for the help of the program and then of every command the program has (read from
the application, so a new command is checked without being listed here), and after each one says which
heavy libraries are loaded: the first help that loads one is named."""

import json
import subprocess
import sys

HEAVY = [
    "duckdb",
    "altair",
    "vl_convert",
    "typst",
    "highspy",
    "statsmodels",
    "pandas",
    "numpy",
    "scipy",
    "xlsxwriter",
    "jinja2",
]

PROBE = f"""
import contextlib, io, json, sys
import typer
from jaarcijfers.cli import app
commands = sorted(c.name for c in typer.main.get_command(app).commands.values())
seen = {{}}
for argv in [["--help"], *([c, "--help"] for c in commands)]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            app(argv, standalone_mode=False)
        except SystemExit:
            pass
    seen[" ".join(argv)] = ("Usage" in out.getvalue(), sorted(m for m in {HEAVY!r} if m in sys.modules))
print(json.dumps(seen))
"""


def test_help_does_not_import_heavy_libraries():
    res = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    seen = json.loads(res.stdout.strip().splitlines()[-1])
    assert len(seen) >= 10 and "build --help" in seen and "findings --help" in seen  # every command asked
    for argv, (usage, loaded) in seen.items():
        assert usage, f"`jaarcijfers {argv}` printed no usage"
        assert loaded == [], f"`jaarcijfers {argv}` imported {loaded}"
