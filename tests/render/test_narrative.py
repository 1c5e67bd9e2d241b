"""The findings: direction words, thresholds, published numbers only."""

from __future__ import annotations

import re
from dataclasses import replace

from jaarcijfers.render import narrative as n
from jaarcijfers.render.checks import html_text, numbers_not_in_edition


def _texts(edition) -> list[str]:
    return [f.text for fs in n.findings(edition).values() for f in fs]


def test_every_section_has_a_headline_and_sentences(reference_edition):
    st = n.stories(reference_edition)
    assert len(st) == 12
    for story in st.values():
        assert story.headline and story.headline[0].isupper()
        assert 1 <= len(story.findings) <= n.MAX_SENTENCES
        for f in story.findings:
            assert f.text.endswith(".") and f.text[0].isupper()


def test_reference_sections_have_at_least_two_sentences(reference_edition):
    assert all(len(s.findings) >= 2 for s in n.stories(reference_edition).values())


def test_lead_uses_facts_for_the_difference(edition):
    lead = n.lead(edition)
    assert lead is not None
    assert (
        lead.text == "In 2024 ging het om 944 geregistreerde slachtoffers. Dat zijn er 76 meer dan in 2023."
    )
    assert lead.numbers_used == ("944", "868", "76")


def test_direction_words(edition):
    texts = " ".join(_texts(edition))
    assert "is gestegen van 120 in 2023 naar 160 in 2024 (+33%)" in texts  # change fact printed as published
    assert "minderjarige slachtoffers is gestegen van 52 in 2023 naar 79 in 2024 (+52%)" in texts
    assert (
        n.direction(5, 7) == "gedaald"
        and n.direction(7, 5) == "gestegen"
        and n.direction(5, 5) == "gelijk gebleven"
    )


def test_equal_counts_say_gelijk_gebleven(make):
    e = make()
    f1 = e.figure("1")
    b = f1.blocks[0]
    cells = tuple(replace(c, display="868") if c.column == "2024" else c for c in b.cells)
    f1 = replace(f1, blocks=(replace(b, cells=cells),))
    e = replace(e, figures=(f1, *e.figures[1:]), facts=())
    assert "Dat is evenveel als in 2023." in n.lead(e).text  # type: ignore[union-attr]
    assert n.stories(e)["Slachtoffers"].headline == "Aantal geregistreerde slachtoffers gelijk gebleven"


def test_without_a_fact_no_percentage_is_printed(edition):
    # Binnenlandse seksuele uitbuiting: 135 -> 123 (-9%) has no fact in the synthetic edition
    for t in _texts(edition):
        if "binnenlandse seksuele uitbuiting" in t:
            assert "%" not in t


def test_threshold_and_minimum_cases(edition):
    s2 = {s.row: s for s in n.year_series(edition.figure("2"), 2024)}
    assert n.is_notable(s2["Criminele uitbuiting"], 2024)  # +33%, 160 cases
    assert not n.is_notable(s2["Arbeidsuitbuiting"], 2024)  # +19%: below the threshold
    assert not n.is_notable(s2["Gedwongen orgaanverwijdering"], 2024)  # <5: never
    s20 = {s.row: s for s in n.year_series(edition.figure("20"), 2024)}
    assert not n.is_notable(s20["Totaal aantal zaken met eindarrest in hoger beroep"], 2024)  # excluded total


def test_extreme_words(reference_edition):
    texts = " ".join(_texts(reference_edition))
    assert "Het is het laagste aantal in de periode 2020–2024." in texts
    assert "Het is het hoogste aantal in de periode 2020–2024." in texts


def test_protected_values_never_printed_beyond_their_symbol(edition):
    for t in _texts(edition):
        assert not re.search(r"\b[1-4] (slachtoffers|zaken|nieuwe)", t)
    top = " ".join(f.text for f in n.findings(edition)["Herkomst"])
    assert "enkele (<5) nieuwe nationaliteiten" in top


def test_every_number_is_published(reference_edition, edition):
    for e in (reference_edition, edition):
        for section, fs in n.findings(e).items():
            for f in fs:
                assert numbers_not_in_edition(f.text, e) == [], (section, f.text)
                for used in f.numbers_used:
                    assert used in {c.display for fig in e.figures for b in fig.blocks for c in b.cells} | {
                        x.value for x in e.facts
                    }


def test_notable_is_sorted_and_only_changes(reference_edition):
    items = n.notable(reference_edition)
    assert items and all(f.kind == "change" for _, f in items)
    assert [f.score for _, f in items] == sorted((f.score for _, f in items), reverse=True)


def test_deterministic(reference_edition):
    assert n.stories(reference_edition) == n.stories(reference_edition)


def test_numbers_check(edition):
    e = edition
    assert numbers_not_in_edition("In 2024 944 slachtoffers (Figuur 1, Tabel 1), 1.013 in 2020.", e) == []
    assert numbers_not_in_edition("Er waren 945 slachtoffers en 12,5% meer.", e) == ["945", "12.5"]
    assert numbers_not_in_edition("1 Slachtoffers\n2 Plegers", e) == []
    page = "<p>944</p><svg><text>600</text></svg><script>var x = 77;</script><p>Figuur 16</p>"
    assert numbers_not_in_edition(html_text(page), e) == []
