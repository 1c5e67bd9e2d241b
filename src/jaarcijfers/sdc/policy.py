"""Disclosure-control policies as records, and their registry.

A policy is one `DisclosurePolicy` record (`POLICY`) in its own module of this package, registered by one
line in `REGISTRY`. The record holds everything the rest of the system needs to know about the policy:
its name, what it protects (Dutch), its symbols with their meanings, the counts it treats as small,
whether it decides about prose facts too, its note for the reader of the Toelichting and its `protect`
function, which turns the computed cells (true values) into the strings that may be published.
`edition.publish` applies the policy once; renderers only ever see published strings.

This module imports nothing heavy: the CLI lists the registry in `--help`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from jaarcijfers.figures.model import CellKey, CellKind, RawCell
from jaarcijfers.numbers import format_percent, round_half_up

if TYPE_CHECKING:
    from jaarcijfers.sdc.prior import PriorEdition

SMALL_COUNTS = range(1, 5)
"""Contract rule 11: a count of 1 to 4 persons or cases is small and may not be published as such.
The one place this rule lives; every policy, the attacker's model and the audit read it from here."""
SMALL_IN_WORDS = f"{SMALL_COUNTS[0]} tot en met {SMALL_COUNTS[-1]}"
"""The rule as the reader is told it ("1 tot en met 4")."""
PROTECTED_UPPER = SMALL_COUNTS.stop
"""A withheld count (the strict policy's `x`) must be able to be at least this large: a cell whose feasible
range stays within the small counts would tell that it is small (the symbol would read '<5'). The strict
policy raises protection so that every withheld cell can reach it; the audit requires it (docs/sdc.md)."""
MIN_MEAN_PERSONS = SMALL_COUNTS.stop
"""A mean (an age) over fewer persons than this is withheld by every policy: the mean age of one person is
that person's age (docs/sdc.md, "Means and rankings")."""

REGISTRY: dict[str, str] = {
    "publicatie": "jaarcijfers.sdc.publicatie",
    "strict": "jaarcijfers.sdc.strict",
}
"""Policy name -> the module holding its `POLICY` record (imported only when the policy is used); every
entry is documented in docs/sdc.md (tested). The first entry is `DEFAULT`; a new edition gets `SAFE_DEFAULT`."""

DEFAULT = next(iter(REGISTRY))
"""The policy assumed for published files read back without saying theirs (`edition.files.read_edition`)."""

SAFE_DEFAULT = "strict"
"""The policy of an edition that declares none in its editorial settings (`onthullingscontrole` in
`redactie.toml`) and is built without `--sdc`: safe by default (docs/editions.md)."""


class Protect(Protocol):
    """A policy's decision: computed cells -> published strings; `prior`: the earlier published editions
    an outsider knows (`sdc.editions.PriorEdition`; a policy may ignore them)."""

    def __call__(
        self, cells: Sequence[RawCell], prior: Sequence[PriorEdition] = ()
    ) -> dict[CellKey, str]: ...


@dataclass(frozen=True)
class Symbol:
    """A symbol a published cell or fact may show instead of a number, with its meaning for the reader."""

    text: str  # as published: "<5", "x", "<10"; "(leeg)" stands for an empty cell
    meaning: str  # Dutch
    withholds: bool = False  # stands for a count the policy withheld
    below: int | None = None  # stands for a count below this value (a chart draws it up to there)
    conceals: bool = False  # stands for a value withheld because it would reveal a hidden count or a person


ROUNDED_SMALL = Symbol(
    "<10", "een aantal van 0 tot en met 9, zoals aangeleverd (IND, Raad voor de rechtspraak)", below=10
)
"""Delivered by the rounded sources themselves; every policy passes it through."""
BLANK = Symbol("(leeg)", "niet weergegeven: te weinig gegevens voor een betrouwbare uitsplitsing")
"""An empty cell: a breakdown the figure deliberately does not show."""


@dataclass(frozen=True)
class DisclosurePolicy:
    name: str
    protects: str  # Dutch: what the policy protects, and what not
    symbols: tuple[Symbol, ...]  # every symbol its editions can show, in the order explained to the reader
    protect: Protect  # computed cells (and the earlier editions an outsider knows) -> published strings
    small: range = SMALL_COUNTS  # counts of persons or cases that are never published as such
    models_facts: bool = False  # also receives the related prose count facts as cells and decides about them
    withholds_derived: bool = False  # withholds every fact computed from a withheld cell (shares included)
    note: str | None = None  # the paragraph for the Toelichting of the report (Dutch), if any

    def __post_init__(self) -> None:
        if sum(s.withholds for s in self.symbols) != 1:
            raise ValueError(f"policy {self.name}: exactly one symbol must stand for a withheld count")
        if sum(s.conceals for s in self.symbols) > 1:
            raise ValueError(f"policy {self.name}: at most one symbol may stand for a concealed value")

    @property
    def withheld(self) -> Symbol:
        """The symbol of a withheld count, in the tables and in the prose."""
        return next(s for s in self.symbols if s.withholds)

    @property
    def concealed(self) -> Symbol:
        """The symbol of a value withheld because it would reveal a hidden count (a fact computed from a
        hidden cell whose own value is not small) or a person (a mean over few persons): the policy's
        `conceals` symbol, else its withholding symbol."""
        return next((s for s in self.symbols if s.conceals), self.withheld)


def get_policy(name: str) -> DisclosurePolicy:
    from importlib import import_module

    from jaarcijfers.errors import UserError

    if name not in REGISTRY:
        raise UserError(
            f"onbekend beleid voor onthullingscontrole: {name!r} (kies uit {', '.join(REGISTRY)})"
        )
    policy = import_module(REGISTRY[name]).POLICY
    assert isinstance(policy, DisclosurePolicy) and policy.name == name, REGISTRY[name]
    return policy


def plain_text(cell: RawCell) -> str:
    """How a cell is written when a policy does not withhold it: a count as a whole number, a delivered
    value as delivered, a share as a whole percentage, a mean or rank rounded half up (docs/rules.md)."""
    if cell.kind == CellKind.COUNT:
        return str(cell.value)
    if cell.kind == CellKind.ROUNDED:
        return cell.display or ""
    if cell.kind == CellKind.PERCENT:
        return "" if cell.value is None else format_percent(cell.value)
    if cell.kind in (CellKind.MEAN, CellKind.RANK):
        return "" if cell.value is None else str(round_half_up(cell.value))
    return ""
