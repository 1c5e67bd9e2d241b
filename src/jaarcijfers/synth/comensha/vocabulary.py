"""The CoMensha synthesiser's words for what the report publishes, derived from the figure catalogue.

A victim record (`specs.py`) has attributes with the synthesiser's own tokens (`g` gender, `a` age class,
`r` region, `form`, `rep` reporter, `ss`/`ls` sexual/labour sector). Which catalogue codes each token
stands for is declared here, once per dimension of the rules (`DIMENSIONS`), and every published label
becomes a condition through it: label → codes (`figures/catalogue.py`) → `(attribute, token)`. The
words of the fact ids (`vrouwen`, `latam`, …) are declared as catalogue codes too (`FACT_WORDS`). A
label, code or word without a declaration is an error (`LabelError`), never a silent skip
(`tests/synth/test_labels.py` resolves every one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jaarcijfers.synth import labels as L
from jaarcijfers.synth.labels import LabelError

NNW = "#nnw"  # sector token: only "nog niet gewerkt"
ONB = "#onb"  # sector token: only unknown sectors
UNK_SECTOR = "#unk"  # sector token: no known sector (either of the two)

Cond = tuple[str, Any]
"""A condition on a victim record: (attribute, token)."""


@dataclass(frozen=True)
class Dimension:
    """A dimension view of the rules as the synthesiser's attribute: a set of catalogue codes (one label's
    codes) -> token. `None` as attribute: the dimension puts no condition (`victim_all`)."""

    attribute: str | None
    tokens: Mapping[frozenset[str], str]

    def token(self, codes: tuple[str, ...]) -> str:
        key = frozenset(codes)
        if key not in self.tokens:
            raise LabelError(f"{self.attribute}: no synthesiser token for the codes {codes}")
        return self.tokens[key]


def _single(pairs: Mapping[str, str]) -> dict[frozenset[str], str]:
    return {frozenset({code}): token for code, token in pairs.items()}


def _sector_tokens(form: str) -> dict[frozenset[str], str]:
    from jaarcijfers.contract import codelists

    out = _single({s: s for s in codelists.sectors(form) if s not in ("nog_niet_gewerkt", "onbekend")})
    out[frozenset({"uitsluitend_nog_niet_gewerkt"})] = NNW
    out[frozenset({"uitsluitend_onbekend"})] = ONB
    out[frozenset({"uitsluitend_nog_niet_gewerkt", "uitsluitend_onbekend"})] = UNK_SECTOR
    return out


def _dimensions() -> dict[str, Dimension]:
    from jaarcijfers.contract import codelists

    regions = {r: r for r in ("Nederland", "Europa", "Afrika", "Azië", "Latijns-Amerika", "Overig")}
    return {
        "victim_all": Dimension(None, {frozenset({"alle"}): ""}),
        "victim_geslacht": Dimension("g", _single({"man": "man", "vrouw": "vrouw"})),
        "victim_leeftijd": Dimension(
            "a",
            _single(
                {
                    "minderjarig": "min",
                    "18-22": "18-22",
                    "23-29": "23-29",
                    "30-39": "30-39",
                    "40+": "40+",
                    "onbekend": "?",
                }
            ),
        ),
        "victim_regio": Dimension("r", _single({**regions, "Onbekend": "?"})),
        "victim_vorm": Dimension(
            "form",
            {
                # the form atoms of a record: S(exual, with its kind dom/intl/unk from the region), L(abour),
                # C(riminal), O(rgan removal); `none` = no known form
                frozenset({"binnenlands"}): "dom",
                frozenset({"internationaal"}): "intl",
                frozenset({"binnenlands", "internationaal", "seksueel_nationaliteit_onbekend"}): "sex",
                frozenset({"arbeid"}): "L",
                frozenset({"crimineel"}): "C",
                frozenset({"orgaanverwijdering"}): "O",
                frozenset({"onbekend"}): "none",
                frozenset({"orgaanverwijdering", "onbekend"}): "OO",
            },
        ),
        "victim_melder": Dimension("rep", _single({c: c for c in codelists.codes("melders")})),
        "victim_sector_seksueel": Dimension("ss", _sector_tokens("seksueel")),
        "victim_sector_arbeid": Dimension("ls", _sector_tokens("arbeid")),
    }


DIMENSIONS = _dimensions()


def dimension(dim: str) -> Dimension:
    if dim not in DIMENSIONS:
        raise LabelError(f"dimension {dim!r} has no synthesiser attribute")
    return DIMENSIONS[dim]


def condition(dim: str, codes: tuple[str, ...]) -> tuple[Cond, ...]:
    """The conditions a label with these codes puts on a victim (none for `victim_all`)."""
    d = dimension(dim)
    token = d.token(codes)
    return () if d.attribute is None else ((d.attribute, token),)


def label_condition(fig: str, part: str, side: L.Side, label: str) -> tuple[Cond, ...]:
    """The conditions of a published label of a figure's axis."""
    ax = L.axis(fig, part, side)
    return condition(ax.dim, L.codes(fig, label, part, side))


