"""Opening a delivered file safely: regular files only, never followed through a link, never larger
than a limit.

A delivery folder comes from outside. A name in it may be a symbolic link (to `/etc/passwd`, to
`/dev/zero`), a named pipe (reading it blocks forever), a device or a folder. Every file the system
reads from a delivery goes through `open_regular`: `lstat` first (what the name is), then `open` with
`O_NOFOLLOW | O_NONBLOCK` (a link swapped in after the check fails; a pipe does not block), then
`fstat` on the open descriptor (what was actually opened) and the size limit. Readers read from the
descriptor, DuckDB through `/proc/self/fd/N`, so the file checked is the file read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: Default limit on the size of one delivered file (documented in docs/validation.md; `--max-file-size`
#: raises it). 256 MiB is about four times the largest delivery the project has been tested with (two
#: million registrations, 62 MB) and a thousand times a real year's CoMensha delivery.
DEFAULT_MAX_FILE_SIZE = 256 * 1024 * 1024

#: An XLSX workbook is a zip archive and a Parquet file holds compressed pages: what they unpack to is
#: limited to this many times the file-size limit (a "zip bomb" is refused before it fills memory).
DEFAULT_EXPANSION = 8

#: ... and no single member may unpack to more than this many times its packed size once it is past
#: one MiB (real sheet XML compresses 5-20 times; a bomb thousands of times).
MAX_MEMBER_RATIO = 200

CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    """Resource limits for reading one delivery."""

    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    expansion: int = DEFAULT_EXPANSION

    @property
    def max_unpacked(self) -> int:
        return self.max_file_size * self.expansion


class FileRefused(Exception):
    """The name is not a regular file, or the file is too large. `code` is the problem code."""

    def __init__(self, code: str, **params: str):
        super().__init__(code)
        self.code = code
        self.params = params


def kind_of(mode: int) -> str | None:
    """None for a regular file, else what the entry is instead (Dutch, for messages)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "een symbolische koppeling"
    if stat.S_ISDIR(mode):
        return "een map"
    if stat.S_ISFIFO(mode):
        return "een named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaatbestand"
    if stat.S_ISSOCK(mode):
        return "een socket"
    return "geen gewoon bestand"


def entry_kind(path: Path) -> str | None:
    """What `path` itself is (a link is not followed); None for a regular file."""
    return kind_of(os.lstat(path).st_mode)


def format_size(n: int) -> str:
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value >= 10 else f"{value:.1f} {unit}".replace(".", ",")
    return f"{n} bytes"


def parse_size(text: str) -> int:
    """`300M`, `2G`, `1.5GiB`, `500000` → bytes (ValueError otherwise)."""
    import re

    m = re.fullmatch(r"\s*([0-9]+(?:[.,][0-9]+)?)\s*([kmgt]?)(?:i?b)?\s*", text.lower())
    if not m:
        raise ValueError(text)
    factor = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}[m.group(2)]
    value = int(float(m.group(1).replace(",", ".")) * factor)
    if value <= 0:
        raise ValueError(text)
    return value


@dataclass(frozen=True)
class OpenFile:
    """A delivered file opened for reading: its descriptor and size."""

    path: Path
    fd: int
    size: int

    @property
    def proc_path(self) -> str:
        """A path that names exactly this open file (for DuckDB): `/proc/self/fd/N`."""
        for base in ("/proc/self/fd", "/dev/fd"):
            if os.path.isdir(base):
                return f"{base}/{self.fd}"
        return str(self.path)  # pragma: no cover - no fd file system; the lstat/fstat checks still held

    def chunks(self, limit: int) -> Iterator[bytes]:
        """The content from the start, in chunks; raises FileRefused(E009) past `limit` bytes (a file
        that grows while it is read)."""
        os.lseek(self.fd, 0, os.SEEK_SET)
        total = 0
        while True:
            chunk = os.read(self.fd, CHUNK)
            if not chunk:
                return
            total += len(chunk)
            if total > limit:
                raise FileRefused("E009", size=f"meer dan {format_size(limit)}", limit=format_size(limit))
            yield chunk

    def read_all(self, limit: int) -> bytes:
        return b"".join(self.chunks(limit))


@contextmanager
def open_regular(path: Path, limits: Limits) -> Iterator[OpenFile]:
    """Open `path` if it is a regular file within the size limit; raise FileRefused (E008: not a
    regular file, E009: too large) or OSError (cannot be read)."""
    kind = entry_kind(path)
    if kind is not None:
        raise FileRefused("E008", kind=kind)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        import errno

        if exc.errno == errno.ELOOP:  # became a link after the check
            raise FileRefused("E008", kind="een symbolische koppeling") from None
        raise
    try:
        st = os.fstat(fd)
        kind = kind_of(st.st_mode)
        if kind is not None:
            raise FileRefused("E008", kind=kind)
        if st.st_size > limits.max_file_size:
            raise FileRefused("E009", size=format_size(st.st_size), limit=format_size(limits.max_file_size))
        yield OpenFile(path=path, fd=fd, size=st.st_size)
    finally:
        os.close(fd)


def read_small(path: Path, limit: int = 1 << 20) -> bytes:
    """The content of a small companion file (`levering.toml`, `reflectie.md`, an editorial file) read
    safely: a regular file only (a link is never followed, a pipe never blocks), at most `limit` bytes.
    Raises FileRefused (not a regular file, too large) or OSError. `read_text` gives Dutch messages."""
    with open_regular(path, Limits(max_file_size=limit)) as f:
        return f.read_all(limit)


def read_text(path: Path, limit: int = 1 << 20) -> str:
    """A small UTF-8 text file from a delivery or an editorial folder (`read_small`); every way it can be
    refused is a `UserError` naming the file and the reason."""
    from jaarcijfers.errors import UserError, describe_os_error

    try:
        data = read_small(path, limit)
    except FileRefused as exc:
        if exc.code == "E009":
            raise UserError(f"{path} is groter dan {format_size(limit)} en wordt niet gelezen") from None
        what = exc.params.get("kind", "geen gewoon bestand")
        raise UserError(
            f"{path} is {what}; alleen een gewoon bestand wordt gelezen (geen koppeling)"
        ) from None
    except OSError as exc:
        raise UserError(f"{path} kan niet gelezen worden: {describe_os_error(exc)}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path} is geen UTF-8-tekst (byte {exc.start})") from None
