"""The estimate's warnings and notes, each with a code (docs/estimate.md, docs/language.md).

A warning is Dutch text for the reader, written from its template here (`warning(code, **params)`), so that
its words live in one place: the estimate's code says which warning with which values, an English edition
finds the code and the values back in the published text (`parse`) and words it from the message catalogue
(`estimate.warning.<code>`, the Dutch template as its `msgid`; `story.en_estimate.warning_text`).

The values of a warning are data: list names (codes of the reporting organisations, `LISTS`), whole numbers
in Dutch notation (`NUMBERS`), a decimal number (`mass`, `tail`: as Python prints it), or one of a few
Dutch words (`WORDS`: the reason a model has no estimate, the model chosen, which bound).
"""

from __future__ import annotations

import re
import string
from enum import StrEnum
from functools import cache

from jaarcijfers.estimate.result import NOT_BOUNDED


class Code(StrEnum):
    METHODS_DIFFER = "methods_differ"
    NO_OVERLAP = "no_overlap"
    FEW_OBSERVATIONS = "few_observations"
    NO_REPORTER = "no_reporter"
    LIST_EMPTY = "list_empty"
    LIST_ALL = "list_all"
    LIST_SAME = "list_same"
    TWO_LISTS_APART = "two_lists_apart"
    ISOLATED = "isolated"
    UNBOUNDED = "unbounded"
    BOUNDARY = "boundary"
    UPPER_UNBOUNDED = "upper_unbounded"
    LARGE = "large"
    BOOT_UNBOUNDED = "boot_unbounded"
    BOOT_TAIL = "boot_tail"
    BCA_ACCELERATION = "bca_acceleration"
    BCA_ONE_SIDE = "bca_one_side"
    BMA_TAIL = "bma_tail"
    FEW_MODELS = "few_models"


TEMPLATES: dict[Code, str] = {
    Code.METHODS_DIFFER: (
        "De schatting hangt sterk af van de gekozen methode (de methoden verschillen meer dan de helft); "
        "lees haar met de vergelijkingstabel erbij."
    ),
    Code.NO_OVERLAP: "Paren van lijsten zonder gezamenlijke gevallen: {pairs}.",
    Code.FEW_OBSERVATIONS: "Weinig waarnemingen ({n}); de schatting is zeer onzeker.",
    Code.NO_REPORTER: "{n} registratie(s) zonder melder tellen niet mee in de schatting.",
    Code.LIST_EMPTY: "Lijst '{name}' bevat geen enkel geval en is weggelaten.",
    Code.LIST_ALL: "Lijst '{name}' bevat alle waargenomen gevallen en is weggelaten (geen informatie).",
    Code.LIST_SAME: "Lijst '{name}' is gelijk aan lijst '{other}' en is weggelaten.",
    Code.TWO_LISTS_APART: (
        "De lijsten '{a}' en '{b}' hebben geen enkel geval gemeen. Met twee lijsten rust de schatting "
        "geheel op hun overlap; zonder overlap zijn de gegevens verenigbaar met een willekeurig groot "
        "aantal slachtoffers."
    ),
    Code.ISOLATED: (
        "Lijst '{name}' deelt geen enkel geval met de andere lijsten. Hoeveel slachtoffers "
        "'{name}' mist, volgt dan niet uit overlap: onder het gekozen model ({chosen}) rust dat "
        "deel van de schatting geheel op de aanname dat '{name}' onafhankelijk is van de andere "
        "lijsten. Houdt men '{name}' apart (de {n} gevallen tellen dan alleen als waargenomen mee en het "
        "verborgen aantal rust alleen op {others}), dan is de schatting {apart}."
    ),
    Code.UNBOUNDED: (
        f"Onder het gekozen model is het verborgen aantal {NOT_BOUNDED} "
        "({reason}): de gegevens zijn verenigbaar "
        "met een willekeurig groot aantal slachtoffers. Er is daarom geen getal."
    ),
    Code.BOUNDARY: (
        "Voor het gekozen model geldt: {reason}. Het verborgen aantal is de uitgebreide "
        "meest aannemelijke schatting (op de rand van de parameterruimte); een interval op basis van de "
        "aannemelijkheid bestaat dan niet (gebruik --ci bca)."
    ),
    Code.UPPER_UNBOUNDED: f"De bovengrens van het betrouwbaarheidsinterval is {NOT_BOUNDED}.",
    Code.LARGE: "De schatting is meer dan twintig keer het waargenomen aantal; wees voorzichtig.",
    Code.BOOT_UNBOUNDED: (
        "{n} van de {total} bootstraptrekkingen hebben geen eindige schatting (tellen als oneindig)."
    ),
    Code.BOOT_TAIL: (
        "De {bound} ligt in het uiterste van de bootstrapverdeling (naar verwachting "
        "{tail} van de {total} trekkingen voorbij de grens); de grens en haar "
        "Monte-Carlofout zijn daardoor onzeker. Meer trekkingen (--n-boot) maken haar preciezer."
    ),
    Code.BCA_ACCELERATION: (
        "De versnelling van het BCa-interval is niet te schatten (een jackknife-schatting is niet "
        "begrensd); het interval gebruikt versnelling 0."
    ),
    Code.BCA_ONE_SIDE: (
        "Alle bootstrapschattingen liggen aan één kant van de schatting; de biascorrectie is begrensd "
        "op een halve trekking."
    ),
    Code.BMA_TAIL: (
        "Een deel van de posterior kans ({mass}) ligt voorbij 10^9 keer het waargenomen aantal; "
        "de bovengrens is niet begrensd."
    ),
    Code.FEW_MODELS: "Slechts {n} modellen voldoen aan de controles; ntop is {n}.",
}
"""Per code the Dutch text of the warning ({name}: a value)."""

