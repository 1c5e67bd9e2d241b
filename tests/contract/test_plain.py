"""A plain CSV file (`readers.csvfile`: no control or invisible character, no white space to strip but
the ASCII space, no line break inside quotes) is validated on a cheaper path: the characters rule is
skipped and values are trimmed of spaces only. These tests pin which files are plain, and that the
cheaper path finds exactly what the general one finds: every problem, every cleaned value."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jaarcijfers.contract.example import example_tables, write_delivery
from jaarcijfers.contract.readers import csvfile
from jaarcijfers.contract.safefiles import Limits, open_regular
from jaarcijfers.contract.schema import FILES
from jaarcijfers.contract.validate import check_delivery


def scanned(tmp_path: Path, content: bytes) -> csvfile.Scan:
    path = tmp_path / "f.csv"
    path.write_bytes(content)
    with open_regular(path, Limits()) as opened:
        return csvfile.scan(opened, Limits())


@pytest.mark.parametrize(
    ("content", "plain"),
    [
        (b"a,b\r\nx,y\r\n", True),
        (b"a,b\nx , y\n  ,z\n", True),  # spaces around values: trimmed by the plain cleaning
        (b'a,b\n"x, y","He said ""hi"""\n', True),  # quotes without a line break inside
        ("a,b\nJosé,ë\n".encode(), True),  # letters beyond ASCII that are neither invisible nor space
        (b"a,b\nx\t,y\n", False),  # a tab
        ("a,b\nx\u00a0,y\n".encode(), False),  # a no-break space (stripped)
        ("a,b\nx,\u3000y\n".encode(), False),  # an ideographic space (stripped)
        ("a,b\nx\u200b,y\n".encode(), False),  # a zero-width space (invisible)
        ("a,b\nx\u0085,y\n".encode(), False),  # NEL, a C1 control character
        ("a,b\nx,y\U000e0041\n".encode(), False),  # a tag character (invisible, outside the BMP)
        (b"a,b\nx\x01,y\n", False),  # a C0 control character
        (b"a,b\nx\x7f,y\n", False),  # DEL
        (b'a,b\n"x\ny",z\n', False),  # a line break inside quotes
        (b'a,b\n"x\r\ny",z\r\n', False),
        ("\ufeffa,b\nx,y\n".encode(), True),  # a byte order mark at the start is in the header only
        ("a,b\nx\ufeff,y\n".encode(), False),  # elsewhere it is an invisible character in a value
        (b"a,b\nx\xff,y\n", False),  # not UTF-8
        ("a,b\n20°,y\n".encode(), False),  # conservative: ° shares its first byte with U+00A0
        ("a,b\n€5,y\n".encode(), False),  # conservative: € shares its first byte with U+200B
        ("a,b\nŁódź,Ørsted\n".encode(), True),
    ],
)
def test_which_files_are_plain(tmp_path, content, plain):
    assert scanned(tmp_path, content).plain is plain


@pytest.mark.parametrize(
    ("content", "padded"),
    [
        (b"a,b\nx y,z\n", False),  # a space inside a value
        (b'a,b\n"x, y",z\n', True),  # conservative: a comma and a space inside quotes count too
        (b"a,b\n x,y\n", True),  # at the start of a record
        (b"a,b\nx, y\n", True),  # after a comma
        (b"a,b\nx ,y\n", True),  # before a comma
        (b"a,b\nx,y \n", True),  # before a line break
        (b"a,b\r\nx,y \r\n", True),
        (b'a,b\n" x",y\n', True),  # inside quotes
        (b'a,b\n"x ",y\n', True),
        (b"a,b\nx,y ", True),  # at the end of the file
        (b" a,b\nx,y\n", True),  # at its start
        (b"a,b\nx,   \n", True),  # a value of spaces only
    ],
)
def test_which_plain_files_are_padded(tmp_path, content, padded):
    result = scanned(tmp_path, content)
    assert result.plain and result.padded is padded


def test_padding_is_seen_across_chunks(tmp_path, monkeypatch):
    import jaarcijfers.contract.safefiles as safefiles

    for size in range(1, 12):
        monkeypatch.setattr(safefiles, "CHUNK", size)
        assert scanned(tmp_path, b"a,b\nxxxx,y\nzz, q\n").padded
        assert scanned(tmp_path, b"a,b\nxxxx,y\nzz,q \n").padded
        assert scanned(tmp_path, b"a,b\nxxxx,y\n q,zz\n").padded
        assert not scanned(tmp_path, b"a,b\nxx xx,y\nzz,q q\n").padded


