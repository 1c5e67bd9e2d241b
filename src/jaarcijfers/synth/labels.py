"""The published labels the synthesisers read and write, with their codes: from the figure catalogue.

Every label of a figure is declared once, in `figures/catalogue.py`, with the codes of the rules'
dimension views (`Axis.labels`: (label, codes) pairs). The synthesisers work with their own tokens
(the OM models' `binnen`, `crim`, …, the values written into a delivery); the mapping from catalogue
codes to those tokens is declared here, once per dimension (`EMM_FORM`, `CASE_FORM`, …), and every
label map is derived: label → codes (catalogue) → tokens. A label or code the synthesisers ask for that
the catalogue does not have, and a catalogue code without a declared token, is an error (`LabelError`),
never a silent skip. (`tests/synth/test_labels.py` checks that every lookup resolves.)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal, TypeVar

from jaarcijfers.figures.catalogue import by_id
from jaarcijfers.figures.spec import Axis, Block, Figure

T = TypeVar("T")
Side = Literal["rows", "columns"]

# --------------------------------------------------------------------------------- codes -> tokens
# None: a code the synthesiser never produces (its cells count nothing synthesised).

EMM_FORM: Mapping[str, str | None] = {
    # investigation_vorm (Figuur 13) -> `emm_onderzoek_vormen.vorm` (rule 7: no row or `overig` is
    # Overig/onbekend)
    "seksueel": "seksueel",
    "arbeid": "arbeid",
    "crimineel": "crimineel",
    "overig_onbekend": "overig",
}
SUSPECT_GENDER: Mapping[str, str | None] = {
    # suspect_geslacht (Figuur 14) -> `emm_verdachten.geslacht`
    "man": "man",
    "vrouw": "vrouw",
    "onbekend": "",
}
CASE_FORM: Mapping[str, str | None] = {
    # case_vorm (figures 16, 17) -> the OM flow model's form
    "seksueel": "seks",
    "arbeid": "arbeid",
    "crimineel_overig": "crim",
    "onbekend": "onb",
}
CASE_FORM5: Mapping[str, str | None] = {
    # case_vorm_split (figures 18, 19, 22-24) -> the judged-cases model's form; judged cases always
    # have a known form
    "binnenlands": "binnen",
    "internationaal": "intl",
    "seksueel_onbekend": "sexunk",
    "arbeid": "arbeid",
    "crimineel_overig": "crim",
    "onbekend": None,
}
FORM5_TO_FORM = {"binnen": "seks", "intl": "seks", "sexunk": "seks", "arbeid": "arbeid", "crim": "crim"}
"""The judged-cases model's five forms as the flow model's four (rule 8: every sexual split is sexual)."""
DECISION: Mapping[str, str | None] = {
    # case_afdoening (Figuur 17) -> the OM flow model's decision type
    "dagvaarding_mh": "dag",
    "sepot": "sepot",
    "overig": "overig",
}
VERDICT: Mapping[str, str | None] = {
    # case_uitspraak (Figuur 19) -> the judged-cases model's verdict
    "vrijspraak": "vrij",
    "veroordeling": "veroordeeld",
    "overig_onbekend": "overig",
}
CASE_GENDER: Mapping[str, str | None] = {
    # case_geslacht (Figuur 23) -> `om_zaken.geslacht`
    "man": "man",
    "vrouw": "vrouw",
    "onbekend": "",
}
HERKOMST: Mapping[str, str | None] = {
    # case_herkomst (Figuur 24) -> the judged-cases model's origin
    "nederland": "nl",
    "eer": "eer",
    "overig": "overig",
    "onbekend": "onb",
}


def age_bounds(code: str) -> tuple[int, int] | None:
    """The ages of a case_leeftijd code (`t/m 22`: 16-22, `23-29`, `40+`: 40-72; `onbekend`: None)."""
    if code == "onbekend":
        return None
    m = re.fullmatch(r"t/m (\d+)", code)
    if m:
        return 16, int(m.group(1))
    m = re.fullmatch(r"(\d+)-(\d+)", code)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.fullmatch(r"(\d+)\+", code)
    if m:
        return int(m.group(1)), 72
    raise LabelError(f"age class code {code!r} not understood")


class LabelError(LookupError):
    """The synthesiser asked the catalogue for something it does not declare."""


# --------------------------------------------------------------------------------- catalogue access


def figure(fig: str) -> Figure:
    try:
        return by_id()[fig]
    except KeyError:
        raise LabelError(f"figure {fig!r} is not in the catalogue") from None


def block(fig: str, part: str = "") -> Block:
    for b in figure(fig).blocks:
        if b.part == part:
            return b
    raise LabelError(f"figure {fig!r} has no block {part!r}")


def axis(fig: str, part: str = "", side: Side = "rows") -> Axis:
    b = block(fig, part)
    return b.rows if side == "rows" else b.columns


def labels(fig: str, part: str = "", side: Side = "rows") -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(label, codes) of an axis, in the catalogue's order."""
    return tuple(axis(fig, part, side).labels)


def label(fig: str, codes: str | tuple[str, ...], part: str = "", side: Side = "rows") -> str:
    """The label of the axis that stands for exactly these codes (in any order)."""
    want = (codes,) if isinstance(codes, str) else tuple(codes)
    for lab, cs in labels(fig, part, side):
        if frozenset(cs) == frozenset(want):
            return lab
    raise LabelError(f"figure {fig!r} {part!r} {side}: no label with codes {want}")


def codes(fig: str, lab: str, part: str = "", side: Side = "rows") -> tuple[str, ...]:
    """The codes of a label of an axis."""
    for name, cs in labels(fig, part, side):
        if name == lab:
            return tuple(cs)
    raise LabelError(f"figure {fig!r} {part!r} {side}: no label {lab!r}")


def _token(fig: str, code: str, token_of: Mapping[str, T | None]) -> T | None:
    if code not in token_of:
        raise LabelError(f"figure {fig!r}: code {code!r} has no synthesiser token")
    return token_of[code]


def token_tuples(
    fig: str, token_of: Mapping[str, T | None], part: str = "", side: Side = "rows"
) -> dict[str, tuple[T, ...]]:
    """label -> the tokens of its codes (codes that are never synthesised left out)."""
    out: dict[str, tuple[T, ...]] = {}
    for lab, cs in labels(fig, part, side):
        toks = [_token(fig, c, token_of) for c in cs]
        out[lab] = tuple(t for t in toks if t is not None)
    return out


def tokens(fig: str, token_of: Mapping[str, T | None], part: str = "", side: Side = "rows") -> dict[str, T]:
    """label -> token, for the labels that stand for exactly one synthesised code (no totals)."""
    out: dict[str, T] = {}
    for lab, cs in labels(fig, part, side):
        if len(cs) == 1:
            t = _token(fig, cs[0], token_of)
            if t is not None:
                out[lab] = t
    return out


def label_of_token(
    fig: str, token_of: Mapping[str, T | None], part: str = "", side: Side = "rows"
) -> dict[T, str]:
    """token -> label, the inverse of `tokens`."""
    return {t: lab for lab, t in tokens(fig, token_of, part, side).items()}


def figures_of(*sources: str) -> tuple[str, ...]:
    """Ids of the catalogue's figures of the given sources (`Figure.source_id`), in catalogue order."""
    return tuple(f.id for f in by_id().values() if f.source_id in sources)


def sections_of(*sources: str) -> tuple[str, ...]:
    """The report sections of those figures, each once."""
    return tuple(dict.fromkeys(f.section for f in by_id().values() if f.source_id in sources))
