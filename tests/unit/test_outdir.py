"""An output folder written atomically (`jaarcijfers.outdir`): what may be replaced, and that a failure
leaves the target as it was with nothing half-written beside it."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from jaarcijfers import outdir
from jaarcijfers.errors import UserError
from jaarcijfers.outdir import check_target, replaced_folder


def previous(folder: Path) -> bool:
    return (folder / "vorige.txt").is_file()


def snapshot(folder: Path) -> dict[str, bytes] | None:
    if not folder.exists():
        return None
    return {
        str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"<map>"
        for p in sorted(folder.rglob("*"))
    }


def leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if p.name.endswith((".bouw", ".vorige"))]


def make_previous(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "vorige.txt").write_text("de vorige editie\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "a.csv").write_text("1\n")
    return folder


def test_new_folder_appears_only_when_complete(tmp_path):
    out = tmp_path / "deep" / "ed"
    with replaced_folder(out, previous) as work:
        (work / "a.txt").write_text("a")
        assert not out.exists()
        assert work.parent == out.parent and work.name.endswith(".bouw")
    assert (out / "a.txt").read_text() == "a"
    assert leftovers(out.parent) == []


def test_new_folder_has_the_usual_permissions(tmp_path):
    mask = os.umask(0o022)
    try:
        with replaced_folder(tmp_path / "ed", previous) as work:
            (work / "a.txt").write_text("a")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(os.stat(tmp_path / "ed").st_mode) == 0o755


def test_previous_output_is_replaced_as_a_whole(tmp_path):
    out = make_previous(tmp_path / "ed")
    with replaced_folder(out, previous) as work:
        (work / "nieuw.txt").write_text("nieuw")
    assert sorted(p.name for p in out.iterdir()) == ["nieuw.txt"]
    assert leftovers(tmp_path) == []


def test_previous_output_replaced_without_an_exchange_call(tmp_path, monkeypatch):
    """On a system without `renameat2` the two renames do the same."""
    monkeypatch.setattr(outdir, "_exchange", lambda a, b: False)
    out = make_previous(tmp_path / "ed")
    with replaced_folder(out, previous) as work:
        (work / "nieuw.txt").write_text("nieuw")
    assert sorted(p.name for p in out.iterdir()) == ["nieuw.txt"]
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("interrupt", [RuntimeError("kapot"), KeyboardInterrupt()])
def test_failure_leaves_the_previous_output_and_nothing_beside_it(tmp_path, interrupt):
    out = make_previous(tmp_path / "ed")
    before = snapshot(out)
    with pytest.raises(type(interrupt)):
        with replaced_folder(out, previous) as work:
            (work / "half.txt").write_text("half")
            raise interrupt
    assert snapshot(out) == before
    assert leftovers(tmp_path) == []


def test_disk_full_is_a_user_error_naming_the_cause(tmp_path):
    out = make_previous(tmp_path / "ed")
    before = snapshot(out)
    with pytest.raises(UserError) as info:
        with replaced_folder(out, previous) as work:
            raise OSError(errno.ENOSPC, "No space left on device", str(work / "index.html"))
    message = info.value.message
    assert "schijf is vol" in message and "vorige inhoud is ongewijzigd" in message
    assert str(out / "index.html") in message  # named at its final place, not the temporary one
    assert snapshot(out) == before and leftovers(tmp_path) == []


def test_an_os_error_wrapped_by_a_library_is_named(tmp_path):
    """XlsxWriter raises its own FileCreateError from the OSError."""

    class FileCreateError(Exception):
        pass

    with pytest.raises(UserError, match="schijf is vol"):
        with replaced_folder(tmp_path / "ed", previous):
            try:
                raise OSError(errno.ENOSPC, "No space left on device")
            except OSError as exc:
                raise FileCreateError(exc) from exc
    assert not (tmp_path / "ed").exists() and leftovers(tmp_path) == []


def test_a_user_error_raised_from_an_os_error_passes_unchanged(tmp_path):
    with pytest.raises(UserError, match="^eigen melding$"):
        with replaced_folder(tmp_path / "ed", previous):
            try:
                raise OSError(errno.ENOSPC, "vol")
            except OSError:
                raise UserError("eigen melding") from None


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: p.write_text("x"), "geen map"),
        (lambda p: (p.mkdir(), (p / ".bashrc").write_text("x")), "niet leeg en bevat geen eerdere editie"),
        (lambda p: p.symlink_to(p.parent), "symbolische koppeling"),
        (
            lambda p: (make_previous(p), (p / "index.html").symlink_to("/etc/passwd")),
            "koppeling in de uitvoermap",
        ),
    ],
    ids=["file", "not-an-edition", "link", "link-inside"],
)
def test_targets_that_are_refused(tmp_path, setup, message):
    out = tmp_path / "ed"
    setup(out)
    before = {p.name: os.lstat(p).st_mtime_ns for p in tmp_path.iterdir()}
    with pytest.raises(UserError, match=message):
        with replaced_folder(out, previous) as work:
            (work / "a.txt").write_text("a")
    assert {p.name: os.lstat(p).st_mtime_ns for p in tmp_path.iterdir()} == before
    assert os.path.realpath("/etc/passwd") and Path("/etc/passwd").read_text()  # never written through


def test_root_and_dot_are_refused():
    for out in (Path("/"), Path(".")):
        with pytest.raises(UserError, match="map met een naam"):
            check_target(out, previous)


def test_empty_folder_is_replaced(tmp_path):
    (tmp_path / "ed").mkdir()
    with replaced_folder(tmp_path / "ed", previous) as work:
        (work / "a.txt").write_text("a")
    assert (tmp_path / "ed" / "a.txt").exists()
