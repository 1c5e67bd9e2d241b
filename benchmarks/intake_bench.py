"""Benchmark (not a test; asserts nothing): intake at scale, side by side in one run.

For the demo delivery and copies scaled 10x and 100x (every record replicated under new ids; the two
table deliveries stay as they are), each step in a fresh process, with its wall time and the peak
resident memory of that process:

Every step is shown with its wall time, its CPU time (user + system, every thread and process; less
inflated by other work on the machine than the wall time) and its peak memory (the resident memory of the
command and every process under it, summed: `build` computes the estimate in a process of its own).

- raw read: DuckDB reads every CSV file of the delivery into a table (all VARCHAR), nothing checked;
- validate: `jaarcijfers validate DIR` (every rule);
- load: `jaarcijfers load DIR --warehouse FILE` (validate + load into a new warehouse file);
- build: `jaarcijfers build --data DIR --only-figures` (validate, load in memory, rules, figures, facts,
  disclosure control, estimate, figures.csv/facts.csv/metadata.json), with its CPU time (user + system,
  every thread): a figure that other work on the machine does not inflate as much as the wall time.
  The copies carry no editorial folder, so their builds take the strict disclosure policy (the default);
  the demo as shipped (with its editorial settings: policy `publicatie`) is built once more after the
  table, as `jaarcijfers build --only-figures` builds it.

Then 2,000,000 invalid registrations (every `jaar` wrong): `validate` to the terminal (how many lines it
prints) and with `--report FILE.csv` (every problem in the file).

Every command runs with compiled bytecode, as an installed package has it: the processes get a private
`PYTHONPYCACHEPREFIX` (a temporary folder; `PYTHONDONTWRITEBYTECODE` unset) and one untimed build of the
demo fills it first. Without that (`--cold`, or a machine with `PYTHONDONTWRITEBYTECODE=1`) every process
compiles every module it imports again: about 0.5 s more per command.

Run: uv run python benchmarks/intake_bench.py [--scales 1,10,100] [--invalid 2000000] [--demo-runs 5] [--chrt] [--cold]
The deliveries are generated into a temporary folder and removed afterwards; nothing is committed.
Targets (issue 13): validate + load within 3x of the raw read (read as: each of them at most 3x the raw
read, at every scale; the last two columns); figures-only build of the demo under
1.5 s; 100x under 10 s and 1 GB; 2,000,000 invalid rows reported in under 30 s with bounded output.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from scaled import scale_delivery  # benchmarks/scaled.py, beside this script

RAW = r"""
import sys
from pathlib import Path
import duckdb
con = duckdb.connect()
for i, path in enumerate(sorted(Path(sys.argv[1]).glob("*.csv"))):
    con.execute(f"CREATE TABLE t{i} AS SELECT * FROM read_csv('{path}', all_varchar = true)")
"""

#: Runs one command as its only child and reports the child's wall time, CPU time (every process and thread
#: it waited for), peak memory and output size. The peak memory is of the whole process tree: `build` computes
#: the estimate in a process of its own (`estimate.apart`), so the resident memory of the command and of
#: every process under it is summed, every 20 ms (the largest single process: `peak_one_mb`).
METER = r"""
import json, os, resource, subprocess, sys, threading, time
PAGE = os.sysconf("SC_PAGE_SIZE")
def tree_rss(root):
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(name))
    pids, total = [root], 0
    for pid in pids:
        pids.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            pass
    return total
t0 = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
peak = [0]
def watch():
    while proc.poll() is None:
        peak[0] = max(peak[0], tree_rss(proc.pid))
        time.sleep(0.02)
watcher = threading.Thread(target=watch, daemon=True)
watcher.start()
out, err = proc.communicate()
seconds = time.perf_counter() - t0
watcher.join()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "peak_mb": max(peak[0] / 2**20, usage.ru_maxrss / 1024),
                  "peak_one_mb": usage.ru_maxrss / 1024, "cpu": usage.ru_utime + usage.ru_stime,
                  "exit": proc.returncode, "lines": out.count(b"\n"), "bytes": len(out),
                  "stderr": err.decode(errors="replace")[-300:]}))
