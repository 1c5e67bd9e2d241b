"""The edition register: every published edition, recorded in the warehouse (docs/editions.md).

`build --warehouse FILE` records the edition it publishes: its year and disclosure policy, the delivery
versions it read (per source the load and its files' sha256), the code, contract and rules versions,
every published cell and fact, the sha256 of every output file, the build time, and the inputs a
rebuild needs beside the deliveries (the editorial folder's files, the reflection, the `--sdc` option,
the earlier editions it was compared with and knew). `jaarcijfers editions import DIR` records an
edition published before the system from its `figures.csv` and `facts.csv`.

The register lives in the warehouse file (owner-only, docs/warehouse.md), in the tables `editions`,
`edition_loads`, `edition_deliveries`, `edition_cells`, `edition_facts`, `edition_files`,
`edition_editorial` and `edition_knowledge`. A recorded edition is never changed or removed: building
the same year and policy again with another result records a new version; with the same result (same
cells, facts and loads) nothing is recorded.

Every function takes a DuckDB connection on which the warehouse is attached as `wh` (`connect`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jaarcijfers.edition.record import Deliveries, RecordedEdition
from jaarcijfers.errors import UserError
from jaarcijfers.figures.model import CellKey

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

    from jaarcijfers.sdc.prior import PriorEdition

W = "wh.main"

DDL = (
    f"""CREATE TABLE IF NOT EXISTS {W}.editions (
        edition_id INTEGER PRIMARY KEY, year INTEGER NOT NULL, policy VARCHAR NOT NULL,
        version INTEGER NOT NULL, imported BOOLEAN NOT NULL, built_at VARCHAR, recorded_at TIMESTAMP,
        software_version VARCHAR, rules_version VARCHAR, contract_version VARCHAR, sdc_option VARCHAR,
        compared_with INTEGER, origin VARCHAR, reflection VARCHAR, content_sha256 VARCHAR NOT NULL,
        cells INTEGER NOT NULL, facts INTEGER NOT NULL)""",
    f"CREATE TABLE IF NOT EXISTS {W}.edition_loads (edition_id INTEGER NOT NULL, source VARCHAR, load_id INTEGER)",
    f"""CREATE TABLE IF NOT EXISTS {W}.edition_deliveries (
        edition_id INTEGER NOT NULL, source VARCHAR, file VARCHAR, sha256 VARCHAR)""",
    f"""CREATE TABLE IF NOT EXISTS {W}.edition_cells (
        edition_id INTEGER NOT NULL, ord INTEGER, figure VARCHAR, table_part VARCHAR, "row" VARCHAR,
        "column" VARCHAR, value VARCHAR)""",
    f"""CREATE TABLE IF NOT EXISTS {W}.edition_facts (
        edition_id INTEGER NOT NULL, ord INTEGER, id VARCHAR, value VARCHAR)""",
    f"CREATE TABLE IF NOT EXISTS {W}.edition_files (edition_id INTEGER NOT NULL, name VARCHAR, sha256 VARCHAR)",
    f"""CREATE TABLE IF NOT EXISTS {W}.edition_editorial (
        edition_id INTEGER NOT NULL, name VARCHAR, content BLOB)""",
    f"CREATE TABLE IF NOT EXISTS {W}.edition_knowledge (edition_id INTEGER NOT NULL, prior_id INTEGER)",
    # the disclosure records of the edition's metadata.json (`edition.files.DISCLOSURE_RECORDS`, JSON): how an
    # outsider reads its withheld cells when it is earlier knowledge (docs/sdc.md, "Across editions")
    f"CREATE TABLE IF NOT EXISTS {W}.edition_records (edition_id INTEGER NOT NULL, content VARCHAR)",
)

MAX_EDITORIAL_FILE = 4 * 1024 * 1024


@dataclass(frozen=True)
class Entry:
    """One recorded edition as `jaarcijfers editions` lists it."""

    edition_id: int
    year: int
    policy: str
    version: int
    imported: bool
    built_at: str | None
    software_version: str | None
    rules_version: str | None
    contract_version: str | None
    origin: str | None
    cells: int
    facts: int
    loads: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class BuildInputs:
    """What a rebuild of a recorded edition reads besides the deliveries (`build --editie`)."""

    entry: Entry
    loads: dict[str, int]
    sdc_option: str | None  # the `--sdc` the edition was built with (None: its settings decided)
    editorial: dict[str, bytes]  # the editorial folder's files (relative path -> content)
    reflection: str | None
    compared_with: int | None  # the edition of the year before its revisions were computed against
    knowledge: tuple[int, ...]  # the earlier editions disclosure control knew
    files: dict[str, str]  # output file (relative path) -> sha256


@dataclass(frozen=True)
class Recorded:
    """The outcome of recording: the edition's id and version, and whether it was new."""

    edition_id: int
    version: int
    new: bool


