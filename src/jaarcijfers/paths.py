"""Locations of the data that ships inside the package."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"
DEMO_DELIVERY = DATA / "demo"
REFERENCE_2024 = DATA / "reference" / "2024"
CODELISTS = PACKAGE / "contract" / "codelists"
DEMO_2023_DELIVERY = DATA / "demo-2023"  # the demo's delivery a year earlier (scripts/make_demo_2023.py)
