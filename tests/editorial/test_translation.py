"""The analysts' content in English (`redactie/YYYY/en/`, docs/language.md): each item the counterpart of
the Dutch item in the same place, read by the same safe reader; a Dutch item without one is left out of the
English edition and named, never shown in Dutch; the English numbers are checked like the Dutch."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from jaarcijfers.edition.sections import section_titles
from jaarcijfers.edition.translate import left_out, translate
from jaarcijfers.editorial.content import read_editorial
from jaarcijfers.editorial.settings import POLICY_DEFAULT_REASON
from jaarcijfers.errors import UserError
from jaarcijfers.language import EN, NL

DUTCH = """
onthullingscontrole = "publicatie"
onthullingscontrole_reden = "Deze editie volgt het beleid van de publicatie."

[[kader]]
paragraaf = "Leeftijd en geslacht"
titel = "Criminele uitbuiting van minderjarigen"
bestand = "kader.md"

[[kader]]
paragraaf = "Leeftijd en geslacht"
titel = "Een tweede kader"
bestand = "kader.md"

[[voetnoot]]
paragraaf = "Opsporing"
tekst = "De Arbeidsinspectie herkent zich niet in de telling."

[[citaat]]
tekst = "Naar schatting zijn er jaarlijks zo'n 5.000 slachtoffers."
bron = "Nationaal Rapporteur, Slachtoffermonitor"
schatting = true
"""

ENGLISH = """
onthullingscontrole_reden = "This edition follows the policy of the publication."

[[kader]]
paragraaf = "Age and gender"
titel = "Criminal exploitation of minors"
bestand = "box.md"

[[voetnoot]]
paragraaf = "Opsporing"
tekst = "The Labour Inspectorate does not recognise the count."

