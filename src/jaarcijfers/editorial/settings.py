"""The editorial settings of an edition: what people decide, beside the data (docs/editorial.md).

An edition's editorial folder holds `redactie.toml`. This module reads its settings: the disclosure
policy of the edition, the publication date, whether the estimate of the hidden number is shown, and
the press contact. Every key is optional; an absent file means "no settings" (the build then uses the
safe defaults: the strict disclosure policy, the build date, the estimate shown).

The file comes from outside the program: it is read as a regular file only (never through a link), with
a size limit, and every value is checked; a wrong value is a `UserError` that names the file, the key,
the value and the rule.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jaarcijfers.errors import UserError
from jaarcijfers.language import N_

SETTINGS_FILE = "redactie.toml"
MAX_SETTINGS_SIZE = 64 * 1024


@dataclass(frozen=True)
class Contact:
    """The press contact printed on the press summary and in the colophon."""

    name: str
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class EditorialSettings:
    """The settings of one edition (all optional)."""

    sdc_policy: str | None = None  # `onthullingscontrole`: a policy of `sdc.policy.REGISTRY`
    sdc_reason: str | None = None  # `onthullingscontrole_reden`: why, for the Toelichting
    publication_date: dt.date | None = None  # `publicatiedatum`
    show_estimate: bool = True  # `schatting`: the experimental estimate of the hidden number
    contact: Contact | None = None  # [contact] naam, telefoon, email


KEYS = {
    "onthullingscontrole": "het beleid voor onthullingscontrole van deze editie (publicatie of strict)",
    "onthullingscontrole_reden": "waarom dit beleid (voor de toelichting)",
    "publicatiedatum": "de datum van publicatie (JJJJ-MM-DD)",
    "schatting": "de experimentele schatting van het verborgen aantal tonen (true/false)",
    "contact": "de perscontactpersoon: naam, telefoon, email",
}
"""Every key of `redactie.toml` with its meaning (Dutch; documented in docs/editorial.md)."""


def read_settings(folder: Path | None) -> EditorialSettings:
    """The settings in `folder/redactie.toml` (defaults when the folder or the file is absent)."""
    if folder is None:
        return EditorialSettings()
    path = folder / SETTINGS_FILE
    import os

    if not os.path.lexists(path):
        return EditorialSettings()
    from jaarcijfers.contract.safefiles import FileRefused, read_small

    try:
        text = read_small(path, MAX_SETTINGS_SIZE).decode("utf-8")
    except FileRefused as exc:
        raise UserError(
            f"{path}: geen gewoon bestand of groter dan {MAX_SETTINGS_SIZE} bytes ({exc.code})"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path} kan niet gelezen worden als UTF-8-tekst: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path} is geen geldig TOML-bestand: {exc}") from None
    return parse_settings(data, str(path))


def parse_settings(data: Mapping[str, Any], where: str) -> EditorialSettings:
    """Check and convert the keys of a settings file; every problem is reported at once."""
    problems: list[str] = []
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        problems.append(f"onbekende sleutel(s) {', '.join(unknown)} (bekend: {', '.join(KEYS)})")
    policy = data.get("onthullingscontrole")
    if policy is not None:
        from jaarcijfers.sdc.policy import REGISTRY

        if not isinstance(policy, str) or policy not in REGISTRY:
            problems.append(f"onthullingscontrole = {policy!r}: kies uit {', '.join(sorted(REGISTRY))}")
    reason = data.get("onthullingscontrole_reden")
    if reason is not None and not isinstance(reason, str):
        problems.append("onthullingscontrole_reden moet tekst zijn")
    date = data.get("publicatiedatum")
    if date is not None and not (isinstance(date, dt.date) and not isinstance(date, dt.datetime)):
        problems.append(f"publicatiedatum = {date!r}: een datum als 2025-10-18 verwacht")
    show = data.get("schatting", True)
    if not isinstance(show, bool):
        problems.append(f"schatting = {show!r}: true of false verwacht")
    contact = _contact(data.get("contact"), problems)
    if problems:
        raise UserError(f"{where}: " + "; ".join(problems))
    return EditorialSettings(
        sdc_policy=policy,
        sdc_reason=reason,
        publication_date=date,
        show_estimate=show,
        contact=contact,
    )


def _contact(value: Any, problems: list[str]) -> Contact | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("naam"), str) or not value["naam"].strip():
        problems.append('[contact] moet minstens een naam hebben (naam = "…")')
        return None
    extra = sorted(set(value) - {"naam", "telefoon", "email"})
    if extra:
        problems.append(f"[contact]: onbekende sleutel(s) {', '.join(extra)}")
    for key in ("telefoon", "email"):
        if key in value and not isinstance(value[key], str):
            problems.append(f"[contact] {key} moet tekst zijn")
    return Contact(value["naam"].strip(), value.get("telefoon"), value.get("email"))


EDITORIAL_DIR = "redactie"


def editorial_folder(data: Path, year: int, override: Path | None = None) -> Path | None:
    """The editorial folder of the edition for `year`: `override` (`build --redactie DIR`) when given,
    else `DATA/redactie/YEAR/` when it exists, else None (no editorial content)."""
    if override is not None:
        if not override.is_dir() or override.is_symlink():
            raise UserError(f"de redactiemap {override} bestaat niet of is geen gewone map")
        return override
    folder = data / EDITORIAL_DIR / str(year)
    if folder.is_symlink():
        raise UserError(f"de redactiemap {folder} is een koppeling; alleen een gewone map wordt gelezen")
    return folder if folder.is_dir() else None


POLICY_DEFAULT_REASON = N_(
    "Voor deze editie is geen beleid voor onthullingscontrole vastgelegd; daarom geldt het strikte beleid "
    "(veilig als standaard)."
)
POLICY_CHOSEN_REASON = N_("Het beleid voor onthullingscontrole is bij het maken van deze editie gekozen.")
"""The build's own reasons for the policy (an edition in another language takes them from its catalogue;
the analysts' reason is theirs, in `en/redactie.toml`: docs/language.md)."""


def edition_policy(settings: EditorialSettings, override: str | None = None) -> tuple[str, str | None]:
    """The disclosure policy of the edition and why (Dutch, for the Toelichting): `override` (`build --sdc`)
    when given, else the edition's `onthullingscontrole`, else the strict policy (safe by default).

    The reason is the setting's `onthullingscontrole_reden` when the setting decides (or `--sdc` names the
    same policy); an edition without a setting says that the safe default applies."""
    from jaarcijfers.sdc.policy import SAFE_DEFAULT

    if override is not None and override != settings.sdc_policy:
        return override, POLICY_CHOSEN_REASON
    if settings.sdc_policy is not None:
        return settings.sdc_policy, settings.sdc_reason
    return SAFE_DEFAULT, POLICY_DEFAULT_REASON
