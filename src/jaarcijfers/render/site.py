"""The report site: one static, self-contained `index.html` in Dutch, structured like the publication.

Every figure is an interactive Vega-Lite chart: its specification (`render/charts.py`, plus a tooltip
showing each mark's published value) is inlined as JSON and drawn by Vega-Embed as SVG; the Vega,
Vega-Lite and Vega-Embed JavaScript (vl-convert's self-contained bundle, Vega-Lite pinned to
`charts.VL_VERSION`) is inlined once, so the page works from disk without any network request. The
static SVG of the same specification is inlined as well: it is what a reader sees without JavaScript
(or if drawing fails) and what is printed. Every figure also has its data table and a text alternative.
No timestamps: the same edition gives a byte-identical page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jaarcijfers import dutch
from jaarcijfers.edition.model import Edition, Estimate, PublishedBlock, PublishedFigure
from jaarcijfers.edition.sections import ESTIMATE_SECTION
from jaarcijfers.figures.spec import Chart
from jaarcijfers.language import N_, NL, Language
from jaarcijfers.render import Output
from jaarcijfers.render.charts import Layout

TEMPLATES = Path(__file__).parent / "templates"


def environment(lang: Language = NL):
    import jinja2

    env = jinja2.Environment(
        extensions=["jinja2.ext.i18n"],
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["aantal"] = lang.count
    env.install_gettext_callables(  # type: ignore[attr-defined]
        lang.gettext, lambda s, p, n: lang.gettext(s if n == 1 else p), newstyle=True
    )
    return env


def slug(text: str) -> str:
    from jaarcijfers.facts.compute import slug as _slug

    return _slug(text).replace("_", "-")


STUB = N_("Categorie")
"""The header of a table's first column when the figure names none (a header cell is never empty)."""


@dataclass(frozen=True)
class Table:
    caption: str
    stub: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (row label, displays)
    numeric: tuple[bool, ...]


def block_table(fig: PublishedFigure, block: PublishedBlock, lang: Language = NL) -> Table:
    from jaarcijfers.render.charts import block_heading

    _ = lang.gettext
    cells = {(c.row, c.column): c.display for c in block.cells}
    heading = block_heading(fig, block, lang)
    from jaarcijfers.render.publication import shown

    caption = _("Tabel bij {name}").format(name=fig.name) + (f", {heading.lower()}" if heading else "")
    if fig.id.startswith("T"):
        caption = f"{fig.name}" + (f", {heading.lower()}" if heading else "")
    rows = tuple((r, tuple(shown(cells.get((r, c), ""), lang) for c in block.columns)) for r in block.rows)
    stub = block.stub or _(STUB)
    return Table(caption, stub, block.columns, rows, tuple(True for _ in block.columns))


