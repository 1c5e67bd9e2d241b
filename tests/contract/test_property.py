"""Property-based: random corruptions of a valid delivery.

Invariants: `validate_delivery` never raises; a delivery loads (without quarantine) exactly when it is
valid, and an invalid one leaves no warehouse behind (never a silent load); every corruption that
breaks a rule is reported where it happened; shuffling columns, a BOM or CRLF/LF alone keep it valid.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jaarcijfers.contract.example import example_tables, write_delivery
from jaarcijfers.contract.schema import FILES, NULL_MARKERS, Kind
from jaarcijfers.contract.validate import validate_delivery
from jaarcijfers.warehouse.load import load_delivery

FILE_NAMES = list(FILES)
NOISE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=12)

# a prefix no code, year, age, count or country can start with
BREAKING_PREFIX = "§"


@st.composite
def corruption(draw):
    kind = draw(
        st.sampled_from(
            ["cell", "cell", "cell", "duplicate", "drop-column", "encoding", "truncate", "empty", "none"]
        )
    )
    file = draw(st.sampled_from(FILE_NAMES))
    tables = example_tables()
    n_rows = len(tables[file])
    row = draw(st.integers(0, n_rows - 1))
    column = draw(st.sampled_from(FILES[file].column_names))
    noise = draw(NOISE)
    fraction = draw(st.floats(0, 1, exclude_max=True))
    shuffle_seed = draw(st.integers(0, 2**16))
    shuffle = draw(st.booleans())
    bom = draw(st.booleans())
    return dict(
        kind=kind,
        file=file,
        row=row,
        column=column,
        noise=noise,
        fraction=fraction,
        shuffle_seed=shuffle_seed,
        shuffle=shuffle,
        bom=bom,
    )


def breaking_value(file: str, column: str, noise: str) -> str:
    kind = FILES[file].column(column).kind
    if kind in (Kind.ID, Kind.STRING):
        return random.Random(noise).choice(["", *sorted(NULL_MARKERS)])
    return BREAKING_PREFIX + noise


def apply(c: dict, folder: Path) -> set[tuple]:
    """Write the corrupted delivery; return the (code-prefix, file, row, column) that must be reported
    (code prefix '' = any error at that place), or {('ok',)} when the delivery must stay valid, or
    set() when nothing is promised."""
    tables = example_tables()
    file, row, column = c["file"], c["row"], c["column"]
    expected: set[tuple] = set()
    if c["kind"] == "cell":
        value = breaking_value(file, column, c["noise"])
        tables[file][row][column] = value
        expected = {("E", file, row + 2, column)}
    elif c["kind"] == "duplicate":
        tables[file].append(dict(tables[file][row]))
        code = "E401" if FILES[file].unique else "W402"
        expected = {(code, file, len(tables[file]) + 1, None)}
    elif c["kind"] == "drop-column":
        for r in tables[file]:
            del r[column]
        expected = {("E101", file, 1, column)}
    elif c["kind"] == "none":
        expected = {("ok",)}
    if c["shuffle"]:
        rnd = random.Random(c["shuffle_seed"])
        for name, rows in tables.items():
            cols = list(rows[0])
            rnd.shuffle(cols)
            tables[name] = [{k: r[k] for k in cols} for r in rows]
    write_delivery(folder, tables)
    path = folder / f"{file}.csv"
    if c["bom"]:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    if c["kind"] == "encoding":
        text = path.read_bytes().decode("utf-8-sig")
        path.write_bytes(("ĳ" + text).encode("utf-16"))
        expected = {("E111", file, None, None)}
    elif c["kind"] == "truncate":
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * c["fraction"])])
        expected = set()
    elif c["kind"] == "empty":
        path.write_bytes(b"")
        expected = {("E112", file, None, None)}
    return expected


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corruption())
def test_random_corruption_is_reported_never_raised(c):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "levering"
        expected = apply(c, folder)
        report = validate_delivery(folder)  # must not raise

        if expected == {("ok",)}:
            assert report.ok and not report.problems, report.problems
        for exp in expected - {("ok",)}:
            code, file, row, column = exp
            hits = [
                p
                for p in report.problems
                if p.code.startswith(code)
                and p.file == file
                and (row is None or p.row == row)
                and (column is None or p.column == column)
            ]
            assert hits, (c, exp, [(p.code, p.file, p.row, p.column) for p in report.problems])
            if code.startswith("E"):
                assert not report.ok

        # never a silent load: it loads exactly when it is valid
        warehouse = Path(tmp) / "wh.duckdb"
        result = load_delivery(folder, warehouse)
        assert result.loaded == report.ok
        assert warehouse.exists() == report.ok
        if result.loaded:
            total = {f.file: f.rows_loaded for f in result.files}
            originals = example_tables()
            for name, n in total.items():
                assert n <= len(originals[name]) + 1


@pytest.mark.slow
@settings(max_examples=15, deadline=None)
@given(st.integers(0, 2**16))
def test_shuffled_columns_alone_stay_valid_and_load_the_same(seed):
    from jaarcijfers.warehouse.load import open_delivery

    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        plain = write_delivery(Path(tmp) / "plain")
        tables = example_tables()
        for name, rows in tables.items():
            cols = list(rows[0])
            rnd.shuffle(cols)
            tables[name] = [{k: r[k] for k in cols} for r in rows]
        shuffled = write_delivery(Path(tmp) / "shuffled", tables)
        report = validate_delivery(shuffled)
        assert report.ok and not report.problems
        a, b = open_delivery(plain), open_delivery(shuffled)
        for name in FILES:
            query = f'SELECT * FROM "{name}" ORDER BY ALL'
            assert a.execute(query).fetchall() == b.execute(query).fetchall()
