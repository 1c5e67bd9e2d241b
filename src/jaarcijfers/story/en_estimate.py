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
from jaarcijfers.story.model import EstimateText, Paragraph, Sentence
from jaarcijfers.story.published import Values

LABEL = "Experimental statistics."
"""The label of an estimate whose own (Dutch) label the catalogue does not know (`estimate.label`)."""


def words() -> list[tuple[str, str]]:
    """(key, Dutch text) of the estimate's words in the message catalogue: the approaches' names, the
    intervals' names, the status of an estimate the data do not bound, and the model's warnings
    (`estimate.warning.<code>`, with the Dutch words their values may be: `estimate.warning.<value>`)."""
    from jaarcijfers.estimate.warning_texts import TEMPLATES, WORDS

    out = [(f"estimate.approach.{k}", v) for k, v in APPROACH_NAMES.items()]
    out += [(f"estimate.interval.{k}", v) for k, v in INTERVAL_NAMES.items()]
    out.append(("estimate.status", NOT_BOUNDED))
    out.append(("estimate.label", ReportEstimate.label))
    out += [(f"estimate.warning.{code}", text) for code, text in TEMPLATES.items()]
    out += [(f"estimate.warning.{name}", text) for name, texts in WORDS.items() for text in texts]
    return out


def warning_text(lang: Language, text: str) -> str | None:
    """A warning or note of the estimate (Dutch, `estimate.warning_texts`) in the language: its template
    from the message catalogue, its values in the language (list names as the reporting organisations of
    Figure 12, numbers in the language's notation, the Dutch words of `WORDS` from the catalogue). None
    for a text not written from the templates."""
    import re

    from jaarcijfers.estimate.warning_texts import LISTS, NUMBERS, TEMPLATES, WORDS, parse

    found = parse(text)
    if found is None:
        return None
    code, values = found
    names = reporter_names(lang)

    def word(name: str, value: str) -> str:
        if name in LISTS:
            return re.sub(r"[\w-]+", lambda m: names.get(m.group(), m.group()), value)
        if name in NUMBERS or (name == "apart" and value not in WORDS["apart"]):
            return lang.count(value.replace(".", ""))
        if name in WORDS:
            parts = value.split(" en ") if name == "reason" else [value]
            if all(lang.has(f"estimate.warning.{name}", p) for p in parts):
                return lang.gettext(" en ").join(lang.text(f"estimate.warning.{name}", p) for p in parts)
        return value

    template = lang.text(f"estimate.warning.{code}", TEMPLATES[code])
    return template.format(**{k: word(k, v) for k, v in values.items()})


def warnings(edition: Edition, lang: Language, notes: bool = True) -> list[str]:
    """The estimate's warnings (and notes about the data, unless `notes` is False) of a (Dutch) edition in
    the language, in their order."""
    est = edition.estimate
    if not isinstance(est, Estimate):
        return []
    texts = (*est.warnings, *(est.notes if notes else ()))
    return [t for t in (warning_text(lang, w) for w in texts) if t is not None]


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
    """The English estimate section of a (Dutch) edition, or None when it has no estimate: the Dutch
    section's selection and claims (`story.estimate.said`) in English."""
    from jaarcijfers.story.estimate import said

    plan = said(edition, values)
    est = edition.estimate
    if plan is None or not isinstance(est, Estimate):
        return None
    c = lang.count
    y = plan.year
    label = est.experimental or ReportEstimate.label
    first = [
        Sentence(
            lang.text("estimate.label", label) if lang.has("estimate.label", label) else LABEL,
            "en.estimate.label",
            (),
        )
    ]
    interval = (
        f", with a margin of uncertainty from {c(plan.interval[0])} to {c(plan.interval[1])}"
        if plan.interval
        else ""
    )
    body = (
        "Not every victim comes to the attention of the authorities. Because many victims are reported by more "
        "than one organisation, the overlap between the reporting organisations makes it possible to estimate "
        f"how many victims there were in total, including those never registered. For {y} that estimate comes "
        f"to about {c(plan.total)}{interval}"
    )
    body += f"; {c(plan.observed)} were registered." if plan.observed else "."
    first.append(Sentence(body, "en.estimate.main", plan.main))
    if plan.synthetic:
        first.append(
            Sentence(
                "Note: this edition rests on a synthetic delivery (as the delivery's description says). The "
                "estimate therefore shows how the method works, not how many victims there really are.",
                "en.estimate.synthetic",
                (),
            )
        )
    names = reporter_names(lang)
    terms = [" and ".join(names.get(t, t) for t in term) for term in plan.terms]
    lists = join([names.get(code, code) for code in plan.lists])
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
    if plan.averaged is not None:
        total_text, low, high = (c(x) for x in plan.averaged)
        method.append(
            Sentence(
                "Bayesian model averaging does take that uncertainty into account: it weighs every decomposable "
                f"model by how well it fits (the method of the R package dga) and arrives at {total_text}, "
                f"with a credible interval from {low} to {high}.",
                "en.estimate.averaged",
                plan.averaged_claims,
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
    parts = [f"{c(text)} ({approach_name(lang, a)})" for a, text in plan.others]
    if parts:
        method.append(
            Sentence(
                "Choosing the model in another way gives " + join(parts) + ".",
                "en.estimate.sensitivity",
                plan.others_claims,
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
