"""A finding that rests on a value revised since the previous recorded edition says so, in Dutch and in
English (`Edition.revisions`, from the edition register; docs/editions.md)."""

from __future__ import annotations

from dataclasses import replace

from jaarcijfers.edition.model import Edition, Revision, RevisionReason, Revisions
from jaarcijfers.story import en, en_check
from jaarcijfers.story.candidates import candidates, revised_refs
from jaarcijfers.story.compose import tell
from jaarcijfers.story.published import Values

DUTCH = ("Een van deze cijfers is herzien ten opzichte van een eerdere editie.", "het is herzien.")
ENGLISH = ("One of these figures has been revised since an earlier edition.", "it was revised.")


def _revised(demo: Edition) -> tuple[Edition, str]:
    """The demo edition with one revision: a cell of an earlier year that the lead finding of Figure 1
    claims (as if the previous edition had published it 7 lower); and that finding's id."""
    story = tell(demo)
    group = next(g for sec in story.sections for g in sec.groups if g.figure == "1")
    lead = group.paragraphs[0].sentences[0]
    ref = next(
        r
        for c in lead.claims
        for r in c.refs
        if r.figure and r.column.isdigit() and int(r.column) < demo.year
    )
    cell = next(
        c
        for f in demo.figures
        if f.id == ref.figure
        for b in f.blocks
        if b.part == ref.part
        for c in b.cells
        if c.row == ref.row and c.column == ref.column
    )
    previous = str(int(cell.display.replace(".", "")) - 7)
    revision = Revision(
        ref.figure, ref.part, ref.row, ref.column, previous, cell.display, 7, (RevisionReason.DELIVERY,)
    )
    revisions = Revisions(demo.year - 1, "publicatie", 1, False, 40, (revision,))
    return replace(demo, revisions=revisions), lead.finding


def test_a_finding_on_a_revised_value_says_so_in_dutch(demo: Edition) -> None:
    assert revised_refs(demo) == frozenset()  # built from a folder: nothing to compare with
    assert not any("herzien" in f.tags for f in candidates(demo))
    edition, finding = _revised(demo)
    tagged = [f.id for f in candidates(edition) if "herzien" in f.tags]
    assert finding in tagged
    sentences = [
        s for sec in tell(edition).sections for g in sec.groups for p in g.paragraphs for s in p.sentences
    ]
    said = [s for s in sentences if s.text.endswith(DUTCH)]
    assert said and {s.finding for s in said} <= set(tagged)
    assert any(s.finding == finding for s in said)
    assert not any(
        s.text.endswith(DUTCH)
        for sec in tell(demo).sections
        for g in sec.groups
        for p in g.paragraphs
        for s in p.sentences
    )


def test_a_finding_on_a_revised_value_says_so_in_english(demo: Edition) -> None:
    edition, finding = _revised(demo)
    sentences = [s for group in en.texts(edition).values() for s in group.sentences()]
    said = [s for s in sentences if s.text.endswith(ENGLISH)]
    assert any(s.finding == finding for s in said)
    assert all(s.claims for s in said)  # the same claims as the finding: checked like every sentence
    assert en_check.check(edition, Values.of_edition(edition)) == []
    assert not any(s.text.endswith(ENGLISH) for group in en.texts(demo).values() for s in group.sentences())
