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
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

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


@pytest.fixture(scope="session")
def demo_build() -> Callable[..., Path]:
    source = _source_hash()

    def build(*args: str) -> Path:
        key = hashlib.sha256("\0".join((source, *args)).encode()).hexdigest()[:16]
        out = CACHE / key
        CACHE.mkdir(parents=True, exist_ok=True)
        with open(CACHE / f"{key}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not (out / ".complete").exists():
                shutil.rmtree(out, ignore_errors=True)
                res = run_cli("build", *args, "--out", str(out), env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
                assert res.returncode == 0, res.stdout + res.stderr
                (out / ".complete").write_text(" ".join(args))
        return out

    return build
