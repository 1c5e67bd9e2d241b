"""Start-up: a small `estimate --lists` fit loads none of scipy (scipy.stats alone took 1.5 s to import) and
`estimate --help` not even numpy. (What is imported, not how long it takes: tests never depend on timing;
the timings are in docs/estimate.md.)"""

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "mse"


def _modules_after(argv: list[str]) -> tuple[list[str], str]:
    code = (
        "import sys, json\n"
        "from jaarcijfers.cli import app\n"
        f"try:\n    app({argv!r}, standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1]), out


def test_small_fit_imports_no_scipy():
    loaded, out = _modules_after(["estimate", "--lists", str(DATA / "darroch_r3.csv")])
    assert "Geschat totaal" in out
    assert "numpy" in loaded
    assert not {"scipy", "statsmodels", "duckdb", "highspy"} & set(loaded)


def test_help_imports_no_numpy():
    loaded, out = _modules_after(["estimate", "--help"])
    assert "--ci" in out and "bma" in out
    assert not {"numpy", "scipy", "duckdb"} & set(loaded)
