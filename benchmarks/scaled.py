"""A demo delivery scaled k times (the benchmarks' larger inputs): every file with an id column repeated
k times with the ids made unique (`id~i`), the code tables once, and `levering.toml` copied."""

from __future__ import annotations

import csv
from pathlib import Path

ID_COLUMNS = {"registratie_id", "onderzoek_id", "verdachte_id", "zaak_id"}


def scale_delivery(src: Path, dst: Path, k: int) -> int:
    """Write the scaled delivery into `dst`; returns the number of data rows written."""
    dst.mkdir(parents=True, exist_ok=True)
    total = 0
    for path in sorted(src.glob("*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            fields = list(reader.fieldnames or [])
            rows = list(reader)
        with open(dst / path.name, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fields, lineterminator="\n")
            w.writeheader()
            copies = k if any(c in ID_COLUMNS for c in fields) else 1
            for i in range(copies):
                for r in rows:
                    w.writerow({c: (f"{v}~{i}" if c in ID_COLUMNS and v and i else v) for c, v in r.items()})
                    total += 1
    toml = src / "levering.toml"
    if toml.is_file():
        (dst / "levering.toml").write_bytes(toml.read_bytes())
    return total
