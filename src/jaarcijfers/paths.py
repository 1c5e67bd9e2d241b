"""Locations of the data that ships inside the package."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"
DEMO_DELIVERY = DATA / "demo"
REFERENCE_2024 = DATA / "reference" / "2024"
CODELISTS = PACKAGE / "contract" / "codelists"
