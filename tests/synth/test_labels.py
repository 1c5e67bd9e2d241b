"""The synthesisers read every published label from the figure catalogue; every lookup resolves."""

from __future__ import annotations

import copy

import pytest

from jaarcijfers.contract import codelists
from jaarcijfers.errors import UserError
from jaarcijfers.figures.catalogue import CATALOGUE
from jaarcijfers.synth import factspecs as fs
from jaarcijfers.synth import labels as L
from jaarcijfers.synth.comensha import vocabulary as V
from jaarcijfers.synth.comensha.specs import load_world
from jaarcijfers.synth.comensha.targets import cell_targets
from jaarcijfers.synth.targets import load_targets

# which token map serves which figure axis (figure, part, side)
TOKEN_MAPS = {
    ("13", "", "rows"): L.EMM_FORM,
    ("14", "", "rows"): L.SUSPECT_GENDER,
    ("16", "", "rows"): L.CASE_FORM,
    ("17", "vorm", "columns"): L.CASE_FORM,
    ("17", "jaar", "rows"): L.DECISION,
    ("18", "", "rows"): L.CASE_FORM5,
    ("19", "jaar", "rows"): L.VERDICT,
    ("19", "vorm", "columns"): L.CASE_FORM5,
    ("22", "vorm", "columns"): L.CASE_FORM5,
    ("23", "jaar", "rows"): L.CASE_GENDER,
    ("23", "vorm", "columns"): L.CASE_FORM5,
    ("24", "jaar", "rows"): L.HERKOMST,
    ("24", "vorm", "columns"): L.CASE_FORM5,
}


@pytest.mark.parametrize("where", sorted(TOKEN_MAPS))
def test_every_catalogue_code_of_an_om_emm_axis_has_a_token(where):
    fig, part, side = where
    token_of = TOKEN_MAPS[where]
    for _, codes in L.labels(fig, part, side):
        for code in codes:
            assert code in token_of, (where, code)


def test_no_token_map_declares_a_code_the_catalogue_does_not_have():
    served: dict[int, set[str]] = {}
    for (fig, part, side), token_of in TOKEN_MAPS.items():
        served.setdefault(id(token_of), set()).update(c for _, cs in L.labels(fig, part, side) for c in cs)
    for token_of in TOKEN_MAPS.values():
        assert set(token_of) == served[id(token_of)]


def test_the_om_emm_label_maps_resolve_against_the_catalogue():
    assert fs.F13_FORMS == {
        "Seksuele uitbuiting": "seksueel",
        "Arbeidsuitbuiting": "arbeid",
        "Criminele uitbuiting": "crimineel",
        "Overig/onbekend": "overig",
    }
    assert fs.F14_GENDERS == {"Mannen": "man", "Vrouwen": "vrouw", "Onbekend": ""}
    assert fs.R14_TOTAL == "Totaal" and fs.R18_TOTAL == "Totaal"
    assert fs.F18_ROWS["Seksuele uitbuiting - totaal"] == fs.SEXUAL5 == ("binnen", "intl", "sexunk")
    assert fs.F18_ROWS["Onbekend"] == ()  # judged cases always have a known form
    assert fs.MEAN_ROW == "Gemiddelde leeftijd in jaren"
    assert [L.age_bounds(c) for c in fs.AGE_CODES] == [(16, 22), (23, 29), (30, 39), (40, 72)]
    assert set(fs.IND_ROWS.values()) <= set(codelists.codes("ind_maatstaven"))
    assert set(fs.RECHTSPRAAK_ROWS.values()) <= set(codelists.codes("rechtspraak_maatstaven"))


def test_every_comensha_catalogue_label_is_a_condition():
    for fig in V.COMENSHA_FIGURES:
        for b in L.figure(fig).blocks:
            for side in ("rows", "columns"):
                ax = b.rows if side == "rows" else b.columns
                if ax.years or (b.kind in ("top", "count_share") and side == "columns"):
                    continue
                for label, _ in ax.labels:
                    V.label_condition(fig, b.part, side, label)  # raises LabelError otherwise
            for dim, codes in b.where:
                assert V.condition(dim, tuple(codes))


def test_every_fact_word_names_catalogue_codes():
    axis_codes: dict[str, set[frozenset[str]]] = {}
    for f in CATALOGUE:
        for b in f.blocks:
            for ax in (b.rows, b.columns):
                axis_codes.setdefault(ax.dim, set()).update(frozenset(cs) for _, cs in ax.labels)
    for word, (dim, codes) in V.FACT_WORDS.items():
        assert frozenset(codes) in axis_codes[dim], word
        assert V.word_condition(word)


def test_the_code_lists_agree_with_the_tokens():
    assert {c.regio for c in codelists.countries().values()} <= set(V.REGIONS)
    assert set(V.REPORTERS) == set(codelists.codes("melders"))
    world = load_world()
    for s in (*world.sex_sectors, *world.lab_sectors):
        assert any((frozenset({s}) in d.tokens) for d in V.DIMENSIONS.values())


def test_unknown_labels_are_errors_not_skips():
    with pytest.raises(L.LabelError):
        L.label("13", "bestaat_niet")
    with pytest.raises(L.LabelError):
        L.codes("13", "Bestaat niet")
    with pytest.raises(L.LabelError):
        L.block("13", "vorm")
    with pytest.raises(L.LabelError):
        L.figure("99")
    with pytest.raises(L.LabelError):
        V.condition("victim_vorm", ("bestaat_niet",))
    t = copy.deepcopy(load_targets())
    key = next(k for k in t.cells if k[0] == "3")
    t.cells[(key[0], key[1], "Een sector die niet bestaat", key[3])] = "5"
    with pytest.raises(UserError):
        cell_targets(t, load_world())
