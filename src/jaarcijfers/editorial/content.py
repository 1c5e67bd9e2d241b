"""What the Rapporteur's analysts write beside the data (docs/editorial.md, "Content").

The editorial folder of an edition (`DATA/redactie/YYYY/` or `build --redactie DIR`) may hold, besides the
settings of `redactie.toml`:

- `reflectie.md`: the reflection chapter (chapter 3), Markdown;
- boxes (`[[kader]]` in `redactie.toml`: `paragraaf`, `titel`, `bestand` = a Markdown file in the folder),
  shown at the end of a section;
- footnotes (`[[voetnoot]]`: `paragraaf`, `tekst`, optionally `figuur`), numbered per edition;
- quotes of external statements and estimates with their source (`[[citaat]]`: `tekst`, `bron`,
  optionally `paragraaf` and `schatting = true` for an estimate of the number of victims, shown beside
  the edition's own estimate);
- numbers from outside the deliveries used in the analysts' text (`[[extern]]`: `tekst`, `bron`).

The same content in another language than Dutch (for the edition in that language, docs/language.md)
is in a sub-folder named by the language's code, `en/`: its own `redactie.toml` with the content keys and
`onthullingscontrole_reden` only (the settings are the edition's, in the Dutch file), its `reflectie.md`
and its boxes' files. An item there is the counterpart of the Dutch item in the same place: the n-th box
(footnote, quote) of a section in `en/` translates the n-th box (footnote, quote) of that section in the
Dutch file (a footnote also by its figure, a quote also by `schatting`); `paragraaf` names the section by
its Dutch or its English title. An item with a `sleutel` (an optional key) is instead the counterpart of
the Dutch item with the same `sleutel`, wherever it stands in the file (it must be in the same place). A
Dutch item without a counterpart is left out of that edition and named (`missing`, printed by the build);
an item without a Dutch one is an error.

Every file is read as a regular file only (never through a link), with a size limit, as UTF-8
(`contract.safefiles.read_small`); a wrong value is a `UserError` naming the file, the key, the value and
the rule, every problem at once. The numbers in the analysts' text are checked against the edition when
it is built (`story.editorial`): a number that is in no figure or fact is an error unless it is declared
under `[[extern]]` with its source.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from jaarcijfers.editorial.settings import (
    MAX_SETTINGS_SIZE,
    SETTINGS_FILE,
    EditorialSettings,
    parse_settings,
)
from jaarcijfers.errors import UserError

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    from jaarcijfers.language import Language

REFLECTION_FILE = "reflectie.md"
MAX_TEXT_SIZE = 256 * 1024
CONTENT_KEYS = {
    "kader": "een kader bij een paragraaf: paragraaf, titel, bestand (Markdown in de redactiemap)",
    "voetnoot": "een voetnoot bij een paragraaf: paragraaf, tekst, eventueel figuur",
    "citaat": "een citaat of schatting van buiten de levering: tekst, bron, eventueel paragraaf en schatting",
    "extern": "een getal van buiten de levering in de tekst van de redactie: tekst, bron",
}
"""The content keys of `redactie.toml` (arrays of tables), with their meaning (Dutch; docs/editorial.md)."""


@dataclass(frozen=True)
class Box:
    """A box ('kader') attached to a section: a title and Markdown text."""

    section: str
    title: str
    markdown: str
    file: str  # the file it came from (for messages)
    key: str | None = None  # `sleutel`: pairs it with its counterpart in another language


@dataclass(frozen=True)
class Footnote:
    """A footnote attached to a section (and optionally to one of its figures)."""

    section: str
    text: str  # inline Markdown
    figure: str | None = None
    key: str | None = None  # `sleutel`: pairs it with its counterpart in another language


@dataclass(frozen=True)
class Quote:
    """A statement or estimate from outside the deliveries, always shown with its source."""

    text: str  # inline Markdown, as the analyst wrote it ("Naar schatting zijn er jaarlijks zo'n 5.000 …")
    source: str
    section: str | None = None  # the section it belongs to; None: the estimate's section or chapter 3
    estimate: bool = False  # an estimate of the number of victims: shown beside the edition's estimate
    key: str | None = None  # `sleutel`: pairs it with its counterpart in another language


@dataclass(frozen=True)
class External:
    """A number in the analysts' text that comes from outside the deliveries, with its source."""

    text: str  # the number as written ("40-50%", "13%")
    source: str


