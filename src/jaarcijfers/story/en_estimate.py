"""The estimate of the hidden number in English (docs/language.md, "The English narrative"): the same
sentences as the Dutch section (`story.estimate`), written as English prose, with the same claims.

What it says: the label that marks it experimental, the estimate and its interval, the registered victims
it starts from, a synthetic delivery said as such, how it was made (multiple systems estimation over the
reporting organisations, the model's terms, the interval given the model), the Bayesian model average and
the estimate under the other ways of choosing a model. The names of the approaches and of their
intervals come from the message catalogue (`estimate.approach.<key>`, `estimate.interval.<kind>`).
"""

from __future__ import annotations

from jaarcijfers.edition.model import Edition, Estimate, EstimateApproach
from jaarcijfers.estimate.result import APPROACH_NAMES, INTERVAL_NAMES, NOT_BOUNDED, ReportEstimate
from jaarcijfers.language import EN, Language
from jaarcijfers.story.model import Claim, ClaimKind, EstimateText, Paragraph, Ref, Sentence
from jaarcijfers.story.published import Values

LABEL = "Experimental statistics."
"""The label of an estimate whose own (Dutch) label the catalogue does not know (`estimate.label`)."""


def words() -> list[tuple[str, str]]:
    """(key, Dutch text) of the estimate's words in the message catalogue: the approaches' names, the
    intervals' names and the status of an estimate the data do not bound."""
    out = [(f"estimate.approach.{k}", v) for k, v in APPROACH_NAMES.items()]
    out += [(f"estimate.interval.{k}", v) for k, v in INTERVAL_NAMES.items()]
    out.append(("estimate.status", NOT_BOUNDED))
    out.append(("estimate.label", ReportEstimate.label))
    return out


def approach_name(lang: Language, a: EstimateApproach) -> str:
    return lang.text(f"estimate.approach.{a.key}", a.name)


def interval_name(lang: Language, a: EstimateApproach) -> str:
    kind = next((k for k, v in INTERVAL_NAMES.items() if v == a.interval), None)
    if kind is None:
        return a.interval if lang.source else ""
    return lang.text(f"estimate.interval.{kind}", a.interval)


def status(lang: Language, a: EstimateApproach) -> str:
    """Why an approach has no total, in the language (a reason the catalogue does not know: 'not
    available')."""
    if a.status == NOT_BOUNDED:
        return lang.text("estimate.status", NOT_BOUNDED)
    return a.status if lang.source else "not available"


def reporter_names(lang: Language) -> dict[str, str]:
    """Code of a reporting organisation -> its label in Figure 12 in the language."""
    from jaarcijfers.edition.translate import label
    from jaarcijfers.story.estimate import reporter_names as dutch

    part = _figure12_part()
    return {code: label(lang, "12", part, name) for code, name in dutch().items()}


def _figure12_part() -> str:
    from jaarcijfers.figures.catalogue import by_id

    return by_id()["12"].blocks[0].part


def join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + ", and " + items[-1]


