"""A build that fails cleanly (issue 14): every bad argument or failing file system gives a clear message
and exit 2, never an internal error (exit 70), and the output folder then holds the complete previous
edition (byte for byte) or nothing new, with no temporary folder left beside it."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from filesystems import fill, leftovers, mount_tmpfs, tree, umount, without_dac_override
from jaarcijfers.build import run_build
from jaarcijfers.errors import UserError

SOURCE_DATE_EPOCH = "1735689600"


def run(*args: str, env: dict[str, str] | None = None, prefix: list[str] | None = None):
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "jaarcijfers.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **(env or {})},
    )


def assert_clean_failure(res, *phrases: str) -> None:
    assert res.returncode == 2, res.stdout + res.stderr
    assert "interne fout" not in res.stderr and "Traceback" not in res.stderr
    for phrase in phrases:
        assert phrase in res.stderr, res.stderr


@pytest.fixture(scope="module")
def edition(demo_build) -> Path:
    """A complete figures-only edition of the demo (shared, read only)."""
    return demo_build("--only-figures")


@pytest.fixture
def previous(tmp_path, edition) -> Path:
    """`tmp_path/uit/2024`: a previous edition the failing build must leave as it is."""
    out = tmp_path / "uit" / "2024"
    shutil.copytree(edition, out, ignore=shutil.ignore_patterns(".complete"))
    return out


# --- arguments and data checked before anything is written ------------------------------------------
@pytest.mark.parametrize(
    "year, phrase",
    [
        ("2030", "verslagjaar 2030: geen enkele bron heeft gegevens over dat jaar"),
        ("2015", "verslagjaar 2015: geen enkele bron heeft gegevens over dat jaar"),
        ("99999", "--year 99999: geen geldig verslagjaar"),
        ("-5", "--year -5: geen geldig verslagjaar"),
    ],
)
def test_a_year_outside_the_delivery_is_an_error(previous, year, phrase):
    before = tree(previous)
    res = run("build", "--year", year, "--only-figures", "--out", str(previous))
    assert_clean_failure(res, phrase)
    if year in ("2030", "2015"):
        assert "De levering heeft gegevens over 2018-2024" in res.stderr  # what the delivery does have
    assert tree(previous) == before and leftovers(previous.parent) == []


def test_a_year_outside_the_delivery_writes_no_new_folder(tmp_path):
    out = tmp_path / "nieuw"
    assert_clean_failure(run("build", "--year", "2030", "--only-figures", "--out", str(out)), "2030")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "value, phrase",
    [
        ("abc", "SOURCE_DATE_EPOCH='abc' is ongeldig"),
        ("-1", "ongeldig"),
        ("1e9", "ongeldig"),
        ("99999999999999", "na het jaar 9999"),
    ],
)
def test_an_invalid_source_date_epoch_is_an_error(previous, value, phrase):
    before = tree(previous)
    res = run("build", "--only-figures", "--out", str(previous), env={"SOURCE_DATE_EPOCH": value})
    assert_clean_failure(res, phrase)
    assert tree(previous) == before and leftovers(previous.parent) == []


# --- the output folder --------------------------------------------------------------------------------
def test_a_successful_build_replaces_the_previous_edition_as_a_whole(previous):
    (previous / "index.html").write_text("een oude site van een volledige build")
    res = run("build", "--only-figures", "--out", str(previous))
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in previous.iterdir()) == ["facts.csv", "figures.csv", "metadata.json"]
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(previous).st_mode) == 0o777 & ~umask  # published: not owner-only
    assert leftovers(previous.parent) == []


def test_a_symlink_inside_out_is_refused(previous):
    (previous / "index.html").symlink_to("/etc/passwd")
    passwd = Path("/etc/passwd").read_bytes()
    before = tree(previous)
    res = run("build", "--only-figures", "--out", str(previous))
    assert_clean_failure(res, "index.html is een symbolische koppeling")
    assert tree(previous) == before and Path("/etc/passwd").read_bytes() == passwd


def test_out_that_is_a_symlink_a_file_or_another_folder_is_refused(tmp_path, previous):
    link = tmp_path / "koppeling"
    link.symlink_to(previous)
    assert_clean_failure(run("build", "--only-figures", "--out", str(link)), "is een symbolische koppeling")
    (tmp_path / "bestand").write_text("x")
    assert_clean_failure(run("build", "--only-figures", "--out", str(tmp_path / "bestand")), "geen map")
    home = tmp_path / "thuis"
    home.mkdir()
    (home / ".bashrc").write_text("export X=1\n")
    res = run("build", "--only-figures", "--out", str(home))
    assert_clean_failure(res, "niet leeg en bevat geen eerdere editie")
    assert [p.name for p in home.iterdir()] == [".bashrc"]
    assert leftovers(tmp_path) == []


def test_disk_full_keeps_the_previous_edition(tmp_path, edition, monkeypatch):
    """A real full disk (a small tmpfs filled to the last byte) where the machine can mount one; else
    every write into the output fails with ENOSPC after writing half of its text."""
    disk = tmp_path / "schijf"
    mounted = mount_tmpfs(disk, "1m")
    try:
        out = disk / "2024"
        shutil.copytree(edition, out, ignore=shutil.ignore_patterns(".complete"))
        before = tree(out)
        if mounted:
            filler = fill(disk)
        else:
            real = Path.write_text

            def full(self, data, *args, **kwargs):  # type: ignore[no-untyped-def]
                if str(self).startswith(str(disk)):
                    real(self, data[: len(data) // 2], *args, **kwargs)
                    raise OSError(errno.ENOSPC, "No space left on device", str(self))
                return real(self, data, *args, **kwargs)

            monkeypatch.setattr(Path, "write_text", full)
        with pytest.raises(UserError) as info:
            run_build(None, None, out, only_figures=True)
        monkeypatch.undo()
        assert info.value.exit_code == 2
        assert "schijf is vol" in info.value.message and "vorige inhoud is ongewijzigd" in info.value.message
        assert tree(out) == before
        assert leftovers(disk) == []
        if mounted:
            filler.unlink()
    finally:
        if mounted:
            umount(disk)


def test_disk_full_without_a_previous_edition_leaves_nothing(tmp_path, monkeypatch):
    disk = tmp_path / "schijf"
    mounted = mount_tmpfs(disk, "16k")
    try:
        if not mounted:
            real = Path.write_text

            def full(self, data, *args, **kwargs):  # type: ignore[no-untyped-def]
                if str(self).startswith(str(disk)):
                    raise OSError(errno.ENOSPC, "No space left on device", str(self))
                return real(self, data, *args, **kwargs)

            monkeypatch.setattr(Path, "write_text", full)
        with pytest.raises(UserError, match="schijf is vol.*de map is niet gemaakt"):
            run_build(None, None, disk / "2024", only_figures=True)
        monkeypatch.undo()
        assert list(disk.iterdir()) == []
    finally:
        if mounted:
            umount(disk)


def test_a_read_only_file_system_is_named(tmp_path, monkeypatch):
    place = tmp_path / "alleen-lezen"
    mounted = mount_tmpfs(place, "1m", read_only=True)
    try:
        if not mounted:  # simulated: the folder cannot be written
            place.mkdir(exist_ok=True)
            real_access = os.access
            monkeypatch.setattr(
                "jaarcijfers.outdir.os.access",
                lambda p, mode: False if str(p).startswith(str(place)) else real_access(p, mode),
            )
        with pytest.raises(UserError) as info:
            run_build(None, None, place / "2024", only_figures=True)
        assert info.value.exit_code == 2
        assert ("alleen-lezen" if mounted else "geen schrijfrechten") in info.value.message
        assert list(place.iterdir()) == []
    finally:
        if mounted:
            umount(place)


@pytest.mark.parametrize("what", ["the output folder", "the folder above it"])
def test_a_folder_without_write_permission_is_named(previous, monkeypatch, what):
    """Checked before any work is done. Really without the permission where the process can be made to
    obey it (not root, or root through setpriv); else simulated."""
    target = previous if what == "the output folder" else previous.parent / "nieuw"
    locked = previous if what == "the output folder" else previous.parent
    before = tree(previous)
    prefix = without_dac_override()
    os.chmod(locked, 0o555)
    try:
        if prefix is not None:
            res = run("build", "--only-figures", "--out", str(target), prefix=prefix)
            assert_clean_failure(res, "alleen-lezen" if locked == target else "geen schrijfrechten")
        else:
            real_access = os.access
            monkeypatch.setattr(
                "jaarcijfers.outdir.os.access",
                lambda p, mode: False if Path(p) == locked else real_access(p, mode),
            )
            with pytest.raises(UserError, match="alleen-lezen|geen schrijfrechten") as info:
                run_build(None, None, target, only_figures=True)
            assert info.value.exit_code == 2
    finally:
        os.chmod(locked, 0o755)
    assert tree(previous) == before and not (previous.parent / "nieuw").exists()
    assert leftovers(previous.parent) == []


def test_an_interrupted_build_leaves_the_previous_edition(previous, monkeypatch):
    """Ctrl-C (or SIGTERM, which the CLI turns into the same) while the files are being written."""
    from jaarcijfers.edition import files

    real = files.write_files

    def interrupted(edition, out):  # type: ignore[no-untyped-def]
        real(edition, out)  # complete files in the new folder ...
        raise KeyboardInterrupt  # ... but the build never finishes

    monkeypatch.setattr(files, "write_files", interrupted)
    before = tree(previous)
    with pytest.raises(KeyboardInterrupt):
        run_build(None, None, previous, only_figures=True)
    assert tree(previous) == before and leftovers(previous.parent) == []


def test_sigterm_stops_a_command_like_ctrl_c():
    """The CLI turns SIGTERM into KeyboardInterrupt, so `finally` clauses run: exit 130, 'afgebroken'."""
    code = (
        "import os, signal, time\n"
        "from jaarcijfers import cli\n"
        "def app():\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    time.sleep(60)\n"
        "cli.app = app\n"
        "cli.main()\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 130 and "afgebroken" in res.stderr
    assert signal.SIGTERM  # the signal the subprocess sent itself
