"""The editorial settings: every key documented, defaults without a file, every problem named at once,
only regular files read."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from jaarcijfers.editorial.settings import (
    KEYS,
    SETTINGS_FILE,
    Contact,
    EditorialSettings,
    editorial_folder,
    read_settings,
)
from jaarcijfers.errors import UserError

DOC = (Path(__file__).resolve().parents[2] / "docs" / "editorial.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("key", sorted(KEYS))
def test_every_key_is_documented(key):
    assert f"`{key}`" in DOC or f"`[{key}]`" in DOC


def test_no_folder_or_no_file_gives_the_defaults(tmp_path):
    assert read_settings(None) == EditorialSettings()
    assert read_settings(tmp_path) == EditorialSettings()


def test_settings_are_read(tmp_path):
    (tmp_path / SETTINGS_FILE).write_text(
        'onthullingscontrole = "publicatie"\n'
        'onthullingscontrole_reden = "reproduceert het gepubliceerde rapport"\n'
        "publicatiedatum = 2025-10-18\n"
        "schatting = false\n"
        '[contact]\nnaam = "Persvoorlichting"\ntelefoon = "070-3704514"\n',
        encoding="utf-8",
    )
    s = read_settings(tmp_path)
    assert s.sdc_policy == "publicatie"
    assert s.publication_date == dt.date(2025, 10, 18)
    assert s.show_estimate is False
    assert s.contact == Contact("Persvoorlichting", "070-3704514", None)


def test_every_problem_is_named_at_once(tmp_path):
    (tmp_path / SETTINGS_FILE).write_text(
        'onthullingscontrole = "open"\npublicatiedatum = "morgen"\nschatting = "ja"\nkleur = 1\n',
        encoding="utf-8",
    )
    with pytest.raises(UserError) as exc:
        read_settings(tmp_path)
    message = exc.value.message
    for part in ("onthullingscontrole = 'open'", "publicatiedatum = 'morgen'", "schatting = 'ja'", "kleur"):
        assert part in message
    assert SETTINGS_FILE in message


def test_invalid_toml_is_a_clear_error(tmp_path):
    (tmp_path / SETTINGS_FILE).write_text("onthullingscontrole = \n", encoding="utf-8")
    with pytest.raises(UserError, match="geen geldig TOML"):
        read_settings(tmp_path)


def test_a_link_is_never_followed(tmp_path):
    target = tmp_path / "elders.toml"
    target.write_text('onthullingscontrole = "publicatie"\n', encoding="utf-8")
    folder = tmp_path / "redactie"
    folder.mkdir()
    os.symlink(target, folder / SETTINGS_FILE)
    with pytest.raises(UserError, match="geen gewoon bestand"):
        read_settings(folder)


def test_the_folder_of_a_year(tmp_path):
    assert editorial_folder(tmp_path, 2024) is None
    (tmp_path / "redactie" / "2024").mkdir(parents=True)
    assert editorial_folder(tmp_path, 2024) == tmp_path / "redactie" / "2024"
    assert editorial_folder(tmp_path, 2023) is None
    with pytest.raises(UserError):
        editorial_folder(tmp_path, 2024, override=tmp_path / "nergens")
