"""The languages of the publication and everything that depends on one: its locale (numbers and dates
formatted by Babel, CLDR), and its words (the message catalogue of the language, a gettext `.po` file
in `locales/`, read with Babel's reader: no compile step, no network, deterministic).

Dutch is the language the project writes its words in (the figure catalogue, the renderers' templates):
the Dutch edition uses them as they are. Another language's words come from its catalogue, looked up by
a key that names what the words are for (`figure.5.title`, `label.victim_vorm.arbeid`) or, for the fixed
text of a renderer, by the Dutch source text (gettext's `msgid`). A translation whose Dutch source no
longer matches is not used (the test of the catalogues names it: docs/language.md).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

LOCALES = Path(__file__).parent / "locales"
"""The message catalogues: `locales/<code>.po` for every language but Dutch."""


class LanguageCode(StrEnum):
    NL = "nl"
    EN = "en"


class MissingTranslation(LookupError):
    """A word of the publication without a translation in the language's catalogue."""


@dataclass(frozen=True)
class Language:
    """One language of the publication: its code, its CLDR locale and its `hreflang`."""

    code: LanguageCode
    locale: str  # CLDR: nl_NL, en_GB

    @property
    def source(self) -> bool:
        """The language the project's words are written in (Dutch): no catalogue needed."""
        return self.code == LanguageCode.NL

    # --- numbers and dates ----------------------------------------------------------------------------
    def integer(self, n: int) -> str:
        """A whole number in the locale's notation: 1013 -> '1.013' (nl), '1,013' (en)."""
        from babel.numbers import format_decimal

        return format_decimal(n, locale=_babel_locale(self.locale))

    def whole(self, x: float) -> str:
        """A number rounded half away from zero (`numbers.round_half_up`), in the locale's notation."""
        from jaarcijfers.numbers import round_half_up

        return self.integer(round_half_up(x))

    def count(self, display: str) -> str:
        """A published value as a reader of the language sees it: a plain count gets its thousands
        separator; any other published string ('<5', 'x', '52%', '+9%', '') is shown as published."""
        return self.integer(int(display)) if display.isdigit() else display

    def date(self, d: datetime.date) -> str:
        """A date as a reader writes it: '12 juni 2025' (nl), '12 June 2025' (en)."""
        from babel.dates import format_date

        return format_date(d, "d MMMM y", locale=_babel_locale(self.locale))

    # --- words ----------------------------------------------------------------------------------------
    def gettext(self, source: str) -> str:
        """The fixed text of a renderer in this language (gettext: the Dutch text is the `msgid`)."""
        if self.source:
            return source
        found = _catalogue(self.code).get(("", source))
        if not found:
            raise MissingTranslation(f"{self.code}: geen vertaling van {source!r}")
        return found

    def text(self, key: str, source: str) -> str:
        """The words for `key` (`msgctxt`) in this language; `source` is the Dutch text (the `msgid`),
        which the translation must have been made from."""
        if self.source:
            return source
        found = _catalogue(self.code).get((key, source))
        if not found:
            raise MissingTranslation(f"{self.code}: geen vertaling voor {key} ({source!r})")
        return found

    def has(self, key: str, source: str) -> bool:
        return self.source or bool(_catalogue(self.code).get((key, source)))


def N_(source: str) -> str:
    """Marks Dutch text that is translated where it is used (`lang.gettext(CONSTANT)`), so that the
    catalogues' extraction finds it (docs/language.md)."""
    return source


NL = Language(LanguageCode.NL, "nl_NL")
EN = Language(LanguageCode.EN, "en_GB")
LANGUAGES = (NL, EN)


def language(code: str) -> Language:
    """The language of a code (`nl`, `en`); an unknown code is a user error."""
    for lang in LANGUAGES:
        if lang.code == code:
            return lang
    from jaarcijfers.errors import UserError

    raise UserError(f"onbekende taal {code!r}: kies uit {', '.join(lang.code for lang in LANGUAGES)}")


def languages(text: str) -> tuple[Language, ...]:
    """`--lang nl,en`: the languages named, in order, each once."""
    codes = [c.strip() for c in text.split(",") if c.strip()]
    if not codes:
        from jaarcijfers.errors import UserError

        raise UserError("--lang noemt geen taal: geef bijvoorbeeld nl, en of nl,en")
    return tuple(language(c) for c in dict.fromkeys(codes))


@dataclass(frozen=True)
class Term:
    """A term of the field in a language, the Dutch term it stands for, and what it means."""

    dutch: str
    term: str
    meaning: str


def glossary_path(code: str) -> Path:
    return LOCALES / f"{code}-glossary.csv"


@lru_cache(maxsize=4)
def glossary(lang: Language) -> tuple[Term, ...]:
    """The terminology of a language as the field uses it (`locales/<code>-glossary.csv`: the one place;
    the site shows it and the catalogue's translations use it, tested). Empty for Dutch."""
    if lang.source:
        return ()
    import csv

    with glossary_path(lang.code).open(encoding="utf-8", newline="") as f:
        return tuple(Term(r["nl"], r["term"], r["meaning"]) for r in csv.DictReader(f))


@lru_cache(maxsize=4)
def _babel_locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)


def catalogue_path(code: str) -> Path:
    return LOCALES / f"{code}.po"


@lru_cache(maxsize=4)
def _catalogue(code: str) -> dict[tuple[str, str], str]:
    """(msgctxt or '', msgid) -> msgstr of the language's catalogue (empty and fuzzy entries left out)."""
    from babel.messages.pofile import read_po

    with catalogue_path(code).open("rb") as f:
        catalogue = read_po(f, locale=code)
    out: dict[tuple[str, str], str] = {}
    for m in catalogue:
        if not m.id or m.fuzzy or not isinstance(m.id, str) or not isinstance(m.string, str) or not m.string:
            continue
        out[(m.context or "", m.id)] = m.string
    return out
