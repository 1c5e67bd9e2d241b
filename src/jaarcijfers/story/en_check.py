"""The English sentences as data and their check (docs/language.md): every English sentence of an edition
with where it stands — the text beside each figure (`story.en`), the chain, chapter 3 and the press summary
(`story.en_story`) and the estimate (`story.en_estimate`) — written to the English edition's claims file
(`findings.json`, the structure of `bevindingen.json`), and checked: each claim evaluated as for the Dutch
text and every number in a sentence, in English notation, the value of one of its claims."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from jaarcijfers.edition.model import Edition
from jaarcijfers.story.model import Sentence
from jaarcijfers.story.published import Values


def placed(edition: Edition, values: Values) -> list[tuple[str, Sentence]]:
    """Every English sentence of a (Dutch) edition with where it stands, in the scheme of the Dutch
    `Story.sentences` ('1|<section>|kop', '1|<section>', '1|keten', '1|schatting', '3|kop', '3',
    'pers|kop', 'pers'; sections by their English title)."""
    from jaarcijfers.language import EN
    from jaarcijfers.story import en_story
    from jaarcijfers.story.compose import tell
    from jaarcijfers.story.en import texts
    from jaarcijfers.story.en_estimate import estimate_text

    groups = texts(edition)
    names = en_story.section_names(edition, EN)
    out: list[tuple[str, Sentence]] = []
    for sec in tell(edition).sections:
        where = f"{sec.chapter}|{names.get(sec.section, sec.section)}"
        if sec.explanation is not None and EN.has("explanation", sec.explanation.text):
            text = EN.text("explanation", sec.explanation.text)
            out.append((f"{where}|uitleg", Sentence(text, f"en.{sec.explanation.template}", ())))
        for g in sec.groups:
            group = groups.get(g.figure)
            if group is None:
                continue
            if group.headline is not None:
                out.append((f"{where}|kop", group.headline))
            out += [(where, s) for p in group.paragraphs for s in p]
    told = en_story.tell(edition, values)
    if told.chain:
        out += [("1|keten", s) for s in told.chain.paragraph.sentences]
    est = estimate_text(edition, values)
    if est is not None:
        out += [("1|schatting", s) for p in (*est.paragraphs, *est.method) for s in p.sentences]
    for d in told.developments:
        out.append(("3|kop", d.headline))
        out += [("3", s) for s in d.paragraph.sentences]
    p = told.press
    out.append(("pers|kop", p.title))
    out += [("pers", s) for s in p.lead.sentences]
    for item in p.items:
        out.append(("pers|kop", item.headline))
        out += [("pers", s) for s in item.paragraph.sentences]
    if p.context:
        out += [("pers", s) for s in p.context.sentences]
    return out


def sentences(edition: Edition, values: Values) -> list[Sentence]:
    """Every English sentence of an edition (`placed`, without the places)."""
    return [s for _, s in placed(edition, values)]


def story_json(edition: Edition, values: Values) -> dict[str, Any]:
    """The English claims file: the structure of `bevindingen.json` (`story.checker.story_json`) with the
    English sentences, and the same ranked candidates with their English headlines and where the English
    text tells them."""
    from jaarcijfers.story.checker import sentences_json
    from jaarcijfers.story.compose import tell
    from jaarcijfers.story.en import EnglishWriter
    from jaarcijfers.story.report import candidates_json, places_of

    pairs = placed(edition, values)
    candidates = tell(edition).candidates
    writer = EnglishWriter(edition, values)
    titles = {f.id: h.text for f in candidates if (h := writer.headline(f)) is not None}
    return {
        "verslagjaar": edition.year,
        "zinnen": sentences_json(pairs),
        "kandidaten": candidates_json(candidates, titles, places_of(pairs)),
    }


def write_claims(edition: Edition, out: Path, name: str) -> list[str]:
    """Write the English claims file `name` (a path relative to `out`) from the published values in
    `out` (figures.csv, facts.csv)."""
    data = story_json(edition, Values.of_folder(out))
    path = out / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8", newline="\n"
    )
    return [name]


def check_file(path: Path, values: Values) -> list[str]:
    """Every problem of the sentences of an English claims file against the published values."""
    from jaarcijfers.story.checker import read_sentences

    return _problems(read_sentences(path), values)


def check(edition: Edition, values: Values) -> list[str]:
    """Every problem of the English sentences of an edition (in memory) against the published values."""
    return _problems(placed(edition, values), values)


def _problems(found: list[tuple[str, Sentence]], values: Values) -> list[str]:
    """Each claim evaluated (as for the Dutch text), and every number in a sentence the value of one of its
    claims (English notation)."""
    from jaarcijfers.story.checker import claim_numbers, label_numbers
    from jaarcijfers.story.claims import evaluate
    from jaarcijfers.story.numbers import ignorable

    labels = label_numbers(values)
    out = []
    for where, s in found:
        at = f"{where}: " if where else ""
        for c in s.claims:
            why = evaluate(c, values)
            if why is not None:
                out.append(f"{at}{s.text}: {why} [{c.describe()}]")
        allowed = claim_numbers(s.claims, values) | labels
        for token in _NUMBER.findall(_REFERENCE.sub(" ", s.text)):
            n = token.replace(",", "")
            if n not in allowed and not ignorable(n):
                out.append(f"{at}{s.text}: the number {token} is not the value of a claim of this sentence")
    return out


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
_REFERENCE = re.compile(
    r"\b(?:Figure|Table) \d+\b|\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December) \d{4}"
)
"""A reference to a figure names its number, not a value; a date is not a value either."""
