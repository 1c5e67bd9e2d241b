"""The story of an edition: every section's text, chapter 3, the press summary, the chain overview and
the estimate, composed from the candidate findings (docs/narrative.md).

`tell(edition)` is the one entry point the renderers use. It reads only the `Edition`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from jaarcijfers.edition.model import Edition
from jaarcijfers.story import select
from jaarcijfers.story.candidates import candidates
from jaarcijfers.story.model import (
    Development,
    Finding,
    FindingKind,
    Group,
    Paragraph,
    Press,
    PressItem,
    SectionText,
    Sentence,
    Story,
)
from jaarcijfers.story.nl import Opt, Para, Writer
from jaarcijfers.story.published import Values

LEAD_PARAGRAPH = 3  # findings in the first paragraph of a figure's text (the lead and two more)


_CACHE: list[tuple[Edition, Story]] = []


def tell(edition: Edition) -> Story:
    """The story of an edition (the same edition object gives the same story object: renderers share it)."""
    for e, st in _CACHE:
        if e is edition:
            return st
    story = _tell(edition)
    _CACHE.append((edition, story))
    del _CACHE[:-4]
    return story


def _tell(edition: Edition) -> Story:
    values = Values.of_edition(edition)
    found = select.one_driver_per_series(candidates(edition))
    writer = Writer(edition, values)
    by_figure: dict[str, list[Finding]] = defaultdict(list)
    for f in found:
        by_figure[f.figure].append(f)
    chapter_of = {s.title: s.chapter for s in edition.sections}

    from jaarcijfers.story.chain import chain
    from jaarcijfers.story.estimate import estimate_text

    sections = []
    told: set[str] = set()
    for number, _title in edition.chapters():
        writer.new_chapter()
        for sec in (s for s in edition.sections if s.chapter == number):
            groups = []
            for fig in (f for f in edition.figures if f.section == sec.title):
                plan = select.plan_group(fig.id, sec.title, by_figure.get(fig.id, []))
                groups.append(write_group(writer, plan))
                told.update(f.id for f in plan.told)
            sections.append(SectionText(sec.title, number, tuple(groups), writer.explanation(sec.title)))
    writer.new_chapter()
    developments = write_developments(writer, found, chapter_of)
    writer.new_chapter()
    press = write_press(writer, edition, found, chapter_of)
    return Story(
        year=edition.year,
        sections=tuple(sections),
        developments=tuple(developments),
        press=press,
        chain=chain(edition, values),
        estimate=estimate_text(edition, values),
        candidates=tuple(found),
        titles=tuple((f.id, Writer(edition, values).headline(f).text) for f in found),
    )


def write_group(writer: Writer, plan: select.GroupPlan) -> Group:
    headline = writer.headline(plan.lead) if plan.lead is not None else None
    findings = list(plan.told)
    chunks = (
        [findings[:LEAD_PARAGRAPH], findings[LEAD_PARAGRAPH:]]
        if len(findings) > LEAD_PARAGRAPH + 1
        else [findings]
    )
    paragraphs = []
    for chunk in chunks:
        para = Para()
        sentences: list[Sentence] = []
        for f in chunk:
            sentences += writer.write(f, para)
        if sentences:
            paragraphs.append(Paragraph(tuple(sentences)))
    if plan.no_data is not None:
        paragraphs.append(Paragraph(tuple(writer.write(plan.no_data, Para()))))
    leads: tuple[str, ...] = ()
    if plan.lead is not None:
        leads = (plan.lead.id, *plan.lead.covers)
    return Group(plan.figure, headline, tuple(paragraphs), plan.lead.id if plan.lead else "", leads)


def related(f: Finding, found: Sequence[Finding], chosen: Sequence[Finding]) -> list[Finding]:
    """A finding that belongs with a development: a change in the same direction at another stage of the
    chain, about the same category (a row label that two figures share: sexual exploitation in the
    investigations and in the OM's cases)."""
    if f.change is None:
        return []
    label = f.change.series.row
    for g in found:
        if g is f or g in chosen or g.change is None or g.figure == f.figure or not g.can_lead:
            continue
        if (
            g.kind not in SUMMARY_KINDS
            or g.change.series.column
            or g.change.series.key == f.change.series.key
        ):
            continue
        if g.change.series.row == label and g.change.direction == f.change.direction:
            return [g]
    return []


SUMMARY_KINDS = frozenset({FindingKind.CHANGE, FindingKind.DRIVER, FindingKind.SHARE})

REFERENCES = (
    "Meer hierover staat in de paragraaf ‘{s}’.",
    "De paragraaf ‘{s}’ gaat hier verder op in.",
    "Zie voor de cijfers de paragraaf ‘{s}’.",
)


def write_developments(
    writer: Writer, found: Sequence[Finding], chapter_of: dict[str, str]
) -> list[Development]:
    chosen = select.across(found, chapter_of, select.DEVELOPMENTS)
    out = []
    writer.register = "summary"
    for i, f in enumerate(chosen):
        head = writer.headline(f)
        para = Para()
        sentences = writer.write(f, para)[:1]
        for g in related(f, found, chosen):
            sentences += writer.write(g, para)[:1]
        ref = REFERENCES[i % len(REFERENCES)].format(s=f.section)
        sentences.append(Sentence(ref, f"ch3.ref{i % len(REFERENCES)}", ()))
        out.append(Development(head, Paragraph(tuple(sentences)), f.section, (f.id,)))
    writer.register = "report"
    return out


def write_press(
    writer: Writer, edition: Edition, found: Sequence[Finding], chapter_of: dict[str, str]
) -> Press:
    items = select.across(found, chapter_of, select.PRESS_ITEMS)
    y = edition.year
    date = edition.editorial.published_on
    when = f"op {date.day} {MONTHS[date.month - 1]} {date.year}" if date else "vandaag"
    total = next((f for f in found if f.kind == FindingKind.CHANGE and f.figure == "1"), None)
    top: Finding | None
    if items:
        top = items[0]
        title = writer.headline(top)
        para = Para()
        lead = writer.write(top, para)[:1]
    else:
        top = total
        title = Sentence(f"Jaarcijfers Mensenhandel {y}", "pers.titel", ())
        para = Para()
        lead = []
    lead.append(
        Sentence(
            f"Dat blijkt uit de Jaarcijfers Mensenhandel {y}, die de Nationaal Rapporteur Mensenhandel en Seksueel "
            f"Geweld tegen Kinderen {when} publiceert.",
            "pers.bron",
            (),
        )
    )
    if total is not None and total is not top:
        lead += writer.write(total, Para())[:1]
    rest = []
    for f in items[1:]:
        p = Para()
        rest.append(PressItem(writer.headline(f), Paragraph(tuple(writer.write(f, p)[:2])), f.section, f.id))
    context = Paragraph(
        (
            Sentence(
                "De cijfers laten zien welke slachtoffers en plegers bij de instanties in beeld komen; het werkelijke "
                "aantal ligt hoger.",
                "pers.context",
                (),
            ),
        )
    )
    return Press(title, Paragraph(tuple(lead)), tuple(rest), None, context)


MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

__all__ = ["Opt", "tell"]
