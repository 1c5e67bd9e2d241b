"""`jaarcijfers synth`: write a synthetic delivery (all files of the contract) and its fit report."""

from __future__ import annotations

import sys
from pathlib import Path

from jaarcijfers.errors import UserError

REPORT_FILE = "synth-rapport.txt"


def _comensha():
    """The CoMensha synthesiser (a hook: tests replace it by None to skip the CoMensha part)."""
    from jaarcijfers.synth.comensha.solve import synthesize_comensha

    return synthesize_comensha


def build_delivery(targets, seed: int, with_comensha: bool = True):
    """All tables of the delivery (file name -> rows) and the fit report."""
    from jaarcijfers.synth.check import Counted
    from jaarcijfers.synth.emm import synthesize_emm
    from jaarcijfers.synth.om import synthesize_om
    from jaarcijfers.synth.report import fit_report
    from jaarcijfers.synth.tables import synthesize_ind, synthesize_rechtspraak

    tables: dict[str, list[dict[str, str]]] = {}
    notes: list[str] = []
    pending: list[str] = []
    comensha_unmet: list[tuple[str, str]] = []
    synth_c = _comensha() if with_comensha else None
    if not with_comensha:
        pending.append("CoMensha (comensha_*): overgeslagen")
    elif synth_c is None:
        pending.append("CoMensha (comensha_*): de generator is nog niet beschikbaar")
    else:
        try:
            res = synth_c(targets, seed)
        except UserError:
            raise
        except Exception as exc:  # the CoMensha part is written elsewhere; never lose the other files
            pending.append(f"CoMensha (comensha_*): de generator faalde ({type(exc).__name__}: {exc})")
        else:
            tables.update(res.tables)
            comensha_unmet = list(res.unmet)
    tables["ind_tabel"] = synthesize_ind(targets)
    tables["rechtspraak_tabel"] = synthesize_rechtspraak(targets)
    emm = synthesize_emm(targets, seed)
    tables["emm_onderzoeken"] = emm.onderzoeken
    tables["emm_onderzoek_vormen"] = emm.vormen
    tables["emm_verdachten"] = emm.verdachten
    notes += emm.notes
    om = synthesize_om(targets, seed)
    tables["om_zaken"] = om.zaken
    tables["om_feiten"] = om.feiten
    tables["om_dossiercodering"] = om.dossier
    if any("Optimal" not in s for s in om.status):
        notes += [
            s + " (werkgrens bereikt: beste oplossing tot dan toe)" for s in om.status if "Optimal" not in s
        ]
    counted = Counted(tables, targets.year)
    report = fit_report(targets, counted, om.violations, notes, pending)
    report.comensha_unmet = comensha_unmet
    return tables, report


def check_out(out: Path, force: bool) -> None:
    """`--out` may be new or empty; a non-empty folder only with `force` (docs/outputs.md). A link is
    never written through, with or without `force`."""
    import os

    if os.path.islink(out):
        raise UserError(f"{out} is een symbolische koppeling; geef de echte map op")
    if os.path.lexists(out) and not out.is_dir():
        raise UserError(f"{out} bestaat al en is geen map")
    if out.is_dir() and any(os.scandir(out)) and not force:
        raise UserError(
            f"{out} is niet leeg; jaarcijfers synth overschrijft geen map zonder --force "
            "(met --force worden de bestanden van de levering in die map vervangen)"
        )


def run_synth(out: Path, seed: int = 2024, reference: Path | None = None, force: bool = False) -> int:
    """`jaarcijfers synth`: the target folder is checked first (`check_out`); with `force` the contract
    files of a delivery already there (in any format), `levering.toml` and the fit report are replaced
    and other files are left alone."""
    from jaarcijfers.errors import describe_os_error

    check_out(out, force)
    try:
        return _run_synth(out, seed, reference)
    except OSError as exc:
        raise UserError(
            f"kan de synthetische levering niet schrijven in {out}: {describe_os_error(exc)}"
        ) from None


def _run_synth(out: Path, seed: int, reference: Path | None) -> int:
    from jaarcijfers.contract.schema import FORMATS
    from jaarcijfers.synth.targets import load_targets
    from jaarcijfers.synth.writer import levering_toml, write_csv, write_file

    if reference is not None and not (reference / "figures.csv").is_file():
        raise UserError(f"Geen figures.csv gevonden in {reference}")
    try:
        targets = load_targets(reference)
    except (OSError, KeyError, ValueError) as exc:
        raise UserError(f"De gepubliceerde cijfers konden niet worden gelezen: {exc}") from None
    if not targets.cells:
        raise UserError("De referentie bevat geen cellen")
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} bestaat al en is geen map")
    out.mkdir(parents=True, exist_ok=True)

    tables, report = build_delivery(targets, seed)
    for name, rows in sorted(tables.items()):
        write_csv(out, name, rows)
        for fmt in FORMATS:  # the same file in another format would make the delivery invalid
            other = out / f"{name}.{fmt}"
            if fmt != "csv" and (other.is_symlink() or other.is_file()):
                other.unlink()
    Y = targets.year
    emm_date = targets.fact("emm_peildatum") or f"{Y + 1}-06-01"
    peildata = {
        "comensha": f"{Y + 1}-03-01",
        "ind": f"{Y + 1}-03-01",
        "emm": emm_date,
        "om": f"{Y + 1}-04-01",
        "rechtspraak": f"{Y + 1}-04-01",
    }
    edition = f"de Jaarcijfers Mensenhandel {Y}"
    write_file(out, "levering.toml", levering_toml(sorted(tables), peildata, seed, edition).encode("utf-8"))
    text = report.text()
    write_file(out, REPORT_FILE, text.encode("utf-8"))
    sys.stdout.write(text)
    sys.stdout.write(f"\nGeschreven: {len(tables)} bestanden en levering.toml in {out}\n")
    return 0
