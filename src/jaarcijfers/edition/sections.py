"""The chapters and sections of the report, in order (the sections come from the figure catalogue)."""

from __future__ import annotations

from jaarcijfers.edition.model import Section

CHAPTERS = {"1": "Slachtoffers", "2": "Plegers"}
ESTIMATE_SECTION = "Hoeveel slachtoffers zijn er?"
"""The section of chapter 1 that tells the estimate of the hidden number (when there is one)."""


def report_sections() -> tuple[Section, ...]:
    from jaarcijfers.figures.catalogue import SECTIONS

    return tuple(Section(chapter, CHAPTERS[chapter], title) for chapter, title in SECTIONS)
