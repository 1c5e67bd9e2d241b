"""The open data of a publication in two languages (`build --lang nl,en`, docs/language.md): each edition's
files carry the codes and the labels of both languages side by side; the Dutch-only files stay as they
were; the revisions in English."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from jaarcijfers.edition.model import Edition, Revision, RevisionReason, Revisions
from jaarcijfers.edition.translate import translate
from jaarcijfers.language import EN, NL
from jaarcijfers.render.opendata import COLUMNS, write_open_data


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def written(reference_edition, tmp_path_factory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("bilingual")
    write_open_data(reference_edition, out / "alone")
    write_open_data(reference_edition, out / "nl", NL, (EN,))
    write_open_data(translate(reference_edition, EN), out / "en", EN, (NL,))
    return {k: out / k / "open-data" for k in ("alone", "nl", "en")}


def test_each_edition_carries_the_labels_of_both_languages(written, reference_edition) -> None:  # type: ignore[no-untyped-def]
    english = translate(reference_edition, EN)
    checked = 0
    for fig, fig_en in zip(reference_edition.figures, english.figures, strict=True):
        alone = _csv(written["alone"] / f"figuur-{fig.id.lower()}.csv")
        nl = _csv(written["nl"] / f"figuur-{fig.id.lower()}.csv")
        en = _csv(written["en"] / f"figure-{fig.id.lower()}.csv")
        assert list(nl[0]) == [
            "figuur",
            "figuur_en",
            "tabeldeel",
            "rij",
            "rij_en",
            "rij_code",
            "kolom",
            "kolom_en",
            "kolom_code",
            "maat",
            "waarde",
            "status",
        ]
        assert list(en[0]) == [
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
        assert len(alone) == len(nl) == len(en)
        for a, n, e in zip(alone, nl, en, strict=True):
            # the Dutch columns as a Dutch-only build writes them; the English labels beside them
            assert {c: n[c] for c in COLUMNS} == a
            assert (n["figuur_en"], n["rij_en"], n["kolom_en"]) == (e["figure"], e["row"], e["column"])
            assert (e["figure_nl"], e["row_nl"], e["column_nl"]) == (n["figuur"], n["rij"], n["kolom"])
            # the same codes, values and symbols
            codes = ("tabeldeel", "rij_code", "kolom_code", "waarde", "status")
            assert [n[c] for c in codes] == [
                e[c] for c in ("table_part", "row_code", "column_code", "value", "status")
            ]
            checked += 1
        assert fig_en.name in {r["figuur_en"] for r in nl}
    assert checked > 700


def test_the_schemas_describe_the_columns_of_both_languages(written) -> None:  # type: ignore[no-untyped-def]
    for lang in ("nl", "en"):
        package = json.loads((written[lang] / "datapackage.json").read_text(encoding="utf-8"))
        for resource in package["resources"]:
            header = next(csv.reader(io.StringIO((written[lang] / resource["path"]).read_text("utf-8"))))
            fields = [f["name"] for f in resource["schema"]["fields"]]
            assert fields == header, resource["name"]
            alone = json.loads((written[lang] / f"{resource['name']}.json").read_text(encoding="utf-8"))
            assert alone["schema"] == resource["schema"]
        # the open data of the other language, linked relatively
        key, path = ("vertalingen", "pad") if lang == "nl" else ("translations", "path")
        (link,) = package[key]
        expected = "../en/open-data/datapackage.json" if lang == "nl" else "../../open-data/datapackage.json"
        assert link[path] == expected
    english = json.loads((written["en"] / "datapackage.json").read_text(encoding="utf-8"))
    titles = {f["name"]: f["title"] for f in english["resources"][0]["schema"]["fields"]}
    assert titles["row_nl"] == "Row, as published in the Dutch edition"
    dutch = json.loads((written["nl"] / "datapackage.json").read_text(encoding="utf-8"))
    titles = {f["name"]: f["title"] for f in dutch["resources"][0]["schema"]["fields"]}
    assert titles["rij_en"] == "Rij, zoals gepubliceerd in de Engelse editie"
    assert "vertalingen" not in json.loads(
        (written["alone"] / "datapackage.json").read_text(encoding="utf-8")
    )


def _revised(edition: Edition) -> Edition:
    fig = next(f for f in edition.figures if f.blocks and f.blocks[0].part and len(f.blocks[0].columns) > 2)
    block = fig.blocks[0]
    row, year = block.rows[0], block.columns[-2]
    revision = Revision(fig.id, block.part, row, year, "1", "8", 7, (RevisionReason.DELIVERY,))
    return replace(edition, revisions=Revisions(edition.year - 1, "publicatie", 1, False, 40, (revision,)))


def test_the_revisions_in_english_with_the_dutch_beside_them(reference_edition, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dutch = _revised(reference_edition)
    write_open_data(dutch, tmp_path / "alone")
    write_open_data(dutch, tmp_path / "nl", NL, (EN,))
    write_open_data(translate(dutch, EN), tmp_path / "en", EN, (NL,))
    (alone,) = _csv(tmp_path / "alone" / "open-data" / "herzieningen.csv")
    (nl,) = _csv(tmp_path / "nl" / "open-data" / "herzieningen.csv")
    (en,) = _csv(tmp_path / "en" / "open-data" / "herzieningen.csv")
    assert (
        alone["reason"] == str(RevisionReason.DELIVERY) and alone["row"] == dutch.revisions.revisions[0].row
    )
    assert {k: nl[k] for k in alone} == alone
    assert list(en) == [
        "figure",
        "table_part",
        "row",
        "row_nl",
        "column",
        "previous",
        "new",
        "difference",
        "reason",
        "reason_nl",
    ]
    assert (en["row"], en["reason"]) == (nl["row_en"], nl["reason_en"])
    assert (en["row_nl"], en["reason_nl"]) == (nl["row"], nl["reason"])
    assert en["reason"] == EN.text("revision.reason", str(RevisionReason.DELIVERY)) != nl["reason"]
    assert (en["figure"], en["table_part"], en["column"], en["difference"]) == (
        nl["figure"],
        nl["table_part"],
        nl["column"],
        "7",
    )
    desc = json.loads((tmp_path / "en" / "open-data" / "herzieningen.json").read_text(encoding="utf-8"))
    assert desc["cells_revised"] == 1 and desc["previous_edition"]["reporting_year"] == dutch.year - 1
    assert "Herzieningen" not in desc["title"]
    assert [f["name"] for f in desc["schema"]["fields"]] == list(en)
    assert (
        desc["schema"]["fields"][-1]["description"]
        == "reason(s) for the revision, as given in the Dutch edition"
    )


def test_the_english_revisions_table_names_the_part_in_english(reference_edition) -> None:  # type: ignore[no-untyped-def]
    """The revisions table of the site, the PDF and the workbook (render/revisions.py): the part as a word
    of the language, the code itself in Dutch."""
    from jaarcijfers.render import revisions

    dutch = _revised(reference_edition)
    assert dutch.revisions.revisions[0].part in revisions.PARTS
    (nl,) = revisions.rows(dutch)
    (en,) = revisions.rows(translate(dutch, EN), EN)
    assert nl.part == dutch.revisions.revisions[0].part
    assert en.part == {"jaar": "year", "vorm": "form"}[nl.part]
    assert en.reasons == EN.text("revision.reason", str(RevisionReason.DELIVERY))
