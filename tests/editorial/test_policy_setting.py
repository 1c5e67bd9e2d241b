"""Safe by default (docs/editions.md): the disclosure policy of an edition is its editorial setting,
`build --sdc` overrides it, and an edition without one gets the strict policy; the Toelichting says why."""

from __future__ import annotations

import tomllib

from jaarcijfers.editorial.settings import (
    POLICY_CHOSEN_REASON,
    POLICY_DEFAULT_REASON,
    EditorialSettings,
    edition_policy,
    editorial_folder,
    read_settings,
)
from jaarcijfers.paths import DEMO_2023_DELIVERY, DEMO_DELIVERY
from jaarcijfers.sdc.policy import SAFE_DEFAULT


def test_without_a_setting_the_strict_policy_applies():
    assert SAFE_DEFAULT == "strict"
    assert edition_policy(EditorialSettings()) == ("strict", POLICY_DEFAULT_REASON)


def test_the_setting_decides_and_gives_its_reason():
    settings = EditorialSettings(sdc_policy="publicatie", sdc_reason="zoals gepubliceerd")
    assert edition_policy(settings) == ("publicatie", "zoals gepubliceerd")
    assert edition_policy(settings, "publicatie") == ("publicatie", "zoals gepubliceerd")


def test_the_build_option_overrides_the_setting():
    settings = EditorialSettings(sdc_policy="publicatie", sdc_reason="zoals gepubliceerd")
    assert edition_policy(settings, "strict") == ("strict", POLICY_CHOSEN_REASON)
    assert edition_policy(EditorialSettings(), "publicatie") == ("publicatie", POLICY_CHOSEN_REASON)


def test_the_demo_declares_the_publication_policy_for_2024_only():
    settings = read_settings(editorial_folder(DEMO_DELIVERY, 2024))
    assert settings.sdc_policy == "publicatie" and "reproduceert het gepubliceerde rapport" in (
        settings.sdc_reason or ""
    )
    assert editorial_folder(DEMO_DELIVERY, 2023) is None
    earlier = read_settings(editorial_folder(DEMO_2023_DELIVERY, 2023))
    assert earlier.sdc_policy == "publicatie" and earlier.sdc_reason
    # the files are valid TOML with only known keys (read_settings checks them)
    tomllib.loads((DEMO_DELIVERY / "redactie" / "2024" / "redactie.toml").read_text(encoding="utf-8"))
