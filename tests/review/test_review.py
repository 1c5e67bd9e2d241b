"""The plausibility review (docs/editions.md): the exact tests, planted anomalies flagged (a reporter
dropping out, a doubled category, a revised year), nothing new on an unchanged delivery, the files
written owner-only and escaped."""

from __future__ import annotations

import csv
import io
import shutil
import stat
from pathlib import Path

import pytest

from jaarcijfers.paths import DEMO_DELIVERY
from jaarcijfers.review import report
from jaarcijfers.review.model import QuestionKind
from jaarcijfers.review.run import make_review
from jaarcijfers.review.stats import poisson_change_p, share_increase_p


def test_the_conditional_poisson_test_by_hand():
    # n = 2, b = 2: P(X >= 2) = 1/4, two-sided 1/2
    assert poisson_change_p(0, 2) == pytest.approx(0.5)
    # n = 10, b = 0: 2 * 2**-10
    assert poisson_change_p(10, 0) == pytest.approx(2 / 1024)
    assert poisson_change_p(0, 0) == 1.0 and poisson_change_p(50, 50) == 1.0
    assert poisson_change_p(100, 200) < 1e-8 and poisson_change_p(868, 944) > 0.05


def test_fishers_exact_test_by_hand():
    # 1 of 2 unknown before, 2 of 2 after: P(X >= 2) = C(2,2)C(2,1)/C(4,3) = 2/4
    assert share_increase_p(1, 2, 2, 2) == pytest.approx(0.5)
    assert share_increase_p(0, 0, 1, 1) == 1.0
    assert share_increase_p(10, 500, 60, 500) < 1e-9
    assert share_increase_p(60, 500, 10, 500) == pytest.approx(1.0)


def rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def write(path: Path, header: list[str], data: list[dict[str, str]]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, header, lineterminator="\n")
    w.writeheader()
    w.writerows(data)
    path.write_text(buf.getvalue(), encoding="utf-8")


def planted(folder: Path) -> Path:
    """The demo with three anomalies: KMar reports nothing in 2024, the 2024 registrations with criminal
    exploitation are doubled, and 60 registrations of 2022 changed gender (a revised year)."""
    shutil.copytree(DEMO_DELIVERY, folder)
    reg_header, regs = rows(folder / "comensha_registraties.csv")
    year = {r["registratie_id"]: r["jaar"] for r in regs}
    form_header, forms = rows(folder / "comensha_uitbuiting.csv")
    rep_header, reporters = rows(folder / "comensha_melders.csv")
    reporters = [r for r in reporters if not (r["melder"] == "kmar" and year[r["registratie_id"]] == "2024")]
    doubled = {
        r["registratie_id"] for r in forms if r["vorm"] == "crimineel" and year[r["registratie_id"]] == "2024"
    }
    changed = 0
    for r in regs:
        if r["jaar"] == "2022" and r["geslacht"] == "vrouw" and changed < 60:
            r["geslacht"], changed = "man", changed + 1
    regs += [
        {**r, "registratie_id": r["registratie_id"] + "-D"} for r in regs if r["registratie_id"] in doubled
    ]
    forms += [
        {**r, "registratie_id": r["registratie_id"] + "-D"} for r in forms if r["registratie_id"] in doubled
    ]
    reporters += [
        {**r, "registratie_id": r["registratie_id"] + "-D"}
        for r in reporters
        if r["registratie_id"] in doubled
    ]
    write(folder / "comensha_registraties.csv", reg_header, regs)
    write(folder / "comensha_uitbuiting.csv", form_header, forms)
    write(folder / "comensha_melders.csv", rep_header, reporters)
    return folder


def signature(review) -> set[tuple[str, str, str | None, str | None, int | None]]:
    return {(q.kind, q.file, q.column, q.category, q.year) for q in review.questions}


@pytest.fixture(scope="module")
def reviews(tmp_path_factory):
    base = tmp_path_factory.mktemp("review")
    unchanged = make_review(DEMO_DELIVERY, None, DEMO_DELIVERY, None, base / "ongewijzigd")
    anomalies = make_review(planted(base / "geplant"), None, DEMO_DELIVERY, None, base / "uit")
    return unchanged, anomalies


