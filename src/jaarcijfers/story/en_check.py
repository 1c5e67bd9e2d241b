"""The check of every English sentence at build time (docs/language.md): the text beside each figure
(`story.en`), the chain, chapter 3 and the press summary (`story.en_story`) and the estimate
(`story.en_estimate`), each claim evaluated as for the Dutch text and every number in a sentence, in
English notation, the value of one of its claims."""

from __future__ import annotations

import re

from jaarcijfers.edition.model import Edition
from jaarcijfers.story.model import Sentence
from jaarcijfers.story.published import Values


def sentences(edition: Edition, values: Values) -> list[Sentence]:
    """Every English sentence of an edition: the text beside each figure, the chain's, chapter 3's, the
    press summary's and the estimate's."""
    from jaarcijfers.story import en_story
    from jaarcijfers.story.en import texts
    from jaarcijfers.story.en_estimate import estimate_text

    out = [s for group in texts(edition).values() for s in group.sentences()]
    out += en_story.tell(edition, values).sentences()
    est = estimate_text(edition, values)
    if est is not None:
        out += [s for p in (*est.paragraphs, *est.method) for s in p.sentences]
    return out


def check(edition: Edition, values: Values) -> list[str]:
    """Every problem of the English sentences against the published values: each claim evaluated (as for
    the Dutch text), and every number in a sentence the value of one of its claims (English notation)."""
    from jaarcijfers.story.checker import claim_numbers, label_numbers
    from jaarcijfers.story.claims import evaluate
    from jaarcijfers.story.numbers import ignorable

    labels = label_numbers(values)
    out = []
    for s in sentences(edition, values):
        for c in s.claims:
            why = evaluate(c, values)
            if why is not None:
                out.append(f"{s.text}: {why} [{c.describe()}]")
        allowed = claim_numbers(s.claims, values) | labels
        for token in _NUMBER.findall(_REFERENCE.sub(" ", s.text)):
            n = token.replace(",", "")
            if n not in allowed and not ignorable(n):
                out.append(f"{s.text}: the number {token} is not the value of a claim of this sentence")
    return out


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
_REFERENCE = re.compile(
    r"\b(?:Figure|Table) \d+\b|\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December) \d{4}"
)
"""A reference to a figure names its number, not a value; a date is not a value either."""
