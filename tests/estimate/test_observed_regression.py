"""Regression: a registration with several forms and several reporters is one capture history.

(The capture histories were once grouped by an unordered list of forms, so such a registration could be
counted two or three times, and the observed number exceeded the registered victims.)"""

import duckdb

from jaarcijfers.estimate.run import histories_for_year


def test_each_registration_is_one_history():
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE comensha_registraties (registratie_id VARCHAR, jaar INTEGER, anoniem BOOLEAN,"
        " geslacht VARCHAR, leeftijd INTEGER, nationaliteit VARCHAR)"
    )
    con.execute("CREATE TABLE comensha_uitbuiting (registratie_id VARCHAR, vorm VARCHAR, sector VARCHAR)")
    con.execute("CREATE TABLE comensha_melders (registratie_id VARCHAR, melder VARCHAR)")
    regs = [(f"R{i}", 2024, False, "vrouw", 30, "NL") for i in range(40)] + [
        ("A1", 2024, True, None, None, None)
    ]
    con.executemany("INSERT INTO comensha_registraties VALUES (?, ?, ?, ?, ?, ?)", regs)
    forms = ["seksueel", "arbeid", "crimineel", "onbekend"]
    con.executemany(
        "INSERT INTO comensha_uitbuiting VALUES (?, ?, NULL)",
        [(f"R{i}", f) for i in range(40) for f in forms[: 1 + i % 4]],
    )
    reporters = ["politie", "zorgcoordinator", "kmar"]
    con.executemany(
        "INSERT INTO comensha_melders VALUES (?, ?)",
        [(f"R{i}", m) for i in range(40) for m in reporters[: 1 + i % 3]] + [("A1", "politie")],
    )
    table, _ = histories_for_year(con, 2024)
    assert table.observed == 40


def test_observed_equals_the_registered_victims_with_a_reporter_on_the_demo():
    from jaarcijfers.paths import DEMO_DELIVERY
    from jaarcijfers.warehouse.load import open_delivery

    con = open_delivery(DEMO_DELIVERY)
    (expected,) = con.execute(
        """SELECT count(*) FROM comensha_registraties r WHERE r.jaar = 2024 AND NOT r.anoniem
           AND EXISTS (SELECT 1 FROM comensha_melders m WHERE m.registratie_id = r.registratie_id)"""
    ).fetchone()
    table, _ = histories_for_year(con, 2024)
    assert table.observed == expected
