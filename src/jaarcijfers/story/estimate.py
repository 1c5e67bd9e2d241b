"""The estimate of the hidden number, told honestly as experimental statistics (docs/narrative.md,
"The estimate").

What it says: the label that marks it experimental, the estimate and its interval (published facts,
rounded to tens), the registered victims it starts from (Figuur 1), how it was made (multiple systems
estimation over the reporting organisations, the model's terms, the interval given the model), the
estimate under the other ways of choosing a model, the model's warnings, a synthetic delivery said as
such (read from the edition's provenance: a delivery whose description or source says it is
synthetic), and an external estimate the analysts quote shown beside it, never instead of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jaarcijfers.edition.model import Edition, Estimate, EstimateApproach
from jaarcijfers.story import nl_words as w
from jaarcijfers.story.model import Claim, ClaimKind, EstimateText, Paragraph, Ref, Sentence
from jaarcijfers.story.published import Values

SYNTHETIC = re.compile(r"syntheti", re.IGNORECASE)


def synthetic_note(edition: Edition) -> str | None:
    """The description of a synthetic delivery from the edition's provenance (None for real data)."""
    for d in edition.provenance.deliveries or ():
        for text in (d.omschrijving, d.levering_bron):
            if text is not None and SYNTHETIC.search(text):
                return text
    return None


def reporter_names() -> dict[str, str]:
    """Code of a reporting organisation -> its label in Figuur 12 (the lists of the estimate)."""
    from jaarcijfers.figures.catalogue import by_id

    spec = by_id()["12"]
    block = spec.blocks[0]
    return {code: e.text for e in block.rows.entries for code in e.codes}


@dataclass(frozen=True)
class Said:
    """What the estimate section says, in any language (each language words it: `estimate_text` here,
    `en_estimate` in English): the published facts it prints with their claims, and what it tells about
    the method. The numbers are the published texts ('7660'); a language formats them."""

    year: int
    total: str  # the estimate, rounded to tens
    interval: tuple[str, str] | None  # its lower and upper bound, when both are published
    observed: str | None  # the registered victims it starts from, when Figure 1 publishes the same number
    main: tuple[Claim, ...]  # the claims of the sentence with the estimate
    synthetic: str | None  # the synthetic delivery's description (`synthetic_note`)
    lists: tuple[str, ...]  # codes of the reporting organisations
    terms: tuple[tuple[str, ...], ...]  # the model's interaction terms, each as codes
    averaged: tuple[str, str, str] | None  # Bayesian model averaging: total, lower, upper (published)
    averaged_claims: tuple[Claim, ...]
    others: tuple[tuple[EstimateApproach, str], ...]  # the other approaches with their published totals
    others_claims: tuple[Claim, ...]


def said(edition: Edition, values: Values) -> Said | None:
    """The estimate section's selection and claims (None without an estimate)."""
    est = edition.estimate
    if not isinstance(est, Estimate) or est.total is None:
        return None
    y = edition.year

    def value(r: Ref) -> Claim:
        return Claim(ClaimKind.VALUE, (r,), values.text(r) or "", (y,))

    total, lo, hi = (Ref.of_fact(f"schatting_{k}_{y}") for k in ("totaal", "ondergrens", "bovengrens"))
    observed = Ref.cell("1", "", "Geregistreerde slachtoffers", str(y))
    claims = [value(r) for r in (total, lo, hi) if values.text(r)]
    has_observed = values.text(observed) == str(est.observed)
    if has_observed:
        claims.append(Claim(ClaimKind.VALUE, (observed,), str(est.observed), (y,)))
        claims.append(Claim(ClaimKind.COMPARE, (total, observed), "gt", (y,)))
    low, high = values.text(lo), values.text(hi)
    bma = next((a for a in est.approaches if a.key == "bma" and a.total is not None), None)
    refs_bma = [Ref.of_fact(f"schatting_bma_{name}_{y}") for name in ("totaal", "ondergrens", "bovengrens")]
    averaged = bma is not None and all(values.text(r) for r in refs_bma)
    bma_total, bma_low, bma_high = (values.text(r) or "" for r in refs_bma)
    others = [a for a in est.approaches if a.key not in (est.model, "bma") and a.total is not None]
    refs = [Ref.of_fact(f"schatting_{a.key.replace('-', '_')}_totaal_{y}") for a in others]
    return Said(
        year=y,
        total=values.text(total) or "",
        interval=(low, high) if low and high else None,
        observed=str(est.observed) if has_observed else None,
        main=tuple(claims),
        synthetic=synthetic_note(edition),
        lists=est.lists,
        terms=tuple(tuple(t.split(":")) for t in est.model_terms),
        averaged=(bma_total, bma_low, bma_high) if averaged else None,
        averaged_claims=tuple(value(r) for r in refs_bma) if averaged else (),
        others=tuple((a, values.text(r) or "") for a, r in zip(others, refs, strict=True) if values.text(r)),
        others_claims=tuple(value(r) for r in refs if values.text(r)),
    )


