"""The processing rules of the contract, as an ordered tuple of small rules (one module per rule).

Each rule module has a docstring (the rule in words, as in docs/rules.md), a `NAME`, and `views(ctx)`,
returning the SQL statements that create its DuckDB views from the warehouse tables and from the
views of earlier rules. `apply_rules(con)` runs them in order. The views are the unit tables and
dimensions the figure catalogue counts:

unit tables  `victims`, `investigations`, `suspect_years`, `om_cases`
dimensions   `dim_<unit>_<name>(id, code)`: one row per unit and code (several for multi-valued ones)
"""

from __future__ import annotations

from types import ModuleType

from jaarcijfers.rules import (
    r01_victims,
    r02_victim_forms,
    r03_sexual_split,
    r04_sectors,
    r05_age_classes,
    r06_regions,
    r07_investigations,
    r08_case_form,
    r09_om_decision,
    r10_verdict,
)

RULES: tuple[ModuleType, ...] = (
    r01_victims,
    r02_victim_forms,
    r03_sexual_split,
    r04_sectors,
    r05_age_classes,
    r06_regions,
    r07_investigations,
    r08_case_form,
    r09_om_decision,
    r10_verdict,
)


def apply_rules(con) -> None:
    """Create every rule's views on a warehouse connection, in order."""
    from jaarcijfers.rules.lookups import register_lookups

    register_lookups(con)
    for rule in RULES:
        for sql in rule.views():
            # The rules are written as views (readable, testable one by one) but materialised once: every
            # figure reads them many times and the delivery does not change during a build.
            con.execute(sql.replace("CREATE OR REPLACE TEMP VIEW", "CREATE OR REPLACE TEMP TABLE", 1))
