"""The one layer over the HiGHS solver (`highspy`): every LP and MIP of the project goes through here.

- `solver.model`: `Model` (a HiGHS instance with columns, rows and warm-started changes), `Settings`
  (deterministic options: one thread, a fixed random seed), `Limits` (work limits only: simplex
  iterations, branch-and-bound nodes and leaves, improving solutions -- never seconds), `Status` and the
  frozen `Result` of a solve (values, duals, objective, work done).
- `solver.linear`: `Lin`, a linear expression over column indices, and `lsum`.

No other module imports `highspy`, and this package imports it (and numpy) only when a model is built,
so `jaarcijfers --help` stays instant. See docs/solver.md.
"""
