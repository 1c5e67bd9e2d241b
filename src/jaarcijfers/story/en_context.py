"""The English sentences of the catalogue's context facts (`story.context`, docs/language.md): one set of
templates per context key and per family of nationalities, with English grammar, saying what the Dutch
sentence of the same key says (`story.nl`, `Writer.context`) with the same claims.

`CONTEXTS` and `NATIONALITIES` are keyed like `story.context.CONTEXTS` and `.NATIONALITIES`; a test checks
that every key of those registries has an English template here (tests/story/test_english.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jaarcijfers.story.model import Finding


@dataclass(frozen=True)
class Words:
    """What a context template needs: the finding's numbers (`x`, English notation), its percentages
    without sign (`p`), the fraction words of its fraction facts (`fw`), the years said ('iny': ' in 2024'
    the first time a paragraph names the year; `vs`: 'in 2023' or 'a year earlier'), the years shown
    together (`span`: 'over 2020–2024', then 'over the same period'), the reporting year `Y` and whether
    the paragraph had named it before (`named`), and the result of the finding's comparison (`comp`:
    gt | lt | eq)."""

    x: tuple[str, ...]
    p: tuple[str, ...]
    fw: tuple[str, ...]
    iny: str
    vs: str
    span: str
    Y: int
    named: bool
    comp: str


ROUNDED = " (rounded to multiples of five)"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _more(w: Words, more: str, fewer: str, same: str) -> str:
    return fewer if w.comp == "lt" else same if w.comp == "eq" else more


Template = Callable[[Words], list[tuple[str, str]]]

CONTEXTS: dict[str, Template] = {
    "anoniem": lambda w: [
        (
            "ctx.anoniem.1",
            f"Besides the registered presumed victims, CoMensha received {w.x[0]} anonymous reports{w.iny}, "
            f"compared with {w.x[1]} {w.vs}. Whether these concern different persons cannot be established.",
        ),
        (
            "ctx.anoniem.2",
            f"In addition, {w.x[0]} anonymous reports came in{w.iny} ({w.x[1]} {w.vs}); such reports do not "
            "show whether they concern different victims.",
        ),
    ],
    "overlap_crim_seks": lambda w: [
        (
            "ctx.overlap.1",
            f"A presumed victim may have experienced more than one form of exploitation: {w.x[0]} were "
            f"exploited both criminally and sexually{w.iny}, compared with {w.x[1]} {w.vs}.",
        ),
        (
            "ctx.overlap.2",
            f"Criminal and sexual exploitation together were reported for {w.x[0]} presumed victims{w.iny} "
            f"({w.x[1]} {w.vs}).",
        ),
    ],
    "thuis_escort_aandeel": lambda w: [
        (
            "ctx.thuis.1",
            f"Of all presumed victims of sexual exploitation{w.iny}, {w.p[0]} were exploited in home-based "
            f"prostitution and {w.p[1]} in escort prostitution.",
        ),
        (
            "ctx.thuis.2",
            f"Home-based prostitution accounted for {w.p[0]} of the presumed victims of sexual exploitation"
            f"{w.iny}, escort prostitution for {w.p[1]}.",
        ),
    ],
    "minderjarig_crim_herkomst": lambda w: [
        (
            "ctx.mcrim.1",
            f"Of the {w.x[0]} minor presumed victims of criminal exploitation{w.iny}, {w.x[1]} had Dutch "
            "nationality.",
        ),
    ],
    "minderjarig_crim_geslacht": lambda w: [
        (
            "ctx.mcrimg.1",
            f"The minor presumed victims of criminal exploitation{w.iny} were {w.x[0]} boys and {w.x[1]} girls.",
        ),
    ],
    "minderjarig_crim_melders": lambda w: [
        (
            "ctx.mcrimm.1",
            f"The police reported {w.x[0]} of these minors{w.iny} and care coordinators {w.x[1]}; a presumed "
            "victim may be reported by more than one organisation.",
        ),
    ],
    "vrouwen_arbeid_sectoren": lambda w: [
        (
            "ctx.vrarb.1",
            f"Of the female presumed victims of labour exploitation, {w.x[0]} were exploited in domestic work"
            f"{w.iny} and {w.x[1]} in other work and services.",
        ),
    ],
    "crim_geslacht": lambda w: [
        (
            "ctx.crimg.1",
            f"Of the presumed victims of criminal exploitation{w.iny}, {w.p[0]} were male and {w.p[1]} female.",
        ),
    ],
    "geslacht_onbekend": lambda w: [
        ("ctx.gonb.1", f"The sex of {w.x[0]} presumed victims was not known{w.iny}."),
    ],
    "herkomst_aandelen": lambda w: [
        (
            "ctx.herk.1",
            _cap(
                f"{w.iny.strip() + ', ' if w.iny else 'Overall, '}{w.p[0]} of the registered presumed victims had Dutch "
                f"nationality; {w.p[1]} came from another European country, {w.p[2]} from Africa and "
                f"{w.p[3]} from Latin America."
            ),
        ),
    ],
    "combinaties_herkomst": lambda w: [
        (
            "ctx.comb.1",
            f"Combinations of forms also occurred{w.iny}: {w.x[0]} Dutch and {w.x[1]} African presumed "
            f"victims were exploited both sexually and criminally, and {w.x[2]} African presumed victims both "
            "sexually and in labour.",
        ),
    ],
    "b9_aanvragen": lambda w: [
        (
            "ctx.b9.1",
            f"A B9 residence permit was applied for {w.x[0]} times{w.iny}, compared with {w.x[1]} {w.vs}"
            f"{ROUNDED}.",
        ),
    ],
    "schrijnend": lambda w: [
        (
            "ctx.schrijnend.1",
            f"On grounds of exceptional hardship, {w.x[0]} applications were made{w.iny}; a permit was granted "
            f"{w.x[1]} times{ROUNDED}.",
        ),
    ],
    "onderzoeken_gemiddeld": lambda w: [
        (
            "ctx.ozgem.1",
            f"The police, KMar and NLA started {w.x[0]} criminal investigations into human trafficking{w.iny}, "
            f"{_more(w, 'more than', 'fewer than', 'as many as')} the average of {w.x[1]} a year {w.span}.",
        ),
        (
            "ctx.ozgem.2",
            f"With {w.x[0]} criminal investigations started{w.iny}, the number was "
            f"{_more(w, 'above', 'below', 'equal to')} the average of {w.x[1]} a year {w.span}.",
        ),
    ],
    "verdachten_volwassen": lambda w: [
        (
            "ctx.volw.1",
            f"Of the suspects whose age is known, {w.p[0]} were adults when the investigation started.",
        ),
    ],
    "verdachten_nationaliteit_onbekend": lambda w: [
        ("ctx.natonb.1", f"The nationality of {w.x[0]} suspects was unknown{w.iny}."),
    ],
    "om_zaken_politie": lambda w: [
        ("ctx.ompol.1", f"Of the {w.x[1]} cases registered{w.iny}, {w.x[0]} came from the police."),
    ],
    "om_aandelen_vorm": lambda w: [
        (
            "ctx.omvorm.1",
            f"{_cap(w.span)}, {w.p[0]} of the registered cases concerned at least sexual exploitation, "
            f"{w.p[1]} labour exploitation and {w.p[2]} criminal or other exploitation.",
        ),
    ],
    "om_afgehandeld": lambda w: [
        (
            "ctx.omafg.1",
            f"The OM concluded {w.x[0]} human trafficking cases on their merits{w.iny}, compared with "
            f"{w.x[1]} {w.vs}.",
        ),
        (
            "ctx.omafg.2",
            f"A total of {w.x[0]} cases were concluded on their merits{w.iny} ({w.x[1]} {w.vs}).",
        ),
    ],
    "veroordeeld_vijf_jaar": lambda w: [
        (
            "ctx.veroord.1",
            f"{_cap(w.span)}, {w.p[0]} of the cases decided at first instance ended in a conviction for at "
            "least human trafficking.",
        ),
    ],
    "hoger_beroep_gemiddeld": lambda w: [
        (
            "ctx.hbgem.1",
            f"{_cap(w.span)}, about {w.x[0]} human trafficking cases a year were decided on appeal; "
            f"{'in the latest year' if w.named else f'in {w.Y}'} there were {w.x[1]}{ROUNDED}.",
        ),
    ],
    "hoger_beroep_schuldig": lambda w: [
        (
            "ctx.hbschuld.1",
            f"About {w.p[0]} of the appeals decided {w.span} ended in a finding of guilt.",
        ),
    ],
    "hoger_beroep_ingesteld": lambda w: [
        (
            "ctx.hbinst.1",
            f"The appeal was lodged{w.iny} {w.x[0]} times by the suspect, {w.x[1]} times by the OM and "
            f"{w.x[2]} times by both{ROUNDED}.",
        ),
    ],
    "cassatie": lambda w: (
        [
            (
                "ctx.cassatie.1",
                f"{_cap(w.span)}, {w.fw[0]} appeals were followed by an appeal in cassation, about {w.x[1]} a year.",
            )
        ]
        if w.fw[0]
        else []
    ),
    "berecht_leeftijd": lambda w: [
        (
            "ctx.bleeft.1",
            f"{_cap(w.span)}, suspects tried were {w.x[0]} years old on average; {w.p[1]} were minors or "
            f"adolescents, {w.p[2]} younger than thirty and {w.p[3]} aged forty or over.",
        ),
    ],
    "berecht_geslacht": lambda w: [
        ("ctx.bgesl.1", f"{_cap(w.span)}, {w.p[1]} of the suspects tried were male and {w.p[2]} female."),
    ],
    "berecht_herkomst": lambda w: [
        (
            "ctx.bherk.1",
            f"{_cap(w.span)}, {w.p[1]} of the suspects tried were born in the Netherlands, {w.p[2]} in another "
            f"country of the EU, the EEA or Switzerland and {w.p[3]} elsewhere.",
        ),
    ],
}
"""Per context key (`story.context.CONTEXTS`) its English templates: (template id, sentence)."""

HEADLINES: dict[str, Callable[[Words], str]] = {
    "hoger_beroep_schuldig": lambda w: f"A finding of guilt in about {w.p[0]} of appeals",
    "cassatie": lambda w: f"Appeal in cassation in {w.fw[0]} cases after an appeal" if w.fw[0] else "",
    "berecht_geslacht": lambda w: f"Mostly men: {w.fw[0]} suspects tried" if w.fw[0] else "",
    "berecht_herkomst": lambda w: f"Born in the Netherlands: {w.fw[0]} suspects tried" if w.fw[0] else "",
    "berecht_leeftijd": lambda w: f"Suspects tried were {w.x[0]} years old on average",
    "veroordeeld_vijf_jaar": lambda w: f"A conviction in {w.p[0]} of the cases decided",
}
"""The headline of a context that may head its figure (`Context.headline`); '' when it cannot be said."""

Nationality = Callable[[tuple[str, ...], str], str]

NATIONALITIES: dict[str, Nationality] = {
    "industrie": lambda c, iny: (
        f"In labour exploitation in manufacturing, the presumed victims{iny} came mostly from {_and(c)}."
    ),
    "huishouden": lambda c, iny: (
        f"In domestic work, most presumed victims{iny} came from {c[0]}, followed by {_and(c[1:])}."
    ),
    "intl_seks": lambda c, iny: (
        f"In international sexual exploitation, the most common nationalities{iny} were {_and(c)}."
    ),
    "arbeid": lambda c, iny: (
        f"In labour exploitation, most presumed victims{iny} came from {c[0]}, followed by {_and(c[1:])}."
    ),
    "crim": lambda c, iny: (
        f"Presumed victims of criminal exploitation{iny} most often came from {c[0]}, then from "
        f"{_and(c[1:])}."
    ),
    "verdachten": lambda c, iny: (
        f"By nationality, the suspects{iny} were mostly from {c[0]}, followed by {_and(c[1:])}."
    ),
}
"""Per family of nationalities (`story.context.NATIONALITIES`) its English sentence: the countries (with
their numbers: 'Romania (69)') and ' in 2024' or ''."""


def _and(items: tuple[str, ...]) -> str:
    items_ = list(items)
    return ", ".join(items_[:-1]) + " and " + items_[-1] if len(items_) > 1 else "".join(items_)


def key_of(f: Finding) -> tuple[str, str]:
    """('context' | 'nationalities', key) of a context finding (its `template`)."""
    family, _, key = f.template.partition(":")
    return ("nationalities", key) if family == "nationaliteiten" else ("context", f.template)
