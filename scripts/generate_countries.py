"""Generate the country code list `src/jaarcijfers/contract/codelists/landen.csv`.

Sources (both installed in the dev dependency group, no network access):

- Babel (CLDR): the Dutch country names, `babel.Locale("nl").territories`.
- country_converter: the list of ISO 3166-1 alpha-2 codes (plus XK Kosovo), the UN M49 sub-region of
  each country (column `UNregion`) and EU-27 / EEA membership (columns `EU27`, `EEA`). The data file
  shipped with the package is read with the standard csv module instead of `CountryConverter()`,
  because country_converter 1.3.x fails to initialise under pandas 3 (its regex column becomes an
  Arrow string column); the data itself is the same.

Usage::

    uv run python scripts/generate_countries.py          # (re)write landen.csv, print a diff summary
    uv run python scripts/generate_countries.py --check  # exit 1 if landen.csv is not up to date

The output is deterministic: sorted by code, `\\n` line endings, UTF-8 without BOM. A test
(tests/test_codelists.py) checks that the committed file equals what this script generates, so a
Babel or country_converter upgrade that changes a name or a region shows up as a test failure and a
reviewable diff of landen.csv.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "jaarcijfers" / "contract" / "codelists" / "landen.csv"
COLUMNS = ("code", "naam", "regio", "eer", "slug")

# The report's regions of nationality, from the UN M49 sub-regions (contract rule 6). M49 is followed
# strictly: Turkey, Cyprus, Armenia, Azerbaijan and Georgia are Western Asia (-> Azië); Russia and the
# other Eastern European countries are Europe; "Latin America and the Caribbean" is the union of the
# Caribbean, Central America and South America (so also Bouvet Island, South Georgia and the Falkland
# Islands, which M49 places in South America).
SUBREGION_TO_REGIO = {
    "Northern Europe": "Europa",
    "Western Europe": "Europa",
    "Southern Europe": "Europa",
    "Eastern Europe": "Europa",
    "Northern Africa": "Afrika",
    "Western Africa": "Afrika",
    "Middle Africa": "Afrika",
    "Eastern Africa": "Afrika",
    "Southern Africa": "Afrika",
    "Western Asia": "Azië",
    "Central Asia": "Azië",
    "Southern Asia": "Azië",
    "Eastern Asia": "Azië",
    "South-eastern Asia": "Azië",
    "Caribbean": "Latijns-Amerika",
    "Central America": "Latijns-Amerika",
    "South America": "Latijns-Amerika",
    "Northern America": "Overig",
    "Australia and New Zealand": "Overig",
    "Melanesia": "Overig",
    "Micronesia": "Overig",
    "Polynesia": "Overig",
    "Antarctica": "Overig",
}

# Hand-checked corrections of the Babel (CLDR) name where Dutch official statistics (CBS) and the
# Taalunie country list use a different name. One comment per entry.
NAME_OVERRIDES = {
    # CLDR adds the political qualifier "SAR van China"; CBS and the Taalunie use "Hongkong".
    "HK": "Hongkong",
    # Idem: CLDR "Macau SAR van China"; CBS and the Taalunie use "Macau".
    "MO": "Macau",
    # CLDR "Myanmar (Birma)"; CBS uses "Myanmar" (a parenthesis does not belong in a table label).
    "MM": "Myanmar",
}

# Codes the contract adds that are not in country_converter's data. XK (Kosovo) is in it (Southern
# Europe, not in the EU/EEA), so only XX (stateless) is hand-coded here.
EXTRA_ROWS = {
    "XX": {"naam": "Staatloos", "regio": "Overig", "eer": "nee"},
}

# The report's group "EU+EER+Zwitserland" is EU-27 + IS, LI, NO (country_converter's EEA column)
# + CH. Switzerland is not in the EEA, so it is added by hand.
EER_EXTRA = {"CH"}

# Slug exceptions: NL's slug is "nl" (as used in identifiers of the report), not "nederland".
SLUG_OVERRIDES = {"NL": "nl"}


def coco_data_file() -> Path:
    from country_converter import country_converter as cc_module

    return Path(cc_module.COUNTRY_DATA_FILE)


def iso2(raw: str) -> str:
    """country_converter stores some ISO2 codes as regexes (`^GR$|^EL$`, `^GB$|^UK$`); the first
    alternative is the ISO 3166-1 code."""
    first = raw.split("|")[0].strip("^$")
    if not re.fullmatch(r"[A-Z]{2}", first):
        raise ValueError(f"unexpected ISO2 value in country_converter data: {raw!r}")
    return first


def slugify(name: str) -> str:
    """ASCII lower case, diacritics removed, spaces and hyphens as `_`, other punctuation dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[\s\-]+", "_", text)
    text = re.sub(r"[^a-z0-9_]", "", text)
    return re.sub(r"_+", "_", text).strip("_")