def text_alternative(fig: PublishedFigure, lang: Language = NL) -> str:
    """A short description of what the chart shows, in the edition's language; the table beside it holds
    every value."""
    _ = lang.gettext
    from jaarcijfers.render.charts import (
        PROTECTED_DRAWING,
        chart_columns,
        chart_rows,
        is_year_block,
        omitted_from_chart,
        role_name,
    )

    parts = []
    for b in fig.blocks:
        rows = chart_rows(b)
        cols = chart_columns(b)
        if not rows or not cols:
            continue
        if is_year_block(b):
            line = fig.chart == Chart.LINE
            totals = [r for r in rows if role_name(b, r) == "totaal"]
            if len(rows) > 1:
                several = (
                    _(
                        "Lijngrafieken, één per reeks ({rows}), met per jaar ({first} tot en met {last}) het aantal."
                    )
                    if line
                    else _(
                        "Staafdiagramen, één per reeks ({rows}), met per jaar ({first} tot en met {last}) het aantal."
                    )
                )
                parts.append(
                    several.format(rows=", ".join(rows), first=cols[0], last=cols[-1])
                    + (
                        _(" Het totaal ({totals}) is een lijn.").format(totals=", ".join(totals))
                        if totals and fig.chart != Chart.LINE
                        else ""
                    )
                )
            else:
                one = (
                    _("Lijngrafiek met per jaar ({first} tot en met {last}) het aantal {row}.")
                    if line
                    else _("Staafdiagram met per jaar ({first} tot en met {last}) het aantal {row}.")
                )
                parts.append(one.format(first=cols[0], last=cols[-1], row=rows[0].lower()))
        elif len(cols) > 1:
            parts.append(
                _("Liggende staafdiagrammen, één per reeks ({rows}), met het aantal per {columns}.").format(
                    rows=", ".join(rows), columns=", ".join(cols)
                )
            )
        else:
            parts.append(
                _("Liggend staafdiagram met het aantal per categorie ({rows}).").format(rows=", ".join(rows))
            )
    text = _("{name} toont {description}. ").format(name=fig.name, description=fig.description) + " ".join(
        parts
    )
    if fig.rounded:
        text += _(" De aantallen zijn afgerond op vijftallen.")
    if any(c.below is not None for b in fig.blocks for c in b.cells):
        text += _(
            " Kleine aantallen zijn niet als waarde getekend maar als {drawing} tot de bovengrens."
        ).format(drawing=_(PROTECTED_DRAWING))
    omitted = omitted_from_chart(fig)
    if omitted:
        text += _(" Alleen in de tabel: {rows}.").format(rows=", ".join(o.lower() for o in omitted))
    return text + _(" De precieze aantallen staan in de tabel.")


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """Vega, Vega-Lite and Vega-Embed as one self-contained script (made once per process, ~0.9 MB).

    It defines `vegaEmbed`, `vegaLite` and `vega` on `window`. Vega-Lite is pinned to the version the
    static SVG is made with, so the same vl-convert gives the same bytes.
    """
    import vl_convert

    from jaarcijfers.render.charts import VL_VERSION

    snippet = "window.vegaEmbed = vegaEmbed;\nwindow.vega = vega;\nwindow.vegaLite = vegaLite;\n"  # vl-convert's default
    js: str = vl_convert.javascript_bundle(snippet, vl_version=VL_VERSION)
    if re.search(r"</script|<!--", js, re.IGNORECASE):  # would end or confuse the inline <script>
        raise ValueError("the Vega bundle cannot be inlined in a <script> element")
    return js


def interactive_spec(fig: PublishedFigure, layout: Layout = "breed", lang: Language = NL) -> dict[str, Any]:
    """The figure's Vega-Lite specification with a tooltip on every bar and point: the published value, as
    in the table (made in Python from the published label: `<5` stays `<5`; thousands get a dot). Lines
    and labels carry none (a line's tooltip would show one value)."""
    from jaarcijfers.render.charts import chart_spec, views

    spec: dict[str, Any] = chart_spec(fig, layout, lang=lang)
    tooltip = {"field": "tooltip", "type": "nominal"}
    for data, layers in views(spec):
        for v in data:
            v["tooltip"] = f"{v['rij']}, {v['kolom']}: {lang.count(str(v['label']))}" + (
                lang.gettext(" (afgerond op vijftallen)") if fig.rounded else ""
            )
        for layer in layers:
            if layer["mark"]["type"] in ("bar", "point"):
                layer["encoding"] = {**layer["encoding"], "tooltip": tooltip}
    return spec


