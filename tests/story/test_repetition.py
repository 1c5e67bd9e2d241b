"""Varied prose: no sentence pattern (template) more than twice per chapter, openings spread, and the period
named once per paragraph."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from jaarcijfers.story.compose import tell

MAX_PER_CHAPTER = 2
MAX_OPENING = 4


def chapters(story):  # type: ignore[no-untyped-def]
    out = defaultdict(list)
    for where, s in story.sentences():
        out[where.split("|")[0]].append(s)
    return out


def opening(sentence: str) -> str:
    return " ".join(re.sub(r"\d[\d.,%]*", "#", sentence).lower().split()[:4])


def test_no_pattern_more_than_twice_per_chapter(demo, demo_2023):
    for e in (demo, demo_2023):
        for chapter, sentences in chapters(tell(e)).items():
            used = Counter(s.template for s in sentences if not s.template.startswith(("uitleg.", "chain.")))
            over = {t: n for t, n in used.items() if n > MAX_PER_CHAPTER}
            assert not over, (e.year, chapter, over)


def test_sentence_openings_are_spread(demo, demo_2023):
    for e in (demo, demo_2023):
        for chapter, sentences in chapters(tell(e)).items():
            used = Counter(
                opening(part) for s in sentences for part in re.split(r"(?<=[.!?])\s+(?=[A-Z])", s.text)
            )
            over = {t: n for t, n in used.items() if n > MAX_OPENING}
            assert not over, (e.year, chapter, over)


def test_the_period_is_named_once_per_paragraph(demo, demo_2023):
    for e in (demo, demo_2023):
        story = tell(e)
        for s in story.sections:
            for g in s.groups:
                for p in g.paragraphs:
                    periods = Counter(re.findall(r"\b20\d\d(?:–20\d\d)?\b", p.text))
                    assert all(n == 1 for n in periods.values()), (s.section, p.text)


def test_chapters_one_and_two_are_comparable_in_length_to_the_report(demo):
    """The report's chapters 1 and 2 hold about 4,000 words; the story tells more findings, not filler."""
    story = tell(demo)
    words = sum(len(p.text.split()) for s in story.sections for g in s.groups for p in g.paragraphs)
    words += sum(len(s.explanation.text.split()) for s in story.sections if s.explanation)
    if story.chain:
        words += len(story.chain.paragraph.text.split())
    if story.estimate:
        words += sum(len(p.text.split()) for p in story.estimate.paragraphs + story.estimate.method)
    assert 3000 <= words <= 5500, words


def test_chapter_3_repeats_no_sentence_of_chapters_1_and_2(demo, demo_2023):
    for e in (demo, demo_2023):
        story = tell(e)
        earlier = {s.text for where, s in story.sentences() if where.split("|")[0] in ("1", "2")}
        for d in story.developments:
            for s in d.paragraph.sentences:
                assert s.text not in earlier, s.text
