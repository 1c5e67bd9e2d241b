"""The press summary `persbericht.html`: one page, lead finding first (docs/narrative.md, "The press
summary").

Title and lead paragraph tell the edition's best finding (the story's press selection: the best findings
across the edition that can lead, one per section, at least one about perpetrators) and then the
registered victims; three to four short sections follow with the next findings; the estimate (when the
edition shows it) as experimental, with an external estimate beside it; the date of publication and the
press contact from the editorial settings. Every number is a published cell or fact of the edition (the
story's claims, checked by `story.checker`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jaarcijfers import dutch
from jaarcijfers.edition.model import Edition, Estimate
from jaarcijfers.render import Output

MIN_SECTIONS, MAX_SECTIONS = 3, 4
MAX_WORDS = 550
"""One page: the press summary's text stays under this many words (tested)."""


def press_context(edition: Edition) -> dict[str, Any]:
    from markupsafe import Markup

    from jaarcijfers.render.site import TEMPLATES
    from jaarcijfers.story.compose import tell

    st = tell(edition)
    press = st.press
    y = edition.year
    ed = edition.editorial
    estimate = None
    est = edition.estimate
    if isinstance(est, Estimate) and est.total is not None and st.estimate is not None:
        estimate = {
            "text": st.estimate.paragraphs[0].text,
            "external": [(q.text, q.source) for q in ed.estimates],
        }
    contact = ed.settings.contact
    from jaarcijfers.render import publication

    return {
        "title": press.title.text,
        "year": y,
        "lead": press.lead.text,
        "sections": [
            {"headline": item.headline.text, "section": item.section, "texts": [item.paragraph.text]}
            for item in press.items[:MAX_SECTIONS]
        ],
        "context": press.context.text if press.context else "",
        "estimate": estimate,
        "published": dutch.date(edition.published_on),
        "published_iso": edition.published_on.isoformat(),
        "place": publication.PLACE,
        "publisher": publication.PUBLISHER,
        "downloads": [
            d for d in publication.downloads(edition) if d.href != publication.files(edition).press
        ],
        "site": publication.files(edition).site,
        # the press contact of the editorial settings, else the publisher's address (colophon)
        "contact": {"name": contact.name, "phone": contact.phone, "email": contact.email}
        if contact
        else None,
        "address": publication.CONTACT[1:],
        "css": Markup((TEMPLATES / "press.css").read_text(encoding="utf-8")),
    }


def render_press(edition: Edition) -> str:
    from jaarcijfers.render.site import environment

    return environment().get_template("press.html.j2").render(**press_context(edition))


def write_press(edition: Edition, out: Path) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    (out / "persbericht.html").write_text(render_press(edition), encoding="utf-8", newline="\n")
    return ["persbericht.html"]


OUTPUT = Output("persbericht", write_press, order=50)

__all__ = [
    "MAX_SECTIONS",
    "MAX_WORDS",
    "MIN_SECTIONS",
    "dutch",
    "press_context",
    "render_press",
    "write_press",
]
