"""The printable report `jaarcijfers-YYYY.pdf`, typeset with Typst (no browser).

Python builds one JSON document from the published `Edition` (texts, findings, tables, chart SVGs);
the template `typst/jaarcijfers.typ` reads it with `json(bytes(sys.inputs.data))` and places every
string as text, so no label or finding is ever interpreted as Typst markup. Charts are the SVGs of
`render/charts.py`, included as vector graphics.

Deterministic: the document has no date (`date: none`), fonts come only from the embedded Typst fonts
and the DejaVu fonts of the system when present (system font discovery is off), and the data are
serialised with sorted keys; the same edition gives a byte-identical PDF.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from jaarcijfers import dutch
from jaarcijfers.edition.model import Edition, Estimate, NoEstimate, PublishedFigure
from jaarcijfers.edition.sections import ESTIMATE_SECTION
from jaarcijfers.language import N_, NL, Language
from jaarcijfers.render import Output, publication
from jaarcijfers.render.workbook import (
    SOURCE_NAMES,
    figure_tables,
    provenance_lines,
    symbols_in,
)

TEMPLATE_DIR = Path(__file__).resolve().parent / "typst"
TEMPLATE = TEMPLATE_DIR / "jaarcijfers.typ"
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
PUBLISHER = publication.PUBLISHER_LINES
PDF_STANDARD = "ua-1"
"""PDF/UA-1 (ISO 14289-1): Typst checks its rules while compiling (a title, the language, an alternative
text for every image, tagged tables with header cells) and fails on any it cannot meet."""
SOURCE_TITLES = {
    "comensha": "CoMensha-registratie",
    "ind": "IND-tabellen over verblijfsrechtelijke bescherming",
    "emm": "EMM-gegevens over opsporingsonderzoeken",
    "om": "OM-gegevens over vervolging en berechting",
    "rechtspraak": "Tabellen van de Raad voor de rechtspraak over hoger beroep en cassatie",
}
SOURCE_SHORT = {
    "comensha": "het Coördinatiecentrum tegen Mensenhandel (CoMensha)",
    "ind": "de Immigratie- en Naturalisatiedienst (IND)",
    "emm": "het Expertisecentrum Mensenhandel en Mensensmokkel (EMM)",
    "om": "het Openbaar Ministerie (OM)",
    "rechtspraak": "de Raad voor de rechtspraak",
}
SOURCE_TEXT: dict[str, tuple[list[str], list[str]]] = {
    "comensha": (
        [
            "CoMensha registreert meldingen van mensen die (vermoedelijk) slachtoffer zijn van mensenhandel. "
            "De meldingen komen van de opsporingsinstanties (politie, Koninklijke Marechaussee en Nederlandse "
            "Arbeidsinspectie), van zorgcoördinatoren en van andere organisaties en personen, bijvoorbeeld om "
            "opvang of hulp te regelen. CoMensha stelt het bestand samen; de Nationaal Rapporteur bewerkt en "
            "analyseert het. Anonieme meldingen tellen niet mee als geregistreerd slachtoffer.",
            "Bij de bewerking gelden de volgende keuzes:",
        ],
        [
            "Waar het slachtoffer is geworven en uitgebuit staat niet in het bestand. Seksuele uitbuiting van een "
            "slachtoffer met een andere dan de Nederlandse nationaliteit geldt daarom als internationale seksuele "
            "uitbuiting.",
            "Gedwongen bedelarij valt onder criminele uitbuiting.",
            "Gedwongen orgaanverwijdering hoort bij geen van de andere vormen; deze vorm wordt apart getoond "
            "wanneer de aantallen dat toelaten.",
            "Een slachtoffer telt mee bij elke vorm, sector en melder die voor hem of haar geregistreerd is. "
            "Daardoor tellen de aantallen in sommige tabellen op tot meer dan het totaal.",
        ],
    ),
    "ind": (
        [
            "De IND levert tabellen over de verblijfsrechtelijke bescherming van (vermoedelijke) slachtoffers: "
            "uitstel van vertrek en verblijfsvergunningen. De Nationaal Rapporteur neemt deze tabellen zonder "
            "bewerking over. De IND rondt de aantallen af op vijftallen en toont kleine aantallen niet precies.",
        ],
        [],
    ),
    "emm": (
        [
            "Bij het EMM komen signalen van en strafrechtelijke onderzoeken naar mensenhandel van de "
            "partnerorganisaties samen. Voor de jaarcijfers levert het EMM de opsporingsonderzoeken die als "
            "mensenhandel zijn geclassificeerd, met hun verdachten. Een onderzoek van de Nederlandse "
            "Arbeidsinspectie telt altijd mee als onderzoek naar arbeidsuitbuiting.",
        ],
        [],
    ),
    "om": (
        [
            "Het OM levert gegevens over de mensenhandelzaken die het inschrijft, afhandelt en aan de rechter "
            "voorlegt. De Nationaal Rapporteur verrijkt en analyseert dit bestand:",
        ],
        [
            "Per strafbaar feit in een zaak is vastgesteld of het om mensenhandel gaat; zo is te zien of een zaak "
            "voor mensenhandel is gedagvaard en of er een veroordeling of vrijspraak voor mensenhandel volgde.",
            "De vorm van mensenhandel volgt uit de wetsartikelen in het bestand, anders uit de maatschappelijke "
            "classificatie van de feiten en zo nodig uit gepubliceerde uitspraken.",
            "Het onderscheid tussen binnenlandse en internationale seksuele uitbuiting bij berechte zaken wordt "
            "alleen getoond als het voor voldoende zaken bekend is.",
        ],
    ),
    "rechtspraak": (
        [
            "De Raad voor de rechtspraak levert tabellen op zaaksniveau over hoger beroep en cassatie in zaken "
            "waarin in eerste aanleg mensenhandel ten laste is gelegd of bewezen is verklaard. Een zaak kan ook "
            "over andere feiten gaan dan mensenhandel; daarom is apart aangegeven in hoeveel zaken mensenhandel "
            "zelf bewezen is verklaard. De aantallen zijn afgerond op vijftallen, kleine aantallen zijn "
            "onderdrukt en de cijfers zijn indicatief. De Nationaal Rapporteur neemt de tabellen zonder bewerking "
            "over.",
        ],
        [],
    ),
}


# ---------------------------------------------------------------------------------------------
# The story (story/compose.py) and the charts


def audit_passed(edition: Edition) -> bool:
    """Whether the disclosure audit of the edition passed (an edition read back without a verdict: no)."""
    audit = edition.disclosure.audit
    return audit is not None and audit.passed


def _charts(edition: Edition, lang: Language = NL) -> dict[str, list[str]]:
    """Per figure id the charts as SVG text (charts.py), one per block with something to draw, so that no
    chart is taller than a page; figures without a chart are left out."""
    from jaarcijfers.render.charts import chart_svg, drawn_parts

    out = {}
    for fig in edition.figures:
        svgs = [chart_font(chart_svg(fig, "breed", part, lang)) for part in drawn_parts(fig)]
        if svgs:
            out[fig.id] = svgs
    return out


_FONT_FAMILY = re.compile(r'font-family="[^"]*"')


def chart_font(svg: str) -> str:
    """Chart text in the font of the tables.

    vl-convert lays out the text with Liberation Sans (Arial metrics), which Typst does not have; DejaVu Sans
    Condensed has about the same widths, so labels keep their places instead of running into each other.
    """
    if not font_paths():
        return svg
    return _FONT_FAMILY.sub('font-family="DejaVu Sans" font-stretch="condensed"', svg)


TEXT_WIDTH_PT = 465.0  # A4 minus the left and right margins of the template
CHART_HEIGHT_PT = 600.0  # the tallest a chart may be printed: a page less its title and margins
PT_PER_PX = 0.66  # chart text of 12 px then prints at about 8 pt, the size of the tables
_SVG_SIZE = re.compile(r'<svg[^>]*?\swidth="([\d.]+)(?:px)?"[^>]*?\sheight="([\d.]+)(?:px)?"')


def _chart_width(svg: str) -> float:
    """The fraction of the text width a chart takes: its own size at `PT_PER_PX`, at most the full width
    and at most `CHART_HEIGHT_PT` high."""
    m = _SVG_SIZE.search(svg)
    if not m:
        return 1.0
    width, height = float(m.group(1)), float(m.group(2))
    scale = min(PT_PER_PX, TEXT_WIDTH_PT / width, CHART_HEIGHT_PT / height)
    return round(width * scale / TEXT_WIDTH_PT, 3)


# ---------------------------------------------------------------------------------------------
# The document


def _figure(
    fig: PublishedFigure, edition: Edition, charts: dict[str, list[str]], lang: Language = NL
) -> list[dict[str, Any]]:
    from jaarcijfers.render.site import text_alternative

    _ = lang.gettext
    out = []
    tables = figure_tables(fig, edition, lang=lang)
    meaning = dict(publication.symbols(edition))
    symbols = [f"{s} = {meaning[s]}" if s in meaning else s for s in symbols_in(fig)]
    for i, table in enumerate(tables):
        groups: list[dict[str, Any]] = []
        spans: list[tuple[str, int]] = []
        for col in table.columns:
            if spans and spans[-1][0] == col.group:
                spans[-1] = (col.group, spans[-1][1] + 1)
            else:
                spans.append((col.group, 1))
        if len(spans) > 1:
            groups = [{"label": g or "", "span": n} for g, n in spans]
            if groups[0]["label"] == _("Jaar"):
                groups[0]["label"] = _("Per jaar")
        svgs = charts.get(fig.id, []) if i == 0 else []
        out.append(
            {
                "id": fig.id,
                "name": fig.name,
                "title": fig.title,
                "source": fig.source,
                "unit": fig.unit,
                "notes": list(fig.notes),
                "symbols": symbols,
                "stub": next((b.stub for b in fig.blocks if b.stub), ""),
                "groups": groups,
                "columns": [c.column if groups else c.header for c in table.columns],
                "rows": [
                    {
                        "label": label,
                        "cells": [publication.shown(c.display if c is not None else "", lang) for c in cells],
                    }
                    for label, cells in table.rows
                ],
                "charts": [
                    {
                        "svg": svg,
                        "width": _chart_width(svg),
                        "alt": text_alternative(fig, lang)
                        if n == 0
                        else _("{name}, vervolg van de grafiek.").format(name=fig.name),
                    }
                    for n, svg in enumerate(svgs)
                ],
            }
        )
    return out


def estimate_paragraphs(edition: Edition) -> tuple[list[str], list[str]]:
    """The estimate of the hidden number: the paragraphs of its section in chapter 1 and the method for
    the Toelichting (the story's text), or the reason there is none."""
    from jaarcijfers.story.compose import tell

    est = edition.estimate
    if est is None:
        return [], []
    if isinstance(est, NoEstimate) or est.total is None:
        reason = est.reason.strip().rstrip(".") if isinstance(est, NoEstimate) else ""
        text = "Voor deze editie is geen schatting gemaakt van het aantal slachtoffers dat niet in beeld komt"
        return [], [text + (f": {reason}." if reason else ".")]
    told = tell(edition).estimate
    if told is None:
        return [], []
    chapter = [p.text for p in told.paragraphs]
    chapter += [
        f"{a.name}: "
        + (dutch.count(str(a.total)) if a.total is not None else a.status)
        + (
            f" ({dutch.count(str(a.ci_lower))} tot {dutch.count(str(a.ci_upper))})"
            if a.ci_lower is not None and a.ci_upper is not None
            else ""
        )
        + "."
        for a in est.approaches
    ]
    return chapter, [p.text for p in told.method] + list(est.warnings)


def estimate_paragraphs_in(edition: Edition, lang: Language) -> tuple[list[str], list[str]]:
    """The estimate in another language than Dutch (`story.en_estimate`, from the edition it translates):
    the section's paragraphs with every approach of the sensitivity table, and the method for the
    Toelichting with the model's warnings (`en_estimate.warnings`), as the Dutch edition has them."""
    from jaarcijfers.story import en_estimate
    from jaarcijfers.story.published import Values

    source = edition.translates
    if source is None or not isinstance(source.estimate, Estimate) or source.estimate.total is None:
        return [], []
    told = en_estimate.estimate_text(source, Values.of_edition(source), lang)
    if told is None:
        return [], []
    chapter = [p.text for p in told.paragraphs]
    chapter += [
        f"{r['name']}: {r['total']}"
        + (f" ({str(r['interval']).replace(' – ', ' to ')}, {r['kind']})" if r["interval"] else "")
        + "."
        for r in en_estimate.table(source, lang)
    ]
    return chapter, [p.text for p in told.method] + en_estimate.warnings(source, lang, notes=False)


def _list_nl(items: list[str], lang: Language = NL) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + lang.gettext(" en ") + items[-1]


WORDS = {
    "note": N_("Noot"),
    "symbols": N_("Tekens"),
    "source": N_("Bron"),
    "contents": N_("Inhoud"),
    "introduction": N_("Introductie"),
    "symbols_heading": N_("Tekens in de tabellen"),
    "symbol": N_("Teken"),
    "meaning": N_("Betekenis"),
    "provenance": N_("Herkomst van de cijfers"),
    "colophon": N_("Colofon"),
    "part": N_("Onderdeel"),
    "details": N_("Gegevens"),
    "outputs": N_("De publicatie bestaat verder uit de volgende bestanden, in dezelfde map als dit rapport:"),
}
"""The fixed words of the Typst template, in the edition's language."""


def document(edition: Edition, lang: Language = NL) -> dict[str, Any]:
    """The whole report as plain data for the Typst template, in the edition's language (the story, told
    in Dutch only, is left out of an edition in another language: docs/language.md)."""
    first, last = edition.years[0], edition.years[-1]
    year = edition.year
    from jaarcijfers.render.markdown import to_blocks
    from jaarcijfers.render.site import explanation, figure_words, told_in
    from jaarcijfers.story.compose import tell

    _ = lang.gettext
    sources = list(dict.fromkeys(f.source_id for f in edition.figures))
    story = tell(edition) if lang.source else None
    texts = {s.section: s for s in story.sections} if story is not None else {}
    told = None  # the English chain and chapter 3 (`story.en_story`) of an edition in English
    if story is None and edition.translates is not None:
        from jaarcijfers.story import en_story

        told = en_story.tell(edition.translates, lang=lang)
    chain = story.chain if story is not None else told.chain if told is not None else None
    developments = story.developments if story is not None else told.developments if told is not None else ()
    count = dutch.count if lang.source else lang.count
    estimate_chapter, estimate_method = (
        estimate_paragraphs(edition) if lang.source else estimate_paragraphs_in(edition, lang)
    )
    charts = _charts(edition, lang)
    figures = {f.id: f for f in edition.figures}
    ed = edition.editorial
    names = publication.files(edition, lang)
    english = told_in(edition, lang)

    chapters = []
    for number, title in edition.chapters():
        secs = []
        if number == "1" and chain is not None:
            secs.append(
                {
                    "title": _("De keten in één oogopslag"),
                    "show_heading": True,
                    "headline": None,
                    "findings": [chain.paragraph.text]
                    + [
                        f"{c.stage}: {count(c.new_text) or '–'} in {year}"
                        + (f", {count(c.old_text)} in {year - 1}" if c.old_text else "")
                        + (f" ({c.pct_text})" if c.pct_text else "")
                        + f" — {c.unit}."
                        for c in chain.stages
                    ],
                    "figures": [],
                }
            )
        for sec in (s for s in edition.sections if s.chapter == number):
            text = texts.get(sec.title)
            if text is None and story is not None:
                continue
            if text is not None:
                groups = [
                    {
                        "headline": g.headline.text if g.headline else None,
                        "paragraphs": [p.text for p in g.paragraphs],
                        "figures": _figure(figures[g.figure], edition, charts, lang),
                    }
                    for g in text.groups
                ]
            else:
                groups = [
                    {**figure_words(english, f.id), "figures": _figure(f, edition, charts, lang)}
                    for f in edition.figures
                    if f.section == sec.title
                ]
                if not groups:
                    continue
            secs.append(
                {
                    "title": sec.title,
                    "show_heading": sec.title != title,
                    "headline": None,
                    "explanation": text.explanation.text
                    if text is not None and text.explanation
                    else explanation(lang, sec.dutch),
                    "findings": [],
                    "figures": [],
                    "groups": groups,
                    "boxes": [
                        {"title": b.title, "blocks": to_blocks(b.markdown)} for b in ed.boxes_of(sec.title)
                    ],
                    "quotes": [{"text": q.text, "source": q.source} for q in ed.quotes_of(sec.title)],
                    "footnotes": [n.text for n in ed.footnotes_of(sec.title)],
                }
            )
            if sec.title == edition.sections[0].title and estimate_chapter:
                secs.append(
                    {
                        "title": _(ESTIMATE_SECTION),
                        "show_heading": True,
                        "headline": None,
                        "findings": estimate_chapter,
                        "figures": [],
                        "quotes": [{"text": q.text, "source": q.source} for q in ed.estimates],
                    }
                )
        chapters.append({"number": number, "title": title, "sections": secs})

    if edition.reflection_markdown:
        reflection = to_blocks(edition.reflection_markdown)
        chapter3 = _("Reflectie")
    elif story is None and not developments:
        reflection = []
        chapter3 = ""
    else:
        chapter3 = _("Belangrijkste ontwikkelingen")
        reflection = [
            {
                "kind": "para",
                "runs": [
                    {
                        "text": _(
                            "Dit hoofdstuk zet de ontwikkelingen op een rij die volgens vaste, gedocumenteerde "
                            "regels het meest opvallen in de cijfers (zie de toelichting)."
                        )
                    }
                ],
            }
        ]
        for d in developments:
            reflection.append({"kind": "heading", "runs": [{"text": d.headline.text}]})
            reflection.append({"kind": "para", "runs": [{"text": d.paragraph.text}]})
    if chapter3:
        chapters.append(
            {
                "number": "3",
                "title": chapter3,
                "sections": [
                    {
                        "title": _("Wat vertellen de jaarcijfers van {year} ons?").format(year=year),
                        "show_heading": True,
                        "headline": None,
                        "findings": [],
                        "figures": [],
                    }
                ],
                "blocks": reflection,
            }
        )

    source_names = [_(SOURCE_SHORT.get(s, s)) for s in sources]
    intro = [
        _(
            "De Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen (hierna: de Nationaal "
            "Rapporteur) doet onderzoek naar de aard en omvang van mensenhandel in Nederland en adviseert de "
            "regering over de aanpak ervan. Met de Jaarcijfers Mensenhandel volgt de Nationaal Rapporteur elk "
            "jaar de ontwikkelingen in de cijfers. Deze editie gaat over {year}; om de cijfers in perspectief te "
            "plaatsen staan ook de jaren {first} tot en met {last} in de tabellen."
        ).format(year=year, first=first, last=last - 1),
        _(
            "De cijfers gaan over slachtoffers die bij maatschappelijke organisaties en opsporingsinstanties in "
            "beeld zijn, en over (vermoedelijke) plegers: verdachten in opsporingsonderzoeken, vervolgingen en "
            "berechtingen. Ze komen uit de registraties van {sources}. Elke registratie laat "
            "vanuit de taak van de organisatie een ander deel van mensenhandel zien."
        ).format(sources=_list_nl(source_names, lang)),
        _(
            "Niet alle slachtoffers en plegers komen in beeld. De cijfers beschrijven wat bij de instanties bekend "
            "is, niet de werkelijke omvang van mensenhandel. Hoofdstuk 1 gaat over slachtoffers, hoofdstuk 2 over "
            "plegers; de Toelichting achterin beschrijft per bron hoe de cijfers tot stand komen en wat de "
            "symbolen in de tabellen betekenen."
        ),
    ]

    toelichting_sections = []
    for sid in sources:
        paragraphs, items = SOURCE_TEXT.get(sid, ([SOURCE_NAMES.get(sid, sid)], []))
        toelichting_sections.append(
            {
                "title": _(SOURCE_TITLES.get(sid, sid)),
                "paragraphs": [_(p) for p in paragraphs],
                "items": [_(i) for i in items],
            }
        )
    if estimate_method:
        toelichting_sections.append(
            {"title": _("Schatting van het aantal slachtoffers"), "paragraphs": estimate_method, "items": []}
        )

    disclosure = [p for p in (edition.disclosure.note, edition.disclosure.reason) if p]
    if disclosure:
        toelichting_sections.append(
            {"title": _("Onthullingscontrole"), "paragraphs": disclosure, "items": []}
        )
    toelichting_sections.append(revisions_section(edition, lang))

    toelichting = {
        "number": "4" if chapter3 else "3",
        "title": _("Toelichting op de gebruikte cijfers"),
        "sections": toelichting_sections,
        "symbols_intro": (
            _(
                "Alle cijfers in dit rapport zijn na onthullingscontrole gepubliceerd: kleine aantallen worden niet "
                "precies getoond"
            )
            # claim only what the audit of this edition confirms (docs/sdc.md, "Safe by default")
            + (_(", zodat niemand uit de cijfers herkenbaar is") if audit_passed(edition) else "")
            + _(". De tabellen gebruiken de volgende symbolen (beleid: {policy}).").format(
                policy=edition.disclosure.policy
            )
        ),
        "symbols": [{"symbol": t, "meaning": m} for t, m in publication.symbols(edition)],
        "provenance_intro": [
            _(
                "Dit rapport is opgemaakt uit de gepubliceerde cijfers van deze editie. Dezelfde tabellen staan, "
                "met dezelfde waarden, in het werkboek {workbook} en in de open data ({datapackage})."
            ).format(workbook=names.workbook, datapackage=names.datapackage),
        ],
        "provenance": provenance_lines(edition, lang),
        "colophon": [
            {"label": label, "text": text}
            for label, text in publication.colophon(
                edition, [_(SOURCE_NAMES.get(s, s)) for s in sources], lang
            )
        ],
        "outputs": [
            {"href": d.href, "title": d.title}
            for d in publication.downloads(edition, lang)
            if d.href != names.pdf
        ]
        + [{"href": names.site, "title": _("Rapport (website)")}],
    }

    return {
        "meta": {
            "title": publication.title(edition, lang),
            "title_line1": _("Jaarcijfers"),
            "title_line2": _("Mensenhandel {year}").format(year=year),
            "subtitle": _("Slachtoffers en plegers van mensenhandel in Nederland, {first}-{last}").format(
                first=first, last=last
            ),
            "publisher": " ".join(_(p) for p in PUBLISHER),
            "publisher_line1": _(PUBLISHER[0]),
            "publisher_line2": _(PUBLISHER[1]),
            "publisher_short": _("Nationaal Rapporteur"),
            "cover_note": _(
                "Alle cijfers in dit rapport zijn na onthullingscontrole gepubliceerd. De tabellen staan "
                "ook in het werkboek {workbook} en als open data; het rapport staat ook als website in "
                "{site}, in dezelfde map."
            ).format(workbook=names.workbook, site=names.site),
            "published": _("Gepubliceerd op {date}").format(date=lang.date(edition.published_on)),
            "site": names.site,
            "website": publication.WEBSITE,
            "website_text": publication.WEBSITE_TEXT,
            "year": year,
            "lang": lang.code.value,
            "region": lang.locale.split("_")[1].lower(),
            "keywords": [_("mensenhandel"), _("jaarcijfers"), _("statistiek")],
        },
        "words": {key: _(word) for key, word in WORDS.items()},
        "intro": intro,
        "chapters": chapters,
        "toelichting": toelichting,
    }


def revisions_section(edition: Edition, lang: Language = NL) -> dict[str, Any]:
    """The section Herzieningen of the Toelichting (render/revisions.py, docs/editions.md): the policy, the
    comparison, the revisions that change a finding, and one line per revised cell."""
    from jaarcijfers.render import revisions

    _ = lang.gettext
    items = [
        f"{r.figure}{f' ({r.part})' if r.part else ''}, {r.row}, {r.year}: {r.previous} → {r.new}"
        + (f" ({r.difference})" if r.difference else "")
        + f"; {r.reasons}"
        for r in revisions.rows(edition, lang)
    ]
    paragraphs = [_(revisions.POLICY), revisions.summary(edition, lang), *revisions.turns(edition, lang)]
    return {"title": _(revisions.TITLE), "paragraphs": paragraphs, "items": items}


def font_paths() -> list[str]:
    return [str(p) for p in FONT_DIRS if p.is_dir()]


def typst_arguments(edition: Edition, lang: Language = NL) -> dict[str, Any]:
    """The arguments of `typst.compile` / `typst.query` for the edition (template, fonts, data)."""
    data = json.dumps(document(edition, lang), ensure_ascii=False, sort_keys=True)
    return {
        "input": str(TEMPLATE),
        "root": str(TEMPLATE_DIR),
        "font_paths": font_paths(),
        "ignore_system_fonts": True,
        "sys_inputs": {"data": data},
    }


def compile_arguments(arguments: dict[str, Any]) -> dict[str, Any]:
    """`typst.compile`'s arguments: the common ones and the PDF standard."""
    return {**arguments, "pdf_standards": [PDF_STANDARD]}


def compile_pdf(edition: Edition, arguments: dict[str, Any] | None = None, lang: Language = NL) -> bytes:
    """The report as PDF bytes."""
    import typst

    pdf = typst.compile(**compile_arguments(arguments or typst_arguments(edition, lang)))
    assert isinstance(pdf, bytes)
    return pdf


def render_pdf(
    edition: Edition, out: Path, lang: Language = NL, others: tuple[Language, ...] = ()
) -> list[str]:
    name = publication.files(edition, lang).pdf
    out.mkdir(parents=True, exist_ok=True)
    (out / name).write_bytes(compile_pdf(edition, lang=lang))
    return [name]


OUTPUT = Output("PDF", render_pdf, order=30)
