"""The published model: one edition as it is published, after disclosure control.

Renderers receive only an `Edition`: every number in it has passed disclosure control (a cell's or a
fact's published string) or is rounded for publication (the estimate of the hidden number).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, cast, get_args

from jaarcijfers.editorial.content import EditorialContent
from jaarcijfers.facts.values import FactUnit
from jaarcijfers.figures.model import CellKey, CellKind
from jaarcijfers.figures.spec import Block, Chart, Role
from jaarcijfers.sdc.policy import Symbol

NO_DATA = "geen gegevens"
"""What a figure whose source delivered no records for the window shows instead of its table and chart
(docs/outputs.md, "Years and sources without data"); in `figures.csv` one row with this value."""

BlockPeriod = Literal["years", "year", "total"]
"""What the columns of a block cover: one column per year, the reporting year, or the years together."""


def block_period(text: str) -> BlockPeriod:
    if text not in get_args(BlockPeriod):
        raise ValueError(f"unknown block period {text!r}")
    return cast(BlockPeriod, text)


@dataclass(frozen=True)
class Section:
    """A section of the report, in a numbered chapter."""

    chapter: str  # "1"
    chapter_title: str  # "Slachtoffers"
    title: str  # "Vormen van mensenhandel"
    source: str = ""  # in another language: the Dutch title it translates (`edition.translate`)

    @property
    def dutch(self) -> str:
        """The section's Dutch title: what the project's Dutch texts about it are keyed by."""
        return self.source or self.title


@dataclass(frozen=True)
class DataIdentities:
    """Which data-dependent identities (docs/sdc.md) held on the edition's true values, by name: the
    record `metadata.json` publishes so that the audit models exactly what an outsider is told."""

    held: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuditVerdict:
    """The disclosure audit of what the edition publishes (cells, facts; with the earlier editions it was
    built with), run by every build (docs/sdc.md, "Safe by default"). Names the cells that leak, never the
    values an outsider can recover."""

    passed: bool
    hidden: int  # hidden cells and facts audited
    leaks: tuple[CellKey, ...] = ()  # hidden cells narrower than allowed (earlier editions' cells tagged)
    earlier: tuple[int, ...] = ()  # the reporting years of the earlier editions audited together with it
    identities: int = 0
    dropped: tuple[str, ...] = ()  # identities (or links between editions) the published values contradict


@dataclass(frozen=True)
class Disclosure:
    """How the edition was protected: the policy, the symbols its cells and facts may show, the note,
    the record of the data-dependent identities, the cells revised against the earlier editions it was
    built with (not the same unknown: docs/sdc.md, "Across editions") and the audit's verdict."""

    policy: str
    symbols: tuple[Symbol, ...]
    note: str | None = None  # the paragraph for the Toelichting (Dutch), as the audit allows it
    data_identities: DataIdentities | None = None
    reason: str | None = None  # why the edition has this policy (Dutch; editorial setting, docs/editions.md)
    revised: tuple[tuple[int, tuple[CellKey, ...]], ...] = ()  # (earlier year, withheld cells revised since)
    audit: AuditVerdict | None = None
    zeros: bool = (
        False  # some zero is withheld: a withheld cell may be 0 (the strict policy, as a last resort)
    )


@dataclass(frozen=True)
class EstimateApproach:
    """One row of the estimate's sensitivity table, as published (rounded to tens): the estimate when the
    model is chosen another way."""

    key: str  # the approach's code (`estimate.result.Approach`): stepwise, aic, bic, ...
    name: str  # Dutch, for the reader
    total: int | None  # None: not bounded or not available (`status` says why)
    ci_lower: int | None
    ci_upper: int | None
    interval: str  # Dutch: how the interval is made
    status: str = "ok"


@dataclass(frozen=True)
class Estimate:
    """The estimate of the hidden number of victims (docs/estimate.md), as published: the total and its
    interval rounded to tens. Not a count of persons: it never reveals a small cell."""

    year: int
    observed: int  # the registered victims the estimate starts from
    total: int | None
    ci_lower: int | None
    ci_upper: int | None
    ci_level: float
    ci_method: str
    method: str  # how the estimate was made, for the reader
    model: str
    model_terms: tuple[str, ...]
    lists: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    approaches: tuple[EstimateApproach, ...] = ()  # the sensitivity table (the headline's approach first)
    notes: tuple[str, ...] = ()  # about the data (registrations without a reporter, lists left out)
    experimental: str = ""  # the label that must be shown with it (Dutch)


