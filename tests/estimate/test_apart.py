"""The build's estimate in a process of its own (`estimate.apart`): the same result as computed here, and
computed here when the process cannot help."""

import sys
from pathlib import Path

import pytest

from jaarcijfers.errors import UserError
from jaarcijfers.estimate import apart
from jaarcijfers.estimate.apart import Apart
from jaarcijfers.estimate.approaches import LEVEL, report_from_table
from jaarcijfers.estimate.checks import tidy_lists
from jaarcijfers.estimate.histories import read_lists_csv

DATA = Path(__file__).resolve().parents[1] / "data" / "mse"
NOTES = ("een opmerking over de gegevens",)


@pytest.fixture(scope="module")
def table():
    reduced, _ = tidy_lists(read_lists_csv(DATA / "western_5.csv"))
    return reduced


@pytest.fixture(scope="module")
def here(table):
    return report_from_table(table, NOTES, 2024, level=LEVEL, resample=False)


def test_the_process_gives_what_is_computed_here(table, here):
    with Apart.start() as job:
        assert job._process is not None  # the system gave a process
        job.submit(table, NOTES, 2024, LEVEL)
        answer = job._answer()  # what the process wrote, not the fallback
    assert answer is not None
    # repr: every float to the last bit (and a NaN equal to a NaN), every note and model term
    assert repr(answer) == repr(here)
    assert answer.notes == NOTES and answer.year == 2024


def test_result_through_the_process(table, here):
    with Apart.start() as job:
        job.submit(table, NOTES, 2024, LEVEL)
        assert repr(job.result()) == repr(here)
        assert job._process is None  # the process has ended and was waited for


@pytest.mark.parametrize(
    "command",
    [
        ["/nonexistent/python"],  # no process at all
        [sys.executable, "-c", "pass"],  # ends without answering
        [sys.executable, "-c", "import sys; sys.stdin.read(); print('geen pickle')"],  # a foreign answer
        [sys.executable, "-c", "import sys; sys.exit(3)"],  # dies, maybe before reading its input
    ],
    ids=["no-process", "silent", "garbage", "dies"],
)
def test_computed_here_when_the_process_cannot_help(monkeypatch, table, here, command):
    monkeypatch.setattr(apart, "_command", lambda: command)
    with Apart.start() as job:
        job.submit(table, NOTES, 2024, LEVEL)
        assert repr(job.result()) == repr(here)


def test_a_user_error_of_the_process_is_a_user_error_here(monkeypatch, table):
    script = "import pickle, sys; sys.stdin.read(); sys.stdout.buffer.write(pickle.dumps(('fout', 'geen schatting')))"
    monkeypatch.setattr(apart, "_command", lambda: [sys.executable, "-c", script])
    with Apart.start() as job:
        job.submit(table, NOTES, 2024, LEVEL)
        with pytest.raises(UserError, match="geen schatting"):
            job.result()


def test_an_unused_process_is_ended(table):
    job = Apart.start()
    process = job._process
    assert process is not None
    job.close()
    assert process.returncode is not None  # ended and waited for: no process left behind
    job.close()  # twice is harmless


def test_leaving_the_block_on_an_error_ends_the_process(table):
    with pytest.raises(RuntimeError), Apart.start() as job:
        process = job._process
        job.submit(table, NOTES, 2024, LEVEL)
        raise RuntimeError("de build faalt elders")
    assert process is not None and process.returncode is not None


def test_the_process_runs_this_code_whatever_the_current_folder(tmp_path, monkeypatch, table, here):
    # a folder named like a module in the current directory is not imported (`-P`)
    (tmp_path / "numpy").mkdir()
    (tmp_path / "numpy" / "__init__.py").write_text("raise SystemExit(9)\n")
    monkeypatch.chdir(tmp_path)
    with Apart.start() as job:
        job.submit(table, NOTES, 2024, LEVEL)
        answer = job._answer()
    assert repr(answer) == repr(here)


def test_no_interpreter_to_start_computes_here(monkeypatch, table, here):
    monkeypatch.setattr(sys, "executable", "")
    with Apart.start() as job:
        assert job._process is None
        job.submit(table, NOTES, 2024, LEVEL)
        assert repr(job.result()) == repr(here)
