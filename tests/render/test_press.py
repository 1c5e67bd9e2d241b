"""The press summary: snapshot, its parts, and only published numbers."""

from __future__ import annotations

from jaarcijfers.render.checks import html_text, numbers_not_in_edition
from jaarcijfers.render.press import MAX_SECTIONS, MIN_SECTIONS, press_context, render_press, write_press


def test_press_snapshot(edition, snapshot):
    snapshot("persbericht-synthetic.html", render_press(edition))


def test_press_reference(reference_edition, tmp_path):
    assert write_press(reference_edition, tmp_path) == ["persbericht.html"]
    page = (tmp_path / "persbericht.html").read_text(encoding="utf-8")
    ctx = press_context(reference_edition)
    assert ctx["title"] == "944 slachtoffers van mensenhandel geregistreerd in 2024"
    assert ctx["lead"].startswith(
        "In 2024 zijn 944 slachtoffers van mensenhandel geregistreerd bij CoMensha."
    )
    assert "76 meer dan in 2023" in ctx["lead"]
    assert MIN_SECTIONS <= len(ctx["sections"]) <= MAX_SECTIONS
    assert any(
        s["section"] in ("Opsporing", "Vervolging", "Berechting in eerste aanleg") for s in ctx["sections"]
    )
    assert page.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert numbers_not_in_edition(html_text(page), reference_edition) == []


def test_press_numbers_synthetic(edition):
    assert numbers_not_in_edition(html_text(render_press(edition)), edition) == []


def test_press_is_deterministic(reference_edition):
    assert render_press(reference_edition) == render_press(reference_edition)
