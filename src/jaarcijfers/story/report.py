"""`jaarcijfers findings`: every candidate finding of an edition with its score and where it is told
(docs/narrative.md, "Selection is data")."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from jaarcijfers.story.model import Finding, Sentence, Story

PLACES = {"kop": "kop", "uitleg": "", "3": "hoofdstuk 3", "pers": "persbericht"}


def places(story: Story) -> dict[str, list[str]]:
    """Finding id -> where it is told: 'kop' (a figure's headline), 'tekst', 'hoofdstuk 3', 'persbericht'."""
    return places_of(story.sentences())


def places_of(sentences: Iterable[tuple[str, Sentence]]) -> dict[str, list[str]]:
    """`places` of sentences with where they stand ('1|section|kop', '3', 'pers', …; `Story.sentences`)."""
    out: dict[str, list[str]] = defaultdict(list)
    for where, s in sentences:
        if not s.finding:
            continue
        parts = where.split("|")
        if parts[0] == "pers":
            place = "persbericht"
        elif parts[0] == "3":
            place = "hoofdstuk 3"
        elif parts[-1] == "kop":
            place = "kop"
        else:
            place = "tekst"
        if place not in out[s.finding]:
            out[s.finding].append(place)
    return dict(out)


def leads(story: Story) -> set[str]:
    """The findings an edition leads with (docs/narrative.md, "Evaluation"): every figure's headline
    finding and what it covers, the findings of the first paragraph beside each figure, and the press
    summary's findings."""
    out: set[str] = set()
    for s in story.sections:
        for g in s.groups:
            out.update(g.leads)
            if g.paragraphs:
                out.update(x.finding for x in g.paragraphs[0].sentences if x.finding)
    for where, x in story.sentences():
        if where.startswith("pers") and x.finding:
            out.add(x.finding)
    return out


def findings_json(story: Story) -> dict[str, Any]:
    return {
        "verslagjaar": story.year,
        "kandidaten": candidates_json(story.candidates, dict(story.titles), places(story)),
    }


def candidates_json(
    candidates: Sequence[Finding], titles: dict[str, str], told: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """The ranked candidates as `findings --json` prints them: each with its headline (`titles`, in the
    language of the text) and where it is told (`told`, `places_of`)."""
    from jaarcijfers.story.select import news

    return [
        {
            "rang": i,
            "id": f.id,
            "soort": str(f.kind),
            "paragraaf": f.section,
            "figuur": f.figure,
            "kop": titles.get(f.id, ""),
            "score": round(f.score, 3),
            "nieuwswaarde": round(news(f), 3),
            "kan_leiden": f.can_lead,
            "niveau": f.level,
            "p": None if f.p_value is None else round(f.p_value, 4),
            "waarom": f.why,
            "verteld": told.get(f.id, []),
        }
        for i, f in enumerate(candidates, start=1)
    ]


def print_findings(story: Story, json_out: bool) -> None:
    result = findings_json(story)
    if json_out:
        print(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Kandidaat-bevindingen {story.year} (beste eerst; docs/narrative.md)")
    for col in ("#", "score", "leidt", "soort", "paragraaf", "bevinding", "verteld", "waarom"):
        table.add_column(col)
    for c in result["kandidaten"]:
        table.add_row(
            str(c["rang"]),
            f"{c['score']:.2f}",
            "ja" if c["kan_leiden"] else "",
            c["soort"],
            c["paragraaf"],
            c["kop"],
            ", ".join(c["verteld"]),
            c["waarom"],
        )
    Console(width=200).print(table)