def spec_script(spec: dict[str, Any]) -> str:
    """A specification as JSON for a `<script type="application/json">`: `<`, `>` and `&` escaped, so no `</`."""
    text = json.dumps(spec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def figure_context(fig: PublishedFigure, lang: Language = NL) -> dict[str, Any]:
    from markupsafe import Markup

    from jaarcijfers.render.charts import LAYOUTS, chart_svg

    def static(layout: Layout) -> Markup:
        svg = chart_svg(fig, layout, lang=lang)
        return Markup(re.sub(r"^<svg ", '<svg focusable="false" aria-hidden="true" ', svg, count=1))

    if fig.no_data:  # the template shows "Geen gegevens" instead of a chart and tables
        return {"id": f"figuur-{fig.id.lower()}", "fig": fig, "tables": []}
    return {
        "id": f"figuur-{fig.id.lower()}",
        "fig": fig,
        "layouts": [
            {
                "name": layout,
                "svg": static(layout),
                "spec": Markup(spec_script(interactive_spec(fig, layout, lang))),
            }
            for layout in LAYOUTS
        ],
        "alt": text_alternative(fig, lang),
        "tables": [block_table(fig, b, lang) for b in fig.blocks],
    }


def toc(
    edition: Edition,
    sections: list[tuple[str, str]],
    estimate: bool,
    chapter3: str | None,
    lang: Language = NL,
    chain: bool = True,
    glossary: bool = False,
) -> list[dict[str, Any]]:
    """The table of contents; `chapter3` None: the edition has no chapter 3 (an edition in another language
    without the narrative, docs/language.md)."""
    _ = lang.gettext
    out: list[dict[str, Any]] = [{"id": "introductie", "title": _("Introductie"), "children": []}]
    for ch, name in edition.chapters():
        kids = [{"id": slug(s), "title": s} for c, s in sections if c == ch]
        if ch == "1":
            if chain:
                kids.insert(0, {"id": "keten", "title": _(CHAIN_TITLE)})
            if estimate:
                kids.insert(2, {"id": "hoeveel-slachtoffers", "title": _(ESTIMATE_SECTION)})
        out.append({"id": f"hoofdstuk-{ch}", "number": ch, "title": name, "children": kids})
    if chapter3 is not None:
        out.append(
            {
                "id": "hoofdstuk-3",
                "number": "3",
                "title": chapter3,
                "children": [
                    {
                        "id": "reflectie",
                        "title": _("Wat vertellen de jaarcijfers van {year} ons?").format(year=edition.year),
                    }
                ],
            }
        )
    kids = [
        {"id": "bewerkingen", "title": _("Bewerkingen van de gegevens")},
        {"id": "tekens", "title": _("Tekens in tabellen en grafieken")},
        {"id": "herzieningen", "title": _("Herzieningen")},
        {"id": "bronnen", "title": _("Bronnen en herkomst")},
        {"id": "colofon", "title": _("Colofon")},
    ]
    if glossary:
        kids.append({"id": "glossary", "title": _("Woordenlijst")})
    out.append(
        {
            "id": "hoofdstuk-4",
            "number": "4" if chapter3 is not None else "3",
            "title": _("Toelichting op de cijfers"),
            "children": kids,
        }
    )
    return out


CHAIN_TITLE = N_("De keten in één oogopslag")


SOURCE_NAMES = {
    "comensha": N_("CoMensha (Coördinatiecentrum tegen Mensenhandel)"),
    "ind": N_("IND (Immigratie- en Naturalisatiedienst)"),
    "emm": N_("EMM (Expertisecentrum Mensenhandel en Mensensmokkel)"),
    "om": N_("OM (Openbaar Ministerie)"),
    "rechtspraak": N_("Raad voor de rechtspraak"),
}


def estimate_context(edition: Edition, lang: Language = NL) -> dict[str, Any] | None:
    """The estimate's section: its text (the story's), the sensitivity table, the chart, the warnings and
    the analysts' external estimates beside it. In another language than Dutch: the English text
    (`story.en_estimate`) of the edition it translates, without the model's warnings (their text is
    Dutch), with the analysts' external estimates they wrote in the language (docs/language.md)."""
    if not lang.source:
        return _estimate_context_in(edition, lang)
    est = edition.estimate
    if not isinstance(est, Estimate) or est.total is None:
        return None
    from markupsafe import Markup

    from jaarcijfers.story.compose import tell
    from jaarcijfers.story.estimate import reporter_names

    text = tell(edition).estimate
    if text is None:
        return None
    rows = [
        {
            "name": a.name,
            "total": dutch.count(str(a.total)) if a.total is not None else a.status,
            "interval": f"{dutch.count(str(a.ci_lower))} – {dutch.count(str(a.ci_upper))}"
            if a.ci_lower is not None and a.ci_upper is not None
            else "",
            "kind": a.interval,
            "headline": a.key == est.model,
        }
        for a in est.approaches
    ]
    names = reporter_names()
    warnings = [w for w in est.warnings]
    for code, label in names.items():
        warnings = [w.replace(code, label) if ":" in w else w for w in warnings]
    return {
        "paragraphs": [p.text for p in text.paragraphs],
        "method": [p.text for p in text.method],
        "rows": rows,
        "warnings": warnings,
        "notes": list(est.notes),
        "external": [(q.text, q.source) for q in edition.editorial.estimates],
        "svg": Markup(estimate_svg(est, edition))
        if est.ci_lower is not None and est.ci_upper is not None
        else None,
    }


def _estimate_context_in(edition: Edition, lang: Language) -> dict[str, Any] | None:
    source = edition.translates
    est = source.estimate if source is not None else None
    if source is None or not isinstance(est, Estimate) or est.total is None:
        return None
    from markupsafe import Markup

    from jaarcijfers.story import en_estimate
    from jaarcijfers.story.published import Values

    text = en_estimate.estimate_text(source, Values.of_edition(source), lang)
    if text is None:
        return None
    return {
        "paragraphs": [p.text for p in text.paragraphs],
        "method": [p.text for p in text.method],
        "rows": en_estimate.table(source, lang),
        "warnings": en_estimate.warnings(source, lang),
        "notes": [],
        "external": [(q.text, q.source) for q in edition.editorial.estimates],  # the analysts' English
        "svg": Markup(estimate_svg(est, source, lang))
        if est.ci_lower is not None and est.ci_upper is not None
        else None,
    }


ESTIMATE_WORDS = (
    N_("Geregistreerd"),
    N_("Geschat totaal"),
    N_("Aantal slachtoffers. Bron: CoMensha, bewerking (schatting, experimenteel)"),
)
"""The words of the estimate's chart."""


def estimate_svg(est: Estimate, edition: Edition | None = None, lang: Language = NL) -> str:
    """Registered victims beside the estimated total with its interval, on an axis with ticks, with the
    source under it (a small static SVG; the numbers are in the text and the table beside it)."""
    assert est.total is not None and est.ci_lower is not None and est.ci_upper is not None
    obs, mid, lo, hi = est.observed, est.total, est.ci_lower, est.ci_upper
    width, left, right = 600, 190, 30
    top = max(hi, mid, obs) * 1.05 or 1.0
    step = nice_step(top)

    def x(v: float) -> float:
        return round(left + (width - left - right) * v / top, 1)

    from jaarcijfers.render.charts import MUTED, PART, TOTAL

    t = dutch.count if lang.source else lang.count
    registered, estimated, source = (lang.gettext(w) for w in ESTIMATE_WORDS)
    ticks = []
    v = 0
    while v <= top:
        ticks.append(
            f'<line x1="{x(v)}" x2="{x(v)}" y1="104" y2="109" stroke="{MUTED}"/>'
            f'<text x="{x(v)}" y="122" text-anchor="middle" fill="{MUTED}">{t(str(v))}</text>'
        )
        v += step
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="160" viewBox="0 0 {width} 160" '
        'focusable="false" aria-hidden="true" font-family="Liberation Sans, Arial, sans-serif" font-size="13">'
        f'<text x="0" y="34" fill="#1a1a1a">{registered}</text>'
        f'<rect x="{left}" y="20" width="{x(obs) - left}" height="22" fill="{PART}"/>'
        f'<text x="{x(obs) + 6}" y="36" fill="#1a1a1a">{t(str(obs))}</text>'
        f'<text x="0" y="84" fill="#1a1a1a">{estimated}</text>'
        f'<rect x="{x(lo)}" y="68" width="{x(hi) - x(lo)}" height="22" fill="{PART}" fill-opacity="0.25" '
        f'stroke="{PART}"/>'
        f'<line x1="{x(mid)}" x2="{x(mid)}" y1="64" y2="94" stroke="{TOTAL}" stroke-width="3"/>'
        f'<line x1="{left}" x2="{width - right}" y1="104" y2="104" stroke="{MUTED}"/>'
        + "".join(ticks)
        + f'<text x="{left}" y="150" fill="{MUTED}" font-size="11">{source}</text>'
        "</svg>"
    )


