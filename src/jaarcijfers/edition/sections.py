"""The chapters and sections of the report, in order (the sections come from the figure catalogue)."""

from __future__ import annotations

from jaarcijfers.edition.model import Section

CHAPTERS = {"1": "Slachtoffers", "2": "Plegers"}
ESTIMATE_SECTION = "Hoeveel slachtoffers zijn er?"
"""The section of chapter 1 that tells the estimate of the hidden number (when there is one)."""


def report_sections() -> tuple[Section, ...]:
    from jaarcijfers.figures.catalogue import SECTIONS

    return tuple(Section(chapter, CHAPTERS[chapter], title) for chapter, title in SECTIONS)


def section_titles() -> tuple[str, ...]:
    """The titles an editorial box, footnote or quote may name: every section, and the estimate's."""
    titles = [s.title for s in report_sections()]
    titles.insert(1, ESTIMATE_SECTION)
    return tuple(titles)
