"""The Dutch wording of findings: sentence templates with real grammar (docs/narrative.md, "Wording").

Every kind of finding has several templates; `Writer.pick` takes the one used least in the current
chapter (ties broken by a stable hash of the finding, so the choice varies but is deterministic), so no
template is used more than twice in a chapter when there are enough of them. A paragraph names its
period once: its first sentence says which years are compared, the sentences after it do not repeat
them (`Para`). Numbers are the published strings (`nl_words.count`); words about numbers come from the
findings' claims (factor, magnitude, fraction words never overstate: `story.words`).
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from jaarcijfers.edition.model import Edition
from jaarcijfers.story import nl_words as w
from jaarcijfers.story.model import Change, ClaimKind, Finding, FindingKind, Ref, Sentence, Series
from jaarcijfers.story.published import Values
from jaarcijfers.story.words import shared_start

UP: dict[str, Any] = {
    "past": "steeg",
    "perf": "is gestegen",
    "noun": "stijging",
    "noun2": "toename",
    "more": "meer",
    "comp": "hoger",
    "run": ("liep", "op"),
    "grow": "groeide",
    "take": ("nam", "toe"),
    "sub": "toenam",
    "pres": "stijgt",
    "pres2": ("neemt", "toe"),
    "kop": "Meer",
    "rec": "hoogste",
    "rec_adj": "hoog",
    "size": "groot",
    "headrec": "Hoogste",
}
DOWN: dict[str, Any] = {
    "past": "daalde",
    "perf": "is gedaald",
    "noun": "daling",
    "noun2": "afname",
    "more": "minder",
    "comp": "lager",
    "run": ("liep", "terug"),
    "grow": "slonk",
    "take": ("nam", "af"),
    "sub": "afnam",
    "pres": "daalt",
    "pres2": ("neemt", "af"),
    "kop": "Minder",
    "rec": "laagste",
    "rec_adj": "laag",
    "size": "klein",
    "headrec": "Laagste",
}
EVENT_TEMPLATES = frozenset(
    {
        "change.steeg",
        "change.uitop",
        "change.liep",
        "change.factor",
        "change.met",
        "change.groeide",
        "change.laat",
        "change.bedroeg",
        "change.ook",
        "change.daartegenover",
    }
)
"""Templates that read well with a subject counted in times ('het aantal keer dat ...')."""
SOURCE_NAMES = {
    "comensha": "CoMensha",
    "ind": "de IND",
    "emm": "het EMM",
    "om": "het OM",
    "rechtspraak": "de Raad voor de rechtspraak",
}
"""How a sentence names the organisation behind a figure."""
ROUNDED_NOTE = " (afgerond op vijftallen)"
FORM_DIMENSIONS = ("victim_vorm", "victim_sector_seksueel", "victim_sector_arbeid")


@dataclass
class Para:
    """What a paragraph has said so far: the periods it named, its last direction, rounding noted."""

    named: set[str] = field(default_factory=set)
    last_direction: str | None = None
    rounded_noted: bool = False

    @property
    def fresh(self) -> bool:
        return not self.named


@dataclass(frozen=True)
class Opt:
    id: str
    text: str
    names: frozenset[str] = frozenset()


Maker = Callable[[], "list[Opt | None]"]


class Writer:
    def __init__(self, edition: Edition, values: Values) -> None:
        self.e = edition
        self.v = values
        self.Y, self.P = edition.year, edition.year - 1
        self.Y0 = edition.years[0] if edition.years else self.Y - 4
        self.used: Counter[str] = Counter()
        self.openings: Counter[str] = Counter()  # the first words of the sentences of the chapter
        self.register = "report"  # or "summary": chapter 3 says the same findings in other words

    # --- choosing a template ---------------------------------------------------------------------------
    def new_chapter(self) -> None:
        self.used.clear()
        self.openings.clear()

    def pick(self, options: Sequence[Opt | None], key: str) -> Opt:
        opts = [o for o in options if o is not None]
        assert opts, key
        best = min(
            opts,
            key=lambda o: (
                self.used[o.id],
                self.openings[opening(o.text, 4)],
                self.openings[opening(o.text)],
                zlib.crc32(f"{key}|{o.id}".encode()),
            ),
        )
        self.used[best.id] += 1
        self.openings[opening(best.text)] += 1
        self.openings[opening(best.text, 4)] += 1
        return best

    def sentence(self, opt: Opt, f: Finding | None, para: Para | None) -> Sentence:
        if para is not None:
            para.named |= set(opt.names)
        return Sentence(opt.text, opt.id, f.claims if f is not None else (), f.id if f is not None else "")

    # --- numbers and names -----------------------------------------------------------------------------
    def n(self, ref: Ref | None) -> str:
        return w.count(self.v.text(ref) or "") if ref is not None else ""

    def pct(self, ref: Ref | None) -> str | None:
        text = self.v.text(ref) if ref is not None else None
        return w.unsigned(text) if text else None

    def signed(self, ref: Ref | None) -> str | None:
        return self.v.text(ref) if ref is not None else None

    def phrase(self, series: Series) -> str:
        return phrase_of(series, self.Y)

    def axis_dim(self, figure: str, part: str, rows: bool) -> str:
        from jaarcijfers.figures.catalogue import by_id

        spec = by_id().get(figure)
        block = spec.block(part) if spec else None
        if block is None:
            return ""
        return (block.rows if rows else block.columns).dim

    # --- periods ---------------------------------------------------------------------------------------
    def years(self, para: Para) -> tuple[str, str, str, frozenset[str]]:
        """(' in Y', ' in P', 'in P' or 'een jaar eerder', names) for a sentence of the paragraph."""
        if para.fresh:
            return f" in {self.Y}", f" in {self.P}", f"in {self.P}", frozenset({"Y", "P"})
        return "", "", "een jaar eerder", frozenset()

    def window(self, para: Para, figure: str = "") -> tuple[str, frozenset[str]]:
        """'over 2020–2024': the years a figure shows (the first time in a paragraph), then 'over dezelfde
        periode'."""
        if "W" in para.named:
            return "over dezelfde periode", frozenset()
        years = next((f.years for f in self.e.figures if f.id == figure), ())
        first = years[0] if years else self.Y0
        return f"over {first}–{self.Y}", frozenset({"W"})

    # --- the findings ----------------------------------------------------------------------------------
    def write(self, f: Finding, para: Para) -> list[Sentence]:
        kind = f.kind
        if kind in (FindingKind.CHANGE, FindingKind.CROSSING):
            assert f.change is not None
            out = [self.change(f, f.change, para)]
            out += self.tails(f, f.change, para)
        elif kind == FindingKind.DRIVER:
            out = [self.driver(f, para)]
        elif kind == FindingKind.SHARE:
            out = [self.share(f, para)] + self.share_tail(f, para)
        elif kind == FindingKind.CONTRAST:
            out = [self.contrast(f, para)]
        elif kind == FindingKind.CONCENTRATION:
            out = [self.concentration(f, para)]
        elif kind == FindingKind.LARGEST:
            out = [self.largest(f, para)]
        elif kind == FindingKind.TOP:
            out = [self.top(f, para)]
        elif kind == FindingKind.TOP_NEW:
            out = self.top_new(f, para)
        elif kind == FindingKind.TOP_LEFT:
            out = [self.top_left(f, para)]
        elif kind == FindingKind.CONTEXT:
            out = [self.context(f, para)]
        elif kind == FindingKind.NO_DATA:
            out = [self.no_data(f, para)]
        else:
            return []
        if "herzien" in f.tags:
            out.append(
                self.sentence(
                    self.pick(
                        [
                            Opt(
                                "herzien.1",
                                "Een van deze cijfers is herzien ten opzichte van een eerdere editie.",
                            ),
                            Opt(
                                "herzien.2",
                                "Dit cijfer wijkt af van wat een eerdere editie publiceerde: het is herzien.",
                            ),
                        ],
                        f.id,
                    ),
                    f,
                    para,
                )
            )
        return out

    def _rounded(self, ch: Change, para: Para) -> str:
        if ch.rounded and not para.rounded_noted:
            para.rounded_noted = True
            return ROUNDED_NOTE
        return ""

    def change(self, f: Finding, ch: Change, para: Para, subject: str | None = None) -> Sentence:
        S = subject or self.phrase(ch.series)
        d = UP if ch.direction == "up" else DOWN
        iny, inp, vs, names = self.years(para)
        a, b = self.n(ch.old), self.n(ch.new)
        rnd = self._rounded(ch, para)
        pct, spct = (self.pct(ch.pct), self.signed(ch.pct)) if ch.new_n else (None, None)
        paren = f" ({spct})" if spct else ""
        if ch.factor:  # a factor word says a large change better than its percentage
            paren = f", {w.factor_noun(ch.factor)}"
            pct = None
        diff = self.pct(ch.diff)
        adv = "" if ch.factor else w.MAGNITUDE_ADVERB[ch.magnitude]
        adj = w.MAGNITUDE_ADJECTIVE[ch.magnitude]
        adv_ = f" {adv}" if adv else ""
        adj_ = f"{adj} " if adj else ""
        Y, P = self.Y, self.P
        full = para.fresh
        prev = para.last_direction
        para.last_direction = ch.direction
        if ch.mean:
            M = w.cap(S)
            mopts: list[Opt | None]
            if ch.direction == "same":
                mopts = [Opt("mean.gelijk", f"{M} bleef{iny} {b} jaar{rnd}.", names)]
            else:
                mopts = [
                    Opt("mean.1", f"{M} {d['past']} van {a}{inp} naar {b} jaar{iny}{rnd}.", names),
                    Opt("mean.2", f"{M} was{iny} {b} jaar, tegen {a} jaar {vs}{rnd}.", names),
                ]
            return self.sentence(self.pick(mopts, f.id), f, para)
        opts: list[Opt | None]
        if ch.direction == "same":
            opts = [
                Opt("change.gelijk", f"Het aantal {S} bleef{iny} gelijk: {b}{rnd}.", names),
                Opt("change.gelijk2", f"Het aantal {S} was{iny} even groot als {vs}: {b}{rnd}.", names),
            ]
            return self.sentence(self.pick(opts, f.id), f, para)
        if self.register == "summary":
            n = w.NUMBER_WORDS.get(len(ch.window), "")
            record = f", het {d['rec']} aantal in {n} jaar" if ch.extreme and n else ""
            opts = [
                Opt(
                    "sum.change.1",
                    f"Het aantal {S} is{iny} {d['perf'].split()[1]} tot {b}{rnd}{record}{paren}.",
                    names - {"P"},
                ),
                Opt(
                    "sum.change.2",
                    f"Er waren{iny} {d['more']} {S} dan {vs}: {b} tegen {a}{rnd}{record}.",
                    names,
                ),
                Opt(
                    "sum.change.3",
                    f"Het jaar {Y} telde {b} {S}, tegen {a} in {P}{rnd}{record}.",
                    frozenset({"Y", "P"}),
                )
                if full
                else None,
                Opt(
                    "sum.change.4",
                    f"Het aantal {S} ging{iny} van {a} naar {b}{rnd}{record}{paren}.",
                    names - {"P"},
                ),
            ]
            return self.sentence(self.pick(opts, f.id), f, para)
        noun_ok = not S.startswith("keer ")
        if ch.magnitude == "slight" and "stabiel" in f.tags:
            opts_stable = [
                Opt(
                    "change.stabiel1",
                    f"Het aantal {S} bleef{iny} vrijwel gelijk: {b}, tegen {a} {vs}{rnd}.",
                    names,
                ),
                Opt(
                    "change.stabiel2",
                    f"Weinig veranderde het aantal {S}: {b}{iny}, tegen {a} {vs}{rnd}.",
                    names,
                ),
            ]
            return self.sentence(self.pick(list(opts_stable), f.id), f, para)
        opts = [
            Opt(
                "change.steeg",
                f"Het aantal {S} {d['past']}{adv_} van {a}{inp} naar {b}{iny}{rnd}{paren}.",
                names,
            ),
            Opt(
                "change.waren",
                f"In {Y} waren er {b} {S}{rnd}, {diff} {d['more']} dan in {P}{paren}."
                if full
                else f"Het ging om {b} {S}{rnd}, {diff} {d['more']} dan een jaar eerder{paren}.",
                names,
            )
            if diff and noun_ok
            else None,
            Opt(
                "change.uitop",
                f"Het aantal {S} kwam{iny} uit op {b}{rnd}, tegen {a} {vs}"
                + (f": een {adj_}{d['noun']} van {pct}." if pct else "."),
                names,
            ),
            Opt(
                "change.lag",
                f"Met {b} {S} lag het aantal{iny} {pct} {d['comp']} dan {vs}{rnd}.",
                names,
            )
            if pct and noun_ok
            else None,
            Opt(
                "change.sprake",
                f"Bij {S} was er{iny} sprake van een {adj_}{d['noun']}: van {a} naar {b}{rnd}{paren}.",
                names - {"P"},
            ),
            Opt(
                "change.nog",
                f"In {P} ging het nog om {a} {S}; in {Y} waren het er {b}{rnd}."
                if full
                else f"Een jaar eerder ging het nog om {a} {S}, nu om {b}{rnd}.",
                names,
            ),
            Opt(
                "change.liep",
                f"Het aantal {S} {d['run'][0]}{iny} {d['run'][1]} tot {b}{rnd}"
                + (f", {diff} {d['more']} dan {vs}." if diff else f", tegen {a} {vs}."),
                names,
            ),
            Opt("change.ook", f"Ook het aantal {S} {d['perf']}: van {a} naar {b}{rnd}{paren}.")
            if prev == ch.direction and not full
            else None,
            Opt(
                "change.daartegenover",
                f"Daartegenover staat een {adj_}{d['noun']} van het aantal {S}: van {a} naar {b}{rnd}{paren}.",
            )
            if prev is not None and prev != ch.direction and prev != "same" and not full
            else None,
            Opt(
                "change.factor",
                f"Het aantal {S} is{iny} {w.factor_word(ch.factor)}: van {a}{inp} naar {b}{rnd}.",
                names,
            )
            if ch.factor
            else None,
            Opt(
                "change.zien",
                f"Een {adj_}{d['noun']} van {pct} is{iny} te zien bij {S}: van {a} naar {b}{rnd}.",
                names - {"P"},
            )
            if pct
            else None,
            Opt(
                "change.waar",
                f"Waar in {P} nog {a} {S} werden geteld, ging het in {Y} om {b}{rnd}."
                if full
                else f"Was het aantal {S} een jaar eerder nog {a}, nu is het {b}{rnd}.",
                names,
            ),
            Opt(
                "change.met",
                f"Het aantal {S} {d['take'][0]}{iny} met {diff} {d['take'][1]} tot {b}{rnd}.",
                names - {"P"},
            )
            if diff
            else None,
            Opt("change.groeide", f"Het aantal {S} {d['grow']}{iny} van {a} naar {b}{rnd}.", names - {"P"}),
            Opt(
                "change.er",
                f"In {Y} waren er {b} {S}, tegen {a} in {P}{rnd}."
                if full
                else f"Er waren {b} {S}, tegen {a} een jaar eerder{rnd}.",
                names,
            ),
            Opt(
                "change.laat",
                f"Het aantal {S} laat{iny} een {adj_}{d['noun']} zien, van {a} naar {b}{rnd}{paren}.",
                names - {"P"},
            ),
            Opt(
                "change.bedroeg",
                f"Het aantal {S} bedroeg{iny} {b}{rnd}, {diff} {d['more']} dan {vs}{paren}.",
                names,
            )
            if diff
            else None,
            Opt(
                "change.tegenover",
                f"Tegenover {a} {S}{inp} stonden er{iny} {b}{rnd}.",
                names,
            ),
        ]
        if not noun_ok:  # 'keer dat ...': only templates that say 'het aantal keer'
            opts = [o for o in opts if o is not None and o.id in EVENT_TEMPLATES]
        return self.sentence(self.pick(opts, f.id), f, para)

    def tails(self, f: Finding, ch: Change, para: Para) -> list[Sentence]:
        out = []
        d = UP if ch.direction == "up" else DOWN
        if ch.extreme:
            n = w.NUMBER_WORDS.get(len(ch.window), str(len(ch.window)))
            before = w.NUMBER_WORDS.get(len(ch.window) - 1, "")
            rec = "hoogste" if ch.extreme == "max" else "laagste"
            adj = "hoog" if ch.extreme == "max" else "laag"
            comp = "hoger" if ch.extreme == "max" else "lager"
            out.append(
                self.sentence(
                    self.pick(
                        [
                            Opt("record.1", f"Dat is het {rec} aantal in {n} jaar."),
                            Opt("record.2", f"Zo {adj} was het aantal in de afgelopen {n} jaar niet eerder."),
                            Opt("record.3", f"Het is het {rec} aantal van de {n} jaren in dit overzicht."),
                            Opt("record.4", f"In geen van de {before} jaren daarvoor lag het aantal {comp}.")
                            if before
                            else None,
                            Opt(
                                "record.5", f"Daarmee is het {rec} niveau van de afgelopen {n} jaar bereikt."
                            ),
                            Opt(
                                "record.6",
                                f"Het aantal bereikte daarmee een {'hoogtepunt' if ch.extreme == 'max' else 'dieptepunt'} "
                                f"binnen de {n} jaren van dit overzicht.",
                            ),
                            Opt("record.7", f"Over de {n} getoonde jaren is dit het {rec} aantal."),
                        ],
                        f.id,
                    ),
                    f,
                    para,
                )
            )
        if (
            ch.streak_from is not None
            and "stabiel" not in f.tags
            and (not ch.extreme or self.Y - ch.streak_from >= 3)
        ):
            steps = self.Y - ch.streak_from
            ordinal = w.ORDINALS.get(steps + 0, "")
            count = w.NUMBER_WORDS.get(steps, str(steps))
            out.append(
                self.sentence(
                    self.pick(
                        [
                            Opt("streak.1", f"Het is de {ordinal} {d['noun']} op rij.") if ordinal else None,
                            Opt("streak.2", f"Daarmee {d['pres']} het aantal al {count} jaar achter elkaar."),
                            Opt(
                                "streak.3",
                                f"Zo {d['pres2'][0]} het aantal voor het {ordinal} jaar op rij {d['pres2'][1]}.",
                            )
                            if ordinal
                            else None,
                            Opt("streak.4", f"De {d['noun']} van de afgelopen jaren zet daarmee door."),
                            Opt("streak.5", f"Het is het {ordinal} opeenvolgende jaar met een {d['noun']}.")
                            if ordinal
                            else None,
                            Opt("streak.6", f"Al {count} jaar op rij {d['pres']} het aantal."),
                        ],
                        f.id,
                    ),
                    f,
                    para,
                )
            )
        if ch.below_year is not None and not ch.extreme and str(ch.below_year) in para.named:
            out.append(
                self.sentence(
                    self.pick(
                        [Opt("below.zelfde", "Ook dat aantal blijft onder het niveau van dat jaar.")], f.id
                    ),
                    f,
                    para,
                )
            )
        elif ch.below_year is not None and not ch.extreme:
            y = ch.below_year
            out.append(
                self.sentence(
                    self.pick(
                        [
                            Opt("below.1", f"Het blijft wel onder het niveau van {y}.", frozenset({str(y)})),
                            Opt(
                                "below.2", f"Toch ligt het aantal nog lager dan in {y}.", frozenset({str(y)})
                            ),
                            Opt(
                                "below.3",
                                f"Het niveau van {y} is daarmee nog niet terug.",
                                frozenset({str(y)}),
                            ),
                        ],
                        f.id,
                    ),
                    f,
                    para,
                )
            )
        return out

    def detail_name(self, f: Finding) -> str:
        """How a driver names the part of its series that carries the change: a form by its label ('bij
        criminele uitbuiting'), anything else by what tells it apart ('bij minderjarige slachtoffers')."""
        parent, detail = f.change, f.detail
        assert parent is not None and detail is not None
        s = detail.series
        along = f.labels[0] if f.labels else ""
        if s.column and along in ("rows", "columns"):
            category = s.column if along == "rows" else s.row
            if self.axis_dim(s.figure, s.part, rows=along == "columns") == "victim_vorm":
                return category.lower()
        return relative(self.phrase(s), self.phrase(parent.series))

    def driver(self, f: Finding, para: Para) -> Sentence:
        parent, detail = f.change, f.detail
        assert parent is not None and detail is not None
        PS, DS = self.phrase(parent.series), self.phrase(detail.series)
        name = self.detail_name(f)
        d = UP if parent.direction == "up" else DOWN
        iny, inp, vs, names = self.years(para)
        pa, pb, da, db = self.n(parent.old), self.n(parent.new), self.n(detail.old), self.n(detail.new)
        dx = (
            f", {w.factor_noun(detail.factor)}"
            if detail.factor
            else f" ({self.signed(detail.pct)})"
            if detail.pct
            else ""
        )
        para.last_direction = parent.direction
        if self.register == "summary":
            opts: list[Opt | None] = [
                Opt(
                    "sum.driver.1",
                    f"Het aantal {PS} is{iny} {d['perf'].split()[1]} tot {pb}, vooral door {name}: van {da} naar {db}{dx}.",
                    names - {"P"},
                ),
                Opt(
                    "sum.driver.2",
                    f"Vooral bij {name} {d['past']} het aantal{iny}, van {da} naar {db}{dx}; daarmee {d['past']} ook het aantal {PS}, tot {pb}.",
                    names - {"P"},
                ),
                Opt(
                    "sum.driver.3",
                    f"De {d['noun']} van het aantal {PS}, tot {pb}, is vooral toe te schrijven aan {name}: van {da} naar {db}{dx}.",
                    names - {"P"},
                ),
                Opt(
                    "sum.driver.4",
                    f"Bij {name} {d['past']} het aantal{iny} het sterkst, van {da} naar {db}{dx}; het totaal aantal {PS} kwam uit op {pb}.",
                    names - {"P"},
                ),
            ]
            return self.sentence(self.pick(opts, f.id), f, para)
        opts = [
            Opt(
                "driver.1",
                f"Het aantal {PS} {d['past']} van {pa}{inp} naar {pb}{iny}; die {d['noun']} zit vooral bij "
                f"{name}: van {da} naar {db}{dx}.",
                names,
            ),
            Opt(
                "driver.2",
                f"Achter de {d['noun']} van het aantal {PS} (van {pa}{inp} naar {pb}{iny}) gaat vooral een "
                f"{d['noun2']} bij {name} schuil: van {da} naar {db}{dx}.",
                names,
            ),
            Opt(
                "driver.3",
                f"Dat het aantal {PS}{iny} {d['sub']} (van {pa} naar {pb}), komt vooral door {name}: van {da} "
                f"naar {db}{dx}.",
                names - {"P"},
            ),
            Opt(
                "driver.4",
                f"De {d['noun']} van het aantal {PS}, van {pa}{inp} naar {pb}{iny}, komt vooral voor rekening "
                f"van {name}: van {da} naar {db}{dx}.",
                names,
            ),
            Opt(
                "driver.6",
                f"Van de {d['noun']} van het aantal {PS} (van {pa}{inp} naar {pb}{iny}) komt het grootste deel "
                f"voor rekening van {name}: van {da} naar {db}{dx}.",
                names,
            ),
            Opt(
                "driver.7",
                f"Dat er{iny} {d['more']} {PS} waren dan {vs} ({pb} tegen {pa}), ligt vooral aan {name}: van {da} "
                f"naar {db}{dx}.",
                names,
            ),
            Opt(
                "driver.8",
                f"Vooral het aantal {DS} {d['past']}{iny}: van {da} naar {db}{dx}. Zo {d['past']} ook het totaal "
                f"aantal {PS}, van {pa} naar {pb}.",
                names - {"P"},
            ),
            Opt(
                "driver.5",
                f"Het sterkst {d['past']} het aantal {DS}: van {da}{inp} naar {db}{iny}{dx}. Dat is het grootste "
                f"deel van de {d['noun']} van het aantal {PS}, van {pa} naar {pb}.",
                names,
            ),
        ]
        return self.sentence(self.pick(opts, f.id), f, para)

    def concentration(self, f: Finding, para: Para) -> Sentence:
        """Most of a row's (or column's) units in one cell: said with the cell's own words when its phrase
        is the whole's plus an adjective ('Latijns-Amerikaans') or a qualifier ('met de Nederlandse
        nationaliteit'), with the form for a form ('ging het om criminele uitbuiting'), else generally."""
        row, col, view = f.labels
        fig, part = f.id.split(":")[1], f.id.split(":")[2]
        n, R = self.n(f.refs[0]), self.n(f.refs[1])
        if view == "row":
            W = self.phrase(Series(fig, part, row))
            category, rows_axis = col, False
        else:
            W = self._column_phrase(fig, part, col)
            category, rows_axis = row, True
        M = self.phrase(Series(fig, part, row, col))
        iny, _, _, names = self.years(para)
        names = names - {"P"}
        key = f.word
        everyone = key in ("all", "nearly_all")
        fw = w.fraction_word(key) if key else ""
        # 'twee op de vijf slachtoffers', 'de helft van de slachtoffers', 'alle 71 slachtoffers'
        if key == "all":
            whole, plural = f"alle {n} {W}", True
        elif everyone or " op de " in fw:
            whole, plural = f"{fw} {W} ({n} van de {R})", True
        elif fw:
            whole, plural = f"{fw} van de {W} ({n} van de {R})", False
        else:
            whole, plural = f"{n} van de {R} {W}", True
        verb = "waren" if plural else "was"
        opts: list[Opt | None] = []
        pre = M[: len(M) - len(W)].strip() if M.endswith(W) and M != W else ""
        post = M[len(W) :].strip() if M.startswith(W) and M != W else ""
        pred = w.adjective_predicate(pre) if pre and " " not in pre else None
        if pred:
            opts.append(Opt("conc.adj", f"{w.cap(whole)} {verb}{iny} {pred}.", names))
            if key != "all":
                opts.append(Opt("conc.adj2", f"Van de {R} {W} waren er{iny} {n} {pred}.", names))
        if post:
            first, _, rest = post.partition(" ")
            verbs = {
                "met": ("hadden", "had"),
                "uit": ("kwamen uit", "kwam uit"),
                "gemeld": ("werden gemeld", "werd gemeld"),
            }
            if first in verbs:
                v = verbs[first][0 if plural else 1]
                opts.append(Opt("conc.post", f"{w.cap(whole)} {v}{iny} {rest}.", names))
        if self.axis_dim(fig, part, rows_axis) in FORM_DIMENSIONS:
            opts.append(Opt("conc.vorm", f"Bij {whole} ging het{iny} om {category.lower()}.", names))
            if (
                plural
                and W.startswith("slachtoffers")
                and self.axis_dim(fig, part, rows_axis) == "victim_vorm"
            ):
                opts.append(
                    Opt(
                        "conc.vorm2", f"{w.cap(whole)} {verb}{iny} slachtoffer van {category.lower()}.", names
                    )
                )
        if not opts:
            share = (
                f"{fw} van alle {W}"
                if fw and " op de " not in fw and not everyone
                else "een groot deel van alle " + W
            )
            opts.append(Opt("conc.vormen", f"{w.cap(M)} vormden{iny} {share}: {n} van de {R}.", names))
        return self.sentence(self.pick(opts, f.id), f, para)

    def _column_phrase(self, figure: str, part: str, column: str) -> str:
        from jaarcijfers.figures.catalogue import by_id, label_phrase
        from jaarcijfers.figures.spec import Label

        spec = by_id().get(figure)
        block = spec.block(part) if spec else None
        if block is None:
            return column.lower()
        return label_phrase(block.columns, block.columns.get(column) or Label(column))

    def share(self, f: Finding, para: Para) -> Sentence:
        part, row = f.labels
        fig = f.figure
        S = self.phrase(Series(fig, part, row))
        W = self.total_phrase(fig, part)
        new, old = self.pct(f.refs[0]), self.pct(f.refs[1])
        direction = f.word.split(":")[0]
        d = UP if direction == "gt" else DOWN
        iny, inp, vs, names = self.years(para)
        Y = self.Y
        para.last_direction = "up" if direction == "gt" else "down"
        if self.register == "summary":
            return self.sentence(
                self.pick(
                    [
                        Opt(
                            "sum.share.1", f"Het aandeel {S} kwam{iny} uit op {new}, tegen {old} {vs}.", names
                        ),
                        Opt(
                            "sum.share.2",
                            f"{w.cap(S)} maakten{iny} een {'groter' if direction == 'gt' else 'kleiner'} deel uit van "
                            f"alle {W}: {new} tegen {old}.",
                            names - {"P"},
                        ),
                    ],
                    f.id,
                ),
                f,
                para,
            )
        opts = [
            Opt("share.1", f"Het aandeel {S} {d['past']} van {old}{inp} naar {new}{iny}.", names),
            Opt("share.2", f"{w.cap(S)} maakten{iny} {new} uit van alle {W}, tegen {old} {vs}.", names),
            Opt(
                "share.3",
                f"In {Y} bestond {new} van de {W} uit {S}, tegen {old} in {self.P}."
                if para.fresh
                else f"Van de {W} bestond {new} uit {S}, tegen {old} een jaar eerder.",
                names,
            ),
        ]
        return self.sentence(self.pick(opts, f.id), f, para)

    def share_tail(self, f: Finding, para: Para) -> list[Sentence]:
        parts = f.word.split(":")
        if len(parts) < 2:
            return []
        record = parts[1]
        years = max((len(c.years) for c in f.claims if c.kind == ClaimKind.SHARE_EXTREME), default=0)
        n = w.NUMBER_WORDS.get(years, str(years))
        rec = "hoogste" if record == "max" else "laagste"
        size = "groot" if record == "max" else "klein"
        opt = self.pick(
            [
                Opt("sharerec.1", f"Dat is het {rec} aandeel in {n} jaar."),
                Opt("sharerec.2", f"Zo {size} was het aandeel in de afgelopen {n} jaar niet eerder."),
            ],
            f.id,
        )
        return [self.sentence(opt, f, para)]

    def total_phrase(self, figure: str, part: str) -> str:
        """How a reader names all units of a block (its total row's phrase, else the figure's unit)."""
        import re

        from jaarcijfers.figures.catalogue import by_id, phrase
        from jaarcijfers.figures.spec import Role

        spec = by_id().get(figure)
        if spec is None:
            return "eenheden"
        block = spec.block(part)
        total = next((e for e in block.rows.entries if e.role == Role.TOTAL), None) if block else None
        if total is not None:
            return phrase(spec, total.text)
        return re.split(r";|\(| naar ", spec.unit)[0].strip()

    def contrast(self, f: Finding, para: Para) -> Sentence:
        row, hi, lo = f.labels
        a, b = (
            self.n(f.refs[0]) if f.word == "mean" else self.pct(f.refs[0]),
            (self.n(f.refs[1]) if f.word == "mean" else self.pct(f.refs[1])),
        )
        span, names = self.window(para, f.figure)
        H, L = hi.lower(), lo.lower()
        if f.word == "mean":
            M = self.phrase(Series(f.figure, "jaar", row))
            opts = [
                Opt(
                    "contrast.mean1",
                    f"{w.cap(M)} was {span} het hoogst bij {H} ({a} jaar) en het laagst bij {L} ({b} jaar).",
                    names,
                ),
                Opt(
                    "contrast.mean2",
                    f"Bij {H} lag {M} {span} het hoogst ({a} jaar), bij {L} het laagst ({b} jaar).",
                    names,
                ),
            ]
        else:
            R = self.phrase(Series(f.figure, "jaar", row))
            opts = [
                Opt(
                    "contrast.1",
                    f"{w.cap(span)} was het aandeel {R} het hoogst bij {H} ({a}) en het laagst bij {L} ({b}).",
                    names,
                ),
                Opt(
                    "contrast.2",
                    f"{w.cap(R)} kwamen {span} naar verhouding het vaakst voor bij {H} ({a}) en het minst vaak bij {L} ({b}).",
                    names,
                ),
                Opt(
                    "contrast.3",
                    f"Bij {H} was het aandeel {R} {span} met {a} het grootst; bij {L} was het met {b} het kleinst.",
                    names,
                ),
                Opt(
                    "contrast.4",
                    f"Het aandeel {R} liep {span} uiteen van {a} bij {H} tot {b} bij {L}.",
                    names,
                ),
                Opt(
                    "contrast.5",
                    f"{w.cap(span)} lag het aandeel {R} bij {H} het hoogst, met {a}; bij {L} was het met {b} het laagst.",
                    names,
                ),
            ]
        return self.sentence(self.pick(opts, f.id), f, para)

    def largest(self, f: Finding, para: Para) -> Sentence:
        part, first, second = f.labels
        S1, S2 = self.phrase(Series(f.figure, part, first)), self.phrase(Series(f.figure, part, second))
        n1, n2 = self.n(f.refs[0]), self.n(f.refs[1])
        iny, _, _, names = self.years(para)
        names = names - {"P"}
        if f.word == "count_share":
            share = self.pct(f.refs[2])
            opts = [
                Opt(
                    "largest.share1",
                    f"{w.cap(S1)} vormden{iny} de grootste groep: {n1}, {share} van alle vermeldingen van een vorm.",
                    names,
                ),
                Opt(
                    "largest.share2",
                    f"De grootste groep waren{iny} {S1} ({n1}, {share} van de vermeldingen), gevolgd door {S2} ({n2}).",
                    names,
                ),
            ]
        else:
            opts = [
                Opt(
                    "largest.1",
                    f"{w.cap(S1)} vormden{iny} met {n1} de grootste groep, gevolgd door {S2} ({n2}).",
                    names,
                ),
                Opt(
                    "largest.2",
                    f"De grootste groep waren{iny} {S1} ({n1}); daarna volgden {S2} ({n2}).",
                    names,
                ),
                Opt("largest.3", f"Het talrijkst waren{iny} {S1} ({n1}), vóór {S2} ({n2}).", names),
                Opt(
                    "largest.4",
                    f"Naar omvang stonden{iny} {S1} bovenaan ({n1}), met {S2} ({n2}) op de tweede plaats.",
                    names,
                ),
                Opt(
                    "largest.5",
                    f"{w.cap(S1)} waren{iny} de grootste categorie: {n1}, tegen {n2} {S2}.",
                    names,
                ),
            ]
        return self.sentence(self.pick(opts, f.id), f, para)

    def top(self, f: Finding, para: Para) -> Sentence:
        A, B = f.labels
        n1, n2 = self.n(f.refs[0]), self.n(f.refs[1])
        iny, _, _, names = self.years(para)
        opts = [
            Opt(
                "top.1",
                f"Naar nationaliteit waren{iny} slachtoffers uit {A} het talrijkst ({n1}), gevolgd door slachtoffers uit {B} ({n2}).",
                names - {"P"},
            ),
            Opt(
                "top.2",
                f"{A} was{iny} het land met de meeste slachtoffers ({n1}); daarna volgde {B} met {n2}.",
                names - {"P"},
            ),
        ]
        return self.sentence(self.pick(opts, f.id), f, para)

    def top_new(self, f: Finding, para: Para) -> list[Sentence]:
        names_ = list(f.labels)
        iny, _, vs, names = self.years(para)
        head = self.pick(
            [
                Opt(
                    "topnew.1",
                    f"Nieuw in de top tien van nationaliteiten {'zijn' if len(names_) > 1 else 'is'}{iny} {w.join(names_)}.",
                    names - {"P"},
                ),
                Opt(
                    "topnew.2",
                    f"Tot de tien meest voorkomende nationaliteiten {'behoren' if len(names_) > 1 else 'behoort'}{iny} nu ook {w.join(names_)}.",
                    names - {"P"},
                ),
            ],
            f.id,
        )
        out = [self.sentence(head, f, para)]
        refs = list(f.refs)
        per = 5  # now, before, labour, sexual, two years earlier (an empty Ref when not published)
        for i, name in enumerate(names_):
            now, before, labour, sexual, earlier = refs[i * per : (i + 1) * per]
            has_earlier = earlier.fact and self.v.number(earlier) is not None
            if i == 0:
                text = f"Uit {name} kwamen {self.n(now)} slachtoffers, tegen {self.n(before)} {vs}"
                text += f" en {self.n(earlier)} in {self.Y - 2}." if has_earlier else "."
            else:
                text = f"Uit {name} kwamen er {self.n(now)}, tegen {self.n(before)}"
                text += f" en {self.n(earlier)} in dezelfde jaren." if has_earlier else " een jaar eerder."
            if labour.fact and sexual.fact:
                text += f" Van hen werden er {self.n(labour)} uitgebuit in de arbeid en {self.n(sexual)} seksueel."
            elif labour.fact:
                text += f" Van hen werden er {self.n(labour)} uitgebuit in de arbeid."
            out.append(self.sentence(Opt(f"topnew.land{i % 2}", text), f, para))
        return out

    def top_left(self, f: Finding, para: Para) -> Sentence:
        names_ = list(f.labels)
        ranks = [
            self.v.text(c.refs[0]) or ""
            for c in f.claims
            if c.refs and c.refs[0].fact.startswith("top10_weg_")
        ]
        places = w.join(ranks)
        iny, _, vs, names = self.years(para)
        opts = [
            Opt(
                "topleft.1",
                f"Uit de top tien {'verdwenen' if len(names_) > 1 else 'verdween'} {w.join(names_)}, "
                f"die {vs} nog op plaats {places} {'stonden' if len(names_) > 1 else 'stond'}.",
                names - {"Y"},
            ),
        ]
        return self.sentence(self.pick(opts, f.id), f, para)

    def explanation(self, section: str) -> Sentence | None:
        """What a section's figures count, for a reader new to them (no numbers: not a finding)."""
        text = EXPLANATIONS.get(section)
        return Sentence(text, f"uitleg.{section}", ()) if text else None

    def no_data(self, f: Finding, para: Para) -> Sentence:
        fig = self.e.figure(f.figure)
        source = SOURCE_NAMES.get(fig.source_id, fig.source)
        if f.labels[1]:
            text = f"Over {self.Y} heeft {source} voor {fig.name} geen gegevens aangeleverd; de figuur toont de eerdere jaren."
        else:
            text = f"Voor {fig.name} zijn over de jaren {self.Y0}–{self.Y} geen gegevens van {source} beschikbaar."
        return self.sentence(Opt("nodata.1" if f.labels[1] else "nodata.2", text, frozenset({"Y"})), f, para)

    # --- context facts ----------------------------------------------------------------------------------
    def context(self, f: Finding, para: Para) -> Sentence:
        key = f.template
        x = [self.n(r) for r in f.refs]
        p = [self.pct(r) for r in f.refs]
        iny, inp, vs, names = self.years(para)
        span, wnames = self.window(para, f.figure)
        comp = f.word.split(",") if f.word else []
        less = comp[0] == "lt" if comp else False
        Y = self.Y
        T: dict[str, Callable[[], list[Opt | None]]] = {
            "anoniem": lambda: [
                Opt(
                    "ctx.anoniem.1",
                    f"Naast de geregistreerde slachtoffers ontving CoMensha{iny} {x[0]} anonieme meldingen, tegen {x[1]} {vs}. Of het daarbij om unieke personen gaat, is niet vast te stellen.",
                    names,
                ),
                Opt(
                    "ctx.anoniem.2",
                    f"Daarnaast kwamen er{iny} {x[0]} anonieme meldingen binnen ({x[1]} {vs}); van zulke meldingen is niet te zeggen of het om verschillende slachtoffers gaat.",
                    names,
                ),
            ],
            "overlap_crim_seks": lambda: [
                Opt(
                    "ctx.overlap.1",
                    f"Een slachtoffer kan meer dan één vorm van uitbuiting hebben meegemaakt: {x[0]} slachtoffers werden{iny} zowel crimineel als seksueel uitgebuit, tegen {x[1]} {vs}.",
                    names,
                ),
                Opt(
                    "ctx.overlap.2",
                    f"De combinatie van criminele en seksuele uitbuiting kwam{iny} bij {x[0]} slachtoffers voor ({x[1]} {vs}).",
                    names,
                ),
            ],
            "thuis_escort_aandeel": lambda: [
                Opt(
                    "ctx.thuis.1",
                    f"Van alle slachtoffers van seksuele uitbuiting werd{iny} {p[0]} uitgebuit in de thuisprostitutie en {p[1]} in de escortprostitutie.",
                    names - {"P"},
                ),
                Opt(
                    "ctx.thuis.2",
                    f"In de thuisprostitutie werd{iny} {p[0]} van de slachtoffers van seksuele uitbuiting uitgebuit, in de escortprostitutie {p[1]}.",
                    names - {"P"},
                ),
            ],
            "minderjarig_crim_herkomst": lambda: [
                Opt(
                    "ctx.mcrim.1",
                    f"Van de {x[0]} minderjarige slachtoffers van criminele uitbuiting hadden er{iny} {x[1]} de Nederlandse nationaliteit.",
                    names - {"P"},
                ),
            ],
            "minderjarig_crim_geslacht": lambda: [
                Opt("ctx.mcrimg.1", f"Het ging{iny} om {x[0]} jongens en {x[1]} meisjes.", names - {"P"}),
            ],
            "minderjarig_crim_melders": lambda: [
                Opt(
                    "ctx.mcrimm.1",
                    f"De politie meldde er{iny} {x[0]}, zorgcoördinatoren {x[1]}; een slachtoffer kan door meer dan één organisatie gemeld zijn.",
                    names - {"P"},
                ),
            ],
            "vrouwen_arbeid_sectoren": lambda: [
                Opt(
                    "ctx.vrarb.1",
                    f"Van de vrouwelijke slachtoffers van arbeidsuitbuiting werden er{iny} {x[0]} uitgebuit in huishoudens en {x[1]} in overige arbeid en dienstverlening.",
                    names - {"P"},
                ),
            ],
            "crim_geslacht": lambda: [
                Opt(
                    "ctx.crimg.1",
                    f"Van de slachtoffers van criminele uitbuiting was{iny} {p[0]} man en {p[1]} vrouw.",
                    names - {"P"},
                ),
            ],
            "geslacht_onbekend": lambda: [
                Opt(
                    "ctx.gonb.1", f"Van {x[0]} slachtoffers was{iny} het geslacht niet bekend.", names - {"P"}
                ),
            ],
            "herkomst_aandelen": lambda: [
                Opt(
                    "ctx.herk.1",
                    f"{'In ' + str(Y) + ' had' if para.fresh else 'Zo had'} {p[0]} van de geregistreerde slachtoffers de Nederlandse nationaliteit; {p[1]} kwam uit een ander Europees land, {p[2]} uit Afrika en {p[3]} uit Latijns-Amerika.",
                    names - {"P"},
                ),
            ],
            "combinaties_herkomst": lambda: [
                Opt(
                    "ctx.comb.1",
                    f"Ook combinaties van vormen kwamen{iny} voor: {x[0]} Nederlandse en {x[1]} Afrikaanse slachtoffers werden zowel seksueel als crimineel uitgebuit, en {x[2]} Afrikaanse slachtoffers zowel seksueel als in de arbeid.",
                    names - {"P"},
                ),
            ],
            "b9_aanvragen": lambda: [
                Opt(
                    "ctx.b9.1",
                    f"Een B9-vergunning werd{iny} {x[0]} keer aangevraagd, tegen {x[1]} keer {vs} (afgerond op vijftallen).",
                    names,
                ),
            ],
            "schrijnend": lambda: [
                Opt(
                    "ctx.schrijnend.1",
                    f"Op grond van het schrijnend pad kwamen er{iny} {x[0]} aanvragen binnen; {x[1]} keer werd een vergunning verleend (afgerond op vijftallen).",
                    names - {"P"},
                ),
            ],
            "onderzoeken_gemiddeld": lambda: [
                Opt(
                    "ctx.ozgem.1",
                    f"Politie, KMar en NLA startten{iny} {x[0]} opsporingsonderzoeken naar mensenhandel, {'minder' if less else 'meer'} dan het gemiddelde van {x[1]} per jaar {span}.",
                    names | wnames,
                ),
                Opt(
                    "ctx.ozgem.2",
                    f"Met {x[0]} gestarte opsporingsonderzoeken lag het aantal{iny} {'onder' if less else 'boven'} het gemiddelde van {x[1]} per jaar {span}.",
                    names | wnames,
                ),
            ],
            "verdachten_volwassen": lambda: [
                Opt(
                    "ctx.volw.1",
                    f"Van de verdachten van wie de leeftijd bekend is, was {p[0]} bij de start van het onderzoek meerderjarig.",
                ),
            ],
            "verdachten_nationaliteit_onbekend": lambda: [
                Opt(
                    "ctx.natonb.1",
                    f"Van {x[0]} verdachten was{iny} de nationaliteit onbekend.",
                    names - {"P"},
                ),
            ],
            "om_zaken_politie": lambda: [
                Opt(
                    "ctx.ompol.1",
                    f"Van de {x[1]} ingeschreven zaken kwamen er{iny} {x[0]} van de politie.",
                    names - {"P"},
                ),
            ],
            "om_aandelen_vorm": lambda: [
                Opt(
                    "ctx.omvorm.1",
                    f"{w.cap(span)} ging {p[0]} van de ingeschreven zaken in ieder geval over seksuele uitbuiting, {p[1]} over arbeidsuitbuiting en {p[2]} over criminele of overige uitbuiting.",
                    wnames,
                ),
            ],
            "om_afgehandeld": lambda: [
                Opt(
                    "ctx.omafg.1",
                    f"Het OM handelde{iny} {x[0]} mensenhandelzaken inhoudelijk af, tegen {x[1]} {vs}.",
                    names,
                ),
                Opt(
                    "ctx.omafg.2",
                    f"Inhoudelijk afgehandeld werden er{iny} {x[0]} zaken ({x[1]} {vs}).",
                    names,
                ),
            ],
            "veroordeeld_vijf_jaar": lambda: [
                Opt(
                    "ctx.veroord.1",
                    f"{w.cap(span)} eindigde {p[0]} van de in eerste aanleg afgedane zaken in een veroordeling voor in ieder geval mensenhandel.",
                    wnames,
                ),
            ],
            "hoger_beroep_gemiddeld": lambda: [
                Opt(
                    "ctx.hbgem.1",
                    f"Gemiddeld werd {span} zo'n {x[0]} keer per jaar een mensenhandelzaak in hoger beroep afgedaan; {('in ' + str(Y)) if 'Y' not in para.named else 'het laatste jaar'} was dat {x[1]} keer (afgerond op vijftallen).",
                    wnames | frozenset({"Y"}),
                ),
            ],
            "hoger_beroep_schuldig": lambda: [
                Opt(
                    "ctx.hbschuld.1",
                    f"Ongeveer {p[0]} van de afgedane hoger beroepen eindigde {span} in een schuldigverklaring.",
                    wnames,
                ),
            ],
            "hoger_beroep_ingesteld": lambda: [
                Opt(
                    "ctx.hbinst.1",
                    f"Het hoger beroep werd{iny} {x[0]} keer ingesteld door de verdachte, {x[1]} keer door het OM en {x[2]} keer door beide (afgerond op vijftallen).",
                    names - {"P"},
                ),
            ],
            "cassatie": lambda: [
                Opt(
                    "ctx.cassatie.1",
                    f"Na een hoger beroep volgde {span} in {w.fraction_word(self.v.text(f.refs[0]) or '')} gevallen een cassatieberoep, gemiddeld zo'n {x[1]} per jaar.",
                    wnames,
                )
                if (self.v.text(f.refs[0]) or "") in w.FRACTIONS
                else None,
            ],
            "berecht_leeftijd": lambda: [
                Opt(
                    "ctx.bleeft.1",
                    f"Berechte verdachten waren {span} gemiddeld {x[0]} jaar oud; {p[1]} was minderjarig of adolescent, {p[2]} jonger dan dertig en {p[3]} veertig jaar of ouder.",
                    wnames,
                ),
            ],
            "berecht_geslacht": lambda: [
                Opt(
                    "ctx.bgesl.1",
                    f"Van de berechte verdachten was {span} {p[1]} man en {p[2]} vrouw.",
                    wnames,
                ),
            ],
            "berecht_herkomst": lambda: [
                Opt(
                    "ctx.bherk.1",
                    f"Van de berechte verdachten is {span} {p[1]} in Nederland geboren, {p[2]} in een ander land van de EU, de EER of Zwitserland en {p[3]} elders.",
                    wnames,
                ),
            ],
        }
        if key.startswith("nationaliteiten:"):
            return self.sentence(self.pick(self._nationalities(f, para), f.id), f, para)
        opts = T[key]() if key in T else []
        if not any(opts):
            opts = [Opt(f"ctx.{key}", "")]
        return self.sentence(self.pick(opts, f.id), f, para)

    def _nationalities(self, f: Finding, para: Para) -> list[Opt | None]:
        key = f.template.split(":", 1)[1]
        items = [f"{name} ({self.n(r)})" for name, r in zip(f.labels, f.refs, strict=True)]
        first, rest = items[0], w.join(items[1:])
        iny, _, _, names = self.years(para)
        names = names - {"P"}
        texts = {
            "industrie": f"Bij arbeidsuitbuiting in de industrie ging het{iny} vooral om slachtoffers uit {w.join(items)}.",
            "huishouden": f"In huishoudens kwamen{iny} de meeste slachtoffers uit {first}, gevolgd door {rest}.",
            "intl_seks": f"Bij internationale seksuele uitbuiting waren{iny} {w.join(items)} de meest voorkomende nationaliteiten.",
            "arbeid": f"Bij arbeidsuitbuiting kwamen{iny} de meeste slachtoffers uit {first}, gevolgd door {rest}.",
            "crim": f"Slachtoffers van criminele uitbuiting kwamen{iny} het vaakst uit {first}, daarna uit {rest}.",
            "verdachten": f"Naar nationaliteit ging het bij de verdachten{iny} vooral om {first}, gevolgd door {rest}.",
        }
        return [
            Opt(
                f"nat.{key}",
                texts.get(key, f"De meest voorkomende nationaliteiten waren {w.join(items)}."),
                names,
            )
        ]

    # --- headlines ---------------------------------------------------------------------------------------
    def headline(self, f: Finding) -> Sentence:
        opts = [o for o in self._headlines(f) if o is not None and o.text]
        if not opts:
            opts = [Opt("kop.figuur", w.cap(self.e.figure(f.figure).description))]
        opt = self.pick(list(opts), f.id)
        return Sentence(opt.text, opt.id, f.claims, f.id)

    def _headlines(self, f: Finding) -> list[Opt | None]:
        k = f.kind
        if k in (FindingKind.CHANGE, FindingKind.CROSSING) and f.change is not None:
            ch = f.change
            S = self.phrase(ch.series)
            if ch.direction == "same":
                return [Opt("kop.gelijk", f"Aantal {S} gelijk gebleven")]
            d = UP if ch.direction == "up" else DOWN
            adj = w.MAGNITUDE_ADJECTIVE[ch.magnitude]
            n = w.NUMBER_WORDS.get(len(ch.window), "")
            if ch.mean:
                return [Opt("kop.mean", f"{w.cap(S)} {'gestegen' if ch.direction == 'up' else 'gedaald'}")]
            if ch.magnitude == "slight":
                return [Opt("kop.licht", f"{w.cap(adj)} {d['noun']} van het aantal {S}")]
            return [
                Opt("kop.meer", f"{d['kop']} {S}"),
                Opt(
                    "kop.stijging",
                    f"{w.cap(adj)} {d['noun']} van het aantal {S}"
                    if adj
                    else f"{w.cap(d['noun'])} van het aantal {S}",
                ),
                Opt("kop.factor", f"Aantal {S} {w.factor_word(ch.factor)}") if ch.factor else None,
                Opt("kop.record", f"Aantal {S} op het {d['rec']} niveau in {n} jaar")
                if ch.extreme and n
                else None,
                Opt("kop.toename", f"{w.cap(d['noun2'])} van het aantal {S}"),
                Opt("kop.streak", f"{w.cap(d['noun'])} van het aantal {S} zet door")
                if ch.streak_from is not None
                else None,
                Opt("kop.pct", f"Aantal {S} {self.pct(ch.pct)} {d['comp']}")
                if ch.pct and not ch.factor
                else None,
            ]
        if k == FindingKind.DRIVER and f.change is not None and f.detail is not None:
            d = UP if f.change.direction == "up" else DOWN
            PS, name = self.phrase(f.change.series), self.detail_name(f)
            return [
                Opt("kop.driver1", f"{d['kop']} {PS}, vooral bij {name}"),
                Opt("kop.driver2", f"{w.cap(d['noun'])} van het aantal {PS}, vooral bij {name}"),
                Opt("kop.driver3", f"{w.cap(name)} achter {d['noun']} van het aantal {PS}"),
                Opt("kop.driver4", f"{w.cap(d['noun2'])} van het aantal {PS}, vooral bij {name}"),
            ]
        if k == FindingKind.SHARE:
            part, row = f.labels
            S = self.phrase(Series(f.figure, part, row))
            direction, *rec = f.word.split(":")
            d = UP if direction == "gt" else DOWN
            years = max((len(c.years) for c in f.claims if c.kind == ClaimKind.SHARE_EXTREME), default=0)
            n = w.NUMBER_WORDS.get(years, "") if rec else ""
            return [
                Opt("kop.share1", f"{'Hoger' if direction == 'gt' else 'Lager'} aandeel {S}"),
                Opt(
                    "kop.share2",
                    f"Aandeel {S} {'gestegen' if direction == 'gt' else 'gedaald'} tot {self.pct(f.refs[0])}",
                ),
                Opt("kop.sharerec", f"{d['headrec']} aandeel {S} in {n} jaar") if rec and n else None,
            ]
        if k == FindingKind.CONTRAST:
            row, hi, _ = f.labels
            if f.word == "mean":
                return [
                    Opt(
                        "kop.contrastm",
                        f"{w.cap(self.phrase(Series(f.figure, 'jaar', row)))} het hoogst bij {hi.lower()}",
                    )
                ]
            R = self.phrase(Series(f.figure, "jaar", row))
            return [
                Opt("kop.contrast", f"Aandeel {R} het hoogst bij {hi.lower()}"),
                Opt("kop.contrast2", f"{w.cap(R)} naar verhouding het vaakst bij {hi.lower()}"),
            ]
        if k == FindingKind.CONCENTRATION:
            row, col, view = f.labels
            part = f.id.split(":")[2]
            W = (
                self.phrase(Series(f.figure, part, row))
                if view == "row"
                else self._column_phrase(f.figure, part, col)
            )
            M = self.phrase(Series(f.figure, part, row, col))
            fw = w.fraction_word(f.word) if f.word else "een groot deel"
            return [
                Opt("kop.conc", f"{w.cap(M)}: {fw} van alle {W}"),
                Opt("kop.conc2", f"{w.cap(fw)} van de {W}: {M}") if " op de " not in fw else None,
            ]
        if k == FindingKind.LARGEST:
            part, first, _ = f.labels
            S1 = self.phrase(Series(f.figure, part, first))
            return [
                Opt("kop.largest", f"{w.cap(S1)} de grootste groep"),
                Opt("kop.largest2", f"{w.cap(S1)} het talrijkst"),
                Opt("kop.largest3", f"Grootste groep: {S1}"),
                Opt("kop.largest4", f"Vooral {S1}"),
            ]
        if k == FindingKind.TOP:
            return [Opt("kop.top", f"Meeste slachtoffers uit {f.labels[0]}")]
        if k == FindingKind.TOP_NEW:
            return [Opt("kop.topnew", f"{w.join(list(f.labels))} nieuw in de top tien van nationaliteiten")]
        if k == FindingKind.TOP_LEFT:
            return [Opt("kop.topleft", f"{w.join(list(f.labels))} niet meer in de top tien")]
        if k == FindingKind.CONTEXT:
            p = [self.pct(r) for r in f.refs]
            text = {
                "hoger_beroep_schuldig": f"Schuldigverklaring in ongeveer {p[0]} van de hoger beroepen",
                "cassatie": f"In {w.fraction_word(self.v.text(f.refs[0]) or '')} zaken cassatie na hoger beroep"
                if (self.v.text(f.refs[0]) or "") in w.FRACTIONS
                else "",
                "berecht_geslacht": f"Mannen in de meerderheid: {w.fraction_word(self.v.text(f.refs[0]) or '')} berechte verdachten"
                if (self.v.text(f.refs[0]) or "") in w.FRACTIONS
                else "",
                "berecht_herkomst": f"In Nederland geboren: {w.fraction_word(self.v.text(f.refs[0]) or '')} berechte verdachten"
                if (self.v.text(f.refs[0]) or "") in w.FRACTIONS
                else "",
                "berecht_leeftijd": f"Berechte verdachten gemiddeld {self.n(f.refs[0])} jaar oud",
                "veroordeeld_vijf_jaar": f"Veroordeling in {p[0]} van de afgedane zaken",
            }.get(f.template, "")
            return [Opt(f"kop.ctx.{f.template}", text)] if text else []
        return []