def estimate_text(edition: Edition, values: Values) -> EstimateText | None:
    plan = said(edition, values)
    est = edition.estimate
    if plan is None or not isinstance(est, Estimate):
        return None
    y = plan.year
    label = est.experimental or "Experimentele statistiek."
    first = [Sentence(label, "estimate.label", ())]
    interval = (
        f", met een onzekerheidsmarge van {w.count(plan.interval[0])} tot {w.count(plan.interval[1])}"
        if plan.interval
        else ""
    )
    body = (
        "Niet alle slachtoffers komen bij de instanties in beeld. Omdat veel slachtoffers door meer dan één "
        "organisatie worden gemeld, is uit de overlap tussen de melders te schatten hoeveel slachtoffers er in "
        f"totaal waren, ook zonder registratie. Voor {y} komt die schatting uit op ongeveer "
        f"{w.count(plan.total)}{interval}"
    )
    body += f"; geregistreerd waren er {w.count(plan.observed)}." if plan.observed else "."
    first.append(Sentence(body, "estimate.main", plan.main))
    if plan.synthetic:
        first.append(
            Sentence(
                "Let op: deze editie rust op een synthetische levering (‘"
                + plan.synthetic.split(":")[0].strip()
                + "’ volgens de beschrijving van de levering). De schatting laat daarom zien hoe de methode "
                "werkt, niet hoeveel slachtoffers er werkelijk zijn.",
                "estimate.synthetic",
                (),
            )
        )
    names = reporter_names()
    terms = [" en ".join(names.get(c, c) for c in t) for t in plan.terms]
    lists = w.join([names.get(c, c) for c in plan.lists])
    method = [
        Sentence(
            "De schatting is gemaakt met multiple systems estimation: een log-lineair Poissonmodel over de "
            f"registraties van {lists}. Welke samenhang tussen melders het model meeneemt, is stapsgewijs gekozen "
            "(de methode van het R-pakket SparseMSE)" + (f": tussen {w.join(terms)}." if terms else "."),
            "estimate.method",
            (),
        ),
        Sentence(
            "De marge is het profielaannemelijkheidsinterval bij dat model. De onzekerheid van de modelkeuze zelf "
            "zit er niet in; de werkelijke onzekerheid is dus groter.",
            "estimate.interval",
            (),
        ),
    ]
    if plan.averaged is not None:
        total_text, low, high = (w.count(x) for x in plan.averaged)
        method.append(
            Sentence(
                "Bayesiaanse modelmiddeling neemt die onzekerheid wel mee: zij weegt alle decomposeerbare "
                f"modellen naar hun aannemelijkheid (de methode van het R-pakket dga) en komt uit op {total_text}, "
                f"met een geloofwaardigheidsinterval van {low} tot {high}.",
                "estimate.averaged",
                plan.averaged_claims,
            )
        )
    else:
        method.append(
            Sentence(
                "Een methode die ook die onzekerheid meeneemt, is voor deze publicatie niet doorgerekend.",
                "estimate.interval_only",
                (),
            )
        )
    parts = [f"{w.count(text)} ({a.name})" for a, text in plan.others]
    if parts:
        method.append(
            Sentence(
                "Wie het model op een andere manier kiest, komt uit op " + w.join(parts) + ".",
                "estimate.sensitivity",
                plan.others_claims,
            )
        )
    quotes = edition.editorial.estimates
    side = []
    for q in quotes:
        side.append(
            Sentence(
                f"Daarnaast bestaat er een schatting van buiten deze cijfers: {q.text.rstrip('.')} (bron: {q.source}). "
                "Die schatting is op een andere manier gemaakt; de twee staan naast elkaar en vervangen elkaar niet.",
                "extern.schatting",
                (),
            )
        )
    paragraphs = [Paragraph(tuple(first))]
    if side:
        paragraphs.append(Paragraph(tuple(side)))
    return EstimateText(tuple(paragraphs), (Paragraph(tuple(method)),), None)
