"""An output folder written atomically: made complete beside its place, then moved in (docs/outputs.md).

`replaced_folder(out, is_previous)` checks the target before any work is done, then yields a new,
empty folder beside `out` (same parent, so the same file system: the final move is a `rename`). The
caller writes every file into it. Only when the body finishes does the new folder take the place of
`out`: an existing folder is exchanged with it in one step (Linux `renameat2(RENAME_EXCHANGE)`; on
other systems two renames, undone when the second fails), and the previous content is removed after.
On any failure (an exception, disk full, Ctrl-C) the new folder is removed and `out` is untouched:
nothing half-written is ever in `out`, and a previous edition stays until the new one is complete.

What may be at `out` (checked first, `UserError` otherwise): nothing; an empty folder; or a previous
output that `is_previous(folder)` recognises, which is replaced as a whole, files the new build does
not write included. A folder with other content is refused (it might be a home folder or a delivery);
a symbolic link at `out` or anywhere inside a previous output is refused too (nothing is written or
removed through a link). Failures of the file system (disk full, read-only, no permission) become a
`UserError` naming the cause.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from jaarcijfers.errors import UserError, describe_os_error

BUILD_SUFFIX = ".bouw"  # the temporary folder beside `out`: `.NAME.XXXXXXXX.bouw`


def check_target(out: Path, is_previous: Callable[[Path], bool]) -> None:
    """Refuse a target that cannot be replaced safely (see the module docstring)."""
    if out.name in ("", ".", ".."):
        raise UserError(f"uitvoermap {out}: geef een map met een naam (niet de hoofdmap of '..')")
    _check_writable(Path(os.path.abspath(out)).parent)
    try:
        st = os.lstat(out)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UserError(f"uitvoermap {out} kan niet bekeken worden: {describe_os_error(exc)}") from None
    if stat.S_ISLNK(st.st_mode):
        raise UserError(
            f"uitvoermap {out} is een symbolische koppeling; jaarcijfers schrijft niet via een koppeling. "
            "Geef de echte map op."
        )
    if not stat.S_ISDIR(st.st_mode):
        raise UserError(f"uitvoermap {out} bestaat al en is geen map")
    if not os.access(out, os.W_OK | os.X_OK):
        raise UserError(
            f"uitvoermap {out} is alleen-lezen (geen schrijfrechten); jaarcijfers vervangt haar niet. "
            "Geef schrijfrechten of kies een andere map."
        )
    try:
        empty = not any(os.scandir(out))
    except OSError as exc:
        raise UserError(f"uitvoermap {out} kan niet gelezen worden: {describe_os_error(exc)}") from None
    if empty:
        return
    if not is_previous(out):
        raise UserError(
            f"uitvoermap {out} is niet leeg en bevat geen eerdere editie (geen metadata.json van "
            "jaarcijfers); kies een lege of nieuwe map. Een eerdere editie wordt in haar geheel vervangen."
        )
    link = _first_link(out)
    if link is not None:
        raise UserError(
            f"{link} is een symbolische koppeling in de uitvoermap; jaarcijfers vervangt geen map met "
            "koppelingen. Verwijder de koppeling of kies een andere map."
        )


def _check_writable(parent: Path) -> None:
    """The folder the new output is made in (or its nearest existing ancestor) can be written."""
    existing = parent
    while not os.path.lexists(existing) and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        raise UserError(f"kan de uitvoermap niet maken: {existing} is geen map")
    if not os.access(existing, os.W_OK | os.X_OK):
        try:
            read_only = os.statvfs(existing).f_flag & os.ST_RDONLY
        except OSError:
            read_only = False
        cause = "het bestandssysteem is alleen-lezen (EROFS)" if read_only else "geen schrijfrechten"
        raise UserError(f"kan niet schrijven in {existing}: {cause}")


def _first_link(folder: Path) -> Path | None:
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(root) / name
            if path.is_symlink():
                return path
    return None


@contextmanager
def replaced_folder(out: Path, is_previous: Callable[[Path], bool]) -> Iterator[Path]:
    """Yield a new folder to write into; on success it becomes `out` (module docstring)."""
    out = Path(os.path.abspath(out))
    check_target(out, is_previous)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=BUILD_SUFFIX, dir=out.parent))
    except OSError as exc:
        raise UserError(f"kan niet schrijven in {out.parent}: {describe_os_error(exc)}") from None
    try:
        try:
            yield work
            os.chmod(work, 0o777 & ~_umask())  # mkdtemp made it owner-only; the edition is public
            _put_in_place(work, out, is_previous)
        except Exception as caught:
            error = _os_error_in(caught)  # a library may wrap the OSError (XlsxWriter's FileCreateError)
            if error is None or isinstance(caught, UserError):
                raise
            where = f" (bij {str(error.filename).replace(str(work), str(out))})" if error.filename else ""
            kept = "de vorige inhoud is ongewijzigd" if os.path.lexists(out) else "de map is niet gemaakt"
            raise UserError(
                f"de uitvoer kon niet geschreven worden in {out}: {describe_os_error(error)}{where}. "
                f"Er is niets half geschreven; {kept}."
            ) from None
    finally:
        if os.path.lexists(work):
            _remove(work)


def _os_error_in(exc: BaseException) -> OSError | None:
    """The OSError `exc` is or was raised from (its chain of causes), if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, OSError):
            return current
        seen.add(id(current))
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return None


def _remove(folder: Path) -> None:
    """Remove a folder this module made (the new output after a failure, or the previous output after
    the exchange), also where a previous build left a read-only folder; a folder that cannot be removed
    is named on stderr (never an error: `out` is already complete, or untouched)."""

    def retry(function, path, _exc_info) -> None:
        try:
            os.chmod(os.path.dirname(path), 0o700)
            if os.path.isdir(path) and not os.path.islink(path):
                os.chmod(path, 0o700)
            function(path)
        except OSError:
            pass

    shutil.rmtree(folder, onerror=retry)
    if os.path.lexists(folder):
        import sys

        print(
            f"let op: de tijdelijke map {folder} kon niet verwijderd worden; verwijder haar zelf",
            file=sys.stderr,
        )


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _put_in_place(work: Path, out: Path, is_previous: Callable[[Path], bool]) -> None:
    """Move the complete `work` to `out`; `work` then holds the previous content (removed by the caller)."""
    if not os.path.lexists(out):
        try:
            os.rename(work, out)
            return
        except OSError as exc:
            if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
        # someone made `out` meanwhile: check it again and replace it like an existing one
    check_target(out, is_previous)
    if _exchange(work, out):
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".vorige", dir=out.parent))
    os.rmdir(aside)
    os.rename(out, aside)
    try:
        os.rename(work, out)
    except BaseException:
        os.rename(aside, out)
        raise
    os.rename(aside, work)  # the caller removes it


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux `renameat2` with `RENAME_EXCHANGE`); False where unsupported."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, getattr(errno, "ENOTSUP", -1), getattr(errno, "EOPNOTSUPP", -1)):
        return False
    raise OSError(code, os.strerror(code), str(b))
