"""What the plausibility review finds: questions per organisation and the changes between two delivery
versions (docs/editions.md, "The review")."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class QuestionKind(StrEnum):
    """Why the review asks an organisation about its delivery."""

    CHANGE = "verandering"  # a count changed from the year before beyond noise
    NEW = "nieuwe categorie"  # a category appears that the four years before did not have
    GONE = "verdwenen categorie"  # a category of the year before is gone
    SILENT = "melder zonder meldingen"  # a reporting organisation reported in the year before, not now
    NO_DATA = "jaar ontbreekt"  # a file has rows of the year before and none of the reporting year
    UNKNOWN = "meer onbekend"  # the share of unknown values rose beyond noise
    REVISED = "herzien jaar"  # records of a year changed between two delivery versions


@dataclass(frozen=True)
class Question:
    """A plausibility question for the organisation that delivered `file`."""

    source: str
    file: str
    kind: QuestionKind
    text: str  # the question (Dutch)
    column: str | None = None
    category: str | None = None
    year: int | None = None
    before: int | None = None  # the count (or unknowns) of the year before / the earlier version
    after: int | None = None
    p_value: float | None = None


@dataclass(frozen=True)
class VersionChange:
    """Records of one file and year that differ between the earlier and the current delivery version."""

    file: str
    year: int | None
    rows_before: int
    rows_after: int
    added: int
    removed: int
    changed: int


@dataclass(frozen=True)
class SourceReview:
    """The review of one organisation's delivery."""

    source: str
    name: str  # for the reader ("CoMensha")
    load: int | None  # the current delivery version (load id)
    previous_load: int | None  # the version it is compared with (None: the first delivery)
    questions: tuple[Question, ...] = ()
    changes: tuple[VersionChange, ...] = ()  # only the file-years that changed
    counts: tuple[tuple[str, int, int], ...] = ()  # (file, year, rows) of the current version
    validation: int | None = None  # problems found when validating the delivery (None: not validated here)
    rejected: int = 0  # rows rejected at loading (quarantine)


@dataclass(frozen=True)
class Review:
    year: int
    sources: tuple[SourceReview, ...]
    notes: tuple[str, ...] = field(default=())  # about how the review was made (Dutch)

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sources for q in s.questions)
