"""The English wording (`story/en.py`, docs/language.md): English sentences for the same findings, with
the same claims, checked against the published values like the Dutch text."""

from __future__ import annotations

import pytest

from jaarcijfers.edition.model import Edition
from jaarcijfers.story import en, en_check
from jaarcijfers.story.published import Values


def test_factor_words() -> None:
    assert [en.factor_words(k) for k in ("x2", "x2+", ">x2", "x3-", "x6", "/2", "/2-", ">/2")] == [
        "doubled",
        "more than doubled",
        "more than doubled",
        "almost tripled",
        "grew sixfold",
        "halved",
        "almost halved",
        "more than halved",
    ]


def test_english_text_tells_the_dutch_findings_and_holds(demo: Edition) -> None:
    from jaarcijfers.story.compose import tell

    texts = en.texts(demo)
    assert len(texts) > 10
    dutch = {
        g.figure: {s.finding for p in g.paragraphs for s in p.sentences}
        for sec in tell(demo).sections
        for g in sec.groups
    }
    for figure, group in texts.items():
        told = [s.finding for p in group.paragraphs for s in p]
        assert set(told) <= dutch[figure], figure  # the same findings, never another
        for s in group.sentences():
            assert s.claims and (s.text[0].isupper() or s.text[:4].isdigit()), s.text
            assert s.text.endswith(".") == (s is not group.headline), s.text
            assert not any(w in s.text.split() for w in ("van", "het", "een", "slachtoffers")), s.text
    first = texts["1"]
    assert first.headline is not None and first.headline.text.startswith(("More ", "Fewer ", "As many"))
    assert en_check.check(demo, Values.of_edition(demo)) == []


