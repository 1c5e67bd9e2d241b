"""The English wording of findings (docs/language.md, "The English narrative"): English sentence templates
with English grammar for the same findings and the same claims as the Dutch text (`nl.py`).

So far these findings are written in English: the changes of a figure's series (a count of one row of a
year block, from the year before to the reporting year: kind `change`; and of a crossing cell, `crossing`)
with what they mean over the years shown, the change of a series carried mostly by one part of it
(`driver`: "mostly in criminal exploitation"), concentrations (`concentration`: "two thirds of all ...
were male"), the change of a mean age, the largest category of a block (`largest`), share shifts
(`share`), contrasts of a share between forms (`contrast`), a figure without data (`no_data`) and the
first nationalities of Tabel 1 (`top`), with a headline when such a finding leads the figure. The other
kinds (context facts; Tabel 1's new and departed nationalities are told) are Dutch only. The chain, chapter 3
and the press summary are in `en_story`, the estimate in `en_estimate`. Series are named with the
English phrases of the figure catalogue's reader phrases (`locales/en.po`, key `phrase.<dim>.<codes>`). Every sentence carries its finding's claims; the build
checks them against the published files like the Dutch ones (`story.en_check`).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from jaarcijfers.edition.model import Edition
from jaarcijfers.figures.spec import Axis, Label
from jaarcijfers.language import EN, Language
from jaarcijfers.story import en_context, words
from jaarcijfers.story.model import Change, Finding, FindingKind, Ref, Sentence, Series
from jaarcijfers.story.published import Values

MAGNITUDE_ADVERB = {"slight": "slightly", "moderate": "", "considerable": "considerably", "strong": "sharply"}
MULTIPLES = {2: "doubled", 3: "tripled", 4: "quadrupled"}
ORDINALS = {
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    7: "seventh",
    8: "eighth",
    9: "ninth",
}
NUMBER_WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
}
FRACTIONS = {
    "1/2": "half",
    "1/3": "a third",
    "2/3": "two thirds",
    "1/4": "a quarter",
    "3/4": "three quarters",
    "1/5": "a fifth",
    "2/5": "two in five",
    "3/5": "three in five",
    "4/5": "four in five",
    "1/10": "one in ten",
    "1/6": "one in six",
    "5/6": "five in six",
}
QUALIFIERS = {"-": "almost ", "": "", "+": "more than ", ">": "more than "}
FORM_DIMENSIONS = ("victim_vorm", "victim_sector_seksueel", "victim_sector_arbeid")
"""Dimensions whose categories are forms of exploitation (a concentration in one says 'concerned ...')."""


def fraction_words(key: str) -> str:
    """'1/2+' -> 'more than half', '2/3-' -> 'almost two thirds', '3/5' -> 'three in five' ('' unknown)."""
    base, q = (key[:-1], key[-1]) if key and key[-1] in "+-" else (key, "")
    return QUALIFIERS[q] + FRACTIONS[base] if base in FRACTIONS else ""


NUMBERS = {5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def factor_words(key: str) -> str:
    """'x2' -> 'doubled', 'x3-' -> 'almost tripled', '>x2' -> 'more than doubled', 'x6' -> 'grew sixfold',
    '/2' -> 'halved' (the bands of `story.words`: 'x3-' is just under three times, 'x3+' and '>x3' over)."""
    qualifier = (
        "more than " if key.startswith(">") or key.endswith("+") else "almost " if key.endswith("-") else ""
    )
    if "/" in key:
        return qualifier + "halved"
    k = words.factor_k(key)
    if k in MULTIPLES:
        return qualifier + MULTIPLES[k]
    return f"grew {qualifier}{NUMBERS[k]}fold"


@dataclass
class Para:
    """What a paragraph has said so far: whether it named the years compared, whether rounding was noted,
    whether it named the years shown together."""

    named: bool = False
    rounded_noted: bool = False
    window_named: bool = False  # the years shown together ('over 2020–2024') were named


@dataclass(frozen=True)
class Opt:
    id: str
    text: str


@dataclass(frozen=True)
class GroupText:
    """The English text beside one figure: a headline (or none) and its paragraphs."""

    figure: str
    headline: Sentence | None
    paragraphs: tuple[tuple[Sentence, ...], ...]

    def sentences(self) -> list[Sentence]:
        return ([self.headline] if self.headline else []) + [s for p in self.paragraphs for s in p]


@dataclass
class EnglishWriter:
    edition: Edition
    values: Values
    lang: Language = EN
    used: Counter[str] = field(default_factory=Counter)

    @property
    def Y(self) -> int:
        return self.edition.year

    @property
    def P(self) -> int:
        return self.edition.year - 1

    def pick(self, options: Sequence[Opt | None], key: str) -> Opt:
        opts = [o for o in options if o is not None]
        best = min(opts, key=lambda o: (self.used[o.id], zlib.crc32(f"{key}|{o.id}".encode())))
        self.used[best.id] += 1
        return best

    def n(self, ref: Ref | None) -> str:
        return self.lang.count(self.values.text(ref) or "") if ref is not None else ""

    def unsigned(self, ref: Ref | None) -> str | None:
        text = self.values.text(ref) if ref is not None else None
        return text.lstrip("+-") if text else None

    def phrase(self, series: Series) -> str:
        if series.column and series.column != str(self.Y):
            return crossing_phrase(self.lang, series)
        return phrase(self.lang, series)

    def tells(self, f: Finding) -> bool:
        """Whether the finding has an English sentence (see the module's docstring)."""
        ch = f.change
        if f.kind == FindingKind.CHANGE:
            if ch is not None and ch.mean:
                return (
                    not ch.series.column
                    and _has_phrase(self.lang, ch.series)
                    and all((self.values.text(r) or "").isdigit() for r in (ch.old, ch.new))
                )
            return (
                ch is not None and not ch.mean and not ch.series.column and _has_phrase(self.lang, ch.series)
            )
        if f.kind == FindingKind.CROSSING:
            return ch is not None and not ch.mean and bool(crossing_phrase(self.lang, ch.series))
        if f.kind == FindingKind.LARGEST:
            part, first, second = f.labels
            return all(_has_phrase(self.lang, Series(f.figure, part, r)) for r in (first, second))
        if f.kind in (FindingKind.TOP, FindingKind.TOP_NEW, FindingKind.TOP_LEFT):
            return bool(f.labels) and all(_country(self.lang, name) for name in f.labels)
        if f.kind == FindingKind.SHARE:
            part, row = f.labels
            return _has_phrase(self.lang, Series(f.figure, part, row)) and bool(
                self.total_phrase(f.figure, part)
            )
        if f.kind == FindingKind.DRIVER:
            return (
                ch is not None
                and f.detail is not None
                and not ch.mean
                and ch.direction in ("up", "down")
                and (
                    bool(crossing_phrase(self.lang, ch.series))
                    if ch.series.column
                    else _has_phrase(self.lang, ch.series)
                )
                and bool(self.detail_name(f))
            )
        if f.kind == FindingKind.CONCENTRATION:
            return self.concentration_parts(f) is not None
        if f.kind == FindingKind.CONTRAST:
            part = f.id.split(":")[2] if f.word == "mean" else "jaar"
            return _has_phrase(self.lang, Series(f.figure, part, f.labels[0]))
        if f.kind == FindingKind.CONTEXT:
            return bool(self.context(f, Para()))
        return f.kind == FindingKind.NO_DATA

    # --- sentences -------------------------------------------------------------------------------------
    def write(self, f: Finding, para: Para) -> list[Sentence]:
        """The English sentences of a finding ([] when it has none), each with the finding's claims; a
        finding resting on a revised value says so, as the Dutch text does."""
        if not self.tells(f):
            return []
        opts = self.writers()[f.kind](f, para)
        out = [Sentence(o.text, f"en.{o.id}", f.claims, f.id) for o in opts]
        if out and "herzien" in f.tags:
            o = self.pick(
                [
                    Opt("herzien.1", "One of these figures has been revised since an earlier edition."),
                    Opt(
                        "herzien.2",
                        "This figure differs from what an earlier edition published: it was revised.",
                    ),
                ],
                f.id,
            )
            out.append(Sentence(o.text, f"en.{o.id}", f.claims, f.id))
        return out

    def writers(self) -> dict[FindingKind, Callable[[Finding, Para], list[Opt]]]:
        """Per kind of finding its English templates (every `FindingKind` has one; tested)."""
        return {
            FindingKind.CHANGE: self._change_or_mean,
            FindingKind.CROSSING: self._change_or_mean,
            FindingKind.DRIVER: lambda f, para: [self.driver(f, para)],
            FindingKind.SHARE: lambda f, para: (
                [self.share(f, para)] + [o for o in [self.share_record(f)] if o is not None]
            ),
            FindingKind.CONTRAST: lambda f, para: [self.contrast(f, para)],
            FindingKind.LARGEST: lambda f, para: [self.largest(f, para)],
            FindingKind.CONCENTRATION: lambda f, para: [self.concentration(f, para)],
            FindingKind.TOP: lambda f, para: [self.top(f, para)],
            FindingKind.TOP_NEW: self.top_new,
            FindingKind.TOP_LEFT: lambda f, para: [self.top_left(f, para)],
            FindingKind.CONTEXT: lambda f, para: [self.pick(self.context(f, para), f.id)],
            FindingKind.NO_DATA: lambda f, para: [self.no_data(f)],
        }

    def _change_or_mean(self, f: Finding, para: Para) -> list[Opt]:
        assert f.change is not None
        if f.change.mean:
            return [self.mean(f, f.change, para)]
        return [self.change(f, f.change, para), *self.tails(f, f.change)]

    # --- context facts ---------------------------------------------------------------------------------
    def context_words(self, f: Finding, para: Para) -> en_context.Words:
        fresh = not para.named
        named = bool(para.named)
        para.named = True
        years = next((x.years for x in self.edition.figures if x.id == f.figure), ())
        first = years[0] if years else (self.edition.years[0] if self.edition.years else self.Y - 4)
        span = "over the same period" if para.window_named else f"over {first}–{self.Y}"
        para.window_named = True
        texts = [self.values.text(r) or "" for r in f.refs]
        return en_context.Words(
            x=tuple(self.n(r) for r in f.refs),
            p=tuple(t.lstrip("+-") for t in texts),
            fw=tuple(fraction_words(t) for t in texts),
            iny=f" in {self.Y}" if fresh else "",
            vs=f"in {self.P}" if fresh else "a year earlier",
            span=span,
            Y=self.Y,
            named=named,
            comp=f.word.split(",")[0] if f.word else "",
        )

    def context(self, f: Finding, para: Para) -> list[Opt]:
        """The English templates of a context finding ([] when it has none)."""
        family, key = en_context.key_of(f)
        if family == "nationalities":
            countries = [_country(self.lang, name) for name in f.labels]
            if key not in en_context.NATIONALITIES or not all(countries) or len(countries) < 2:
                return []
            iny = self._in_year(para)
            items = tuple(f"{c} ({self.n(r)})" for c, r in zip(countries, f.refs, strict=True))
            return [Opt(f"nat.{key}", en_context.NATIONALITIES[key](items, iny))]
        template = en_context.CONTEXTS.get(key)
        if template is None:
            return []
        return [Opt(i, t) for i, t in template(self.context_words(f, para))]

    def concentration_parts(self, f: Finding) -> tuple[str, str, str, str] | None:
        """(whole, fraction, predicate, key) of a concentration: most of a row's (or column's) units in
        one cell, said as what tells the cell apart from the whole ('were female', 'concerned criminal
        exploitation', 'were aged 23 to 29'); None when it has no English words."""
        from jaarcijfers.edition.translate import label
        from jaarcijfers.figures.catalogue import by_id
        from jaarcijfers.language import MissingTranslation

        if len(f.labels) != 3 or f.id.count(":") < 4:
            return None
        row, col, view = f.labels
        fig, part = f.id.split(":")[1], f.id.split(":")[2]
        spec = by_id().get(fig)
        block = spec.block(part) if spec else None
        if block is None:
            return None
        key = f.word
        fw = "all" if key == "all" else "nearly all" if key == "nearly_all" else fraction_words(key)
        if not fw:
            return None
        if view == "row":
            if not _has_phrase(self.lang, Series(fig, part, row)):
                return None
            whole = phrase(self.lang, Series(fig, part, row))
            category, axis = col, block.columns
        else:
            whole = column_phrase(self.lang, Series(fig, part, row, col))
            category, axis = row, block.rows
        if not whole:
            return None
        if axis.dim in FORM_DIMENSIONS:
            try:
                form = lower(label(self.lang, fig, part, category))
                verb = (
                    "were victims of "
                    if whole.split(" ")[-1] == "victims" or " victims " in whole
                    else "concerned "
                )
                return whole, fw, verb + form, key
            except MissingTranslation:
                return None
        cell = crossing_phrase(self.lang, Series(fig, part, row, col))
        if not cell or cell == whole:
            return None
        if cell.endswith(" " + whole):
            return whole, fw, "were " + cell[: -len(whole)].strip(), key
        if cell.startswith(whole + " "):
            post = cell[len(whole) :].strip()
            first, _, rest = post.partition(" ")
            predicate = {
                "aged": f"were {post}",
                "reported": f"were {post}",
                "with": f"had {rest}",
                "who": f"were {rest.removeprefix('are ')}",
                "from": f"came {post}",
            }.get(first)
            return (whole, fw, predicate, key) if predicate else None
        return None

    def concentration(self, f: Finding, para: Para) -> Opt:
        parts = self.concentration_parts(f)
        assert parts is not None
        W, fw, predicate, key = parts
        n, R = self.n(f.refs[0]), self.n(f.refs[1])
        iny = self._in_year(para)
        if key == "all":
            whole = f"all {n} {W}{iny}"
        elif key == "nearly_all" or " in " in fw:
            whole = f"{fw} {W}{iny} ({n} of {R})"
        else:
            whole = f"{fw} of all {W}{iny} ({n} of {R})"
        options = [Opt("conc.1", f"{cap(whole)} {predicate}.")]
        if key != "all":
            options.append(Opt("conc.2", f"Of the {R} {W}{iny}, {n} {predicate}."))
        return self.pick(options, f.id)

    def top_new(self, f: Finding, para: Para) -> list[Opt]:
        """Nationalities new in Tabel 1's top ten, each with its numbers (this year, the year before, two
        years before when published, and its forms)."""
        names = [_country(self.lang, name) for name in f.labels]
        iny = self._in_year(para)
        many = len(names) > 1
        out = [
            self.pick(
                [
                    Opt(
                        "topnew.1",
                        f"{cap(join_and(names))} {'are' if many else 'is'} new in the top ten nationalities{iny}.",
                    ),
                    Opt("topnew.2", f"{cap(join_and(names))} entered the top ten nationalities{iny}."),
                ],
                f.id,
            )
        ]
        refs = list(f.refs)
        per = 5  # now, before, labour, sexual, two years earlier (an empty Ref when not published)
        for i, name in enumerate(names):
            now, before, labour, sexual, earlier = refs[i * per : (i + 1) * per]
            has_earlier = bool(earlier.fact) and self.values.number(earlier) is not None
            text = f"{cap(name)} accounted for {self.n(now)} presumed victims, compared with {self.n(before)} in {self.P}"
            text += f" and {self.n(earlier)} in {self.Y - 2}." if has_earlier else "."
            if labour.fact and sexual.fact:
                text += (
                    f" Of these, {self.n(labour)} were victims of labour exploitation and {self.n(sexual)} of "
                    "sexual exploitation."
                )
            elif labour.fact:
                text += f" Of these, {self.n(labour)} were victims of labour exploitation."
            out.append(Opt(f"topnew.country{i % 2}", text))
        return out

    def top_left(self, f: Finding, para: Para) -> Opt:
        names = [_country(self.lang, name) for name in f.labels]
        ranks = [
            self.values.text(c.refs[0]) or ""
            for c in f.claims
            if c.refs and c.refs[0].fact.startswith("top10_weg_")
        ]
        many = len(names) > 1
        para.named = True
        return self.pick(
            [
                Opt(
                    "topleft.1",
                    f"{cap(join_and(names))} dropped out of the top ten; in {self.P} {'they' if many else 'it'} "
                    f"ranked {join_and([nth(r) for r in ranks])}.",
                )
            ],
            f.id,
        )

    def mean(self, f: Finding, ch: Change, para: Para) -> Opt:
        """The change of a mean ('the mean age of suspects tried at first instance'), in years as in the
        Dutch text."""
        S = cap(self.phrase(ch.series))
        a, b = self.n(ch.old), self.n(ch.new)
        Y, P = self.Y, self.P
        fresh = not para.named
        para.named = True
        iny, inp = (f" in {Y}", f" in {P}") if fresh else ("", "")
        if ch.direction == "same":
            return self.pick([Opt("mean.same", f"{S} was unchanged{iny}, at {b} years.")], f.id)
        rose = "rose" if ch.direction == "up" else "fell"
        return self.pick(
            [
                Opt("mean.1", f"{S} {rose} from {a}{inp} to {b} years{iny}."),
                Opt(
                    "mean.2",
                    f"{S} was {b} years{iny}, compared with {a} years {f'in {P}' if fresh else 'a year earlier'}.",
                ),
            ],
            f.id,
        )

    def detail_name(self, f: Finding) -> str:
        """Where a driver's change mostly is: 'in criminal exploitation' (a form, by its label), else
        'among' the part of the series, told apart from its parent ('among those in households', 'among
        male victims'); '' when it has no English name."""
        name = self._detail(f)
        if not name:
            return ""
        if name.startswith("="):
            return "in " + name[1:]
        parent = self.phrase(f.change.series) if f.change is not None else ""
        pre, found, post = name.partition(parent) if parent else ("", "", "")
        if found and post.strip():
            return "among those " + post.strip()
        if found and pre.strip():
            head = parent.split(" ")
            noun = next((x for x in head if x in HEADS), head[-1])
            return f"among {pre.strip()} {noun}"
        return "among " + name

    def _detail(self, f: Finding) -> str:
        from jaarcijfers.edition.translate import label
        from jaarcijfers.figures.catalogue import by_id
        from jaarcijfers.language import MissingTranslation

        detail = f.detail
        if detail is None:
            return ""
        s = detail.series
        along = f.labels[0] if f.labels else ""
        if s.column and along in ("rows", "columns"):
            category = s.column if along == "rows" else s.row
            spec = by_id().get(s.figure)
            block = spec.block(s.part) if spec else None
            axis = (block.columns if along == "rows" else block.rows) if block else None
            if axis is not None and axis.dim == "victim_vorm":
                try:
                    return "=" + lower(label(self.lang, s.figure, s.part, category))
                except MissingTranslation:
                    return ""
        if s.column:
            return crossing_phrase(self.lang, s)
        return phrase(self.lang, s) if _has_phrase(self.lang, s) else ""

    def driver(self, f: Finding, para: Para) -> Opt:
        parent, detail = f.change, f.detail
        assert parent is not None and detail is not None
        PS, name = self.phrase(parent.series), self.detail_name(f)
        up = parent.direction == "up"
        rose, rise = ("rose", "rise") if up else ("fell", "fall")
        pa, pb, da, db = self.n(parent.old), self.n(parent.new), self.n(detail.old), self.n(detail.new)
        dx = (
            f" ({factor_words(detail.factor)})"
            if detail.factor
            else f" ({self.values.text(detail.pct)})"
            if detail.pct and self.values.text(detail.pct)
            else ""
        )
        Y, P = self.Y, self.P
        fresh = not para.named
        para.named = True
        when_a, when_b = (f" in {P}", f" in {Y}") if fresh else ("", "")
        return self.pick(
            [
                Opt(
                    "driver.1",
                    f"The number of {PS} {rose} from {pa}{when_a} to {pb}{when_b}, mostly {name}: "
                    f"from {da} to {db}{dx}.",
                ),
                Opt(
                    "driver.2",
                    f"The {rise} in the number of {PS}, from {pa}{when_a} to {pb}{when_b}, was mostly "
                    f"{name}: from {da} to {db}{dx}.",
                ),
                Opt(
                    "driver.3",
                    f"Most of the {rise} in the number of {PS} ({pa}{when_a} to {pb}{when_b}) was {name}, from {da} "
                    f"to {db}{dx}.",
                ),
            ],
            f.id,
        )

    def contrast(self, f: Finding, para: Para) -> Opt:
        from jaarcijfers.edition.translate import label

        row, hi, lo = f.labels
        a, b = self.unsigned(f.refs[0]), self.unsigned(f.refs[1])
        H, L = (lower(label(self.lang, f.figure, "vorm", x)) for x in (hi, lo))
        years = self.edition.figure(f.figure).years
        span = f"over {years[0]}–{years[-1]}" if years and not para.window_named else "over the same period"
        para.window_named = True
        if f.word == "mean":
            M = self.phrase(Series(f.figure, f.id.split(":")[2], row))
            a, b = self.n(f.refs[0]), self.n(f.refs[1])
            return self.pick(
                [
                    Opt(
                        "contrast.mean1",
                        f"{cap(span)}, {M} was highest for {H} ({a} years) and lowest for {L} ({b} years).",
                    ),
                    Opt(
                        "contrast.mean2",
                        f"For {H}, {M} {span} was the highest ({a} years); for {L} it was the lowest ({b} years).",
                    ),
                ],
                f.id,
            )
        R = self.phrase(Series(f.figure, "jaar", row))
        return self.pick(
            [
                Opt(
                    "contrast.1",
                    f"{cap(span)}, the share of {R} was highest for {H} ({a}) and lowest for {L} ({b}).",
                ),
                Opt("contrast.2", f"The share of {R} {span} ranged from {a} for {H} to {b} for {L}."),
                Opt(
                    "contrast.3",
                    f"For {H}, the share of {R} {span} was the largest, at {a}; for {L} it was the smallest, "
                    f"at {b}.",
                ),
            ],
            f.id,
        )

    def no_data(self, f: Finding) -> Opt:
        from jaarcijfers.contract.schema import SOURCE_NAMES
        from jaarcijfers.edition.translate import figure_name

        fig = self.edition.figure(f.figure)
        source = self.lang.text(f"source.{fig.source_id}", SOURCE_NAMES[fig.source_id])
        name = figure_name(self.lang, fig.name)
        if f.labels[1]:
            return Opt(
                "nodata.1",
                f"For {self.Y}, {source} supplied no data for {name}; the figure shows the earlier years.",
            )
        years = self.edition.years
        first = years[0] if years else self.Y - 4
        return Opt("nodata.2", f"No data from {source} are available for {name} for {first}–{self.Y}.")

    def total_phrase(self, figure: str, part: str) -> str:
        """How a sentence names all units of a block: its total row's English phrase, else the English unit
        of the figure up to its first qualification ('' when neither is translated)."""
        from jaarcijfers.figures.catalogue import by_id
        from jaarcijfers.figures.spec import Role

        spec = by_id().get(figure)
        block = spec.block(part) if spec else None
        if spec is None or block is None:
            return ""
        total = next((e for e in block.rows.entries if e.role == Role.TOTAL), None)
        if total is not None and _has_phrase(self.lang, Series(figure, part, total.text)):
            return self.phrase(Series(figure, part, total.text))
        key = f"figure.{figure}.unit"
        if not self.lang.has(key, spec.unit):
            return ""
        return re.split(r";|\(| by ", self.lang.text(key, spec.unit))[0].strip()

    def share(self, f: Finding, para: Para) -> Opt:
        part, row = f.labels
        S = self.phrase(Series(f.figure, part, row))
        W = self.total_phrase(f.figure, part)
        new, old = self.unsigned(f.refs[0]), self.unsigned(f.refs[1])
        up = f.word.split(":")[0] == "gt"
        rose = "rose" if up else "fell"
        Y, P = self.Y, self.P
        fresh = not para.named
        para.named = True
        if fresh:
            options = [
                Opt("share.1", f"The share of {S} {rose} from {old} in {P} to {new} in {Y}."),
                Opt("share.2", f"{cap(S)} made up {new} of all {W} in {Y}, compared with {old} in {P}."),
            ]
        else:
            options = [
                Opt("share.next1", f"The share of {S} {rose} from {old} to {new}."),
                Opt("share.next2", f"{cap(S)} made up {new} of all {W}, compared with {old} a year earlier."),
            ]
        return self.pick(options, f.id)

    def share_record(self, f: Finding) -> Opt | None:
        parts = f.word.split(":")
        if len(parts) < 2:
            return None
        from jaarcijfers.story.model import ClaimKind

        years = max((len(c.years) for c in f.claims if c.kind == ClaimKind.SHARE_EXTREME), default=0)
        n = NUMBER_WORDS.get(years, str(years))
        highest = parts[1] == "max"
        return self.pick(
            [
                Opt("sharerec.1", f"That is the {'highest' if highest else 'lowest'} share in {n} years."),
                Opt(
                    "sharerec.2",
                    f"The share has not been this {'high' if highest else 'low'} in the past {n} years.",
                ),
            ],
            f.id,
        )

    def tails(self, f: Finding, ch: Change) -> list[Opt]:
        """What a change means over the years shown: a record of the window, a run of rises or falls, a
        level not yet back (each claimed by the finding: `EXTREME`, the streak's and the level's claims)."""
        out = []
        up = ch.direction == "up"
        if ch.extreme:
            n = NUMBER_WORDS.get(len(ch.window), str(len(ch.window)))
            rec, adj = ("highest", "high") if ch.extreme == "max" else ("lowest", "low")
            out.append(
                self.pick(
                    [
                        Opt("record.1", f"That is the {rec} number in {n} years."),
                        Opt("record.2", f"The number has not been this {adj} in the past {n} years."),
                        Opt("record.3", f"It is the {rec} of the {n} years in this overview."),
                    ],
                    f.id,
                )
            )
        if (
            ch.streak_from is not None
            and "stabiel" not in f.tags
            and (not ch.extreme or self.Y - ch.streak_from >= 3)
        ):
            steps = self.Y - ch.streak_from
            ordinal = ORDINALS.get(steps, "")
            rise = "rise" if up else "fall"
            out.append(
                self.pick(
                    [
                        Opt("streak.1", f"It is the {ordinal} {rise} in a row.") if ordinal else None,
                        Opt(
                            "streak.2",
                            f"The number has now {'risen' if up else 'fallen'} for "
                            f"{NUMBER_WORDS.get(steps, str(steps))} years running.",
                        ),
                    ],
                    f.id,
                )
            )
        if ch.below_year is not None and not ch.extreme:
            y = ch.below_year
            out.append(
                self.pick(
                    [
                        Opt("below.1", f"It is still below the level of {y}."),
                        Opt("below.2", f"The level of {y} has not yet been reached again."),
                    ],
                    f.id,
                )
            )
        return out

    def _in_year(self, para: Para) -> str:
        """' in 2024' the first time a paragraph names a year, else nothing."""
        fresh = not para.named
        para.named = True
        return f" in {self.Y}" if fresh else ""

    def largest(self, f: Finding, para: Para) -> Opt:
        part, first, second = f.labels
        S1 = self.phrase(Series(f.figure, part, first))
        S2 = self.phrase(Series(f.figure, part, second))
        n1, n2 = self.n(f.refs[0]), self.n(f.refs[1])
        iny = self._in_year(para)
        block = self.edition.figure(f.figure).block(part)
        if iny and block.period == "total":  # a block of the years shown together
            years = self.edition.figure(f.figure).years
            iny = f" in {years[0]}–{years[-1]}" if years else ""
        if f.word == "count_share":
            share = self.unsigned(f.refs[2])
            return self.pick(
                [
                    Opt(
                        "largest.share1",
                        f"{cap(S1)} were the largest group{iny}: {n1}, {share} of all forms reported.",
                    ),
                    Opt(
                        "largest.share2",
                        f"The largest group{iny} were {S1} ({n1}, {share} of the forms reported), followed by "
                        f"{S2} ({n2}).",
                    ),
                ],
                f.id,
            )
        return self.pick(
            [
                Opt("largest.1", f"{cap(S1)} were the largest group{iny} ({n1}), followed by {S2} ({n2})."),
                Opt("largest.2", f"The largest group{iny} were {S1} ({n1}); next came {S2} ({n2})."),
                Opt("largest.3", f"{cap(S1)} outnumbered all others{iny} ({n1}), ahead of {S2} ({n2})."),
            ],
            f.id,
        )

    def top(self, f: Finding, para: Para) -> Opt:
        A, B = (_country(self.lang, name) for name in f.labels)
        n1, n2 = self.n(f.refs[0]), self.n(f.refs[1])
        iny = self._in_year(para)
        return self.pick(
            [
                Opt(
                    "top.1",
                    f"By nationality, most presumed victims{iny} came from {A} ({n1}), followed by {B} ({n2}).",
                ),
                Opt(
                    "top.2",
                    f"{A} was the country with the most presumed victims{iny} ({n1}); {B} came next with {n2}.",
                ),
            ],
            f.id,
        )

    def change(self, f: Finding, ch: Change, para: Para) -> Opt:
        S = self.phrase(ch.series)
        a, b = self.n(ch.old), self.n(ch.new)
        up = ch.direction == "up"
        rose, more, higher = ("rose", "more", "higher") if up else ("fell", "fewer", "lower")
        rnd = ""
        if ch.rounded and not para.rounded_noted:
            para.rounded_noted, rnd = True, " (rounded to multiples of five)"
        pct, spct = (self.unsigned(ch.pct), self.values.text(ch.pct)) if ch.pct and ch.new_n else (None, None)
        diff = self.unsigned(ch.diff)
        paren = f" ({spct})" if spct else ""
        adverb = MAGNITUDE_ADVERB.get(ch.magnitude, "")
        adv = f" {adverb}" if adverb and not ch.factor else ""
        Y, P = self.Y, self.P
        fresh = not para.named
        para.named = True
        if ch.direction == "same":
            return self.pick(
                [
                    Opt("same.1", f"The number of {S} was unchanged{f' in {Y}' if fresh else ''}: {b}{rnd}."),
                    Opt(
                        "same.2",
                        f"There were as many {S} in {Y} as in {P}: {b}{rnd}."
                        if fresh
                        else f"There were as many {S} as a year earlier: {b}{rnd}.",
                    ),
                ],
                f.id,
            )
        if ch.factor:
            grown = factor_words(ch.factor)
            return self.pick(
                [
                    Opt(
                        "factor.1",
                        f"The number of {S} {grown}, from {a} in {P} to {b} in {Y}{rnd}."
                        if fresh
                        else f"The number of {S} {grown}, from {a} to {b}{rnd}.",
                    )
                ],
                f.id,
            )
        if fresh:
            options: list[Opt | None] = [
                Opt("change.1", f"The number of {S} {rose}{adv} from {a} in {P} to {b} in {Y}{rnd}{paren}."),
                Opt("change.2", f"In {Y} there were {b} {S}{rnd}, {diff} {more} than in {P}{paren}.")
                if diff
                else None,
                Opt("change.3", f"At {b}, the number of {S} was {pct} {higher} in {Y} than in {P}{rnd}.")
                if pct
                else None,
                Opt("change.4", f"{Y} saw {b} {S}, compared with {a} the year before{rnd}{paren}."),
            ]
        else:
            options = [
                Opt("next.1", f"The number of {S} {rose}{adv} from {a} to {b}{rnd}{paren}."),
                Opt("next.2", f"There were {b} {S}, {diff} {more} than a year earlier{rnd}.")
                if diff
                else None,
                Opt(
                    "next.3",
                    f"The number of {S} {'went up' if up else 'went down'} to {b}, from {a}{rnd}{paren}.",
                ),
            ]
        return self.pick(options, f.id)

    def headline(self, f: Finding) -> Sentence | None:
        from jaarcijfers.edition.translate import label

        if not self.tells(f):
            return None
        if f.kind == FindingKind.LARGEST:
            part, first, _second = f.labels
            S1 = self.phrase(Series(f.figure, part, first))
            return Sentence(f"{cap(S1)} the largest group", "en.headline.largest", f.claims, f.id)
        if f.kind == FindingKind.SHARE:
            part, row = f.labels
            S = self.phrase(Series(f.figure, part, row))
            bigger = "Larger" if f.word.startswith("gt") else "Smaller"
            return Sentence(f"{bigger} share of {S}", "en.headline.share", f.claims, f.id)
        if f.kind == FindingKind.CONCENTRATION:
            parts = self.concentration_parts(f)
            assert parts is not None
            W, fw, predicate, _key = parts
            whole = f"{fw} {W}" if fw in ("all", "nearly all") or " in " in fw else f"{fw} of all {W}"
            return Sentence(f"{cap(whole)} {predicate}", "en.headline.concentration", f.claims, f.id)
        if f.kind in (FindingKind.TOP_NEW, FindingKind.TOP_LEFT):
            names = join_and([_country(self.lang, name) for name in f.labels])
            where = (
                "new in the top ten nationalities" if f.kind == FindingKind.TOP_NEW else "out of the top ten"
            )
            return Sentence(f"{cap(names)} {where}", f"en.headline.{f.kind.value}", f.claims, f.id)
        if f.kind == FindingKind.TOP:
            return Sentence(
                f"Most presumed victims from {_country(self.lang, f.labels[0])}",
                "en.headline.top",
                f.claims,
                f.id,
            )
        if f.kind == FindingKind.CONTRAST:
            row, hi, _ = f.labels
            H = lower(label(self.lang, f.figure, "vorm", hi))
            if f.word == "mean":
                M = self.phrase(Series(f.figure, f.id.split(":")[2], row))
                return Sentence(
                    f"{cap(M.removeprefix('the '))} highest for {H}", "en.headline.contrastm", f.claims, f.id
                )
            R = self.phrase(Series(f.figure, "jaar", row))
            return Sentence(f"Share of {R} highest for {H}", "en.headline.contrast", f.claims, f.id)
        if f.kind == FindingKind.CONTEXT:
            family, key = en_context.key_of(f)
            make = en_context.HEADLINES.get(key) if family == "context" else None
            text = make(self.context_words(f, Para())) if make is not None else ""
            return Sentence(text, f"en.headline.ctx.{key}", f.claims, f.id) if text else None
        if f.kind == FindingKind.NO_DATA:
            return None
        assert f.change is not None
        ch = f.change
        S = self.phrase(ch.series)
        if ch.mean:
            higher = "Higher" if ch.direction == "up" else "Lower" if ch.direction == "down" else "Unchanged"
            return Sentence(f"{higher} {S.removeprefix('the ')}", "en.headline.mean", f.claims, f.id)
        if f.kind == FindingKind.DRIVER:
            more = "More" if ch.direction == "up" else "Fewer"
            return Sentence(f"{more} {S}, mostly {self.detail_name(f)}", "en.headline.driver", f.claims, f.id)
        if ch.direction == "same":
            text = f"As many {S} as a year earlier"
        elif ch.factor:
            text = f"Number of {S} {factor_words(ch.factor)}"
        else:
            text = f"{'More' if ch.direction == 'up' else 'Fewer'} {S} in {self.Y}"
        return Sentence(text, "en.headline", f.claims, f.id)


# --- the English text of an edition ---------------------------------------------------------------------
def texts(edition: Edition) -> dict[str, GroupText]:
    """Per figure id the English text beside it, from the findings the Dutch story tells beside it (the
    same selection, `story.select`), in the order they are told; a figure whose findings have no English
    template yet has none."""
    from collections import defaultdict

    from jaarcijfers.story import select
    from jaarcijfers.story.candidates import candidates

    values = Values.of_edition(edition)
    found = select.one_driver_per_series(candidates(edition))
    by_figure: dict[str, list[Finding]] = defaultdict(list)
    for f in found:
        by_figure[f.figure].append(f)
    writer = EnglishWriter(edition, values)
    out = {}
    for fig in edition.figures:
        plan = select.plan_group(fig.id, fig.section, by_figure.get(fig.id, []))
        headline = writer.headline(plan.lead) if plan.lead is not None else None
        para = Para()
        sentences = [s for f in plan.told for s in writer.write(f, para)]
        paragraphs = [tuple(sentences)] if sentences else []
        if plan.no_data is not None:
            paragraphs.append(tuple(writer.write(plan.no_data, Para())))
        if headline or paragraphs:
            out[fig.id] = GroupText(fig.id, headline, tuple(paragraphs))
    return out


# --- series names -----------------------------------------------------------------------------------------
def _entry(series: Series) -> tuple[Axis | None, Label | None]:
    from jaarcijfers.figures.catalogue import by_id

    spec = by_id().get(series.figure)
    block = spec.block(series.part) if spec else None
    if block is None:
        return None, None
    return block.rows, block.rows.get(series.row)


def _mean(series: Series) -> tuple[str, str] | None:
    """(key, Dutch phrase) of a row holding a mean ('de gemiddelde leeftijd van berechte verdachten')."""
    from jaarcijfers.figures.catalogue import by_id

    spec = by_id().get(series.figure)
    block = spec.block(series.part) if spec else None
    for m in block.means if block is not None else ():
        if m.label == series.row:
            return f"phrase.mean.{m.column}", m.phrase
    return None


def _has_phrase(lang: Language, series: Series) -> bool:
    """Whether the series has an English name (a catalogue row whose reader phrase is translated)."""
    from jaarcijfers.edition.translate import label_key
    from jaarcijfers.figures.catalogue import label_phrase

    mean = _mean(series)
    if mean is not None:
        return lang.has(*mean)
    axis, entry = _entry(series)
    if axis is None or entry is None or not axis.dim:
        return False
    key = label_key(axis.dim, entry.codes, entry.role).replace("label.", "phrase.", 1)
    return lang.has(key, label_phrase(axis, entry))


def _country(lang: Language, name: str) -> str:
    """A nationality of Tabel 1 in the language ('' when the code list does not know it)."""
    from jaarcijfers.edition.translate import _country_codes, country
    from jaarcijfers.language import MissingTranslation

    try:
        found = country(lang, name)
    except MissingTranslation:
        return ""
    return f"the {found}" if _country_codes().get(name) in DEFINITE else found


DEFINITE = frozenset(
    {"NL", "GB", "US", "PH", "CZ", "DO", "CF", "GM", "BS", "AE", "CD", "MV", "MH", "SB", "KM"}
)
"""Countries an English sentence names with 'the' ('came from the Netherlands')."""


def nth(number: str) -> str:
    """'1' -> '1st', '8' -> '8th', '12' -> '12th' (a rank; anything else as it is)."""
    if not number.isdigit():
        return number
    n = int(number)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{number}{suffix}"


def join_and(items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = list(items)
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower(text: str) -> str:
    """A label inside a sentence: lower case, abbreviations (OM, NLA) kept."""
    first, _, rest = text.partition(" ")
    if len(first) > 1 and first[1:].lower() != first[1:]:
        return text
    return (first.lower() + (" " + rest if rest else "")).strip()


def phrase_words() -> tuple[tuple[str, str], ...]:
    """Every (key, Dutch phrase) of a row or column of a block that counts codes of a dimension (a year
    block's rows, a crossing's rows and columns) and of its means: the English sentences name series and
    cells with their translation (`phrase.<dim>.<codes>`; the same key may have a phrase per figure, such
    as Figure 4's regions of victims of sexual exploitation)."""
    from jaarcijfers.edition.translate import label_key
    from jaarcijfers.figures.catalogue import CATALOGUE, label_phrase

    out: list[tuple[str, str]] = []
    for fig in CATALOGUE:
        for block in fig.blocks:
            for axis in (block.rows, block.columns):
                if not axis.dim:
                    continue
                for e in axis.entries:
                    key = label_key(axis.dim, e.codes, e.role).replace("label.", "phrase.", 1)
                    out.append((key, label_phrase(axis, e)))
            out += [(f"phrase.mean.{m.column}", m.phrase) for m in block.means]
    return tuple(dict.fromkeys(out))


HEADS = ("victims", "suspects", "cases", "investigations")


def merge(row: str, col: str) -> str:
    """One English phrase for the units of a crossing cell from the phrases of its row and its column, which
    share their head ('presumed victims'): 'Latin American presumed victims' + 'presumed victims of criminal
    exploitation' -> 'Latin American presumed victims of criminal exploitation'; 'presumed victims aged 30 to
    39' + 'presumed victims of labour exploitation' -> 'presumed victims of labour exploitation aged 30 to
    39'; words both say after the head are said once ('presumed victims of sexual exploitation in hotel
    prostitution' + 'Latin American presumed victims of sexual exploitation' -> 'Latin American presumed
    victims of sexual exploitation in hotel prostitution'). '' when they share no head."""
    rw, cw = row.split(" "), col.split(" ")
    end = next((i for i, x in enumerate(rw) if x in HEADS and x in cw), None)
    if end is None:
        return ""
    ce = cw.index(rw[end])
    start = end
    while start > 0 and ce - (end - start) - 1 >= 0 and rw[start - 1] == cw[ce - (end - start) - 1]:
        start -= 1
    cs = ce - (end - start)
    head = rw[start : end + 1]
    pre = cw[:cs] + rw[:start]
    r_post, c_post = rw[end + 1 :], cw[ce + 1 :]
    common = words.shared_start(r_post, c_post)
    return " ".join([*pre, *head, *r_post[:common], *c_post[common:], *r_post[common:]])


def column_phrase(lang: Language, series: Series) -> str:
    """The English phrase of a crossing's column (the units of the column as a whole; '' when it has
    none)."""
    from jaarcijfers.edition.translate import label_key
    from jaarcijfers.figures.catalogue import by_id, label_phrase

    spec = by_id().get(series.figure)
    block = spec.block(series.part) if spec else None
    entry = block.columns.get(series.column) if block is not None else None
    if block is None or entry is None or not block.columns.dim:
        return ""
    key = label_key(block.columns.dim, entry.codes, entry.role).replace("label.", "phrase.", 1)
    dutch = label_phrase(block.columns, entry)
    return lang.text(key, dutch) if lang.has(key, dutch) else ""


def crossing_phrase(lang: Language, series: Series) -> str:
    """How an English sentence names a cell of a crossing ('' when its row or column has no English phrase
    or the two share no head)."""
    from jaarcijfers.edition.translate import label_key
    from jaarcijfers.figures.catalogue import by_id, label_phrase

    spec = by_id().get(series.figure)
    block = spec.block(series.part) if spec else None
    if block is None or not series.column:
        return ""
    entry = block.columns.get(series.column)
    row = Series(series.figure, series.part, series.row)
    if entry is None or not block.columns.dim or not _has_phrase(lang, row):
        return ""
    key = label_key(block.columns.dim, entry.codes, entry.role).replace("label.", "phrase.", 1)
    dutch = label_phrase(block.columns, entry)
    if not lang.has(key, dutch):
        return ""
    return merge(phrase(lang, row), lang.text(key, dutch))


def phrase(lang: Language, series: Series) -> str:
    """How an English sentence names a series: the translation of its Dutch reader phrase."""
    from jaarcijfers.edition.translate import label_key
    from jaarcijfers.figures.catalogue import label_phrase

    mean = _mean(series)
    if mean is not None:
        return lang.text(*mean)
    axis, entry = _entry(series)
    assert axis is not None and entry is not None, series
    key = label_key(axis.dim, entry.codes, entry.role).replace("label.", "phrase.", 1)
    return lang.text(key, label_phrase(axis, entry))