@dataclass(frozen=True)
class EditorialContent:
    """Everything the editorial folder holds for one edition (all optional)."""

    settings: EditorialSettings = EditorialSettings()
    folder: str | None = None
    reflection: str | None = None  # Markdown of chapter 3
    reflection_file: str | None = None
    boxes: tuple[Box, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    quotes: tuple[Quote, ...] = ()
    externals: tuple[External, ...] = ()
    published_on: dt.date | None = None  # `publicatiedatum`, else the build date (set by `build`)
    language: str = "nl"  # the language the analysts wrote it in
    translations: tuple[EditorialContent, ...] = ()  # the same content in other languages (`en/`)
    missing: tuple[str, ...] = ()  # in a translation: the Dutch items it has no counterpart for (Dutch)

    def translation(self, code: str) -> EditorialContent | None:
        """The content in another language (None: no folder for it; then every item is missing)."""
        return next((t for t in self.translations if t.language == code), None)

    def boxes_of(self, section: str) -> tuple[Box, ...]:
        return tuple(b for b in self.boxes if b.section == section)

    def footnotes_of(self, section: str) -> tuple[Footnote, ...]:
        return tuple(f for f in self.footnotes if f.section == section)

    def quotes_of(self, section: str | None) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if q.section == section and not q.estimate)

    @property
    def estimates(self) -> tuple[Quote, ...]:
        """The external estimates of the number of victims (shown beside the edition's estimate)."""
        return tuple(q for q in self.quotes if q.estimate)


def read_text(path: Path, limit: int = MAX_TEXT_SIZE) -> str:
    """A text file of the editorial folder: a regular file only, at most `limit` bytes, UTF-8."""
    from jaarcijfers.contract.safefiles import FileRefused, read_small

    try:
        return read_small(path, limit).decode("utf-8")
    except FileRefused as exc:
        raise UserError(f"{path}: geen gewoon bestand of groter dan {limit} bytes ({exc.code})") from None
    except FileNotFoundError:
        raise UserError(f"{path} bestaat niet") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path} kan niet gelezen worden als UTF-8-tekst: {exc}") from None


def read_editorial(folder: Path | None, sections: tuple[str, ...]) -> EditorialContent:
    """The settings and content of an editorial folder (empty when there is none). `sections`: the
    section titles a box, footnote or quote may name."""
    if folder is None:
        return EditorialContent()
    import tomllib

    data: dict[str, Any] = {}
    path = folder / SETTINGS_FILE
    if os.path.lexists(path):
        try:
            data = tomllib.loads(read_text(path, MAX_SETTINGS_SIZE))
        except tomllib.TOMLDecodeError as exc:
            raise UserError(f"{path} is geen geldig TOML-bestand: {exc}") from None
    settings_data = {k: val for k, val in data.items() if k not in CONTENT_KEYS}
    settings = parse_settings(settings_data, str(path))
    problems: list[str] = []
    boxes = _boxes(folder, data.get("kader"), sections, problems)
    footnotes = _footnotes(data.get("voetnoot"), sections, problems)
    quotes = _quotes(data.get("citaat"), sections, problems)
    externals = _externals(data.get("extern"), problems)
    if problems:
        raise UserError(f"{path}: " + "; ".join(problems))
    reflection_path = folder / REFLECTION_FILE
    reflection = read_text(reflection_path) if os.path.lexists(reflection_path) else None
    content = EditorialContent(
        settings=settings,
        folder=str(folder),
        reflection=reflection,
        reflection_file=str(reflection_path) if reflection is not None else None,
        boxes=boxes,
        footnotes=footnotes,
        quotes=quotes,
        externals=externals,
        published_on=settings.publication_date,
    )
    from dataclasses import replace

    from jaarcijfers.language import LANGUAGES

    translations = tuple(
        _translation(content, folder / lang.code.value, sections, lang)
        for lang in LANGUAGES
        if not lang.source
    )
    return replace(content, translations=translations)


Item = TypeVar("Item", "Box", "Footnote", "Quote")

TRANSLATED_SETTINGS = ("onthullingscontrole_reden",)
"""The settings a translation's `redactie.toml` holds (the others are the edition's: the Dutch file)."""


