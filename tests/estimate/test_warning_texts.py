"""The estimate's warnings as data (`estimate.warning_texts`): each written from its template, found back with
its code and values from its text, and worded in English from the message catalogue."""

from __future__ import annotations

import string

from jaarcijfers.estimate.warning_texts import (
    BOUNDS,
    CHOSEN,
    LISTS,
    NUMBERS,
    REASONS,
    TEMPLATES,
    WORDS,
    Code,
    parse,
    warning,
)
from jaarcijfers.language import EN

SAMPLE = {"mass": "1.2e-03", "tail": "0.4", "apart": "1.234", "reason": f"{REASONS[0]} en {REASONS[1]}"}


def sample(name: str) -> str:
    if name in LISTS:
        return "politie:kmar, nla:overig" if name == "pairs" else "kmar"
    if name in NUMBERS:
        return "1234"
    if name in SAMPLE:
        return SAMPLE[name]
    return WORDS[name][0]


def fields(code: Code) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(TEMPLATES[code]) if f}


def test_every_warning_is_found_back_with_its_values() -> None:
    for code in Code:
        values = {name: sample(name) for name in fields(code)}
        assert parse(warning(code, **values)) == (code, values), code
    assert parse("Een tekst die geen waarschuwing is.") is None
    assert set(CHOSEN) == set(WORDS["chosen"]) and set(BOUNDS) == set(WORDS["bound"])


def test_every_warning_has_english_words() -> None:
    from jaarcijfers.story.en_estimate import warning_text

    for code in Code:
        values = {name: sample(name) for name in fields(code)}
        english = warning_text(EN, warning(code, **values))
        assert english and english != warning(code, **values), code
        assert not any(w in english.split() for w in ("van", "de", "het", "een", "lijst", "en")), english
    text = warning_text(EN, warning(Code.UNBOUNDED, reason=f"{REASONS[0]} en {REASONS[1]}"))
    assert (
        text is not None
        and "(the maximum likelihood estimate does not exist (infinite parameters) and " in text
    )
    text = warning_text(EN, warning(Code.NO_OVERLAP, pairs="kmar:nla, nla:overig"))
    assert text == "Pairs of lists without a case in common: KMar:NLA, NLA:Other reporting organisations."
    text = warning_text(
        EN,
        warning(Code.ISOLATED, name="nla", chosen="stapsgewijs", n=12, others="politie, kmar", apart="1.234"),
    )
    assert text is not None and "(stepwise)" in text and "1,234." in text and "its 12 cases" in text
