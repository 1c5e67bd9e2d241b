"""Shared fixtures of the estimate tests."""

import numpy as np
import pytest

from jaarcijfers.estimate.delivery import REPORTERS


@pytest.fixture(scope="module")
def delivery(tmp_path_factory):
    rng = np.random.default_rng(11)
    d = tmp_path_factory.mktemp("levering")
    probs = [0.15, 0.05, 0.06, 0.12, 0.04, 0.08]
    reg = ["registratie_id,jaar,anoniem,geslacht,leeftijd,nationaliteit"]
    mel = ["registratie_id,melder"]
    uit = ["registratie_id,vorm,sector"]
    n = 0
    for year in (2023, 2024):
        for i in range(3000):
            on = [r for r, p in zip(REPORTERS, probs, strict=True) if rng.random() < p]
            if not on:
                continue
            n += 1
            rid = f"r{year}_{i}"
            anon = "ja" if i % 50 == 0 else "nee"
            sex = ["man", "vrouw", ""][i % 3]
            age = "" if i % 7 == 0 else str(10 + i % 50)
            nat = ["NL", "RO", "", "NG"][i % 4]
            reg.append(f"{rid},{year},{anon},{sex},{age},{nat}")
            mel.extend(f"{rid},{r}" for r in on)
            if i % 5 == 0:
                uit.append(f"{rid},seksueel,raam")
                uit.append(f"{rid},arbeid,")
            elif i % 5 == 1:
                uit.append(f"{rid},crimineel,")
            elif i % 5 == 2:
                uit.append(f"{rid},bedelarij,")
        reg.append(f"zonder_{year},{year},nee,man,30,NL")  # a registration without any reporter
    for name, lines in (
        ("comensha_registraties", reg),
        ("comensha_melders", mel),
        ("comensha_uitbuiting", uit),
    ):
        (d / f"{name}.csv").write_text("\n".join(lines) + "\n")
    return d
