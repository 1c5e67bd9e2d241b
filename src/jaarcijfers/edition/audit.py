"""The disclosure audit of an edition: of a published folder (`jaarcijfers audit EDITION --met EARLIER`),
and of the edition a build is about to publish (its verdict is part of the edition, docs/sdc.md "Safe by
default").

Reads the published cells and the prose facts in the attacker's model (`sdc.audit.related_facts`) and hands
them, with the earlier editions, to the audit of the disclosure-control layer (`sdc.audit`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from jaarcijfers.edition.files import (
    read_cells,
    read_fact_values,
    read_metadata,
    read_prior,
    read_revised,
    read_zeros,
)
from jaarcijfers.edition.model import AuditVerdict, Edition
from jaarcijfers.errors import UserError
from jaarcijfers.figures.model import CellKey
from jaarcijfers.language import NL, Language
from jaarcijfers.sdc.audit import AuditResult, audit_cells, print_result, result_json
from jaarcijfers.sdc.facts import related_facts
from jaarcijfers.sdc.policy import SMALL_COUNTS, DisclosurePolicy
from jaarcijfers.sdc.prior import PriorEdition
from jaarcijfers.sdc.structure import reporting_year


def run_audit(edition: Path, json_out: bool, earlier: Sequence[Path] = ()) -> int:
    """Audit `edition/figures.csv` (or a figures.csv given directly) with the prose facts of `facts.csv`
    next to it, together with the earlier editions in `earlier` (folders); 0 = no leak, 1 = leaks."""
    path = edition / "figures.csv" if edition.is_dir() else edition
    published = read_cells(path)
    year, record = read_metadata(path.parent / "metadata.json")
    year = year or reporting_year(published)
    facts = path.parent / "facts.csv"
    if facts.is_file():
        published.update(related_facts(read_fact_values(facts), year))
    prior = [read_prior(folder) for folder in earlier]
    check_earlier(year, prior)
    identities = None if record is None else {"gelden": list(record.held), "gelden_niet": list(record.failed)}
    try:
        result = audit_cells(
            published,
            record=identities,
            year=year,
            prior=prior,
            revised=read_revised(path.parent / "metadata.json"),
            zeros=read_zeros(path.parent / "metadata.json"),
        )
    except ValueError as exc:  # includes CatalogueError: an edition that does not fit the catalogue
        raise UserError(f"{path}: {exc}") from exc
    if json_out:
        print(json.dumps(result_json(result, str(edition)), ensure_ascii=False, indent=2))
    else:
        print_result(result, str(edition))
    return 0 if result.ok else 1


def check_earlier(year: int | None, prior: Sequence[PriorEdition]) -> None:
    """Earlier editions must be earlier, one per reporting year (a clear error otherwise)."""
    for p in prior:
        if year is not None and p.year >= year:
            raise UserError(
                f"eerdere editie {p.source}: verslagjaar {p.year} is niet eerder dan dat van deze editie ({year})"
            )
    years = [p.year for p in prior]
    if len(set(years)) != len(years):
        raise UserError(f"eerdere edities: twee edities met hetzelfde verslagjaar ({sorted(years)})")


def published_cells(edition: Edition) -> dict[CellKey, str]:
    """Every published cell of an edition and its prose facts in the attacker's model (as the files hold
    them)."""
    out = {
        CellKey(f.id, b.part, c.row, c.column): c.display
        for f in edition.figures
        for b in f.blocks
        for c in b.cells
    }
    out.update(related_facts({f.id: f.value for f in edition.facts}, edition.year))
    return out


def audit_edition(edition: Edition, prior: Sequence[PriorEdition] = ()) -> AuditResult:
    """The audit of what an edition publishes, as `jaarcijfers audit` reads it from its files."""
    check_earlier(edition.year, prior)
    record = edition.disclosure.data_identities
    identities = None if record is None else {"gelden": list(record.held), "gelden_niet": list(record.failed)}
    return audit_cells(
        published_cells(edition),
        record=identities,
        year=edition.year,
        prior=prior,
        revised={y: frozenset(keys) for y, keys in edition.disclosure.revised},
        zeros=edition.disclosure.zeros,
    )


def with_verdict(
    edition: Edition, policy: DisclosurePolicy, prior: Sequence[PriorEdition] = ()
) -> tuple[Edition, AuditResult]:
    """The edition with the audit's verdict (`Disclosure.audit`) and a Toelichting that claims no protection
    the audit does not confirm (`disclosure_note`)."""
    result = audit_edition(edition, prior)
    verdict = AuditVerdict(
        passed=result.ok,
        hidden=len(result.cells),
        leaks=tuple(c.key for c in result.leaks),
        earlier=result.earlier,
        identities=result.n_identities,
        dropped=tuple(result.dropped),
    )
    note = disclosure_note(policy, verdict, edition.disclosure.zeros)
    disclosure = replace(edition.disclosure, audit=verdict, note=note)
    return replace(edition, disclosure=disclosure), result


def disclosure_note(
    policy: DisclosurePolicy, verdict: AuditVerdict, zeros: bool = False, lang: Language = NL
) -> str | None:
    """The policy's note for the Toelichting when the audit confirms it; otherwise, plainly, that hidden
    counts can be recovered from what is published. In the edition's language (`lang`; the policy's note
    is translated under the key `policy.<name>.note`)."""
    _ = lang.gettext
    together = (
        _(
            " De controle is uitgevoerd samen met de eerder gepubliceerde {editions}, want die "
            "herhalen jaren van deze editie."
        ).format(editions=_editions(verdict.earlier, lang))
        if verdict.earlier
        else ""
    )
    if zeros:
        together += _(
            " In deze editie zijn bovendien enkele nullen weggelaten, omdat een klein aantal anders uit eerder "
            "gepubliceerde cijfers terug te rekenen was: een weggelaten cel kan hier dus ook 0 zijn."
        )
    if verdict.passed:
        return (
            None if policy.note is None else lang.text(f"policy.{policy.name}.note", policy.note) + together
        )
    n = len(verdict.leaks)
    counts, verb = (_("verborgen aantal"), _("is")) if n == 1 else (_("verborgen aantallen"), _("zijn"))
    small = _("{first} tot en met {last}").format(first=SMALL_COUNTS[0], last=SMALL_COUNTS[-1])
    return (
        _(
            "Onthullingscontrole. Aantallen van {small} personen of zaken zijn in deze editie niet "
            "precies gepubliceerd (teken '{symbol}'). Dat beschermt ze niet volledig: een wiskundige "
            "controle van alle gepubliceerde cijfers (de tabellen, de percentages en de getallen in de tekst"
        ).format(small=small, symbol=policy.withheld.text)
        + (
            _(", samen met de eerder gepubliceerde {editions}").format(
                editions=_editions(verdict.earlier, lang)
            )
            if verdict.earlier
            else ""
        )
        + _(
            ") laat zien dat {n} {counts} er precies of nauwkeuriger dan toegestaan uit terug te rekenen {verb}, "
            "bijvoorbeeld als een totaal min de getoonde delen. Wie de cijfers naast elkaar legt, kan die "
            "aantallen dus achterhalen."
        ).format(n=n, counts=counts, verb=verb)
    )


def _editions(years: Sequence[int], lang: Language = NL) -> str:
    _ = lang.gettext
    ys = [str(y) for y in years]
    if len(ys) == 1:
        return _("editie {year}").format(year=ys[0])
    return _("edities {years} en {last}").format(years=", ".join(ys[:-1]), last=ys[-1])


def print_verdict(result: AuditResult, console=None) -> None:
    """The verdict of a build's audit on the terminal: the cells that leak, or none."""
    from jaarcijfers.sdc.audit import _fmt
    from jaarcijfers.sdc.structure import cell_name

    out = console.print if console is not None else print
    together = f" (samen met {_editions(result.earlier)})" if result.earlier else ""
    if result.ok:
        out(
            f"Audit onthullingscontrole{together}: geslaagd, geen van de {len(result.cells)} verborgen cellen lekt."
        )
        return
    out(
        f"Audit onthullingscontrole{together}: NIET geslaagd, {len(result.leaks)} van de {len(result.cells)} "
        "verborgen cellen zijn nauwer te herleiden dan toegestaan:"
    )
    for c in result.leaks:
        out(f"  - {cell_name(c.key)} = {c.published}: herleid {_fmt(c.ip)} (vereist {c.required})")
