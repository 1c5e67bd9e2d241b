"""The estimate as experimental statistics: label, method, interval given the model, the other model
choices, a synthetic delivery said as such (from the provenance), an external estimate beside it."""

from __future__ import annotations

from dataclasses import replace

from jaarcijfers.story.compose import tell
from jaarcijfers.story.estimate import estimate_text, synthetic_note
from jaarcijfers.story.published import Values


def test_the_demo_says_its_estimate_comes_from_synthetic_data(demo):
    text = tell(demo).estimate
    assert text is not None
    body = " ".join(p.text for p in text.paragraphs)
    assert body.startswith("Experimenteel")
    assert "synthetische levering" in body and "niet hoeveel slachtoffers er werkelijk zijn" in body
    method = " ".join(p.text for p in text.method)
    assert "multiple systems estimation" in method and "SparseMSE" in method
    assert "onzekerheid van de modelkeuze" in method  # the interval given the model, said honestly
    assert "AIC" in method and "BIC" in method  # the other ways of choosing the model


def test_real_data_is_not_called_synthetic(demo):
    deliveries = tuple(
        replace(d, omschrijving=None, levering_bron=None) for d in demo.provenance.deliveries or ()
    )
    real = replace(demo, provenance=replace(demo.provenance, deliveries=deliveries))
    assert synthetic_note(demo) is not None and synthetic_note(real) is None
    text = estimate_text(real, Values.of_edition(real))
    assert text is not None and "synthetisch" not in " ".join(p.text for p in text.paragraphs)


def test_no_estimate_no_section(demo):
    assert estimate_text(replace(demo, estimate=None), Values.of_edition(demo)) is None