def build_rows() -> list[dict[str, str]]:
    from babel import Locale

    dutch = Locale("nl").territories
    with coco_data_file().open(encoding="utf-8", newline="") as fh:
        coco = list(csv.DictReader(fh, delimiter="\t"))

    rows: dict[str, dict[str, str]] = {}
    for rec in coco:
        if rec["obsolete"].strip() or not rec["ISO2"].strip():
            continue  # former countries (Soviet Union, Netherlands Antilles, ...)
        code = iso2(rec["ISO2"].strip())
        subregion = rec["UNregion"].strip()
        if subregion not in SUBREGION_TO_REGIO:
            raise ValueError(f"{code}: unknown UN M49 sub-region {subregion!r}")
        if code not in dutch:
            raise ValueError(f"{code}: no Dutch name in Babel")
        if code in rows:
            raise ValueError(f"{code}: twice in country_converter data")
        regio = "Nederland" if code == "NL" else SUBREGION_TO_REGIO[subregion]
        eer = rec["EEA"].strip() == "EEA" or code in EER_EXTRA
        rows[code] = {
            "code": code,
            "naam": NAME_OVERRIDES.get(code, dutch[code]),
            "regio": regio,
            "eer": "ja" if eer else "nee",
        }
    for code, extra in EXTRA_ROWS.items():
        if code in rows:
            raise ValueError(f"{code}: hand-coded but also in country_converter data")
        rows[code] = {"code": code, **extra}
    unused = set(NAME_OVERRIDES) - set(rows)
    if unused:
        raise ValueError(f"name overrides for unknown codes: {sorted(unused)}")

    for row in rows.values():
        row["slug"] = SLUG_OVERRIDES.get(row["code"], slugify(row["naam"]))
    slugs = [row["slug"] for row in rows.values()]
    duplicates = sorted({s for s in slugs if slugs.count(s) > 1})
    if duplicates:
        raise ValueError(f"duplicate slugs: {duplicates}")
    return [rows[code] for code in sorted(rows)]


def render(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def diff_summary(old_text: str | None, new_text: str) -> list[str]:
    new = {r["code"]: r for r in csv.DictReader(io.StringIO(new_text))}
    if old_text is None:
        return [f"new file: {len(new)} countries"]
    old = {r["code"]: r for r in csv.DictReader(io.StringIO(old_text))}
    lines = [f"added {code}: {new[code]}" for code in sorted(set(new) - set(old))]
    lines += [f"removed {code}: {old[code]}" for code in sorted(set(old) - set(new))]
    for code in sorted(set(old) & set(new)):
        for col in COLUMNS:
            if old[code].get(col) != new[code].get(col):
                lines.append(f"changed {code} {col}: {old[code].get(col)!r} -> {new[code].get(col)!r}")
    if not lines and old_text != new_text:
        lines.append("formatting changed (same content)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if landen.csv is out of date"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)

    new_text = render(build_rows())
    old_text = args.output.read_text(encoding="utf-8") if args.output.exists() else None
    changes = diff_summary(old_text, new_text)
    rows = new_text.count("\n") - 1
    if not changes:
        print(f"{args.output.name}: up to date ({rows} countries)")
        return 0
    for line in changes:
        print(line)
    if args.check:
        print(f"{args.output.name}: out of date ({len(changes)} differences)")
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(new_text, encoding="utf-8", newline="")
    print(f"{args.output.name}: written ({rows} countries, {len(changes)} differences)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