def nice_step(top: float) -> int:
    """A round step for about five ticks on an axis up to `top` (1, 2 or 5 times a power of ten)."""
    import math

    raw = max(top / 5, 1)
    power = 10 ** math.floor(math.log10(raw))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def told_in(edition: Edition, lang: Language) -> dict[str, Any]:
    """The text beside each figure of an edition in another language than Dutch: the findings that have an
    English template so far (`story.en`, docs/language.md), told from the edition it translates."""
    if lang.source or edition.translates is None:
        return {}
    from jaarcijfers.story.en import texts

    return dict(texts(edition.translates))


def figure_words(told: dict[str, Any], figure: str) -> dict[str, Any]:
    """The headline and paragraphs beside a figure in an edition told by `told_in` (none where it tells
    nothing), for the site and the PDF."""
    text = told.get(figure)
    return {
        "headline": text.headline.text if text is not None and text.headline else None,
        "paragraphs": [" ".join(x.text for x in p) for p in text.paragraphs] if text is not None else [],
    }


def explanation(lang: Language, section: str) -> str | None:
    """The explanation at the head of a section (the story's, docs/narrative.md) in an edition whose story
    is not told (another language than Dutch): the same text from the language's catalogue."""
    if lang.source:
        return None
    from jaarcijfers.story.nl import EXPLANATIONS

    text = EXPLANATIONS.get(section)
    return lang.text("explanation", text) if text else None


