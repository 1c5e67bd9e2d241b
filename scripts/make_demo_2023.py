"""Make the earlier demo delivery `src/jaarcijfers/data/demo-2023/` from the demo delivery.

The demo delivery (`src/jaarcijfers/data/demo/`, 2020-2024, peildatum 2025) stands for the delivery of
the 2024 edition. This script derives from it the delivery a year earlier, for the 2023 edition
(2019-2023, peildatum 2024), so that the annual cycle can be shown from the repository: the 2023 and
2024 editions, the revisions between them and disclosure control across them (docs/editions.md).

Every change is a rule below, applied to every record it concerns; which records a percentage applies
to is decided by the sha256 of the record's id (`share(id) < percent`), so no number is typed by hand
and the output is deterministic:

1. **2024 is not there yet.** Every record of 2024 is left out (CoMensha registrations by `jaar`, EMM
   investigations by `startjaar`, OM cases by `inschrijfjaar`, table rows by `jaar`), with the rows that
   refer to them.
2. **Registered late.** A share of the registrations of 2023 and 2022 reached CoMensha after the earlier
   delivery's peildatum (`LATE_REGISTRATIONS`), as did a share of the EMM investigations of 2023
   (`LATE_INVESTIGATIONS`): they are not in the earlier version.
3. **Decided later.** An OM decision or first-instance judgment dated after 2023 was not known yet: its
   `afdoening`/`afdoeningsjaar` or `vonnisjaar` is empty, and so is the `uitspraak` of the case's facts
   when the judgment came later.
4. **Dossier research not finished.** The manual coding (from the case file and the published judgment)
   of a share of the OM cases judged in 2023 (`DOSSIER_PENDING`) was not done yet: those rows of
   `om_dossiercodering` are missing.
5. **2019 stands in.** The demo has no 2019 for CoMensha, EMM, IND and the Raad voor de rechtspraak;
   their 2019 records are those of 2020, a year earlier and with ids of their own (the OM delivery
   already reaches back to 2018). This year is not shared with the 2024 edition.
6. **Metadata.** `levering.toml` declares `verslagjaar = 2023` and every peildatum a year earlier; the
   editorial folder `redactie/2023/redactie.toml` declares the publication's disclosure policy (the 2023
   report was published with it).

Usage::

    uv run python scripts/make_demo_2023.py                 # (re)write src/jaarcijfers/data/demo-2023/
    uv run python scripts/make_demo_2023.py --out DIR       # write elsewhere
    uv run python scripts/make_demo_2023.py --check         # exit 1 if the committed folder differs

`tests/test_demo_cycle.py` checks that the committed folder equals this script's output.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import sys
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "jaarcijfers" / "data" / "demo"
TARGET = ROOT / "src" / "jaarcijfers" / "data" / "demo-2023"

YEAR = 2023
STAND_IN = (2020, 2019)  # (copied year, year it stands in for)
LATE_REGISTRATIONS = {2023: 3, 2022: 1}  # percent of CoMensha registrations of the year registered late
LATE_INVESTIGATIONS = {2023: 2}  # percent of EMM investigations of the year registered late
DOSSIER_PENDING = {2023: 30}  # percent of OM cases judged in the year not yet coded from the dossier

Row = dict[str, str]


def share(identifier: str) -> int:
    """0..99, fixed by the id: the record's place in a percentage rule."""
    return int(hashlib.sha256(identifier.encode("utf-8")).hexdigest()[:8], 16) % 100


