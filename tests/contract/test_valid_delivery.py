from jaarcijfers.contract.example import write_delivery
from jaarcijfers.contract.schema import FILES
from jaarcijfers.contract.validate import validate_delivery


def test_example_delivery_is_valid(delivery):
    report = validate_delivery(delivery)
    assert report.ok, report.problems
    assert report.problems == []
    assert list(report.files) == list(FILES)
    summary = report.files["comensha_uitbuiting"]
    assert (summary.rows_read, summary.rows_valid, summary.rows_rejected) == (5, 5, 0)


def test_every_format_is_valid(tmp_path):
    for fmt in ("csv", "parquet", "xlsx"):
        report = validate_delivery(write_delivery(tmp_path / fmt, fmt=fmt))
        assert report.ok and not report.problems, (fmt, report.problems)
