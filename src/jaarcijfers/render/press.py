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
from jaarcijfers.language import NL, Language
from jaarcijfers.render import Output

MIN_SECTIONS, MAX_SECTIONS = 3, 4
MAX_WORDS = 550
"""One page: the press summary's text stays under this many words (tested)."""


def press_context(edition: Edition, lang: Language = NL, others: tuple[Language, ...] = ()) -> dict[str, Any]:
    from markupsafe import Markup

    from jaarcijfers.render.site import TEMPLATES
    from jaarcijfers.story.compose import tell

    if not lang.source:
        return english_context(edition, lang, others)

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
        "lang": lang.code.value,
        "alternates": Markup(publication.alternates(edition, lang, others, "press")),
        "switch": Markup(publication.switch(edition, lang, others, "press")),
        "publisher_lines": list(publication.PUBLISHER_LINES),
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


def english_context(edition: Edition, lang: Language, others: tuple[Language, ...]) -> dict[str, Any]:
    """The press summary of an edition in another language than Dutch: the same layout told in English
    (`story.en_story.press`, from the edition it translates): the lead finding as title and lead paragraph,
    short sections for the next findings, the estimate as experimental, and the context."""
    from markupsafe import Markup

    from jaarcijfers.render import publication
    from jaarcijfers.render.site import TEMPLATES
    from jaarcijfers.story import en_estimate, en_story
    from jaarcijfers.story.published import Values

    _ = lang.gettext
    y = edition.year
    source = edition.translates
    assert source is not None, "an edition in another language translates a Dutch one"
    press = en_story.tell(source, lang=lang).press
    sections = {s.title: en for s, en in zip(source.sections, edition.sections, strict=True)}
    estimate = None
    told = en_estimate.estimate_text(source, Values.of_edition(source), lang)
    if told is not None:
        estimate = {
            "text": told.paragraphs[0].text,
            "external": [(q.text, q.source) for q in edition.editorial.estimates],
        }
    contact = edition.editorial.settings.contact
    return {
        "lang": lang.code.value,
        "alternates": Markup(publication.alternates(edition, lang, others, "press")),
        "switch": Markup(publication.switch(edition, lang, others, "press")),
        "publisher_lines": [_(line) for line in publication.PUBLISHER_LINES],
        "title": press.title.text,
        "year": y,
        "lead": press.lead.text,
        "sections": [
            {
                "headline": item.headline.text,
                "section": sections[item.section].title if item.section in sections else item.section,
                "texts": [item.paragraph.text],
            }
            for item in press.items[:MAX_SECTIONS]
        ],
        "context": press.context.text if press.context else "",
        "estimate": estimate,
        "published": lang.date(edition.published_on),
        "published_iso": edition.published_on.isoformat(),
        "place": _(publication.PLACE),
        "publisher": _(publication.PUBLISHER),
        "downloads": [
            d
            for d in publication.downloads(edition, lang)
            if d.href != publication.files(edition, lang).press
        ],
        "site": publication.files(edition, lang).site,
        "contact": {"name": contact.name, "phone": contact.phone, "email": contact.email}
        if contact
        else None,
        "address": [_(c) for c in publication.CONTACT[1:]],
        "css": Markup((TEMPLATES / "press.css").read_text(encoding="utf-8")),
    }


def render_press(edition: Edition, lang: Language = NL, others: tuple[Language, ...] = ()) -> str:
    from jaarcijfers.render.site import environment

    return environment(lang).get_template("press.html.j2").render(**press_context(edition, lang, others))


def write_press(
    edition: Edition, out: Path, lang: Language = NL, others: tuple[Language, ...] = ()
) -> list[str]:
    from jaarcijfers.render.publication import files

    name = files(edition, lang).press
    out.mkdir(parents=True, exist_ok=True)
    (out / name).write_text(render_press(edition, lang, others), encoding="utf-8", newline="\n")
    return [name]


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
