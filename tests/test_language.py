"""The languages of the publication (docs/language.md): every word has a translation, made from the Dutch
text it translates and with the same placeholders; numbers and dates formatted per locale; the glossary."""

from __future__ import annotations

import datetime
import re

import pytest

from jaarcijfers import dutch
from jaarcijfers.errors import UserError
from jaarcijfers.language import EN, NL, catalogue_path, glossary, languages


def _catalogue() -> dict[tuple[str, str], str]:
    from babel.messages.pofile import read_po

    with catalogue_path("en").open("rb") as f:
        return {(m.context or "", m.id): m.string for m in read_po(f, locale="en") if m.id}


def test_every_word_has_an_english_translation() -> None:
    """Every catalogue label (figure titles, row and column labels, units, notes, sources, sections and
    chapters, symbols, policy notes) and every fixed text of the renderers and templates."""
    from jaarcijfers.translations import source_messages

    po = _catalogue()
    needed = source_messages()
    assert len(needed) > 500
    missing = [(ctx, msgid, where) for ctx, msgid, where in needed if not po.get((ctx, msgid))]
    assert missing == []
    for ctx, msgid, _where in needed:
        assert EN.text(ctx, msgid) if ctx else EN.gettext(msgid)


def test_the_catalogue_holds_no_stale_entry() -> None:
    """An entry whose Dutch source is gone would never be used (scripts/messages.py drops it)."""
    from jaarcijfers.translations import source_messages

    needed = {(ctx, msgid) for ctx, msgid, _ in source_messages()}
    assert sorted(set(_catalogue()) - needed) == []


PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)s")


def test_translations_keep_the_placeholders() -> None:
    wrong = [
        (ctx, msgid, msgstr)
        for (ctx, msgid), msgstr in _catalogue().items()
        if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr))
    ]
    assert wrong == []


def test_catalogue_labels_are_looked_up_by_code() -> None:
    """A label that counts codes has its key from the codes, never from its Dutch text alone."""
    from jaarcijfers.edition.translate import catalogue_words

    keys = [key for key, _ in catalogue_words() if key.startswith("label.")]
    assert "label.victim_vorm.arbeid" in keys
    assert "label.victim_vorm.orgaanverwijdering+onbekend" in keys
    assert EN.text("label.victim_vorm.arbeid", "Arbeidsuitbuiting") == "Labour exploitation"
    assert EN.text("label.victim_vorm.crimineel", "Criminele uitbuiting") == "Criminal exploitation"


def test_a_translation_of_another_dutch_text_is_not_used() -> None:
    from jaarcijfers.language import MissingTranslation

    with pytest.raises(MissingTranslation):
        EN.text("label.victim_vorm.arbeid", "Arbeidsuitbuiting (gewijzigd)")
    assert NL.text("label.victim_vorm.arbeid", "Arbeidsuitbuiting") == "Arbeidsuitbuiting"


def test_numbers_and_dates_per_locale() -> None:
    day = datetime.date(2025, 6, 12)
    assert (NL.count("1013"), NL.count("<5"), NL.count("52%"), NL.date(day)) == (
        "1.013",
        "<5",
        "52%",
        "12 juni 2025",
    )
    assert (EN.count("1013"), EN.count("<5"), EN.count("+9%"), EN.date(day)) == (
        "1,013",
        "<5",
        "+9%",
        "12 June 2025",
    )
    assert (EN.whole(7661.5), NL.whole(7661.5)) == ("7,662", "7.662")
    # the Dutch formatter is the Dutch language's
    assert (dutch.count("12345"), dutch.date(day), dutch.integer(-25)) == ("12.345", "12 juni 2025", "-25")


def test_lang_argument() -> None:
    assert languages("nl") == (NL,)
    assert languages("nl,en") == (NL, EN)
    assert languages(" en , nl ,en") == (EN, NL)
    with pytest.raises(UserError, match="onbekende taal 'de'"):
        languages("nl,de")
    with pytest.raises(UserError):
        languages(",")


