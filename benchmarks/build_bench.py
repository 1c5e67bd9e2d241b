"""Benchmark (not a test): time `build` and report peak memory on the demo delivery and on copies scaled
10x and 100x (every record replicated under new ids; the table deliveries stay as they are).

Run: uv run python benchmarks/build_bench.py [--scales 1,10,100] [--full]
Prints one row per scale: rows, seconds for validate+load, figure computation, facts, writing, and peak
resident memory of the process. `--full` also renders the publication (site, PDF, workbook).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from scaled import scale_delivery  # benchmarks/scaled.py, beside this script

ONCE = r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from jaarcijfers.warehouse.load import open_delivery
con = open_delivery(Path(sys.argv[1]))
t1 = time.perf_counter()
from jaarcijfers.figures.engine import compute_all
year, figures = compute_all(con, None)
t2 = time.perf_counter()
from jaarcijfers.facts.compute import compute_facts
facts = compute_facts(con, year, figures)
t3 = time.perf_counter()
from jaarcijfers.edition.files import write_files
from jaarcijfers.edition.publish import publish
edition = publish(year, figures, facts, "publicatie", {})
out = Path(sys.argv[2]); out.mkdir(parents=True, exist_ok=True)
write_files(edition, out)
if sys.argv[3] == "full":
    from jaarcijfers.render import render_all
    render_all(edition, out)
t4 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "figures": t2 - t1, "facts": t3 - t2, "publish": t4 - t3,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    from jaarcijfers.paths import DEMO_DELIVERY

    ap = argparse.ArgumentParser()
    ap.add_argument("--scales", default="1,10,100")
    ap.add_argument("--full", action="store_true")
    args = ap.parse_args()
    if not (DEMO_DELIVERY / "comensha_registraties.csv").exists():
        sys.exit("de demolevering ontbreekt (src/jaarcijfers/data/demo)")
    print(
        f"{'scale':>5} {'rows':>9} {'load s':>8} {'figures s':>10} {'facts s':>8} {'write s':>8} {'peak MB':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for k in (int(s) for s in args.scales.split(",")):
            d = Path(tmp) / f"x{k}"
            rows = scale_delivery(DEMO_DELIVERY, d, k)
            res = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    ONCE,
                    str(d),
                    str(Path(tmp) / f"out{k}"),
                    "full" if args.full else "figures",
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            m = json.loads(res.stdout.strip().splitlines()[-1])
            print(
                f"{k:>5} {rows:>9} {m['load']:>8.2f} {m['figures']:>10.2f} {m['facts']:>8.2f} {m['publish']:>8.2f} "
                f"{m['peak_mb']:>8.0f}"
            )


if __name__ == "__main__":
    main()