def _translation(
    dutch: EditorialContent, folder: Path, sections: tuple[str, ...], lang: Language
) -> EditorialContent:
    """The content of `folder` (`en/`) as the counterpart of the Dutch content: each item matched to the
    Dutch item in the same place (module docstring); the Dutch items without one are `missing`."""
    import tomllib
    from dataclasses import replace

    exists = os.path.lexists(folder)
    if exists and (folder.is_symlink() or not folder.is_dir()):
        raise UserError(f"{folder}: geen gewone map; alleen een gewone map wordt gelezen")
    path = folder / SETTINGS_FILE
    data: dict[str, Any] = {}
    if exists and os.path.lexists(path):
        try:
            data = tomllib.loads(read_text(path, MAX_SETTINGS_SIZE))
        except tomllib.TOMLDecodeError as exc:
            raise UserError(f"{path} is geen geldig TOML-bestand: {exc}") from None
    problems: list[str] = []
    extra = sorted(set(data) - set(CONTENT_KEYS) - set(TRANSLATED_SETTINGS))
    if extra:
        problems.append(
            f"onbekende sleutel(s) {', '.join(extra)}: een vertaling bevat alleen "
            f"{', '.join((*TRANSLATED_SETTINGS, *CONTENT_KEYS))} (de instellingen staan in de Nederlandse "
            f"{SETTINGS_FILE})"
        )
    reason = data.get("onthullingscontrole_reden")
    if reason is not None and (not isinstance(reason, str) or not reason.strip()):
        problems.append("onthullingscontrole_reden moet niet-lege tekst zijn")
        reason = None
    # a section named by its title in the language stands for its Dutch title
    names = {lang.text("section", s): s for s in sections} | {s: s for s in sections}
    keyed = {k: _dutch_sections(data.get(k), names) for k in ("kader", "voetnoot", "citaat")}
    boxes = _boxes(folder, keyed["kader"], sections, problems)
    footnotes = _footnotes(keyed["voetnoot"], sections, problems)
    quotes = _quotes(keyed["citaat"], sections, problems)
    externals = _externals(data.get("extern"), problems)
    missing: list[str] = []
    kept_boxes = _match(dutch.boxes, boxes, lambda b: (b.section,), "kader", missing, problems)
    kept_notes = _match(
        dutch.footnotes, footnotes, lambda f: (f.section, f.figure), "voetnoot", missing, problems
    )
    kept_quotes = _match(dutch.quotes, quotes, lambda q: (q.section, q.estimate), "citaat", missing, problems)
    if problems:
        raise UserError(f"{path}: " + "; ".join(problems))
    if dutch.settings.sdc_reason and reason is None:
        missing.append("de reden van het beleid voor onthullingscontrole (onthullingscontrole_reden)")
    reflection_path = folder / REFLECTION_FILE
    reflection = read_text(reflection_path) if exists and os.path.lexists(reflection_path) else None
    return EditorialContent(
        settings=replace(dutch.settings, sdc_reason=reason),
        folder=str(folder),
        reflection=reflection,
        reflection_file=str(reflection_path) if reflection is not None else None,
        boxes=kept_boxes,
        footnotes=kept_notes,
        quotes=kept_quotes,
        externals=externals,
        published_on=dutch.published_on,
        language=lang.code.value,
        missing=tuple(missing),
    )


def _dutch_sections(value: Any, names: dict[str, str]) -> Any:
    """The tables of a content key with `paragraaf` given by its Dutch title (unknown names unchanged:
    the section check names them)."""
    if not isinstance(value, list):
        return value
    return [
        {**e, "paragraaf": names.get(e["paragraaf"], e["paragraaf"])}
        if isinstance(e, dict) and isinstance(e.get("paragraaf"), str)
        else e
        for e in value
    ]


def _match(
    dutch: tuple[Item, ...],
    other: tuple[Item, ...],
    place: Callable[[Item], Hashable],
    key: str,
    missing: list[str],
    problems: list[str],
) -> tuple[Item, ...]:
    """The items of `other` in the order of their Dutch counterparts; the Dutch items without one are
    named in `missing`, an item without a Dutch one is a problem. An item with a `sleutel` is the
    counterpart of the Dutch item with the same `sleutel` (and must stand in the same place); the others
    by position: the n-th item of a place without a `sleutel` translates the n-th Dutch item of that place
    without one."""
    by_key = {item.key: item for item in other if item.key is not None}
    dutch_keys = {item.key for item in dutch if item.key is not None}
    seen: dict[Hashable, int] = {}
    mine: dict[Hashable, list[Item]] = {}
    for item in other:
        if item.key is None:
            mine.setdefault(place(item), []).append(item)
    out = []
    for item in dutch:
        if item.key is not None:
            found_item = by_key.get(item.key)
            if found_item is None:
                missing.append(f"[[{key}]] {_describe(item)} (sleutel {item.key!r})")
            elif place(found_item) != place(item):
                problems.append(
                    f"[[{key}]] sleutel = {item.key!r}: {_describe(found_item)} staat op een andere plaats "
                    f"dan de Nederlandse tegenhanger ({_describe(item)})"
                )
            else:
                out.append(found_item)
            continue
        k = place(item)
        i = seen.get(k, 0)
        seen[k] = i + 1
        found = mine.get(k, [])
        if i < len(found):
            out.append(found[i])
        else:
            missing.append(f"[[{key}]] {_describe(item)}")
    for item in other:
        if item.key is not None and item.key not in dutch_keys:
            problems.append(f"[[{key}]] sleutel = {item.key!r}: geen Nederlands item met die sleutel")
    for k, items in mine.items():
        for item in items[seen.get(k, 0) :]:
            problems.append(f"[[{key}]] {_describe(item)}: geen Nederlandse tegenhanger op die plaats")
    return tuple(out)