# --- the connection -----------------------------------------------------------------------------------
@contextmanager
def connect(path: Path, *, write: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection with the warehouse at `path` attached as `wh` (owner-only; read-only unless `write`).
    Reading needs an existing warehouse; writing creates the register's tables (and the warehouse's
    marker in a new file)."""
    import duckdb

    from jaarcijfers.warehouse import database

    con = duckdb.connect()
    try:
        with database.private_umask():
            for note in database.attach(con, Path(path), read_only=not write):
                print(note)
            try:
                if write:
                    con.execute("BEGIN TRANSACTION")
                    try:
                        con.execute("USE wh")
                        database.mark(con)
                        con.execute("USE memory")
                        for ddl in DDL:
                            con.execute(ddl)
                        con.execute("COMMIT")
                    except BaseException:
                        con.execute("ROLLBACK")
                        raise
                yield con
            finally:
                database.detach(con)
    finally:
        con.close()


def has_register(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'wh' AND table_name = 'editions'"
    ).fetchone()
    return bool(row and row[0])


# --- recording ----------------------------------------------------------------------------------------
def content_hash(cells: Mapping[CellKey, str], facts: Mapping[str, str]) -> str:
    """The sha256 of an edition's published cells and facts (in order): equal content, equal hash."""
    digest = hashlib.sha256()
    for k, v in cells.items():
        digest.update("\x1f".join((k.figure, k.part, k.row, k.column, v)).encode() + b"\x1e")
    digest.update(b"\x1d")
    for fid, value in facts.items():
        digest.update(f"{fid}\x1f{value}".encode() + b"\x1e")
    return digest.hexdigest()


