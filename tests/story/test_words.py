"""Words about numbers never overstate: every factor, magnitude and fraction word holds exactly on its band."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from jaarcijfers.story import nl_words, words


def test_the_reported_factors():
    assert nl_words.factor_word(words.factor_key(Fraction(51), Fraction(13))) == "bijna verviervoudigd"
    assert nl_words.factor_word(words.factor_key(Fraction(48), Fraction(24))) == "verdubbeld"
    assert nl_words.factor_word(words.factor_key(Fraction(71), Fraction(33))) == "ruim verdubbeld"
    assert nl_words.factor_word(words.factor_key(Fraction(42), Fraction(13))) == "ruim verdrievoudigd"
    assert nl_words.factor_word(words.factor_key(Fraction(6), Fraction(11))) == "bijna gehalveerd"
    assert words.factor_key(Fraction(160), Fraction(120)) is None  # +33% has no factor word
    assert nl_words.factor_noun("x4-") == "bijna een verviervoudiging"


@given(st.integers(1, 2000), st.integers(1, 2000))
def test_a_factor_word_never_says_more_than_the_ratio(new, old):
    key = words.factor_key(Fraction(new), Fraction(old))
    if key is None:
        return
    assert words.factor_holds(key, Fraction(new), Fraction(old))
    k = words.factor_k(key)
    ratio = Fraction(new, old) if new > old else Fraction(old, new)
    if key.endswith("-"):
        assert ratio < k  # "bijna k": less than k
    else:
        assert ratio >= k  # "k", "ruim k", "meer dan k": at least k


@given(st.integers(0, 500), st.integers(1, 500))
def test_a_fraction_word_holds_on_its_band(part, extra):
    whole = part + extra
    share = Fraction(part, whole)
    key = words.share_key(share)
    if key is not None:
        assert words.share_holds(key, share)
        if key.endswith("-"):
            base = Fraction(*map(int, key[:-1].split("/")))
            assert share < base
        if key.endswith("+"):
            base = Fraction(*map(int, key[:-1].split("/")))
            assert share > base


def test_magnitude_words():
    assert words.magnitude_key(Fraction(944), Fraction(868)) == "slight"
    assert words.magnitude_key(Fraction(160), Fraction(120)) == "considerable"
    assert words.magnitude_key(Fraction(79), Fraction(52)) == "strong"
