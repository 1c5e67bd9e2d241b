"""The analysts' content of an edition: boxes, footnotes, quotes with their source, the reflection;
read safely, every problem named at once; numbers checked against the edition; shown where they belong."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jaarcijfers.edition.sections import section_titles
from jaarcijfers.editorial.content import CONTENT_KEYS, read_editorial
from jaarcijfers.errors import UserError

DOC = (Path(__file__).resolve().parents[2] / "docs" / "editorial.md").read_text(encoding="utf-8")

TOML = """
schatting = true
publicatiedatum = 2025-10-18

[contact]
naam = "Persvoorlichting"
telefoon = "070-1234567"

[[kader]]
paragraaf = "Leeftijd en geslacht"
titel = "Criminele uitbuiting van minderjarigen"
bestand = "kader-minderjarigen.md"

[[voetnoot]]
paragraaf = "Opsporing"
tekst = "De Arbeidsinspectie herkent zich niet in de telling van haar onderzoeken."

[[citaat]]
tekst = "Naar schatting zijn er jaarlijks zo'n 5.000 slachtoffers van mensenhandel."
bron = "Nationaal Rapporteur, Slachtoffermonitor mensenhandel 2014-2018"
schatting = true

[[extern]]
tekst = "40-50%"
bron = "experts van de politie (Nationaal Rapporteur, 2023)"
"""


def folder(tmp_path: Path, reflection: str = "", box: str = "Het aantal steeg naar **42**.") -> Path:
    d = tmp_path / "redactie"
    d.mkdir(parents=True)
    (d / "redactie.toml").write_text(TOML, encoding="utf-8")
    (d / "kader-minderjarigen.md").write_text(box, encoding="utf-8")
    if reflection:
        (d / "reflectie.md").write_text(reflection, encoding="utf-8")
    return d


@pytest.mark.parametrize("key", sorted(CONTENT_KEYS))
def test_every_content_key_is_documented(key):
    assert f"`[[{key}]]`" in DOC


def test_content_is_read(tmp_path):
    c = read_editorial(folder(tmp_path, "# Reflectie\n\nTekst."), section_titles())
    assert c.reflection == "# Reflectie\n\nTekst."
    (box,) = c.boxes
    assert box.section == "Leeftijd en geslacht" and "42" in box.markdown
    assert c.footnotes_of("Opsporing")[0].text.startswith("De Arbeidsinspectie")
    (quote,) = c.estimates
    assert "5.000" in quote.text and quote.source.startswith("Nationaal Rapporteur")
    assert c.externals[0].text == "40-50%"
    assert c.settings.contact is not None and c.published_on is not None


def test_every_problem_is_named_at_once(tmp_path):
    d = tmp_path / "r"
    d.mkdir()
    (d / "redactie.toml").write_text(
        '[[kader]]\nparagraaf = "Bestaat niet"\ntitel = "x"\nbestand = "x.md"\n'
        '[[kader]]\nparagraaf = "Opsporing"\ntitel = "y"\nbestand = "../geheim.md"\n'
        '[[citaat]]\ntekst = "zonder bron"\n'
        '[[voetnoot]]\nparagraaf = "Opsporing"\ntekst = ""\nkleur = 1\n',
        encoding="utf-8",
    )
    with pytest.raises(UserError) as exc:
        read_editorial(d, section_titles())
    m = exc.value.message
    for part in (
        "Bestaat niet",
        "../geheim.md",
        "bron ontbreekt",
        "tekst moet niet-lege tekst zijn",
        "kleur",
    ):
        assert part in m, part


def test_a_box_file_is_read_as_a_regular_file_only(tmp_path):
    d = folder(tmp_path)
    (d / "kader-minderjarigen.md").unlink()
    os.symlink("/etc/passwd", d / "kader-minderjarigen.md")
    with pytest.raises(UserError) as exc:
        read_editorial(d, section_titles())
    assert "geen gewoon bestand" in exc.value.message


def _edition(redactie: Path):  # type: ignore[no-untyped-def]
    from jaarcijfers.build import compute_edition
    from jaarcijfers.paths import DEMO_DELIVERY

    return compute_edition(DEMO_DELIVERY, None, "publicatie", editorial=redactie)[0]


def test_numbers_in_the_analysts_text_are_checked(tmp_path, demo_edition):
    """The check `build` makes once the edition is computed (`build.with_editorial`; the slow tests below
    go through the whole `compute_edition` with a folder)."""
    from jaarcijfers.build import editorial_content, with_editorial

    base = demo_edition()[0]
    # a published number (42: minors of criminal exploitation) and a declared external number pass
    ok = folder(
        tmp_path / "a", "Volgens experts is 40-50% van de sekswerkers Latijns-Amerikaans; 42 minderjarigen."
    )
    assert with_editorial(base, editorial_content(ok)).editorial.reflection
    bad = folder(tmp_path / "b", "Het aantal minderjarigen steeg tot 4711.")
    with pytest.raises(UserError) as exc:
        with_editorial(base, editorial_content(bad))
    m = exc.value.message
    assert "reflectie.md, regel 1" in m and "4711" in m and "[[extern]]" in m


@pytest.mark.slow
def test_the_content_is_shown_where_it_belongs(tmp_path):
    from jaarcijfers.render.checks import html_text, numbers_not_in_edition
    from jaarcijfers.render.press import render_press
    from jaarcijfers.render.site import render_site

    e = _edition(folder(tmp_path))
    page = render_site(e)
    text = html_text(page)
    assert "Criminele uitbuiting van minderjarigen" in text and "<strong>42</strong>" in page
    assert "De Arbeidsinspectie herkent zich niet" in text
    # the external estimate beside the edition's own, neither replacing the other
    assert "zo'n 5.000" in text and "Slachtoffermonitor" in text and "deze editie, experimenteel" in text
    assert numbers_not_in_edition(text, e) == []
    press = html_text(render_press(e))
    assert "18 oktober 2025" in press and "Persvoorlichting, telefoon 070-1234567" in press


@pytest.mark.slow
def test_the_estimate_can_be_switched_off(tmp_path):
    d = folder(tmp_path)
    (d / "redactie.toml").write_text(
        TOML.replace("schatting = true\npublicatiedatum", "schatting = false\npublicatiedatum"),
        encoding="utf-8",
    )
    e = _edition(d)
    assert e.estimate is None and not any(f.id.startswith("schatting_") for f in e.facts)
    from jaarcijfers.render.site import render_site

    assert "Hoeveel slachtoffers zijn er?" not in render_site(e)
