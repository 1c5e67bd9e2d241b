"""The incidence rows of the decomposable graphs computed all at once (graphs.incidences) against the
cliques and separators that maximum cardinality search finds one graph at a time (graphs.junction)."""

import numpy as np
import pytest

from jaarcijfers.estimate.graphs import decomposable_graphs, incidences


def _searched(m):
    graphs = decomposable_graphs(m)
    rows = np.zeros((len(graphs), 2**m - 1))
    for i, g in enumerate(graphs):
        for c in g.cliques:
            rows[i, c - 1] += 1
        for s in g.separators:
            rows[i, s - 1] -= 1
    return graphs, rows


def _check(m):
    graphs, rows = _searched(m)
    inc = incidences(m)
    assert len(inc.codes) == len(graphs)
    assert [inc.edges(i) for i in range(len(graphs))] == [g.edges for g in graphs]
    assert np.array_equal(inc.rows, rows)
    assert np.array_equal(inc.counts, [len(g.cliques) - len(g.separators) for g in graphs])


@pytest.mark.parametrize("m", [2, 3, 4, 5])
def test_incidences_equal_the_search(m):
    _check(m)


@pytest.mark.slow
def test_incidences_equal_the_search_six_lists():
    _check(6)


def test_separator_counted_as_often_as_it_separates():
    """A star on four lists (0 joined to 1, 2 and 3): cliques {0,1}, {0,2}, {0,3}; separator {0} twice."""
    inc = incidences(4)
    star = next(i for i in range(len(inc.codes)) if inc.edges(i) == ((0, 1), (0, 2), (0, 3)))
    row = dict(enumerate(inc.rows[star], start=1))
    assert row[0b0001] == -2
    assert {c for c, v in row.items() if v == 1} == {0b0011, 0b0101, 0b1001}
    assert inc.counts[star] == 1


@pytest.mark.parametrize("m", [2, 3, 4, 5, 6])
def test_incidence_rows_are_in_c_order(m):
    # bma.py's matrix products take blocks of rows; their rounding depends on the layout BLAS is given
    rows = incidences(m).rows
    assert rows.flags.c_contiguous and rows.dtype == np.float64
