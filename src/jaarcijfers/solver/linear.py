"""Linear expressions over the columns of a `solver.model.Model`."""

from __future__ import annotations

from collections.abc import Iterable


class Lin:
    """A linear expression: {column: coefficient} + constant. Supports +, -, * scalar, `lsum`."""

    __slots__ = ("terms", "const")

    def __init__(self, terms: dict[int, float] | None = None, const: float = 0) -> None:
        self.terms: dict[int, float] = dict(terms or {})
        self.const: float = const

    def _add(self, other: Lin | float, sign: float) -> Lin:
        out = Lin(self.terms, self.const)
        if isinstance(other, Lin):
            for k, v in other.terms.items():
                out.terms[k] = out.terms.get(k, 0) + sign * v
            out.const += sign * other.const
        else:
            out.const += sign * other
        return out

    def __add__(self, other: Lin | float) -> Lin:
        return self._add(other, 1)

    __radd__ = __add__

    def __sub__(self, other: Lin | float) -> Lin:
        return self._add(other, -1)

    def __rsub__(self, other: Lin | float) -> Lin:
        return (-1 * self)._add(other, 1)

    def __mul__(self, k: float) -> Lin:
        return Lin({c: v * k for c, v in self.terms.items()}, self.const * k)

    __rmul__ = __mul__

    def __neg__(self) -> Lin:
        return self * -1

    def value(self, values: tuple[float, ...]) -> float:
        """The expression at a solution's column values."""
        return self.const + sum(v * values[k] for k, v in self.terms.items())


def lsum(items: Iterable[Lin | float]) -> Lin:
    out = Lin()
    for i in items:
        out = out + i
    return out
