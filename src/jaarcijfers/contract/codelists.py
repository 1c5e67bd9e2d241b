"""The contract's code lists: versioned CSV files in `codelists/`, read with the standard csv module.

Every list is a CSV file `codelists/<name>.csv` with a `code` column (except `artikelen.csv`) and a
Dutch `label` column (`naam` in `landen.csv`); `codelists/SOURCES.md` names the source of each file and
`codelists/VERSION` the version of the set. See docs/codelists.md.

Everything is cached: the files are read at most once per process. Returned mappings are read-only.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

__all__ = [
    "REGIONS",
    "ArticleRule",
    "Country",
    "article_form",
    "article_rules",
    "codes",
    "countries",
    "is_thb_article",
    "labels",
    "parse_article",
    "sector_labels",
    "sectors",
    "version",
]

REGIONS: tuple[str, ...] = ("Nederland", "Europa", "Afrika", "Azië", "Latijns-Amerika", "Overig")

THB_ARTICLES: tuple[str, ...] = ("273f", "273a", "250a", "250ter")


@dataclass(frozen=True)
class Country:
    code: str
    naam: str
    regio: str
    eer: bool
    slug: str


@dataclass(frozen=True)
class ArticleRule:
    artikel: str
    lid: str
    sub: str
    vorm: str


def _text(filename: str) -> str:
    return resources.files("jaarcijfers.contract").joinpath("codelists", filename).read_text(encoding="utf-8")


@lru_cache
def _rows(name: str) -> tuple[Mapping[str, str], ...]:
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"onbekende codelijst: {name!r}")
    try:
        text = _text(f"{name}.csv")
    except FileNotFoundError:
        raise ValueError(f"onbekende codelijst: {name!r}") from None
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    return tuple(MappingProxyType({k: (v or "").strip() for k, v in row.items()}) for row in reader)


@lru_cache
def version() -> str:
    """The version of the shipped set of code lists (`codelists/VERSION`)."""
    return _text("VERSION").strip()


@lru_cache
def countries() -> Mapping[str, Country]:
    """Every country code of the contract (ISO 3166-1 alpha-2, `XK`, `XX`), sorted by code."""
    return MappingProxyType(
        {
            row["code"]: Country(row["code"], row["naam"], row["regio"], row["eer"] == "ja", row["slug"])
            for row in _rows("landen")
        }
    )


@lru_cache
def codes(name: str) -> tuple[str, ...]:
    """The codes of a list (file stem, e.g. `melders`), in file order, each once."""
    rows = _rows(name)
    if rows and "code" not in rows[0]:
        raise ValueError(f"codelijst {name!r} heeft geen kolom 'code'")
    return tuple(dict.fromkeys(row["code"] for row in rows))


@lru_cache
def labels(name: str) -> Mapping[str, str]:
    """Code -> Dutch label (the `naam` column for `landen`)."""
    rows = _rows(name)
    if rows and "code" not in rows[0]:
        raise ValueError(f"codelijst {name!r} heeft geen kolom 'code'")
    column = "naam" if rows and "label" not in rows[0] else "label"
    result: dict[str, str] = {}
    for row in rows:
        result.setdefault(row["code"], row[column])
    return MappingProxyType(result)


@lru_cache
def column(name: str, column: str) -> Mapping[str, str]:
    """Code -> the value of another column of a list (e.g. `om_classificaties`, `vorm`)."""
    rows = _rows(name)
    if rows and ("code" not in rows[0] or column not in rows[0]):
        raise ValueError(f"codelijst {name!r} heeft geen kolom 'code' of {column!r}")
    result: dict[str, str] = {}
    for row in rows:
        result.setdefault(row["code"], row[column])
    return MappingProxyType(result)


@lru_cache
def _sector_table() -> Mapping[str, Mapping[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for row in _rows("comensha_sectoren"):
        table.setdefault(row["vorm"], {})[row["code"]] = row["label"]
    return MappingProxyType({form: MappingProxyType(sec) for form, sec in table.items()})


def sectors(form: str) -> tuple[str, ...]:
    """The CoMensha sectors allowed for a form, in file order; () for forms without sectors and ''."""
    return tuple(_sector_table().get(form, {}))


def sector_labels(form: str) -> Mapping[str, str]:
    """Sector code -> Dutch label for a form; empty for forms without sectors."""
    return _sector_table().get(form, MappingProxyType({}))


@lru_cache
def article_rules() -> tuple[ArticleRule, ...]:
    """The shipped article table (contract rule 8), in file order. Empty `lid`/`sub` = any."""
    return tuple(ArticleRule(r["artikel"], r["lid"], r["sub"], r["vorm"]) for r in _rows("artikelen"))


# --- parsing of `wetsartikel` ------------------------------------------------------------------------

_ARTICLE_RE = re.compile(r"(?<![0-9a-z])(273\s?f|273\s?a|250\s?ter|250\s?a)(?![0-9a-z])", re.IGNORECASE)
_ORDINALS = {
    "eerste": "1",
    "tweede": "2",
    "derde": "3",
    "vierde": "4",
    "vijfde": "5",
    "zesde": "6",
    "zevende": "7",
    "achtste": "8",
    "negende": "9",
}
_SEP = r"[\s,.:;/()-]*"
_LID_RE = re.compile(
    r"^(?:\.(?P<dot>\d+)(?!\d)"  # 273f.1 (notation of the Hoge Raad)
    r"|\s*\((?P<paren>\d+)\)"  # 273f(1)
    rf"|{_SEP}(?:lid|ld\.?)\s*(?P<num>\d+)"  # lid 1
    rf"|{_SEP}(?P<nth>\d+)\s*(?:e|de|ste)\s+lid"  # 1e lid
    rf"|{_SEP}(?P<word>{'|'.join(_ORDINALS)})\s+lid)",  # eerste lid
    re.IGNORECASE,
)
_SUB_WORD = r"(?:sub|subs|onder|ond\.?|ten)"
_SUB_RE = re.compile(
    rf"^{_SEP}(?:aanhef\s*(?:en|&)?\s*)?(?:{_SUB_WORD}\s*|\((?=\d))"
    # Sub numbers are single digits (no THB article has more than 9 subs), so 'sub 4 en 47 Sr' stops at 4.
    r"(?P<subs>[1-9](?!\d)(?:\s*(?:°|⁰|e\b|de\b|\))?\s*(?:,|en|&|/|t/m|-)\s*(?:sub\s*|onder\s*)?[1-9](?!\d))*)",
    re.IGNORECASE,
)
# A law other than the Wetboek van Strafrecht named in the string: then the article is not one of ours.
_OTHER_LAW_RE = re.compile(
    r"\b(?:sv|wvsv|strafvordering|bw|burgerlijk|opiumwet|wwm|wvw|wegenverkeerswet|vw|vreemdelingenwet"
    r"|wed|awr|awb|bes)\b",
    re.IGNORECASE,
)


def _parse(text: str) -> tuple[str, str, tuple[str, ...]] | None:
    if not text:
        return None
    match = _ARTICLE_RE.search(text)
    if match is None or _OTHER_LAW_RE.search(text):
        return None
    artikel = re.sub(r"\s", "", match.group(1)).lower()
    rest = text[match.end() :]
    lid = ""
    lid_match = _LID_RE.match(rest)
    if lid_match:
        word = lid_match.group("word")
        lid = (
            _ORDINALS[word.lower()]
            if word
            else next(g for g in lid_match.group("dot", "paren", "num", "nth") if g)
        )
        rest = rest[lid_match.end() :]
    subs: tuple[str, ...] = ()
    sub_match = _SUB_RE.match(rest)
    if sub_match:
        spec = sub_match.group("subs")
        numbers = [int(n) for n in re.findall(r"\d+", spec)]
        if re.search(r"t/m|-", spec) and len(numbers) == 2 and numbers[0] < numbers[1]:
            numbers = list(range(numbers[0], numbers[1] + 1))
        subs = tuple(dict.fromkeys(str(n) for n in numbers))
    return artikel, str(int(lid)) if lid else "", subs


def parse_article(text: str) -> tuple[str, str, str] | None:
    """Parse a registered `wetsartikel` into (artikel, lid, sub), lower case, numbers without leading
    zeros, '' where absent. Accepts e.g. '273f lid 1 sub 4 Sr', 'art. 273f lid 1 onder 4 Sr',
    'Art. 273f, eerste lid, aanhef en onder 4°, Sr', '273f.1 aanhef en onder 4 Sr', 'Sr 273f', '273F',
    '273f lid 1 sub 4 Sr jo 47 Sr'. When several subs are listed ('sub 1 en 4') sub is ''.
    None when the string names none of 273f, 273a, 250a, 250ter, or names another law (Sv, Opiumwet, ...).
    """
    parsed = _parse(text)
    if parsed is None:
        return None
    artikel, lid, subs = parsed
    return artikel, lid, subs[0] if len(subs) == 1 else ""


def _rule_form(artikel: str, lid: str, sub: str) -> tuple[bool, str | None]:
    """(is THB, form decided by the most specific matching rule)."""
    best: tuple[int, str] | None = None
    for rule in article_rules():
        if rule.artikel != artikel:
            continue
        if rule.lid and rule.lid != lid:
            continue
        if rule.sub and rule.sub != sub:
            continue
        specificity = bool(rule.lid) + bool(rule.sub)
        if best is None or specificity > best[0]:
            best = (specificity, rule.vorm)
    if best is None:
        return False, None
    return True, best[1] or None


def is_thb_article(text: str) -> bool:
    """True if the string is a trafficking article: 273f Sr or a predecessor (273a, 250a, 250ter Sr)."""
    parsed = _parse(text)
    return parsed is not None and _rule_form(parsed[0], parsed[1], "")[0]


def article_form(text: str) -> str | None:
    """The form the article itself decides ('seksueel'), or None (not decided or not a THB article).
    With several subs listed, the form of any sub that decides one (sexual wins, contract rule 8)."""
    parsed = _parse(text)
    if parsed is None:
        return None
    artikel, lid, subs = parsed
    forms = {_rule_form(artikel, lid, sub)[1] for sub in (subs or ("",))} - {None}
    if not forms:
        return None
    for form in ("seksueel", "arbeid", "crimineel", "overig"):
        if form in forms:
            return form
    return sorted(f for f in forms if f)[0]


@lru_cache
def allowed_sectors(vorm: str) -> tuple[str, ...]:
    """Sectors allowed with a comensha form (empty tuple: the sector must be empty)."""
    allowed = tuple(sectors(vorm))
    if vorm == "onbekend" and "nog_niet_gewerkt" not in allowed:
        allowed = (*allowed, "nog_niet_gewerkt")
    return allowed