def _describe(item: Box | Footnote | Quote) -> str:
    where = f"bij paragraaf {item.section!r}" if item.section else "bij de schatting of hoofdstuk 3"
    if isinstance(item, Box):
        return f"{item.title!r} {where}"
    if isinstance(item, Footnote) and item.figure:
        where += f", figuur {item.figure}"
    text = item.text if len(item.text) <= 60 else item.text[:57] + "…"
    return f"{text!r} {where}"


def _entries(value: Any, key: str, fields: dict[str, bool], problems: list[str]) -> list[dict[str, Any]]:
    """The tables of `[[key]]`, each with its fields checked (`fields`: name -> required); text fields
    must be non-empty text."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        problems.append(f"{key} moet een lijst van tabellen zijn ([[{key}]])")
        return []
    out = []
    for i, entry in enumerate(value, start=1):
        where = f"[[{key}]] nummer {i}"
        extra = sorted(set(entry) - set(fields))
        if extra:
            problems.append(f"{where}: onbekende sleutel(s) {', '.join(extra)} (bekend: {', '.join(fields)})")
        ok = True
        for name, required in fields.items():
            if name not in entry:
                if required:
                    problems.append(f"{where}: {name} ontbreekt")
                    ok = False
                continue
            if name == "schatting":
                if not isinstance(entry[name], bool):
                    problems.append(f"{where}: schatting = {entry[name]!r}: true of false verwacht")
                    ok = False
            elif not isinstance(entry[name], str) or not entry[name].strip():
                problems.append(f"{where}: {name} moet niet-lege tekst zijn")
                ok = False
        if ok:
            out.append(entry)
    return out


def _section(entry: dict[str, Any], key: str, i: int, sections: tuple[str, ...], problems: list[str]) -> bool:
    name = entry.get("paragraaf")
    if name is None or name in sections:
        return True
    problems.append(
        f"[[{key}]] paragraaf = {name!r}: geen paragraaf van het rapport (kies uit {', '.join(sections)})"
    )
    return False


def _boxes(folder: Path, value: Any, sections: tuple[str, ...], problems: list[str]) -> tuple[Box, ...]:
    out = []
    for i, e in enumerate(
        _entries(
            value, "kader", {"paragraaf": True, "titel": True, "bestand": True, "sleutel": False}, problems
        )
    ):
        if not _section(e, "kader", i, sections, problems):
            continue
        name = e["bestand"]
        if Path(name).name != name or name.startswith("."):
            problems.append(
                f"[[kader]] bestand = {name!r}: een bestandsnaam in de redactiemap verwacht (geen pad)"
            )
            continue
        path = folder / name
        if not os.path.lexists(path):
            problems.append(f"[[kader]] bestand = {name!r}: bestaat niet in {folder}")
            continue
        out.append(Box(e["paragraaf"], e["titel"].strip(), read_text(path), str(path), _key(e)))
    _unique_keys(tuple(out), "kader", problems)
    return tuple(out)


def _footnotes(value: Any, sections: tuple[str, ...], problems: list[str]) -> tuple[Footnote, ...]:
    out = []
    fields = {"paragraaf": True, "tekst": True, "figuur": False, "sleutel": False}
    for i, e in enumerate(_entries(value, "voetnoot", fields, problems)):
        if _section(e, "voetnoot", i, sections, problems):
            out.append(Footnote(e["paragraaf"], e["tekst"].strip(), e.get("figuur"), _key(e)))
    _unique_keys(tuple(out), "voetnoot", problems)
    return tuple(out)


def _quotes(value: Any, sections: tuple[str, ...], problems: list[str]) -> tuple[Quote, ...]:
    out = []
    fields = {"tekst": True, "bron": True, "paragraaf": False, "schatting": False, "sleutel": False}
    for i, e in enumerate(_entries(value, "citaat", fields, problems)):
        if _section(e, "citaat", i, sections, problems):
            out.append(
                Quote(
                    e["tekst"].strip(),
                    e["bron"].strip(),
                    e.get("paragraaf"),
                    e.get("schatting", False),
                    _key(e),
                )
            )
    _unique_keys(tuple(out), "citaat", problems)
    return tuple(out)


def _key(entry: dict[str, Any]) -> str | None:
    key = entry.get("sleutel")
    return key.strip() if isinstance(key, str) else None


def _unique_keys(items: tuple[Item, ...], key: str, problems: list[str]) -> None:
    """A `sleutel` names one item of its kind in a file."""
    seen: set[str] = set()
    for item in items:
        if item.key is not None:
            if item.key in seen:
                problems.append(f"[[{key}]] sleutel = {item.key!r} staat er meer dan eens")
            seen.add(item.key)


def _externals(value: Any, problems: list[str]) -> tuple[External, ...]:
    return tuple(
        External(e["tekst"].strip(), e["bron"].strip())
        for e in _entries(value, "extern", {"tekst": True, "bron": True}, problems)
    )
