"""Property: on random deliveries (tests/sdc/deliveries.py: small counts, years without records, unknown
categories, optional labels) the story has no false claim, names no withheld value, keeps its patterns
varied, and says what it selects."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jaarcijfers.story.checker import check_story
from jaarcijfers.story.compose import tell
from jaarcijfers.story.published import Values
from sdc import deliveries


def edition(folder, seed, sdc="publicatie"):  # type: ignore[no-untyped-def]
    from jaarcijfers.build import compute_edition

    return compute_edition(deliveries.write(folder, seed), deliveries.YEAR, sdc, estimate=False)[0]


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 10_000), st.sampled_from(["publicatie", "strict"]))
def test_no_false_claim_on_random_deliveries(tmp_path_factory, seed, policy):
    e = edition(tmp_path_factory.mktemp("levering"), seed, policy)
    story = tell(e)
    assert check_story(story, Values.of_edition(e)) == []
    per_chapter: dict[str, Counter[str]] = {}
    for where, s in story.sentences():
        per_chapter.setdefault(where.split("|")[0], Counter())[s.template] += 1
    for chapter, used in per_chapter.items():
        over = {t: n for t, n in used.items() if n > 2 and not t.startswith(("uitleg.", "chain."))}
        assert not over, (seed, chapter, over)


def test_what_the_rules_select_on_a_small_random_delivery(tmp_path):
    """On a delivery of a few dozen victims almost every count is small: nothing can lead, every figure
    is still described (a headline from its best finding or from what it shows), small bases are never a
    headline, and the press summary falls back to the registered victims."""
    e = edition(tmp_path / "levering", 7)
    story = tell(e)
    by_id = {f.id: f for f in story.candidates}
    assert not any(f.can_lead for f in story.candidates if f.kind == "change" and "klein" in f.tags)
    for s in story.sections:
        for g in s.groups:
            if g.lead:
                assert "klein" not in by_id[g.lead].tags, (s.section, g.lead)
    assert story.press.title.text
