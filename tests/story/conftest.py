"""Editions of the demo delivery (2024 and 2023), computed once per test session."""

from __future__ import annotations

import pytest

from jaarcijfers.edition.model import Edition


def edition_of(year: int | None, **kw: object) -> Edition:
    from jaarcijfers.build import compute_edition
    from jaarcijfers.paths import DEMO_DELIVERY

    return compute_edition(DEMO_DELIVERY, year, "publicatie", **kw)[0]  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def demo() -> Edition:
    return edition_of(None)


@pytest.fixture(scope="session")
def demo_2023() -> Edition:
    return edition_of(2023)