def read(name: str) -> tuple[list[str], list[Row]]:
    with open(DEMO / f"{name}.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def csv_text(header: list[str], rows: Iterable[Row]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([r[c] for c in header])
    return buf.getvalue()


def stand_in(
    rows: list[Row], year_column: str, rename: Callable[[str], str], id_columns: tuple[str, ...]
) -> list[Row]:
    """Copies of the rows of the copied year as the year they stand in for, with ids of their own."""
    copied, year = STAND_IN
    out = []
    for r in rows:
        if r[year_column] == str(copied):
            out.append({**r, year_column: str(year), **{c: rename(r[c]) for c in id_columns}})
    return out


def comensha_id(identifier: str) -> str:
    copied, year = STAND_IN
    return (
        identifier.replace(f"-{copied}-", f"-{year}-", 1)
        if f"-{copied}-" in identifier
        else f"{identifier}-{year}"
    )


def prefixed(prefix: str) -> Callable[[str], str]:
    year = STAND_IN[1]
    return lambda identifier: identifier.replace(prefix, f"{prefix}{year}-", 1)


def derive() -> dict[str, str]:
    """File name -> content of the earlier delivery."""
    files: dict[str, str] = {}

    # --- CoMensha ------------------------------------------------------------------------------------
    header, regs = read("comensha_registraties")
    kept = [
        r
        for r in regs
        if int(r["jaar"]) <= YEAR and share(r["registratie_id"]) >= LATE_REGISTRATIONS.get(int(r["jaar"]), 0)
    ]
    copies = stand_in(kept, "jaar", comensha_id, ("registratie_id",))
    files["comensha_registraties"] = csv_text(header, copies + kept)
    copied_ids = {r["registratie_id"] for r in kept if r["jaar"] == str(STAND_IN[0])}
    kept_ids = {r["registratie_id"] for r in kept}
    for name in ("comensha_uitbuiting", "comensha_melders"):
        header, rows = read(name)
        mine = [r for r in rows if r["registratie_id"] in kept_ids]
        extra = [
            {**r, "registratie_id": comensha_id(r["registratie_id"])}
            for r in mine
            if r["registratie_id"] in copied_ids
        ]
        files[name] = csv_text(header, extra + mine)

    # --- EMM -----------------------------------------------------------------------------------------
    header, investigations = read("emm_onderzoeken")
    kept = [
        r
        for r in investigations
        if int(r["startjaar"]) <= YEAR
        and share(r["onderzoek_id"]) >= LATE_INVESTIGATIONS.get(int(r["startjaar"]), 0)
    ]
    to_copy = prefixed("EMM-")
    copies = stand_in(kept, "startjaar", to_copy, ("onderzoek_id",))
    files["emm_onderzoeken"] = csv_text(header, copies + kept)
    copied_ids = {r["onderzoek_id"] for r in kept if r["startjaar"] == str(STAND_IN[0])}
    kept_ids = {r["onderzoek_id"] for r in kept}
    header, rows = read("emm_onderzoek_vormen")
    mine = [r for r in rows if r["onderzoek_id"] in kept_ids]
    extra = [
        {**r, "onderzoek_id": to_copy(r["onderzoek_id"])} for r in mine if r["onderzoek_id"] in copied_ids
    ]
    files["emm_onderzoek_vormen"] = csv_text(header, extra + mine)
    header, rows = read("emm_verdachten")
    mine = [r for r in rows if r["onderzoek_id"] in kept_ids]
    person = prefixed("V-")
    extra = [
        {**r, "onderzoek_id": to_copy(r["onderzoek_id"]), "verdachte_id": person(r["verdachte_id"])}
        for r in mine
        if r["onderzoek_id"] in copied_ids
    ]
    files["emm_verdachten"] = csv_text(header, extra + mine)

    # --- OM ------------------------------------------------------------------------------------------
    header, cases = read("om_zaken")
    kept_cases = []
    judged_later = set()
    for r in cases:
        if int(r["inschrijfjaar"]) > YEAR:
            continue
        r = dict(r)
        if r["afdoeningsjaar"] and int(r["afdoeningsjaar"]) > YEAR:
            r["afdoening"] = r["afdoeningsjaar"] = ""
        if r["vonnisjaar"] and int(r["vonnisjaar"]) > YEAR:
            r["vonnisjaar"] = ""
            judged_later.add(r["zaak_id"])
        kept_cases.append(r)
    files["om_zaken"] = csv_text(header, kept_cases)
    year_of = {r["zaak_id"]: int(r["inschrijfjaar"]) for r in kept_cases}
    judged = {r["zaak_id"]: int(r["vonnisjaar"]) for r in kept_cases if r["vonnisjaar"]}
    header, facts = read("om_feiten")
    files["om_feiten"] = csv_text(
        header,
        (
            {**r, "uitspraak": "" if r["zaak_id"] in judged_later else r["uitspraak"]}
            for r in facts
            if r["zaak_id"] in year_of
        ),
    )
    header, coding = read("om_dossiercodering")
    files["om_dossiercodering"] = csv_text(
        header,
        (
            r
            for r in coding
            if r["zaak_id"] in year_of
            and share(r["zaak_id"]) >= DOSSIER_PENDING.get(judged.get(r["zaak_id"], 0), 0)
        ),
    )

    # --- the tables ----------------------------------------------------------------------------------
    for name in ("ind_tabel", "rechtspraak_tabel"):
        header, rows = read(name)
        kept = [r for r in rows if int(r["jaar"]) <= YEAR]
        files[name] = csv_text(header, stand_in(kept, "jaar", lambda x: x, ()) + kept)

    out = {f"{name}.csv": text for name, text in files.items()}
    out["levering.toml"] = levering_toml()
    out["redactie/2023/redactie.toml"] = REDACTIE
    out["redactie/2023/en/redactie.toml"] = REDACTIE_EN
    return out


def levering_toml() -> str:
    meta = tomllib.loads((DEMO / "levering.toml").read_text(encoding="utf-8"))
    lines = [
        "# Synthetische levering: geen echte gegevens. Afgeleid van de demolevering (src/jaarcijfers/data/demo/)",
        "# door scripts/make_demo_2023.py: de levering een jaar eerder, voor de editie 2023 (docs/editions.md).",
        "",
        f"verslagjaar = {YEAR}",
    ]
    for name in sorted(k for k, v in meta.items() if isinstance(v, dict)):
        table = meta[name]
        lines += ["", f"[{name}]"]
        for key, value in table.items():
            if isinstance(value, dt.date):
                lines.append(f"{key} = {value.replace(year=value.year - 1).isoformat()}")
            else:
                lines.append(f'{key} = "{value}"')
    return "\n".join(lines) + "\n"


REDACTIE = """\
# Redactie van de editie 2023 van de eerdere demolevering (docs/editorial.md, docs/editions.md).
onthullingscontrole = "publicatie"
onthullingscontrole_reden = "Deze editie staat voor de editie 2023 zoals die is gepubliceerd: met het beleid van de publicatie, waarin kleine aantallen (1 tot en met 4) als <5 worden getoond."
"""


REDACTIE_EN = """\
# The editorial content of the 2023 edition in English (docs/language.md): the analysts' reason, translated.
onthullingscontrole_reden = "This edition stands for the 2023 edition as it was published: with the policy of that publication, in which small numbers (1 to 4) are shown as <5."
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TARGET)
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed folder differs")
    args = parser.parse_args(argv)
    files = derive()
    if args.check:
        on_disk = {p.relative_to(TARGET).as_posix() for p in TARGET.rglob("*") if p.is_file()}
        differ = sorted(
            n
            for n in files
            if not (TARGET / n).is_file() or (TARGET / n).read_text(encoding="utf-8") != files[n]
        )
        differ += sorted(on_disk - set(files))
        for name in differ:
            print(f"verschilt: {name}")
        return 1 if differ else 0
    for name, text in files.items():
        target = args.out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    print(f"{len(files)} bestanden geschreven naar {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
