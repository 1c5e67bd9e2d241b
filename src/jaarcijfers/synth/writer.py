"""Writing a synthetic delivery: CSV files of the contract (sorted, byte-stable) and `levering.toml`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

#: Column order of every contract file this package writes.
COLUMNS: dict[str, tuple[str, ...]] = {
    "comensha_registraties": ("registratie_id", "jaar", "anoniem", "geslacht", "leeftijd", "nationaliteit"),
    "comensha_uitbuiting": ("registratie_id", "vorm", "sector"),
    "comensha_melders": ("registratie_id", "melder"),
    "ind_tabel": ("jaar", "maatstaf", "aantal"),
    "emm_onderzoeken": ("onderzoek_id", "startjaar", "partij"),
    "emm_onderzoek_vormen": ("onderzoek_id", "vorm"),
    "emm_verdachten": ("verdachte_id", "onderzoek_id", "geslacht", "leeftijd", "nationaliteit"),
    "om_zaken": (
        "zaak_id",
        "inschrijfjaar",
        "instantie",
        "geslacht",
        "leeftijd_pleegdatum",
        "geboorteland",
        "afdoening",
        "afdoeningsjaar",
        "vonnisjaar",
    ),
    "om_feiten": ("zaak_id", "feit_nr", "wetsartikel", "classificatie", "tenlastegelegd", "uitspraak"),
    "om_dossiercodering": ("zaak_id", "vorm", "subvorm"),
    "rechtspraak_tabel": ("jaar", "maatstaf", "aantal"),
}

SOURCE_OF = {
    "comensha": "CoMensha",
    "ind": "IND",
    "emm": "EMM (Expertisecentrum Mensenhandel en Mensensmokkel)",
    "om": "Openbaar Ministerie",
    "rechtspraak": "Raad voor de rechtspraak",
}

DESCRIPTION = {
    "comensha_registraties": "registraties van (vermoedelijke) slachtoffers",
    "comensha_uitbuiting": "vormen van uitbuiting en sectoren per registratie",
    "comensha_melders": "melders per registratie",
    "ind_tabel": "uitstel van vertrek en verblijfsvergunningen (afgerond op vijftallen)",
    "emm_onderzoeken": "gestarte opsporingsonderzoeken",
    "emm_onderzoek_vormen": "vormen van mensenhandel per opsporingsonderzoek",
    "emm_verdachten": "verdachten per opsporingsonderzoek",
    "om_zaken": "bij het OM ingeschreven mensenhandelzaken",
    "om_feiten": "feiten per zaak",
    "om_dossiercodering": "handmatige codering van vorm en subvorm uit dossiers en uitspraken",
    "rechtspraak_tabel": "hoger beroep en cassatie (afgerond op vijftallen)",
}


def _sort_key(name: str, row: dict[str, str]):
    cols = COLUMNS[name]
    out = []
    for c in cols:
        v = row.get(c, "")
        out.append((0, int(v), "") if v.isdigit() and c in ("jaar", "feit_nr") else (1, 0, v))
    return out


def csv_bytes(name: str, rows: list[dict[str, str]]) -> bytes:
    cols = COLUMNS[name]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in sorted(rows, key=lambda r: _sort_key(name, r)):
        w.writerow([r.get(c, "") for c in cols])
    return buf.getvalue().encode("utf-8")


def write_csv(folder: Path, name: str, rows: list[dict[str, str]]) -> Path:
    return write_file(folder, f"{name}.csv", csv_bytes(name, rows))


def write_file(folder: Path, name: str, data: bytes) -> Path:
    """Write `folder/name` without ever writing through what is there: the content goes into a new file
    in the folder, which then replaces the name (a symbolic link there is replaced, never followed out of
    the folder; a half-written file never carries the name)."""
    import os
    import tempfile

    path = folder / name
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.lexists(tmp):
            os.unlink(tmp)
        raise
    return path


def _umask() -> int:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def levering_toml(files: list[str], peildata: dict[str, str], seed: int, edition: str) -> str:
    """Per-file metadata; `peildata` maps a source (`emm`, ...) to an ISO date."""
    lines = [
        "# Synthetische levering: geen echte gegevens. Gemaakt met `jaarcijfers synth`",
        f"# (seed {seed}) zodat de cijfers van {edition} worden gereproduceerd.",
        "",
    ]
    for name in sorted(files):
        source = SOURCE_OF[name.split("_")[0]]
        lines += [
            f"[{name}]",
            f"bron = {_toml_str(source + ' (synthetisch)')}",
            f"peildatum = {peildata[name.split('_')[0]]}",
            f"omschrijving = {_toml_str('Synthetische data, geen echte personen of zaken: ' + DESCRIPTION[name])}",
            "",
        ]
    return "\n".join(lines)
