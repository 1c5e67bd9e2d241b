"""The English story of an edition beyond the text beside each figure (docs/language.md, "The English
narrative"): the chain at a glance, chapter 3's main developments and the press summary, written in English
for the same findings the Dutch story selects (`story.compose`), with the same claims.

The selection is the Dutch story's, read from it: chapter 3 tells the findings of the Dutch developments
(each with the related finding the Dutch paragraph adds) and the press summary leads with the Dutch lead
finding, then the registered victims, then the Dutch press sections' findings. A finding the English
templates do not tell yet (`EnglishWriter.tells`) is left out, never replaced by another.
"""

from __future__ import annotations

from dataclasses import dataclass

from jaarcijfers.edition.model import Edition
from jaarcijfers.language import EN, Language
from jaarcijfers.story.en import EnglishWriter, Para
from jaarcijfers.story.model import (
    Chain,
    ChainStage,
    Development,
    Finding,
    Paragraph,
    Press,
    PressItem,
    Sentence,
    Story,
)
from jaarcijfers.story.published import Values

STAGE_WORDS = "chain.{key}.stage", "chain.{key}.unit"
"""Keys of a stage's name and unit in the message catalogue."""

PUBLISHER = "National Rapporteur on Trafficking in Human Beings and Sexual Violence against Children"

REFERENCES = (
    "There is more on this in the section ‘{s}’.",
    "The section ‘{s}’ goes into this further.",
    "For the figures, see the section ‘{s}’.",
)


def words() -> list[tuple[str, str]]:
    """(key, Dutch text) of the chain's stages and units, for the message catalogue."""
    from jaarcijfers.story.chain import STAGES

    out = []
    for s in STAGES:
        out.append((STAGE_WORDS[0].format(key=s.key), s.stage))
        out.append((STAGE_WORDS[1].format(key=s.key), s.unit))
    return out


@dataclass(frozen=True)
class EnglishStory:
    chain: Chain | None
    developments: tuple[Development, ...]
    press: Press

    def sentences(self) -> list[Sentence]:
        out = list(self.chain.paragraph.sentences) if self.chain else []
        for d in self.developments:
            out += [d.headline, *d.paragraph.sentences]
        p = self.press
        out += [p.title, *p.lead.sentences]
        for item in p.items:
            out += [item.headline, *item.paragraph.sentences]
        if p.context:
            out += p.context.sentences
        return out


_CACHE: list[tuple[Edition, Values, EnglishStory]] = []


def tell(edition: Edition, values: Values | None = None, lang: Language = EN) -> EnglishStory:
    """The English chain, developments and press summary of a (Dutch) edition."""
    for e, v, st in _CACHE:
        if e is edition and (values is None or v is values):
            return st
    from jaarcijfers.story.compose import tell as tell_dutch

    vals = values or Values.of_edition(edition)
    dutch = tell_dutch(edition)
    found = {f.id: f for f in dutch.candidates}
    sections = section_names(edition, lang)
    story = EnglishStory(
        chain=chain(edition, dutch, lang),
        developments=developments(edition, vals, dutch, found, sections, lang),
        press=press(edition, vals, dutch, found, lang),
    )
    _CACHE.append((edition, vals, story))
    del _CACHE[:-4]
    return story


def section_names(edition: Edition, lang: Language) -> dict[str, str]:
    """Dutch section title -> its title in the language."""
    from jaarcijfers.edition.translate import section

    return {s.title: section(lang, s.title) for s in edition.sections}


# --- the chain at a glance --------------------------------------------------------------------------------
def chain(edition: Edition, dutch: Story, lang: Language) -> Chain | None:
    if dutch.chain is None:
        return None
    stages = tuple(
        ChainStage(
            stage=lang.text(STAGE_WORDS[0].format(key=c.source), c.stage),
            unit=lang.text(STAGE_WORDS[1].format(key=c.source), c.unit),
            source=c.source,
            new=c.new,
            old=c.old,
            pct=c.pct,
            new_text=c.new_text,
            old_text=c.old_text,
            pct_text=c.pct_text,
            direction=c.direction,
        )
        for c in dutch.chain.stages
    )
    return Chain(stages, _chain_paragraph(edition, stages, lang))