LISTS = frozenset({"pairs", "name", "other", "a", "b", "others"})
"""Values that name lists: codes of the reporting organisations (a pair as `a:b`, several with ', ')."""
NUMBERS = frozenset({"n", "total"})
"""Whole numbers (`apart` is one too, or `NOT_BOUNDED`)."""

NO_REASON = "het verborgen aantal is niet bepaald"
REASONS = (
    "de meest aannemelijke schatting bestaat niet (oneindige parameters)",
    "het model is niet identificeerbaar",
    NO_REASON,
)
"""Why a model has no (regular) estimate (`reason`; two reasons joined with ' en ')."""
CHOSEN = ("stapsgewijs", "modelmiddeling")
"""The model named in a list's warning (`chosen`); a model code (`aic`, `bic`) is data."""
BOUNDS = ("ondergrens", "bovengrens")
"""Which bound of an interval (`bound`)."""
WORDS = {"reason": REASONS, "chosen": CHOSEN, "bound": BOUNDS, "apart": (NOT_BOUNDED,)}
"""The Dutch words a value may be."""


def warning(code: Code, **values: object) -> str:
    """The Dutch text of a warning."""
    return TEMPLATES[code].format(**values)


@cache
def _patterns() -> tuple[tuple[Code, re.Pattern[str]], ...]:
    out = []
    for code, template in TEMPLATES.items():
        parts, seen = [], set()
        for literal, field, _spec, _conv in string.Formatter().parse(template):
            parts.append(re.escape(literal))
            if field is None:
                continue
            parts.append(f"(?P={field})" if field in seen else f"(?P<{field}>.+?)")
            seen.add(field)
        out.append((code, re.compile("".join(parts), re.DOTALL)))
    return tuple(out)


def parse(text: str) -> tuple[Code, dict[str, str]] | None:
    """The code and values of a warning's Dutch text (None for a text not written from `TEMPLATES`)."""
    for code, pattern in _patterns():
        found = pattern.fullmatch(text)
        if found is not None:
            return code, found.groupdict()
    return None
