"""The press summary `persbericht.html`: one page with the year's key findings.

Headline and lead tell the registered victims and their change; then three to five short sections,
each a notable development chosen by the rules of `render/narrative.py`. Every number is a published
cell or fact of the edition (checked by `render/checks.py`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jaarcijfers import dutch
from jaarcijfers.edition.model import Edition
from jaarcijfers.render import Output

MIN_SECTIONS, MAX_SECTIONS = 3, 5


def press_context(edition: Edition) -> dict[str, Any]:
    from markupsafe import Markup

    from jaarcijfers.render.narrative import lead, stories
    from jaarcijfers.render.site import TEMPLATES

    st = stories(edition)
    y = edition.year
    first = lead(edition)
    victims = None
    try:
        victims = edition.figure("1").block("").cell("Geregistreerde slachtoffers", str(y)).display
    except KeyError:
        victims = None
    if victims:
        title = f"{dutch.count(victims)} slachtoffers van mensenhandel geregistreerd in {y}"
    else:
        title = f"Jaarcijfers Mensenhandel {y}"
    # sections: the stories whose strongest change is largest, at least one about perpetrators
    ranked = []
    for name, story in st.items():
        changes = [f for f in story.findings if f.kind in ("change", "level")]
        if name == "Slachtoffers" or not changes:
            continue
        ranked.append((max(f.score for f in changes), name, story))
    ranked.sort(key=lambda t: (-t[0], t[1]))
    chosen = ranked[: MAX_SECTIONS - 1]
    if not any(s.chapter == "2" for _, _, s in chosen):
        extra = next((t for t in ranked if t[2].chapter == "2"), None)
        if extra is not None:
            chosen = chosen[: MAX_SECTIONS - 2] + [extra]
    if len(chosen) < MIN_SECTIONS:
        chosen = ranked[:MIN_SECTIONS]
    order = list(st)
    chosen.sort(key=lambda t: order.index(t[1]))
    sections = []
    for _, name, story in chosen:
        texts = [f.text for f in story.findings if f.kind in ("change", "level", "share", "top")][:2]
        sections.append({"headline": story.headline, "section": name, "texts": texts})
    slachtoffers = st.get("Slachtoffers")
    lead_extra = [
        f.text
        for f in (slachtoffers.findings if slachtoffers else ())
        if f is not first and f.kind == "share"
    ][:1]
    from jaarcijfers.render import publication

    return {
        "title": title,
        "year": y,
        "published": dutch.date(edition.published_on),
        "published_iso": edition.published_on.isoformat(),
        "place": publication.PLACE,
        "publisher": publication.PUBLISHER,
        "downloads": [
            d for d in publication.downloads(edition) if d.href != publication.files(edition).press
        ],
        "site": publication.files(edition).site,
        "contact": publication.CONTACT[1:],
        "lead": _press_lead(first.text, y) if first else "",
        "lead_extra": lead_extra,
        "sections": sections,
        "css": Markup((TEMPLATES / "press.css").read_text(encoding="utf-8")),
    }


def _press_lead(text: str, year: int) -> str:
    """The lead finding in the active voice of a press release (same numbers, same order)."""
    prefix = f"In {year} ging het om "
    if text.startswith(prefix) and " geregistreerde slachtoffers." in text:
        head, rest = text[len(prefix) :].split(" geregistreerde slachtoffers.", 1)
        return f"In {year} zijn {head} slachtoffers van mensenhandel geregistreerd bij CoMensha.{rest}"
    return text


def render_press(edition: Edition) -> str:
    from jaarcijfers.render.site import environment

    return environment().get_template("press.html.j2").render(**press_context(edition))


def write_press(edition: Edition, out: Path) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    (out / "persbericht.html").write_text(render_press(edition), encoding="utf-8", newline="\n")
    return ["persbericht.html"]


OUTPUT = Output("persbericht", write_press, order=50)
