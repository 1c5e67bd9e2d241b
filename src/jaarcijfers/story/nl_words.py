"""Dutch words for the language-neutral keys of `story.words`, numbers as a Dutch reader writes them, and
the lexicon the checker uses to tie words in a sentence to its claims."""

from __future__ import annotations

from jaarcijfers import dutch
from jaarcijfers.story import words

PARTICIPLES = {
    2: "verdubbeld",
    3: "verdrievoudigd",
    4: "verviervoudigd",
    5: "vervijfvoudigd",
    6: "verzesvoudigd",
    7: "verzevenvoudigd",
    8: "verachtvoudigd",
    9: "vernegenvoudigd",
    10: "vertienvoudigd",
}
QUALIFIER = {"-": "bijna ", "": "", "+": "ruim ", ">": "meer dan "}


def factor_word(key: str) -> str:
    """'x4-' -> 'bijna verviervoudigd', '>x2' -> 'meer dan verdubbeld', '/2' -> 'gehalveerd'."""
    qualifier = ">" if key.startswith(">") else key[-1] if key[-1] in "+-" else ""
    k = words.factor_k(key)
    word = "gehalveerd" if "/" in key else PARTICIPLES[k]
    return QUALIFIER[qualifier] + word


NOUNS = {
    2: "verdubbeling",
    3: "verdrievoudiging",
    4: "verviervoudiging",
    5: "vervijfvoudiging",
    6: "verzesvoudiging",
    7: "verzevenvoudiging",
    8: "verachtvoudiging",
    9: "vernegenvoudiging",
    10: "vertienvoudiging",
}


def factor_noun(key: str) -> str:
    """'x4-' -> 'bijna een verviervoudiging', '/2' -> 'een halvering', '>x2' -> 'meer dan een verdubbeling'."""
    qualifier = ">" if key.startswith(">") else key[-1] if key[-1] in "+-" else ""
    k = words.factor_k(key)
    word = "halvering" if "/" in key else NOUNS[k]
    return QUALIFIER[qualifier] + "een " + word


MAGNITUDE_ADVERB = {"slight": "licht", "moderate": "", "considerable": "flink", "strong": "sterk"}
MAGNITUDE_ADJECTIVE = {"slight": "lichte", "moderate": "", "considerable": "flinke", "strong": "sterke"}

FRACTIONS = {
    "1/2": "de helft",
    "1/3": "een derde",
    "2/3": "twee derde",
    "1/4": "een kwart",
    "3/4": "driekwart",
    "1/5": "een vijfde",
    "2/5": "twee op de vijf",
    "3/5": "drie op de vijf",
    "4/5": "vier op de vijf",
    "1/10": "een op de tien",
    "1/6": "een op de zes",
    "5/6": "vijf op de zes",
}


def fraction_word(key: str) -> str:
    """'1/2+' -> 'ruim de helft', '2/3-' -> 'bijna twee derde', 'nearly_all' -> 'vrijwel alle'."""
    if key == "all":
        return "alle"
    if key == "nearly_all":
        return "vrijwel alle"
    base, q = (key[:-1], key[-1]) if key[-1] in "+-" else (key, "")
    return QUALIFIER[q] + FRACTIONS[base]


NUMBER_WORDS = {
    1: "een",
    2: "twee",
    3: "drie",
    4: "vier",
    5: "vijf",
    6: "zes",
    7: "zeven",
    8: "acht",
    9: "negen",
    10: "tien",
}
ORDINALS = {2: "tweede", 3: "derde", 4: "vierde", 5: "vijfde", 6: "zesde"}


def count(text: str) -> str:
    """A published count as a reader sees it ('1013' -> '1.013'; '<5' stays)."""
    return dutch.count(text)


def unsigned(text: str) -> str:
    """A published change without its sign ('+33%' -> '33%', '-137' -> '137')."""
    return dutch.count(text.lstrip("+-−"))


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def join(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def adjective_predicate(word: str) -> str | None:
    """An inflected adjective as a predicate ('minderjarige' -> 'minderjarig', 'Latijns-Amerikaanse' ->
    'Latijns-Amerikaans'); None for a word that is not such an adjective."""
    if len(word) > 3 and word.endswith(("ige", "lijke", "aanse", "ische", "se")) and " " not in word:
        return word[:-1]
    return None


# The checker's lexicon: a sentence with one of these words must carry a claim of one of the kinds.
UP_WORDS = (
    "gestegen",
    "steeg",
    "stijging",
    "toegenomen",
    "toename",
    "nam toe",
    "groeide",
    "liep op",
    "opgelopen",
)
DOWN_WORDS = (
    "gedaald",
    "daalde",
    "daling",
    "afgenomen",
    "afname",
    "nam af",
    "slonk",
    "liep terug",
    "teruggelopen",
)
EXTREME_WORDS = (
    "hoogste",
    "laagste",
    "zo hoog",
    "zo laag",
    "niet eerder",
    "hoger lag",
    "lager lag",
    "hoogtepunt",
    "dieptepunt",
)
FACTOR_WORDS = tuple(PARTICIPLES.values()) + ("gehalveerd",)
RANK_WORDS = (
    "grootste groep",
    "talrijkst",
    "de meeste",
    "het hoogst",
    "het laagst",
    "het vaakst",
    "het minst vaak",
)
