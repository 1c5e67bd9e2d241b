"""The English edition of the demo (`jaarcijfers build --lang nl,en`, docs/language.md): the same numbers as
the Dutch edition cell for cell, no Dutch word in what a reader sees (the word list and the allowed proper
names are test data: tests/data/language/), the right languages declared, and the two editions linked."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from jaarcijfers.paths import DEMO_DELIVERY

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[1] / "data" / "language"


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


DUTCH = frozenset(_lines("dutch-words.txt"))
ALLOWED = frozenset(_lines("proper-names.txt"))
WORD = re.compile(r"[A-Za-zÀ-ÿ_]+")


def dutch_words(text: str) -> list[str]:
    """The words of the word list in a text, proper names left out (an identifier such as the file name
    `comensha_melders` is not a word)."""
    return sorted({w for w in WORD.findall(text) if "_" not in w and w not in ALLOWED and w.lower() in DUTCH})


class _Text(HTMLParser):
    """The text a reader sees (and hears) of a page: text outside scripts and styles, and the alt, title and
    aria-label attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag in ("script", "style"):
            self._skip += 1
        self.parts += [v for k, v in attrs if k in ("alt", "title", "aria-label") and v]

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if not self._skip:
            self.parts.append(data)


def html_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.parts)


@pytest.fixture(scope="module")
def both(demo_build) -> Path:  # type: ignore[no-untyped-def]
    return demo_build("--data", str(DEMO_DELIVERY), "--lang", "nl,en")


@pytest.fixture(scope="module")
def dutch_only(demo_build) -> Path:  # type: ignore[no-untyped-def]
    return demo_build("--data", str(DEMO_DELIVERY))


def test_the_word_check_finds_dutch() -> None:
    assert dutch_words("Aantal geregistreerde slachtoffers van CoMensha") == [
        "Aantal",
        "geregistreerde",
        "slachtoffers",
        "van",
    ]
    assert dutch_words("Registered presumed victims, CoMensha, Nederlands") == []


def test_english_edition_files(both) -> None:  # type: ignore[no-untyped-def]
    en = both / "en"
    names = sorted(p.name for p in en.iterdir())
    assert names == [
        "findings.json",
        "human-trafficking-figures-2024.pdf",
        "human-trafficking-figures-2024.xlsx",
        "index.html",
        "open-data",
        "press-release.html",
    ]
    # the published files are written once, for both editions
    assert not (en / "figures.csv").exists() and (both / "figures.csv").is_file()


def test_no_dutch_word_in_the_site_and_the_press_release(both) -> None:  # type: ignore[no-untyped-def]
    for page in ("index.html", "press-release.html"):
        text = html_text(both / "en" / page)
        assert len(text) > 1000
        assert dutch_words(text) == [], page


def test_no_dutch_word_in_the_charts(both) -> None:  # type: ignore[no-untyped-def]
    """The static SVG charts and the interactive specifications (notes, headings, tooltips, labels)."""
    page = (both / "en" / "index.html").read_text(encoding="utf-8")
    svg_text = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", page))
    assert len(svg_text) > 1000
    assert dutch_words(svg_text) == []
    specs = re.findall(r'<script type="application/json" class="vl-spec"[^>]*>(.*?)</script>', page, re.S)
    tooltips = [
        v["tooltip"]
        for spec in specs
        for chart in json.loads(spec).get("vconcat", [json.loads(spec)])
        for v in chart["data"]["values"]
    ]
    assert len(tooltips) > 100
    assert dutch_words(" ".join(tooltips)) == []


def test_no_dutch_word_in_the_pdf(both) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    reader = PdfReader(both / "en" / "human-trafficking-figures-2024.pdf")
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert len(text) > 5000
    assert dutch_words(text) == []
    assert reader.trailer["/Root"].get("/Lang") == "en-GB"


