from pathlib import Path

from jaarcijfers.edition.files import read_cells
from jaarcijfers.reconcile import reconcile, run_reconcile

HEADER = "figure,table_part,row,column,value\n"


def write(p: Path, body: str) -> Path:
    p.write_text(HEADER + body, encoding="utf-8")
    return p


def test_equal_files(tmp_path, capsys):
    a = write(tmp_path / "a.csv", "1,,X,2024,5\n2,jaar,Y,2024,<5\n")
    assert run_reconcile(a, a) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "2 cells, 2 equal"


def test_every_difference_is_listed(tmp_path, capsys):
    a = write(tmp_path / "a.csv", "1,,X,2024,5\n1,,X,2023,7\n1,,Z,2024,1\n")
    b = write(tmp_path / "b.csv", "1,,X,2024,6\n1,,X,2023,7\n1,,Q,2024,1\n")
    assert run_reconcile(a, b) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1] == "4 cells, 1 equal"
    assert len(lines) == 4  # X 2024 differs, Z only in ours, Q only in the reference


def test_labels_are_part_of_the_key(tmp_path):
    a = read_cells(write(tmp_path / "a.csv", "1,,Geregistreerde slachtoffers,2024,5\n"))
    b = read_cells(write(tmp_path / "b.csv", "1,,Geregistreerde Slachtoffers,2024,5\n"))
    assert reconcile(a, b).equal == 0


def test_facts_files(tmp_path, capsys):
    ours = tmp_path / "facts.csv"
    ours.write_text("id,value\na,1\nb,+9%\nextra,3\n", encoding="utf-8")
    ref = tmp_path / "ref.csv"
    ref.write_text("id,value,derivable\na,1,yes\nb,+8%,yes\nc,5000,no\n", encoding="utf-8")
    assert run_reconcile(ours, ref) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == "2 facts, 1 equal"