@dataclass(frozen=True)
class NoEstimate:
    """The data did not allow an estimate; the reason (Dutch) is told in the report."""

    reason: str


@dataclass(frozen=True)
class DeliveredFile:
    """A delivered file the edition was computed from, as `metadata.json` records it (`deliveries`)."""

    bron: str  # the contract's source: comensha, ind, emm, om, rechtspraak
    bestand: str  # the contract file (comensha_registraties, ...)
    sha256: str
    rijen: int
    peildatum: str | None = None  # the delivery's reference date (JJJJ-MM-DD)
    levering_bron: str | None = None  # who delivered it (`bron` of the delivery's levering.toml)
    omschrijving: str | None = None  # the delivery's description (levering.toml)


@dataclass(frozen=True)
class Provenance:
    """Where an edition comes from, with the fields `metadata.json` has: the software and the versions of
    the rules and the contract that built it, and the delivered files; an edition read back from its
    published files knows only the folder it was read from (`bron`). `edition.files` writes it
    (`provenance_metadata`: the fields that are not None) and reads it (`read_provenance`)."""

    software: str | None = None
    software_version: str | None = None
    rules_version: str | None = None
    contract_version: str | None = None
    deliveries: tuple[DeliveredFile, ...] | None = None  # None: unknown (not in its metadata.json)
    bron: str | None = None  # the folder an edition was read back from (`edition.files.read_edition`)


@dataclass(frozen=True)
class PublishedCell:
    row: str
    column: str
    display: str  # exactly as published: "123", "<5", "<10", "52%", ""
    kind: CellKind
    below: int | None = None  # a symbol for a count below this value ("<5": 5; `Symbol.below`)


@dataclass(frozen=True)
class LabelMeaning:
    """What a row or column label of a block is, as the figure catalogue declares it: its role (an
    ordinary part, a total of other labels, the unknown category, a count, mean, share or rank) and the
    codes of the dimension it counts (empty for a label taken from the data or a year)."""

    text: str
    role: Role = Role.PART
    codes: tuple[str, ...] = ()


def label_meanings(block: Block) -> tuple[LabelMeaning, ...]:
    """The declared labels of a catalogue block with their roles and codes (its means included)."""
    return tuple(
        LabelMeaning(e.text, e.role, e.codes) for axis in (block.rows, block.columns) for e in axis.entries
    ) + tuple(LabelMeaning(m.label, Role.MEAN) for m in block.means)


@dataclass(frozen=True)
class PublishedBlock:
    part: str
    stub: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[PublishedCell, ...]
    period: BlockPeriod = "years"
    meanings: tuple[LabelMeaning, ...] = ()  # of the row and column labels the catalogue declares

    def cell(self, row: str, column: str) -> PublishedCell:
        for c in self.cells:
            if c.row == row and c.column == column:
                return c
        raise KeyError((row, column))

    def meaning(self, label: str) -> LabelMeaning:
        """The declared meaning of a row or column label (an undeclared label is an ordinary part)."""
        for m in self.meanings:
            if m.text == label:
                return m
        return LabelMeaning(label)


@dataclass(frozen=True)
class PublishedFigure:
    id: str
    name: str  # "Figuur 1", "Tabel 1"
    title: str
    source: str
    source_id: str
    unit: str
    section: str
    chart: Chart  # the catalogue's chart kind (`figures.spec.Chart`)
    rounded: bool
    description: str
    notes: tuple[str, ...]
    years: tuple[int, ...]
    blocks: tuple[PublishedBlock, ...]
    no_data: bool = False  # no records of its source in the window: shown as `NO_DATA`, no blocks

    def block(self, part: str = "") -> PublishedBlock:
        for b in self.blocks:
            if b.part == part:
                return b
        raise KeyError(part)


@dataclass(frozen=True)
class PublishedFact:
    id: str
    value: str  # as published: "944", "+9%", "46%", "1/2", "x2", "2021", "<5"
    unit: FactUnit | None  # None when read back from a file without a unit column
    section: str
    description: str


