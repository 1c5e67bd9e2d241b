"""File systems for the failure tests (tests/build/test_failures.py, tests/warehouse/test_safety.py): a
small tmpfs (full, or read-only) where the machine allows mounting one (root with CAP_SYS_ADMIN), a
process without the right to ignore file permissions (root runs it through `setpriv` without
CAP_DAC_OVERRIDE), and snapshots of folders. Where none of that is possible the tests simulate the error
instead (never a skip; `JAARCIJFERS_TEST_NO_TMPFS=1` forces the simulated path).

Imported as `filesystems`: tests/ is on the module path (tests/conftest.py)."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import uuid
from pathlib import Path

#: Drops the capabilities that let root ignore file permissions, for one command.
NO_DAC = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def mount_tmpfs(target: Path, size: str, read_only: bool = False, mode: str = "0755") -> bool:
    """Mount a tmpfs of `size` at `target` if this machine allows it; else False (the test simulates the
    error instead)."""
    target.mkdir(parents=True, exist_ok=True)
    if os.environ.get("JAARCIJFERS_TEST_NO_TMPFS"):
        return False
    options = f"size={size},mode={mode}" + (",ro" if read_only else "")
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True)
    return proc.returncode == 0


def umount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], check=False, capture_output=True)


def fill(folder: Path) -> Path:
    """Fill the file system of `folder` to the last byte."""
    filler = folder / f"vulsel-{uuid.uuid4().hex}"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    try:
        with open(filler, "ab") as handle:
            while True:
                handle.write(b"\0")
                handle.flush()
    except OSError:
        pass
    return filler


def without_dac_override() -> list[str] | None:
    """The command prefix that makes a root process obey file permissions; [] when not root; None when
    root cannot drop the capability here."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None or os.environ.get("JAARCIJFERS_TEST_NO_TMPFS"):
        return None
    probe = subprocess.run([*NO_DAC, "true"], capture_output=True)
    return NO_DAC if probe.returncode == 0 else None


def tree(folder: Path) -> dict[str, str] | None:
    """Every entry under `folder` with a hash of its content (None when the folder does not exist)."""
    if not os.path.lexists(folder):
        return None
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            out[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[rel] = "<map>"
    return out


def leftovers(parent: Path) -> list[str]:
    """Temporary folders of a build left beside its output."""
    return sorted(p.name for p in parent.iterdir() if p.name.endswith((".bouw", ".vorige")))