def provenance_rows(edition: Edition) -> list[dict[str, str]]:
    out = []
    for d in edition.provenance.deliveries or ():
        out.append(
            {
                k: "" if getattr(d, k) is None else str(getattr(d, k))
                for k in ("bron", "bestand", "rijen", "peildatum", "sha256")
            }
        )
    return out


def provenance_facts(edition: Edition, lang: Language = NL) -> list[tuple[str, str]]:
    _ = lang.gettext
    p = edition.provenance
    labels = (
        ("software", _("Software")),
        ("software_version", _("Softwareversie")),
        ("rules_version", _("Versie van de rekenregels")),
        ("contract_version", _("Versie van het gegevenscontract")),
        ("bron", _("Bron van de cijfers")),
    )
    out = [(label, str(getattr(p, k))) for k, label in labels if getattr(p, k) not in (None, "")]
    out.append((_("Onthullingscontrole"), edition.disclosure.policy))
    return out


def context(edition: Edition, lang: Language = NL, others: tuple[Language, ...] = ()) -> dict[str, Any]:
    """The site's template context. `lang`: the edition's language (an `Edition` translated into it,
    `edition.translate`); `others`: the languages the same edition is published in besides (the language
    switch and `hreflang` links). The story is told in Dutch only (docs/language.md): an edition in another
    language shows the figures, tables, notes and the Toelichting, without the narrative."""
    from markupsafe import Markup

    from jaarcijfers.render.markdown import to_html
    from jaarcijfers.story.compose import tell
    from jaarcijfers.story.model import Story

    _ = lang.gettext
    st: Story | None = tell(edition) if lang.source else None
    present = {f.section for f in edition.figures}
    sections = [(s.chapter, s.title) for s in edition.sections if s.title in present]
    texts = {s.section: s for s in st.sections} if st is not None else {}
    dutch_of = {s.title: s.dutch for s in edition.sections}
    english = told_in(edition, lang)
    figures = {f.id: f for f in edition.figures}
    est = estimate_context(edition, lang)
    reflection = Markup(to_html(edition.reflection_markdown)) if edition.reflection_markdown else None
    order = list(SOURCE_NAMES)
    sources = sorted(
        {f.source_id for f in edition.figures},
        key=lambda x: (order.index(x) if x in order else len(order), x),
    )
    years = edition.years
    ed = edition.editorial

    def section(title: str) -> dict[str, Any]:
        text = texts.get(title)
        groups = []
        for g in text.groups if text else ():
            groups.append(
                {
                    "headline": g.headline.text if g.headline else None,
                    "paragraphs": [p.text for p in g.paragraphs],
                    "figure": figure_context(figures[g.figure], lang),
                }
            )
        notes = ed.footnotes_of(title)
        return {
            "id": slug(title),
            "title": title,
            "explanation": text.explanation.text
            if text and text.explanation
            else explanation(lang, dutch_of.get(title, title)),
            "groups": groups
            if text is not None
            else [
                {**figure_words(english, f.id), "figure": figure_context(f, lang)}
                for f in edition.figures
                if f.section == title
            ],
            "boxes": [{"title": b.title, "html": Markup(to_html(b.markdown))} for b in ed.boxes_of(title)],
            "quotes": [{"html": Markup(to_html(q.text)), "source": q.source} for q in ed.quotes_of(title)],
            "footnotes": [Markup(to_html(n.text)) for n in notes],
        }

    told = None  # the English chain and chapter 3 (`story.en_story`) of an edition in English
    if st is None and edition.translates is not None:
        from jaarcijfers.story import en_story

        told = en_story.tell(edition.translates, lang=lang)
    the_chain = st.chain if st is not None else told.chain if told is not None else None
    developments = st.developments if st is not None else told.developments if told is not None else ()
    chain = None
    if the_chain is not None:
        chain = {
            "paragraph": [x.text for x in the_chain.paragraph.sentences],
            "rows": [
                {
                    "stage": c.stage,
                    "unit": c.unit,
                    "old": lang.count(c.old_text),
                    "new": lang.count(c.new_text),
                    "pct": c.pct_text,
                }
                for c in the_chain.stages
            ],
        }
    chapter3 = (
        (_("Reflectie") if reflection else _("Belangrijkste ontwikkelingen"))
        if st is not None or reflection or developments
        else None
    )
    from jaarcijfers.render import publication
    from jaarcijfers.render.charts import PROTECTED_DRAWING

    source_names = [_(SOURCE_NAMES.get(s, s)) for s in sources]
    glossary = publication.glossary(lang)
    return {
        "e": edition,
        "lang": lang.code.value,
        "title": _("Jaarcijfers Mensenhandel {year}").format(year=edition.year),
        "published": lang.date(edition.published_on),
        "published_iso": edition.published_on.isoformat(),
        "downloads": publication.downloads(edition, lang),
        "colophon": publication.colophon(edition, source_names, lang),
        "publisher": _(publication.PUBLISHER),
        "publisher_lines": [_(line) for line in publication.PUBLISHER_LINES],
        "alternates": Markup(publication.alternates(edition, lang, others, "site")),
        "switch": Markup(publication.switch(edition, lang, others, "site")),
        "protected_drawing": _(PROTECTED_DRAWING),
        "blank_mark": publication.BLANK_MARK,
        "period": f"{years[0]}–{years[-1]}" if years else str(edition.year),
        "toc": toc(edition, sections, est is not None, chapter3, lang, chain is not None, bool(glossary)),
        "chain": chain,
        "chain_title": _(CHAIN_TITLE),
        "chapters": [
            {
                "number": ch,
                "title": name,
                "id": f"hoofdstuk-{ch}",
                "sections": [section(s) for c, s in sections if c == ch],
            }
            for ch, name in edition.chapters()
        ],
        "estimate": est,
        "reflection": reflection,
        "chapter3": chapter3,
        "developments": [
            {
                "headline": d.headline.text,
                "text": d.paragraph.text,
                "section": d.section,
                "id": slug(d.section),
            }
            for d in developments
        ],
        "glossary": glossary,
        "quotes3": [{"html": Markup(to_html(q.text)), "source": q.source} for q in ed.quotes_of(None)],
        "symbols": publication.symbols(edition),
        "sdc_toelichting": edition.disclosure.note,
        "sdc_reden": edition.disclosure.reason,
        "herzieningen": revisions_context(edition, lang),
        "sources": [(s, _(SOURCE_NAMES.get(s, s))) for s in sources],
        "provenance": provenance_rows(edition),
        "provenance_facts": provenance_facts(edition, lang),
        "css": Markup((TEMPLATES / "style.css").read_text(encoding="utf-8")),
        "vega": Markup(vega_bundle()),
        "script": Markup((TEMPLATES / "charts.js").read_text(encoding="utf-8")),
    }


def revisions_context(edition: Edition, lang: Language = NL) -> dict[str, Any]:
    """The section Herzieningen of the Toelichting (render/revisions.py, docs/editions.md)."""
    from jaarcijfers.render import revisions

    _ = lang.gettext
    return {
        "policy": _(revisions.POLICY),
        "summary": revisions.summary(edition, lang),
        "turns": revisions.turns(edition, lang),
        "headers": [_(h) for h in revisions.HEADERS],
        "rows": revisions.rows(edition, lang),
    }


def render_site(edition: Edition, lang: Language = NL, others: tuple[Language, ...] = ()) -> str:
    return environment(lang).get_template("site.html.j2").render(**context(edition, lang, others))


def write_site(
    edition: Edition, out: Path, lang: Language = NL, others: tuple[Language, ...] = ()
) -> list[str]:
    from jaarcijfers.render.publication import files

    name = files(edition, lang).site
    out.mkdir(parents=True, exist_ok=True)
    (out / name).write_text(render_site(edition, lang, others), encoding="utf-8", newline="\n")
    return [name]


OUTPUT = Output("rapport (site)", write_site, order=40)
