"""`--help` is instant: it must not import DuckDB, charting, PDF or solver libraries."""

import json
import subprocess
import sys

import pytest

COMMANDS = ["validate", "load", "build", "reconcile", "synth", "estimate", "audit", "editions", "review"]
HEAVY = [
    "duckdb",
    "altair",
    "vl_convert",
    "typst",
    "highspy",
    "statsmodels",
    "pandas",
    "numpy",
    "xlsxwriter",
    "jinja2",
]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_does_not_import_heavy_libraries(command):
    argv = ["--help"] if command is None else [command, "--help"]
    code = (
        "import sys, json\n"
        "from jaarcijfers.cli import app\n"
        f"try:\n    app({argv!r}, standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = json.loads(out.strip().splitlines()[-1])
    assert loaded == [], f"--help imported {loaded}"
    assert "Usage" in out