def record(
    con: duckdb.DuckDBPyConnection,
    edition: RecordedEdition,
    *,
    loads: Mapping[str, int] | None = None,
    built_at: str | None = None,
    versions: Mapping[str, str] | None = None,
    sdc_option: str | None = None,
    origin: str | None = None,
    reflection: str | None = None,
    editorial: Mapping[str, bytes] | None = None,
    compared_with: int | None = None,
    knowledge: Sequence[int] = (),
    files: Mapping[str, str] | None = None,
) -> Recorded:
    """Record an edition (one transaction). The same year, policy, content and loads as the latest
    recorded version: nothing is recorded. `versions`: `software_version`, `contract_version`."""
    versions = versions or {}
    digest = content_hash(edition.cells, edition.facts)
    loads = dict(loads or {})
    latest = _latest_id(con, edition.year, edition.policy)
    if latest is not None:
        row = con.execute(
            f"SELECT content_sha256, version, imported FROM {W}.editions WHERE edition_id = ?", [latest]
        ).fetchone()
        assert row is not None
        if row[0] == digest and _loads(con, latest) == loads and bool(row[2]) == edition.imported:
            return Recorded(latest, int(row[1]), new=False)
    con.execute("BEGIN TRANSACTION")
    try:
        edition_id = _scalar(con, f"SELECT coalesce(max(edition_id), 0) + 1 FROM {W}.editions")
        version = _scalar(
            con,
            f"SELECT coalesce(max(version), 0) + 1 FROM {W}.editions WHERE year = ? AND policy = ?",
            [edition.year, edition.policy],
        )
        con.execute(
            f"INSERT INTO {W}.editions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                edition_id,
                edition.year,
                edition.policy,
                version,
                edition.imported,
                built_at,
                dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0),
                versions.get("software_version"),
                edition.rules_version,
                versions.get("contract_version"),
                sdc_option,
                compared_with,
                origin,
                reflection,
                digest,
                len(edition.cells),
                len(edition.facts),
            ],
        )
        _many(con, "edition_loads", [(edition_id, s, i) for s, i in sorted(loads.items())])
        _many(
            con,
            "edition_deliveries",
            [
                (edition_id, source, file, sha)
                for source, files_ in sorted((edition.deliveries or {}).items())
                for file, sha in sorted(files_)
            ],
        )
        _many(
            con,
            "edition_cells",
            [
                (edition_id, i, k.figure, k.part, k.row, k.column, v)
                for i, (k, v) in enumerate(edition.cells.items())
            ],
        )
        _many(con, "edition_facts", [(edition_id, i, f, v) for i, (f, v) in enumerate(edition.facts.items())])
        _many(con, "edition_files", [(edition_id, n, h) for n, h in sorted((files or {}).items())])
        _many(con, "edition_editorial", [(edition_id, n, b) for n, b in sorted((editorial or {}).items())])
        _many(con, "edition_knowledge", [(edition_id, p) for p in sorted(set(knowledge))])
        if edition.records:
            records = json.dumps(dict(edition.records), ensure_ascii=False, sort_keys=True)
            _many(con, "edition_records", [(edition_id, records)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return Recorded(edition_id, version, new=True)


def _many(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    if rows:
        marks = ", ".join("?" for _ in rows[0])
        con.executemany(f"INSERT INTO {W}.{table} VALUES ({marks})", rows)


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> int:
    row = con.execute(sql, params or []).fetchone()
    assert row is not None
    return int(row[0])


# --- reading ------------------------------------------------------------------------------------------
def entries(con: duckdb.DuckDBPyConnection) -> list[Entry]:
    """Every recorded edition, by year, policy and version."""
    if not has_register(con):
        return []
    rows = con.execute(
        f"""SELECT edition_id, year, policy, version, imported, built_at, software_version, rules_version,
            contract_version, origin, cells, facts FROM {W}.editions ORDER BY year, policy, version"""
    ).fetchall()
    return [
        Entry(
            edition_id=int(r[0]),
            year=int(r[1]),
            policy=r[2],
            version=int(r[3]),
            imported=bool(r[4]),
            built_at=r[5],
            software_version=r[6],
            rules_version=r[7],
            contract_version=r[8],
            origin=r[9],
            cells=int(r[10]),
            facts=int(r[11]),
            loads=_loads(con, int(r[0])),
        )
        for r in rows
    ]


def entry(con: duckdb.DuckDBPyConnection, edition_id: int) -> Entry:
    for e in entries(con):
        if e.edition_id == edition_id:
            return e
    raise UserError(f"editie {edition_id} staat niet in het register")


def _loads(con: duckdb.DuckDBPyConnection, edition_id: int) -> dict[str, int]:
    return {
        s: int(i)
        for s, i in con.execute(
            f"SELECT source, load_id FROM {W}.edition_loads WHERE edition_id = ? ORDER BY source",
            [edition_id],
        ).fetchall()
    }


def _latest_id(con: duckdb.DuckDBPyConnection, year: int, policy: str | None = None) -> int | None:
    """The latest recorded version of `year` (and `policy` when given; else of any policy)."""
    if not has_register(con):
        return None
    where, params = ("year = ?", [year]) if policy is None else ("year = ? AND policy = ?", [year, policy])
    row = con.execute(
        f"SELECT edition_id FROM {W}.editions WHERE {where} ORDER BY edition_id DESC LIMIT 1", params
    ).fetchone()
    return None if row is None else int(row[0])


def read(con: duckdb.DuckDBPyConnection, edition_id: int) -> RecordedEdition:
    """A recorded edition with every published cell and fact."""
    e = entry(con, edition_id)
    cells = {
        CellKey(f, p, r, c): v
        for f, p, r, c, v in con.execute(
            f"""SELECT figure, table_part, "row", "column", value FROM {W}.edition_cells
                WHERE edition_id = ? ORDER BY ord""",
            [edition_id],
        ).fetchall()
    }
    facts = dict(
        con.execute(
            f"SELECT id, value FROM {W}.edition_facts WHERE edition_id = ? ORDER BY ord", [edition_id]
        ).fetchall()
    )
    rows = con.execute(
        f"SELECT source, file, sha256 FROM {W}.edition_deliveries WHERE edition_id = ?", [edition_id]
    ).fetchall()
    deliveries: Deliveries | None = None
    if rows or not e.imported:
        grouped: dict[str, set[tuple[str, str]]] = {}
        for source, file, sha in rows:
            grouped.setdefault(source, set()).add((file, sha))
        deliveries = {s: frozenset(f) for s, f in grouped.items()}
    return RecordedEdition(
        year=e.year,
        policy=e.policy,
        cells=cells,
        facts=facts,
        deliveries=deliveries,
        rules_version=e.rules_version,
        edition_id=e.edition_id,
        version=e.version,
        imported=e.imported,
        built_at=e.built_at,
        records=_records(con, edition_id),
    )


def _records(con: duckdb.DuckDBPyConnection, edition_id: int) -> dict[str, Any]:
    row = con.execute(
        f"SELECT content FROM {W}.edition_records WHERE edition_id = ?", [edition_id]
    ).fetchone()
    return {} if row is None else json.loads(row[0])


def as_prior(editions: Sequence[RecordedEdition]) -> tuple[PriorEdition, ...]:
    """Recorded editions as what an outsider knows (for disclosure control across editions)."""
    from jaarcijfers.edition.files import prior_edition

    return tuple(
        prior_edition(
            e.year,
            e.cells,
            e.facts,
            {"onthullingscontrole": e.policy, **e.records},
            f"register:{e.edition_id}",
        )
        for e in editions
    )


def latest(con: duckdb.DuckDBPyConnection, year: int, policy: str | None = None) -> RecordedEdition | None:
    """The latest recorded version of the edition of `year` (of `policy` when given)."""
    found = _latest_id(con, year, policy)
    return None if found is None else read(con, found)


def previous_edition(con: duckdb.DuckDBPyConnection, year: int, policy: str) -> RecordedEdition | None:
    """The edition a new edition of `year` is compared with: the latest recorded edition of `year - 1`
    with the same policy, else the latest recorded edition of `year - 1` of any policy."""
    return latest(con, year - 1, policy) or latest(con, year - 1)


def prior_editions(
    con: duckdb.DuckDBPyConnection, before_year: int, ids: Sequence[int] | None = None
) -> tuple[RecordedEdition, ...]:
    """Every recorded edition of a year before `before_year` (every policy and version: what was
    published is what an outsider knows), oldest first; `ids`: exactly these editions (a rebuild knows
    what the original build knew)."""
    if not has_register(con):
        if ids:
            raise UserError("het register bevat geen edities")
        return ()
    if ids is None:
        found = [
            int(i)
            for (i,) in con.execute(
                f"SELECT edition_id FROM {W}.editions WHERE year < ? ORDER BY year, edition_id", [before_year]
            ).fetchall()
        ]
    else:
        found = list(ids)
    return tuple(read(con, i) for i in found)


def build_inputs(con: duckdb.DuckDBPyConnection, year: int, policy: str | None = None) -> BuildInputs:
    """What rebuilding the latest edition of `year` (of `policy`) built by jaarcijfers reads besides the
    deliveries (an imported edition cannot be rebuilt)."""
    if not has_register(con):
        raise UserError("het warehouse bevat nog geen vastgelegde edities (jaarcijfers build --warehouse)")
    recorded = [e for e in entries(con) if e.year == year]
    if not recorded:
        raise UserError(f"er is geen editie {year} vastgelegd; zie jaarcijfers editions")
    built = [e for e in recorded if not e.imported]
    if not built:
        raise UserError(
            f"editie {year} is alleen ingelezen uit gepubliceerde bestanden, niet met jaarcijfers gebouwd; "
            "ze kan niet opnieuw worden gebouwd"
        )
    policies = sorted({e.policy for e in built})
    if policy is None and len(policies) > 1:
        raise UserError(
            f"editie {year} is gebouwd met meer dan één beleid ({', '.join(policies)}); kies er een met --sdc"
        )
    chosen = [e for e in built if policy is None or e.policy == policy]
    if not chosen:
        raise UserError(f"editie {year} is niet gebouwd met beleid {policy} (wel: {', '.join(policies)})")
    e = max(chosen, key=lambda x: x.edition_id)  # the latest version built
    row = con.execute(
        f"SELECT sdc_option, reflection, compared_with FROM {W}.editions WHERE edition_id = ?", [e.edition_id]
    ).fetchone()
    assert row is not None
    editorial = _editorial(con, e.edition_id)
    knowledge = tuple(
        int(i)
        for (i,) in con.execute(
            f"SELECT prior_id FROM {W}.edition_knowledge WHERE edition_id = ? ORDER BY prior_id",
            [e.edition_id],
        ).fetchall()
    )
    files = dict(
        con.execute(
            f"SELECT name, sha256 FROM {W}.edition_files WHERE edition_id = ? ORDER BY name", [e.edition_id]
        ).fetchall()
    )
    return BuildInputs(
        entry=e,
        loads=e.loads,
        sdc_option=row[0],
        editorial=editorial,
        reflection=row[1],
        compared_with=None if row[2] is None else int(row[2]),
        knowledge=knowledge,
        files=files,
    )


# --- the editorial folder -----------------------------------------------------------------------------
@dataclass(frozen=True)
class EditorialInputs:
    """The editorial folder's files and the reflection a recorded edition was built with."""

    entry: Entry
    editorial: dict[str, bytes]  # relative path -> content (empty: the edition had no editorial folder)
    reflection: str | None


def recorded_editorial(con: duckdb.DuckDBPyConnection, year: int) -> EditorialInputs | None:
    """The editorial files and reflection of the latest edition of `year` built by jaarcijfers (any policy,
    the latest version), or None when none was built: what a build from the warehouse without `--data` or
    `--redactie` reads (docs/editions.md)."""
    built = [e for e in entries(con) if e.year == year and not e.imported]
    if not built:
        return None
    e = max(built, key=lambda x: x.edition_id)
    row = con.execute(f"SELECT reflection FROM {W}.editions WHERE edition_id = ?", [e.edition_id]).fetchone()
    assert row is not None
    return EditorialInputs(e, _editorial(con, e.edition_id), row[0])


def _editorial(con: duckdb.DuckDBPyConnection, edition_id: int) -> dict[str, bytes]:
    return {
        n: bytes(b)
        for n, b in con.execute(
            f"SELECT name, content FROM {W}.edition_editorial WHERE edition_id = ? ORDER BY name",
            [edition_id],
        ).fetchall()
    }


def editorial_files(folder: Path | None) -> dict[str, bytes]:
    """The regular files of an editorial folder (relative path -> content), read without following links,
    for the register: a rebuild writes them back into a private folder."""
    if folder is None:
        return {}
    from jaarcijfers.contract.safefiles import FileRefused, read_small

    out: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            out[path.relative_to(folder).as_posix()] = read_small(path, MAX_EDITORIAL_FILE)
        except FileRefused as exc:
            raise UserError(
                f"{path}: geen gewoon bestand of groter dan {MAX_EDITORIAL_FILE} bytes ({exc.code})"
            ) from None
    return out


def write_editorial(files: Mapping[str, bytes], folder: Path) -> None:
    """Write recorded editorial files into `folder` (a private temporary folder of the rebuild)."""
    for name, content in files.items():
        target = (folder / name).resolve()
        if folder.resolve() not in target.parents:
            raise UserError(f"ongeldige bestandsnaam in het register: {name!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


# --- importing an edition published before the system -------------------------------------------------
def import_folder(
    con: duckdb.DuckDBPyConnection, folder: Path, year: int | None = None, policy: str | None = None
) -> tuple[RecordedEdition, Recorded]:
    """Record the edition published in `folder` (`figures.csv`, and `facts.csv` and `metadata.json` when
    there). The year and policy come from `metadata.json`, else from `year` and `policy` (the year also
    from the figures' year columns); a given value that contradicts the metadata is an error."""
    import json

    from jaarcijfers.edition.files import disclosure_records, read_cells, read_fact_values, read_provenance
    from jaarcijfers.edition.record import deliveries_of
    from jaarcijfers.sdc.policy import get_policy

    if not folder.is_dir():
        raise UserError(f"{folder} is geen map met een gepubliceerde editie")
    cells = read_cells(folder / "figures.csv")
    facts = read_fact_values(folder / "facts.csv") if (folder / "facts.csv").is_file() else {}
    meta: dict = {}
    meta_path = folder / "metadata.json"
    if meta_path.is_file():
        try:
            loaded = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UserError(f"{meta_path} is geen leesbaar JSON-bestand: {exc}") from None
        if not isinstance(loaded, dict):
            raise UserError(f"{meta_path}: een JSON-object verwacht")
        meta = loaded
    meta_year, meta_policy = meta.get("verslagjaar"), meta.get("onthullingscontrole")
    if year is not None and isinstance(meta_year, int) and meta_year != year:
        raise UserError(f"{meta_path} zegt verslagjaar {meta_year}, niet {year}")
    if policy is not None and isinstance(meta_policy, str) and meta_policy != policy:
        raise UserError(f"{meta_path} zegt onthullingscontrole {meta_policy}, niet {policy}")
    years = [int(k.column) for k in cells if k.column.isascii() and k.column.isdigit() and len(k.column) == 4]
    year = year if year is not None else meta_year if isinstance(meta_year, int) else max(years, default=None)
    if year is None:
        raise UserError(f"{folder / 'figures.csv'}: het verslagjaar is onbekend; geef het op met --jaar")
    policy = policy if policy is not None else meta_policy if isinstance(meta_policy, str) else None
    if policy is None:
        raise UserError(
            f"{folder} vermeldt zijn beleid voor onthullingscontrole niet (geen metadata.json); geef het op met --sdc"
        )
    get_policy(policy)  # a known policy
    provenance = read_provenance(meta, str(meta_path))
    recorded = RecordedEdition(
        year=year,
        policy=policy,
        cells=cells,
        facts=facts,
        deliveries=deliveries_of(provenance),
        rules_version=provenance.rules_version,
        imported=True,
        built_at=meta.get("gebouwd_op") if isinstance(meta.get("gebouwd_op"), str) else None,
        records=disclosure_records(meta),
    )
    versions = {
        k: v
        for k, v in (
            ("software_version", provenance.software_version),
            ("contract_version", provenance.contract_version),
        )
        if v is not None
    }
    outcome = record(
        con, recorded, built_at=recorded.built_at, versions=versions, origin=str(folder.resolve())
    )
    return recorded, outcome
