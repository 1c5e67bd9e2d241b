"""Statistical disclosure control: policies applied once, before any renderer sees a number; the audit."""
