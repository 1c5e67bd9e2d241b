"""The headline findings of the published 2024 report and of the newspaper article, as data.

Sources (`../shared/seeds/`): the section headlines of chapters 1 and 2 (`kop`), the messages of the
Reflectie (`reflectie`) and the newspaper article (`krant`). Each headline says which finding it is: a
series (figure, part, row and, for a crossing, column) and a direction, or a kind of finding; `support`
is False, with the reason, for a headline the deliveries cannot support (the data are not in the
contract, or the headline contradicts its own text). The evaluation (test_evaluation.py) counts how many
of the supportable ones are among an edition's leads (`story.report.leads`).
"""

from __future__ import annotations

from dataclasses import dataclass

from jaarcijfers.story.model import Finding, FindingKind


@dataclass(frozen=True)
class Headline:
    key: str
    text: str  # as the source says it (shortened)
    sources: tuple[str, ...]
    series: tuple[tuple[str, str, str, str], ...] = ()  # (figure, part, row, column) any of which
    direction: str = ""  # up | down ('' = either)
    kinds: tuple[FindingKind, ...] = ()  # or: a finding of this kind ...
    figure: str = ""  # ... of this figure
    label: str = ""  # ... naming this label
    context: str = ""  # or: this context fact
    support: bool = True
    why_not: str = ""

    def matches(self, f: Finding) -> bool:
        if self.context:
            return f.template == self.context
        if self.kinds and f.kind in self.kinds and (not self.figure or f.figure == self.figure):
            return not self.label or self.label in f.labels or any(self.label in x for x in f.labels)
        for ch in (f.change, f.detail):
            if ch is None:
                continue
            s = ch.series
            key = (s.figure, s.part, s.row, s.column)
            if key in self.series and (not self.direction or ch.direction == self.direction):
                return True
        if f.kind == FindingKind.SHARE and self.series:
            fig, part, row = f.id.split(":")[1:4]
            want = {"up": "gt", "down": "lt"}.get(self.direction, "")
            return (fig, part, row, "") in self.series and (not want or f.word.startswith(want))
        return False


