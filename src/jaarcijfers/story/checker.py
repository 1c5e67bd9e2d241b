"""Every claim of the text verified against the published files (docs/narrative.md, "The checker").

`build` writes `bevindingen.json` (every sentence of the publication with its claims, and the ranked
candidate findings with their scores) and runs `check_folder` on the folder it just wrote: each claim is
evaluated against figures.csv and facts.csv (read through `edition.files`), and each sentence is tied to
its claims:

- every number in the sentence is the value of one of its claims (years, dates, and numbers that are
  part of a figure's labels such as '30 dagen' or '18-22' aside; a sentence that quotes an external
  source, template `extern.*`, carries its source instead);
- a word of rise or fall needs a claim of that direction; 'hoogste'/'laagste' a record or rank claim; a
  factor word ('verdubbeld') the factor claim of that word; a fraction word ('de helft') a share claim.

A false claim fails the build with a message naming the sentence and the reason. Tests call
`check_folder` on a built folder, and `check_story` on a story in memory.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jaarcijfers.edition.model import Edition
from jaarcijfers.story import nl_words as nlw
from jaarcijfers.story.claims import evaluate
from jaarcijfers.story.model import Claim, ClaimKind, Ref, Sentence, Story
from jaarcijfers.story.numbers import REFERENCE, ignorable, normalise
from jaarcijfers.story.published import Values

CLAIMS_FILE = "bevindingen.json"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_DATE = re.compile(
    r"\b\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}"
)


# --- sentences as data ----------------------------------------------------------------------------------
def claim_json(c: Claim) -> dict[str, Any]:
    return {
        "soort": str(c.kind),
        "waarde": c.value,
        "jaren": list(c.years),
        "groepen": list(c.sizes),
        "verwijzingen": [
            {"feit": r.fact}
            if r.fact
            else {"figuur": r.figure, "deel": r.part, "rij": r.row, "kolom": r.column}
            for r in c.refs
        ],
    }


def claim_from(d: dict[str, Any]) -> Claim:
    refs = tuple(
        Ref.of_fact(r["feit"]) if "feit" in r else Ref.cell(r["figuur"], r["deel"], r["rij"], r["kolom"])
        for r in d["verwijzingen"]
    )
    return Claim(
        ClaimKind(d["soort"]),
        refs,
        d.get("waarde", ""),
        tuple(d.get("jaren", ())),
        tuple(d.get("groepen", ())),
    )


def sentences_json(sentences: Iterable[tuple[str, Sentence]]) -> list[dict[str, Any]]:
    """Sentences with where they stand as the claims file holds them (`zinnen`)."""
    return [
        {
            "plaats": where,
            "tekst": s.text,
            "sjabloon": s.template,
            "bevinding": s.finding,
            "beweringen": [claim_json(c) for c in s.claims],
        }
        for where, s in sentences
    ]


def read_sentences(path: Path) -> list[tuple[str, Sentence]]:
    """The sentences of a claims file with where they stand (a clear error when it cannot be read)."""
    from jaarcijfers.errors import UserError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path} bestaat niet: de editie is gebouwd zonder tekst") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"{path} is geen leesbaar JSON-bestand: {exc}") from None
    return [
        (
            item.get("plaats", ""),
            Sentence(
                item["tekst"],
                item.get("sjabloon", ""),
                tuple(claim_from(c) for c in item.get("beweringen", [])),
                item.get("bevinding", ""),
            ),
        )
        for item in data.get("zinnen", [])
    ]


def story_json(story: Story) -> dict[str, Any]:
    from jaarcijfers.story.report import findings_json

    return {
        "verslagjaar": story.year,
        "zinnen": sentences_json(story.sentences()),
        # the ranked candidates exactly as `jaarcijfers findings --json` prints them
        "kandidaten": findings_json(story)["kandidaten"],
    }


def write_claims(edition: Edition, out: Path) -> list[str]:
    from jaarcijfers.story.compose import tell

    text = json.dumps(story_json(tell(edition)), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (out / CLAIMS_FILE).write_text(text, encoding="utf-8", newline="\n")
    return [CLAIMS_FILE]


# --- checks ---------------------------------------------------------------------------------------------
def label_numbers(values: Values) -> set[str]:
    """Numbers that are part of the published labels ('Uitstel van vertrek meer dan 30 dagen', '18-22')."""
    out: set[str] = set()
    for _fig, _part, row, col in values.cells:
        for text in (row, col):
            out.update(normalise(t) for t in _NUMBER.findall(text))
    from jaarcijfers.figures.catalogue import CATALOGUE, label_phrase

    for spec in CATALOGUE:
        for block in spec.blocks:
            for axis in (block.rows, block.columns):
                for e in axis.entries:
                    out.update(normalise(t) for t in _NUMBER.findall(label_phrase(axis, e)))
    return out


def claim_numbers(claims: tuple[Claim, ...], values: Values) -> set[str]:
    out: set[str] = set()
    for c in claims:
        texts: list[str] = []
        if c.kind == ClaimKind.VALUE:
            texts.append(c.value)
        elif c.kind == ClaimKind.DIFFERENCE:
            texts.append(c.value)
        for t in texts:
            out.update(normalise(x) for x in _NUMBER.findall(t))
    return out


def _has(claims: tuple[Claim, ...], *kinds: ClaimKind, value: str | None = None) -> bool:
    return any(c.kind in kinds and (value is None or c.value == value) for c in claims)


def lexical_problems(s: Sentence) -> list[str]:
    text = s.text.lower()
    out = []
    if any(word in text for word in nlw.UP_WORDS) and not (
        _has(s.claims, ClaimKind.DIRECTION, value="up")
        or _has(s.claims, ClaimKind.SHARE_EXTREME, ClaimKind.CONTRIBUTION)
        or any(c.kind == ClaimKind.FACTOR and c.value.startswith(("x", ">x")) for c in s.claims)
    ):
        out.append("een woord van stijging zonder bewering dat het aantal steeg")
    if any(word in text for word in nlw.DOWN_WORDS) and not (
        _has(s.claims, ClaimKind.DIRECTION, value="down")
        or _has(s.claims, ClaimKind.SHARE_EXTREME, ClaimKind.CONTRIBUTION)
        or any(c.kind == ClaimKind.FACTOR and "/" in c.value for c in s.claims)
    ):
        out.append("een woord van daling zonder bewering dat het aantal daalde")
    if any(word in text for word in nlw.EXTREME_WORDS) and not _has(
        s.claims, ClaimKind.EXTREME, ClaimKind.SHARE_EXTREME, ClaimKind.RANK
    ):
        out.append("'hoogste'/'laagste' zonder bewering over een record of rang")
    factor_words = [w for w in nlw.FACTOR_WORDS if w in text] + [w for w in nlw.NOUNS.values() if w in text]
    if "halvering" in text:
        factor_words.append("halvering")
    if factor_words:
        keys = [c.value for c in s.claims if c.kind == ClaimKind.FACTOR]
        said = {nlw.factor_word(k) for k in keys} | {nlw.factor_noun(k) for k in keys}
        if not any(phrase in text for phrase in said):
            out.append(f"factorwoord ({', '.join(factor_words)}) zonder de bewering van die factor")
    return out


def sentence_problems(s: Sentence, values: Values, labels: set[str]) -> list[str]:
    problems = []
    for c in s.claims:
        why = evaluate(c, values)
        if why is not None:
            problems.append(f"{why} [{c.describe()}]")
    if not s.template.startswith("extern."):
        allowed = claim_numbers(s.claims, values) | labels
        text = REFERENCE.sub(" ", _DATE.sub(" ", s.text))
        for token in _NUMBER.findall(text):
            n = normalise(token)
            if n in allowed or ignorable(n):
                continue
            problems.append(f"het getal {token} is geen waarde van een bewering van deze zin")
    problems += lexical_problems(s)
    return problems


def check_story(story: Story, values: Values) -> list[str]:
    """Every problem of every sentence of a story, against published values."""
    labels = label_numbers(values)
    out = []
    for where, s in story.sentences():
        for p in sentence_problems(s, values, labels):
            out.append(f"{where}: “{s.text}”: {p}")
    return out


def check_folder(folder: Path) -> list[str]:
    """Check the sentences and claims of a built edition (`bevindingen.json`) against its figures.csv and
    facts.csv."""
    found = read_sentences(folder / CLAIMS_FILE)
    values = Values.of_folder(folder)
    labels = label_numbers(values)
    out = []
    for where, s in found:
        for p in sentence_problems(s, values, labels):
            out.append(f"{where}: “{s.text}”: {p}")
    return out
