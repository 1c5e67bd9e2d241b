"""The findings and their claims as language-neutral data (docs/narrative.md).

A `Finding` is what the data say (a change, a record, a share, a concentration, a mover in the top ten),
with the published values it rests on (`Ref`: a cell of figures.csv or a fact of facts.csv) and its
score. Its `claims` say exactly what a sentence about it asserts, so that the checker can verify every
sentence against the published files without reading Dutch (`story.claims`). The Dutch wording lives in
`story.nl` alone; an English edition adds templates, not findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction


@dataclass(frozen=True, order=True)
class Ref:
    """A published value: a cell of figures.csv (`figure`, `part`, `row`, `column`) or a fact of
    facts.csv (`fact`)."""

    figure: str = ""
    part: str = ""
    row: str = ""
    column: str = ""
    fact: str = ""

    @classmethod
    def cell(cls, figure: str, part: str, row: str, column: str) -> Ref:
        return cls(figure, part, row, column)

    @classmethod
    def of_fact(cls, fact_id: str) -> Ref:
        return cls(fact=fact_id)

    @property
    def is_fact(self) -> bool:
        return bool(self.fact)

    def label(self) -> str:
        if self.fact:
            return f"feit {self.fact}"
        part = f" ({self.part})" if self.part else ""
        return f"Figuur {self.figure}{part} [{self.row} | {self.column}]"


class ClaimKind(StrEnum):
    """What a claim asserts about its refs (evaluated by `story.claims.evaluate`)."""

    VALUE = "value"  # refs[0] is published exactly as `value` (a number the sentence prints)
    DIRECTION = "direction"  # (new, old): `value` up | down | same
    PERCENT = "percent"  # (fact, new, old): the fact is the change from old to new, rounded half up
    DIFFERENCE = "difference"  # (new, old): |new - old| == int(value)
    FACTOR = "factor"  # (new, old): new/old lies in the band of the factor word `value` (words.FACTORS)
    MAGNITUDE = "magnitude"  # (new, old): |new/old - 1| lies in the band `value` (words.MAGNITUDES)
    EXTREME = "extreme"  # (now, other years...): now is the strict max | min of all
    STREAK = "streak"  # (first year, ..., last year): every step up | down
    BELOW = "below"  # (now, earlier): now < earlier
    RANK = "rank"  # (winner, others...): `value` max | min: the winner beats every other (a symbol's bound)
    SHARE = "share"  # (part, whole...): part / sum(whole) lies in the band of the fraction word `value`
    SHARE_EXTREME = (
        "share_extreme"  # groups (part, whole terms...) by `sizes`: group 1 has the max | min share
    )
    COMPARE = "compare"  # (a, b): a > b | a < b | a = b (`value` gt | lt | eq)
    CONTRIBUTION = "contribution"  # (new, old, whole_new, whole_old, sibling_new, sibling_old, ...)
    PRESENT = "present"  # (fact): the fact is published with a plain value (a marker such as top10_nieuw)
    SUM = "sum"  # (total, parts...): total == sum(parts)


@dataclass(frozen=True)
class Claim:
    kind: ClaimKind
    refs: tuple[Ref, ...]
    value: str = ""
    years: tuple[int, ...] = ()
    sizes: tuple[int, ...] = ()  # SHARE_EXTREME: the length of each group (a part, then its whole's terms)

    def describe(self) -> str:
        refs = ", ".join(r.label() for r in self.refs)
        return f"{self.kind}({self.value}) over {refs}"


class FindingKind(StrEnum):
    CHANGE = "change"  # a count (or mean) of a year series: reporting year against the year before
    CROSSING = "crossing"  # a cell of a reporting-year crossing against the same cell a year earlier
    DRIVER = "driver"  # a series' change and the crossing cell that carries most of it ("vooral")
    SHARE = "share"  # a part's share of its column (a shift against the year before, a record)
    CONTRAST = "contrast"  # a row's share differs most between the columns of a five-year block
    LARGEST = "largest"  # the largest category of a block in the reporting year
    CONCENTRATION = "concentration"  # most of a row's units fall in one column of a crossing
    TOP = "top"  # Tabel 1: the first nationalities
    TOP_NEW = "top_new"  # a nationality new in the top ten
    TOP_LEFT = "top_left"  # a nationality that left the top ten
    CONTEXT = "context"  # a fact of the catalogue told with its own sentence
    NO_DATA = "no_data"  # a figure without data in the window


@dataclass(frozen=True)
class Series:
    """A published series: a row of a year block (or a cell of a crossing block) of a figure."""

    figure: str
    part: str
    row: str
    column: str = ""  # the column of a crossing; "" for a year series

    @property
    def key(self) -> str:
        return "|".join((self.figure, self.part, self.row, self.column))


@dataclass(frozen=True)
class Change:
    """A change between two years of one series, with what the edition publishes about it."""

    series: Series
    year: int
    prior: int
    new: Ref
    old: Ref
    new_n: Fraction  # the published values as numbers (a mean is not whole)
    old_n: Fraction
    mean: bool = False  # a mean (age) rather than a count
    rounded: bool = False  # a source that rounds to fives
    pct: Ref | None = None  # the fact with the change in percent
    diff: Ref | None = None  # the fact with the difference
    factor: str | None = None  # the factor word's key (`words.factor_key`)
    magnitude: str = ""  # the magnitude band's key (`words.magnitude_key`)
    extreme: str | None = None  # max | min of the window
    window: tuple[Ref, ...] = ()  # every year of the window, reporting year first (for the extreme)
    window_years: tuple[int, ...] = ()
    streak_from: int | None = None  # the first year of an unbroken rise/fall ending in the reporting year
    streak: tuple[Ref, ...] = ()
    below_year: int | None = None  # the latest earlier year with a higher count (for a rise)
    below: Ref | None = None

    @property
    def direction(self) -> str:
        return "up" if self.new_n > self.old_n else "down" if self.new_n < self.old_n else "same"


@dataclass(frozen=True)
class Finding:
    """One candidate finding: what it is about, its score, and what a sentence about it claims."""

    id: str
    kind: FindingKind
    section: str
    figure: str
    score: float
    can_lead: bool
    level: int  # 0 a total, 1 a breakdown of all units, 2 a breakdown of a subset or a crossing
    claims: tuple[Claim, ...]
    change: Change | None = None  # CHANGE, CROSSING; DRIVER: the parent's change
    detail: Change | None = None  # DRIVER: the crossing cell's change
    refs: tuple[Ref, ...] = ()  # the values of other kinds, in the order their template prints them
    labels: tuple[str, ...] = ()  # row/column labels or country names the template names
    word: str = ""  # a fraction or factor word key, or max | min
    template: str = ""  # CONTEXT: the id template of the fact
    p_value: float | None = None
    why: str = ""  # how the score came about (for `jaarcijfers findings`)
    covers: tuple[str, ...] = ()  # ids of findings this one implies (dropped when it is chosen)
    tags: tuple[str, ...] = field(default=())
    main_score: float = 0.0  # the news value of the main series it is about (press, chapter 3)

    def subject(self) -> str:
        s = self.change.series if self.change else None
        return f"{s.figure}:{s.row}" + (f" × {s.column}" if s and s.column else "") if s else self.figure


@dataclass(frozen=True)
class Sentence:
    """A sentence of the publication: its text, the template it was written with and its claims."""

    text: str
    template: str
    claims: tuple[Claim, ...]
    finding: str = ""  # the finding's id ("" for a sentence without data, such as a caveat)


@dataclass(frozen=True)
class Paragraph:
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass(frozen=True)
class Group:
    """The text about one figure: a headline (from its lead finding) and paragraphs."""

    figure: str
    headline: Sentence | None
    paragraphs: tuple[Paragraph, ...]
    lead: str = ""  # the id of the finding the headline tells
    leads: tuple[str, ...] = ()  # every finding the headline tells


@dataclass(frozen=True)
class SectionText:
    section: str
    chapter: str
    groups: tuple[Group, ...]
    explanation: Sentence | None = None  # what the section's figures count (no numbers)


@dataclass(frozen=True)
class Development:
    """A development of chapter 3 ('Belangrijkste ontwikkelingen'): a statement and its explanation."""

    headline: Sentence
    paragraph: Paragraph
    section: str
    findings: tuple[str, ...]


@dataclass(frozen=True)
class PressItem:
    headline: Sentence
    paragraph: Paragraph
    section: str
    finding: str


@dataclass(frozen=True)
class Press:
    title: Sentence
    lead: Paragraph
    items: tuple[PressItem, ...]
    estimate: Paragraph | None = None
    context: Paragraph | None = None


@dataclass(frozen=True)
class ChainStage:
    """One stage of the chain overview: its total in the reporting year and the year before."""

    stage: str  # Dutch
    unit: str  # Dutch: what is counted, and by which year
    source: str
    new: Ref | None
    old: Ref | None
    pct: Ref | None = None
    new_text: str = ""  # as published ('944', '<5'; '' when not published)
    old_text: str = ""
    pct_text: str = ""
    direction: str = ""  # up | down | same | ""


@dataclass(frozen=True)
class Chain:
    stages: tuple[ChainStage, ...]
    paragraph: Paragraph


@dataclass(frozen=True)
class EstimateText:
    paragraphs: tuple[Paragraph, ...]
    method: tuple[Paragraph, ...]  # for the Toelichting
    caveat: Sentence | None = None


@dataclass(frozen=True)
class Story:
    """The whole narrative of an edition."""

    year: int
    sections: tuple[SectionText, ...]
    developments: tuple[Development, ...]
    press: Press
    chain: Chain | None
    estimate: EstimateText | None
    intro: tuple[Paragraph, ...] = ()
    candidates: tuple[Finding, ...] = ()
    titles: tuple[tuple[str, str], ...] = ()  # (finding id, the headline it would get), for analysts

    def section(self, title: str) -> SectionText | None:
        return next((s for s in self.sections if s.section == title), None)

    def sentences(self) -> list[tuple[str, Sentence]]:
        """Every sentence with where it stands ('chapter 1 / section', 'pers', ...)."""
        out: list[tuple[str, Sentence]] = []
        for s in self.sections:
            if s.explanation:
                out.append((f"{s.chapter}|{s.section}|uitleg", s.explanation))
            for g in s.groups:
                if g.headline:
                    out.append((f"{s.chapter}|{s.section}|kop", g.headline))
                for p in g.paragraphs:
                    out += [(f"{s.chapter}|{s.section}", x) for x in p.sentences]
        if self.chain:
            out += [("1|keten", x) for x in self.chain.paragraph.sentences]
        if self.estimate:
            for p in self.estimate.paragraphs + self.estimate.method:
                out += [("1|schatting", x) for x in p.sentences]
        for d in self.developments:
            out.append(("3|kop", d.headline))
            out += [("3", x) for x in d.paragraph.sentences]
        out.append(("pers|kop", self.press.title))
        out += [("pers", x) for x in self.press.lead.sentences]
        for item in self.press.items:
            out.append(("pers|kop", item.headline))
            out += [("pers", x) for x in item.paragraph.sentences]
        for extra in (self.press.estimate, self.press.context):
            if extra:
                out += [("pers", x) for x in extra.sentences]
        return out