HEADLINES: tuple[Headline, ...] = (
    Headline(
        "slachtoffers",
        "Lichte stijging meldingen van slachtoffers van mensenhandel (944, +76)",
        ("kop", "krant"),
        (("1", "", "Geregistreerde slachtoffers", ""),),
        "up",
    ),
    Headline(
        "crimineel",
        "Stijging aantal meldingen van criminele uitbuiting (+33%)",
        ("kop",),
        (("2", "", "Criminele uitbuiting", ""),),
        "up",
    ),
    Headline(
        "hotel",
        "Meldingen seksuele uitbuiting: stijging hotelsector, daling thuisprostitutie en escort",
        ("kop",),
        (
            ("3", "", "Hotelprostitutie", ""),
            ("3", "", "Escortprostitutie", ""),
            ("3", "", "Thuisprostitutie", ""),
        ),
    ),
    Headline(
        "latam_sectoren",
        "Verschillende sectoren van seksuele uitbuiting bij Latijns-Amerikaanse slachtoffers",
        ("kop", "reflectie"),
        kinds=(FindingKind.CONCENTRATION, FindingKind.CROSSING, FindingKind.DRIVER),
        figure="4",
        label="Latijns-Amerika en de Caraïben",
    ),
    Headline(
        "huishouden",
        "Stijgingen van meldingen arbeidsuitbuiting, vooral in de sector huishouden",
        ("kop",),
        (("5", "", "Huishouden", ""),),
        "up",
    ),
    Headline(
        "adolescenten",
        "Minder adolescenten slachtoffer van mensenhandel (-18%)",
        ("kop",),
        (("6", "jaar", "18-22 (adolescent)", ""),),
        "down",
    ),
    Headline(
        "minderjarigen",
        "Meer meldingen van minderjarige slachtoffers, vooral van criminele uitbuiting",
        ("kop", "reflectie", "krant"),
        (("6", "jaar", "Minderjarig", ""),),
        "up",
    ),
    Headline(
        "minderjarig_crimineel",
        "Toename minderjarige slachtoffers van criminele uitbuiting (13 → 42)",
        ("kop", "reflectie", "krant"),
        (("6", "vorm", "Minderjarig", "Criminele uitbuiting"),),
        "up",
    ),
    Headline(
        "vrouwen_arbeid",
        "Flinke stijging aantal vrouwelijke slachtoffers van arbeidsuitbuiting (+54%)",
        ("kop",),
        (("8", "vorm", "Vrouw", "Arbeidsuitbuiting"),),
        "up",
    ),
    Headline(
        "latam_seksueel",
        "Meer meldingen van Latijns-Amerikaanse slachtoffers van seksuele uitbuiting (+63%)",
        ("kop", "reflectie", "krant"),
        (("9", "vorm", "Latijns-Amerika", "Seksuele uitbuiting"),),
        "up",
    ),
    Headline(
        "top_tien",
        "Tien meest voorkomende nationaliteiten: Hongaarse en Oekraïense nieuw",
        ("kop",),
        kinds=(FindingKind.TOP_NEW,),
        figure="T1",
    ),
    Headline(
        "oekraine",
        "Oekraïners komen in 2024 vaker in beeld als slachtoffer (28)",
        ("reflectie", "krant"),
        kinds=(FindingKind.TOP_NEW,),
        figure="T1",
        label="Oekraïne",
    ),
    Headline(
        "uitstel",
        "Stijging van het aantal keer dat de IND uitstel van vertrek verleent",
        ("kop",),
        (("10", "", "Uitstel van vertrek meer dan 30 dagen", ""),),
        "up",
    ),
    Headline(
        "b8",
        "Lichte stijging van het aantal verleende Verblijfsvergunningen Mensenhandel",
        ("kop",),
        (("11", "", "B8 (verleend)", ""),),
        "up",
    ),
    Headline(
        "melders",
        "Stijging in het aantal meldingen door de Arbeidsinspectie en de KMar",
        ("kop",),
        (("12", "jaar", "NLA", ""), ("12", "jaar", "KMar", "")),
        "up",
    ),
    Headline(
        "onderzoeken_seksueel",
        "Minder opsporingsonderzoeken naar seksuele uitbuiting (blijft dalen)",
        ("kop", "reflectie", "krant"),
        (("13", "", "Seksuele uitbuiting", ""),),
        "down",
    ),
    Headline(
        "verdachten",
        "Minder verdachten bij opsporingsonderzoeken in beeld",
        ("kop", "reflectie", "krant"),
        (("14", "", "Totaal", ""),),
        "down",
    ),
    Headline(
        "om_instroom",
        "Aantal ingeschreven zaken met 4% gedaald",
        ("kop", "reflectie", "krant"),
        (("15", "", "Ingeschreven mensenhandelzaken", ""),),
        "down",
    ),
    Headline(
        "om_vormen",
        "Meer criminele, minder seksuele uitbuitingszaken ingeschreven",
        ("kop",),
        (("16", "", "Criminele/overige uitbuiting", ""), ("16", "", "Seksuele uitbuiting", "")),
    ),
    Headline(
        "dagvaardingen",
        "Meer dagvaardingen in 2024 (66%, het hoogste percentage in vijf jaar)",
        ("kop", "krant"),
        (("17", "jaar", "Dagvaarding voor mensenhandel", ""),),
        "up",
    ),
    Headline(
        "berechting",
        "In 2024 meer zaken door de rechter afgedaan",
        ("kop",),
        (("18", "", "Totaal", ""),),
        "up",
    ),
    Headline(
        "afdoening_onbekend",
        "Rechterlijke afdoening (nóg) vaker onbekend",
        ("kop",),
        (("19", "jaar", "Overig/onbekend", ""),),
        "up",
    ),
    Headline(
        "hoger_beroep",
        "Hoger beroep eindigt in 80% van de zaken in schuldigverklaring",
        ("kop",),
        context="hoger_beroep_schuldig",
    ),
    Headline("cassatie", "Twee op de vijf keer in cassatie na hoger beroep", ("kop",), context="cassatie"),
    Headline(
        "berecht_geslacht",
        "Vijf op de zes berechte verdachten van mensenhandel zijn man",
        ("kop",),
        context="berecht_geslacht",
    ),
    Headline(
        "berecht_herkomst",
        "Drie op de vijf berechte verdachten in Nederland geboren",
        ("kop",),
        context="berecht_herkomst",
    ),
    Headline(
        "gemiddelde_leeftijd",
        "Gemiddelde leeftijd berechte verdachten gestegen",
        ("kop",),
        support=False,
        why_not="de kop spreekt de eigen tekst tegen: de gemiddelde leeftijd daalde van 34 naar 32",
    ),
    Headline(
        "onderzoeken_internationaal",
        "Minder opsporingsonderzoeken naar internationale seksuele uitbuiting",
        ("reflectie", "krant"),
        support=False,
        why_not="het gegevenscontract onderscheidt bij opsporingsonderzoeken geen binnenlandse en internationale seksuele uitbuiting",
    ),
)
