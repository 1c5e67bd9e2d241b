"""Test-wide settings and the shared demo builds.

Under CI (`CI` set) hypothesis runs derandomized, so a CI run is reproducible; locally it explores new
examples on every run.

`demo_build(*args)` builds the bundled demo delivery with `jaarcijfers build ARGS` once per state of the
source tree and shares the result between test processes (pytest-xdist workers) and between the fast and
the slow test targets (docs/testing.md): the output folder is keyed by a hash of the package's files, the
lock file and the arguments, and built under a file lock. Tests must not write into it.

tests/ itself is on the module path (below, whatever pytest's import mode): the helpers shared by tests in
several folders are modules of it, imported by name (`filesystems`: tmpfs, a full disk, snapshots).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parents[1]
TESTS = str(ROOT / "tests")
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)
CACHE = ROOT / "build" / "test-editions"
SOURCE_DATE_EPOCH = "1735689600"


def _source_hash() -> str:
    digest = hashlib.sha256()
    package = ROOT / "src" / "jaarcijfers"
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    digest.update((ROOT / "uv.lock").read_bytes())
    return digest.hexdigest()[:16]


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`jaarcijfers ARGS` in a fresh process (as a user runs it)."""
    return subprocess.run(
        [sys.executable, "-m", "jaarcijfers.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="session")
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """`cli(*args)` runs `jaarcijfers ARGS` in a fresh process with SOURCE_DATE_EPOCH set."""
    return lambda *args: run_cli(*args, env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})


@pytest.fixture(scope="session", autouse=True)
def _drawn_charts() -> Iterator[None]:
    from functools import lru_cache

    from jaarcijfers.render import charts

    draw = charts._svg.__wrapped__  # the lru_cache'd drawing, unwrapped
    salt = hashlib.sha256((ROOT / "uv.lock").read_bytes() + charts.VL_VERSION.encode()).digest()
    folder = CACHE / "svg"

    @lru_cache(maxsize=256)
    def cached(spec: str) -> str:
        path = folder / f"{hashlib.sha256(salt + spec.encode()).hexdigest()[:32]}.svg"
        if path.exists():
            return path.read_text(encoding="utf-8")
        svg: str = draw(spec)
        _write_whole(path, svg.encode("utf-8"))
        return svg

    original = charts._svg
    charts._svg = cached  # type: ignore[assignment]
    yield
    charts._svg = original


def _today() -> str:
    """Part of an edition's cache key: an edition computed in a test process dates itself from the clock
    (or SOURCE_DATE_EPOCH)."""
    import datetime

    return os.environ.get("SOURCE_DATE_EPOCH") or datetime.date.today().isoformat()


def _key(*parts: str) -> str:
    """A cache entry's name: a hash of what it depends on."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def _write_whole(path: Path, data: bytes) -> None:
    """Write a cache file so that another test process sees it whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


@contextmanager
def _locked(key: str) -> Iterator[None]:
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@pytest.fixture(scope="session")
def demo_edition() -> Callable[..., tuple[Any, Any]]:
    """`demo_edition(year=None, policy="publicatie")`: (Edition, AuditResult) of the demo delivery."""
    source = _source_hash()
    memo: dict[tuple[int | None, str], tuple[Any, Any]] = {}

    def edition(year: int | None = None, policy: str = "publicatie") -> tuple[Any, Any]:
        if (year, policy) in memo:
            return memo[year, policy]
        key = _key(source, "edition", str(year), policy, _today())
        path = CACHE / f"{key}.pickle"
        with _locked(key):
            if path.exists():
                result = pickle.loads(path.read_bytes())
            else:
                from jaarcijfers.build import compute_edition
                from jaarcijfers.paths import DEMO_DELIVERY

                result = compute_edition(DEMO_DELIVERY, year, policy)
                _write_whole(path, pickle.dumps(result))
        memo[year, policy] = result
        return result

    return edition


@pytest.fixture(scope="session")
def demo_build() -> Callable[..., Path]:
    source = _source_hash()

    def build(*args: str) -> Path:
        key = _key(source, *args)
        out = CACHE / key
        with _locked(key):
            if not (out / ".complete").exists():
                shutil.rmtree(out, ignore_errors=True)
                res = run_cli("build", *args, "--out", str(out), env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
                assert res.returncode == 0, res.stdout + res.stderr
                (out / ".complete").write_text(" ".join(args))
        return out

    return build
