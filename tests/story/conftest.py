"""Editions of the demo delivery (2024 and 2023), computed once per state of the source tree and shared
between test processes (`demo_edition` in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from jaarcijfers.edition.model import Edition


@pytest.fixture(scope="session")
def demo(demo_edition: Callable[..., tuple[Any, Any]]) -> Edition:
    return demo_edition()[0]


@pytest.fixture(scope="session")
def demo_2023(demo_edition: Callable[..., tuple[Any, Any]]) -> Edition:
    return demo_edition(2023)[0]