"""


def invalid_delivery(dst: Path, n: int) -> int:
    """Only CoMensha: `n` registrations whose `jaar` is not a year, one form and one reporter each."""
    dst.mkdir(parents=True, exist_ok=True)
    with open(dst / "comensha_registraties.csv", "w", encoding="utf-8", newline="") as f:
        f.write("registratie_id,jaar,anoniem,geslacht,leeftijd,nationaliteit\n")
        for i in range(n):
            f.write(f"R{i},twintig,nee,vrouw,{20 + i % 50},NL\n")
    (dst / "comensha_uitbuiting.csv").write_text("registratie_id,vorm,sector\nR0,seksueel,raam\n")
    (dst / "comensha_melders.csv").write_text("registratie_id,melder\nR0,politie\n")
    return n + 2


ENV: dict[str, str] = {}  # set by main(): the bytecode cache of the measured processes
PREFIX: list[str] = []  # set by main() with --chrt: the meter and its command at real-time priority


def measure(kind: str, data: Path, work: Path) -> dict:
    """Run one step as a fresh process (the real command line) and measure it."""
    work.mkdir(parents=True, exist_ok=True)
    cli = [sys.executable, "-m", "jaarcijfers.cli"]
    command = {
        "raw": [sys.executable, "-c", RAW, str(data)],
        "validate": [*cli, "validate", str(data)],
        "validate-report": [*cli, "validate", str(data), "--report", str(work / "rapport.csv")],
        "load": [*cli, "load", str(data), "--warehouse", str(work / "wh.duckdb")],
        "build": [*cli, "build", "--data", str(data), "--only-figures", "--out", str(work / "out")],
    }[kind]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", **ENV}
    if "PYTHONPYCACHEPREFIX" in ENV:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    res = subprocess.run(
        [*PREFIX, sys.executable, "-c", METER, *command], capture_output=True, text=True, env=env
    )
    return json.loads(res.stdout.strip().splitlines()[-1])


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.iterdir()) / 1e6


def main() -> None:
    from jaarcijfers.paths import DEMO_DELIVERY

    ap = argparse.ArgumentParser()
    ap.add_argument("--scales", default="1,10,100")
    ap.add_argument("--invalid", type=int, default=2_000_000)
    ap.add_argument(
        "--demo-runs", type=int, default=5, help="builds of the demo as shipped, one after another"
    )
    ap.add_argument(
        "--chrt",
        action="store_true",
        help="each measured command and its meter at real-time priority (chrt -r 10, round robin, so the "
        "meter's memory watch gets its turns; needs the right to): other work on a shared machine then waits "
        "while it runs, which approximates a quiet machine",
    )
    ap.add_argument("--cold", action="store_true", help="no bytecode cache: every process compiles again")
    args = ap.parse_args()
    print(
        f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the start (timings vary with it)"
    )
    if args.chrt:
        PREFIX.extend(["chrt", "-r", "10"])
    print(f"priority: {'real-time (chrt -r 10)' if args.chrt else 'normal'}")
    bytecode = tempfile.TemporaryDirectory(prefix="bench-pyc-")
    if not args.cold:
        ENV["PYTHONPYCACHEPREFIX"] = bytecode.name
        with tempfile.TemporaryDirectory() as warm:
            measure("build", DEMO_DELIVERY, Path(warm))  # compiles every module once, untimed
    print(f"bytecode: {'none (every process compiles)' if args.cold else 'compiled once, before the runs'}")
    print()
    head = (
        f"{'scale':>5} {'rows':>9} {'MB':>6} | {'raw s':>6} {'cpu':>5} {'MB':>5} | {'validate s':>10} {'cpu':>5} "
        f"{'MB':>5} | {'load s':>6} {'cpu':>5} {'MB':>5} | {'build s':>7} {'cpu s':>5} {'MB':>5} | {'val/raw':>7} "
        f"{'load/raw':>8}"
    )
    print(head)
    print("-" * len(head))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for k in (int(s) for s in args.scales.split(",")):
            data = root / f"x{k}"
            n = scale_delivery(DEMO_DELIVERY, data, k)
            m = {
                kind: measure(kind, data, root / f"work-{k}-{kind}")
                for kind in ("raw", "validate", "load", "build")
            }
            raw = m["raw"]["seconds"]
            print(
                f"{k:>5} {n:>9} {size_mb(data):>6.1f} | {m['raw']['seconds']:>6.2f} {m['raw']['cpu']:>5.2f} "
                f"{m['raw']['peak_mb']:>5.0f} | {m['validate']['seconds']:>10.2f} {m['validate']['cpu']:>5.2f} "
                f"{m['validate']['peak_mb']:>5.0f} | {m['load']['seconds']:>6.2f} {m['load']['cpu']:>5.2f} "
                f"{m['load']['peak_mb']:>5.0f} | "
                f"{m['build']['seconds']:>7.2f} {m['build']['cpu']:>5.1f} {m['build']['peak_mb']:>5.0f} | "
                f"{m['validate']['seconds'] / raw:>7.1f} {m['load']['seconds'] / raw:>8.1f}"
            )
            for kind, r in m.items():
                if r.get("exit") not in (0, None):
                    print(f"      {kind}: exit {r['exit']} {r.get('stderr', '')}")
        # the copies above have no editorial folder, so their builds take the strict policy (the default);
        # the demo as shipped has its editorial settings (policy `publicatie`), as `jaarcijfers build` uses it
        print("\nthe demo as shipped (its editorial settings, policy publicatie), build --only-figures:")
        runs = []
        for i in range(args.demo_runs):
            shipped = measure("build", DEMO_DELIVERY, root / f"work-shipped-{i}")
            runs.append(shipped["seconds"])
            print(
                f"  run {i + 1}: {shipped['seconds']:.2f} s, cpu {shipped['cpu']:.2f} s, peak "
                f"{shipped['peak_mb']:.0f} MB (largest process {shipped['peak_one_mb']:.0f} MB), exit "
                f"{shipped['exit']}, load average {os.getloadavg()[0]:.1f}"
            )
        runs.sort()
        print(f"  fastest {runs[0]:.2f} s, median {runs[len(runs) // 2]:.2f} s of {len(runs)}")
        if args.invalid:
            data = root / "invalid"
            n = invalid_delivery(data, args.invalid)
            print()
            print(f"{args.invalid} invalid registrations ({size_mb(data):.0f} MB CSV), validate:")
            for kind in ("validate", "validate-report"):
                r = measure(kind, data, root / f"work-{kind}")
                extra = ""
                if kind == "validate-report":
                    report = root / f"work-{kind}" / "rapport.csv"
                    lines = sum(1 for _ in open(report, encoding="utf-8-sig")) - 1 if report.exists() else 0
                    extra = f", report file {lines} problems ({report.stat().st_size / 1e6:.0f} MB)"
                print(
                    f"  {kind:<16} {r['seconds']:>6.2f} s, peak {r['peak_mb']:>5.0f} MB, exit {r['exit']}, "
                    f"terminal {r.get('lines', '?')} lines ({r.get('bytes', 0) / 1e3:.1f} kB){extra}"
                )
            del n


if __name__ == "__main__":
    main()
