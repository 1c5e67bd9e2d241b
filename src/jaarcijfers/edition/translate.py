"""An edition in another language: the same published `Edition` (the same cells, the same facts, the
same protection: disclosure control ran once), with every word a reader sees taken from the language's
message catalogue (docs/language.md).

The words are looked up by what they are for, never by a published Dutch label alone:

| key (`msgctxt`) | words |
|---|---|
| `figure.<id>.title` / `.source` / `.unit` / `.description` / `.note` / `.stub.<part>` | a figure's |
| `label.<dim>.<codes>` | a row or column label that counts codes of a dimension (`+` between codes) |
| `label.<dim>.<role>` | a label without codes: a total, a count, share or rank column |
| `label.mean.<column>` | a row holding a mean |
| `chapter.<n>`, `section` | the chapters and sections of the report |
| `symbol.<symbol>` | what a symbol means |
| `policy.<name>.note` | a disclosure policy's note for the Toelichting |

The Dutch text is the entry's `msgid`: a translation made from another Dutch text is not used. A row of
the data (a nationality of Tabel 1) is a country of the contract's code list, named by Babel (CLDR) in
the language from its ISO code. `catalogue_words()` lists every key with its Dutch words: the test of the
catalogue checks each has a translation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from jaarcijfers.edition.model import (
    Edition,
    LabelMeaning,
    PublishedBlock,
    PublishedFigure,
    Revisions,
    Section,
)
from jaarcijfers.editorial.content import EditorialContent
from jaarcijfers.figures.spec import Axis, Block, Figure, Role
from jaarcijfers.language import Language


# --- the keys -----------------------------------------------------------------------------------------
def label_key(dim: str, codes: tuple[str, ...], role: Role) -> str:
    if codes:
        return f"label.{dim or 'measure'}.{'+'.join(codes)}"
    return f"label.{dim or 'measure'}.{role.value}"


def _axis_words(axis: Axis) -> Iterator[tuple[str, str]]:
    for e in axis.entries:
        yield label_key(axis.dim, e.codes, e.role), e.text


def _block_words(fig: Figure, block: Block) -> Iterator[tuple[str, str]]:
    yield from _axis_words(block.rows)
    yield from _axis_words(block.columns)
    for m in block.means:
        yield f"label.mean.{m.column}", m.label
    if block.stub:
        yield f"figure.{fig.id}.stub.{block.part}", block.stub


def figure_words(fig: Figure) -> Iterator[tuple[str, str]]:
    yield f"figure.{fig.id}.title", fig.title
    yield f"figure.{fig.id}.source", fig.source
    yield f"figure.{fig.id}.unit", fig.unit
    if fig.description:
        yield f"figure.{fig.id}.description", fig.description
    for n in fig.notes:
        yield f"figure.{fig.id}.note", n
    for b in fig.blocks:
        yield from _block_words(fig, b)


def catalogue_words() -> tuple[tuple[str, str], ...]:
    """Every (key, Dutch words) of the figure catalogue, the report's sections and the policies, each once."""
    from jaarcijfers.edition.sections import CHAPTERS, ESTIMATE_SECTION, report_sections
    from jaarcijfers.figures.catalogue import CATALOGUE
    from jaarcijfers.sdc.policy import REGISTRY, ROUNDED_SMALL, get_policy

    words: list[tuple[str, str]] = []
    for fig in CATALOGUE:
        words += figure_words(fig)
    words += [(f"chapter.{n}", t) for n, t in CHAPTERS.items()]
    words += [("section", s.title) for s in report_sections()]
    words.append(("section", ESTIMATE_SECTION))
    for name in REGISTRY:
        policy = get_policy(name)
        words += [(f"symbol.{s.text}", s.meaning) for s in policy.symbols]
        if policy.note:
            words.append((f"policy.{name}.note", policy.note))
    words.append((f"symbol.{ROUNDED_SMALL.text}", ROUNDED_SMALL.meaning))
    words += [("figure.name", "Figuur"), ("figure.name", "Tabel")]
    from jaarcijfers.contract.schema import SOURCE_NAMES

    words += [(f"source.{sid}", name) for sid, name in SOURCE_NAMES.items()]
    from jaarcijfers.edition.model import RevisionReason

    words += [("revision.reason", r.value) for r in RevisionReason]
    return tuple(dict.fromkeys(words))


