"""The story of an edition: findings from the published data, chosen by a documented score, written in
Dutch, every claim checked (docs/narrative.md).

It reads only the published `Edition` (and the catalogues' declarations of what figures and facts
mean); renderers receive the `Story` it composes. Modules: `model` (findings, claims, the story as
data), `published` (the published values), `candidates` (every candidate finding), `scoring` (news
value), `words` (factor, magnitude and fraction words as exact bands), `select` (which findings are told
where), `nl` (the Dutch wording), `compose` (the story of an edition), `chain` and `estimate` (the chain
overview and the estimate's section), `claims` and `checker` (every claim verified against the
published files), `editorial` (numbers in the analysts' text), `numbers` (number tokens in text).
"""
