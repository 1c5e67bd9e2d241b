"""The press summary: snapshot, its parts, and only published numbers."""

from __future__ import annotations

from jaarcijfers.render.checks import html_text, numbers_not_in_edition
from jaarcijfers.render.press import (
    MAX_SECTIONS,
    MAX_WORDS,
    MIN_SECTIONS,
    press_context,
    render_press,
    write_press,
)


def test_press_snapshot(edition, snapshot):
    snapshot("persbericht-synthetic.html", render_press(edition))


def test_press_reference(reference_edition, tmp_path):
    """One page, lead finding first, then the registered victims; a date and a contact line."""
    from jaarcijfers.story.compose import tell

    assert write_press(reference_edition, tmp_path) == ["persbericht.html"]
    page = (tmp_path / "persbericht.html").read_text(encoding="utf-8")
    ctx = press_context(reference_edition)
    press = tell(reference_edition).press
    assert ctx["title"] == press.title.text
    assert ctx["lead"].startswith(press.lead.sentences[0].text)  # the lead finding first
    assert "Dat blijkt uit de Jaarcijfers Mensenhandel 2024" in ctx["lead"]
    assert "944" in ctx["lead"] and "76" in ctx["lead"]  # then the registered victims and their change
    assert MIN_SECTIONS <= len(ctx["sections"]) <= MAX_SECTIONS
    assert any(
        s["section"] in ("Opsporing", "Vervolging", "Berechting in eerste aanleg")
        for s in [ctx, *ctx["sections"]]
        if "section" in s
    )
    assert page.startswith('<!DOCTYPE html>\n<html lang="nl">')
    text = html_text(page)
    assert numbers_not_in_edition(text, reference_edition) == []
    assert len(text.split()) <= MAX_WORDS
    assert "Noot voor de redactie" in text and "Voor meer informatie" in text


def test_press_date_and_contact(make):
    import datetime as dt

    from jaarcijfers.editorial.content import EditorialContent
    from jaarcijfers.editorial.settings import Contact, EditorialSettings

    ed = EditorialContent(
        settings=EditorialSettings(contact=Contact("Persvoorlichting", "070-1234567", "pers@example.nl")),
        published_on=dt.date(2025, 10, 18),
    )
    text = html_text(render_press(make(editorial=ed)))
    assert "18 oktober 2025" in text
    assert "Persvoorlichting, telefoon 070-1234567, pers@example.nl" in text


def test_press_numbers_synthetic(edition):
    assert numbers_not_in_edition(html_text(render_press(edition)), edition) == []


def test_press_is_deterministic(reference_edition):
    assert render_press(reference_edition) == render_press(reference_edition)