TERMS = {
    # Dutch term -> the English term the field uses (the list)
    "slachtoffer van mensenhandel": "presumed victim of human trafficking",
    "arbeidsuitbuiting": "labour exploitation",
    "criminele uitbuiting": "criminal exploitation",
    "Openbaar Ministerie (OM)": "Public Prosecution Service (OM)",
    "Nederlandse Arbeidsinspectie (NLA)": "Netherlands Labour Inspectorate (NLA)",
    "Koninklijke Marechaussee (KMar)": "Royal Netherlands Marechaussee (KMar)",
    "verblijfsvergunning": "residence permit",
    "B8-regeling": "B8 scheme",
}


def test_glossary_has_the_field_terms() -> None:
    terms = {t.dutch: t.term for t in glossary(EN)}
    assert {k: terms.get(k) for k in TERMS} == TERMS
    assert all(t.meaning.endswith(".") for t in glossary(EN))
    assert glossary(NL) == ()


def test_translations_use_the_glossary() -> None:
    """Where a Dutch text names a term of the glossary, its translation uses the glossary's term (its
    words, in lower case: 'Labour exploitation' as a label, 'labour exploitation' in a sentence)."""
    checked = {
        "arbeidsuitbuiting": "labour exploitation",
        "criminele uitbuiting": "criminal exploitation",
        "Openbaar Ministerie": "Public Prosecution Service",
        "Arbeidsinspectie": "Labour Inspectorate",
        "Koninklijke Marechaussee": "Royal Netherlands Marechaussee",
    }
    wrong = []
    for (_ctx, msgid), msgstr in _catalogue().items():
        for dutch_term, english in checked.items():
            if dutch_term.lower() in msgid.lower() and english.lower() not in msgstr.lower():
                wrong.append((msgid, msgstr))
    assert wrong == []


def test_the_engine_notes_on_missing_data_are_translated() -> None:
    """A figure whose source delivered nothing for the window, and one without the reporting year
    (figures/engine.py): their notes in English, the cells untouched."""
    from dataclasses import replace

    from jaarcijfers.edition.files import read_edition
    from jaarcijfers.edition.translate import translate
    from jaarcijfers.paths import REFERENCE_2024

    edition = read_edition(REFERENCE_2024)
    f10, f13 = edition.figure("10"), edition.figure("13")
    gone = replace(
        f10,
        blocks=(),
        years=(),
        no_data=True,
        notes=("Geen gegevens: de levering bevat geen records van IND over 2020-2024.",),
    )
    late = replace(
        f13,
        notes=(*f13.notes, "Geen gegevens over 2024: de levering bevat geen records van EMM over dat jaar."),
    )
    figures = tuple(gone if f.id == "10" else late if f.id == "13" else f for f in edition.figures)
    english = translate(replace(edition, figures=figures), EN)
    assert english.figure("10").notes == ("No data: the delivery holds no records of the IND for 2020-2024.",)
    assert english.figure("13").notes[-1] == (
        "No data for 2024: the delivery holds no records of the EMM for that year."
    )
    assert english.figure("10").name == "Figure 10" and english.figure("T1").name == "Table 1"
    assert [c.display for c in english.figure("13").blocks[0].cells] == [
        c.display for c in f13.blocks[0].cells
    ]


def test_nationalities_are_named_by_cldr_from_their_code() -> None:
    from jaarcijfers.edition.files import read_edition
    from jaarcijfers.edition.translate import translate
    from jaarcijfers.paths import REFERENCE_2024

    edition = read_edition(REFERENCE_2024)
    rows = translate(edition, EN).figure("T1").blocks[0].rows
    dutch_rows = edition.figure("T1").blocks[0].rows
    assert "Oekraïne" in dutch_rows and "Hongarije" in dutch_rows
    assert "Ukraine" in rows and "Hungary" in rows and "Netherlands" in rows
    assert len(rows) == len(dutch_rows)
