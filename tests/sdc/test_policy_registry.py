"""Every disclosure-control policy in the registry is documented and importable (datasette style)."""

from pathlib import Path

import pytest

from jaarcijfers.publish import SYMBOLS
from jaarcijfers.sdc.policy import POLICIES, get_policy

DOC = (Path(__file__).resolve().parents[2] / "docs" / "sdc.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(POLICIES))
def test_policy_is_documented_and_loads(name):
    assert f"`{name}`" in DOC, f"docs/sdc.md does not document the policy `{name}`"
    assert callable(get_policy(name))
    assert name in SYMBOLS, "every policy explains its symbols to the reader"


def test_unknown_policy_is_a_user_error():
    from jaarcijfers.errors import UserError

    with pytest.raises(UserError):
        get_policy("geen")
