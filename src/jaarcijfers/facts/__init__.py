"""Prose facts: every number of the report's text, declared once and computed from the figures and unit tables."""
