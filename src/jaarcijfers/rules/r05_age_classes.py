"""Rule 5 — age classes.

Victims: minderjarig (< 18), 18-22, 23-29, 30-39, 40+, onbekend.
Tried suspects (age at the offence date): t/m 22, 23-29, 30-39, 40+, onbekend.
Means are taken over known ages by the engine (exact, rounded half up).
"""

NAME = "leeftijdsklassen"


def victim_class(col: str) -> str:
    return f"""CASE WHEN {col} IS NULL THEN 'onbekend' WHEN {col} < 18 THEN 'minderjarig'
               WHEN {col} <= 22 THEN '18-22' WHEN {col} <= 29 THEN '23-29'
               WHEN {col} <= 39 THEN '30-39' ELSE '40+' END"""


def suspect_class(col: str) -> str:
    return f"""CASE WHEN {col} IS NULL THEN 'onbekend' WHEN {col} <= 22 THEN 't/m 22'
               WHEN {col} <= 29 THEN '23-29' WHEN {col} <= 39 THEN '30-39' ELSE '40+' END"""


def views() -> tuple[str, ...]:
    return (
        f"CREATE OR REPLACE TEMP VIEW dim_victim_leeftijd AS SELECT id, {victim_class('leeftijd')} AS code FROM victims",
    )
