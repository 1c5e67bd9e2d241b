"""Every claim of the text is verified against the published values; planted false claims are rejected;
a false claim stops `build` with a clear message."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jaarcijfers.errors import UserError
from jaarcijfers.story.checker import CLAIMS_FILE, check_folder, check_story, sentence_problems
from jaarcijfers.story.compose import tell
from jaarcijfers.story.model import Claim, ClaimKind, Ref, Sentence
from jaarcijfers.story.published import Values


def test_no_false_claim_on_the_demo_editions(demo, demo_2023):
    for e in (demo, demo_2023):
        assert check_story(tell(e), Values.of_edition(e)) == []


@pytest.mark.slow
def test_the_built_folder_passes_the_checker(demo_build):
    out = demo_build()
    assert (out / CLAIMS_FILE).is_file()
    assert check_folder(out) == []


def _sentence(story, kind):  # type: ignore[no-untyped-def]
    """A sentence of the story carrying a claim of `kind`."""
    for _, s in story.sentences():
        if any(c.kind == kind for c in s.claims):
            return s
    raise AssertionError(kind)


def test_planted_false_claims_are_rejected(demo):
    values = Values.of_edition(demo)
    story = tell(demo)
    from jaarcijfers.story.checker import label_numbers

    labels = label_numbers(values)
    s = _sentence(story, ClaimKind.DIRECTION)
    assert sentence_problems(s, values, labels) == []

    def flipped(c: Claim) -> Claim:
        if c.kind == ClaimKind.DIRECTION:
            return replace(c, value="down" if c.value == "up" else "up")
        return c

    wrong = replace(s, claims=tuple(flipped(c) for c in s.claims))
    assert any("richting" in p for p in sentence_problems(wrong, values, labels))
    # a number the claims do not carry
    assert any(
        "getal 9999" in p
        for p in sentence_problems(replace(s, text=s.text + " Het ging om 9999."), values, labels)
    )
    # a published value claimed wrongly
    value = next(c for c in s.claims if c.kind == ClaimKind.VALUE)
    bad = replace(s, claims=(replace(value, value="12345"),))
    assert sentence_problems(bad, values, labels)
    # a word of rise without a claim of rise
    up = next(c for c in s.claims if c.kind == ClaimKind.DIRECTION)
    other = "gedaald" if up.value == "up" else "gestegen"
    assert any(
        "woord van" in p
        for p in sentence_problems(Sentence(f"Het aantal is {other}.", "test", (up,)), values, labels)
    )


def test_claims_about_withheld_values_are_false(demo):
    values = Values.of_edition(demo)
    small = next(k for k, v in values.cells.items() if v == "<5")
    ref = Ref.cell(*small)
    plain = next(Ref.cell(*k) for k, v in values.cells.items() if v.isdigit() and int(v) > 10)
    for claim in (
        Claim(ClaimKind.DIRECTION, (ref, plain), "down"),
        Claim(ClaimKind.COMPARE, (plain, ref), "gt"),
        Claim(ClaimKind.RANK, (ref, plain), "max"),
    ):
        problems = sentence_problems(Sentence("x", "test", (claim,)), values, set())
        assert problems, claim


def test_factor_words_never_overstate(demo):
    values = Values.of_edition(demo)
    s = _sentence(tell(demo), ClaimKind.FACTOR)
    factor = next(c for c in s.claims if c.kind == ClaimKind.FACTOR)
    from jaarcijfers.story import nl_words

    word = nl_words.factor_word(factor.value)
    assert sentence_problems(Sentence(f"Het aantal is {word}.", "test", (factor,)), values, set()) == []
    stronger = {"x4-": "x4", "x3+": ">x3", "x2-": "x2"}.get(factor.value)
    if stronger:
        bad = replace(factor, value=stronger)
        assert sentence_problems(Sentence("x", "test", (bad,)), values, set())


def test_a_false_claim_stops_the_build(monkeypatch, tmp_path):
    """A checker that finds a false claim fails the build before any output but the data files."""
    from jaarcijfers import build
    from jaarcijfers.story import candidates

    original = candidates.change_claims

    def lying(ch, values):  # type: ignore[no-untyped-def]
        out = original(ch, values)
        return tuple(
            replace(c, value="down" if c.value == "up" else "up") if c.kind == ClaimKind.DIRECTION else c
            for c in out
        )

    monkeypatch.setattr(candidates, "change_claims", lying)
    from jaarcijfers.story import compose

    compose._CACHE.clear()
    with pytest.raises(UserError) as exc:
        build.run_build(None, None, tmp_path / "uit", sdc="publicatie")
    assert "beweringen" in exc.value.message and "richting" in exc.value.message
    assert not (tmp_path / "uit" / "index.html").exists()
    compose._CACHE.clear()