def opening(text: str, words: int = 2) -> str:
    """The first words of a sentence, numbers as '#' (to spread openings over a chapter)."""
    import re

    return " ".join(re.sub(r"\d[\d.,%]*", "#", text).lower().split()[:words])


def merge(row: str, col: str) -> str:
    """One phrase for the units of a crossing cell from the phrases of its row and column, which share
    their head noun: 'minderjarige slachtoffers' + 'slachtoffers van criminele uitbuiting' ->
    'minderjarige slachtoffers van criminele uitbuiting'."""
    rw, cw = row.split(" "), col.split(" ")
    head = next((x for x in rw if x in cw and x.endswith(("slachtoffers", "verdachten", "zaken"))), None)
    if head is None:
        return f"{row} ({col})"
    ri, ci = rw.index(head), cw.index(head)
    pre = [x for x in cw[:ci] + rw[:ri] if x]
    r_post, c_post = rw[ri + 1 :], cw[ci + 1 :]
    common = shared_start(r_post, c_post)
    post = r_post[:common] + c_post[common:] + r_post[common:]
    return " ".join([*pre, head, *post]).strip()


def relative(detail: str, parent: str) -> str:
    """The part of a detail's phrase that tells it apart from its parent's: 'minderjarige slachtoffers van
    criminele uitbuiting' within 'slachtoffers van criminele uitbuiting' -> 'minderjarige slachtoffers';
    'slachtoffers van arbeidsuitbuiting in huishoudens' within 'slachtoffers van arbeidsuitbuiting' ->
    'slachtoffers in huishoudens'."""
    dw, pw = detail.split(" "), parent.split(" ")
    head = next((x for x in dw if x in pw and x.endswith(("slachtoffers", "verdachten", "zaken"))), None)
    if head is None:
        return detail
    di, pi = dw.index(head), pw.index(head)
    pre = [x for x in dw[:di] if x not in pw[:pi]]
    post, ppost = " ".join(dw[di + 1 :]), " ".join(pw[pi + 1 :])
    if ppost and ppost in post:
        post = post.replace(ppost, "", 1)
    return " ".join([*pre, head, *post.split()]).strip()


