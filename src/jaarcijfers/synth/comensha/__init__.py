"""The CoMensha part of the synthetic delivery (`solve.synthesize_comensha`); see docs/synth-comensha.md.

| module | holds |
|---|---|
| `vocabulary.py` | the synthesiser's tokens for the catalogue's codes; published labels and fact-id words as conditions |
| `specs.py` | victim records and the predicates (specs) on them |
| `targets.py` | the published cells as targets |
| `facts.py` | the prose facts: parsed ids, targets, value checks |
| `ip.py` | the integer-programming model builder (solve, conflict diagnosis, best fit) |
| `constraints.py` | targets as rows of a model |
| `priors.py` | the plausibility objective (priors, reporter overlaps, affinities, country weights) |
| `stage_a.py` | victim types, reporter and sector sets |
| `stage_b.py` | nationalities and labour sectors per country |
| `records.py` | dealing the solved counts out to victims; the CSV tables |
| `fit.py` | the fit counted on the records; unmet targets and why |
| `solve.py` | the year loop: `synthesize_comensha` |
"""