def test_planted_anomalies_are_flagged(reviews):
    (baseline, _, _), (review, _, _) = reviews
    new = signature(review) - signature(baseline)
    assert (QuestionKind.SILENT, "comensha_melders", "melder", "kmar", 2024) in new
    assert (QuestionKind.CHANGE, "comensha_uitbuiting", "vorm", "crimineel", 2024) in new
    assert (QuestionKind.REVISED, "comensha_registraties", None, None, 2022) in new
    comensha = next(s for s in review.sources if s.source == "comensha")
    (change,) = [c for c in comensha.changes if c.file == "comensha_registraties" and c.year == 2022]
    assert (change.added, change.removed, change.changed) == (0, 0, 60)
    assert {c.year for c in comensha.changes if c.file == "comensha_registraties"} == {2022, 2024}
    # only CoMensha delivered something else: the other organisations get no new questions
    assert {q[1].split("_")[0] for q in new} == {"comensha"}


def test_an_unchanged_delivery_raises_nothing_new(reviews):
    """Loaded twice, the same delivery is one version: no changes, no revised years. Its year-on-year
    questions are those the published numbers themselves raise (EMM's suspects fell from 347 to 210)."""
    (baseline, target, written), _ = reviews
    assert all(s.changes == () and s.previous_load is None for s in baseline.sources)
    assert not [q for q in baseline.questions if q.kind is QuestionKind.REVISED]
    assert all(s.validation == 0 for s in baseline.sources)
    assert written[0] == "plausibiliteit.html" and "terugkoppeling-comensha.html" in written
    assert not [w for w in written if w.endswith("-validatie.csv")]


def test_files_are_owner_only_and_in_dutch(reviews):
    _, (review, target, written) = reviews
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    for name in written:
        assert stat.S_IMODE((target / name).stat().st_mode) == 0o600, name
    feedback = (target / "terugkoppeling-comensha.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in feedback and "melder = kmar" in feedback
    assert "Is deze melder gestopt met melden" in feedback
    assert "de gegevens over 2022 zijn gewijzigd" in feedback
    # an organisation is told only about its own delivery
    assert "emm_verdachten" not in feedback


def test_values_are_escaped():
    assert report.e('<script>alert("x")</script>\x1b[31m') == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;U+001B&gt;[31m"
    )


def test_validation_problems_go_to_the_organisation_that_made_them(tmp_path):
    delivery = tmp_path / "fout"
    shutil.copytree(DEMO_DELIVERY, delivery)
    text = (delivery / "om_zaken.csv").read_text(encoding="utf-8").splitlines()
    text[1] = text[1].replace(",politie,", ",marechaussee,", 1)
    (delivery / "om_zaken.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    review, target, written = make_review(delivery, None, None, None, tmp_path / "uit")
    assert "terugkoppeling-om-validatie.csv" in written
    assert "terugkoppeling-comensha-validatie.csv" not in written
    problems = (target / "terugkoppeling-om-validatie.csv").read_text(encoding="utf-8-sig")
    assert "om_zaken" in problems and "marechaussee" in problems
    om = next(s for s in review.sources if s.source == "om")
    assert om.validation and om.rejected >= 1
    assert "terugkoppeling-om-validatie.csv" in (target / "terugkoppeling-om.html").read_text(
        encoding="utf-8"
    )


def test_the_review_command(cli, tmp_path):
    res = cli("review", "--out", str(tmp_path / "uit"))
    assert res.returncode == 2 and "--data" in res.stderr
    res = cli("review", "--data", str(DEMO_DELIVERY), "--out", str(tmp_path / "uit"))
    assert res.returncode == 0, res.stderr
    assert "Plausibiliteitstoets 2024" in res.stdout and (tmp_path / "uit" / "plausibiliteit.html").is_file()


def test_a_delivery_is_compared_with_the_warehouse_which_stays_unchanged(tmp_path):
    from jaarcijfers.paths import DEMO_2023_DELIVERY
    from jaarcijfers.warehouse.load import load_delivery

    wh = tmp_path / "wh.duckdb"
    assert load_delivery(DEMO_2023_DELIVERY, wh).loaded
    before = wh.read_bytes()
    review, _, _ = make_review(DEMO_DELIVERY, wh, None, None, tmp_path / "uit")
    assert wh.read_bytes() == before
    comensha = next(s for s in review.sources if s.source == "comensha")
    assert (comensha.previous_load, comensha.load) == (1, 2)
    late = [c for c in comensha.changes if c.file == "comensha_registraties" and c.year == 2023]
    assert late and late[0].added > 0 and late[0].removed == 0
    assert (QuestionKind.REVISED, "comensha_registraties", None, None, 2023) in signature(review)