# --- revisions: what this edition publishes differently from the edition of the year before ------------
class RevisionReason(StrEnum):
    """Why a published cell changed between two editions, where the register knows it (docs/editions.md)."""

    DELIVERY = "nieuwe levering"  # the figure's source delivered a new version since the previous edition
    RULES = "gewijzigde rekenregels"  # the processing rules changed (`RULES_VERSION`)
    POLICY = "ander beleid voor onthullingscontrole"  # the editions have different policies
    PROTECTION = "andere afscherming"  # same policy and data, another cell withheld (secondary suppression)
    UNKNOWN = "onbekend"  # e.g. the previous edition was imported without its deliveries


@dataclass(frozen=True)
class Revision:
    """One published cell of an earlier year whose value differs from the previous edition's."""

    figure: str  # figure id
    part: str
    row: str
    column: str  # the year
    previous: str  # as the previous edition published it
    new: str  # as this edition publishes it
    difference: int | None  # new - previous when both are numbers (percentages: percentage points)
    reasons: tuple[RevisionReason, ...]


@dataclass(frozen=True)
class Revisions:
    """The comparison of this edition with the recorded edition of the year before: every shared cell
    (a cell of a year both editions show) was compared; `revisions` holds those that differ."""

    previous_year: int
    previous_policy: str
    previous_version: int
    previous_imported: bool  # the previous edition was imported from its published files
    compared: int  # shared cells compared
    revisions: tuple[Revision, ...]

    def series_turns(self, edition: Edition) -> tuple[tuple[str, str, str, str, str], ...]:
        """The series whose change into the previous edition's reporting year turned with the revisions
        (an increase that is now a decrease or the other way round): a finding of the previous edition
        that no longer holds. `(figure, part, row, previous change, new change)`, changes in words
        (`toename` / `afname` / `gelijk`); for the narrative."""
        year, before = str(self.previous_year), str(self.previous_year - 1)
        revised = {(r.figure, r.part, r.row, r.column): r for r in self.revisions}
        out = []
        for key in dict.fromkeys((r.figure, r.part, r.row) for r in self.revisions):
            last, first = revised.get((*key, year)), revised.get((*key, before))
            if last is None and first is None:
                continue
            cells = {c.column: c.display for c in _block_of(edition, key[0], key[1]).cells if c.row == key[2]}
            new_pair = (cells.get(before), cells.get(year))
            old_pair = (
                first.previous if first is not None else new_pair[0],
                last.previous if last is not None else new_pair[1],
            )
            old, new = _direction(*old_pair), _direction(*new_pair)
            if old is not None and new is not None and old != new:
                out.append((*key, old, new))
        return tuple(out)


def _block_of(edition: Edition, figure: str, part: str) -> PublishedBlock:
    return edition.figure(figure).block(part)


def _direction(before: str | None, after: str | None) -> str | None:
    from jaarcijfers.numbers import published_number

    a, b = published_number(before or ""), published_number(after or "")
    if a is None or b is None:
        return None
    return "toename" if b > a else "afname" if b < a else "gelijk"


@dataclass(frozen=True)
class Edition:
    """One published edition: the only thing renderers see."""

    year: int
    years: tuple[int, ...]
    sections: tuple[Section, ...]
    figures: tuple[PublishedFigure, ...]
    facts: tuple[PublishedFact, ...]
    disclosure: Disclosure
    published_on: datetime.date  # the publication date every output carries (docs/publication.md)
    provenance: Provenance = field(default_factory=Provenance)
    reflection_markdown: str | None = None
    estimate: Estimate | NoEstimate | None = None
    editorial: EditorialContent = field(default_factory=EditorialContent)  # what the analysts wrote
    revisions: Revisions | None = None  # None: not compared with an earlier edition (docs/editions.md)
    translates: Edition | None = (
        None  # in another language: the Dutch edition it translates (docs/language.md)
    )

    def figure(self, fig_id: str) -> PublishedFigure:
        for f in self.figures:
            if f.id == fig_id:
                return f
        raise KeyError(fig_id)

    def fact(self, fact_id: str) -> PublishedFact | None:
        for f in self.facts:
            if f.id == fact_id:
                return f
        return None

    def chapters(self) -> tuple[tuple[str, str], ...]:
        """(number, title) of every chapter with a section, in order."""
        return tuple(dict.fromkeys((s.chapter, s.chapter_title) for s in self.sections))

    def chapter_of(self, section: str) -> str:
        """The chapter number of a section ('' for a section the report does not have)."""
        return next((s.chapter for s in self.sections if s.title == section), "")