def test_no_dutch_word_in_the_workbook(both) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    path = both / "en" / "human-trafficking-figures-2024.xlsx"
    wb = load_workbook(path)
    words = list(wb.sheetnames)
    for ws in wb.worksheets:
        words += [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        words += [t.name for t in ws.tables.values()]
    words += [wb.properties.title or "", wb.properties.subject or "", wb.properties.keywords or ""]
    assert dutch_words(" ".join(words)) == []
    core = zipfile.ZipFile(path).read("docProps/core.xml").decode()
    assert "<dc:language>en-GB</dc:language>" in core


def _rows(folder: Path) -> dict[str, list[dict[str, str]]]:
    out = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            out[path.stem.split("-", 1)[1]] = list(csv.DictReader(f))
    return out


def test_same_numbers_cell_for_cell(both) -> None:  # type: ignore[no-untyped-def]
    """The open data of the two editions: the same cells in the same order, with the same codes, values
    and symbols; the labels of both languages side by side (the names of the columns and measures in
    the file's language)."""
    nl, en = _rows(both / "open-data"), _rows(both / "en" / "open-data")
    assert sorted(nl) == sorted(en) and len(nl) == 25
    cells = 0
    for figure, rows in nl.items():
        english = en[figure]
        assert list(english[0]) == [
            "figure",
            "figure_nl",
            "table_part",
            "row",
            "row_nl",
            "row_code",
            "column",
            "column_nl",
            "column_code",
            "measure",
            "value",
            "status",
        ]
        assert len(english) == len(rows), figure
        for a, b in zip(rows, english, strict=True):
            assert [a["tabeldeel"], a["rij_code"], a["kolom_code"], a["waarde"], a["status"]] == [
                b["table_part"],
                b["row_code"],
                b["column_code"],
                b["value"],
                b["status"],
            ], figure
            assert (a["figuur"], a["rij"], a["kolom"]) == (b["figure_nl"], b["row_nl"], b["column_nl"])
            assert (a["figuur_en"], a["rij_en"], a["kolom_en"]) == (b["figure"], b["row"], b["column"])
            if a["kolom"].isdigit():
                assert a["kolom"] == b["column"]  # a year column
            cells += 1
    assert cells > 700


def test_no_dutch_word_in_the_english_open_data(both) -> None:  # type: ignore[no-untyped-def]
    """The English labels and the descriptions of the English open data (the codes, and the Dutch labels
    of the `_nl` columns, are Dutch by design)."""
    en = _rows(both / "en" / "open-data")
    labels = " ".join(
        r[c] for rows in en.values() for r in rows for c in ("figure", "row", "column", "measure")
    )
    assert len(labels) > 10000 and dutch_words(labels) == []
    package = json.loads((both / "en" / "open-data" / "datapackage.json").read_text(encoding="utf-8"))
    words = [package["title"], package["description"]]
    for resource in package["resources"]:
        words += [resource["title"], resource.get("description", ""), *resource.get("notes", [])]
        words += [f.get("title", "") + " " + f.get("description", "") for f in resource["schema"]["fields"]]
    # the table parts' codes (`jaar`, `vorm`) are named where the description explains them
    codes = {r["table_part"] for rows in en.values() for r in rows if r["table_part"]}
    assert codes and set(dutch_words(" ".join(words))) <= codes


def _without(text: str, suffix: str) -> str:
    """A CSV without its columns named `*_<suffix>`."""
    rows = list(csv.reader(io.StringIO(text)))
    keep = [i for i, name in enumerate(rows[0]) if not name.endswith(f"_{suffix}")]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([[r[i] for i in keep] for r in rows])
    return buf.getvalue()


def _fields_without(value, suffix: str):  # type: ignore[no-untyped-def]
    """A JSON description without the fields of the other language's labels and the link to its open data."""
    if isinstance(value, dict):
        return {k: _fields_without(v, suffix) for k, v in value.items() if k != "vertalingen"}
    if isinstance(value, list):
        return [
            _fields_without(v, suffix)
            for v in value
            if not (isinstance(v, dict) and str(v.get("name", "")).endswith(f"_{suffix}"))
        ]
    return value


def test_dutch_edition_unchanged_apart_from_its_language_links(both, dutch_only) -> None:  # type: ignore[no-untyped-def]
    """Building both languages writes the Dutch edition as `--lang nl` does, but for the language links of
    the pages that link to the English edition and the English labels beside the Dutch in the open data
    (and the link to the English open data)."""
    differ = []
    for path in sorted(p for p in dutch_only.rglob("*") if p.is_file() and p.name != ".complete"):
        other = both / path.relative_to(dutch_only)
        if path.read_bytes() != other.read_bytes():
            differ.append(path.relative_to(dutch_only).as_posix())
    pages = [d for d in differ if not d.startswith("open-data/")]
    assert pages == ["index.html", "persbericht.html"]
    assert len(differ) == 2 + 2 * 25 + 1  # every CSV and its description, and datapackage.json
    for name in [d for d in differ if d.endswith(".csv")]:
        assert _without((both / name).read_text(encoding="utf-8"), "en") == (dutch_only / name).read_text(
            encoding="utf-8"
        ), name
    for name in [d for d in differ if d.endswith(".json")]:
        alone = json.loads((dutch_only / name).read_text(encoding="utf-8"))
        assert _fields_without(json.loads((both / name).read_text(encoding="utf-8")), "en") == alone, name
    for page, english in (("index.html", "en/index.html"), ("persbericht.html", "en/press-release.html")):
        with_links = (both / page).read_text(encoding="utf-8")
        alone = (dutch_only / page).read_text(encoding="utf-8")
        assert f'<link rel="alternate" hreflang="en" href="{english}">' in with_links
        assert f'<a href="{english}" hreflang="en" lang="en">English</a>' in with_links
        removed = re.sub(r'\n<link rel="alternate"[^>]*>|\n    <p class="taalkeuze">.*?</p>', "", with_links)
        assert removed == alone, page


def test_the_analysts_reason_in_english(both) -> None:  # type: ignore[no-untyped-def]
    """The demo's editorial content in English (`redactie/2024/en/`): the policy's reason, in the English
    site, PDF and workbook; never the Dutch text."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    reason = "This edition reproduces the published report Human Trafficking Figures 2024 cell for cell"
    dutch = "reproduceert het gepubliceerde rapport"
    site = html_text(both / "en" / "index.html")
    assert reason in site and dutch not in site
    pdf = " ".join(
        " ".join(
            p.extract_text() or ""
            for p in PdfReader(both / "en" / "human-trafficking-figures-2024.pdf").pages
        ).split()
    )
    assert "This edition reproduces the published report" in pdf.replace("\u00ad", "")
    wb = load_workbook(both / "en" / "human-trafficking-figures-2024.xlsx")
    cells = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value)
    assert reason in cells and dutch not in cells


def test_english_pages_declare_their_language_and_link_back(both) -> None:  # type: ignore[no-untyped-def]
    for page, dutch in (("index.html", "../index.html"), ("press-release.html", "../persbericht.html")):
        text = (both / "en" / page).read_text(encoding="utf-8")
        assert '<html lang="en">' in text
        assert f'<link rel="alternate" hreflang="nl" href="{dutch}">' in text
        assert f'<a href="{dutch}" hreflang="nl" lang="nl">Nederlands</a>' in text
        assert (both / "en" / dutch).is_file()
    site = (both / "en" / "index.html").read_text(encoding="utf-8")
    assert 'id="glossary"' in site and "presumed victim of human trafficking" in site


def test_english_narrative_in_the_site_and_the_pdf(both) -> None:  # type: ignore[no-untyped-def]
    """The English sentences (story/en.py) stand beside their figures, and their claims hold against the
    published files (the build checks them; here again on the folder)."""
    from pypdf import PdfReader

    from jaarcijfers.edition.files import read_edition
    from jaarcijfers.story import en, en_check
    from jaarcijfers.story.published import Values

    edition = read_edition(both)
    texts = en.texts(edition)
    assert en_check.check(edition, Values.of_folder(both)) == []
    site = html_text(both / "en" / "index.html")
    pdf = " ".join(
        p.extract_text() or "" for p in PdfReader(both / "en" / "human-trafficking-figures-2024.pdf").pages
    )
    pdf = " ".join(pdf.replace("\u00ad\n", "").split())
    told = [s for g in texts.values() for s in g.sentences()]
    assert len(told) > 30
    for s in told:
        assert s.text in " ".join(site.split()), s.text
    assert sum(s.text.replace("\u00ad", "") in pdf for s in told) > len(told) // 2
    package = json.loads((both / "en" / "open-data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["language"] == "en"


def test_english_claims_file(both) -> None:  # type: ignore[no-untyped-def]
    """`en/findings.json`: the structure of `bevindingen.json`, English sentences with the Dutch findings'
    claims, no Dutch word in them, and every claim true against the published files (the build's check,
    from the file)."""
    from jaarcijfers.story import en_check
    from jaarcijfers.story.published import Values

    english = json.loads((both / "en" / "findings.json").read_text(encoding="utf-8"))
    dutch = json.loads((both / "bevindingen.json").read_text(encoding="utf-8"))
    assert english.keys() == dutch.keys()
    assert english["zinnen"][0].keys() == dutch["zinnen"][0].keys()
    assert [k["id"] for k in english["kandidaten"]] == [k["id"] for k in dutch["kandidaten"]]

    def claims(data: dict, where: str) -> dict:  # type: ignore[type-arg]
        out: dict = {}  # type: ignore[type-arg]
        for z in data["zinnen"]:
            if z["plaats"].startswith(where) and z["bevinding"]:
                out.setdefault(z["bevinding"], []).extend(
                    json.dumps(c, sort_keys=True) for c in z["beweringen"]
                )
        return {k: set(v) for k, v in out.items()}

    for where in ("1|", "2|", "3", "pers"):
        assert claims(english, where).keys() == claims(dutch, where).keys(), where
    nl_text = claims(dutch, "1|") | claims(dutch, "2|")
    assert all(v <= nl_text[k] for k, v in (claims(english, "1|") | claims(english, "2|")).items())
    assert dutch_words(" ".join(z["tekst"] for z in english["zinnen"])) == []
    assert dutch_words(" ".join(k["kop"] for k in english["kandidaten"])) == []
    assert en_check.check_file(both / "en" / "findings.json", Values.of_folder(both)) == []
