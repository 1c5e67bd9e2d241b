"""The revisions and the policy's reason in every output (docs/editions.md): the Toelichting of the site
and the PDF, a workbook sheet, the open data; only published numbers."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest

from jaarcijfers.edition.model import Revision, RevisionReason, Revisions
from jaarcijfers.render import revisions as shown
from jaarcijfers.render.checks import html_text, numbers_not_in_edition
from jaarcijfers.render.opendata import write_open_data
from jaarcijfers.render.pdf import document
from jaarcijfers.render.site import render_site
from jaarcijfers.render.workbook import write_workbook

REASON = "Deze editie volgt het beleid van de publicatie (proef)."


@pytest.fixture
def revised(make):
    base = make()
    fig = base.figures[0]
    block = fig.blocks[0]
    row = block.rows[0]
    cell = block.cell(row, block.columns[-2])
    previous = str(int(cell.display.replace(".", "")) - 7) if cell.display.isdigit() else "1234"
    revision = Revision(
        fig.id, block.part, row, block.columns[-2], previous, cell.display, 7, (RevisionReason.DELIVERY,)
    )
    hidden = Revision(fig.id, block.part, row, block.columns[-3], "<5", "x", None, (RevisionReason.POLICY,))
    rev = Revisions(base.year - 1, "publicatie", 1, False, 40, (revision, hidden))
    return replace(base, revisions=rev, disclosure=replace(base.disclosure, reason=REASON))


def test_the_site_shows_the_policy_the_reason_and_every_revision(revised, make):
    page = render_site(revised)
    section = page.split('id="herzieningen"', 1)[1].split("</section>", 1)[0]
    assert shown.POLICY in html_text(section)
    assert "Van de 40 cijfers over eerdere jaren" in section and "zijn er 2 herzien" in section
    assert section.count('<tr><th scope="row">') == 2 and "+7" in section and "&lt;5" in section
    assert REASON in page
    assert numbers_not_in_edition(html_text(page), revised) == []
    plain = render_site(make())
    assert "is niet vergeleken met een vorige editie" in plain and 'class="herzieningen"' not in plain


def test_the_pdf_toelichting_lists_the_revisions(revised):
    doc = document(revised)
    (section,) = [s for s in doc["toelichting"]["sections"] if s["title"] == "Herzieningen"]
    assert section["paragraphs"][0] == shown.POLICY and len(section["items"]) == 2
    assert any("(+7)" in item and "nieuwe levering" in item for item in section["items"])
    (sdc,) = [s for s in doc["toelichting"]["sections"] if s["title"] == "Onthullingscontrole"]
    assert REASON in sdc["paragraphs"]


def test_the_open_data_and_the_workbook_carry_the_revisions(revised, tmp_path, make):
    write_open_data(revised, tmp_path)
    table = list(csv.DictReader(io.StringIO((tmp_path / "open-data" / "herzieningen.csv").read_text())))
    assert [r["difference"] for r in table] == ["7", ""]
    assert table[1]["previous"] == "<5" and table[1]["reason"] == str(RevisionReason.POLICY)
    package = json.loads((tmp_path / "open-data" / "datapackage.json").read_text())
    (desc,) = [r for r in package["resources"] if r["name"] == "herzieningen"]
    assert desc["herziene_cellen"] == 2 and desc["vergeleken_cellen"] == 40
    write_open_data(make(), tmp_path / "plain")
    assert not (tmp_path / "plain" / "open-data" / "herzieningen.csv").exists()

    import openpyxl

    write_workbook(revised, tmp_path / "w.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "w.xlsx")["Herzieningen"]
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    header = next(i for i, r in enumerate(values) if r[0] == "Figuur")
    assert values[header] == list(shown.HEADERS)
    assert values[header + 1][6] == 7 and values[header + 2][4] == "<5"