EXPLANATIONS = {
    "Slachtoffers": (
        "CoMensha registreert meldingen van mogelijke slachtoffers van mensenhandel, afkomstig van onder meer de "
        "politie, de Koninklijke Marechaussee, de Nederlandse Arbeidsinspectie, zorgcoördinatoren en "
        "hulporganisaties. Een slachtoffer telt één keer per jaar mee, ook als meer organisaties het melden; wie "
        "anoniem wordt gemeld, telt niet mee als geregistreerd slachtoffer."
    ),
    "Vormen van mensenhandel": (
        "Mensenhandel kent verschillende vormen: seksuele uitbuiting, arbeidsuitbuiting, criminele uitbuiting "
        "(waaronder gedwongen bedelarij) en gedwongen orgaanverwijdering. Seksuele uitbuiting heet binnenlands "
        "bij een slachtoffer met de Nederlandse nationaliteit en internationaal bij een andere nationaliteit. "
        "Wie meer dan één vorm heeft meegemaakt, telt bij elke vorm mee."
    ),
    "Leeftijd en geslacht": (
        "De leeftijd is die bij de registratie: minderjarig is jonger dan achttien, adolescent achttien tot en met "
        "tweeëntwintig jaar. Bij de uitsplitsing naar vorm telt een slachtoffer bij elke vorm mee."
    ),
    "Herkomst": (
        "Herkomst is hier de nationaliteit van het slachtoffer, gegroepeerd naar regio. Waar iemand is geworven of "
        "uitgebuit, staat niet in de registratie."
    ),
    "Verblijfsrechtelijke bescherming": (
        "Een mogelijk slachtoffer zonder geldige verblijfspapieren krijgt bij de geringste aanwijzing van "
        "mensenhandel bedenktijd: uitstel van vertrek, om tot rust te komen en na te denken over aangifte. Wie "
        "meewerkt aan het strafrechtelijk onderzoek, kan daarna een verblijfsvergunning mensenhandel (B8) krijgen; "
        "later, of bij een vervolging, kan een vergunning voor voortgezet verblijf (B9) volgen. Wie niet kan of wil "
        "meewerken, heeft in uitzonderlijke gevallen het schrijnend pad. De IND levert deze cijfers afgerond op "
        "vijftallen."
    ),
    "Melders": (
        "Een slachtoffer kan door meer dan één organisatie zijn gemeld en telt dan bij elke melder mee. Welke "
        "organisatie meldt, laat zien waar slachtoffers in beeld komen."
    ),
    "Opsporing": (
        "Dit zijn de opsporingsonderzoeken naar mensenhandel die politie, Koninklijke Marechaussee en "
        "Arbeidsinspectie startten, zoals geregistreerd bij het Expertisecentrum Mensenhandel en Mensensmokkel. "
        "Een onderzoek kan meer vormen betreffen; een verdachte telt één keer per startjaar van zijn of haar "
        "onderzoeken."
    ),
    "Vervolging": (
        "Het OM schrijft de zaken in die de opsporingsdiensten aanleveren en handelt ze inhoudelijk af: met een "
        "dagvaarding, waarmee de zaak aan de rechter wordt voorgelegd, met een onvoorwaardelijk sepot, of op een "
        "andere manier. Een zaak wordt vaak in een ander jaar afgehandeld dan ingeschreven."
    ),
    "Berechting in eerste aanleg": (
        "De rechter in eerste aanleg doet zaken af waarin mensenhandel ten laste is gelegd. De uitkomst is een "
        "veroordeling voor in ieder geval mensenhandel, vrijspraak daarvan, of een andere of (nog) onbekende "
        "uitkomst."
    ),
    "Hoger beroep en cassatie": (
        "Tegen een vonnis in eerste aanleg kunnen de verdachte en het OM in hoger beroep gaan bij het gerechtshof. "
        "Na het arrest van het hof staat cassatie open bij de Hoge Raad, die alleen toetst of het recht goed is "
        "toegepast. De Raad voor de rechtspraak levert deze cijfers afgerond op vijftallen."
    ),
    "Leeftijd en geslacht van in eerste aanleg berechte verdachten": (
        "Het gaat om de verdachten in de zaken die de rechter in eerste aanleg afdeed; hun leeftijd is die op de "
        "(eerste) pleegdatum."
    ),
    "Herkomst van in eerste aanleg berechte verdachten": (
        "Herkomst is hier het geboorteland van de berechte verdachte: Nederland, een ander land van de EU, de EER "
        "of Zwitserland, of een land daarbuiten."
    ),
}
"""A short explanation at the head of each section: what its figures count (docs/narrative.md)."""


def phrase_of(series: Series, year: int | None = None) -> str:
    """How a reader names a series: its row's phrase in the figure catalogue; for a cell of a crossing
    (a column that is not the reporting year) the phrases of its row and column merged."""
    from jaarcijfers.figures.catalogue import by_id, label_phrase, phrase
    from jaarcijfers.figures.spec import Label

    spec = by_id().get(series.figure)
    if spec is None:
        return series.row.lower()
    if not series.column or series.column == str(year):
        return phrase(spec, series.row)
    block = spec.block(series.part)
    row = phrase(spec, series.row)
    if block is None:
        return row
    entry = block.columns.get(series.column) or Label(series.column)
    return merge(row, label_phrase(block.columns, entry))