def estimate_text(edition: Edition, values: Values, lang: Language = EN) -> EstimateText | None:
    """The English estimate section of a (Dutch) edition, or None when it has no estimate."""
    from jaarcijfers.story.estimate import synthetic_note

    est = edition.estimate
    if not isinstance(est, Estimate) or est.total is None:
        return None
    c = lang.count
    y = edition.year
    total, lo, hi = (Ref.of_fact(f"schatting_{k}_{y}") for k in ("totaal", "ondergrens", "bovengrens"))
    observed = Ref.cell("1", "", "Geregistreerde slachtoffers", str(y))
    claims = [
        Claim(ClaimKind.VALUE, (r,), values.text(r) or "", (y,)) for r in (total, lo, hi) if values.text(r)
    ]
    has_observed = values.text(observed) == str(est.observed)
    if has_observed:
        claims.append(Claim(ClaimKind.VALUE, (observed,), str(est.observed), (y,)))
        claims.append(Claim(ClaimKind.COMPARE, (total, observed), "gt", (y,)))
    label = est.experimental or ReportEstimate.label
    first = [
        Sentence(
            lang.text("estimate.label", label) if lang.has("estimate.label", label) else LABEL,
            "en.estimate.label",
            (),
        )
    ]
    interval = (
        f", with a margin of uncertainty from {c(values.text(lo) or '')} to {c(values.text(hi) or '')}"
        if values.text(lo) and values.text(hi)
        else ""
    )
    body = (
        "Not every victim comes to the attention of the authorities. Because many victims are reported by more "
        "than one organisation, the overlap between the reporting organisations makes it possible to estimate "
        f"how many victims there were in total, including those never registered. For {y} that estimate comes "
        f"to about {c(values.text(total) or '')}{interval}"
    )
    body += f"; {c(str(est.observed))} were registered." if has_observed else "."
    first.append(Sentence(body, "en.estimate.main", tuple(claims)))
    if synthetic_note(edition):
        first.append(
            Sentence(
                "Note: this edition rests on a synthetic delivery (as the delivery's description says). The "
                "estimate therefore shows how the method works, not how many victims there really are.",
                "en.estimate.synthetic",
                (),
            )
        )
    names = reporter_names(lang)
    terms = [" and ".join(names.get(t, t) for t in term.split(":")) for term in est.model_terms]
    lists = join([names.get(code, code) for code in est.lists])
    method = [
        Sentence(
            "The estimate was made with multiple systems estimation: a log-linear Poisson model over the "
            f"registrations of {lists}. Which associations between reporting organisations the model includes "
            "was chosen step by step (the method of the R package SparseMSE)"
            + (f": between {join(terms)}." if terms else "."),
            "en.estimate.method",
            (),
        ),
        Sentence(
            "The margin is the profile likelihood interval given that model. It leaves out the uncertainty of "
            "choosing the model itself, so the real uncertainty is larger.",
            "en.estimate.interval",
            (),
        ),
    ]
    averaged = next((a for a in est.approaches if a.key == "bma" and a.total is not None), None)
    refs_bma = [Ref.of_fact(f"schatting_bma_{name}_{y}") for name in ("totaal", "ondergrens", "bovengrens")]
    if averaged is not None and all(values.text(r) for r in refs_bma):
        total_text, low, high = (c(values.text(r) or "") for r in refs_bma)
        method.append(
            Sentence(
                "Bayesian model averaging does take that uncertainty into account: it weighs every decomposable "
                f"model by how well it fits (the method of the R package dga) and arrives at {total_text}, "
                f"with a credible interval from {low} to {high}.",
                "en.estimate.averaged",
                tuple(Claim(ClaimKind.VALUE, (r,), values.text(r) or "", (y,)) for r in refs_bma),
            )
        )
    else:
        method.append(
            Sentence(
                "A method that also takes that uncertainty into account was not run for this publication.",
                "en.estimate.interval_only",
                (),
            )
        )
    others = [a for a in est.approaches if a.key not in (est.model, "bma") and a.total is not None]
    refs = [Ref.of_fact(f"schatting_{a.key.replace('-', '_')}_totaal_{y}") for a in others]
    parts = [
        f"{c(values.text(r) or '')} ({approach_name(lang, a)})"
        for a, r in zip(others, refs, strict=True)
        if values.text(r)
    ]
    if parts:
        method.append(
            Sentence(
                "Choosing the model in another way gives " + join(parts) + ".",
                "en.estimate.sensitivity",
                tuple(
                    Claim(ClaimKind.VALUE, (r,), values.text(r) or "", (y,)) for r in refs if values.text(r)
                ),
            )
        )
    return EstimateText((Paragraph(tuple(first)),), (Paragraph(tuple(method)),), None)


def table(edition: Edition, lang: Language) -> list[dict[str, object]]:
    """The sensitivity table's rows in the language: every approach with its total (or why there is none),
    its interval and the kind of interval; `headline` marks the approach of the headline estimate."""
    est = edition.estimate
    if not isinstance(est, Estimate):
        return []
    c = lang.count
    return [
        {
            "name": approach_name(lang, a),
            "total": c(str(a.total)) if a.total is not None else status(lang, a),
            "interval": f"{c(str(a.ci_lower))} – {c(str(a.ci_upper))}"
            if a.ci_lower is not None and a.ci_upper is not None
            else "",
            "kind": interval_name(lang, a),
            "headline": a.key == est.model,
        }
        for a in est.approaches
    ]