[[citaat]]
tekst = "An estimated 5,000 people fall victim every year."
bron = "National Rapporteur, Victim Monitor"
schatting = true
"""


@pytest.fixture(scope="module")
def reference_edition():  # type: ignore[no-untyped-def]
    """The published 2024 edition (as tests/render/conftest.py reads it)."""
    from jaarcijfers.edition.files import read_edition
    from jaarcijfers.paths import REFERENCE_2024

    return read_edition(REFERENCE_2024)


def folder(tmp_path: Path, english: str | None = ENGLISH, box: str = "The number rose to **42**.") -> Path:
    d = tmp_path / "redactie"
    d.mkdir(parents=True)
    (d / "redactie.toml").write_text(DUTCH, encoding="utf-8")
    (d / "kader.md").write_text("Het aantal steeg naar **42**.", encoding="utf-8")
    if english is not None:
        (d / "en").mkdir()
        (d / "en" / "redactie.toml").write_text(english, encoding="utf-8")
        (d / "en" / "box.md").write_text(box, encoding="utf-8")
    return d


def test_each_english_item_is_the_counterpart_of_a_dutch_one(tmp_path):
    content = read_editorial(folder(tmp_path), section_titles())
    en = content.translation("en")
    assert en is not None and en.language == "en"
    # the section named by its English title stands for the Dutch one
    assert [(b.section, b.title) for b in en.boxes] == [
        ("Leeftijd en geslacht", "Criminal exploitation of minors")
    ]
    assert en.boxes[0].markdown == "The number rose to **42**."
    assert [f.text for f in en.footnotes] == ["The Labour Inspectorate does not recognise the count."]
    assert [q.source for q in en.estimates] == ["National Rapporteur, Victim Monitor"]
    assert en.settings.sdc_reason == "This edition follows the policy of the publication."
    assert en.settings.sdc_policy == "publicatie"  # the settings are the edition's
    assert en.missing == ("[[kader]] 'Een tweede kader' bij paragraaf 'Leeftijd en geslacht'",)


def test_without_an_english_folder_every_item_is_missing(tmp_path):
    en = read_editorial(folder(tmp_path, english=None), section_titles()).translation("en")
    assert en is not None and not en.boxes and not en.footnotes and not en.quotes
    assert len(en.missing) == 5 and en.missing[-1].startswith("de reden van het beleid")


def test_an_english_item_without_a_dutch_one_and_a_setting_are_errors(tmp_path):
    extra = ENGLISH + '\n[[voetnoot]]\nparagraaf = "Herkomst"\ntekst = "A note the Dutch edition lacks."\n'
    with pytest.raises(UserError) as exc:
        read_editorial(folder(tmp_path / "a", english=extra), section_titles())
    assert "A note the Dutch edition lacks" in exc.value.message
    assert "geen Nederlandse tegenhanger" in exc.value.message
    with pytest.raises(UserError) as exc:
        read_editorial(folder(tmp_path / "b", english="schatting = false\n" + ENGLISH), section_titles())
    assert "schatting" in exc.value.message and "Nederlandse redactie.toml" in exc.value.message


def test_an_english_box_file_is_read_as_a_regular_file_only(tmp_path):
    d = folder(tmp_path)
    (d / "en" / "box.md").unlink()
    (d / "en" / "box.md").symlink_to("/etc/passwd")
    with pytest.raises(UserError) as exc:
        read_editorial(d, section_titles())
    assert "geen gewoon bestand" in exc.value.message


def test_the_english_edition_shows_the_english_content_only(tmp_path, reference_edition):
    content = read_editorial(folder(tmp_path), section_titles())
    dutch = replace(
        reference_edition,
        editorial=content,
        reflection_markdown="Een reflectie.",
        disclosure=replace(reference_edition.disclosure, reason=content.settings.sdc_reason),
    )
    english = translate(dutch, EN)
    ed = english.editorial
    assert [b.title for b in ed.boxes_of("Age and gender")] == ["Criminal exploitation of minors"]
    assert [f.text for f in ed.footnotes_of(EN.text("section", "Opsporing"))] == [
        "The Labour Inspectorate does not recognise the count."
    ]
    assert english.disclosure.reason == "This edition follows the policy of the publication."
    assert english.reflection_markdown is None  # no English reflection: left out, and named
    warnings = left_out(dutch, EN)
    assert any("Een tweede kader" in w for w in warnings)
    assert any("de reflectie (reflectie.md)" in w for w in warnings)
    assert left_out(dutch, NL) == []  # the Dutch edition leaves nothing out


def test_the_build_reason_comes_from_the_catalogue(reference_edition):
    dutch = replace(
        reference_edition, disclosure=replace(reference_edition.disclosure, reason=POLICY_DEFAULT_REASON)
    )
    english = translate(dutch, EN)
    assert english.disclosure.reason == EN.gettext(POLICY_DEFAULT_REASON) != POLICY_DEFAULT_REASON
    assert english.disclosure.reason.startswith("No statistical disclosure control policy")


def test_numbers_in_the_english_text_are_checked(tmp_path, reference_edition):
    from jaarcijfers.story.editorial import editorial_problems

    def problems(box: str) -> list[str]:
        content = read_editorial(folder(tmp_path / str(len(box)), box=box), section_titles())
        return editorial_problems(replace(reference_edition, editorial=content))

    # published numbers in English notation (944 registered victims; 4,711 is not published), Figure 12 a reference
    assert problems("In Figure 12, 944 presumed victims were registered.") == []
    found = problems("The number rose to 4,711 in 2024.")
    assert len(found) == 1 and "4711" in found[0] and "box.md" in found[0]


def test_the_build_names_what_the_english_edition_leaves_out(tmp_path, reference_edition, capsys):
    from jaarcijfers.build import warn_left_out

    content = read_editorial(folder(tmp_path, english=None), section_titles())
    dutch = replace(reference_edition, editorial=content)
    warn_left_out(dutch, (NL,))
    assert capsys.readouterr().err == ""
    warn_left_out(dutch, (NL, EN))
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 5 and all(line.startswith("let op (editie in het en): ") for line in err)
    assert "[[kader]] 'Criminele uitbuiting van minderjarigen' bij paragraaf 'Leeftijd en geslacht'" in err[0]
    assert err[0].endswith("staat niet in en/ van de redactiemap en wordt weggelaten")


@pytest.mark.slow
def test_the_english_site_and_pdf_show_the_english_content(tmp_path):
    from jaarcijfers.build import compute_edition
    from jaarcijfers.paths import DEMO_DELIVERY
    from jaarcijfers.render.checks import html_text
    from jaarcijfers.render.pdf import document
    from jaarcijfers.render.site import render_site

    d = folder(tmp_path)
    (d / "en" / "reflectie.md").write_text("In 2024, 944 presumed victims were registered.", encoding="utf-8")
    (d / "reflectie.md").write_text("In 2024 zijn 944 slachtoffers geregistreerd.", encoding="utf-8")
    dutch = compute_edition(DEMO_DELIVERY, None, "publicatie", editorial=d)[0]
    english = translate(dutch, EN)
    text = html_text(render_site(english, EN))
    for shown in (
        "Criminal exploitation of minors",
        "The number rose to",
        "The Labour Inspectorate does not recognise the count.",
        "An estimated 5,000 people fall victim every year.",
        "National Rapporteur, Victim Monitor",
        "In 2024, 944 presumed victims were registered.",
    ):
        assert shown in text, shown
    for dutch_text in (
        "Criminele uitbuiting van minderjarigen",
        "Een tweede kader",
        "Arbeidsinspectie herkent",
    ):
        assert dutch_text not in text
    doc = str(document(english, EN))
    assert "Criminal exploitation of minors" in doc and "Een tweede kader" not in doc


KEYED_DUTCH = DUTCH.replace(
    'titel = "Criminele uitbuiting van minderjarigen"',
    'titel = "Criminele uitbuiting van minderjarigen"\nsleutel = "minderjarigen"',
).replace('titel = "Een tweede kader"', 'titel = "Een tweede kader"\nsleutel = "tweede"')

KEYED_ENGLISH = """
onthullingscontrole_reden = "This edition follows the policy of the publication."

