"""The DuckDB warehouse: loading validated deliveries with provenance and history."""
