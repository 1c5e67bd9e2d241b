"""The plausibility review of a delivery before publication (`jaarcijfers review`, docs/editions.md)."""