def test_the_check_finds_a_number_no_claim_carries(demo: Edition, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(en.EnglishWriter, "n", lambda self, ref: "12,345")
    problems = en_check.check(demo, Values.of_edition(demo))
    assert problems and all("12,345" in p for p in problems)


def test_english_estimate_says_what_the_dutch_says(demo: Edition) -> None:
    from jaarcijfers.edition.model import Estimate
    from jaarcijfers.language import EN
    from jaarcijfers.story import en_estimate
    from jaarcijfers.story.compose import tell

    values = Values.of_edition(demo)
    told = en_estimate.estimate_text(demo, values)
    dutch = tell(demo).estimate
    assert told is not None and dutch is not None and isinstance(demo.estimate, Estimate)
    english = [s for p in (*told.paragraphs, *told.method) for s in p.sentences]
    nl = [s for p in (*dutch.paragraphs, *dutch.method) for s in p.sentences]
    # the same sentences in the same order, each with the same claims as its Dutch twin
    assert [s.template.removeprefix("en.") for s in english] == [s.template for s in nl]
    assert [s.claims for s in english] == [s.claims for s in nl]
    text = " ".join(s.text for s in english)
    assert "synthetic delivery" in text  # the demo delivery says it is synthetic
    assert EN.count(str(demo.estimate.total)) in text
    assert not any(w in text.split() for w in ("van", "het", "een", "slachtoffers", "schatting")), text
    rows = en_estimate.table(demo, EN)
    assert [r["name"] for r in rows] == [en_estimate.approach_name(EN, a) for a in demo.estimate.approaches]
    assert all(r["kind"] for r in rows if r["interval"])
    # the model's warnings and notes, every one in English (the demo's: pairs without overlap, methods apart)
    warnings = en_estimate.warnings(demo, EN)
    assert len(warnings) == len(demo.estimate.warnings) + len(demo.estimate.notes) >= 1
    assert not any(w in " ".join(warnings).split() for w in ("van", "het", "een", "lijsten", "schatting"))
    sentences = en_check.sentences(demo, values)
    assert any(s.template == "en.estimate.main" for s in sentences)  # the build's check reads them
    assert en_check.check(demo, values) == []


def test_english_chain_developments_and_press_tell_the_dutch_selection(demo: Edition) -> None:
    from jaarcijfers.story import en_story
    from jaarcijfers.story.compose import tell

    dutch = tell(demo)
    told = en_story.tell(demo)
    # the chain: the same stages with the same numbers, English names, the same claims
    assert told.chain is not None and dutch.chain is not None
    assert [(c.source, c.new_text, c.old_text) for c in told.chain.stages] == [
        (c.source, c.new_text, c.old_text) for c in dutch.chain.stages
    ]
    assert [s.claims for s in told.chain.paragraph.sentences] == [
        s.claims for s in dutch.chain.paragraph.sentences
    ]
    # chapter 3: the Dutch developments' lead findings, in the same order (none left out on the demo)
    assert [d.findings for d in told.developments] == [d.findings for d in dutch.developments]
    for d in told.developments:
        assert d.headline.finding == d.findings[0] and d.headline.claims
        assert d.paragraph.sentences[0].finding == d.findings[0]
    # the press summary leads with the Dutch lead finding in prose, then its sections' findings
    assert told.press.title.finding == dutch.press.title.finding != ""
    assert told.press.lead.sentences[0].finding == dutch.press.title.finding
    assert [i.finding for i in told.press.items] == [i.finding for i in dutch.press.items]
    text = " ".join(s.text for s in told.sentences())
    assert not any(w in text.split() for w in ("van", "het", "een", "slachtoffers", "zaken")), text
    assert en_check.check(demo, Values.of_edition(demo)) == []


def test_english_drivers_name_where_the_change_is(demo: Edition) -> None:
    from jaarcijfers.story.model import FindingKind

    writer = en.EnglishWriter(demo, Values.of_edition(demo))
    drivers = [f for f in en_candidates(demo) if f.kind == FindingKind.DRIVER and writer.tells(f)]
    assert drivers
    for f in drivers:
        (sentence,) = writer.write(f, en.Para())
        headline = writer.headline(f)
        assert headline is not None and (
            ", mostly in " in headline.text or ", mostly among " in headline.text
        )
        assert writer.detail_name(f) in sentence.text and sentence.claims == f.claims


def en_candidates(edition: Edition) -> list:  # type: ignore[type-arg]
    from jaarcijfers.story.compose import tell

    return list(tell(edition).candidates)


def test_english_concentrations_and_means(demo: Edition) -> None:
    from jaarcijfers.story.model import FindingKind

    writer = en.EnglishWriter(demo, Values.of_edition(demo))
    found = en_candidates(demo)
    told = [f for f in found if f.kind == FindingKind.CONCENTRATION and writer.tells(f)]
    assert told
    for f in told:
        (sentence,) = writer.write(f, en.Para())
        assert sentence.claims == f.claims and sentence.text.endswith(".")
        assert any(v in sentence.text for v in (" were ", " had ", " came ", " concerned ")), sentence.text
    assert en.fraction_words("2/3-") == "almost two thirds" and en.fraction_words("1/2+") == "more than half"
    means = [f for f in found if f.change is not None and f.change.mean and writer.tells(f)]
    for f in means:
        (sentence,) = writer.write(f, en.Para())
        assert sentence.text.startswith("The mean ") and " years" in sentence.text, sentence.text
    assert en_check.check(demo, Values.of_edition(demo)) == []


def test_english_top_ten_newcomers_and_leavers(demo: Edition) -> None:
    from jaarcijfers.story.model import FindingKind

    writer = en.EnglishWriter(demo, Values.of_edition(demo))
    moves = [f for f in en_candidates(demo) if f.kind in (FindingKind.TOP_NEW, FindingKind.TOP_LEFT)]
    for f in moves:
        assert writer.tells(f)
        sentences = writer.write(f, en.Para())
        assert sentences and all(s.claims == f.claims for s in sentences)
        assert "top ten" in sentences[0].text
    assert [en.nth(x) for x in ("1", "2", "3", "8", "11", "12", "21")] == [
        "1st",
        "2nd",
        "3rd",
        "8th",
        "11th",
        "12th",
        "21st",
    ]
    assert en.join_and(["A", "B", "C"]) == "A, B and C"
    assert en_check.check(demo, Values.of_edition(demo)) == []


def test_every_kind_and_context_has_english_words(demo: Edition) -> None:
    """Derived from the registries: every kind of finding has an English writer, every context fact and
    family of nationalities (`story.context`) an English template, every context that may head a figure an
    English headline; and on the demo every context finding is told in English, with its claims."""
    from jaarcijfers.story import en_context
    from jaarcijfers.story.context import CONTEXTS, NATIONALITIES
    from jaarcijfers.story.model import FindingKind

    writer = en.EnglishWriter(demo, Values.of_edition(demo))
    assert set(writer.writers()) == set(FindingKind)
    assert {c.key for c in CONTEXTS} <= set(en_context.CONTEXTS)
    assert {c.key for c in CONTEXTS if c.headline} <= set(en_context.HEADLINES)
    assert {n.key for n in NATIONALITIES} <= set(en_context.NATIONALITIES)
    contexts = [f for f in en_candidates(demo) if f.kind == FindingKind.CONTEXT]
    assert len(contexts) >= len(CONTEXTS)
    for f in contexts:
        sentences = writer.write(f, en.Para())
        assert sentences and all(s.claims == f.claims and s.text.endswith(".") for s in sentences), f.id
        assert not any(w in s.text.split() for s in sentences for w in ("van", "het", "een", "slachtoffers"))


def test_english_tells_every_finding_the_dutch_tells_beside_the_figures(demo: Edition) -> None:
    from jaarcijfers.story.compose import tell

    texts = en.texts(demo)
    for sec in tell(demo).sections:
        for g in sec.groups:
            dutch = {s.finding for p in g.paragraphs for s in p.sentences if s.finding}
            told = {s.finding for p in texts[g.figure].paragraphs for s in p} if g.figure in texts else set()
            assert dutch == told, (g.figure, dutch - told)
            assert (g.headline is None) == (texts[g.figure].headline is None if g.figure in texts else True)