def test_plain_follows_characters_across_chunks(tmp_path, monkeypatch):
    """A character split over two chunks of the byte pass is still seen."""
    import jaarcijfers.contract.safefiles as safefiles

    for size in range(1, 12):  # the same verdict wherever a chunk ends
        monkeypatch.setattr(safefiles, "CHUNK", size)
        assert not scanned(tmp_path, "a,b\nxxxxx\u00a0,y\nzz,q\n".encode()).plain
        assert not scanned(tmp_path, "a,b\nxxxxx,y\nzz,\u200bq\n".encode()).plain
        assert scanned(tmp_path, "a,b\nxxxxxé,y\nzz,q\n".encode()).plain
        assert scanned(tmp_path, "\ufeffa,b\nxxxxxé,y\nzz,q\n".encode()).plain
        assert not scanned(tmp_path, "\ufeffa,b\nxxxxxé,y\nzz,\ufeffq\n".encode()).plain


def test_invalid_utf8_line_is_counted_from_the_start(tmp_path, monkeypatch):
    """The line of an encoding error in a later chunk counts every line break before that chunk."""
    import jaarcijfers.contract.safefiles as safefiles

    monkeypatch.setattr(safefiles, "CHUNK", 16)
    content = b"a,b\n" + b"x,y\n" * 20 + b"x\xff,y\n"
    assert scanned(tmp_path, content).bad_utf8_line == 22


def staged(checked) -> dict[str, list[tuple]]:
    con = checked.con
    return {
        name: con.execute(f'SELECT * FROM "{cf.table}" ORDER BY _row').fetchall()
        for name, cf in checked.files.items()
    }


def both_paths(folder: Path, monkeypatch) -> tuple[tuple, dict, set[str], set[str]]:
    """(problems, staged values, files read as plain, files staged as a view because they are trimmed)
    of the natural run and of a run in which no file is plain (the general path), asserted equal
    (except the last two); returns those of the natural run."""
    plain_files: set[str] = set()
    views: set[str] = set()
    real_scan = csvfile.scan

    def recording(opened, limits):
        result = real_scan(opened, limits)
        if result.plain:
            plain_files.add(Path(opened.path).stem)
        return result

    def general(opened, limits):
        result = real_scan(opened, limits)
        result.plain = False
        return result

    outcome = []
    for scan in (recording, general):
        monkeypatch.setattr(csvfile, "scan", scan)
        checked = check_delivery(folder)
        try:
            assert checked.report.store is not None
            problems = tuple(checked.report.store.iter())
            summaries = tuple(sorted(checked.report.files.items()))
            outcome.append((problems, summaries, staged(checked)))
            if scan is recording:
                assert checked.con is not None
                views = {
                    name.removeprefix("_stg_")
                    for (name,) in checked.con.execute(
                        "SELECT view_name FROM duckdb_views() WHERE view_name LIKE '\\_stg\\_%' ESCAPE '\\'"
                    ).fetchall()
                }
        finally:
            checked.close()
    monkeypatch.setattr(csvfile, "scan", real_scan)
    natural, general_path = outcome
    assert natural[0] == general_path[0]  # every problem: code, message, file, row, column, value, order
    assert natural[1] == general_path[1]  # every count
    assert natural[2] == general_path[2]  # every cleaned value
    assert views <= plain_files
    return natural[0], natural[2], plain_files, views


TRICKY = [
    " man",
    "vrouw  ",
    "   ",
    "",
    " NA ",
    "nvt",
    " 2024",
    "20 24",
    "R 1",
    " R1 ",
    "José",
    "x\u00a0",
    "\u200bR1",
    "a\tb",
    "\u3000NL",
    "line\nbreak",
    '"quoted"',
    "a,b",
    "Ｒ1",
]