CHAIN_WORDS = {
    "slachtoffers": "{n} presumed victims of human trafficking were registered",
    "onderzoeken": "the police, KMar and NLA started {n} criminal investigations",
    "om_in": "the Public Prosecution Service (OM) registered {n} cases",
    "berecht": "the courts decided {n} cases at first instance",
    "veroordeeld": ", {n} of them with a conviction for human trafficking",
}
"""The English words of each stage the chain's paragraph names (`chain.Summary`); {n} the number."""


def _chain_paragraph(edition: Edition, stages: tuple[ChainStage, ...], lang: Language) -> Paragraph:
    """The Dutch chain paragraph's selection and claims (`chain.summary`) in English."""
    from jaarcijfers.story.chain import summary

    said = summary(edition.year, stages)
    claims = said.claims
    parts = [CHAIN_WORDS[k].format(n=lang.count(n)) for k, n in said.first]
    first = f"In {said.year}, " + " and ".join(parts) + "." if parts else ""
    second = " and ".join(said.clauses(lambda k, n: CHAIN_WORDS[k].format(n=lang.count(n))))
    sentences = []
    if first:
        sentences.append(Sentence(first, "en.chain.1", claims))
    if second:
        sentences.append(Sentence(second[:1].upper() + second[1:] + ".", "en.chain.2", claims))
    sentences.append(
        Sentence(
            "These numbers cannot be added up or subtracted from one another: each stage counts its own unit (a "
            "victim, an investigation, a case) in its own year. A case registered this year is therefore usually "
            "not the same as a case tried this year.",
            "en.chain.caveat",
            (),
        )
    )
    return Paragraph(tuple(sentences))


# --- chapter 3 ----------------------------------------------------------------------------------------------
def developments(
    edition: Edition,
    values: Values,
    dutch: Story,
    found: dict[str, Finding],
    sections: dict[str, str],
    lang: Language,
) -> tuple[Development, ...]:
    writer = EnglishWriter(edition, values, lang)
    out = []
    for i, d in enumerate(dutch.developments):
        lead = found.get(d.findings[0])
        if lead is None or not writer.tells(lead):
            continue
        head = writer.headline(lead)
        assert head is not None
        para = Para()
        sentences = writer.write(lead, para)[:1]
        related = dict.fromkeys(
            s.finding for s in d.paragraph.sentences if s.finding and s.finding != lead.id
        )
        for fid in related:
            g = found.get(fid)
            if g is not None:
                sentences += writer.write(g, para)[:1]
        name = sections.get(d.section, d.section)
        ref = REFERENCES[i % len(REFERENCES)].format(s=name)
        sentences.append(Sentence(ref, f"en.ch3.ref{i % len(REFERENCES)}", ()))
        out.append(Development(head, Paragraph(tuple(sentences)), name, d.findings))
    return tuple(out)


# --- the press summary -----------------------------------------------------------------------------------------
def press(edition: Edition, values: Values, dutch: Story, found: dict[str, Finding], lang: Language) -> Press:
    writer = EnglishWriter(edition, values, lang)
    y = edition.year
    date = edition.editorial.published_on
    when = f"on {lang.date(date)}" if date else "today"
    dp = dutch.press
    top = found.get(dp.title.finding) if dp.title.finding else None
    title: Sentence | None = None
    lead: list[Sentence] = []
    if top is not None and writer.tells(top):
        title = writer.headline(top)
        lead = writer.write(top, Para())[:1]
    if title is None:
        title = Sentence(f"Human Trafficking Figures {y}", "en.press.title", ())
    lead.append(
        Sentence(
            f"This is shown by the Human Trafficking Figures {y}, which the {PUBLISHER} publishes {when}.",
            "en.press.source",
            (),
        )
    )
    others = dict.fromkeys(
        s.finding for s in dp.lead.sentences if s.finding and (top is None or s.finding != top.id)
    )
    for fid in others:
        g = found.get(fid)
        if g is not None:
            lead += writer.write(g, Para())[:1]
    items = []
    for item in dp.items:
        f = found.get(item.finding)
        if f is None or not writer.tells(f):
            continue
        head = writer.headline(f)
        assert head is not None
        items.append(PressItem(head, Paragraph(tuple(writer.write(f, Para())[:2])), item.section, f.id))
    context = Paragraph(
        (
            Sentence(
                "The figures show which victims and perpetrators come to the attention of the authorities; the "
                "real number is higher.",
                "en.press.context",
                (),
            ),
        )
    )
    return Press(title, Paragraph(tuple(lead)), tuple(items), None, context)