[[kader]]
paragraaf = "Age and gender"
titel = "A second box"
bestand = "box.md"
sleutel = "tweede"

[[kader]]
paragraaf = "Age and gender"
titel = "Criminal exploitation of minors"
bestand = "box.md"
sleutel = "minderjarigen"
"""


def keyed_folder(tmp_path: Path, english: str = KEYED_ENGLISH, dutch: str = KEYED_DUTCH) -> Path:
    d = folder(tmp_path, english=english)
    (d / "redactie.toml").write_text(dutch, encoding="utf-8")
    return d


def test_a_sleutel_pairs_items_whatever_their_order(tmp_path):
    content = read_editorial(keyed_folder(tmp_path), section_titles())
    assert [(b.key, b.title) for b in content.boxes] == [
        ("minderjarigen", "Criminele uitbuiting van minderjarigen"),
        ("tweede", "Een tweede kader"),
    ]
    en = content.translation("en")
    assert en is not None
    # in the order of the Dutch items, each the English item with its sleutel (the English file has them
    # the other way round, which matching by position would have paired wrongly)
    assert [(b.key, b.title) for b in en.boxes] == [
        ("minderjarigen", "Criminal exploitation of minors"),
        ("tweede", "A second box"),
    ]
    # the footnote and the quote have no sleutel and no English counterpart here: missing, by position
    assert [m.split(" ", 1)[0] for m in en.missing] == ["[[voetnoot]]", "[[citaat]]"]


def test_a_dutch_item_with_a_sleutel_the_english_lacks_is_missing_by_its_sleutel(tmp_path):
    only_one = KEYED_ENGLISH.split("[[kader]]")
    english = only_one[0] + "[[kader]]" + only_one[2]  # only the box with sleutel "minderjarigen"
    en = read_editorial(keyed_folder(tmp_path, english), section_titles()).translation("en")
    assert en is not None and [b.key for b in en.boxes] == ["minderjarigen"]
    assert (
        "[[kader]] 'Een tweede kader' bij paragraaf 'Leeftijd en geslacht' (sleutel 'tweede')" in en.missing
    )


@pytest.mark.parametrize(
    ("english", "dutch", "said"),
    [
        (
            KEYED_ENGLISH.replace('sleutel = "tweede"', 'sleutel = "derde"'),
            KEYED_DUTCH,
            "[[kader]] sleutel = 'derde': geen Nederlands item met die sleutel",
        ),
        (
            KEYED_ENGLISH.replace(
                'paragraaf = "Age and gender"\ntitel = "A second box"',
                'paragraaf = "Opsporing"\ntitel = "A second box"',
            ),
            KEYED_DUTCH,
            "[[kader]] sleutel = 'tweede': 'A second box' bij paragraaf 'Opsporing' staat op een andere plaats",
        ),
        (
            KEYED_ENGLISH,
            KEYED_DUTCH.replace('sleutel = "tweede"', 'sleutel = "minderjarigen"'),
            "[[kader]] sleutel = 'minderjarigen' staat er meer dan eens",
        ),
    ],
    ids=["unknown-sleutel", "other-place", "twice"],
)
def test_a_sleutel_that_pairs_nothing_or_twice_is_an_error(tmp_path, english, dutch, said):
    with pytest.raises(UserError) as exc:
        read_editorial(keyed_folder(tmp_path, english, dutch), section_titles())
    assert said in exc.value.message