# --- translating an edition ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _catalogue() -> dict[str, Figure]:
    from jaarcijfers.figures.catalogue import CATALOGUE

    return {f.id: f for f in CATALOGUE}


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Dutch country name (the contract's code list) -> ISO code."""
    from jaarcijfers.contract.codelists import countries

    return {c.naam: code for code, c in countries().items()}


def country(lang: Language, name: str) -> str:
    """A country of the contract's code list (its Dutch name) in the language, named by CLDR."""
    from babel import Locale

    code = _country_codes().get(name)
    found = Locale.parse(lang.locale).territories.get(code or "") if code else None
    if not found:
        from jaarcijfers.language import MissingTranslation

        raise MissingTranslation(f"{lang.code}: geen landnaam voor {name!r}")
    return str(found)


def _label(lang: Language, fig: Figure | None, block: Block | None, text: str) -> str:
    """A published row or column label of a block in the language."""
    if text.isdigit() or text == "":
        return text
    if block is not None:
        for axis in (block.rows, block.columns):
            e = axis.get(text)
            if e is not None:
                return lang.text(label_key(axis.dim, e.codes, e.role), text)
        for m in block.means:
            if m.label == text:
                return lang.text(f"label.mean.{m.column}", text)
        if block.rows.from_data:
            return country(lang, text)
    raise KeyError(f"Figuur {fig.id if fig else '?'}: label {text!r} niet in de catalogus")


def label(lang: Language, figure: str, part: str, text: str) -> str:
    """A published Dutch row or column label of a figure's block in the language (the narrative names the
    columns of a block with it)."""
    fig = _catalogue().get(figure)
    return _label(lang, fig, fig.block(part) if fig else None, text)


def _block(lang: Language, fig: Figure, pb: PublishedBlock) -> PublishedBlock:
    block = fig.block(pb.part)

    def t(text: str) -> str:
        return _label(lang, fig, block, text)

    return replace(
        pb,
        stub=lang.text(f"figure.{fig.id}.stub.{pb.part}", pb.stub) if pb.stub else "",
        rows=tuple(t(r) for r in pb.rows),
        columns=tuple(t(c) for c in pb.columns),
        cells=tuple(replace(c, row=t(c.row), column=t(c.column)) for c in pb.cells),
        meanings=tuple(LabelMeaning(t(m.text), m.role, m.codes) for m in pb.meanings),
    )


def _figure(lang: Language, pf: PublishedFigure, year: int) -> PublishedFigure:
    fig = _catalogue()[pf.id]
    key = f"figure.{fig.id}"
    years = pf.years
    fmt = {"periode": f"{years[0]}-{years[-1]}" if years else f"{year - 4}-{year}", "jaar": year}
    from jaarcijfers.contract.schema import SOURCE_NAMES

    source = lang.text(f"source.{fig.source_id}", SOURCE_NAMES[fig.source_id])
    if pf.no_data:
        notes: tuple[str, ...] = (
            lang.gettext("Geen gegevens: de levering bevat geen records van {source} over {period}.").format(
                source=source, period=fmt["periode"]
            ),
        )
    else:
        # the catalogue's notes, and the engine's note on a reporting year without records (figures/engine.py)
        translated = {n.format(**fmt): lang.text(f"{key}.note", n).format(**fmt) for n in fig.notes}
        no_year = (
            f"Geen gegevens over {year}: de levering bevat geen records van {SOURCE_NAMES[fig.source_id]} "
            "over dat jaar."
        )
        translated[no_year] = lang.gettext(
            "Geen gegevens over {year}: de levering bevat geen records van {source} over dat jaar."
        ).format(year=year, source=source)
        notes = tuple(translated[n] if n in translated else _note(lang, n) for n in pf.notes)
    return replace(
        pf,
        name=figure_name(lang, pf.name),
        title=lang.text(f"{key}.title", fig.title).format(**fmt),
        source=lang.text(f"{key}.source", fig.source),
        unit=lang.text(f"{key}.unit", fig.unit),
        section=section(lang, pf.section),
        description=lang.text(f"{key}.description", fig.description) if pf.description else "",
        notes=notes,
        blocks=tuple(_block(lang, fig, b) for b in pf.blocks),
    )


def _note(lang: Language, note: str) -> str:
    """A note the engine adds to a figure (not the catalogue's): its fixed text in the language."""
    return lang.gettext(note)


def figure_name(lang: Language, name: str) -> str:
    """'Figuur 5' -> 'Figure 5', 'Tabel 1' -> 'Table 1'."""
    word, _, number = name.partition(" ")
    return f"{lang.text('figure.name', word)} {number}"


def section(lang: Language, title: str) -> str:
    return lang.text("section", title)


def translate(edition: Edition, lang: Language) -> Edition:
    """The edition with every word a reader sees in `lang` (the Dutch edition itself for Dutch). The
    editorial content is the analysts' own text in the language (`redactie/…/en/`): an item they did not
    write in it is left out, never shown in Dutch (`left_out` names them; docs/language.md)."""
    if lang.source:
        return edition
    from jaarcijfers.edition.audit import disclosure_note
    from jaarcijfers.sdc.policy import get_policy

    policy = get_policy(edition.disclosure.policy)
    d = edition.disclosure
    note = d.note
    if d.audit is not None:
        note = disclosure_note(policy, d.audit, d.zeros, lang)
    elif note is not None:
        note = lang.text(f"policy.{policy.name}.note", note)
    content = edition.editorial.translation(lang.code.value)
    disclosure = replace(
        d,
        symbols=tuple(replace(s, meaning=lang.text(f"symbol.{s.text}", s.meaning)) for s in d.symbols),
        note=note,
        reason=_reason(lang, d.reason, content),
    )
    return replace(
        edition,
        sections=tuple(
            Section(
                s.chapter, lang.text(f"chapter.{s.chapter}", s.chapter_title), section(lang, s.title), s.dutch
            )
            for s in edition.sections
        ),
        figures=tuple(_figure(lang, f, edition.year) for f in edition.figures),
        disclosure=disclosure,
        reflection_markdown=content.reflection if content and edition.reflection_markdown else None,
        editorial=_editorial(lang, edition.editorial, content),
        estimate=None,
        revisions=_revisions(lang, edition),
        translates=edition,
    )


def _editorial(lang: Language, dutch: EditorialContent, content: EditorialContent | None) -> EditorialContent:
    """The analysts' content in the language, its sections named in the language (the renderers find an
    item by the section's title); without content in the language, the settings only."""
    if content is None:
        return EditorialContent(
            settings=dutch.settings, published_on=dutch.published_on, language=lang.code.value
        )
    return replace(
        content,
        settings=replace(content.settings, contact=dutch.settings.contact),
        published_on=dutch.published_on,
        boxes=tuple(replace(b, section=section(lang, b.section)) for b in content.boxes),
        footnotes=tuple(replace(f, section=section(lang, f.section)) for f in content.footnotes),
        quotes=tuple(
            replace(q, section=section(lang, q.section) if q.section else None) for q in content.quotes
        ),
    )


def _reason(lang: Language, reason: str | None, content: EditorialContent | None) -> str | None:
    """Why the edition has its disclosure policy, in the language: the build's own reasons from the
    catalogue, the analysts' reason as they wrote it in the language (None when they did not)."""
    from jaarcijfers.editorial.settings import POLICY_CHOSEN_REASON, POLICY_DEFAULT_REASON

    if reason is None:
        return None
    if reason in (POLICY_DEFAULT_REASON, POLICY_CHOSEN_REASON):
        return lang.gettext(reason)
    return content.settings.sdc_reason if content is not None else None


def left_out(edition: Edition, lang: Language) -> list[str]:
    """The analysts' content of the (Dutch) edition that the edition in `lang` leaves out because they did
    not write it in the language, and their text in the language that is not used (Dutch sentences, for
    the build's warnings; docs/language.md)."""
    if lang.source:
        return []
    from jaarcijfers.editorial.content import REFLECTION_FILE

    code = lang.code.value
    content = edition.editorial.translation(code)
    items = list(content.missing) if content is not None else []
    reflection = content.reflection if content is not None else None
    if edition.reflection_markdown and not reflection:
        items.append(f"de reflectie ({REFLECTION_FILE})")
    out = [f"{item} staat niet in {code}/ van de redactiemap en wordt weggelaten" for item in items]
    if reflection and not edition.reflection_markdown:
        out.append(
            f"{code}/{REFLECTION_FILE} wordt niet gebruikt: de Nederlandse editie heeft geen reflectie"
        )
    return out


def _revisions(lang: Language, edition: Edition) -> Revisions | None:
    rev = edition.revisions
    if rev is None:
        return None

    def row(figure: str, part: str, text: str) -> str:
        fig = _catalogue().get(figure)
        return _label(lang, fig, fig.block(part) if fig else None, text)

    return replace(rev, revisions=tuple(replace(r, row=row(r.figure, r.part, r.row)) for r in rev.revisions))