@pytest.mark.parametrize("value", TRICKY)
def test_plain_path_finds_what_the_general_path_finds(tmp_path, monkeypatch, value):
    tables = example_tables()
    for name, column in (
        ("comensha_registraties", "geslacht"),
        ("comensha_registraties", "registratie_id"),
        ("comensha_uitbuiting", "sector"),
        ("om_feiten", "wetsartikel"),
        ("emm_onderzoeken", "startjaar"),
    ):
        tables[name][-1][column] = value
    folder = write_delivery(tmp_path / "levering", tables)
    problems, values, plain, views = both_paths(folder, monkeypatch)
    # the untouched files are plain; the touched ones are plain exactly when the value holds nothing
    # but visible characters and ASCII spaces (no line break: the writer quotes a line break)
    assert "ind_tabel" in plain
    # (a character sharing its first byte with such a character makes the file not plain too: Ｒ)
    suspect = set(csvfile._not_plain_bytes())
    touched_plain = all(
        ch == " " or (ch.isprintable() and not ch.isspace() and ch.encode()[0] not in suspect) for ch in value
    )
    assert ("comensha_registraties" in plain) is touched_plain
    # staged as a view (nothing to clean) exactly when plain and no value starts or ends with a space
    # (the writer quotes a value with a comma or a quote)
    assert "ind_tabel" in views
    padded = value != value.strip(" ") or value.strip(" ") == "" and value != ""
    assert ("comensha_registraties" in views) is (touched_plain and not padded)
    if value.strip(" ") in ("man", "vrouw") or not value.strip():
        assert values["comensha_registraties"][-1][5] == (value.strip(" ") or None)


def test_plain_delivery_with_spaces_is_cleaned_and_checked(tmp_path, monkeypatch):
    """Spaces around values of a plain file are trimmed; problems are found in the cleaned value."""
    tables = example_tables()
    tables["comensha_registraties"][0]["geslacht"] = "  vrouw "
    tables["comensha_registraties"][1]["jaar"] = " 2024"
    tables["comensha_registraties"][2]["nationaliteit"] = " ZZZ "
    tables["comensha_melders"][0]["registratie_id"] = "  "
    folder = write_delivery(tmp_path / "levering", tables)
    problems, values, plain, views = both_paths(folder, monkeypatch)
    assert set(FILES) <= plain
    assert set(FILES) - {"comensha_registraties", "comensha_melders"} <= views
    assert not {"comensha_registraties", "comensha_melders"} & views
    found = {(p.code, p.file, p.row, p.column, p.value) for p in problems}
    assert ("E206", "comensha_registraties", 4, "nationaliteit", "ZZZ") in found
    assert ("E201", "comensha_melders", 2, "registratie_id", None) in found
    assert not any(p.file == "comensha_registraties" and p.row in (2, 3) for p in problems)
    assert values["comensha_registraties"][0][5] == "vrouw"
    assert values["comensha_registraties"][1][3] == "2024"


ALPHABET = st.sampled_from(
    [" ", "a", "R", "1", "0", "é", "\t", "\u00a0", "\u200b", "\u3000", "\u0085", "\x01", '"', ",", "\n", "\r"]
)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=st.text(alphabet=ALPHABET, max_size=6),
    cell=st.sampled_from(
        [
            ("comensha_registraties", "geslacht"),
            ("comensha_registraties", "leeftijd"),
            ("comensha_uitbuiting", "registratie_id"),
            ("om_feiten", "wetsartikel"),
            ("om_zaken", "inschrijfjaar"),
        ]
    ),
)
def test_random_values_give_the_same_problems_on_both_paths(tmp_path_factory, monkeypatch, value, cell):
    tables = example_tables()
    name, column = cell
    tables[name][0][column] = value
    folder = write_delivery(tmp_path_factory.mktemp("plain") / "levering", tables)
    both_paths(folder, monkeypatch)


def test_files_with_a_byte_order_mark_stay_plain(tmp_path, monkeypatch):
    """Spreadsheet programs write "CSV UTF-8" with a byte order mark: it is part of the header row,
    not of a value, so such a file is still plain (and trimmed) and gives the same problems."""
    tables = example_tables()
    tables["comensha_registraties"][0]["geslacht"] = "onbekend"
    folder = write_delivery(tmp_path / "levering", tables)
    for path in folder.glob("*.csv"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    problems, _, plain, views = both_paths(folder, monkeypatch)
    assert set(FILES) <= plain and set(FILES) <= views
    assert [(p.code, p.file, p.row, p.column) for p in problems] == [
        ("E205", "comensha_registraties", 2, "geslacht")
    ]