def axis_tokens(fig: str, part: str = "", side: L.Side = "rows") -> tuple[str, ...]:
    """The tokens of an axis's labels, in the catalogue's order."""
    ax = L.axis(fig, part, side)
    d = dimension(ax.dim)
    return tuple(d.token(tuple(cs)) for _, cs in ax.labels)


COMENSHA_FIGURES = L.figures_of("comensha")
GENDERS = (*axis_tokens("8", "jaar"), "?")  # gender unknown is a victim type too (Figuur 8 leaves it out)
AGES = axis_tokens("6", "jaar")
REGIONS = axis_tokens("9", "jaar")
REPORTERS = axis_tokens("12", "jaar")
FORM5 = axis_tokens("12", "vorm", "columns")  # the form columns of the `vorm` blocks (dom, intl, L, C, OO)

# The words of the fact ids (`vrouwen_arbeid_2024`, `latam_seks_pct_2024`, …): a word is a dimension and
# catalogue codes (sectors and country slugs are matched against the code lists in `facts.py`).
FACT_WORDS: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "binnen": ("victim_vorm", ("binnenlands",)),
    "binnen_seks": ("victim_vorm", ("binnenlands",)),
    "intl": ("victim_vorm", ("internationaal",)),
    "intl_seks": ("victim_vorm", ("internationaal",)),
    "seks": ("victim_vorm", ("binnenlands", "internationaal", "seksueel_nationaliteit_onbekend")),
    "arbeid": ("victim_vorm", ("arbeid",)),
    "crim": ("victim_vorm", ("crimineel",)),
    "crimineel": ("victim_vorm", ("crimineel",)),
    "orgaan": ("victim_vorm", ("orgaanverwijdering",)),
    "vrouwen": ("victim_geslacht", ("vrouw",)),
    "meisjes": ("victim_geslacht", ("vrouw",)),
    "vrouw": ("victim_geslacht", ("vrouw",)),
    "mannen": ("victim_geslacht", ("man",)),
    "jongens": ("victim_geslacht", ("man",)),
    "man": ("victim_geslacht", ("man",)),
    "adolescent": ("victim_leeftijd", ("18-22",)),
    "europa": ("victim_regio", ("Europa",)),
    "afrika": ("victim_regio", ("Afrika",)),
    "azie": ("victim_regio", ("Azië",)),
    "latam": ("victim_regio", ("Latijns-Amerika",)),
    "politie": ("victim_melder", ("politie",)),
    "kmar": ("victim_melder", ("kmar",)),
    "nla": ("victim_melder", ("nla",)),
    "zorgcoordinator": ("victim_melder", ("zorgcoordinator",)),
    "fairwork": ("victim_melder", ("fairwork",)),
}
SPECIAL_WORDS: Mapping[str, tuple[Cond, ...]] = {
    "overlap": (),  # `overlap_crim_seks`: both forms
    "melder": (),
    "geslacht_onbekend": (("g", "?"),),
    "minderjarig": (("minor", True),),  # also on records that know minor/adult only
}


def word_condition(word: str) -> tuple[Cond, ...] | None:
    """The conditions of a fact-id word (None: not a declared word)."""
    if word in SPECIAL_WORDS:
        return SPECIAL_WORDS[word]
    if word in FACT_WORDS:
        dim, codes = FACT_WORDS[word]
        return condition(dim, codes)
    return None
