"""jaarcijfers: the Dutch annual figures on human trafficking, computed, protected and published."""

__version__ = "0.1.0"
RULES_VERSION = "2024.1"  # version of the processing rules (docs/rules.md); bump on any rule change
