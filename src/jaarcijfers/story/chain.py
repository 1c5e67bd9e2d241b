"""The chain at a glance: the reporting year's total at every stage from registration to appeal, and its
change on the year before (docs/narrative.md, "The chain").

The stages are a presentation decision (which figure row or fact is a stage's total), declared once
here; the numbers are published cells and facts. The caveat belongs to it: every stage counts its own
unit by its own year (a victim by year of registration, an investigation by its start, an OM case by the
year it was registered, decided or judged), so a case of one stage is not the same as a case of the next.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from jaarcijfers.edition.model import Edition
from jaarcijfers.story.model import Chain, ChainStage, Claim, ClaimKind, Paragraph, Ref, Sentence
from jaarcijfers.story.published import Values


@dataclass(frozen=True)
class Stage:
    key: str
    stage: str  # Dutch
    unit: str  # Dutch: the unit and the year it is counted by
    figure: str = ""  # a cell of a figure's year block ...
    part: str = ""
    row: str = ""
    fact: str = ""  # ... or facts: '{}' is the year


STAGES: tuple[Stage, ...] = (
    Stage(
        "slachtoffers",
        "Geregistreerde slachtoffers",
        "slachtoffers, naar jaar van registratie bij CoMensha",
        "1",
        "",
        "Geregistreerde slachtoffers",
    ),
    Stage(
        "b8",
        "Verblijfsvergunningen mensenhandel (B8)",
        "verleende vergunningen, afgerond op vijftallen",
        "11",
        "",
        "B8 (verleend)",
    ),
    Stage("onderzoeken", "Opsporingsonderzoeken", "onderzoeken, naar startjaar", fact="onderzoeken_{}"),
    Stage(
        "verdachten",
        "Verdachten in opsporingsonderzoeken",
        "verdachten, naar startjaar van hun onderzoek",
        "14",
        "",
        "Totaal",
    ),
    Stage(
        "om_in",
        "Ingeschreven zaken bij het OM",
        "zaken, naar jaar van inschrijving",
        "15",
        "",
        "Ingeschreven mensenhandelzaken",
    ),
    Stage(
        "om_af",
        "Door het OM afgehandelde zaken",
        "zaken, naar jaar van afhandeling",
        fact="om_afgehandeld_{}",
    ),
    Stage(
        "berecht", "In eerste aanleg afgedane zaken", "zaken, naar jaar van het vonnis", "18", "", "Totaal"
    ),
    Stage(
        "veroordeeld",
        "Veroordelingen voor mensenhandel",
        "zaken, naar jaar van het vonnis",
        "19",
        "jaar",
        "Veroordeling voor mensenhandel",
    ),
    Stage(
        "hoger_beroep",
        "Zaken met een eindarrest in hoger beroep",
        "zaken, naar jaar van het eindarrest, afgerond op vijftallen",
        "20",
        "",
        "Totaal aantal zaken met eindarrest in hoger beroep",
    ),
)


def chain(edition: Edition, values: Values) -> Chain | None:
    from jaarcijfers.facts.compute import series_fact_stem

    y, p = edition.year, edition.year - 1
    stages = []
    for s in STAGES:
        if s.fact:
            new, old = Ref.of_fact(s.fact.format(y)), Ref.of_fact(s.fact.format(p))
            pct = Ref.of_fact(s.fact.format("pct") + f"_{y}")
        else:
            new, old = Ref.cell(s.figure, s.part, s.row, str(y)), Ref.cell(s.figure, s.part, s.row, str(p))
            pct = Ref.of_fact(f"{series_fact_stem(s.figure, s.part, s.row)}_pct_{y}")
        a, b = values.number(new), values.number(old)
        if not values.text(new) and not values.text(old):
            continue  # a stage without data in either year is left out of the overview
        pct_text = values.text(pct) or ""
        direction = "" if a is None or b is None else "up" if a > b else "down" if a < b else "same"
        stages.append(
            ChainStage(
                stage=s.stage,
                unit=s.unit,
                source=s.key,
                new=new if values.text(new) else None,
                old=old if values.text(old) else None,
                pct=pct if pct_text else None,
                new_text=values.text(new) or "",
                old_text=values.text(old) or "",
                pct_text=pct_text,
                direction=direction,
            )
        )
    if not any(s.new_text for s in stages):
        return None
    return Chain(tuple(stages), _paragraph(edition, stages))


@dataclass(frozen=True)
class Summary:
    """What the chain's paragraph says, in any language (each language words it: `_paragraph` here,
    `en_story` in English): the reporting year, the stages its first sentence names (who came into view:
    registered victims, investigations started) and its second (the OM's registered cases, the cases decided
    at first instance and, with them, the convictions), each with its published whole number, and the claims
    the sentences carry (every stage's published total of the reporting year)."""

    year: int
    claims: tuple[Claim, ...]
    first: tuple[tuple[str, str], ...]  # (stage key, published whole number)
    second: tuple[tuple[str, str], ...]

    def clauses(self, word: Callable[[str, str], str]) -> list[str]:
        """The second sentence's clauses, each stage worded by `word(key, number)`; the convictions are
        part of the clause of the cases decided."""
        out: list[str] = []
        for key, n in self.second:
            if key == "veroordeeld" and out:
                out[-1] += word(key, n)
            else:
                out.append(word(key, n))
        return out


FIRST = ("slachtoffers", "onderzoeken")
SECOND = ("om_in", "berecht", "veroordeeld")  # 'veroordeeld' only said with 'berecht'


def summary(year: int, stages: Sequence[ChainStage]) -> Summary:
    by = {s.source: s for s in stages}

    def whole(key: str) -> tuple[str, str] | None:
        s = by.get(key)
        return (key, s.new_text) if s is not None and s.new_text.isdigit() else None

    first = tuple(x for x in map(whole, FIRST) if x is not None)
    second = tuple(
        x for x in map(whole, SECOND) if x is not None and (x[0] != "veroordeeld" or whole("berecht"))
    )
    claims = tuple(
        Claim(ClaimKind.VALUE, (s.new,), s.new_text, (year,))
        for s in stages
        if s.new is not None and s.new_text.isdigit()
    )
    return Summary(year, claims, first, second)


WORDS = {
    "slachtoffers": "In {y} werden {n} slachtoffers van mensenhandel geregistreerd",
    "onderzoeken": "startten politie, KMar en NLA {n} opsporingsonderzoeken",
    "om_in": "het OM schreef {n} zaken in",
    "berecht": "de rechter deed in eerste aanleg {n} zaken af",
    "veroordeeld": ", {n} keer met een veroordeling voor mensenhandel",
}
"""The Dutch words of each stage the paragraph names (`Summary`); {y} the year, {n} the number."""


def _paragraph(edition: Edition, stages: list[ChainStage]) -> Paragraph:
    from jaarcijfers.story import nl_words as w

    said = summary(edition.year, stages)
    claims = said.claims
    parts = [WORDS[k].format(y=said.year, n=w.count(n)) for k, n in said.first]
    first = (
        (", ".join(parts[:-1]) + " en " + parts[-1] if len(parts) > 1 else "".join(parts)) + "."
        if parts
        else ""
    )
    second = " en ".join(said.clauses(lambda k, n: WORDS[k].format(n=w.count(n))))
    sentences = []
    if first:
        sentences.append(Sentence(first, "chain.1", claims))
    if second:
        sentences.append(Sentence(w.cap(second) + ".", "chain.2", claims))
    sentences.append(
        Sentence(
            "Die aantallen zijn niet bij elkaar op te tellen of van elkaar af te trekken: elke schakel telt haar "
            "eigen eenheid (een slachtoffer, een onderzoek, een zaak) en telt die in haar eigen jaar. Een zaak die "
            "dit jaar werd ingeschreven, is daarom meestal niet dezelfde als een zaak die dit jaar werd berecht.",
            "chain.caveat",
            (),
        )
    )
    return Paragraph(tuple(sentences))
