"""Synthetic deliveries that reproduce a published edition (the demo data)."""
